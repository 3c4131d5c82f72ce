"""Tables from CSV and XLSX files, each row with its line number, for ``FILE:ROW: problem`` messages.

Shared by the spreadsheet import (``bot.exchange.spreadsheet``) and the Open Referral HSDS
package import (``bot.exchange.hsds``). Reading never raises on bad input: every problem is
recorded in a :class:`Problems` list with the file and the row (the header is row 1).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from bot.knowledge.yamlsrc import Problem
from bot.textnorm import fold


class Problems(list):
    """The problems of one import, in the order they were found."""

    def error(self, file: str, line: int, message: str, code: str = "", field: str = "") -> None:
        self.append(Problem(file, line, message, "error", code, field))

    def warn(self, file: str, line: int, message: str, code: str = "", field: str = "") -> None:
        self.append(Problem(file, line, message, "warning", code, field))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity == "warning"]


def describe(problem: Problem) -> str:
    """``file:line: message``, or ``file: message`` for a problem of the whole file."""
    if problem.line > 0:
        return str(problem)
    tag = "" if problem.severity == "error" else "warning: "
    return f"{problem.file}: {tag}{problem.message}"


# A spreadsheet program runs a cell that starts with one of these as a formula ("CSV injection":
# =HYPERLINK(...), =cmd|...). Exports put a ' before such text; imports take it off again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$")
# An .xlsx file is a zip: its size on disk says little about what it unpacks to.
MAX_XLSX_BYTES = 20_000_000
MAX_XLSX_UNPACKED = 200_000_000


def formula_safe(value: Any) -> Any:
    """``value`` as an exported cell: text a spreadsheet would run as a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a useless ``.0``, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in FORMULA_START:  # written by formula_safe
        text = text[1:]
    return text


@dataclass
class Row:
    line: int  # the line (CSV) or sheet row (XLSX) where the row starts; the header is 1
    values: dict[str, Any]

    def text(self, column: str) -> str:
        return cell_text(self.values.get(column))

    def raw(self, column: str) -> Any:
        """The cell as read (a number stays a number); text loses the ' an export put before it."""
        value = self.values.get(column)
        return cell_text(value) if isinstance(value, str) else value


@dataclass
class Table:
    file: str  # as shown in messages
    columns: list[str]
    rows: list[Row] = field(default_factory=list)

    def has(self, column: str) -> bool:
        return column in self.columns


def column_name(header: Any) -> str:
    """``" Description ES "`` -> ``description_es``."""
    text = cell_text(header).replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def _header(cells: list[Any], display: str, line: int, problems: Problems) -> list[str]:
    names = [column_name(c) for c in cells]
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if not name:
            continue
        if name in seen:
            problems.error(display, line, f"the column '{name}' appears twice (columns {seen[name] + 1} and "
                           f"{i + 1}); keep one", code="duplicate_column")
            names[i] = ""
        else:
            seen[name] = i
    return names


def _delimiter(text: str) -> str:
    """Comma, or the semicolon (Excel in Spanish, French, Portuguese) or tab, by the header line."""
    first = text.split("\n", 1)[0]
    counts = {d: len(re.findall(re.escape(d) + r'(?=(?:[^"]*"[^"]*")*[^"]*$)', first)) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(data: bytes, display: str, problems: Problems) -> Table | None:
    """Parse CSV bytes; ``None`` (with the problem recorded) when the file cannot be read at all."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        problems.warn(display, 1, "the file is not UTF-8 text; it was read as Windows-1252 (Excel's plain 'CSV'). "
                      "If accents look wrong, save it again as 'CSV UTF-8'", code="not_utf8")
    if "\x00" in text:
        problems.error(display, 0, "this is not a CSV text file (it holds binary data: is it an .xlsx file renamed "
                       "to .csv?); save it as 'CSV UTF-8' or import the .xlsx file itself", code="binary_file")
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    header: list[str] | None = None
    table: Table | None = None
    end = 0
    longer: list[tuple[int, int]] = []  # (line, values) of rows with empty values past the last column
    fitting = 0
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            if not record or all(not c.strip() for c in record):
                continue
            if header is None:
                header = _header(record, display, start, problems)
                table = Table(display, [h for h in header if h])
                continue
            assert table is not None
            if len(record) > len(header):
                if any(c.strip() for c in record[len(header):]):
                    problems.error(display, start, _too_many(len(record), len(header)), code="too_many_values")
                    continue
                longer.append((start, len(record)))
            else:
                fitting += 1
            values = {h: record[i].strip() if i < len(record) else "" for i, h in enumerate(header) if h}
            table.rows.append(Row(start, values))
    except csv.Error as exc:
        problems.error(display, end + 1, f"this is not valid CSV from here on ({exc}); look for a double quote \" "
                       "that is opened and not closed", code="bad_csv")
        return None
    if table is None:
        problems.error(display, 1, "the file is empty; it needs a first row with the column names", code="empty_file")
        return None
    if longer and fitting:  # trailing commas on some rows only: their values are shifted
        bad = {line for line, _ in longer}
        for line, count in longer:
            problems.error(display, line, _too_many(count, len(header or [])), code="too_many_values")
        table.rows = [r for r in table.rows if r.line not in bad]
    return table


def _too_many(values: int, columns: int) -> str:
    return (f"this row has {values} values but the header has {columns} columns; a value that contains a comma "
            "must be put in double quotes")


def read_xlsx(data: bytes, display: str, problems: Problems, sheet: str = "services") -> Table | None:
    """The sheet named ``sheet`` (else the first sheet) of an XLSX workbook."""
    if len(data) > MAX_XLSX_BYTES:
        problems.error(display, 0, f"the workbook is larger than {MAX_XLSX_BYTES // 1_000_000} MB; split it", code="too_large")
        return None
    try:
        unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        unpacked = 0  # not a zip: openpyxl says what it is below
    if unpacked > MAX_XLSX_UNPACKED:
        problems.error(display, 0, f"the workbook unpacks to more than {MAX_XLSX_UNPACKED // 1_000_000} MB; "
                       "this is not a services spreadsheet", code="too_large")
        return None
    try:
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of errors on files that are not workbooks
        problems.error(display, 0, f"this is not an Excel .xlsx workbook ({type(exc).__name__}: {exc}); open it in "
                       "a spreadsheet program and save it as .xlsx (or as 'CSV UTF-8')", code="not_a_workbook")
        return None
    try:
        names = workbook.sheetnames
        ws = workbook[sheet] if sheet in names else workbook[names[0]]
        table: Table | None = None
        header: list[str] = []
        for number, cells in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = list(cells)
            if not any(cell_text(c) for c in cells):
                continue
            if table is None:
                header = _header(cells, display, number, problems)
                table = Table(display, [h for h in header if h])
                continue
            if len(cells) > len(header) and any(cell_text(c) for c in cells[len(header):]):
                problems.warn(display, number, "this row has values to the right of the last named column; they "
                              "are ignored", code="values_outside_columns")
            values = {h: (c.strip() if isinstance(c, str) else c) for h, c in zip(header, cells, strict=False) if h}
            table.rows.append(Row(number, values))
    finally:
        workbook.close()
    if table is None:
        problems.error(display, 1, f"the sheet '{ws.title}' is empty; it needs a first row with the column names", code="empty_file")
    return table


def slug(*parts: str, limit: int = 60) -> str:
    """``("Casa del Migrante", "Tapachula")`` -> ``casa-del-migrante-tapachula``."""
    text = "-".join(fold(p).replace(" ", "-") for p in parts if p and fold(p))
    text = re.sub(r"[^a-z0-9-]+", "-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-")
    return text[:limit].rstrip("-")
