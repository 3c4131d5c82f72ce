"""What the bot says about places: the choices when a name is unclear, a country without a town, a
name it does not know."""

from __future__ import annotations

from bot.answers.menus import category_label
from bot.answers.reply import Reply
from bot.knowledge.model import KnowledgeBase, pick
from bot.language.catalogue import t
from bot.places.gazetteer import Place
from bot.places.message import other_country_label
from bot.textnorm import fold

MAX_CHOICES = 4  # a numbered list that still reads on SMS


def country_name(kb: KnowledgeBase, code: str, lang: str) -> str:
    """The country's name in ``lang``; else its name in ``countries.yml`` ("La Paz, Bolivia" as a choice, not "BO");
    its code when neither has it."""
    country = kb.countries.get(code)
    return pick(country.name, lang) if country else (other_country_label(code) or code)


def place_label(kb: KnowledgeBase, place: Place, lang: str) -> str:
    """ "Monterrey, Nuevo Leon, México": the state tells namesakes apart."""
    parts = [place.name]
    if place.admin1 and fold(place.admin1) not in fold(place.name):
        parts.append(place.admin1)
    parts.append(country_name(kb, place.country, lang))
    return ", ".join(parts)


def place_choices(kb: KnowledgeBase, places: list[Place], ask: bool, lang: str) -> Reply:
    """ "Which one?" (two close readings) or "did you mean...?" (a typo), numbered."""
    options = [place_label(kb, p, lang) for p in places[:MAX_CHOICES]]
    listed = "; ".join(f"{i}. {o}" for i, o in enumerate(options, 1))
    key = "place_which" if ask else "place_suggest"
    return Reply([t(lang, key, options=listed)], options=options, request_location=ask)


def country_only(kb: KnowledgeBase, code: str, lang: str) -> Reply:
    """A country was named, not a town: which town?"""
    return Reply([t(lang, "place_country_only", country=country_name(kb, code, lang))], request_location=True)


def ask_place_for(kb: KnowledgeBase, need: str, lang: str) -> Reply:
    """Where are you? (for a search of ``need``), with the "share my location" button."""
    label = category_label(kb, need, lang)
    return Reply([t(lang, "ask_place_for", need=label.lower())], request_location=True)


def place_lost(lang: str) -> Reply:
    """The person does not know where they are: how to say it anyway (a location, the last town, a sign)."""
    return Reply([t(lang, "place_lost")], request_location=True)


def place_unknown(mention: str, lang: str) -> Reply:
    return Reply([t(lang, "place_unknown", mention=mention)], request_location=True)


def place_noted(place: Place, lang: str) -> str:
    return t(lang, "place_noted", place=place.name)
