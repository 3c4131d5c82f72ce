"""Open Referral HSDS 3.0 tabular data packages: import (:func:`read_package`), export
(:func:`export_package`) and a structural check (:func:`validate_package`).

A package is a folder or a .zip with ``datapackage.json`` naming each resource and its CSV file,
as in the specification's example (https://github.com/openreferral/specification, examples/csv).
The table and column names below are those of the HSDS 3.0 schema (``schema/*.json``): the
``required`` lists are each schema's ``required`` plus its ``tabular_required``.

How our fields map to HSDS:

==================  ==============================================================================
ours                HSDS 3.0
==================  ==============================================================================
id                  location.external_identifier (type ``migrant-help-bot``); on import of a
                    foreign package ``hsds-<service_at_location id>``
name, email, url    service.name, service.email, service.url
organization        organization.name (service.organization_id)
description         service.description (one language: HSDS has no translations)
categories          attribute -> taxonomy_term whose ``code`` (or ``name``) is a category code
population, cost,   attribute -> taxonomy_term of our taxonomies ``migrant-help-bot population``,
referral            ``... cost``, ``... referral`` (cost also read from service.fees_description)
requirements        required_document.document
location            location.latitude/longitude; address.address_1 (+address_2), city (= place),
                    country
phones              phone.number, phone.type (voice; text = sms; WhatsApp in phone.description)
hours, timezone     schedule rows (freq WEEKLY, byday, opens_at, closes_at; timezone = UTC offset)
languages           language.code
verified_on         service.assured_date
==================  ==============================================================================

``source`` and ``sample`` have no HSDS field: an import sets ``source`` to the package (its
``homepage``, ``name`` or file name) and ``sample: false``; an export leaves sample services out.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from bot import LANGUAGES, clock
from bot.knowledge.checks import check_coordinates, check_phone
from bot.knowledge.hours import HoursError, parse_hours
from bot.knowledge.importing import (
    FREE_WORDS,
    Candidate,
    CategoryMatcher,
    check_zone,
    clean_entry,
    detect_language,
    language_code,
    parse_day,
)
from bot.knowledge.model import KnowledgeBase, Service
from bot.knowledge.tabular import Problems, Row, Table, formula_safe, read_csv, slug
from bot.textnorm import fold

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/migrant-help-bot/knowledge")
OUR_ID_TYPE = "migrant-help-bot"
OUR_TAXONOMY = "migrant-help-bot"  # our taxonomies are named "migrant-help-bot <kind>"
TAXONOMY_KINDS = ("categories", "population", "cost", "referral")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_OUR_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
LANGUAGE_NAMES = {"es": "Spanish", "en": "English", "fr": "French", "ht": "Haitian Creole", "pt": "Portuguese"}


# --- the HSDS 3.0 tables -------------------------------------------------------------------------
@dataclass(frozen=True)
class Resource:
    name: str  # the resource name in datapackage.json
    path: str  # the CSV file
    fields: tuple[str, ...]
    required: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str], ...] = ()  # (field, resource it points to)


SPEC: dict[str, Resource] = {r.name: r for r in (
    Resource("organization", "organizations.csv",
             ("id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id",
              "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"),
             ("id", "name", "description")),
    Resource("service", "services.csv",
             ("id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email",
              "status", "interpretation_services", "application_process", "fees_description", "wait_time", "fees",
              "accreditations", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
              "assurer_email", "licenses", "alert"),
             ("id", "name", "status", "organization_id"), (("organization_id", "organization"),)),
    Resource("service_at_location", "service_at_location.csv",
             ("id", "service_id", "location_id", "description"),
             ("id", "service_id", "location_id"), (("service_id", "service"), ("location_id", "location"))),
    Resource("location", "locations.csv",
             ("id", "location_type", "url", "organization_id", "name", "alternate_name", "description",
              "transportation", "latitude", "longitude", "external_identifier", "external_identifier_type"),
             ("id", "location_type"), (("organization_id", "organization"),)),
    Resource("address", "addresses.csv",
             ("id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province",
              "postal_code", "country", "address_type"),
             ("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
             (("location_id", "location"),)),
    Resource("phone", "phones.csv",
             ("id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number",
              "extension", "type", "description"),
             ("id", "number"),
             (("location_id", "location"), ("service_id", "service"), ("organization_id", "organization"),
              ("service_at_location_id", "service_at_location"))),
    Resource("schedule", "schedules.csv",
             ("id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart",
              "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday",
              "byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes"),
             ("id",),
             (("service_id", "service"), ("location_id", "location"),
              ("service_at_location_id", "service_at_location"))),
    Resource("language", "languages.csv",
             ("id", "service_id", "location_id", "phone_id", "name", "code", "note"),
             ("id",), (("service_id", "service"), ("location_id", "location"), ("phone_id", "phone"))),
    Resource("required_document", "required_documents.csv",
             ("id", "service_id", "document", "uri"), ("id",), (("service_id", "service"),)),
    Resource("taxonomy", "taxonomies.csv", ("id", "name", "description", "uri", "version"),
             ("id", "name", "description")),
    Resource("taxonomy_term", "taxonomy_terms.csv",
             ("id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"),
             ("id", "name", "description"), (("taxonomy_id", "taxonomy"), ("parent_id", "taxonomy_term"))),
    Resource("attribute", "attributes.csv",
             ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value", "label"),
             ("id", "link_id", "taxonomy_term_id", "link_entity"), (("taxonomy_term_id", "taxonomy_term"),)),
)}
TYPES = {
    ("location", "latitude"): "number", ("location", "longitude"): "number",
    ("service", "minimum_age"): "number", ("service", "maximum_age"): "number", ("service", "assured_date"): "date",
    ("organization", "year_incorporated"): "number", ("phone", "extension"): "number",
    ("schedule", "valid_from"): "date", ("schedule", "valid_to"): "date", ("schedule", "dtstart"): "date",
    ("schedule", "until"): "date", ("schedule", "timezone"): "number", ("schedule", "count"): "number",
    ("schedule", "interval"): "number", ("schedule", "opens_at"): "time", ("schedule", "closes_at"): "time",
}
ENUMS = {
    ("service", "status"): ("active", "inactive", "defunct", "temporarily closed"),
    ("location", "location_type"): ("physical", "postal", "virtual"),
    ("address", "address_type"): ("physical", "postal", "virtual"),
    ("schedule", "freq"): ("WEEKLY", "MONTHLY"),
    ("schedule", "wkst"): DAY_CODES,
}
# What we need of each table to import (the others are optional columns).
NEEDED = {
    "service": ("id", "name"), "location": ("id", "latitude", "longitude"),
    "service_at_location": ("service_id", "location_id"), "organization": ("id", "name"),
    "address": ("location_id",), "phone": ("number",), "schedule": ("opens_at", "closes_at"),
    "language": (), "required_document": ("service_id", "document"), "taxonomy": ("id", "name"),
    "taxonomy_term": ("id",), "attribute": ("link_id", "taxonomy_term_id"),
}
_NAMES = {**{r.name: r.name for r in SPEC.values()}, **{r.path[:-4]: r.name for r in SPEC.values()},
          "services_at_location": "service_at_location", "service_at_locations": "service_at_location",
          "taxonomies": "taxonomy", "addresses": "address"}


# --- opening a package ---------------------------------------------------------------------------
@dataclass
class Package:
    display: str  # the folder or zip, as given
    read: Callable[[str], bytes | None]
    meta: dict[str, Any] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)  # resource name -> path inside the package

    def shown(self, member: str) -> str:
        return f"{self.display.rstrip('/')}/{member}"


MAX_MEMBER_BYTES = 50_000_000  # one CSV of a package, unpacked: a zip can claim 1000:1


def _safe_member(path: str) -> bool:
    p = PurePosixPath(path.replace("\\", "/"))
    return bool(path) and not p.is_absolute() and ".." not in p.parts


def open_package(path: Path, problems: Problems) -> Package | None:
    display = str(path)
    if path.is_file() and path.name == "datapackage.json":
        path = path.parent
        display = str(path)
    if path.is_dir():
        root = path

        def read_dir(member: str) -> bytes | None:
            target = root / member
            return target.read_bytes() if target.is_file() else None

        pkg = Package(display, read_dir)
    elif path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
            names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError) as exc:
            problems.error(display, 0, f"this is not a readable .zip file ({exc}); zip the package folder again")
            return None
        candidates = sorted((n for n in names if n.rsplit("/", 1)[-1] == "datapackage.json"), key=len)
        prefix = candidates[0][: -len("datapackage.json")] if candidates else ""
        if not candidates:
            tops = {n.split("/", 1)[0] + "/" for n in names if "/" in n}
            if len(tops) == 1 and not any("/" not in n for n in names):
                prefix = tops.pop()

        def read_zip(member: str) -> bytes | None:
            name = prefix + member
            if name not in names:
                return None
            if archive.getinfo(name).file_size > MAX_MEMBER_BYTES:  # zipfile reads no more than this
                problems.error(f"{display}/{member}", 0, f"unpacks to more than {MAX_MEMBER_BYTES // 1_000_000} MB; "
                               "split the package or import its CSV files from a folder")
                return b""
            try:
                return archive.read(name)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                problems.error(f"{display}/{member}", 0, f"cannot be read from the zip ({exc}); zip the package again")
                return b""

        pkg = Package(display, read_zip)
    else:
        problems.error(display, 0, "is not an HSDS package: give the folder that holds datapackage.json, the .zip of "
                       "that folder, or a spreadsheet (.csv, .xlsx)")
        return None

    raw = pkg.read("datapackage.json")
    if raw is None:
        found = {r.name: r.path for r in SPEC.values() if pkg.read(r.path) is not None}
        if "service" not in found:
            problems.error(pkg.shown("datapackage.json"), 0, "is missing, and the package has no services.csv either; "
                           "an HSDS package is a folder with datapackage.json and the CSV files it names")
            return None
        problems.warn(pkg.shown("datapackage.json"), 0, "is missing; the standard HSDS 3.0 file names are read")
        pkg.paths = found
        return pkg
    shown = pkg.shown("datapackage.json")
    try:
        meta = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        problems.error(shown, 0, "is not UTF-8 text; save it as UTF-8")
        return None
    except json.JSONDecodeError as exc:
        problems.error(shown, exc.lineno, f"this is not valid JSON ({exc.msg}, column {exc.colno}); check the commas, "
                       "quotes and brackets around here")
        return None
    if not isinstance(meta, dict) or not isinstance(meta.get("resources"), list):
        problems.error(shown, 1, "must be a JSON object with a \"resources\" list (each with \"name\" and \"path\")")
        return None
    pkg.meta = meta
    for i, res in enumerate(meta["resources"]):
        if not isinstance(res, dict):
            problems.error(shown, 0, f"resource number {i + 1} is not an object with \"name\" and \"path\"")
            continue
        rpath = res.get("path")
        if isinstance(rpath, list) and len(rpath) == 1:
            rpath = rpath[0]
        name = str(res.get("name") or "").strip().lower()
        key = _NAMES.get(name) or (_NAMES.get(PurePosixPath(rpath).name[:-4].lower())
                                   if isinstance(rpath, str) and rpath.lower().endswith(".csv") else None)
        if key is None:
            continue  # a table we do not read (programs, contacts, ...)
        if not isinstance(rpath, str) or not rpath:
            problems.error(shown, 0, f"resource '{name}' has no \"path\" naming its CSV file")
            continue
        if rpath.startswith(("http://", "https://")):
            problems.error(shown, 0, f"resource '{name}' is at {rpath}; download it into the package and give its "
                           "file name as \"path\"")
            continue
        if not _safe_member(rpath):
            problems.error(shown, 0, f"resource '{name}' has path '{rpath}', outside the package; give a path inside it")
            continue
        if key in pkg.paths:
            problems.warn(shown, 0, f"resource '{name}' is listed twice; the first ({pkg.paths[key]}) is read")
            continue
        pkg.paths[key] = rpath
    for r in SPEC.values():  # tables present under their standard names but not listed
        if r.name not in pkg.paths and pkg.read(r.path) is not None:
            pkg.paths[r.name] = r.path
    return pkg


def _source_of(pkg: Package, path: Path) -> str:
    homepage = str(pkg.meta.get("homepage") or "")
    if homepage.startswith(("http://", "https://")):
        return homepage
    name = str(pkg.meta.get("title") or pkg.meta.get("name") or "")
    return f"{name} ({path.name})" if name else path.name


# --- reading the tables --------------------------------------------------------------------------
def _tables(pkg: Package, problems: Problems) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for name, member in pkg.paths.items():
        data = pkg.read(member)
        shown = pkg.shown(member)
        if data is None:
            problems.error(shown, 0, f"is named in datapackage.json for '{name}' but is not in the package; add the "
                           "file or fix its \"path\"")
            continue
        table = read_csv(data, shown, problems)
        if table is None:
            continue
        missing = [c for c in NEEDED[name] if not table.has(c)]
        if name == "language" and not (table.has("code") or table.has("name")):
            missing.append("code")
        if missing:
            problems.error(shown, 1, f"has no column {', '.join(repr(m) for m in missing)}; HSDS 3.0 names the columns "
                           f"of {SPEC[name].path}: {', '.join(SPEC[name].fields)}")
            continue
        tables[name] = table
    for name in ("service", "location", "service_at_location"):
        if name not in tables and not any(p.file.endswith(SPEC[name].path) for p in problems.errors):
            problems.error(pkg.shown(SPEC[name].path), 0, f"is missing; the import needs {SPEC[name].path} "
                           f"(columns: {', '.join(NEEDED[name])}) to place each service")
    return tables


def _index(table: Table | None, problems: Problems) -> dict[str, Row]:
    out: dict[str, Row] = {}
    if table is None:
        return out
    for row in table.rows:
        key = row.text("id")
        if not key:
            problems.error(table.file, row.line, "the 'id' is empty; every row needs its own id (a UUID)")
        elif key in out:
            problems.error(table.file, row.line, f"the id '{key}' is already used at row {out[key].line}; ids must be "
                           "unique")
        else:
            out[key] = row
    return out


_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:([AaPp])\.?\s*[Mm]\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$")


def parse_time(text: str) -> tuple[int | None, str]:
    """``08:00``, ``08:00:00``, ``8:00 AM``, ``09:00-05:00`` -> (minutes after midnight, UTC offset text)."""
    m = _TIME.match(text.strip())
    if not m:
        return None, ""
    hour, minute = int(m.group(1)), int(m.group(2))
    half = (m.group(4) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None, ""
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None, ""
    return hour * 60 + minute, m.group(5) or ""


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def days_text(days: list[int]) -> str:
    """``[0, 1, 2, 3, 4]`` -> ``Mo-Fr``; ``[5, 6]`` -> ``Sa,Su``."""
    days = sorted(set(days))
    parts, i = [], 0
    while i < len(days):
        j = i
        while j + 1 < len(days) and days[j + 1] == days[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{_OUR_DAYS[days[i]]}-{_OUR_DAYS[days[j]]}")
        else:
            parts.extend(_OUR_DAYS[d] for d in days[i : j + 1])
        i = j + 1
    return ",".join(parts)


def hours_lines(periods: list[tuple[list[int], int, int]]) -> list[str]:
    """(days, opens, closes) -> our hours notation, merging days with the same times."""
    by_times: dict[tuple[int, int], list[int]] = {}
    for days, opens, closes in periods:
        by_times.setdefault((opens, closes), []).extend(days)
    by_days: dict[tuple[int, ...], list[str]] = {}
    for (opens, closes), days in by_times.items():
        key = tuple(sorted(set(days)))
        by_days.setdefault(key, []).append(f"{_hhmm(opens)}-{_hhmm(closes)}")
    lines = []
    for days, ranges in by_days.items():
        if len(days) == 7 and ranges == ["00:00-24:00"]:
            return ["24/7"]
        lines.append(f"{days_text(list(days))} {','.join(sorted(ranges))}")
    return lines


@dataclass
class _Rule:
    row: Row
    days: list[int]
    opens: int
    closes: int
    timezone: str
    dated: str = ""  # an exception by date in our notation ("2026-12-25 closed"); then days/opens/closes are unused


def _dated_exception(row: Row, file: str, problems: Problems) -> _Rule | None:
    """A schedule row without freq and byday but with valid_from: that date (to valid_to) only.

    With opens_at/closes_at it gives the hours of those dates, without them it closes them: a
    holiday or a temporary closure (``2026-12-01..2026-12-15 closed`` in our notation).
    """
    first, _ = parse_day(row.text("valid_from"))
    last, _ = parse_day(row.text("valid_to"))
    if first is None:
        return None
    span = first.isoformat() + (f"..{last.isoformat()}" if last and last != first else "")
    opens_text, closes_text = row.text("opens_at"), row.text("closes_at")
    what = "closed"
    if opens_text or closes_text:
        (opens, _), (closes, _) = parse_time(opens_text), parse_time(closes_text)
        if opens is None or closes is None:
            problems.error(file, row.line, f"opens_at '{opens_text}' / closes_at '{closes_text}' are not times; "
                           "write them as HH:MM (for example 08:00), or leave both empty for a closure")
            return None
        what = f"{_hhmm(opens)}-{_hhmm(closes if closes not in (0, 23 * 60 + 59) else 24 * 60)}"
    try:
        parse_hours([f"{span} {what}"])
    except HoursError as exc:
        problems.error(file, row.line, str(exc))
        return None
    return _Rule(row, [], 0, 0, row.text("timezone"), f"{span} {what}")


def _read_schedule(row: Row, file: str, problems: Problems, today: date) -> _Rule | None:
    freq = row.text("freq").upper()
    if freq and freq not in ("WEEKLY", "MONTHLY"):
        problems.error(file, row.line, f"freq '{row.text('freq')}' must be WEEKLY (or MONTHLY)")
        return None
    if freq == "MONTHLY":
        problems.warn(file, row.line, "a MONTHLY schedule cannot be shown as weekly opening hours; it is left out "
                      "(write the days in the service description)")
        return None
    valid_to, _ = parse_day(row.text("valid_to"))
    if valid_to and valid_to < today:
        problems.warn(file, row.line, f"this schedule ended on {valid_to} (valid_to); it is left out")
        return None
    if not freq and not row.text("byday") and row.text("valid_from"):
        return _dated_exception(row, file, problems)
    opens_text, closes_text = row.text("opens_at"), row.text("closes_at")
    if not opens_text and not closes_text:
        if row.text("description"):
            problems.warn(file, row.line, "this schedule has no opens_at/closes_at, so its description is not read; "
                          "add opens_at and closes_at (HH:MM) for the bot to tell whether it is open")
        return None
    ok = True
    times = []
    for column, text in (("opens_at", opens_text), ("closes_at", closes_text)):
        if not text:
            problems.error(file, row.line, f"'{column}' is empty; write the time as HH:MM (for example 08:00)")
            ok = False
            continue
        minutes, offset = parse_time(text)
        if minutes is None:
            problems.error(file, row.line, f"{column} '{text}' is not a time; write it as HH:MM (for example 17:30)")
            ok = False
        elif offset:
            problems.warn(file, row.line, f"{column} '{text}' has a UTC offset; opening hours are read as the local "
                          "time at the service, so the offset is ignored")
        times.append(minutes)
    days: list[int] = []
    byday = row.text("byday")
    if not byday:
        problems.warn(file, row.line, "byday is empty; the times are read as every day of the week")
        days = list(range(7))
    for token in [t.strip().upper() for t in byday.split(",") if t.strip()]:
        if token in DAY_CODES:
            days.append(DAY_CODES.index(token))
        elif re.match(r"^[+-]?\d+(MO|TU|WE|TH|FR|SA|SU)$", token):
            problems.error(file, row.line, f"byday '{byday}' counts weeks of the month ({token}), which only a "
                           "MONTHLY schedule can; for weekly hours write two-letter days like MO,TU,WE")
            ok = False
            break
        else:
            problems.error(file, row.line, f"byday '{byday}' is not a list of days: '{token}' is not one of "
                           f"{','.join(DAY_CODES)}; write two-letter days separated by commas, like MO,TU,WE")
            ok = False
            break
    if not ok or len(times) != 2 or None in times:
        return None
    opens, closes = times
    if closes in (23 * 60 + 59, 0) or (opens == closes == 0):
        closes = 24 * 60
    if opens == closes:
        problems.error(file, row.line, f"opens_at and closes_at are both {opens_text}; write the closing time")
        return None
    try:
        parse_hours([f"{days_text(days)} {_hhmm(opens)}-{_hhmm(closes)}"])
    except HoursError as exc:
        problems.error(file, row.line, str(exc))
        return None
    return _Rule(row, days, opens, closes, row.text("timezone"))


def _zone_offsets(name: str) -> set[float]:
    """The UTC offsets (hours) of a time zone in January and July."""
    try:
        zone = ZoneInfo(name)
    except Exception:
        return set()
    year = clock.today().year
    out = set()
    for month in (1, 7):
        delta = zone.utcoffset(datetime(year, month, 15))
        if delta is not None:
            out.add(delta.total_seconds() / 3600)
    return out


def _phone_kind(row: Row) -> str | None:
    kind = fold(row.text("type"))
    text = f"{kind} {fold(row.text('description'))}"
    if "whatsapp" in text:
        return "whatsapp"
    if kind in ("text", "sms"):
        return "sms"
    if kind in ("fax", "pager"):
        return None
    return "voice"


def _compose_address(row: Row | None) -> tuple[str, str, str]:
    """(address, city, country) from an addresses.csv row."""
    if row is None:
        return "", "", ""
    city = row.text("city")
    parts = [p for p in (row.text("address_1"), row.text("address_2")) if p]
    if len(parts) == 1 and city and fold(parts[0]) == fold(city):
        parts = []
    text = ", ".join(parts)
    for extra in (city, row.text("state_province") or row.text("region")):
        if parts and extra and fold(extra) not in fold(text):
            text = f"{text}, {extra}"
    return text, city, row.text("country")


def _texts(text: str, what: str, name: str, file: str, line: int, problems: Problems) -> dict[str, str] | str:
    """A text under the language it is written in (a plain text, shown in every language, when unsure)."""
    if not text:
        return {}
    lang = detect_language(text)
    if lang:
        return {lang: text}
    problems.warn(file, line, f"cannot tell the language of the {what} of '{name}'; it is shown in every language "
                  "until someone puts it under its language code")
    return text


# --- import --------------------------------------------------------------------------------------
def read_package(
    path: Path,
    problems: Problems,
    matcher: CategoryMatcher,
    gazetteer: Any,
    today: date,
    place_names: set[str] | None = None,
    country_names: dict[str, str] | None = None,
) -> list[Candidate]:
    """The services of an HSDS 3.0 package, one per service_at_location row."""
    pkg = open_package(path, problems)
    if pkg is None:
        return []
    tables = _tables(pkg, problems)
    if not all(t in tables for t in ("service", "location", "service_at_location")):
        return []
    reader = _PackageReader(tables, problems, matcher, gazetteer, today, place_names or set(), country_names or {})
    return reader.candidates(_source_of(pkg, path))


def _group(rows: list[Row], column: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for row in rows:
        if row.text(column):
            out.setdefault(row.text(column), []).append(row)
    return out


@dataclass
class _Place:
    point: tuple[float, float] | None
    address: str
    place: str
    country: str


class _PackageReader:
    """Reads the tables of one package; every bad value is reported once, at its file and row."""

    def __init__(self, tables: dict[str, Table], problems: Problems, matcher: CategoryMatcher, gazetteer: Any,
                 today: date, place_names: set[str], country_names: dict[str, str]):
        self.tables, self.problems, self.matcher = tables, problems, matcher
        self.gazetteer, self.today = gazetteer, today
        self.place_names, self.country_names = place_names, country_names
        self.reported: set[tuple[str, str]] = set()
        self._towns: dict[tuple[float, float], Any] = {}
        self.sal = tables["service_at_location"]
        self.services = _index(tables["service"], problems)
        self.locations = _index(tables["location"], problems)
        self.organizations = _index(tables.get("organization"), problems)
        self.taxonomies = _index(tables.get("taxonomy"), problems)
        self.terms = _index(tables.get("taxonomy_term"), problems)
        self.sal_ids = {r.text("id") for r in self.sal.rows if r.text("id")}
        self.sal_per_service = Counter(r.text("service_id") for r in self.sal.rows)
        self.skipped = self._check_services()
        self.coords = self._read_coordinates()
        self.addresses = self._read_addresses()
        phones = [r for r in self._rows("phone") if self._linked("phone", r)]
        self.phones = {c: _group(phones, c) for c in ("service_at_location_id", "service_id", "location_id")}
        self.rules = self._read_schedules()
        self.languages = self._read_languages()
        self.documents: dict[str, list[str]] = {}
        for row in self._rows("required_document"):
            if self._linked("required_document", row) and row.text("document"):
                self.documents.setdefault(row.text("service_id"), []).append(row.text("document"))
        self.links = self._read_attributes()

    # --- helpers
    def _rows(self, name: str) -> list[Row]:
        return self.tables[name].rows if name in self.tables else []

    def _file(self, name: str) -> str:
        return self.tables[name].file if name in self.tables else SPEC[name].path

    def once(self, key: tuple[str, str], table: str, line: int, message: str, warning: bool = False) -> None:
        """Report a problem the first time only (a location shared by several services, ...)."""
        if key in self.reported:
            return
        self.reported.add(key)
        (self.problems.warn if warning else self.problems.error)(self._file(table), line, message)

    def _linked(self, name: str, row: Row) -> bool:
        """Whether the ids a row points to exist; the ones that do not are reported."""
        ok = True
        for column, known, target in (("service_id", self.services, "service"),
                                      ("location_id", self.locations, "location"),
                                      ("service_at_location_id", self.sal_ids, "service_at_location")):
            value = row.text(column)
            if value and value not in known:
                self.problems.error(self._file(name), row.line, f"{column} '{value}' is not an id of {SPEC[target].path}")
                ok = False
        return ok

    # --- the tables
    def _check_services(self) -> set[str]:
        skipped = set()
        file = self._file("service")
        for sid, row in self.services.items():
            status = row.text("status").lower()
            if status and status != "active":
                self.problems.warn(file, row.line, f"service '{row.text('name') or sid}' has status '{status}'; it is "
                                   "not imported")
                skipped.add(sid)
                continue
            if not row.text("name"):
                self.problems.error(file, row.line, f"service '{sid}' has no name; fill its 'name' column")
            day, wrong = parse_day(row.text("assured_date"))
            if wrong:
                self.problems.error(file, row.line, f"assured_date {wrong}")
            elif day and day > self.today:
                self.problems.error(file, row.line, f"assured_date {day} is in the future; write the date the service "
                                    "was last checked")
        return skipped

    def _read_coordinates(self) -> dict[str, tuple[float, float] | None]:
        coords: dict[str, tuple[float, float] | None] = {}
        file = self._file("location")
        for lid, row in self.locations.items():
            values: list[float | None] = []
            for column, limit, example in (("latitude", 90, "14.9061"), ("longitude", 180, "-92.2636")):
                text = row.text(column)
                if not text:
                    values.append(None)
                    continue
                try:
                    number = float(text.replace(",", "."))
                except ValueError:
                    self.problems.error(file, row.line, f"{column} '{text}' is not a number; write decimal degrees "
                                        f"such as {example}")
                    values.append(None)
                    continue
                if not -limit <= number <= limit:
                    self.problems.error(file, row.line, f"{column} {text} is outside -{limit}..{limit}; write decimal "
                                        "degrees (look the place up on a map), or check that latitude and longitude "
                                        "are not swapped")
                    values.append(None)
                    continue
                values.append(number)
            lat, lon = values
            coords[lid] = (lat, lon) if lat is not None and lon is not None else None
        return coords

    def _read_addresses(self) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = {}
        for row in self._rows("address"):
            lid = row.text("location_id")
            if lid not in self.locations:
                self.problems.error(self._file("address"), row.line, f"location_id '{lid}' is not an id of "
                                    f"{SPEC['location'].path}")
                continue
            out.setdefault(lid, []).append(row)
        for rows in out.values():
            rows.sort(key=lambda r: r.text("address_type").lower() != "physical")
        return out

    def _read_schedules(self) -> dict[str, dict[str, list[_Rule]]]:
        rules = []
        for row in self._rows("schedule"):
            if self._linked("schedule", row):
                rule = _read_schedule(row, self._file("schedule"), self.problems, self.today)
                if rule:
                    rules.append(rule)
        out: dict[str, dict[str, list[_Rule]]] = {}
        for column in ("service_at_location_id", "service_id", "location_id"):
            out[column] = {}
            for rule in rules:
                if rule.row.text(column):
                    out[column].setdefault(rule.row.text(column), []).append(rule)
        return out

    def _read_languages(self) -> dict[str, dict[str, list[str]]]:
        out: dict[str, dict[str, list[str]]] = {"service_id": {}, "location_id": {}}
        file = self._file("language")
        for row in self._rows("language"):
            if not self._linked("language", row):
                continue
            value = row.text("code") or row.text("name")
            code = language_code(value)
            if not code:
                if re.fullmatch(r"[A-Za-z]{3}", value or ""):
                    self.problems.warn(file, row.line, f"language '{value}' has no two-letter ISO 639-1 code the bot "
                                       "knows; it is left out")
                elif value:
                    self.problems.error(file, row.line, f"language '{value}' is not an ISO 639-1 code such as es, en, "
                                        "fr, ht, pt")
                continue
            column = "service_id" if row.text("service_id") else "location_id"
            if row.text(column):
                out[column].setdefault(row.text(column), []).append(code)
        return out

    def _read_attributes(self) -> dict[str, list[tuple[Row, Row]]]:
        links: dict[str, list[tuple[Row, Row]]] = {}  # service or service_at_location id -> (attribute, term)
        file = self._file("attribute")
        for row in self._rows("attribute"):
            entity, link, term_id = row.text("link_entity").lower(), row.text("link_id"), row.text("taxonomy_term_id")
            if entity not in ("", "service", "service_at_location"):
                continue
            if entity == "service" and link not in self.services:
                self.problems.error(file, row.line, f"link_id '{link}' is not an id of services.csv")
                continue
            if entity == "service_at_location" and link not in self.sal_ids:
                self.problems.error(file, row.line, f"link_id '{link}' is not an id of service_at_location.csv")
                continue
            if entity == "" and link not in self.services and link not in self.sal_ids:
                continue
            if term_id not in self.terms:
                self.problems.error(file, row.line, f"taxonomy_term_id '{term_id}' is not an id of taxonomy_terms.csv")
                continue
            links.setdefault(link, []).append((row, self.terms[term_id]))
        return links

    def _taxonomy_kind(self, term: Row) -> str:
        """``population`` for a term of our taxonomy "migrant-help-bot population", else ''."""
        taxonomy = self.taxonomies.get(term.text("taxonomy_id"))
        name = fold(taxonomy.text("name")) if taxonomy else ""
        name = name or fold(term.text("taxonomy"))
        prefix = fold(OUR_TAXONOMY)
        if name.startswith(prefix):
            kind = name[len(prefix):].strip().replace(" ", "_")
            return kind if kind in TAXONOMY_KINDS else ""
        return ""

    # --- one service at one location
    def _nearest(self, point: tuple[float, float] | None) -> Any:
        """The gazetteer town nearest to a point (looked up only when needed: it is the slow part)."""
        if point is None or self.gazetteer is None:
            return None
        if point not in self._towns:
            self._towns[point] = self.gazetteer.nearest(*point)
        return self._towns[point]

    def _place(self, lid: str) -> _Place:
        loc = self.locations[lid]
        label = loc.text("name") or lid
        point = self.coords.get(lid)
        if point is None and (not loc.text("latitude") or not loc.text("longitude")):
            self.once(("coords", lid), "location", loc.line, f"location '{label}' has no latitude/longitude; the bot "
                      "needs them to find the service near a town")
        rows = self.addresses.get(lid, [])
        address_row = rows[0] if rows else None
        address, city, country = _compose_address(address_row)
        if country and not re.fullmatch(r"[A-Za-z]{2}", country):
            code = self.country_names.get(fold(country))
            if code is None and address_row is not None:
                self.once(("country", lid), "address", address_row.line, f"country '{country}' is not a two-letter "
                          "ISO 3166 code such as MX")
            country = code or ""
        country = country.upper()
        if not country and point:
            town = self._nearest(point)
            if town is not None:
                country = town.country
                self.once(("guess-country", lid), "location", loc.line, f"location '{label}' has no address with a "
                          f"country; {town.country} (near {town.name}) is used", warning=True)
            else:
                self.once(("no-country", lid), "location", loc.line, f"location '{label}' has no country: add a row "
                          "for it to addresses.csv with the two-letter country code")
        if point and country and self.gazetteer is not None:
            wrong = check_coordinates(self.gazetteer, point[0], point[1], country)
            if wrong:
                self.once(("where", lid), "location", loc.line, wrong)
                point = None
        if city and self.gazetteer is not None and address_row is not None and fold(city) not in \
                self.gazetteer.by_name and fold(city) not in self.place_names:
            town = self._nearest(point)
            near = f"; the nearest known town is {town.name}" if town else ""
            self.once(("place", lid), "address", address_row.line, f"the city '{city}' is not a town the bot "
                      f"knows{near}; fix the spelling or add it to knowledge/places", warning=True)
        if not city:
            town = self._nearest(point)
            city = town.name if town is not None else ""
        return _Place(point, address, city, country)

    def _phones(self, sid: str, lid: str, sal_id: str, country: str) -> list[dict[str, str]]:
        """Phones of this service here, of the service anywhere, or of the location."""
        rows = self.phones["service_at_location_id"].get(sal_id, []) if sal_id else []
        rows = rows + [r for r in self.phones["service_id"].get(sid, []) if r.text("location_id") in ("", lid)]
        rows = rows + [r for r in self.phones["location_id"].get(lid, [])
                       if not r.text("service_id") and not r.text("service_at_location_id")]
        numbers: list[dict[str, str]] = []
        for row in rows:
            kind = _phone_kind(row)
            number = row.text("number").strip().strip("\"'").strip()
            if kind is None or not number:
                continue
            wrong = check_phone(number, country, False) if country else None
            if wrong:
                self.once(("phone", str(row.line)), "phone", row.line, wrong)
                continue
            if row.text("extension"):
                self.once(("ext", str(row.line)), "phone", row.line, f"extension {row.text('extension')} is left out "
                          "(the bot has no field for it); say it in the description if callers need it", warning=True)
            if all(n["number"] != number for n in numbers):
                numbers.append({"number": number, "type": kind})
        return numbers

    def _hours(self, sid: str, lid: str, sal_id: str, point: tuple[float, float] | None) -> tuple[list[str], str]:
        """Opening hours of this service here, else of the service, else of the location; and a time zone."""
        rules = self.rules
        chosen = rules["service_at_location_id"].get(sal_id, []) if sal_id else []
        if not chosen:
            chosen = [r for r in rules["service_id"].get(sid, []) if not r.row.text("service_at_location_id")
                      and r.row.text("location_id") in ("", lid)]
        if not chosen:
            chosen = [r for r in rules["location_id"].get(lid, []) if not r.row.text("service_id")
                      and not r.row.text("service_at_location_id")]
        timezone = ""
        for rule in chosen:
            tz = rule.timezone
            if not tz:
                continue
            try:
                offset = float(tz)
            except ValueError:
                wrong = check_zone(tz)
                if wrong:
                    self.once(("tz", str(rule.row.line)), "schedule", rule.row.line, f"timezone {wrong}")
                else:
                    timezone = tz
                continue
            town = self._nearest(point)
            offsets = _zone_offsets(town.timezone) if town is not None and town.timezone else set()
            if offsets and offset not in offsets:
                self.once(("tz", str(rule.row.line)), "schedule", rule.row.line, f"timezone {tz} (UTC offset) differs "
                          f"from the time zone of {town.name} ({town.timezone}); the bot uses the town's. Write the zone "
                          "name in the service's timezone if it really differs", warning=True)
        weekly = hours_lines([(r.days, r.opens, r.closes) for r in chosen if not r.dated])
        dated: dict[str, list[str]] = {}  # one line per span: several rows may give one day's ranges
        for r in chosen:
            if r.dated:
                span, what = r.dated.split(" ", 1)
                dated.setdefault(span, []).append(what)
        for span, whats in sorted(dated.items()):
            weekly.append(f"{span} closed" if "closed" in whats else f"{span} {','.join(sorted(set(whats)))}")
        return weekly, timezone

    def _classes(self, sid: str, sal_id: str, name: str) -> tuple[list[str], dict[str, list[str]]]:
        """Our categories, and population, cost and referral, from the linked taxonomy terms."""
        categories: list[str] = []
        extra: dict[str, list[str]] = {"population": [], "cost": [], "referral": []}
        unmatched: list[tuple[Row, Row]] = []
        term_reported = False
        for attr, term in self.links.get(sid, []) + (self.links.get(sal_id, []) if sal_id else []):
            kind = self._taxonomy_kind(term)
            code = term.text("code")
            if kind in extra:
                value = code.split(":", 1)[-1] if code else fold(term.text("name")).replace(" ", "_")
                if value and value not in extra[kind]:
                    extra[kind].append(value)
                continue
            found = self.matcher.match(code) or self.matcher.match(term.text("name"))
            if found:
                if found not in categories:
                    categories.append(found)
            elif kind == "categories":  # a term of our own category taxonomy that we do not know
                term_reported = True
                self.once(("term", term.text("id")), "taxonomy_term", term.line,
                          self.matcher.unknown(code or term.text("name")))
            else:
                unmatched.append((attr, term))
        if not categories and not term_reported:
            terms_file = self._file("taxonomy_term").rsplit("/", 1)[-1]
            for attr, term in unmatched:
                label = term.text("code") or term.text("name")
                self.once(("category", str(attr.line)), "attribute", attr.line,
                          f"service '{name or sid}' has no category the bot knows (it links to {terms_file}:"
                          f"{term.line}): " + self.matcher.unknown(label))
            if not unmatched:
                self.once(("category", sid), "service", self.services[sid].line,
                          f"service '{name or sid}' has no category: link it in attributes.csv (link_entity service) "
                          f"to a taxonomy term whose code is one of {', '.join(self.matcher.codes)}")
        return categories, extra

    def _candidate(self, row: Row, source: str) -> Candidate | None:
        sid, lid, sal_id = row.text("service_id"), row.text("location_id"), row.text("id")
        svc, loc = self.services[sid], self.locations[lid]
        name = svc.text("name")
        location_type = loc.text("location_type").lower()
        if location_type in ("virtual", "postal"):
            self.problems.warn(self.sal.file, row.line, f"service '{name}' is linked to a {location_type} location; "
                               "only physical places are imported")
            return None
        where = self._place(lid)
        hours, timezone = self._hours(sid, lid, sal_id, where.point)
        categories, extra = self._classes(sid, sal_id, name)
        spoken = list(dict.fromkeys(self.languages["service_id"].get(sid, [])
                                    + self.languages["location_id"].get(lid, [])))
        cost = extra["cost"][0] if extra["cost"] else ""
        if not cost and fold(svc.text("fees_description") or svc.text("fees")) in FREE_WORDS:
            cost = "free"
        verified, _ = parse_day(svc.text("assured_date"))
        if verified is None:
            verified = self.today
            self.once(("verified", sid), "service", svc.line, f"service '{name or sid}' has no assured_date; "
                      f"verified_on is set to the import date {self.today}. Check the service and correct it in the "
                      "YAML if needed", warning=True)
        elif verified > self.today:
            verified = None  # reported with the services
        ext_type, ext_id = loc.text("external_identifier_type"), loc.text("external_identifier")
        if ext_type == OUR_ID_TYPE and re.fullmatch(r"[a-z0-9][a-z0-9-]*", ext_id):
            our_id = ext_id  # a service we exported: it keeps its id
        else:
            key = sal_id or (sid if self.sal_per_service[sid] == 1 else f"{sid}-{lid}")
            our_id = "hsds-" + slug(key, limit=80)
        org = self.organizations.get(svc.text("organization_id"))
        org_name = org.text("name") if org else ""
        if svc.text("organization_id") and org is None and "organization" in self.tables:
            self.once(("org", sid), "service", svc.line, f"organization_id '{svc.text('organization_id')}' is not an "
                      "id of organizations.csv; the organization is left empty", warning=True)
        file = self._file("service")
        entry = {
            "id": our_id,
            "name": name,
            "organization": org_name if fold(org_name) != fold(name) else "",
            "categories": categories,
            "description": _texts(svc.text("description") or row.text("description"), "description", name, file,
                                  svc.line, self.problems),
            "location": {"address": where.address, "place": where.place, "country": where.country,
                         "latitude": where.point[0] if where.point else None,
                         "longitude": where.point[1] if where.point else None},
            "phones": self._phones(sid, lid, sal_id, where.country),
            "hours": hours,
            "timezone": timezone,
            "languages": spoken,
            "cost": cost,
            "population": extra["population"],
            "requirements": _texts(" ".join(self.documents.get(sid, [])), "required documents", name, file, svc.line,
                                   self.problems),
            "referral": extra["referral"][0] if extra["referral"] else "",
            "email": svc.text("email"),
            "url": svc.text("url"),
            "verified_on": verified,
            "source": source,
            "sample": False,
        }
        covered = {"name", "latitude", "longitude", "country", "categories", "place", "phones", "hours", "languages",
                   "coordinates", "verified_on", "timezone"}  # checked above, at their own file and row
        return Candidate(clean_entry(entry), file, svc.line, covered)

    def candidates(self, source: str) -> list[Candidate]:
        out: list[Candidate] = []
        used: set[str] = set()
        seen: dict[str, int] = {}
        for row in self.sal.rows:
            sid, lid, sal_id = row.text("service_id"), row.text("location_id"), row.text("id")
            if sal_id and sal_id in seen:
                self.problems.error(self.sal.file, row.line, f"the id '{sal_id}' is already used at row {seen[sal_id]}; "
                                    "ids must be unique")
                continue
            seen[sal_id] = row.line
            if sid not in self.services:
                self.problems.error(self.sal.file, row.line, f"service_id '{sid}' is not an id of "
                                    f"{SPEC['service'].path}")
                continue
            if lid not in self.locations:
                self.problems.error(self.sal.file, row.line, f"location_id '{lid}' is not an id of "
                                    f"{SPEC['location'].path}")
                continue
            used.add(sid)
            if sid not in self.skipped:
                cand = self._candidate(row, source)
                if cand is not None:
                    out.append(cand)
        for sid, svc in self.services.items():
            if sid not in used and sid not in self.skipped:
                self.problems.warn(self._file("service"), svc.line, f"service '{svc.text('name') or sid}' has no row in "
                                   "service_at_location.csv, so no place; the bot can only show services at a place, "
                                   "so it is left out")
        return out


# --- export --------------------------------------------------------------------------------------
def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


def _primary(texts: dict[str, str]) -> str:
    for lang in LANGUAGES:
        if texts.get(lang):
            return texts[lang]
    return next(iter(texts.values()), "")


def _offset(zone: str) -> str:
    try:
        delta = clock.now().astimezone(ZoneInfo(zone)).utcoffset()
    except Exception:
        return ""
    if delta is None:
        return ""
    hours = delta.total_seconds() / 3600
    return str(int(hours)) if hours.is_integer() else str(hours)


@dataclass
class ExportResult:
    services: int
    left_out_samples: int
    notes: list[str] = field(default_factory=list)


def package_tables(kb: KnowledgeBase, today: date) -> tuple[dict[str, list[dict[str, Any]]], ExportResult]:
    """The HSDS rows of every non-sample service, table by table."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SPEC}
    services = [s for s in kb.services if not s.sample]
    result = ExportResult(len(services), len(kb.services) - len(services))
    orgs: dict[str, str] = {}
    term_ids: dict[tuple[str, str], str] = {}
    taxonomy_ids: dict[str, str] = {}

    def taxonomy(kind: str) -> str:
        if kind not in taxonomy_ids:
            taxonomy_ids[kind] = _uuid("taxonomy", kind)
            rows["taxonomy"].append({
                "id": taxonomy_ids[kind], "name": f"{OUR_TAXONOMY} {kind}",
                "description": {"categories": "The need categories of the migrant help bot (knowledge/categories.yml)",
                                "population": "Who a service is for",
                                "cost": "What a service costs: free, low_cost or paid",
                                "referral": "How to get the service: walk_in, appointment or referral"}[kind],
                "version": today.isoformat()})
        return taxonomy_ids[kind]

    def term(kind: str, code: str) -> str:
        key = (kind, code)
        if key not in term_ids:
            term_ids[key] = _uuid("taxonomy_term", kind, code)
            label = kb.categories[code].label if kind == "categories" and code in kb.categories else {}
            name = label.get("en") or label.get("es") or code.replace("_", " ")
            description = " / ".join(f"{lang}: {label[lang]}" for lang in LANGUAGES if label.get(lang)) or name
            rows["taxonomy_term"].append({
                "id": term_ids[key], "code": code if kind == "categories" else f"{kind}:{code}", "name": name,
                "description": description, "taxonomy": f"{OUR_TAXONOMY} {kind}", "language": "en",
                "taxonomy_id": taxonomy(kind)})
        return term_ids[key]

    def organization(s: Service) -> str:
        name = s.organization or s.name
        if name not in orgs:
            orgs[name] = _uuid("organization", name)
            rows["organization"].append({"id": orgs[name], "name": name, "description": name})
        return orgs[name]

    for s in services:
        tail = s.id[len("hsds-"):] if s.id.startswith("hsds-") else ""
        sal_id = tail if _is_uuid(tail) else _uuid("service_at_location", s.id)
        svc_id, loc_id = _uuid("service", s.id), _uuid("location", s.id)
        org_id = organization(s)
        rows["service"].append({
            "id": svc_id, "organization_id": org_id, "name": s.name, "description": _primary(s.description),
            "url": s.url, "email": s.email, "status": "active",
            "assured_date": s.verified_on.isoformat() if s.verified_on else ""})
        rows["location"].append({
            "id": loc_id, "location_type": "physical", "organization_id": org_id, "name": s.name,
            "latitude": s.latitude, "longitude": s.longitude, "external_identifier": s.id,
            "external_identifier_type": OUR_ID_TYPE})
        rows["service_at_location"].append({"id": sal_id, "service_id": svc_id, "location_id": loc_id})
        rows["address"].append({
            "id": _uuid("address", s.id), "location_id": loc_id, "address_1": s.address or s.place,
            "city": s.place, "country": s.country, "address_type": "physical"})
        for i, p in enumerate(s.phones):
            rows["phone"].append({
                "id": _uuid("phone", s.id, str(i)), "service_id": svc_id, "number": p.number,
                "type": {"voice": "voice", "sms": "text", "whatsapp": "cell"}.get(p.type, "voice"),
                "description": "WhatsApp" if p.type == "whatsapp" else ""})
        periods: dict[tuple[int, int], list[int]] = {}
        if s.hours.always:
            periods[(0, 24 * 60)] = list(range(7))
        for p in s.hours.periods:
            periods.setdefault((p.opens, p.closes), []).append(p.day)
        offset = _offset(s.timezone) if s.timezone else ""
        for i, ((opens, closes), days) in enumerate(periods.items()):
            end = "23:59" if (opens == 0 and closes in (0, 24 * 60)) else _hhmm(closes % (24 * 60))
            rows["schedule"].append({
                "id": _uuid("schedule", s.id, str(i)), "service_id": svc_id, "service_at_location_id": sal_id,
                "timezone": offset, "freq": "WEEKLY", "byday": ",".join(DAY_CODES[d] for d in sorted(set(days))),
                "opens_at": _hhmm(opens) + ":00", "closes_at": end + ":00",
                "description": hours_lines([(days, opens, closes or 24 * 60)])[0]})
        for j, e in enumerate(s.hours.exceptions):  # a dated row: no freq, no byday (see _dated_exception)
            for k, (opens, closes) in enumerate(e.ranges or [(None, None)]):
                rows["schedule"].append({
                    "id": _uuid("schedule", s.id, f"x{j}-{k}"), "service_id": svc_id, "service_at_location_id": sal_id,
                    "timezone": offset, "valid_from": e.first.isoformat(), "valid_to": e.last.isoformat(),
                    "opens_at": "" if opens is None else _hhmm(opens) + ":00",
                    "closes_at": "" if closes is None else ("23:59" if closes == 0 else _hhmm(closes)) + ":00",
                    "description": "closed" if e.closed else f"{_hhmm(opens)}-{_hhmm(closes or 24 * 60)}"})
        for code in s.languages:
            rows["language"].append({"id": _uuid("language", s.id, code), "service_id": svc_id,
                                     "name": LANGUAGE_NAMES.get(code, ""), "code": code})
        if s.requirements:
            rows["required_document"].append({"id": _uuid("required_document", s.id), "service_id": svc_id,
                                              "document": _primary(s.requirements)})
        classes = [("categories", c) for c in s.categories] + [("population", p) for p in s.population]
        classes += [("cost", s.cost)] if s.cost else []
        classes += [("referral", s.referral)] if s.referral else []
        for kind, code in classes:
            rows["attribute"].append({
                "id": _uuid("attribute", s.id, kind, code), "link_id": svc_id, "taxonomy_term_id": term(kind, code),
                "link_type": kind, "link_entity": "service"})
    if rows["address"]:
        result.notes.append("addresses.csv leaves state_province and postal_code empty: the knowledge base does not "
                            "hold them (HSDS 3.0 marks them required)")
    if any(len(s.description) > 1 for s in services):
        result.notes.append("HSDS holds one description per service: the Spanish text is exported (else English, "
                            "French, Haitian Creole, Portuguese)")
    return rows, result


