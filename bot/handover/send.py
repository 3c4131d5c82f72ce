"""Replies from staff, through the real APIs: Twilio's REST client, python-telegram-bot's Bot.

``TWILIO_API_URL`` and ``TELEGRAM_API_URL`` point at fake servers on loopback in the tests.
"""

from __future__ import annotations

import asyncio
import os

from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

TWILIO_API = "https://api.twilio.com"


class SendError(Exception):
    """The message did not go out; ``str(exc)`` says why, for the agent (never the address)."""


class _RedirectingHttpClient(TwilioHttpClient):
    """Twilio's own HTTP client, sending to ``TWILIO_API_URL`` instead of api.twilio.com."""

    def __init__(self, base: str):
        super().__init__(timeout=15)
        self.base = base.rstrip("/")

    def request(self, method, url, *args, **kwargs):
        if url.startswith(TWILIO_API):
            url = self.base + url[len(TWILIO_API):]
        return super().request(method, url, *args, **kwargs)


def twilio_client() -> Client:
    sid, token = os.environ.get("TWILIO_ACCOUNT_SID", ""), os.environ.get("TWILIO_AUTH_TOKEN", "")
    if not sid or not token:
        raise SendError("TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN are not set")
    base = os.environ.get("TWILIO_API_URL", "")
    return Client(sid, token, http_client=_RedirectingHttpClient(base) if base else None)


def send_twilio(medium: str, address: str, via: str, text: str) -> None:
    to = f"whatsapp:{address}" if medium == "whatsapp" else address
    sender = via or os.environ.get("TWILIO_WHATSAPP_FROM" if medium == "whatsapp" else "TWILIO_SMS_FROM", "")
    if not sender:
        raise SendError("no Twilio number to send from")
    if medium == "whatsapp" and not sender.startswith("whatsapp:"):
        sender = f"whatsapp:{sender}"
    try:
        twilio_client().messages.create(to=to, from_=sender, body=text)
    except TwilioException as exc:
        raise SendError(f"Twilio refused the message: {getattr(exc, 'code', '') or type(exc).__name__}") from exc
    except OSError as exc:
        raise SendError(f"Twilio could not be reached: {type(exc).__name__}") from exc


def send_telegram(address: str, text: str) -> None:
    from telegram import Bot
    from telegram.error import TelegramError

    token = os.environ.get("TELEGRAM_BOT_TOKEN", "")
    if not token:
        raise SendError("TELEGRAM_BOT_TOKEN is not set")

    async def go() -> None:
        # as bot/channels/telegram.py's make_bot, without importing Rasa into the console
        base = (os.environ.get("TELEGRAM_API_URL") or "https://api.telegram.org").rstrip("/")
        async with Bot(token, base_url=f"{base}/bot", base_file_url=f"{base}/file/bot") as bot:
            await bot.send_message(int(address), text)

    try:
        asyncio.run(go())
    except TelegramError as exc:
        raise SendError(f"Telegram refused the message: {type(exc).__name__}") from exc
    except OSError as exc:
        raise SendError(f"Telegram could not be reached: {type(exc).__name__}") from exc


def send(medium: str, address: str, via: str, text: str) -> None:
    """Send ``text`` to the person; raises :class:`SendError`."""
    if not address:
        raise SendError("the person's address is not known (closed or erased)")
    if medium in ("sms", "whatsapp"):
        send_twilio(medium, address, via, text)
    elif medium == "telegram":
        send_telegram(address, text)
    else:
        raise SendError(f"cannot send on {medium}")
