"""Nothing at rest locates a person; a failing or slow action answers with the fallback (the
emergency line for danger) and leaves no message text in the logs; "delete my data" says "done"
only once it is done."""

import json
import re
import sqlite3
import time
import uuid

import pytest

from bot.language.catalogue import t
from tests.security.conftest import DEADLINE_S
from tests.security.faulty_actions import RAISE, SLOW
from tests.security.helpers import (
    rest,
    rest_texts,
    telegram,
    telegram_update,
    twilio,
    whatsapp_form,
)

pytestmark = [pytest.mark.e2e, pytest.mark.security]
# A point in Tapachula with six distinctive decimals
LAT, LON = 14.906789, -92.263456
NUMBER = re.compile(r"-?\d+\.\d+")


def stored_numbers_near(db, sender_id, lat, lon) -> list[str]:
    """Every number in the stored events of one conversation within 0.1 degree of the shared
    latitude or longitude (other conversations hold towns' public coordinates)."""
    with sqlite3.connect(db) as conn:
        blob = " ".join(row[0] for row in conn.execute("select data from events where sender_id = ?", (sender_id,)))
    return [n for n in NUMBER.findall(blob) if abs(float(n) - lat) < 0.1 or abs(float(n) - lon) < 0.1]


def decimals(number: str) -> int:
    return len(number.split(".")[1])


def test_a_location_shared_on_whatsapp_is_stored_to_two_decimals_at_most(bot):
    form = whatsapp_form("", Latitude=str(LAT), Longitude=str(LON), Address="Calle 1", Label="Casa")
    r = twilio(bot, form)
    assert r.status_code == 200 and "Tapachula" in r.text
    near = stored_numbers_near(bot.db, bot.pseudonym("twilio", form["From"].removeprefix("whatsapp:")), LAT, LON)
    assert near and max(decimals(n) for n in near) <= 2, near


def test_a_location_shared_on_telegram_is_stored_to_two_decimals_at_most(bot):
    chat = 8_200_000_000 + uuid.uuid4().int % 100_000
    assert telegram(bot, telegram_update(chat, "necesito comida")).status_code == 200
    assert telegram(bot, telegram_update(chat, location=(LAT + 0.01, LON - 0.01))).status_code == 200
    assert "Tapachula" in "\n".join(m["text"] for m in bot.telegram.messages_to(chat))
    near = stored_numbers_near(bot.db, bot.pseudonym("telegram", str(chat)), LAT + 0.01, LON - 0.01)
    assert near and max(decimals(n) for n in near) <= 2, near
    with sqlite3.connect(bot.db) as conn:
        events = [json.loads(row[0]) for row in conn.execute("select data from events")]
    starts = [e for e in events if e.get("name") == "session_started_metadata" and e.get("value")]
    assert all(set(e["value"]) <= {"medium"} for e in starts)
    assert all(set(e.get("parse_data") or {}) & {"metadata", "text"} == set() for e in events)


def test_an_action_that_raises_answers_with_the_fallback_and_logs_no_text(hardened):
    secret = f"secreto-{uuid.uuid4().hex[:10]}"
    sender = f"victim-{uuid.uuid4().hex[:8]}"
    answer = rest_texts(hardened, sender, f"{RAISE} hola {secret}")
    assert answer == t("es", "unavailable")
    # danger first, even from a failing action
    danger = rest_texts(hardened, sender, f"{RAISE} me estan golpeando en Tapachula {secret}")
    assert "911" in danger
    time.sleep(1)
    log = hardened.log.read_text(errors="replace")
    assert "action_" in log and "failed" in log and "RuntimeError" in log  # the failure is logged ...
    assert secret not in log and RAISE not in log and sender not in log  # ... without the text or body


def test_a_turn_past_its_deadline_gets_the_fallback_not_silence(hardened):
    started = time.monotonic()
    answer = rest_texts(hardened, f"slow-{uuid.uuid4().hex[:8]}", f"{SLOW} hola")
    took = time.monotonic() - started
    assert answer == t("es", "unavailable") and DEADLINE_S - 1 < took < DEADLINE_S + 3
    # the action server is still sleeping: a danger message in the meantime gets the emergency line
    started = time.monotonic()
    r = twilio(hardened, whatsapp_form(f"{SLOW} me estan golpeando"))
    assert "911" in r.text and time.monotonic() - started < DEADLINE_S + 3


def test_delete_my_data_says_done_only_once_it_is_done(hardened):
    sender = f"deleter-{uuid.uuid4().hex[:8]}"
    rest_texts(hardened, sender, "necesito un doctor en Tapachula")
    rest_texts(hardened, sender, "borra mis datos")
    pseudonym = hardened.pseudonym("rest", sender)
    # another writer holds the database: the erase cannot run
    blocker = sqlite3.connect(hardened.db, timeout=30)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        answer = rest_texts(hardened, sender, "si")
    finally:
        blocker.rollback()
        blocker.close()
    assert answer == t("es", "delete_failed")
    with sqlite3.connect(hardened.db) as conn:
        assert conn.execute("select count(*) from events where sender_id = ?", (pseudonym,)).fetchone()[0] > 0
    rest_texts(hardened, sender, "borra mis datos")
    assert rest_texts(hardened, sender, "si") == t("es", "delete_done")
    with sqlite3.connect(hardened.db) as conn:
        assert conn.execute("select count(*) from events where sender_id = ?", (pseudonym,)).fetchone()[0] == 0
    assert rest(hardened, sender, "hola").status_code == 200
