"""The staff spreadsheet: one row per service at a location, as CSV or XLSX.

``bot kb template FILE`` writes an empty one, ``bot kb import FILE`` reads it, ``bot kb export
--format xlsx FILE`` writes the whole knowledge base in it. The columns are :data:`COLUMNS`;
docs/staff-guide.md explains them for staff.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import phonenumbers

from bot import LANGUAGES
from bot.exchange.candidates import (
    Candidate,
    CategoryMatcher,
    check_zone,
    clean_entry,
    cost_code,
    parse_day,
)
from bot.exchange.tabular import (
    FORMULA_START,
    Problems,
    Table,
    cell_text,
    formula_safe,
    read_csv,
    read_xlsx,
    slug,
)
from bot.knowledge.model import KnowledgeBase, Service


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    help: str
    example: str


COLUMNS: tuple[Column, ...] = (
    Column("id", False, "A unique id: lowercase letters, digits and dashes. Leave it empty to make one from the "
           "name and the place; once a service is imported keep its id, so that the next import updates it "
           "instead of adding it twice.", "mx-tapachula-clinica-ejemplo"),
    Column("name", True, "The name of the service, as people know it.", "Clínica Ejemplo"),
    Column("organization", False, "The organization that runs it.", "Cruz Roja Mexicana"),
    Column("categories", True, "Need categories, separated by commas: medical, shelter, food, family_links, legal, "
           "psychosocial, water_hygiene, connectivity, protection (or a code of categories.yml).",
           "medical, psychosocial"),
    *(Column(f"description_{lang}", False, f"What the service offers, in {name}.", example)
      for lang, name, example in (
          ("es", "Spanish", "Consulta general y primeros auxilios."),
          ("en", "English", "General consultation and first aid."),
          ("fr", "French", ""), ("ht", "Haitian Creole", ""), ("pt", "Portuguese", ""))),
    Column("address", False, "Street, number, neighbourhood, town.", "Calle Ejemplo 1, Centro, Tapachula"),
    Column("place", False, "The town, as the bot knows it (bot kb search --near TOWN finds it).", "Tapachula"),
    Column("country", True, "Two-letter ISO country code.", "MX"),
    Column("latitude", True, "Decimal degrees, positive north (copy it from a map: right click on the place).",
           "14.9061"),
    Column("longitude", True, "Decimal degrees, negative west of Greenwich (all of the Americas).", "-92.2636"),
    Column("phone", False, "Voice numbers in international format; several separated by ;", "+52 000 555 0101"),
    Column("whatsapp", False, "WhatsApp numbers in international format; several separated by ;", ""),
    Column("sms", False, "Numbers that take text messages; several separated by ;", ""),
    Column("hours", False, "Opening hours: days Mo Tu We Th Fr Sa Su, ranges with -, lines separated by ; "
           "or 24/7. Exceptions by date in the same cell: 2026-12-25 closed (a holiday), "
           "2026-12-01..2026-12-15 closed (a temporary closure), 2026-12-24 08:00-12:00 (short hours). "
           "Leave empty when unknown.", "Mo-Fr 08:00-17:00; Sa 09:00-13:00; 2026-12-25 closed"),
    Column("timezone", False, "Only when it differs from the town's, e.g. America/Mexico_City.", ""),
    Column("languages", False, "Languages spoken at the service, ISO 639-1 codes separated by commas.", "es, en"),
    Column("cost", False, "free, low_cost or paid.", "free"),
    Column("population", False, "Who it serves, separated by commas: all, women, children, "
           "unaccompanied_children, families, lgbtiq, ...", "all"),
    *(Column(f"requirements_{lang}", False, f"Documents required, in {name}; say why when any.", example)
      for lang, name, example in (
          ("es", "Spanish", "Ninguno."), ("en", "English", "None."),
          ("fr", "French", ""), ("ht", "Haitian Creole", ""), ("pt", "Portuguese", ""))),
    Column("referral", False, "walk_in, appointment or referral.", "walk_in"),
    Column("email", False, "Contact e-mail.", ""),
    Column("url", False, "Web page of the service.", ""),
    Column("verified_on", False, "The date someone last checked the information with the service, YYYY-MM-DD. "
           "Empty: the import date is used (and a warning says so).", "2026-11-01"),
    Column("source", False, "Where the information comes from (a web page, a partner's list). Empty: the file "
           "name.", ""),
    Column("sample", False, "yes only for invented example data (its phone must be fictitious, +<country code> "
           "000 ...); otherwise no or empty.", "no"),
)
COLUMN_NAMES = tuple(c.name for c in COLUMNS)
REQUIRED = tuple(c.name for c in COLUMNS if c.required)
_TRUE = {"yes", "y", "true", "1", "si", "sí", "x", "oui", "wi", "sim", "verdadero"}
_FALSE = {"no", "n", "false", "0", "", "non", "nao", "não", "falso"}
_SPLIT = re.compile(r"\s*[;\n]\s*")
_PHONES = re.compile(r"\s*[;,\n]\s*")
_LIST = re.compile(r"\s*[,;\n]\s*")


# --- template ----------------------------------------------------------------------------------
def write_template(path: Path) -> None:
    """An empty sheet with the column names (XLSX: with a help sheet and drop-down lists)."""
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerow(COLUMN_NAMES)
        return
    write_xlsx(path, [])


def write_xlsx(path: Path, rows: list[dict[str, Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "services"
    ws.append(list(COLUMN_NAMES))
    bold = Font(bold=True)
    for i, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = bold
        if column.required:
            cell.fill = PatternFill("solid", fgColor="FFF2CC")
        cell.comment = Comment(column.help, "bot kb template")
        ws.column_dimensions[cell.column_letter].width = max(12, min(40, len(column.example or column.name) + 4))
    ws.freeze_panes = "C2"
    for row in rows:
        ws.append([row.get(name, "") for name in COLUMN_NAMES])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"  # text from a partner must never become a formula
    for name, choices in (("cost", "free,low_cost,paid"), ("referral", "walk_in,appointment,referral"),
                          ("sample", "yes,no")):
        letter = ws.cell(row=1, column=COLUMN_NAMES.index(name) + 1).column_letter
        dv = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
        dv.add(f"{letter}2:{letter}5000")
        ws.add_data_validation(dv)
    help_sheet = wb.create_sheet("help")
    help_sheet.append(["column", "required", "what to write", "example"])
    for c in help_sheet[1]:
        c.font = bold
    for column in COLUMNS:
        help_sheet.append([column.name, "yes" if column.required else "", column.help, column.example])
    help_sheet.column_dimensions["A"].width = 18
    help_sheet.column_dimensions["C"].width = 90
    help_sheet.column_dimensions["D"].width = 40
    wb.save(path)


# --- import --------------------------------------------------------------------------------------
def read_table(path: Path, display: str, problems: Problems) -> Table | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(display, 0, f"cannot read the file ({exc.strerror})")
        return None
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(data, display, problems)
    return read_csv(data, display, problems)


def _numbers(value: Any, country: str) -> list[str]:
    """Phone numbers of a cell; a number typed as a number (no +) gets its + back when that makes it valid."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = cell_text(value)
        try:
            parsed = phonenumbers.parse("+" + digits, None)
            if phonenumbers.is_valid_number(parsed) and phonenumbers.region_code_for_number(parsed) == country:
                return ["+" + digits]
        except phonenumbers.NumberParseException:
            pass
        return [digits]
    return [n for n in _PHONES.split(cell_text(value)) if n]


