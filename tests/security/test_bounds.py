"""Every request is bounded: 1 MB bodies, no compressed bodies to the action server, Twilio's
signature before its form, a field limit, strict Unicode, duplicate Telegram updates dropped, and
REST floods limited per client address as well as per sender."""

import time
import uuid
import zlib

import pytest
import requests

from bot.language.catalogue import t
from tests.security.conftest import ACTION_TOKEN, PER_ADDRESS
from tests.security.helpers import (
    pid_listening,
    rest,
    rss_mb,
    telegram,
    telegram_update,
    twilio,
    whatsapp_form,
)
from tests.stack import TELEGRAM_SECRET

pytestmark = [pytest.mark.e2e, pytest.mark.security]
FIVE_MB = b"{" + b" " * 5_000_000 + b"}"


@pytest.mark.parametrize("path", ["/webhooks/rest/webhook", "/webhooks/twilio/webhook", "/webhooks/telegram/webhook"])
def test_a_5_mb_body_gets_413_within_a_second_from_the_rasa_server(bot, path):
    started = time.monotonic()
    r = requests.post(f"{bot.url}{path}", data=FIVE_MB, headers={"Content-Type": "application/json",
                      "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}, timeout=10)
    assert r.status_code == 413 and time.monotonic() - started < 1.0


def test_a_5_mb_body_gets_413_within_a_second_from_the_action_server(hardened):
    started = time.monotonic()
    r = requests.post(f"{hardened.actions_url}/webhook", data=FIVE_MB, timeout=10,
                      headers={"Content-Type": "application/json", "Authorization": f"Bearer {ACTION_TOKEN}"})
    assert r.status_code == 413 and time.monotonic() - started < 1.0


def test_a_deflate_bomb_is_refused_without_memory_growth(hardened):
    # 200 MB of JSON in 0.2 MB: rasa-sdk alone would inflate all of it
    bomb = zlib.compress(b'{"next_action": "' + b"0" * 200_000_000 + b'"}', 9)
    assert len(bomb) < 1_000_000
    pid = pid_listening(int(hardened.actions_url.rsplit(":", 1)[1]))
    before = rss_mb(pid)
    r = requests.post(f"{hardened.actions_url}/webhook", data=bomb, timeout=30, headers={
        "Content-Type": "application/json", "Content-Encoding": "deflate", "Authorization": f"Bearer {ACTION_TOKEN}"})
    assert r.status_code == 415
    assert rss_mb(pid) - before < 50
    assert requests.get(f"{hardened.actions_url}/health", timeout=10).status_code == 200


def test_twilio_without_a_signature_is_refused_before_its_form_is_read(bot):
    # 100,000 fields: parsing them would cost; the missing signature is seen first
    body = "&".join(f"f{i}=x" for i in range(100_000))
    started = time.monotonic()
    r = requests.post(f"{bot.url}/webhooks/twilio/webhook", data=body, timeout=10,
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 403 and time.monotonic() - started < 1.0


def test_twilio_forms_with_too_many_fields_get_400(bot):
    form = whatsapp_form("hola", **{f"Extra{i}": "x" for i in range(200)})
    assert twilio(bot, form).status_code == 400


@pytest.mark.parametrize("body", [
    b'{"sender": "a", "message": "\\ud800"}',  # a lone surrogate, escaped
    b'{"sender": "\\udfff", "message": "hola"}',
    b'{"sender": "a", "message": "\xed\xa0\x80"}',  # a surrogate encoded: not UTF-8
    b'{"sender": "a", "message": "\xff\xfe"}',
])
def test_rest_refuses_what_is_not_unicode_with_400(bot, body):
    r = requests.post(f"{bot.url}/webhooks/rest/webhook", data=body, timeout=30,
                      headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]


def test_twilio_refuses_invalid_utf8_with_400(bot):
    from twilio.request_validator import RequestValidator

    from tests.stack import PUBLIC_URL, TWILIO_TOKEN

    body = "From=%2B5215550001111&Body=%ED%A0%80"  # a surrogate, percent-encoded
    signature = RequestValidator(TWILIO_TOKEN).compute_signature(f"{PUBLIC_URL}/webhooks/twilio/webhook", {})
    r = requests.post(f"{bot.url}/webhooks/twilio/webhook", data=body, timeout=30, headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature})
    assert r.status_code == 400


def test_telegram_refuses_a_lone_surrogate_with_400(bot):
    update = telegram_update(8_100_000_001, "x")
    raw = requests.models.complexjson.dumps(update).replace('"x"', '"\\ud800"').encode()
    assert telegram(bot, raw).status_code == 400


def test_telegram_drops_an_update_it_already_handled(bot):
    chat = 8_100_000_000 + uuid.uuid4().int % 100_000
    update = telegram_update(chat, "hola")
    first = telegram(bot, update)
    sent = len(bot.telegram.messages_to(chat))
    again = telegram(bot, update)
    assert first.status_code == again.status_code == 200
    assert sent > 0 and again.json().get("ignored") == "duplicate update"
    assert len(bot.telegram.messages_to(chat)) == sent


def test_rest_senders_are_limited_per_client_address(hardened):
    # a new sender string for every message: the per-sender limit alone would never trip
    proxy = {"X-Forwarded-For": f"203.0.113.{uuid.uuid4().int % 250 + 1}"}
    notice = t("es", "rate_limited")
    answers = []
    for _ in range(PER_ADDRESS + 3):
        r = requests.post(f"{hardened.url}/webhooks/rest/webhook", headers=proxy, timeout=60,
                          json={"sender": f"made-up-{uuid.uuid4().hex}", "message": "/menu"})
        answers.append([m.get("text") for m in r.json()])
    assert all(a and notice not in a for a in answers[:PER_ADDRESS])
    assert answers[PER_ADDRESS] == [notice] and answers[PER_ADDRESS + 1:] == [[], []]
    # another address is not affected
    assert rest(hardened, "someone-else", "/menu", headers={"X-Forwarded-For": "198.51.100.7"}).json()
