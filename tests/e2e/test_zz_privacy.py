"""Runs after the other end-to-end tests: nothing identifying at rest, and "delete my data" works."""

import sqlite3
import uuid

import pytest
import requests

from tests.e2e.test_channels import CHAT_ID, RAW_NUMBER
from tests.e2e.test_rest import say

pytestmark = pytest.mark.e2e
SKIP = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}


def project_files(root):
    for path in root.rglob("*"):
        if any(part in SKIP for part in path.relative_to(root).parts):
            continue
        if path.is_file() and path.stat().st_size < 200_000_000:
            yield path


def test_no_raw_id_in_any_file_or_log_line(bot):
    from tests.stack import ROOT

    digits = RAW_NUMBER.lstrip("+").encode()
    chat = str(CHAT_ID).encode()
    found = [str(p) for p in project_files(ROOT) if digits in p.read_bytes() or chat in p.read_bytes()]
    assert found == []
    log = bot.log.read_text(errors="replace")
    assert "Rasa server is up and running" in log  # the servers did log
    assert RAW_NUMBER.lstrip("+") not in log and str(CHAT_ID) not in log


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


def test_no_message_text_in_the_store(bot):
    with sqlite3.connect(bot.db) as db:
        blob = " ".join(row[0] for row in db.execute("select data from events"))
    assert "necesito un doctor" not in blob and "golpeando" not in blob