def datapackage(title: str, today: date, homepage: str = "") -> dict[str, Any]:
    """The datapackage.json of an export: the HSDS 3.0 tables with their fields and keys."""
    resources = []
    for r in SPEC.values():
        fields = []
        for name in r.fields:
            spec: dict[str, Any] = {"name": name, "type": TYPES.get((r.name, name), "string")}
            if name == "id" or (name.endswith("_id") and name != "external_identifier"):
                spec["format"] = "uuid"
            constraints: dict[str, Any] = {"required": name in r.required}
            if name == "id":
                constraints["unique"] = True
            if (r.name, name) in ENUMS:
                constraints["enum"] = list(ENUMS[(r.name, name)])
            spec["constraints"] = constraints
            fields.append(spec)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": "id"}
        keys = [{"fields": f, "reference": {"resource": target, "fields": "id"}} for f, target in r.foreign_keys]
        if keys:
            schema["foreignKeys"] = keys
        resources.append({"name": r.name, "path": r.path, "profile": "tabular-data-resource", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
    meta: dict[str, Any] = {"name": "migrant-help-bot-services", "title": title,
                            "profile": "tabular-data-package", "version": "3.0", "created": today.isoformat(),
                            "resources": resources}
    if homepage:
        meta["homepage"] = homepage
    return meta


def _csv_text(resource: Resource, rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(resource.fields), extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else formula_safe(v)) for k, v in row.items()})
    return buffer.getvalue()


