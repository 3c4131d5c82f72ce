"""Where the channels meet the handover: the one place that sees the raw reply address.

Each channel calls two functions around its Rasa round trip:

* :func:`hold` before Rasa: while the conversation has a waiting or open handover, the message
  goes to the staff inbox and the bot stays quiet (``[]``), except that the danger check still
  runs and answers with the emergency numbers at once (and marks the request urgent). ``None``:
  no handover, Rasa answers as usual. "Delete my data" erases the handover and then goes on to
  Rasa, which erases the conversation.
* :func:`remember` after Rasa: right after the person's yes, keeps the reply address encrypted
  on the new handover (the action server, which opened it, never sees the address).

The state is in the console's database (bot.handover.store), so any Rasa server can serve any
message. Nothing here logs a text, an address or a pseudonym.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot import DEFAULT_LANGUAGE
from bot.safety.alarm import alarm as danger_check
from bot.safety.first_aid import advice_for
from bot.textnorm import fold

log = logging.getLogger(__name__)

# "Delete my data" while the bot is quiet: the Telegram command, and the phrase the privacy
# notice teaches in each language (bot/texts, knowledge/deployment.yml).
DELETE_COMMAND = "/delete_data"
DELETE_PHRASES = ("borrar mis datos", "delete my data", "effacer mes donnees", "efase done m yo", "efase done m",
                  "apagar meus dados")


def is_delete(text: str) -> bool:
    folded = fold(text or "")
    return text.strip() == DELETE_COMMAND or any(p in folded for p in DELETE_PHRASES)


def _stored_text(text: str) -> str:
    # "/inform_place", "/menu": what the channel made of a location or a picture; never coordinates
    return f"({text.strip().lstrip('/')})" if text.strip().startswith("/") else text


def _emergency(text: str, lang: str, country: str) -> list[str]:
    from bot.answers.safety import emergency
    from bot.knowledge.store import default_store

    danger = danger_check(text)
    if not danger:
        return []
    k = default_store().current()
    return emergency(k.kb, k.index, danger.kind, country, None, lang or DEFAULT_LANGUAGE, advice_for(text)).messages


def _hold(sender_id: str, address: str, text: str, country: str) -> list[str] | None:
    from bot.handover import store
    from bot.handover.db import fresh

    fresh()
    h = store.find_active(sender_id)
    if h is None:
        return None
    if is_delete(text):
        store.erase(sender_id)
        return None
    answer = _emergency(text, h.lang, country or h.country)
    store.hold(h.id, _stored_text(text), bool(answer))
    if not h.address:
        store.attach_address(sender_id, address)
    return answer


async def hold(sender_id: str, address: str, text: str, metadata: dict[str, Any]) -> list[str] | None:
    """The bot's messages while a handover is open (``[]``: quiet), or None without a handover."""
    try:
        return await asyncio.to_thread(_hold, sender_id, address, text, str(metadata.get("country") or ""))
    except Exception as exc:  # no console database, no key: the bot answers as it always did
        log.debug("handover check skipped: %s", type(exc).__name__)
        return None


async def remember(sender_id: str, address: str, via: str = "") -> None:
    """Keep the reply address of a handover opened in this turn (no-op otherwise)."""
    from bot.handover import store
    from bot.handover.db import fresh

    def attach() -> None:
        fresh()
        store.attach_address(sender_id, address, via)

    try:
        await asyncio.to_thread(attach)
    except Exception as exc:
        log.debug("handover address not kept: %s", type(exc).__name__)
