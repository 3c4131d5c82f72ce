"""Flooding (issue "Performance, scale-out and reliability"): 25 messages in a burst from one sender
get 20 answers, ONE polite notice and then silence; other senders are not affected."""

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from bot.language.catalogue import t
from tests.e2e.test_channels import messages, post_twilio, twilio_form

pytestmark = pytest.mark.e2e
LIMIT = 20  # FloodGuard's default: 20 messages per minute per sender


def rest(bot, sender, text):
    r = requests.post(f"{bot.url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60)
    assert r.status_code == 200, r.text
    return [m.get("text") or "" for m in r.json()]


def test_rest_burst_gets_one_notice_and_then_silence(bot):
    flooder, other = f"flood-{uuid.uuid4().hex[:8]}", f"calm-{uuid.uuid4().hex[:8]}"
    notice = t("es", "rate_limited")
    replies = [rest(bot, flooder, "hola") for _ in range(25)]
    answered, notices, dropped = replies[:LIMIT], replies[LIMIT:LIMIT + 1], replies[LIMIT + 1:]
    assert all(r and notice not in r for r in answered), answered
    assert notices == [[notice]]
    assert dropped == [[]] * 4
    assert sum(r.count(notice) for r in replies) == 1
    # another sender, during the flood and concurrently with it, is answered as usual
    with ThreadPoolExecutor(4) as pool:
        calm = pool.submit(rest, bot, other, "hola")
        more = list(pool.map(lambda _: rest(bot, flooder, "hola"), range(3)))
    assert calm.result() and notice not in calm.result()
    assert more == [[]] * 3


def test_twilio_burst_gets_one_notice_and_empty_twiml(bot):
    sender = "whatsapp:+52" + "155" + "6666" + f"{uuid.uuid4().int % 10_000:04d}"
    notice = t("es", "rate_limited")
    texts = []
    for _ in range(LIMIT + 3):
        r = post_twilio(bot, twilio_form("hola", sender))
        assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/xml")
        texts.append(messages(r))
    assert [m for m in texts[:LIMIT] if not m or notice in m] == []
    assert [notice in "".join(m) for m in texts[LIMIT:]] == [True, False, False]
    assert texts[LIMIT + 1:] == [[], []]
