"""The staff spreadsheet: import by sheet row, the template, and the XLSX export."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date, datetime
from pathlib import Path

from bot import clock
from bot.exchange import spreadsheet
from tests.exchange.conftest import (
    FIXTURES,
    HSDS_FIELDS,
    SHEET_HEADER,
    SHEET_ROWS,
    import_files,
    run,
    same_service,
    search_ids,
    services_of,
    write_csv,
)


def test_csv_sheet_with_a_broken_row_imports_nothing_then_imports_when_fixed(kb, capsys, tmp_path):
    broken = [list(r) for r in SHEET_ROWS]
    broken[2][9] = "148950"  # a latitude without its decimal point, on line 4
    broken[1][3] = "comida"  # not a category, line 3
    path = write_csv(tmp_path / "socios.csv", broken, delimiter=";")  # as Excel in Spanish saves it
    code, text = run(capsys, "kb", "import", str(path), "--into", str(kb))
    assert code == 1
    assert f"{path}:4: 'latitude' is 148950.0, outside -90..90" in text
    assert f"{path}:3: 'comida' is not a category code" in text
    assert f"{path}:3: warning: no verified_on date; the import date" in text
    assert import_files(kb) == []

    write_csv(path, SHEET_ROWS, delimiter=";")
    code, text = run(capsys, "kb", "import", str(path), "--into", str(kb))
    assert code == 0, text
    s = services_of(kb)
    assert sorted(s) == ["albergue-hoja-prueba-tapachula", "clinica-hoja-prueba-tapachula", "comedor-hoja"]
    clinic = s["clinica-hoja-prueba-tapachula"]
    assert clinic.categories == ("medical", "psychosocial") and clinic.description["en"] == "General consultation."
    assert clinic.source == "socios.csv" and not clinic.sample and clinic.verified_on == date(2026, 11, 1)
    food = s["comedor-hoja"]
    assert food.categories == ("food",) and food.latitude == 14.9012 and food.phones[0].type == "whatsapp"
    assert food.verified_on == clock.today()
    assert search_ids(capsys, kb, "shelter") == ["albergue-hoja-prueba-tapachula"]
    # importing the same sheet again updates the three services
    code, text = run(capsys, "kb", "import", str(path), "--into", str(kb))
    assert "(0 new, 3 updated, 0 removed)" in text and len(services_of(kb)) == 3


def test_xlsx_sheet_with_a_broken_row_is_reported_by_sheet_row(kb, capsys, tmp_path):
    from openpyxl import Workbook

    def workbook(rows) -> Path:
        wb = Workbook()
        ws = wb.active
        ws.title = "services"
        ws.append(SHEET_HEADER)
        for row in rows:
            row = list(row)
            if row[9]:
                row[9], row[10] = float(row[9].replace(",", ".")), float(row[10].replace(",", "."))
            if row[19]:
                row[19] = datetime.fromisoformat(row[19])
            ws.append(row)
        path = tmp_path / "partners.xlsx"
        wb.save(path)
        return path

    rows = [list(r) for r in SHEET_ROWS]
    rows[0][11] = 529625550150  # typed as a number: the + is lost
    broken = [list(r) for r in rows]
    broken[2][13] = "Lunes a viernes 8h-17h"
    path = workbook(broken)
    code, text = run(capsys, "kb", "import", str(path), "--into", str(kb))
    assert code == 1
    assert f"{path}:4: 'lunesaviernes' is not a day; use Mo, Tu, We, Th, Fr, Sa or Su" in text
    assert import_files(kb) == []
    path = workbook(rows)
    assert run(capsys, "kb", "import", str(path), "--into", str(kb))[0] == 0
    s = services_of(kb)
    assert [p.number for p in s["clinica-hoja-prueba-tapachula"].phones] == ["+529625550150"]
    assert s["albergue-hoja-prueba-tapachula"].verified_on == date(2026, 10, 15)


def test_sheet_without_required_columns_and_not_a_workbook(kb, capsys, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("nombre,lugar\nClínica,Tapachula\n", encoding="utf-8")
    code, text = run(capsys, "kb", "import", str(path), "--into", str(kb))
    assert code == 1 and f"{path}:1: the sheet has no column 'name', 'categories', 'country'" in text
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    code, text = run(capsys, "kb", "import", str(fake), "--into", str(kb))
    assert code == 1 and "is not an Excel .xlsx workbook" in text


def test_template_has_the_documented_columns(capsys, tmp_path):
    documented = ("id name organization categories description_es description_en address place country latitude "
                  "longitude phone whatsapp hours timezone languages cost population requirements_es "
                  "requirements_en referral email url verified_on source sample").split()
    code, _ = run(capsys, "kb", "template", str(tmp_path / "t.csv"))
    assert code == 0
    header = next(csv.reader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8-sig"))))
    assert header == list(spreadsheet.COLUMN_NAMES)
    assert all(c in header for c in documented)
    code, _ = run(capsys, "kb", "template", str(tmp_path / "t.xlsx"))
    assert code == 0
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "t.xlsx")
    assert [c.value for c in wb["services"][1]] == list(spreadsheet.COLUMN_NAMES)
    assert [r[0].value for r in wb["help"].iter_rows(min_row=2)] == list(spreadsheet.COLUMN_NAMES)
    code, text = run(capsys, "kb", "template", str(tmp_path / "t.xlsx"))
    assert code == 1 and "already exists" in text
    guide = (Path(__file__).resolve().parents[2] / "docs" / "staff-guide.md").read_text(encoding="utf-8")
    assert all(f"`{c}`" in guide for c in spreadsheet.COLUMN_NAMES), "the staff guide explains every column"


def test_xlsx_export_round_trips_everything(kb, capsys, tmp_path):
    (kb / "services").mkdir()
    shutil.copy(FIXTURES / "roundtrip.yml", kb / "services" / "roundtrip.yml")
    sheet = tmp_path / "all.xlsx"
    code, text = run(capsys, "kb", "export", "--format", "xlsx", str(sheet), "--dir", str(kb))
    assert code == 0 and "3 services written" in text
    other = tmp_path / "other"
    shutil.copytree(kb, other, ignore=shutil.ignore_patterns("services"))
    assert run(capsys, "kb", "import", str(sheet), "--into", str(other))[0] == 0
    first, second = services_of(kb), services_of(other)
    assert sorted(first) == sorted(second)
    for sid in first:
        same_service(first[sid], second[sid], HSDS_FIELDS + ("timezone", "description", "requirements", "source",
                                                             "sample"))


