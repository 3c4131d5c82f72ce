"""Import: the services of an HSDS 3.0 package, as candidates for ``services/import-*.yml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot.exchange.candidates import (
    Candidate,
    CategoryMatcher,
    check_zone,
    choice_code,
    clean_entry,
    detect_language,
    parse_day,
)
from bot.exchange.hsds.package import open_package, read_tables, source_of
from bot.exchange.hsds.spec import OUR_ID_TYPE, OUR_TAXONOMY, SPEC, TAXONOMY_KINDS
from bot.exchange.hsds.tables import PackageTables
from bot.exchange.hsds.times import hours_lines, zone_offsets
from bot.exchange.tabular import Problems, Row, Table, slug
from bot.knowledge.checks import check_coordinates, check_phone
from bot.knowledge.schema import FIELDS, SERVICE
from bot.textnorm import fold


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
                  "until someone puts it under its language code", code="unknown_text_language")
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
    tables = read_tables(pkg, problems)
    if not all(t in tables for t in ("service", "location", "service_at_location")):
        return []
    reader = _PackageReader(tables, problems, matcher, gazetteer, today, place_names or set(), country_names or {})
    return reader.candidates(source_of(pkg, path))


@dataclass
class _Place:
    point: tuple[float, float] | None
    address: str
    place: str
    country: str


class _PackageReader(PackageTables):
    """Builds one candidate per service at a location from the package's tables."""

    def __init__(self, tables: dict[str, Table], problems: Problems, matcher: CategoryMatcher, gazetteer: Any,
                 today: date, place_names: set[str], country_names: dict[str, str]):
        super().__init__(tables, problems, today)
        self.matcher, self.gazetteer = matcher, gazetteer
        self.place_names, self.country_names = place_names, country_names
        self._towns: dict[tuple[float, float], Any] = {}

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
                      "needs them to find the service near a town", code="missing", field="latitude")
        rows = self.addresses.get(lid, [])
        address_row = rows[0] if rows else None
        address, city, country = _compose_address(address_row)
        if country and not re.fullmatch(r"[A-Za-z]{2}", country):
            code = self.country_names.get(fold(country))
            if code is None and address_row is not None:
                self.once(("country", lid), "address", address_row.line, f"country '{country}' is not a two-letter "
                          "ISO 3166 code such as MX", code="bad_country", field="country")
            country = code or ""
        country = country.upper()
        if not country and point:
            town = self._nearest(point)
            if town is not None:
                country = town.country
                self.once(("guess-country", lid), "location", loc.line, f"location '{label}' has no address with a "
                          f"country; {town.country} (near {town.name}) is used", warning=True, code="guessed_country", field="country")
            else:
                self.once(("no-country", lid), "location", loc.line, f"location '{label}' has no country: add a row "
                          "for it to addresses.csv with the two-letter country code", code="missing", field="country")
        if point and country and self.gazetteer is not None:
            wrong = check_coordinates(self.gazetteer, point[0], point[1], country)
            if wrong:
                self.once(("where", lid), "location", loc.line, wrong, code="outside_country", field="location")
                point = None
        if city and self.gazetteer is not None and address_row is not None and fold(city) not in \
                self.gazetteer.by_name and fold(city) not in self.place_names:
            town = self._nearest(point)
            near = f"; the nearest known town is {town.name}" if town else ""
            self.once(("place", lid), "address", address_row.line, f"the city '{city}' is not a town the bot "
                      f"knows{near}; fix the spelling or add it to knowledge/places", warning=True, code="unknown_place", field="place")
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
                self.once(("phone", str(row.line)), "phone", row.line, wrong, code="bad_phone", field="phones")
                continue
            if row.text("extension"):
                self.once(("ext", str(row.line)), "phone", row.line, f"extension {row.text('extension')} is left out "
                          "(the bot has no field for it); say it in the description if callers need it", warning=True, code="left_out", field="phones")
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
                    self.once(("tz", str(rule.row.line)), "schedule", rule.row.line, f"timezone {wrong}", code="bad_zone", field="timezone")
                else:
                    timezone = tz
                continue
            town = self._nearest(point)
            offsets = zone_offsets(town.timezone) if town is not None and town.timezone else set()
            if offsets and offset not in offsets:
                self.once(("tz", str(rule.row.line)), "schedule", rule.row.line, f"timezone {tz} (UTC offset) differs "
                          f"from the time zone of {town.name} ({town.timezone}); the bot uses the town's. Write the zone "
                          "name in the service's timezone if it really differs", warning=True, code="other_zone", field="timezone")
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
        """Our categories, and the other fields held as terms of our taxonomies (population, cost ...)."""
        categories: list[str] = []
        extra: dict[str, list[str]] = {f.name: [] for f in SERVICE if f.taxonomy and f.name != "categories"}
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
                          self.matcher.unknown(code or term.text("name")), code="unknown_category", field="categories")
            else:
                unmatched.append((attr, term))
        if not categories and not term_reported:
            terms_file = self._file("taxonomy_term").rsplit("/", 1)[-1]
            for attr, term in unmatched:
                label = term.text("code") or term.text("name")
                self.once(("category", str(attr.line)), "attribute", attr.line,
                          f"service '{name or sid}' has no category the bot knows (it links to {terms_file}:"
                          f"{term.line}): " + self.matcher.unknown(label), code="unknown_category", field="categories")
            if not unmatched:
                self.once(("category", sid), "service", self.services[sid].line,
                          f"service '{name or sid}' has no category: link it in attributes.csv (link_entity service) "
                          f"to a taxonomy term whose code is one of {', '.join(self.matcher.codes)}", code="missing", field="categories")
        return categories, extra

    def _candidate(self, row: Row, source: str) -> Candidate | None:
        sid, lid, sal_id = row.text("service_id"), row.text("location_id"), row.text("id")
        svc, loc = self.services[sid], self.locations[lid]
        name = svc.text("name")
        location_type = loc.text("location_type").lower()
        if location_type in ("virtual", "postal"):
            self.problems.warn(self.sal.file, row.line, f"service '{name}' is linked to a {location_type} location; "
                               "only physical places are imported", code="not_physical", field="location")
            return None
        where = self._place(lid)
        hours, timezone = self._hours(sid, lid, sal_id, where.point)
        categories, extra = self._classes(sid, sal_id, name)
        spoken = list(dict.fromkeys(self.languages["service_id"].get(sid, [])
                                    + self.languages["location_id"].get(lid, [])))
        verified, _ = parse_day(svc.text("assured_date"))
        if verified is None:
            verified = self.today
            self.once(("verified", sid), "service", svc.line, f"service '{name or sid}' has no assured_date; "
                      f"verified_on is set to the import date {self.today}. Check the service and correct it in the "
                      "YAML if needed", warning=True, code="not_verified", field="verified_on")
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
                      "id of organizations.csv; the organization is left empty", warning=True, code="dangling_id", field="organization")
        file = self._file("service")
        entry: dict[str, Any] = {
            "id": our_id,
            "organization": org_name if fold(org_name) != fold(name) else "",
            "categories": categories,
            "location": {"address": where.address, "place": where.place, "country": where.country,
                         "latitude": where.point[0] if where.point else None,
                         "longitude": where.point[1] if where.point else None},
            "phones": self._phones(sid, lid, sal_id, where.country),
            "hours": hours,
            "timezone": timezone,
            "languages": spoken,
            "requirements": _texts(" ".join(self.documents.get(sid, [])), "required documents", name, file, svc.line,
                                   self.problems),
            "verified_on": verified,
            "source": source,
            "sample": False,
        }
        for f in SERVICE:  # the fields the schema maps to a column of services.csv or to our taxonomies
            if column := f.hsds_service_column:
                text = svc.text(column) or row.text(column)
                entry[f.name] = _texts(text, f.name, name, file, svc.line, self.problems) if f.kind == "texts" else text
            elif f.taxonomy and f.name != "categories":
                entry[f.name] = extra[f.name] if f.kind == "codes" else next(iter(extra[f.name]), "")
        if not entry.get("cost"):  # "Gratis" in the fees is our cost 'free'; other fee texts are not a cost code
            fees = choice_code(FIELDS["cost"], svc.text("fees_description") or svc.text("fees"))
            entry["cost"] = fees if fees == "free" else ""
        covered = {"name", "latitude", "longitude", "country", "categories", "place", "phones", "hours", "languages",
                   "location", "verified_on", "timezone"}  # checked above, at their own file and row
        return Candidate(clean_entry(entry), file, svc.line, covered)

    def candidates(self, source: str) -> list[Candidate]:
        out: list[Candidate] = []
        used: set[str] = set()
        seen: dict[str, int] = {}
        for row in self.sal.rows:
            sid, lid, sal_id = row.text("service_id"), row.text("location_id"), row.text("id")
            if sal_id and sal_id in seen:
                self.problems.error(self.sal.file, row.line, f"the id '{sal_id}' is already used at row {seen[sal_id]}; "
                                    "ids must be unique", code="duplicate_id")
                continue
            seen[sal_id] = row.line
            if sid not in self.services:
                self.problems.error(self.sal.file, row.line, f"service_id '{sid}' is not an id of "
                                    f"{SPEC['service'].path}", code="dangling_id")
                continue
            if lid not in self.locations:
                self.problems.error(self.sal.file, row.line, f"location_id '{lid}' is not an id of "
                                    f"{SPEC['location'].path}", code="dangling_id")
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
                                   "so it is left out", code="no_location")
        return out

