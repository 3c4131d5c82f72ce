"""The answer when the bot cannot answer (an error, a timeout, a server down).

A person in danger still gets the emergency numbers (the core needs nothing but the knowledge
files, so the channel layer can give this answer without Rasa or the action server); anyone else
gets a short apology.
"""

from __future__ import annotations

import logging

from bot.answers.safety import emergency
from bot.knowledge.store import default_store
from bot.language.catalogue import t
from bot.language.detect import language_of
from bot.safety.alarm import alarm as danger_check
from bot.safety.first_aid import advice_for

log = logging.getLogger(__name__)


def fallback_messages(text: str, country: str | None, lang: str | None = None) -> list[str]:
    """The emergency answer if ``text`` says danger, else "I cannot answer right now"."""
    lang = lang or language_of(text)
    try:
        danger = danger_check(text or "")
        if danger:
            k = default_store().current()
            return emergency(k.kb, k.index, danger.kind, country or "", None, lang, advice_for(text)).messages
    except Exception as exc:  # the fallback must never fail
        log.error("fallback emergency answer failed: %s", type(exc).__name__)
    return [t(lang, "unavailable")]
