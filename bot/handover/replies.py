"""What the bot says once the person said yes: someone answers now, later, or not at all."""

from __future__ import annotations

from datetime import datetime

from bot.answers.safety import emergency_numbers
from bot.handover.hours import Hours
from bot.knowledge.model import KnowledgeBase
from bot.language.catalogue import t

FALLBACK_NUMBER = "911"


def opened(kb: KnowledgeBase, lang: str, country: str, hours: Hours, agents_online: bool | None,
           now: datetime) -> str:
    """``agents_online`` None: the request could not be opened (no key, no database, no channel)."""
    org = kb.deployment.organization
    numbers = emergency_numbers(kb, country) or FALLBACK_NUMBER
    if agents_online is None:
        return t(lang, "handover_unavailable", numbers=numbers)
    if agents_online and hours.is_open(now):
        return t(lang, "handover_open", org=org, numbers=numbers)
    # closed: the next opening; open but nobody signed in: from now on, as soon as someone is
    when = hours.next_opening(now).astimezone(hours.zone)
    return t(lang, "handover_waiting", org=org, numbers=numbers, when=when.strftime("%d/%m %H:%M %Z"))