def export_package(kb: KnowledgeBase, target: Path, today: date) -> ExportResult:
    """Write the package into the folder ``target`` (created), or into a .zip when it ends with .zip."""
    rows, result = package_tables(kb, today)
    meta = datapackage(f"Services of {kb.deployment.organization}", today, kb.deployment.website)
    files = {"datapackage.json": json.dumps(meta, ensure_ascii=False, indent=2) + "\n"}
    for name, resource in SPEC.items():
        files[resource.path] = _csv_text(resource, rows[name])
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, text in files.items():
                archive.writestr(member, text)
    else:
        target.mkdir(parents=True, exist_ok=True)
        for member, text in files.items():
            (target / member).write_text(text, encoding="utf-8", newline="")
    return result


# --- checking a package against the HSDS 3.0 tables ---------------------------------------------
def validate_package(path: Path) -> list[str]:
    """Structural problems of a package, as ``file:row: problem``: missing or unknown columns, empty
    required values, ids that are not UUIDs or not unique, foreign keys that do not resolve, numbers,
    dates, times and codes that are not valid."""
    problems = Problems()
    pkg = open_package(path, problems)
    if pkg is None:
        return [str(p) for p in problems.errors]
    out = [f"{p.file}: {p.message}" for p in problems.errors]
    declared = {str(r.get("name")): r for r in pkg.meta.get("resources", []) if isinstance(r, dict)}
    tables: dict[str, Table] = {}
    for name, resource in SPEC.items():
        data = pkg.read(resource.path)
        shown = pkg.shown(resource.path)
        if data is None:
            continue
        if name not in declared:
            out.append(f"{pkg.shown('datapackage.json')}: the resource '{name}' ({resource.path}) is not declared")
        else:
            fields = [f.get("name") for f in declared[name].get("schema", {}).get("fields", [])]
            if fields != list(resource.fields):
                out.append(f"{pkg.shown('datapackage.json')}: the fields of '{name}' differ from HSDS 3.0")
        found = Problems()
        table = read_csv(data, shown, found)
        out += [str(p) for p in found.errors]
        if table is None:
            continue
        tables[name] = table
        header = table.columns
        missing = [f for f in resource.required if f not in header]
        unknown = [f for f in header if f not in resource.fields]
        if missing:
            out.append(f"{shown}:1: required column(s) missing: {', '.join(missing)}")
        if unknown:
            out.append(f"{shown}:1: column(s) not in HSDS 3.0: {', '.join(unknown)}")
        seen: set[str] = set()
        for row in table.rows:
            for f in resource.required:
                if f in header and not row.text(f):
                    out.append(f"{shown}:{row.line}: required value '{f}' is empty")
            for f in header:
                value = row.text(f)
                if not value:
                    continue
                if (f == "id" or f.endswith("_id")) and not _is_uuid(value):
                    out.append(f"{shown}:{row.line}: {f} '{value}' is not a UUID")
                kind = TYPES.get((name, f))
                if kind == "number":
                    try:
                        float(value)
                    except ValueError:
                        out.append(f"{shown}:{row.line}: {f} '{value}' is not a number")
                elif kind == "date" and parse_day(value)[1]:
                    out.append(f"{shown}:{row.line}: {f} '{value}' is not a date YYYY-MM-DD")
                elif kind == "time" and not re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value):
                    out.append(f"{shown}:{row.line}: {f} '{value}' is not a time HH:MM:SS")
                if (name, f) in ENUMS and value not in ENUMS[(name, f)]:
                    out.append(f"{shown}:{row.line}: {f} '{value}' is not one of {', '.join(ENUMS[(name, f)])}")
            if name == "location":
                for f, limit in (("latitude", 90), ("longitude", 180)):
                    try:
                        if row.text(f) and not -limit <= float(row.text(f)) <= limit:
                            out.append(f"{shown}:{row.line}: {f} {row.text(f)} is out of range")
                    except ValueError:
                        pass
            key = row.text("id")
            if key in seen:
                out.append(f"{shown}:{row.line}: id '{key}' is not unique")
            seen.add(key)
    ids = {name: {row.text("id") for row in t.rows} for name, t in tables.items()}
    for name, table in tables.items():
        for row in table.rows:
            for f, target in SPEC[name].foreign_keys:
                value = row.text(f)
                if value and value not in ids.get(target, set()):
                    out.append(f"{table.file}:{row.line}: {f} '{value}' does not match an id of {SPEC[target].path}")
            if name == "attribute":
                entity = row.text("link_entity")
                if entity in SPEC and row.text("link_id") not in ids.get(entity, set()):
                    out.append(f"{table.file}:{row.line}: link_id '{row.text('link_id')}' does not match an id of "
                               f"{SPEC[entity].path}")
    return out
