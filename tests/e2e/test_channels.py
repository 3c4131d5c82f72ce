"""Twilio (SMS, WhatsApp) and Telegram against the real Rasa server, with real payload shapes."""

import re
import time
import uuid
import xml.etree.ElementTree as ET

import pytest
import requests
from twilio.request_validator import RequestValidator

from bot.render.sms import is_gsm7, segments
from tests.e2e.test_rest import kb_search
from tests.stack import PUBLIC_URL, TELEGRAM_SECRET, TWILIO_TOKEN

pytestmark = pytest.mark.e2e
# Built from parts so that the raw number appears in no file of the project folder.
RAW_NUMBER = "+52" + "155" + "1234" + "5678"
CHAT_ID = 7_000_000_000 + 4321


def twilio_form(body, sender, **extra):
    form = {
        "ToCountry": "MX", "ToState": "", "SmsMessageSid": "SM" + uuid.uuid4().hex, "NumMedia": "0",
        "ToCity": "", "FromZip": "", "SmsSid": "SM" + uuid.uuid4().hex, "FromState": "", "SmsStatus": "received",
        "FromCity": "", "Body": body, "FromCountry": "MX", "To": "whatsapp:+14155238886" if sender.startswith("whatsapp") else "+15005550006",
        "ToZip": "", "NumSegments": "1", "MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": "ACe2e",
        "From": sender, "ApiVersion": "2010-04-01",
    }
    form.update(extra)
    return form


def post_twilio(bot, form, signature="sign"):
    url = f"{PUBLIC_URL}/webhooks/twilio/webhook"
    headers = {}
    if signature == "sign":
        headers["X-Twilio-Signature"] = RequestValidator(TWILIO_TOKEN).compute_signature(url, form)
    elif signature:
        headers["X-Twilio-Signature"] = signature
    return requests.post(f"{bot.url}/webhooks/twilio/webhook", data=form, headers=headers, timeout=60)


def messages(response):
    root = ET.fromstring(response.text)
    return [m.text or "" for m in root.iter("Message")]


def test_whatsapp_signed_gets_twiml_with_services(bot):
    r = post_twilio(bot, twilio_form("necesito un doctor en Tapachula", "whatsapp:" + RAW_NUMBER))
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/xml")
    text = "\n".join(messages(r))
    assert "Tapachula" in text and re.search(r"\d+(,\d)? k?m\b", text)
    assert kb_search(bot, "medical", "Tapachula")[0] in text
    assert all(len(m) <= 1600 for m in messages(r))


@pytest.mark.parametrize("signature", [None, "bm90IGEgc2lnbmF0dXJl"])
def test_unsigned_or_wrongly_signed_is_refused(bot, signature):
    r = post_twilio(bot, twilio_form("necesito un doctor en Tapachula", "whatsapp:" + RAW_NUMBER), signature)
    assert r.status_code == 403 and r.json()["error"] == "invalid_signature"


def test_sms_reply_fits_three_gsm7_segments(bot):
    r = post_twilio(bot, twilio_form("necesito un doctor en Tapachula", "+52" + "155" + "9999" + "0001"))
    assert r.status_code == 200
    whole = "\n".join(messages(r))
    assert "Tapachula" in whole
    assert is_gsm7(whole) and sum(segments(m) for m in messages(r)) <= 3, messages(r)


def test_whatsapp_location_is_a_place(bot):
    sender = "whatsapp:+52" + "155" + "9999" + "0002"
    post_twilio(bot, twilio_form("necesito comida", sender))
    r = post_twilio(bot, twilio_form("", sender, Latitude="14.9055", Longitude="-92.2634", Address="", Label=""))
    assert r.status_code == 200 and "Tapachula" in "\n".join(messages(r))


def test_voice_note_gets_what_the_bot_can_read_and_the_menu(bot):
    sender = "whatsapp:+52" + "155" + "9999" + "0003"
    r = post_twilio(bot, twilio_form("", sender, NumMedia="1", MediaContentType0="audio/ogg",
                                     MediaUrl0="https://api.twilio.com/2010-04-01/Accounts/ACe2e/Messages/MM1/Media/ME1"))
    text = "\n".join(messages(r))
    assert r.status_code == 200 and "texto" in text.lower() and "1." in text


def test_emergency_from_mexico_starts_with_911(bot):
    r = post_twilio(bot, twilio_form("ayuda nos estan golpeando", "whatsapp:+52" + "155" + "9999" + "0004"))
    first_line = messages(r)[0].splitlines()[0]
    assert "911" in first_line


def telegram_update(chat_id, text=None, location=None):
    message = {"message_id": int(time.time() * 1000) % 1_000_000, "date": int(time.time()),
               "chat": {"id": chat_id, "type": "private", "first_name": "Ana"},
               "from": {"id": chat_id, "is_bot": False, "first_name": "Ana", "language_code": "es"}}
    if text is not None:
        message["text"] = text
    if location:
        message["location"] = {"latitude": location[0], "longitude": location[1]}
    return {"update_id": int(time.time() * 1000) % 10_000_000, "message": message}


def post_telegram(bot, update, secret=TELEGRAM_SECRET):
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    return requests.post(f"{bot.url}/webhooks/telegram/webhook", json=update, headers=headers, timeout=60)


def test_telegram_update_is_answered_through_the_bot_api(bot):
    r = post_telegram(bot, telegram_update(CHAT_ID, "necesito un doctor en Tapachula"))
    assert r.status_code == 200
    sent = bot.telegram.messages_to(CHAT_ID)
    assert sent and any("Tapachula" in m["text"] for m in sent)


def test_telegram_without_the_secret_is_refused(bot):
    assert post_telegram(bot, telegram_update(CHAT_ID, "hola"), secret=None).status_code == 403
    assert post_telegram(bot, telegram_update(CHAT_ID, "hola"), secret="wrong").status_code == 403


def test_telegram_location_and_keyboard(bot):
    chat = CHAT_ID + 1
    post_telegram(bot, telegram_update(chat, "necesito un albergue"))
    asked = bot.telegram.messages_to(chat)[-1]
    assert "request_location" in str(asked.get("reply_markup"))
    post_telegram(bot, telegram_update(chat, location=(14.9055, -92.2634)))
    assert "Tapachula" in bot.telegram.messages_to(chat)[-1]["text"]


def test_telegram_commands(bot):
    chat = CHAT_ID + 2
    post_telegram(bot, telegram_update(chat, "/start"))
    start = bot.telegram.messages_to(chat)
    assert any("1." in m["text"] for m in start) and "keyboard" in str(start[-1].get("reply_markup"))
    post_telegram(bot, telegram_update(chat, "/delete"))
    assert "SÍ" in bot.telegram.messages_to(chat)[-1]["text"] or "YES" in bot.telegram.messages_to(chat)[-1]["text"]
