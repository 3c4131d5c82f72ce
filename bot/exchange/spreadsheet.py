"""The staff spreadsheet: one row per service at a location, as CSV or XLSX.

``bot kb template FILE`` writes an empty one, ``bot kb import FILE`` reads it, ``bot kb export
--format xlsx FILE`` writes the whole knowledge base in it. The columns are :data:`COLUMNS`,
derived from the service schema (:mod:`bot.knowledge.schema`); docs/staff-guide.md explains them for staff.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import phonenumbers

from bot import LANGUAGES
from bot.exchange.candidates import (
    Candidate,
    CategoryMatcher,
    check_zone,
    choice_code,
    clean_entry,
    parse_day,
)
from bot.exchange.tabular import (
    FORMULA_START,
    Problems,
    Row,
    Table,
    cell_text,
    formula_safe,
    read_csv,
    read_xlsx,
    slug,
)
from bot.knowledge.model import KnowledgeBase, Service
from bot.knowledge.schema import PHONE_COLUMNS, SERVICE, Column, Field, sheet_columns

COLUMNS: tuple[Column, ...] = sheet_columns()
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
    lists = [(f.name, ",".join(f.choices)) for f in SERVICE if f.choices] + [
        (f.name, "yes,no") for f in SERVICE if f.kind == "flag"]
    for name, choices in lists:
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
        problems.error(display, 0, f"cannot read the file ({exc.strerror})", code="cannot_read")
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
                       f"hold the column names of the template (bot kb template FILE writes one)", "missing_column")
        return []
    unknown = [c for c in table.columns if c not in COLUMN_NAMES]
    if unknown:
        problems.warn(file, 1, f"the column(s) {', '.join(unknown)} are not template columns and are ignored",
                      "unknown_column")
    out: list[Candidate] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        reading = _RowReader(row, file, problems, matcher, today)
        entry: dict[str, Any] = {"location": {}}
        for f in SERVICE:
            value = reading.value(f)
            (entry["location"] if f.under == "location" else entry)[f.name] = value
        entry["source"] = entry["source"] or source
        sid = entry["id"]
        if sid in seen:
            problems.error(file, row.line, f"the id '{sid}' is already used at row {seen[sid]}; give each service its "
                           "own id (fill the 'id' column)", "duplicate_id", "id")
            reading.covered.add("id")
        elif sid:
            seen[sid] = row.line
        out.append(Candidate(clean_entry(entry), file, row.line, reading.covered))
    if not table.rows:
        problems.warn(file, 1, "the sheet has no services below the column names", "empty")
    return out


class _RowReader:
    """The fields of one row, each read as its kind says; problems are reported at the row and their
    fields marked ``covered``, so the loader's own checks do not report them twice."""

    def __init__(self, row: Row, file: str, problems: Problems, matcher: CategoryMatcher, today: date):
        self.row, self.file, self.problems, self.matcher, self.today = row, file, problems, matcher, today
        self.covered: set[str] = set()
        self.sample = self.row.text("sample").lower() in _TRUE

    def error(self, f: Field, message: str, code: str) -> None:
        self.problems.error(self.file, self.row.line, message, code, f.name)
        self.covered.add(f.name)

    def value(self, f: Field) -> Any:
        row = self.row
        if f.required and f.kind not in ("id", "phones") and not row.text(f.name):
            self.error(f, f"the '{f.name}' cell is empty; every service needs it. {f.help}", "missing")
        special = getattr(self, f"_{f.name}", None)  # a field with a rule of its own in the sheet
        if special is not None:
            return special(f)
        if f.kind == "texts":
            return {lang: row.text(c.name) for lang, c in zip(LANGUAGES, f.columns, strict=True) if row.text(c.name)}
        if f.kind == "phones":
            return [{"number": n, "type": kind} for kind, column in PHONE_COLUMNS.items()
                    for n in _numbers(row.raw(column), row.text("country").upper())]
        if f.kind == "codes":
            return [c.lower() for c in _LIST.split(row.text(f.name)) if c]
        if f.kind == "choice":
            return choice_code(f, row.text(f.name))
        if f.kind == "country":
            return row.text(f.name).upper()
        if f.kind == "number":
            return _float_or_text(row.raw(f.name))
        if f.kind == "hours":
            return [h for h in _SPLIT.split(row.text(f.name)) if h]
        if f.kind == "date":
            day, wrong = parse_day(row.raw(f.name))
            if wrong:
                self.error(f, f"{f.name} {wrong}", "not_date")
            return day
        if f.kind == "flag":
            text = row.text(f.name).lower()
            if text not in _TRUE | _FALSE:
                self.error(f, f"{f.name} '{row.text(f.name)}' must be yes or no", "not_flag")
            return text in _TRUE
        return row.text(f.name)

    def _id(self, f: Field) -> str:
        name, place = self.row.text("name"), self.row.text("place")
        return self.row.text(f.name).lower() or (slug(name, place) if name else f"row-{self.row.line}")

    def _categories(self, f: Field) -> list[str]:
        codes: list[str] = []
        for raw in (c for c in _LIST.split(self.row.text(f.name)) if c):
            code = self.matcher.match(raw)
            if code is None:
                self.error(f, self.matcher.unknown(raw), "unknown_category")
            elif code not in codes:
                codes.append(code)
        return codes

    def _latitude(self, f: Field) -> Any:
        lat, lon = _float_or_text(self.row.raw("latitude")), _float_or_text(self.row.raw("longitude"))
        if isinstance(lat, float) and isinstance(lon, float) and abs(lat) > 90 and abs(lon) <= 90:
            self.error(f, f"latitude {lat} and longitude {lon} look swapped; exchange them", "swapped")
        return lat

    def _timezone(self, f: Field) -> str:
        zone = self.row.text(f.name)
        if zone and (wrong := check_zone(zone)):
            self.problems.error(self.file, self.row.line, wrong, "bad_zone", f.name)
        return zone

    def _verified_on(self, f: Field) -> Any:
        day, wrong = parse_day(self.row.raw(f.name))
        if wrong:
            self.error(f, f"{f.name} {wrong}", "not_date")
        elif day is None:
            day = self.today
            if not self.sample:
                self.problems.warn(self.file, self.row.line, f"no verified_on date; the import date {self.today} is "
                                   "used. Write the date someone last checked the service with it", "not_verified",
                                   f.name)
        return day


# --- export --------------------------------------------------------------------------------------
def service_row(s: Service) -> dict[str, Any]:
    """One service as a spreadsheet row (the inverse of the import)."""
    row: dict[str, Any] = {}
    for f in SERVICE:
        value = getattr(s, f.name)
        if f.kind == "texts":
            row.update({c.name: value.get(lang, "") for lang, c in zip(LANGUAGES, f.columns, strict=True)})
        elif f.kind == "phones":
            row.update({column: "; ".join(p.number for p in value if p.type == kind)
                        for kind, column in PHONE_COLUMNS.items()})
        elif f.kind == "codes":
            row[f.name] = ", ".join(value)
        elif f.kind == "hours":
            row[f.name] = "; ".join(value.text)
        elif f.kind == "date":
            row[f.name] = value.isoformat() if value else ""
        elif f.kind == "flag":
            row[f.name] = "yes" if value else "no"
        else:
            row[f.name] = value
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
