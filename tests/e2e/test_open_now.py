"""At 3 a.m. the open service first (issue 19), through the real servers: the REST and SMS replies
list the services in the order of ``bot kb search --at`` for the same local time of Tapachula.

The servers' clock is frozen with BOT_FAKE_NOW (tests/stack.py: the session bot runs at
03:00 on a Monday; this module starts a second one at 10:00). ``bot kb search`` is run *without*
BOT_FAKE_NOW, so its ``--at`` alone sets the moment: the two paths agree only if both rank alike.
"""

import json
import subprocess
import sys
import uuid

import pytest

from bot.render.sms import to_gsm7
from tests.e2e.test_channels import messages, post_twilio, twilio_form
from tests.e2e.test_rest import say
from tests.stack import running_bot

pytestmark = pytest.mark.e2e
ASK = "necesito un doctor en Tapachula"


def search_at(bot, at: str) -> list[dict]:
    env = {k: v for k, v in bot.env.items() if k != "BOT_FAKE_NOW"}
    out = subprocess.run([sys.executable, "-m", "bot.cli", "kb", "search", "--need", "medical", "--near", "Tapachula",
                          "--at", at, "--json"], env=env, capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert data["at"] == at.replace(" ", "T") + "-06:00"
    return data["results"]


def shown_in_order(reply: str, results: list[dict], sms: bool = False) -> list[dict]:
    """The results the reply names, checked to be the first ones of ``results`` in the same order."""
    name = (lambda r: to_gsm7(r["name"])) if sms else (lambda r: r["name"])
    shown = [r for r in results if name(r) in reply]
    assert shown == results[: len(shown)], reply
    positions = [reply.index(name(r)) for r in shown]
    assert positions == sorted(positions), reply
    return shown


@pytest.fixture(scope="module")
def day_bot():
    with running_bot("e2e-day", "2026-11-30T10:00-06:00") as running:
        yield running


def test_at_three_the_rest_reply_has_the_24h_service_and_the_opening_times(bot):
    reply = say(bot, f"e2e-{uuid.uuid4().hex[:10]}", ASK)
    shown = shown_in_order(reply, search_at(bot, "2026-11-30 03:00"))
    assert len(shown) == 3 and shown[0]["hours"] == ["24/7"]
    closed = [r for r in shown if r["status"] == "closed"]
    assert closed and all(r["opens_at"] for r in closed)
    assert reply.count("cerrado, abre ") == len(closed) and "cerrado ahora" not in reply


def test_at_three_the_first_sms_has_the_24h_service(bot):
    r = post_twilio(bot, twilio_form(ASK, "+52" + "155" + "9999" + "0019"))
    text = "\n".join(messages(r))
    shown = shown_in_order(text, search_at(bot, "2026-11-30 03:00"), sms=True)
    assert shown and shown[0]["hours"] == ["24/7"] and "abierto 24 horas" in text


def test_at_ten_on_a_weekday_the_nearest_open_ones_first(day_bot):
    results = search_at(day_bot, "2026-11-30 10:00")
    shown = shown_in_order(say(day_bot, f"e2e-{uuid.uuid4().hex[:10]}", ASK), results)
    assert len(shown) == 3 and all(r["status"] == "open" for r in shown)
    assert [r["distance_km"] for r in shown] == sorted(r["distance_km"] for r in shown)
