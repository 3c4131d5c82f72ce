"""What the bot says beside the services for family links and psychosocial support, and its offer
of a person to write with (bot/handover opens the request; here only the words)."""

from __future__ import annotations

from bot.answers.safety import crisis_line_text
from bot.answers.services import red_cross_contact
from bot.knowledge.model import KnowledgeBase
from bot.language.catalogue import t


def need_intro(kb: KnowledgeBase, need: str, country: str, lang: str) -> str:
    """What to know before the list of services, for the needs that have it; else ``""``."""
    if need == "family_links":
        contact = red_cross_contact(kb, country) or "Red Cross / Cruz Roja"
        text = f"{t(lang, 'family_links_info', red_cross=contact)}\n{t(lang, 'family_links_tips')}"
    elif need == "psychosocial":
        lines = [t(lang, "psychosocial_intro")]
        known = kb.countries.get(country)
        for line in known.crisis_lines[:2] if known else ():
            lines.append(f"{t(lang, 'crisis_lines')}: {crisis_line_text(line, lang)}")
        text = "\n".join(lines)
    else:
        return ""
    return f"{text}\n{handover_offer(kb, lang)}"


def handover_offer(kb: KnowledgeBase, lang: str) -> str:
    return t(lang, "handover_offer", org=kb.deployment.organization)


def handover_consent(kb: KnowledgeBase, lang: str, days: int) -> str:
    """Who reads the messages and how long (``days``) they are kept: asked before anything is stored."""
    return t(lang, "handover_consent", org=kb.deployment.organization, days=days)
