"""Nothing identifying at rest, and "delete my data" works.

The ``traffic`` fixture first talks to the bot on every channel with its own phone number, chat id
and words, so these tests need no other test to have run before them (in any order, or alone)."""

import sqlite3
import uuid

import pytest
import requests

from tests.e2e.test_channels import (
    CHAT_ID,
    RAW_NUMBER,
    post_telegram,
    post_twilio,
    telegram_update,
    twilio_form,
)
from tests.e2e.test_rest import say

pytestmark = pytest.mark.e2e
SKIP = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}
# Built from parts so that they appear in no file of the project folder (but the bot's, if it leaks).
OWN_NUMBER = "+52" + "155" + "8765" + "4321"
OWN_CHAT = 7_000_000_000 + 8765
WORDS = ("necesito un doctor en Tapachula", "me estan golpeando")


@pytest.fixture(scope="module")
def traffic(bot):
    """Messages with raw ids and words on WhatsApp, SMS, Telegram and REST, a location among them."""
    for text in WORDS:
        assert post_twilio(bot, twilio_form(text, "whatsapp:" + OWN_NUMBER)).status_code == 200
        assert post_twilio(bot, twilio_form(text, OWN_NUMBER)).status_code == 200
        assert post_telegram(bot, telegram_update(OWN_CHAT, text)).status_code == 200
        say(bot, f"privacy-{uuid.uuid4().hex[:8]}", text)
    assert post_telegram(bot, telegram_update(OWN_CHAT, location=(14.9056, -92.2634))).status_code == 200
    return bot


def project_files(root):
    for path in root.rglob("*"):
        if any(part in SKIP for part in path.relative_to(root).parts):
            continue
        if path.is_file() and path.stat().st_size < 200_000_000:
            yield path


def test_no_raw_id_in_any_file_or_log_line(traffic):
    from tests.stack import ROOT

    # the ids of tests/e2e/test_channels.py too, when they ran before
    numbers = [n.lstrip("+").encode() for n in (OWN_NUMBER, RAW_NUMBER)]
    chats = [str(c).encode() for c in (OWN_CHAT, CHAT_ID)]
    found = [str(p) for p in project_files(ROOT) if any(raw in p.read_bytes() for raw in (*numbers, *chats))]
    assert found == []
    log = traffic.log.read_text(errors="replace").encode()
    assert b"Rasa server is up and running" in log  # the servers did log
    assert not any(raw in log for raw in (*numbers, *chats))


def test_delete_my_data_empties_the_store(bot):
    raw = f"person-{uuid.uuid4().hex[:8]}"
    say(bot, raw, "necesito un doctor en Tapachula")
    pseudonym = bot.pseudonym("rest", raw)
    with sqlite3.connect(bot.db) as db:
        assert db.execute("select count(*) from events where sender_id = ?", (pseudonym,)).fetchone()[0] > 0
    asked = say(bot, raw, "borra mis datos")
    assert "SÍ" in asked or "si" in asked.lower()
    done = say(bot, raw, "si")
    assert "borrada" in done
    with sqlite3.connect(bot.db) as db:
        assert db.execute("select count(*) from events where sender_id = ?", (pseudonym,)).fetchone()[0] == 0
    tracker = requests.get(bot.api(f"/conversations/{pseudonym}/tracker"), timeout=30).json()
    assert [e for e in tracker.get("events", []) if e.get("event") in ("user", "bot")] == []
    # the next message starts fresh: the welcome again
    again = say(bot, raw, "hola")
    assert "no guardo tu número" in again


def test_no_message_text_in_the_store(traffic):
    with sqlite3.connect(traffic.db) as db:
        blob = " ".join(row[0] for row in db.execute("select data from events"))
    assert not any(words in blob for words in WORDS)
