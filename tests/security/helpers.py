"""Small helpers of the security tests: requests as the channels send them, processes by port."""

import re
import subprocess
import time
import uuid

import requests
from twilio.request_validator import RequestValidator

from tests.stack import PUBLIC_URL, TELEGRAM_SECRET, TWILIO_TOKEN


def rest(bot, sender, text, **kwargs):
    return requests.post(f"{bot.url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                         timeout=120, **kwargs)


def rest_texts(bot, sender, text, **kwargs) -> str:
    r = rest(bot, sender, text, **kwargs)
    assert r.status_code == 200, r.text
    return "\n".join(m.get("text") or "" for m in r.json())


def twilio(bot, form, sign=True, timeout=120):
    url = f"{PUBLIC_URL}/webhooks/twilio/webhook"
    headers = {"X-Twilio-Signature": RequestValidator(TWILIO_TOKEN).compute_signature(url, form)} if sign else {}
    return requests.post(f"{bot.url}/webhooks/twilio/webhook", data=form, headers=headers, timeout=timeout)


def whatsapp_form(body: str, **extra) -> dict:
    number = "whatsapp:+52" + "155" + f"{uuid.uuid4().int % 10**7:07d}"
    return {"From": number, "To": "whatsapp:+14155238886", "Body": body, "NumMedia": "0",
            "MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": "ACe2e", "ApiVersion": "2010-04-01", **extra}


def telegram_update(chat_id: int, text: str | None = None, location=None, update_id: int | None = None) -> dict:
    message = {"message_id": 1, "date": int(time.time()), "chat": {"id": chat_id, "type": "private"},
               "from": {"id": chat_id, "is_bot": False, "first_name": "X"}}
    if text is not None:
        message["text"] = text
    if location:
        message["location"] = {"latitude": location[0], "longitude": location[1]}
    return {"update_id": update_id or uuid.uuid4().int % 10**9, "message": message}


def telegram(bot, update: dict | bytes):
    headers = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET, "Content-Type": "application/json"}
    if isinstance(update, dict):
        return requests.post(f"{bot.url}/webhooks/telegram/webhook", json=update, headers=headers, timeout=120)
    return requests.post(f"{bot.url}/webhooks/telegram/webhook", data=update, headers=headers, timeout=120)


def listening(port: int) -> list[str]:
    """The local addresses listening on ``port``, from ``ss -ltn``."""
    out = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True, check=True).stdout
    return [m.group(1) for m in re.finditer(r"\s(\S+):(\d+)\s", out) if int(m.group(2)) == port]


def pid_listening(port: int) -> int:
    out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"pid=(\d+)", out).group(1))


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        kb = next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
    return kb / 1024
