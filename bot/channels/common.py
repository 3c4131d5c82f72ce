"""What every channel shares: the Rasa round trip, the fallback when Rasa cannot answer, flooding."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.answers.safety import emergency
from bot.knowledge.store import default_store
from bot.language.catalogue import t
from bot.language.detect import detect
from bot.safety.danger import check as danger_check

log = logging.getLogger(__name__)

# Text sent to Rasa for messages that carry no text: "/intent" skips the NLU model.
MENU_COMMAND = "/menu"
LOCATION_COMMAND = "/inform_place"


def channel_blueprint(name: str) -> Blueprint:
    """A channel's blueprint, with the ``GET /`` health check every Rasa channel answers."""
    bp = Blueprint(name, __name__)

    @bp.route("/", methods=["GET"])
    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    return bp


def fallback_reply(text: str, country: str | None) -> list[str]:
    """The answer when Rasa or the action server cannot answer.

    A person in danger still gets the emergency numbers (the core needs nothing but the
    knowledge files); anyone else gets a short apology.
    """
    lang = detect(text or "").lang or "es"
    try:
        danger = danger_check(text or "")
        if danger:
            k = default_store().current()
            return emergency(k.kb, k.index, danger.kind, country or "", None, lang).messages
    except Exception:  # the fallback must never fail
        log.exception("fallback emergency answer failed")
    return [t(lang, "unavailable")]


class ReplyCollector(CollectingOutputChannel):
    """Collects the bot's messages whole: Rasa's own collector cuts every text at blank lines,
    which would turn one page of results into many SMS or WhatsApp messages."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._persist_message(self._message(recipient_id, text=text.strip()))


async def ask_rasa(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    text: str,
    sender_id: str,
    channel: str,
    metadata: dict[str, Any],
    output: OutputChannel | None = None,
) -> list[dict[str, Any]]:
    """Send one message to Rasa; the bot's messages (collected unless ``output`` sends them)."""
    collector = output or ReplyCollector()
    message = UserMessage(text, collector, sender_id, input_channel=channel, metadata=metadata)
    try:
        await on_new_message(message)
    except Exception:
        log.exception("Rasa could not handle a %s message", channel)
    return getattr(collector, "messages", [])


class FloodGuard:
    """At most ``limit`` messages per sender per ``window`` seconds; the first excess gets a notice.

    Protects the deployment's SMS costs from a loop or a flood. In memory, per server process.
    """

    def __init__(self, limit: int = 20, window: float = 60.0, max_senders: int = 100_000):
        self.limit, self.window, self.max_senders = limit, window, max_senders
        self._seen: dict[str, deque] = {}
        self._warned: dict[str, float] = {}

    def check(self, sender: str, now: float | None = None) -> str:
        """``ok``, ``warn`` (answer once with a notice) or ``drop`` (say nothing)."""
        now = time.monotonic() if now is None else now
        if len(self._seen) > self.max_senders:
            self._seen.clear()
            self._warned.clear()
        times = self._seen.setdefault(sender, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        times.append(now)
        if len(times) <= self.limit:
            return "ok"
        if now - self._warned.get(sender, -1e9) > self.window:
            self._warned[sender] = now
            return "warn"
        return "drop"


def flood_notice(text: str) -> str:
    return t(detect(text or "").lang or "es", "rate_limited")
