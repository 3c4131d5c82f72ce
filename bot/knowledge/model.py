"""The knowledge base, as plain data: services, countries, categories, rights, deployment."""

from __future__ import annotations

from dataclasses import dataclass, field, make_dataclass
from datetime import date
from typing import Any

from bot.knowledge.hours import Hours
from bot.knowledge.schema import SERVICE

Texts = dict[str, str]  # language code -> text


# When a text is missing in the person's language, the closest one they are likely to read:
# Portuguese speakers on the route read Spanish better than English, Kreyòl speakers French.
FALLBACK = {"pt": ("es", "en"), "ht": ("fr", "en", "es"), "fr": ("en", "es"), "es": ("en",), "en": ("es",)}


def pick(texts: Texts | None, lang: str) -> str:
    """The text in ``lang``, else the closest language the person likely reads (FALLBACK), else any."""
    if not texts:
        return ""
    for code in (lang, *FALLBACK.get(lang, ("en", "es"))):
        if texts.get(code):
            return texts[code]
    return next(iter(texts.values()), "")


@dataclass(frozen=True, slots=True)
class Phone:
    number: str
    type: str = "voice"  # voice, whatsapp, sms


def _service_class() -> type:
    """The :class:`Service` dataclass, one attribute per field of :data:`bot.knowledge.schema.SERVICE`
    (required fields first, without a default), plus the file and line it was read from."""
    empty: dict[str, Any] = {"texts": dict, "codes": tuple, "phones": tuple, "hours": Hours, "number": float,
                             "date": lambda: None, "flag": bool}
    types: dict[str, Any] = {"texts": Texts, "codes": tuple[str, ...], "phones": tuple[Phone, ...], "hours": Hours,
                             "number": float, "date": date | None, "flag": bool}
    required = [(f.name, types.get(f.kind, str)) for f in SERVICE if f.required]
    optional = [(f.name, types.get(f.kind, str), field(default_factory=empty.get(f.kind, str)))
                for f in SERVICE if not f.required]
    where = [("file", str, field(default="")), ("line", int, field(default=0))]
    cls = make_dataclass("Service", required + optional + where, frozen=True, slots=True)
    cls.__module__ = __name__  # so that pickle (the knowledge cache) finds it
    return cls


# A service of the knowledge base: its attributes are the fields of the schema (bot/knowledge/schema.py).
Service = _service_class()


@dataclass(frozen=True)
class Category:
    code: str
    label: Texts
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)


# What an emergency number answers: the bot puts the one that fits the danger first.
EMERGENCY_KINDS = ("general", "ambulance", "police", "fire", "women", "children")


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    label: Texts
    source: str = ""
    kinds: tuple[str, ...] = ()  # of EMERGENCY_KINDS
    short: Texts = field(default_factory=dict)  # a few words shown beside the number; else from ``kinds``


@dataclass(frozen=True)
class CrisisLine:
    name: str
    number: str
    hours: Hours = Hours()
    source: str = ""
    national: bool = True  # False: works only in ``area`` (never presented as the country's line)
    area: str = ""


@dataclass(frozen=True)
class SexualViolenceCare:
    """Whether care after sexual violence is free by law in a country, and the law that says so."""

    free_by_law: bool = False
    source: str = ""
    note: Texts = field(default_factory=dict)  # said instead of the generic sentence (e.g. what may be billed)


@dataclass(frozen=True)
class RedCross:
    name: str
    phone: str = ""
    website: str = ""
    source: str = ""


@dataclass(frozen=True)
class Country:
    code: str
    name: Texts
    phone_prefix: str = ""
    timezone: str = ""
    emergency: tuple[EmergencyNumber, ...] = ()
    red_cross: RedCross | None = None
    crisis_lines: tuple[CrisisLine, ...] = ()
    sexual_violence_care: SexualViolenceCare = SexualViolenceCare()


@dataclass(frozen=True)
class Source:
    title: str
    url: str = ""


@dataclass(frozen=True)
class RightsEntry:
    country: str  # ISO code, or INT for international law
    topic: str
    text: Texts
    sources: tuple[Source, ...]
    reviewed_on: date | None
    needs_review: tuple[str, ...] = ()
    file: str = ""
    line: int = 0
    valid_until: date | None = None  # a measure with an end date: never shown after it

    def expired(self, today: date) -> bool:
        return self.valid_until is not None and today > self.valid_until


@dataclass(frozen=True)
class ExtraPlace:
    """A stop or alias staff added in ``knowledge/places``."""

    name: str
    country: str
    latitude: float | None = None
    longitude: float | None = None
    admin1: str = ""
    kind: str = ""
    aliases: tuple[str, ...] = ()
    alias_of: str = ""  # for an alias of a gazetteer town or of a place listed in knowledge/places: its name
    timezone: str = ""
    file: str = ""
    line: int = 0
    status: str = "open"  # of PLACE_STATUSES; a closed place must not be named as a place to go
    closed_on: date | None = None
    source: str = ""


PLACE_STATUSES = ("open", "closed")
# An alias may say it names a part of its town, a neighbourhood ("usme" in Bogotá) or a landmark ("logan airport"),
# or is only a name, as another language writes the town ("Montevidéu"): it names the town, but does not put it on
# the migration route that stops and other aliases draw (the route weighs namesakes near it).
ALIAS_KINDS = ("neighbourhood", "landmark", "name")


@dataclass(frozen=True)
class Deployment:
    organization: str = "Sample deployment (replace in knowledge/deployment.yml)"
    contact: str = ""
    website: str = ""
    retention_days: int = 30
    data_policy: Texts = field(default_factory=dict)


@dataclass
class KnowledgeBase:
    services: list[Service] = field(default_factory=list)
    categories: dict[str, Category] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    rights: dict[tuple[str, str], RightsEntry] = field(default_factory=dict)
    places: list[ExtraPlace] = field(default_factory=list)
    deployment: Deployment = field(default_factory=Deployment)
    fingerprint: str = ""
