"""Input hygiene of the exchange formats: formula cells in exports, zip and XLSX bombs."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile

import pytest

from bot import clock
from bot.exchange import importer, spreadsheet, tabular
from bot.exchange.hsds import package
from bot.exchange.hsds.write import export_package
from bot.exchange.tabular import Problems, formula_safe, read_xlsx
from bot.knowledge.loader import load_knowledge
from bot.places.gazetteer import get_gazetteer


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+52 55 1234", "-cmd", "@SUM(A1)", "\tx"])
def test_formula_cells_are_neutralised(text):
    assert formula_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["-92.26", "+14.9", "Clínica", "", 14.9, -92.26, None])
def test_plain_values_are_left_alone(value):
    assert formula_safe(value) == value


@pytest.fixture
def kb_with_formula(kb_copy):
    sample = next((kb_copy / "services").glob("*.yml"))
    sample.write_text(sample.read_text(encoding="utf-8").replace("name: ", "name: '=HYPERLINK(\"http://evil\")' #", 1),
                      encoding="utf-8")
    return kb_copy


def test_csv_export_neutralises_formulas_and_imports_back(kb_with_formula, tmp_path):
    kb = load_knowledge(kb_with_formula, get_gazetteer()).kb
    path = tmp_path / "all.csv"
    spreadsheet.export_csv(kb, path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    cells = [v for row in rows for v in row.values() if v]
    assert any(v.startswith("'=HYPERLINK") for v in cells)
    assert not [v for v in cells if v[0] in "=+@" or (v[0] == "-" and not v.replace(".", "").lstrip("-").isdigit())]
    other = tmp_path / "other"
    shutil.copytree(kb_with_formula, other, ignore=shutil.ignore_patterns("services"))
    assert importer.import_file(path, other).ok
    names = {s.name for s in load_knowledge(other, get_gazetteer()).kb.services}
    assert '=HYPERLINK("http://evil")' in names


def test_hsds_export_neutralises_formulas(kb_with_formula, tmp_path):
    kb = load_knowledge(kb_with_formula, get_gazetteer()).kb
    export_package(kb, tmp_path / "pkg", clock.today())
    for table in (tmp_path / "pkg").glob("*.csv"):
        for row in csv.reader(io.StringIO(table.read_text(encoding="utf-8"))):
            assert not [v for v in row if v[:1] in ("=", "+", "@")], table.name


def test_xlsx_export_keeps_formulas_as_text(kb_with_formula, tmp_path):
    import openpyxl

    kb = load_knowledge(kb_with_formula, get_gazetteer()).kb
    spreadsheet.export_xlsx(kb, tmp_path / "all.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "all.xlsx")["services"]
    assert not [c for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_a_zip_member_that_unpacks_too_large_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_MEMBER_BYTES", 1_000_000)
    bomb = tmp_path / "pkg.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", '{"resources": []}')
        archive.writestr("services.csv", "id,name\n" + "x" * 2_000_000)
    assert bomb.stat().st_size < 100_000
    problems = Problems()
    pkg = package.open_package(bomb, problems)
    assert pkg is None or pkg.read("services.csv") == b""
    assert any("unpacks to more than" in p.message for p in problems)


def test_an_xlsx_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(tabular, "MAX_XLSX_UNPACKED", 1_000_000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * 2_000_000 + b"</a>")
    problems = Problems()
    assert read_xlsx(buffer.getvalue(), "bomb.xlsx", problems) is None
    assert "unpacks to more than" in problems[0].message
