"""What every channel shares: the Rasa round trip with its deadline, the fallback when Rasa cannot
answer, input checks, and the flood limit."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any

from limits import RateLimitItemPerSecond
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.answers.fallback import fallback_messages
from bot.language.catalogue import t
from bot.language.detect import language_of
from bot.rasa_ext.tracker_store import pop_erase_failure

log = logging.getLogger(__name__)

# Text sent to Rasa for messages that carry no text: "/intent" skips the NLU model.
MENU_COMMAND = "/menu"
LOCATION_COMMAND = "/inform_place"
MAX_TEXT = 10_000
# Twilio gives up after 15 s and Telegram retries a slow webhook: past this, the person gets the
# fallback (the emergency numbers if the message says danger) instead of silence.
DEFAULT_TURN_DEADLINE_S = 10.0


# A made-up danger message: answering it loads every part of the fallback's emergency answer.
WARM_UP_DANGER = "ayuda me estan golpeando"


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Load what the fallback needs (the knowledge and gazetteer, the danger phrases, the language
    detector) in the background while the Rasa server starts, so that it answers a person in danger
    at once when the action server is down, even as the server's first answer."""
    threading.Thread(target=lambda: fallback_messages(WARM_UP_DANGER, None), name="fallback-warm-up",
                     daemon=True).start()


def turn_deadline() -> float:
    try:
        return float(os.environ.get("BOT_TURN_DEADLINE_S") or DEFAULT_TURN_DEADLINE_S)
    except ValueError:
        return DEFAULT_TURN_DEADLINE_S


def channel_blueprint(name: str) -> Blueprint:
    """A channel's blueprint, with the ``GET /`` health check every Rasa channel answers."""
    bp = Blueprint(name, __name__)

    @bp.route("/", methods=["GET"])
    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    return bp


def bad_request(reason: str, detail: str = "") -> HTTPResponse:
    """400 with a machine-readable reason, never a stack trace."""
    return response.json({"error": reason, "detail": detail}, status=400)


def is_clean_text(value: str) -> bool:
    """False for text that is not valid Unicode (a lone surrogate from a JSON ``\\ud800``)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def fallback_reply(text: str, country: str | None) -> list[str]:
    """The answer when Rasa or the action server cannot answer in time: the core's fallback,
    with the emergency numbers for a person in danger."""
    return fallback_messages(text, country)


class ReplyCollector(CollectingOutputChannel):
    """Collects the bot's messages whole, to be sent once the turn is over (after the tracker is
    saved: "your data was deleted" is only said once it was). Rasa's own collector cuts every
    text at blank lines, and splits a text from its custom payload."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        kept = {k: message[k] for k in ("text", "buttons", "custom", "image") if message.get(k)}
        if isinstance(kept.get("text"), str):
            kept["text"] = kept["text"].strip()
        if kept:
            await self._persist_message({"recipient_id": recipient_id, **kept})


async def ask_rasa(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    text: str,
    sender_id: str,
    channel: str,
    metadata: dict[str, Any],
) -> list[dict[str, Any]]:
    """Send one message to Rasa; the bot's messages, or ``[]`` when Rasa failed or missed the
    turn's deadline (the caller then answers with :func:`fallback_reply`)."""
    collector = ReplyCollector()
    message = UserMessage(text[:MAX_TEXT], collector, sender_id, input_channel=channel, metadata=metadata)
    try:
        await asyncio.wait_for(on_new_message(message), timeout=turn_deadline())
    except asyncio.TimeoutError:
        log.warning("a %s turn took longer than %.0f s: answered with the fallback", channel, turn_deadline())
        return []
    except Exception:
        log.exception("Rasa could not handle a %s message", channel)
        return []
    failed_lang = pop_erase_failure(sender_id)
    if failed_lang is not None:
        return [{"recipient_id": sender_id, "text": t(failed_lang, "delete_failed")}]
    return collector.messages


class ForgetfulMemoryStorage(MemoryStorage):
    """limits' in-memory storage, minus its leak: it drops expired hits but keeps every key it ever
    saw (one per sender, forever), and its expiry timer walks all of them after every hit. Here the
    timer also drops the keys left without hits, under a lock shared with taking a hit."""

    def __init__(self, uri: str | None = None, **options: Any) -> None:
        self._keys_lock = threading.Lock()
        super().__init__(uri, **options)

    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        with self._keys_lock:
            return super().acquire_entry(key, limit, expiry, amount)

    def _MemoryStorage__expire_events(self) -> None:  # the timer's job (name-mangled in limits)
        MemoryStorage._MemoryStorage__expire_events(self)
        with self._keys_lock:
            for key in [k for k, hits in self.events.items() if not hits]:
                del self.events[key]


@lru_cache(maxsize=1)
def shared_storage() -> Storage:
    """Counters shared by the channels: Redis when ``BOT_FLOOD_STORAGE`` names one (set from the
    Redis lock store of ``endpoints.scale.yml``, so every Rasa server counts together), else this
    process's memory."""
    uri = os.environ.get("BOT_FLOOD_STORAGE") or "memory://"
    if uri == "memory://":
        return ForgetfulMemoryStorage()
    options = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5} if uri.startswith("redis") else {}
    return storage_from_string(uri, **options)


class FloodGuard:
    """At most ``limit`` messages per key per ``window`` seconds; the first excess gets a notice.

    Protects the deployment's SMS costs from a loop or a flood. If the shared storage is down,
    messages pass (a person must not lose an answer to protect a budget).
    """

    def __init__(self, limit: int = 20, window: int = 60, name: str = "flood", storage: Storage | None = None):
        self.name = name
        self.item = RateLimitItemPerSecond(limit, window)
        self.notice_item = RateLimitItemPerSecond(1, window)
        self._storage = storage

    @property
    def limiter(self) -> MovingWindowRateLimiter:
        return MovingWindowRateLimiter(self._storage or shared_storage())

    def check(self, key: str) -> str:
        """``ok``, ``warn`` (answer once with a notice) or ``drop`` (say nothing)."""
        try:
            limiter = self.limiter
            if limiter.hit(self.item, self.name, key):
                return "ok"
            return "warn" if limiter.hit(self.notice_item, f"{self.name}-notice", key) else "drop"
        except Exception as exc:
            log.error("flood limit unavailable (%s): message let through", type(exc).__name__)
            return "ok"


def first_time(kind: str, key: str, ttl: int = 3600) -> bool:
    """True the first time ``(kind, key)`` is seen within ``ttl`` seconds, across servers."""
    try:
        return shared_storage().incr(f"bot-seen/{kind}/{key}", ttl) == 1
    except Exception as exc:
        log.error("duplicate check unavailable (%s)", type(exc).__name__)
        return True


def per_address_limit() -> int:
    try:
        return int(os.environ.get("BOT_FLOOD_PER_ADDRESS") or 200)
    except ValueError:
        return 200


def client_address(request: Request) -> str:
    """The client's address: the proxy's ``X-Forwarded-For`` when Sanic is told to trust it
    (``SANIC_PROXIES_COUNT``, see deploy/), else the peer."""
    return request.remote_addr or request.ip or "unknown"


def flood_notice(text: str) -> str:
    return t(language_of(text), "rate_limited")
