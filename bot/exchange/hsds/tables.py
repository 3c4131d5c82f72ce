"""The tables of one HSDS package, indexed by id and checked row by row: every bad value is reported
once, at its file and row. :mod:`bot.exchange.hsds.read` assembles the services from them."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from bot.exchange.candidates import language_code, parse_day
from bot.exchange.hsds.package import index
from bot.exchange.hsds.spec import SPEC
from bot.exchange.hsds.times import Rule, read_schedule
from bot.exchange.tabular import Problems, Row, Table


def _group(rows: list[Row], column: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for row in rows:
        if row.text(column):
            out.setdefault(row.text(column), []).append(row)
    return out



class PackageTables:
    """The rows of one package's tables, linked by id; what does not link or parse is reported."""

    def __init__(self, tables: dict[str, Table], problems: Problems, today: date):
        self.tables, self.problems, self.today = tables, problems, today
        self.reported: set[tuple[str, str]] = set()
        self.sal = tables["service_at_location"]
        self.services = index(tables["service"], problems)
        self.locations = index(tables["location"], problems)
        self.organizations = index(tables.get("organization"), problems)
        self.taxonomies = index(tables.get("taxonomy"), problems)
        self.terms = index(tables.get("taxonomy_term"), problems)
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

    def _rows(self, name: str) -> list[Row]:
        return self.tables[name].rows if name in self.tables else []

    def _file(self, name: str) -> str:
        return self.tables[name].file if name in self.tables else SPEC[name].path

    def once(self, key: tuple[str, str], table: str, line: int, message: str, warning: bool = False, code: str = "",
             field: str = "") -> None:
        """Report a problem the first time only (a location shared by several services, ...)."""
        if key in self.reported:
            return
        self.reported.add(key)
        (self.problems.warn if warning else self.problems.error)(self._file(table), line, message, code, field)

    def _linked(self, name: str, row: Row) -> bool:
        """Whether the ids a row points to exist; the ones that do not are reported."""
        ok = True
        for column, known, target in (("service_id", self.services, "service"),
                                      ("location_id", self.locations, "location"),
                                      ("service_at_location_id", self.sal_ids, "service_at_location")):
            value = row.text(column)
            if value and value not in known:
                self.problems.error(self._file(name), row.line, f"{column} '{value}' is not an id of {SPEC[target].path}", code="dangling_id")
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
                                   "not imported", code="not_active")
                skipped.add(sid)
                continue
            if not row.text("name"):
                self.problems.error(file, row.line, f"service '{sid}' has no name; fill its 'name' column", code="missing", field="name")
            day, wrong = parse_day(row.text("assured_date"))
            if wrong:
                self.problems.error(file, row.line, f"assured_date {wrong}", code="not_date", field="verified_on")
            elif day and day > self.today:
                self.problems.error(file, row.line, f"assured_date {day} is in the future; write the date the service "
                                    "was last checked", code="future_date", field="verified_on")
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
                                        f"such as {example}", code="not_number", field="location")
                    values.append(None)
                    continue
                if not -limit <= number <= limit:
                    self.problems.error(file, row.line, f"{column} {text} is outside -{limit}..{limit}; write decimal "
                                        "degrees (look the place up on a map), or check that latitude and longitude "
                                        "are not swapped", code="out_of_range", field="location")
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
                                    f"{SPEC['location'].path}", code="dangling_id")
                continue
            out.setdefault(lid, []).append(row)
        for rows in out.values():
            rows.sort(key=lambda r: r.text("address_type").lower() != "physical")
        return out

    def _read_schedules(self) -> dict[str, dict[str, list[Rule]]]:
        rules = []
        for row in self._rows("schedule"):
            if self._linked("schedule", row):
                rule = read_schedule(row, self._file("schedule"), self.problems, self.today)
                if rule:
                    rules.append(rule)
        out: dict[str, dict[str, list[Rule]]] = {}
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
                                       "knows; it is left out", code="left_out", field="languages")
                elif value:
                    self.problems.error(file, row.line, f"language '{value}' is not an ISO 639-1 code such as es, en, "
                                        "fr, ht, pt", code="unknown_language", field="languages")
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
                self.problems.error(file, row.line, f"link_id '{link}' is not an id of services.csv", code="dangling_id")
                continue
            if entity == "service_at_location" and link not in self.sal_ids:
                self.problems.error(file, row.line, f"link_id '{link}' is not an id of service_at_location.csv", code="dangling_id")
                continue
            if entity == "" and link not in self.services and link not in self.sal_ids:
                continue
            if term_id not in self.terms:
                self.problems.error(file, row.line, f"taxonomy_term_id '{term_id}' is not an id of taxonomy_terms.csv", code="dangling_id")
                continue
            links.setdefault(link, []).append((row, self.terms[term_id]))
        return links
