"""One service entry of ``services/*.yml`` -> a :class:`Service`, by the schema (:mod:`bot.knowledge.schema`).

Every field is read and type-checked by its kind; then the fields with rules of their own (the id's
form, known categories, valid phones for the country, parseable hours, the point inside the country
...) are checked. Each problem carries the field it is about, so an import can leave out what its
source already reported.
"""

from __future__ import annotations

import re
from typing import Any

from bot.knowledge.checks import ISO_639_1, check_coordinates, check_phone
from bot.knowledge.hours import Hours, HoursError, parse_hours
from bot.knowledge.model import Category, Phone, Service
from bot.knowledge.reader import Reader, every_language
from bot.knowledge.schema import PHONE_TYPES, SERVICE, Field
from bot.knowledge.yamlsrc import LineDict, LineList
from bot.textnorm import fold

DEFAULT_CATEGORIES = (
    "medical",
    "shelter",
    "food",
    "family_links",
    "legal",
    "psychosocial",
    "water_hygiene",
    "connectivity",
    "protection",
)
STALE_AFTER_DAYS = 90
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
COUNTRY = re.compile(r"^[A-Z]{2}$")


def _value(r: Reader, d: LineDict, f: Field, what: str) -> Any:
    """One field as its kind says; ``None`` when it is unusable (reported)."""
    if f.kind in ("id", "text", "choice"):
        return r.text(d, f.name, f.required, what)
    if f.kind == "country":
        return r.text(d, f.name, f.required, what).upper()
    if f.kind == "texts":
        return every_language(r.texts(d, f.name, f.required, what))
    if f.kind == "codes":
        return tuple(r.strings(d, f.name))
    if f.kind == "number":
        return r.number(d, f.name, f.limits[0], f.limits[1], what)
    if f.kind == "date":
        return r.day(d, f.name, f.required)
    if f.kind == "flag":
        return r.flag(d, f.name)
    if f.kind == "phones":
        return _phones(r, d, f.name)
    if f.kind == "hours":
        return _hours(r, d, f.name, what)
    raise ValueError(f"field {f.name}: unknown kind {f.kind}")


def _phones(r: Reader, s: LineDict, key: str) -> tuple[Phone, ...]:
    phones = []
    listed = r.items(s, key)
    for j, p in enumerate(listed):
        if isinstance(p, (str, int)):
            phones.append(Phone(str(p)))
            continue
        p = r.mapping(p, listed.line_of(j), "a phone", key)
        if p is None:
            continue
        kind = r.text(p, "type") or "voice"
        if kind not in PHONE_TYPES:
            r.error(p.line_of("type"), f"phone type '{kind}' is not one of {', '.join(PHONE_TYPES)}", "phone_type", key)
        number = r.text(p, "number", required=True, what="the phone")
        if number:
            phones.append(Phone(number, kind))
    return tuple(phones)


def _hours(r: Reader, s: LineDict, key: str, what: str) -> Hours | None:
    """The service's hours, exceptions by date included; a bad line is reported at its own line."""
    raw = s.get(key)
    try:
        hours = parse_hours(raw)
    except HoursError as exc:
        line = s.line_of(key)
        if isinstance(raw, LineList):
            for j, item in enumerate(raw):
                try:
                    parse_hours([item])
                except HoursError:
                    line = raw.line_of(j)
                    break
        r.error(line, str(exc), "bad_hours", key)
        return None
    spans = sorted((e.first, e.last) for e in hours.exceptions)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        if start <= end:
            r.error(s.line_of(key), f"{what}: two exceptions both cover {start}; keep one line per date",
                    "hours_overlap", key)
            return None
    if hours.exceptions and not hours.known:
        r.warn(s.line_of(key), f"{what} has exceptions by date but no weekly hours; add them (or '24/7') so "
               "the bot can tell when it is open", "hours_no_weekly", key)
    return hours


