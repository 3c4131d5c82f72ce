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
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram import Bot, KeyboardButton, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.error import TelegramError

from bot.channels import handover_hook
from bot.channels.common import (
    LOCATION_COMMAND,
    MENU_COMMAND,
    FloodGuard,
    ask_rasa,
    channel_blueprint,
    fallback_reply,
    first_time,
    flood_notice,
    is_clean_text,
    warm_up,
)
from bot.privacy.pseudonym import ensure_key, pseudonym
from bot.render.split import TELEGRAM_LIMIT, split_message

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
        self.sent = 0

    @classmethod
    def name(cls) -> str:
        return "telegram"

    async def _send(self, text: str, markup: Any = None) -> None:
        pieces = split_message(text, TELEGRAM_LIMIT) or [" "]
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            await self.bot.send_message(self.chat_id, piece, reply_markup=markup if last else None)
            self.sent += 1

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


class TelegramInput(InputChannel):
    """Updates from the Telegram Bot API webhook."""

    def __init__(self, token: str, webhook_secret: str, api_url: str = "", flood: FloodGuard | None = None):
        self.token = token
        self.secret = webhook_secret
        self.bot = make_bot(token or "0:missing", api_url)
        self.flood = flood or FloodGuard(name="telegram")
        self._initialized = False

    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        ensure_key()
        warm_up()
        credentials = credentials or {}
        token = credentials.get("access_token") or os.environ.get("TELEGRAM_BOT_TOKEN", "")
        secret = credentials.get("webhook_secret") or os.environ.get("TELEGRAM_WEBHOOK_SECRET", "")
        api_url = credentials.get("api_url") or os.environ.get("TELEGRAM_API_URL", "")
        if not secret:
            log.warning("TELEGRAM_WEBHOOK_SECRET is not set: every Telegram update will be refused (403)")
        return cls(token, secret, api_url)

    def secret_ok(self, request: Request) -> bool:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        return bool(self.secret) and hmac.compare_digest(given.encode(), self.secret.encode())

    async def _ensure_bot(self) -> None:
        if not self._initialized:
            await self.bot.initialize()
            self._initialized = True

    # One handler per kind of message: each returns the text for Rasa and fills the metadata.
    @staticmethod
    def handle_location(message: Message, metadata: dict[str, Any]) -> str:
        metadata["latitude"], metadata["longitude"] = message.location.latitude, message.location.longitude
        return LOCATION_COMMAND

    @staticmethod
    def handle_text(message: Message, metadata: dict[str, Any]) -> str:
        text = (message.text or "").strip()
        command = text.split()[0].split("@")[0].lower() if text.startswith("/") else ""
        if command:
            return COMMANDS.get(command, MENU_COMMAND)
        return text or MENU_COMMAND

    @staticmethod
    def handle_media(message: Message, metadata: dict[str, Any]) -> str:
        for kind in ("voice", "audio", "photo", "video", "video_note", "sticker", "document", "animation"):
            if getattr(message, kind, None):
                metadata["media"] = kind
                break
        else:
            metadata["media"] = "other"
        caption = message.caption if isinstance(message.caption, str) else ""
        return caption.strip() or MENU_COMMAND

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = channel_blueprint("telegram_private_webhook")

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.secret_ok(request):
                return response.json({"error": "invalid_secret_token"}, status=403)
            try:
                data = json.loads(request.body or b"")
                update = Update.de_json(data, self.bot) if isinstance(data, dict) else None
            except (ValueError, TypeError, KeyError, AttributeError, RecursionError, OverflowError, OSError) as exc:
                return response.json({"error": "invalid_body", "detail": type(exc).__name__}, status=400)
            if update is None:
                return response.json({"error": "invalid_body", "detail": "not a Telegram update"}, status=400)
            message = update.effective_message
            if message is None or message.chat is None:
                return response.json({"ok": True, "ignored": "no message"})
            if not all(is_clean_text(v) for v in (message.text, message.caption) if isinstance(v, str)):
                return response.json({"error": "invalid_text", "detail": "not valid Unicode"}, status=400)
            if not first_time(f"telegram-update-{self.token.split(':')[0]}", str(update.update_id)):
                return response.json({"ok": True, "ignored": "duplicate update"})
            metadata: dict[str, Any] = {"medium": "telegram"}
            if message.location is not None and isinstance(message.location.latitude, (int, float)):
                text = self.handle_location(message, metadata)
            elif isinstance(message.text, str) and message.text:
                text = self.handle_text(message, metadata)
            else:
                text = self.handle_media(message, metadata)
            sender_id = pseudonym("telegram", str(message.chat.id))
            try:
                await self._ensure_bot()
                output = TelegramOutput(self.bot, message.chat.id)
                verdict = self.flood.check(sender_id)
                if verdict == "warn":
                    await output._send(flood_notice(text))
                    return response.json({"ok": True})
                if verdict == "drop":
                    return response.json({"ok": True})
                held = await handover_hook.hold(sender_id, str(message.chat.id), text, metadata)
                if held is not None:  # a person answers this conversation: the bot stays quiet
                    for piece in held:
                        await output._send(piece)
                    return response.json({"ok": True})
                messages = await ask_rasa(on_new_message, text, sender_id, self.name(), metadata)
                await handover_hook.remember(sender_id, str(message.chat.id))
                if not messages:
                    messages = [{"text": piece} for piece in fallback_reply(text, None)]
                for reply in messages:
                    await output.send_response(sender_id, reply)
            except TelegramError as exc:
                # Telegram retries a webhook that fails: answer 200 and log, so one bad send
                # does not repeat the whole conversation turn.
                log.error("sending to Telegram failed: %s", type(exc).__name__)
            return response.json({"ok": True})

        return bp


async def set_webhook(url: str, token: str, secret: str, api_url: str = "") -> bool:
    """Register ``url`` with Telegram, with the secret token it must send back."""
    bot = make_bot(token, api_url)
    async with bot:
        return await bot.set_webhook(url, secret_token=secret, allowed_updates=["message"])
