"""What every channel shares: the turn's deadline, honest deletion, the flood limit, duplicates."""

import asyncio

import pytest

pytestmark = pytest.mark.rasa


async def test_a_turn_past_its_deadline_gives_no_messages(monkeypatch):
    from bot.channels import common

    monkeypatch.setenv("BOT_TURN_DEADLINE_S", "0.2")

    async def slow(message):
        await message.output_channel.send_text_message(message.sender_id, "late")
        await asyncio.sleep(5)

    assert await common.ask_rasa(slow, "hola", "re-1", "rest", {}) == []
    assert common.fallback_reply("hola", None) == [common.t("es", "unavailable")]
    assert any("911" in m for m in common.fallback_reply("me estan golpeando", "MX"))


async def test_a_failed_erase_replaces_the_reply(monkeypatch):
    from bot.channels import common
    from bot.rasa_ext import tracker_store

    async def answer(message):
        await message.output_channel.send_text_message(message.sender_id, common.t("pt", "delete_done"))
        tracker_store._erase_failures[message.sender_id] = "pt"

    messages = await common.ask_rasa(answer, "sim", "re-2", "rest", {})
    assert [m["text"] for m in messages] == [common.t("pt", "delete_failed")]


async def test_the_whole_message_is_kept_for_the_channel():
    from bot.channels.common import ReplyCollector

    out = ReplyCollector()
    await out.send_response("x", {"text": " where?\n\nshare it ", "custom": {"request_location": "📍"}})
    assert out.messages == [{"recipient_id": "x", "text": "where?\n\nshare it", "custom": {"request_location": "📍"}}]


def test_flood_guard_warns_once_then_drops_per_key():
    from limits.storage import MemoryStorage

    from bot.channels.common import FloodGuard

    guard = FloodGuard(limit=3, window=60, storage=MemoryStorage())
    assert [guard.check("a") for _ in range(6)] == ["ok", "ok", "ok", "warn", "drop", "drop"]
    assert guard.check("b") == "ok"


def test_the_flood_guard_forgets_senders_whose_window_is_over():
    """Memory that does not grow with every sender ever seen (limits' own storage keeps them all)."""
    import time

    from bot.channels.common import FloodGuard, ForgetfulMemoryStorage

    storage = ForgetfulMemoryStorage()
    guard = FloodGuard(limit=2, window=1, storage=storage)
    for sender in range(50):
        assert guard.check(f"sender-{sender}") == "ok"
    assert guard.check("sender-0") == "ok" and guard.check("sender-0") == "warn"
    time.sleep(1.2)
    assert guard.check("late") == "ok"  # a hit runs the expiry timer
    deadline = time.monotonic() + 5
    while len(storage.events) > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [key for key in storage.events if "/late/" not in key] == []
    assert guard.check("late") == "ok" and guard.check("late") == "warn"  # still limits


def test_flood_guard_lets_messages_through_when_its_storage_is_down():
    from limits.storage import storage_from_string

    from bot.channels.common import FloodGuard

    down = storage_from_string("redis://127.0.0.1:9/0", socket_timeout=0.2, socket_connect_timeout=0.2)
    assert FloodGuard(limit=1, storage=down).check("a") == "ok"


def test_first_time_sees_a_key_once():
    from bot.channels.common import first_time

    assert first_time("test", "update-1") is True
    assert first_time("test", "update-1") is False
    assert first_time("test", "update-2") is True


@pytest.mark.parametrize("text,ok", [("hola", True), ("😀", True), ("\ud800", False), ("a\udfffb", False)])
def test_clean_text(text, ok):
    from bot.channels.common import is_clean_text

    assert is_clean_text(text) is ok