def _float_or_text(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = cell_text(value)
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text or None


def rows_to_candidates(
    table: Table, problems: Problems, matcher: CategoryMatcher, source: str, today: date
) -> list[Candidate]:
    """One candidate per filled row; problems of the whole sheet (missing columns) stop here."""
    file = table.file
    missing = [c for c in REQUIRED if not table.has(c)]
    if missing:
        problems.error(file, 1, f"the sheet has no column {', '.join(repr(m) for m in missing)}; the first row must "
                       f"hold the column names of the template (bot kb template FILE writes one)")
        return []
    unknown = [c for c in table.columns if c not in COLUMN_NAMES]
    if unknown:
        problems.warn(file, 1, f"the column(s) {', '.join(unknown)} are not template columns and are ignored")
    out: list[Candidate] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        covered: set[str] = set()
        line = row.line
        name = row.text("name")
        if not name:
            problems.error(file, line, "the 'name' cell is empty; every service needs a name")
            covered.add("name")
        codes: list[str] = []
        raw_categories = [c for c in _LIST.split(row.text("categories")) if c]
        if not raw_categories:
            problems.error(file, line, "the 'categories' cell is empty; write at least one, e.g. medical")
            covered.add("categories")
        for raw in raw_categories:
            code = matcher.match(raw)
            if code is None:
                problems.error(file, line, matcher.unknown(raw))
                covered.add("categories")
            elif code not in codes:
                codes.append(code)
        country = row.text("country").upper()
        for key in ("country", "latitude", "longitude"):
            if not row.text(key):
                problems.error(file, line, f"the '{key}' cell is empty; the bot needs it to place the service")
                covered.add(key)
        lat, lon = _float_or_text(row.raw("latitude")), _float_or_text(row.raw("longitude"))
        if isinstance(lat, float) and isinstance(lon, float) and abs(lat) > 90 and abs(lon) <= 90:
            problems.error(file, line, f"latitude {lat} and longitude {lon} look swapped; exchange them")
            covered.add("latitude")
        place = row.text("place")
        sid = row.text("id").lower()
        if not sid:
            sid = slug(name, place) if name else f"row-{line}"
        if sid in seen:
            problems.error(file, line, f"the id '{sid}' is already used at row {seen[sid]}; give each service its "
                           "own id (fill the 'id' column)")
            covered.add("id")
        elif sid:
            seen[sid] = line
        sample_text = row.text("sample").lower()
        if sample_text in _TRUE:
            sample = True
        elif sample_text in _FALSE:
            sample = False
        else:
            problems.error(file, line, f"sample '{row.text('sample')}' must be yes or no")
            sample = False
        verified, wrong = parse_day(row.raw("verified_on"))
        if wrong:
            problems.error(file, line, f"verified_on {wrong}")
            covered.add("verified_on")
        elif verified is None:
            verified = today
            if not sample:
                problems.warn(file, line, f"no verified_on date; the import date {today} is used. Write the date "
                              "someone last checked the service with it")
        timezone = row.text("timezone")
        if timezone and (zone_problem := check_zone(timezone)):
            problems.error(file, line, zone_problem)
        phones = [{"number": n, "type": kind} for column, kind in (("phone", "voice"), ("whatsapp", "whatsapp"),
                                                                    ("sms", "sms"))
                  for n in _numbers(row.raw(column), country)]
        entry = {
            "id": sid,
            "name": name,
            "organization": row.text("organization"),
            "categories": codes,
            "description": {lang: row.text(f"description_{lang}") for lang in LANGUAGES
                            if row.text(f"description_{lang}")},
            "location": {
                "address": row.text("address"),
                "place": place,
                "country": country,
                "latitude": lat,
                "longitude": lon,
            },
            "phones": phones,
            "hours": [h for h in _SPLIT.split(row.text("hours")) if h],
            "timezone": timezone,
            "languages": [lang.lower() for lang in _LIST.split(row.text("languages")) if lang],
            "cost": cost_code(row.text("cost")),
            "population": [p for p in _LIST.split(row.text("population").lower()) if p],
            "requirements": {lang: row.text(f"requirements_{lang}") for lang in LANGUAGES
                             if row.text(f"requirements_{lang}")},
            "referral": row.text("referral").lower().replace(" ", "_").replace("-", "_"),
            "email": row.text("email"),
            "url": row.text("url"),
            "verified_on": verified,
            "source": row.text("source") or source,
            "sample": sample,
        }
        out.append(Candidate(clean_entry(entry), file, line, covered))
    if not table.rows:
        problems.warn(file, 1, "the sheet has no services below the column names")
    return out


# --- export --------------------------------------------------------------------------------------
def service_row(s: Service) -> dict[str, Any]:
    """One service as a spreadsheet row (the inverse of the import)."""
    def numbers(kind: str) -> str:
        return "; ".join(p.number for p in s.phones if p.type == kind)

    row: dict[str, Any] = {
        "id": s.id, "name": s.name, "organization": s.organization, "categories": ", ".join(s.categories),
        "address": s.address, "place": s.place, "country": s.country, "latitude": s.latitude,
        "longitude": s.longitude, "phone": numbers("voice"), "whatsapp": numbers("whatsapp"), "sms": numbers("sms"),
        "hours": "; ".join(s.hours.text), "timezone": s.timezone, "languages": ", ".join(s.languages),
        "cost": s.cost, "population": ", ".join(s.population), "referral": s.referral, "email": s.email,
        "url": s.url, "verified_on": s.verified_on.isoformat() if s.verified_on else "", "source": s.source,
        "sample": "yes" if s.sample else "no",
    }
    for lang in LANGUAGES:
        row[f"description_{lang}"] = s.description.get(lang, "")
        row[f"requirements_{lang}"] = s.requirements.get(lang, "")
    return row


def export_xlsx(kb: KnowledgeBase, path: Path) -> int:
    write_xlsx(path, [service_row(s) for s in kb.services])
    return len(kb.services)


def export_csv(kb: KnowledgeBase, path: Path) -> int:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMN_NAMES))
    writer.writeheader()
    for s in kb.services:
        writer.writerow({k: formula_safe(v) for k, v in service_row(s).items()})
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return len(kb.services)