def read_service(
    r: Reader, s: LineDict, categories: dict[str, Category], place_names: set[str] | None = None
) -> Service | None:
    """One service entry; ``None`` (with problems recorded) when it cannot be used."""
    loc = s.get("location")
    values: dict[str, Any] = {}
    what = "the service"
    for f in SERVICE:
        if f.under and not isinstance(loc, LineDict):
            continue
        d = loc if f.under else s
        values[f.name] = _value(r, d, f, f"the location of {what}" if f.under else what)
        if f.kind == "id":
            what = f"service '{values[f.name] or '?'}'"
    if not isinstance(loc, LineDict):
        _known_categories(r, s, values["categories"], categories)
        r.error(s.line_of("location"), f"{what} has no 'location' with latitude, longitude and country", "missing",
                "location")
        return None
    ok = _check(r, s, loc, values, categories, place_names or set(), what)
    if not ok or any(values[f.name] in (None, "", ()) for f in SERVICE if f.required):
        return None
    values["timezone"] = values["timezone"] or r.text(loc, "timezone")
    return Service(**values, file=r.file, line=s.line)


def _check(r: Reader, s: LineDict, loc: LineDict, v: dict[str, Any], categories: dict[str, Category],
           place_names: set[str], what: str) -> bool:
    """The rules of single fields beyond their kind, and of fields together; False when unusable."""
    ok = all(v[f.name] is not None for f in SERVICE if f.kind == "hours")
    for f in SERVICE:
        value, d = v[f.name], (loc if f.under else s)
        if f.kind == "id" and value and not ID.match(value):
            r.error(d.line_of(f.name), f"the id '{value}' may hold only lowercase letters, digits and dashes",
                    "bad_id", f.name)
            ok = False
        elif f.kind == "country" and value and not COUNTRY.match(value):
            r.error(d.line_of(f.name), f"'{value}' is not an ISO 3166 two-letter country code such as MX",
                    "bad_country", f.name)
            ok = False
        elif f.kind == "codes" and f.required and not value:
            r.error(d.line, f"{what} has no '{f.name}'; add e.g. '{f.name}: [{f.samples[0] if f.samples else '...'}]'",
                    "missing", f.name)
            ok = False
        elif f.kind == "choice" and value and value not in f.choices:
            r.warn(d.line_of(f.name), f"{f.name} '{value}' is not one of {', '.join(f.choices)}; the bot shows it as "
                   "written", "unknown_choice", f.name)
    ok = _known_categories(r, s, v["categories"], categories) and ok
    for lang in v["languages"]:
        if lang.lower() not in ISO_639_1:
            r.error(s.line_of("languages"), f"'{lang}' is not an ISO 639-1 language code such as es, en, fr, ht, pt",
                    "unknown_language", "languages")
            ok = False
    sample = v["sample"] if v["sample"] is not None else True
    v["sample"] = sample
    verified = v["verified_on"]
    if verified and (r.today - verified).days > STALE_AFTER_DAYS:
        r.warn(s.line_of("verified_on"), f"{what} was last verified on {verified} (more than {STALE_AFTER_DAYS} days "
               "ago); check it with the service and update verified_on", "stale", "verified_on")
    elif verified is None and not sample:
        r.warn(s.line, f"{what} has no 'verified_on'; add the date someone last checked it", "not_verified",
               "verified_on")
    if verified and verified > r.today:
        r.error(s.line_of("verified_on"), f"verified_on {verified} is in the future", "future_date", "verified_on")
    country, phones = v["country"], s.get("phones")
    for j, p in enumerate(v["phones"]):
        problem = check_phone(p.number, country, sample)
        if problem:
            r.error(phones.line_of(j) if isinstance(phones, LineList) else s.line, f"{what}: {problem}", "bad_phone",
                    "phones")
            ok = False
    lat, lon = v["latitude"], v["longitude"]
    if lat is not None and lon is not None and country and r.gazetteer is not None:
        problem = check_coordinates(r.gazetteer, lat, lon, country)
        if problem:
            r.error(loc.line_of("latitude"), f"{what}: {problem}", "outside_country", "location")
            ok = False
    place = v["place"]
    if place and r.gazetteer is not None and fold(place) not in r.gazetteer.by_name and fold(place) not in place_names:
        r.warn(loc.line_of("place"), f"the place '{place}' is not a known town; fix the spelling or add it to "
               "knowledge/places", "unknown_place", "place")
    if v["hours"] is None:
        v["hours"] = parse_hours(None)
    return ok


def _known_categories(r: Reader, s: LineDict, codes: tuple[str, ...], categories: dict[str, Category]) -> bool:
    known = sorted(set(categories) | set(DEFAULT_CATEGORIES))
    ok = True
    for c in codes:
        if c not in known:
            r.error(s.line_of("categories"), f"'{c}' is not a category code; use one of " + ", ".join(known)
                    + " (or add it to categories.yml)", "unknown_category", "categories")
            ok = False
    return ok
