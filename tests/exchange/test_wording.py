"""Rewording staff-facing messages changes no import result.

Every message staff read (the loader's, the spreadsheet's, the HSDS reader's, the import's) becomes a
:class:`Problem`; here every one of them is rewritten as it is made, and the imports must come out the
same: written or not, the same services, and the same problems by file, row, severity, code and field.
The import decides by codes and fields only; the wording is free to change (or to be translated).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.exchange import importer
from bot.knowledge.yamlsrc import Problem
from tests.exchange.conftest import CLEAN, MESSY, SHEET_ROWS, write_csv


def _broken_sheet(path: Path) -> Path:
    rows = [list(r) for r in SHEET_ROWS]
    rows[2][9] = "148950"  # latitude without its decimal point
    rows[1][3] = "comida"  # not a category
    rows[0][13] = "Lunes a viernes"  # hours that do not parse
    rows[0][12] = "+52 12"  # a WhatsApp number too short
    return write_csv(path, rows)


SOURCES = {
    "hsds_clean": lambda tmp: CLEAN,
    "hsds_messy": lambda tmp: MESSY,
    "sheet": lambda tmp: write_csv(tmp / "socios.csv", SHEET_ROWS),
    "sheet_broken": lambda tmp: _broken_sheet(tmp / "socios.csv"),
}


def _reword(message: str) -> str:
    return "<<" + message[::-1].upper().replace("'", "`") + ">>"


def _outcome(source: Path, kb: Path) -> tuple:
    outcome = importer.import_file(source, kb)
    written = sorted((p.name, p.read_text(encoding="utf-8")) for p in (kb / "services").glob("*.yml")) \
        if (kb / "services").is_dir() else []
    problems = sorted((Path(p.file).name, p.line, p.severity, p.code, p.field) for p in outcome.problems)
    return (outcome.ok, outcome.written, sorted(outcome.created), sorted(outcome.updated), sorted(outcome.removed),
            problems, written)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_rewording_every_message_changes_no_import_result(name, kb, tmp_path, monkeypatch):
    source = SOURCES[name](tmp_path)
    plain_kb = tmp_path / "plain"
    shutil.copytree(kb, plain_kb)
    plain = _outcome(source, plain_kb)

    original = Problem.__init__

    def reworded(self, file, line, message, *args, **kwargs):
        original(self, file, line, _reword(message), *args, **kwargs)

    monkeypatch.setattr(Problem, "__init__", reworded)
    again = _outcome(source, kb)
    assert again == plain
    assert again[5], "the case has problems to compare"
    assert all(code for _, _, _, code, _ in again[5]), f"every problem has a code: {again[5]}"
