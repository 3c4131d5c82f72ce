"""The tracker store against a real SQLite database: no text at rest, erase on request, retention."""

import json
import sqlite3

import pytest

from bot import clock

pytestmark = pytest.mark.rasa


@pytest.fixture
def store(tmp_path):
    from rasa.shared.core.domain import Domain

    from bot.rasa_ext.tracker_store import PrivateSQLTrackerStore

    domain = Domain.load("bot/domain")
    return PrivateSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "rasa.db"), retention_days=30)


def tracker_with(sender, text, events_extra=(), when=None):
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    when = when or clock.epoch()
    events = [
        ActionExecuted("action_listen", timestamp=when),
        UserUttered(text, {"name": "need_medical", "confidence": 0.9}, metadata={"medium": "sms", "country": "MX"},
                    timestamp=when),
        ActionExecuted("action_find_services", timestamp=when),
        BotUttered("Atención médica cerca de Tapachula", timestamp=when),
        SlotSet("lang", "es", timestamp=when),
        *events_extra,
    ]
    return DialogueStateTracker.from_events(sender, events)


def rows(path):
    with sqlite3.connect(path) as db:
        return db.execute("select sender_id, data from events").fetchall()


async def test_no_text_at_rest(store, tmp_path):
    await store.save(tracker_with("tw-abc", "soy Maria, mi numero es 5219998887766, necesito un doctor"))
    stored = rows(tmp_path / "rasa.db")
    assert stored
    blob = json.dumps(stored)
    assert "Maria" not in blob and "5219998887766" not in blob and "Tapachula" not in blob
    restored = await store.retrieve("tw-abc")
    assert restored.get_slot("lang") == "es"
    assert restored.latest_message.intent["name"] == "need_medical"


async def test_erase_deletes_every_event(store, tmp_path):
    from rasa.shared.core.events import SlotSet

    await store.save(tracker_with("tw-abc", "hola"))
    await store.save(tracker_with("tw-other", "hola"))
    tracker = await store.retrieve("tw-abc")
    tracker.update(SlotSet("erase", True))
    await store.save(tracker)
    assert [r for r in rows(tmp_path / "rasa.db") if r[0] == "tw-abc"] == []
    assert await store.retrieve("tw-abc") is None
    assert [r for r in rows(tmp_path / "rasa.db") if r[0] == "tw-other"]


async def test_retention(store, tmp_path):
    day = 86400
    store._last_purge = float("inf")  # no automatic purge while the test sets up
    await store.save(tracker_with("old", "hola", when=clock.epoch() - 40 * day))
    await store.save(tracker_with("yesterday", "hola", when=clock.epoch() - day))
    assert store.purge(30) == 1
    assert {r[0] for r in rows(tmp_path / "rasa.db")} == {"yesterday"}
    assert store.purge(0) == 1
    assert rows(tmp_path / "rasa.db") == []


async def test_running_server_purges_by_itself(store, tmp_path):
    await store.save(tracker_with("old", "hola", when=clock.epoch() - 40 * 86400))
    # the first save of the process purged what was older than the retention period
    assert rows(tmp_path / "rasa.db") == []


async def test_no_metadata_at_rest(store, tmp_path):
    from rasa.shared.core.events import SlotSet, UserUttered

    location = {"medium": "whatsapp", "latitude": 14.906789, "longitude": -92.263456, "country": "MX"}
    tracker = tracker_with("tw-loc", "/inform_place", [
        SlotSet("session_started_metadata", location),
        UserUttered("/inform_place", {"name": "inform_place", "confidence": 1.0},
                    parse_data={"intent": {"name": "inform_place"}, "metadata": location}, metadata=location),
    ])
    await store.save(tracker)
    blob = json.dumps(rows(tmp_path / "rasa.db"))
    assert "906789" not in blob and "263456" not in blob and 'country' not in blob
    assert "whatsapp" in blob  # the medium is kept


def test_a_database_name_with_an_unexpanded_variable_is_refused(tmp_path, monkeypatch):
    from rasa.shared.core.domain import Domain

    from bot.rasa_ext.tracker_store import PrivateSQLTrackerStore

    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="variable"):
        PrivateSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db="${BOT_SQLITE_PATH}")
    assert list(tmp_path.iterdir()) == []


async def test_a_failed_erase_is_reported_not_hidden(store, tmp_path, monkeypatch):
    from rasa.shared.core.events import SlotSet

    from bot.rasa_ext.tracker_store import pop_erase_failure

    await store.save(tracker_with("tw-abc", "hola"))
    tracker = await store.retrieve("tw-abc")
    tracker.update(SlotSet("lang", "fr"))
    tracker.update(SlotSet("erase", True))

    def broken(sender_id):
        raise OSError("disk gone")

    monkeypatch.setattr(store, "erase", broken)
    await store.save(tracker)
    assert pop_erase_failure("tw-abc") == "fr"
    assert pop_erase_failure("tw-abc") is None
    assert [r for r in rows(tmp_path / "rasa.db") if r[0] == "tw-abc"]  # still there, as the person is told


async def test_a_long_conversation_keeps_its_slots_in_a_short_tracker(store, tmp_path):
    """Past COMPACT_AFTER events the store starts a new session with the slots: what is retrieved
    (and sent to the action server) stays short, and the dialogue state is whole."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.rasa_ext.tracker_store import COMPACT_AFTER

    sizes = []
    for turn in range(40):
        tracker = await store.retrieve("tw-long") or DialogueStateTracker("tw-long", store.domain.slots)
        for event in (UserUttered("necesito un doctor", {"name": "need_medical", "confidence": 0.9}),
                      ActionExecuted("action_find_services"), BotUttered("1. Clínica"), BotUttered("2. Hospital"),
                      SlotSet("need", "medical"), SlotSet("place", {"name": f"town {turn}"}),
                      ActionExecuted("action_listen")):
            tracker.update(event)
        if turn == 0:
            tracker.update(SlotSet("lang", "fr"))
        await store.save(tracker)
        sizes.append(len((await store.retrieve("tw-long")).events))
    assert max(sizes) <= COMPACT_AFTER + 7
    assert len(rows(tmp_path / "rasa.db")) > 200  # the history is stored, only not read back
    restored = await store.retrieve("tw-long")
    assert restored.get_slot("lang") == "fr"  # set once, at the first turn
    assert restored.get_slot("place") == {"name": "town 39"}
    assert restored.latest_action_name == "action_listen"
    # "delete my data" erases every session, the compacted ones too
    tracker = await store.retrieve("tw-long")
    tracker.update(SlotSet("erase", True))
    tracker.update(UserUttered("borrar", {"name": "affirm", "confidence": 1.0}))
    await store.save(tracker)
    assert rows(tmp_path / "rasa.db") == []


async def test_sqlite_runs_with_a_write_ahead_log(store, tmp_path):
    await store.save(tracker_with("tw-abc", "hola"))
    with sqlite3.connect(tmp_path / "rasa.db") as db:
        assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
