"""``POST /webhooks/telegram/webhook``: Telegram through python-telegram-bot.

* The ``X-Telegram-Bot-Api-Secret-Token`` header must equal ``TELEGRAM_WEBHOOK_SECRET`` (403
  otherwise); updates are parsed with ``Update.de_json``, never by hand.
* The chat id becomes a pseudonym before Rasa sees it; replies go out through
  ``telegram.Bot`` (base URL from ``TELEGRAM_API_URL``), split under 4,096 characters, with menus
  as reply keyboards and a "share my location" button when the bot asks where the person is.
* Commands: ``/start``, ``/menu``, ``/language``, ``/help``, ``/delete``.
* Telegram retries an update it thinks failed: an ``update_id`` already handled is dropped.
* The replies are sent once the turn is over (and the conversation saved or erased), or the
  fallback when the turn missed its deadline.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
from collections.abc import Sequence
from typing import Any

from rasa.core.channels.channel import OutputChannel
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram import Bot, KeyboardButton, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.constants import MessageLimit
from telegram.error import TelegramError

from bot.channels.base import Incoming, InvalidBody, Messages, PrivateChannel, setting
from bot.channels.common import MENU_COMMAND, FloodGuard, first_time, is_clean_text
from bot.render.split import split_message

log = logging.getLogger(__name__)
# httpx logs every request URL at INFO, and Bot API URLs hold the bot token
logging.getLogger("httpx").setLevel(logging.WARNING)
DEFAULT_API_URL = "https://api.telegram.org"
COMMANDS = {
    "/start": "/greet",
    "/menu": MENU_COMMAND,
    "/language": "/choose_language",
    "/help": "/help",
    "/delete": "/delete_data",
    "/privacy": "/privacy",
}


def make_bot(token: str, api_url: str = "") -> Bot:
    base = (api_url or os.environ.get("TELEGRAM_API_URL") or DEFAULT_API_URL).rstrip("/")
    return Bot(token, base_url=f"{base}/bot", base_file_url=f"{base}/file/bot")


class TelegramOutput(OutputChannel):
    """Sends the bot's messages to one chat."""

    def __init__(self, bot: Bot, chat_id: int):
        self.bot = bot
        self.chat_id = chat_id

    @classmethod
    def name(cls) -> str:
        return "telegram"

    async def _send(self, text: str, markup: Any = None) -> None:
        pieces = split_message(text, MessageLimit.MAX_TEXT_LENGTH) or [" "]
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            await self.bot.send_message(self.chat_id, piece, reply_markup=markup if last else None)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        text = message.get("text") or ""
        custom = message.get("custom") or {}
        if custom.get("request_location"):
            button = KeyboardButton(str(custom["request_location"]), request_location=True)
            markup = ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)
            await self._send(text, markup)
        elif message.get("buttons"):
            await self.send_text_with_buttons(recipient_id, text, message["buttons"])
        elif text:
            await self._send(text, ReplyKeyboardRemove())

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send(text)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        labels = [f"{b.get('payload', '')} {b.get('title', '')}".strip() for b in buttons]
        rows = [labels[i : i + 2] for i in range(0, len(labels), 2)]
        markup = ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)
        await self._send(text, markup)


class TelegramInput(PrivateChannel):
    """Updates from the Telegram Bot API webhook."""

    channel = "telegram"

    def __init__(self, token: str, webhook_secret: str, api_url: str = "", flood: FloodGuard | None = None):
        super().__init__(flood)
        self.token = token
        self.secret = webhook_secret
        self.bot = make_bot(token or "0:missing", api_url)
        self._initialized = False

    @classmethod
    def from_settings(cls, credentials: dict[str, Any]) -> TelegramInput:
        secret = setting(credentials, "webhook_secret", "TELEGRAM_WEBHOOK_SECRET")
        if not secret:
            log.warning("TELEGRAM_WEBHOOK_SECRET is not set: every Telegram update will be refused (403)")
        return cls(setting(credentials, "access_token", "TELEGRAM_BOT_TOKEN"), secret,
                   setting(credentials, "api_url", "TELEGRAM_API_URL"))

    def secret_ok(self, request: Request) -> bool:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        return bool(self.secret) and hmac.compare_digest(given.encode(), self.secret.encode())

    async def _ensure_bot(self) -> None:
        if not self._initialized:
            await self.bot.initialize()
            self._initialized = True

    def refuse(self, request: Request) -> HTTPResponse | None:
        if not self.secret_ok(request):
            return response.json({"error": "invalid_secret_token"}, status=403)
        return None

    def parse(self, request: Request) -> Incoming | HTTPResponse:
        try:
            data = json.loads(request.body or b"")
            update = Update.de_json(data, self.bot) if isinstance(data, dict) else None
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError, OverflowError, OSError) as exc:
            raise InvalidBody("invalid_body", type(exc).__name__) from exc
        if update is None:
            raise InvalidBody("invalid_body", "not a Telegram update")
        message = request.ctx.message = update.effective_message
        if message is None or message.chat is None:
            return response.json({"ok": True, "ignored": "no message"})
        if not all(is_clean_text(v) for v in (message.text, message.caption) if isinstance(v, str)):
            raise InvalidBody("invalid_text", "not valid Unicode")
        if not first_time(f"telegram-update-{self.token.split(':')[0]}", str(update.update_id)):
            return response.json({"ok": True, "ignored": "duplicate update"})
        return Incoming(str(message.chat.id), words(message))

    def get_metadata(self, request: Request) -> dict[str, Any]:
        message: Message = request.ctx.message
        metadata: dict[str, Any] = {"medium": "telegram"}
        if has_location(message):
            metadata["latitude"], metadata["longitude"] = message.location.latitude, message.location.longitude
        elif not (isinstance(message.text, str) and message.text):
            metadata["media"] = attachment_kind(message)
        return metadata

    async def answer(self, request: Request, incoming: Incoming, medium: str, messages: Messages) -> HTTPResponse:
        if messages:
            try:
                await self._ensure_bot()
                output = TelegramOutput(self.bot, int(incoming.sender))
                for message in messages:
                    await output.send_response("", message)
            except TelegramError as exc:
                # Telegram retries a webhook that fails: answer 200 and log, so one bad send
                # does not repeat the whole conversation turn.
                log.error("sending to Telegram failed: %s", type(exc).__name__)
        return response.json({"ok": True})


def has_location(message: Message) -> bool:
    return message.location is not None and isinstance(message.location.latitude, (int, float))


def words(message: Message) -> str:
    """The text for Rasa: the person's words, a command's intent ("/start" is "/greet"), a caption,
    or "" for a location or a picture alone."""
    if has_location(message):
        return ""
    text = message.text if isinstance(message.text, str) else ""
    if not text:
        return message.caption if isinstance(message.caption, str) else ""
    text = text.strip()
    if text.startswith("/"):
        return COMMANDS.get(text.split()[0].split("@")[0].lower(), MENU_COMMAND)
    return text


def attachment_kind(message: Message) -> str:
    """What the person sent instead of text ("voice", "photo", "document", ...)."""
    attachment = message.effective_attachment
    if attachment is None:
        return "other"
    return "photo" if isinstance(attachment, Sequence) else type(attachment).__name__.lower()


async def set_webhook(url: str, token: str, secret: str, api_url: str = "") -> bool:
    """Register ``url`` with Telegram, with the secret token it must send back."""
    bot = make_bot(token, api_url)
    async with bot:
        return await bot.set_webhook(url, secret_token=secret, allowed_updates=["message"])
