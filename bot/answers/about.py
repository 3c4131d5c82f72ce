"""What the bot says about itself and the person's data: who runs it, the privacy notice, what it
knows of the person, whether it is free."""

from __future__ import annotations

from bot.answers.places import country_name
from bot.knowledge.model import KnowledgeBase, pick
from bot.language.catalogue import LANGUAGE_NAMES, t
from bot.places.gazetteer import Place


def _contact(kb: KnowledgeBase) -> str:
    d = kb.deployment
    return d.contact or d.website or "-"


def what_i_know(kb: KnowledgeBase, lang: str, country: str, place: Place | None) -> str:
    unknown = t(lang, "unknown_value")
    return t(lang, "what_i_know", language=LANGUAGE_NAMES.get(lang, lang),
             country=country_name(kb, country, lang) if country else unknown,
             place=place.name if place else unknown, days=kb.deployment.retention_days)


def privacy_notice(kb: KnowledgeBase, lang: str) -> str:
    d = kb.deployment
    return t(lang, "privacy_full", org=d.organization, policy=pick(d.data_policy, lang), contact=_contact(kb))


def who_runs(kb: KnowledgeBase, lang: str) -> str:
    return t(lang, "who_runs", org=kb.deployment.organization, contact=_contact(kb))


def tell_migration(kb: KnowledgeBase, lang: str) -> str:
    return t(lang, "tell_migration", days=kb.deployment.retention_days)
