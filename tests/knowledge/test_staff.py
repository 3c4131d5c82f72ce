"""Staff tools: import of spreadsheets and HSDS 3.0 packages, export, template, report.

Every bad value of an import is reported as FILE:ROW and nothing is written; a clean import
lands in services/import-*.yml, is found by `bot kb search`, and re-importing updates it.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import uuid
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from bot import clock
from bot.cli import main
from bot.knowledge import hsds, spreadsheet, staff
from bot.knowledge.loader import load_knowledge
from bot.places.gazetteer import get_gazetteer
from tests.conftest import KNOWLEDGE, write

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = FIXTURES / "hsds_clean"
MESSY = FIXTURES / "hsds_messy"

# HSDS 3.0, as published in github.com/openreferral/specification: the columns of each table
# (schema/<table>.json "properties" that are not arrays/objects, in order) and its required
# fields ("required" + "tabular_required").
SPEC_FIELDS = {
    "organizations.csv": "id,name,alternate_name,description,email,website,tax_status,tax_id,year_incorporated,"
                         "legal_status,logo,uri,parent_organization_id",
    "services.csv": "id,organization_id,program_id,name,alternate_name,description,url,email,status,"
                    "interpretation_services,application_process,fees_description,wait_time,fees,accreditations,"
                    "eligibility_description,minimum_age,maximum_age,assured_date,assurer_email,licenses,alert",
    "locations.csv": "id,location_type,url,organization_id,name,alternate_name,description,transportation,latitude,"
                     "longitude,external_identifier,external_identifier_type",
    "service_at_location.csv": "id,service_id,location_id,description",
    "addresses.csv": "id,location_id,attention,address_1,address_2,city,region,state_province,postal_code,country,"
                     "address_type",
    "phones.csv": "id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,extension,type,"
                  "description",
    "schedules.csv": "id,service_id,location_id,service_at_location_id,valid_from,valid_to,dtstart,timezone,until,"
                     "count,wkst,freq,interval,byday,byweekno,bymonthday,byyearday,description,opens_at,closes_at,"
                     "schedule_link,attending_type,notes",
    "languages.csv": "id,service_id,location_id,phone_id,name,code,note",
    "required_documents.csv": "id,service_id,document,uri",
    "taxonomies.csv": "id,name,description,uri,version",
    "taxonomy_terms.csv": "id,code,name,description,parent_id,taxonomy,language,taxonomy_id,term_uri",
    "attributes.csv": "id,link_id,taxonomy_term_id,link_type,link_entity,value,label",
}
SPEC_REQUIRED = {
    "organizations.csv": ("id", "name", "description"),
    "services.csv": ("id", "name", "status", "organization_id"),
    "locations.csv": ("id", "location_type"),
    "service_at_location.csv": ("id", "service_id", "location_id"),
    "addresses.csv": ("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
    "phones.csv": ("id", "number"),
    "schedules.csv": ("id",),
    "languages.csv": ("id",),
    "required_documents.csv": ("id",),
    "taxonomies.csv": ("id", "name", "description"),
    "taxonomy_terms.csv": ("id", "name", "description"),
    "attributes.csv": ("id", "link_id", "taxonomy_term_id", "link_entity"),
}
# Values HSDS requires that the knowledge base does not hold (the export says so).
KNOWN_GAPS = {("addresses.csv", "state_province"), ("addresses.csv", "postal_code")}
FOREIGN_KEYS = {
    ("services.csv", "organization_id"): "organizations.csv",
    ("locations.csv", "organization_id"): "organizations.csv",
    ("service_at_location.csv", "service_id"): "services.csv",
    ("service_at_location.csv", "location_id"): "locations.csv",
    ("addresses.csv", "location_id"): "locations.csv",
    ("phones.csv", "service_id"): "services.csv",
    ("schedules.csv", "service_id"): "services.csv",
    ("schedules.csv", "service_at_location_id"): "service_at_location.csv",
    ("languages.csv", "service_id"): "services.csv",
    ("required_documents.csv", "service_id"): "services.csv",
    ("taxonomy_terms.csv", "taxonomy_id"): "taxonomies.csv",
    ("attributes.csv", "taxonomy_term_id"): "taxonomy_terms.csv",
    ("attributes.csv", "link_id"): "services.csv",
}


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """A small knowledge folder: the categories and Mexico, no services."""
    root = tmp_path / "knowledge"
    (root / "countries").mkdir(parents=True)
    shutil.copy(KNOWLEDGE / "categories.yml", root / "categories.yml")
    shutil.copy(KNOWLEDGE / "countries" / "MX.yml", root / "countries" / "MX.yml")
    return root


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def import_files(root: Path) -> list[Path]:
    return sorted((root / "services").glob("import-*.yml")) if (root / "services").is_dir() else []


def services_of(root: Path):
    result = load_knowledge(root, get_gazetteer())
    assert result.ok, "\n".join(map(str, result.errors))
    return {s.id: s for s in result.kb.services}


def search_ids(capsys, root: Path, need: str, near: str = "Tapachula") -> list[str]:
    code, text = run(capsys, "kb", "search", "--need", need, "--near", near, "--json", "--dir", str(root))
    assert code == 0, text
    return [r["id"] for r in json.loads(text)["results"]]


# --- HSDS import -------------------------------------------------------------------------------
def test_messy_package_reports_each_bad_value_with_file_and_row_and_writes_nothing(kb, capsys):
    code, text = run(capsys, "kb", "import", str(MESSY), "--into", str(kb))
    assert code == 1
    assert f"{MESSY}/locations.csv:3: latitude 100 is outside -90..90" in text
    assert f"{MESSY}/schedules.csv:4: byday 'MON,TUES' is not a list of days" in text and "like MO,TU,WE" in text
    assert f"{MESSY}/services.csv:4: service 'aaaaaaaa-0000-4000-8000-000000000003' has no name" in text
    assert f"{MESSY}/attributes.csv:3:" in text and "'medicine' is not a category code; did you mean 'medical'" in text
    assert "NOT imported: 4 errors" in text
    assert import_files(kb) == [] and not (kb / "services").exists()


def test_clean_package_is_found_by_search(kb, capsys):
    code, text = run(capsys, "kb", "import", str(CLEAN), "--into", str(kb))
    assert code == 0, text
    assert "3 services imported" in text
    assert "status 'inactive'; it is not imported" in text  # the inactive one is left out, with a warning
    assert "has no assured_date; verified_on is set to the import date" in text
    [path] = import_files(kb)
    assert path.name == "import-hsds-clean.yml"
    assert search_ids(capsys, kb, "medical") == ["hsds-cccccccc-0000-4000-8000-000000000001"]
    assert search_ids(capsys, kb, "food") == ["hsds-cccccccc-0000-4000-8000-000000000002"]
    assert "hsds-cccccccc-0000-4000-8000-000000000003" in search_ids(capsys, kb, "psychosocial")
    s = services_of(kb)
    clinic, food, shelter = (s[f"hsds-cccccccc-0000-4000-8000-00000000000{i}"] for i in (1, 2, 3))
    assert clinic.organization == "Red de Apoyo Migrante (prueba)" and not clinic.sample
    assert clinic.address == "Calle Ejemplo 1, Centro, Tapachula, Chiapas" and clinic.place == "Tapachula"
    assert [p.number for p in clinic.phones] == ["+52 962 555 0142"]  # quotes stripped, the fax left out
    assert clinic.hours.text == ("Mo-Fr 08:00-17:00", "Sa 09:00-13:00")
    assert clinic.languages == ("es", "en") and clinic.verified_on == date(2026, 11, 10)
    assert clinic.description["es"].startswith("Consulta médica") and "en" not in clinic.description
    assert clinic.requirements == {"es": "No se necesita ningún documento para recibir la consulta."}
    assert food.organization == ""  # the same as the service's name
    assert food.cost == "free" and [(p.number, p.type) for p in food.phones] == [("+52 962 555 0143", "whatsapp")]
    assert food.hours.text == ("Mo-Su 07:00-15:00",)
    assert shelter.categories == ("shelter", "psychosocial") and shelter.hours.always
    assert shelter.languages == ("ht", "es") and shelter.phones[0].type == "sms"
    assert shelter.source.startswith("Red de Apoyo Migrante (test package)")
    code, text = run(capsys, "kb", "validate", str(kb))
    assert code == 0 and "0 errors" in text


def test_reimport_updates_instead_of_duplicating(kb, capsys, tmp_path):
    assert run(capsys, "kb", "import", str(CLEAN), "--into", str(kb))[0] == 0
    [path] = import_files(kb)
    # staff add an English translation to the imported file
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(
        "    es: Consulta médica general y primeros auxilios para las personas migrantes que llegan a la ciudad.\n",
        "    es: Consulta médica general y primeros auxilios para las personas migrantes que llegan a la ciudad.\n"
        "    en: General medical consultation and first aid.\n"), encoding="utf-8")
    # the partner renames a service and drops another
    package = tmp_path / "hsds_clean"
    shutil.copytree(CLEAN, package)
    services = (package / "services.csv").read_text(encoding="utf-8")
    (package / "services.csv").write_text(services.replace("Clínica de la Red (prueba)", "Clínica de la Red (prueba 2)")
                                          .replace(",active,,,Gratis,", ",defunct,,,Gratis,"), encoding="utf-8")
    code, out = run(capsys, "kb", "import", str(package), "--into", str(kb))
    assert code == 0, out
    assert "(0 new, 2 updated, 1 removed)" in out and "hsds-cccccccc-0000-4000-8000-000000000002" in out
    assert import_files(kb) == [path]
    s = services_of(kb)
    assert sorted(s) == ["hsds-cccccccc-0000-4000-8000-000000000001", "hsds-cccccccc-0000-4000-8000-000000000003"]
    clinic = s["hsds-cccccccc-0000-4000-8000-000000000001"]
    assert clinic.name == "Clínica de la Red (prueba 2)"
    assert clinic.description["en"] == "General medical consultation and first aid."  # kept


def test_import_from_a_zip_and_a_moved_package_does_not_duplicate(kb, capsys, tmp_path):
    archive = tmp_path / "red-2026-11.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in CLEAN.iterdir():
            z.write(f, f"hsds_clean/{f.name}")
    assert run(capsys, "kb", "import", str(archive), "--into", str(kb))[0] == 0
    assert [p.name for p in import_files(kb)] == ["import-red-2026-11.yml"]
    # next month's file has the same services: they move, nothing is listed twice
    assert run(capsys, "kb", "import", str(CLEAN), "--into", str(kb))[0] == 0
    assert [p.name for p in import_files(kb)] == ["import-hsds-clean.yml"]
    assert len(services_of(kb)) == 3


def broken_package(tmp_path: Path, name: str, edit) -> Path:
    target = tmp_path / name
    shutil.copytree(CLEAN, target)
    edit(target)
    return target


@pytest.mark.parametrize("case, expected", [
    ("bad_zip", "is not a readable .zip file"),
    ("bad_json", "datapackage.json:3: this is not valid JSON"),
    ("no_services", "services.csv: is named in datapackage.json for 'service' but is not in the package"),
    ("no_column", "services.csv:1: has no column 'name'"),
    ("open_quote", "services.csv:2: this is not valid CSV from here on"),
    ("extra_values", "locations.csv:2: this row has 13 values but the header has 12 columns"),
    ("dangling", "service_at_location.csv:2: location_id 'nowhere' is not an id of locations.csv"),
    ("bad_phone", "phones.csv:2: '+52 12' is not a valid phone number for MX"),
    ("outside", "locations.csv:2: the point 4.6, -74.08 is outside MX"),
    ("not_a_package", "is neither a spreadsheet"),
])
def test_broken_packages_give_clear_errors_not_crashes(kb, capsys, tmp_path, case, expected):
    def replace(file: str, old: str, new: str):
        def edit(p: Path):
            text = (p / file).read_text(encoding="utf-8")
            assert old in text
            (p / file).write_text(text.replace(old, new, 1), encoding="utf-8")
        return edit

    if case == "bad_zip":
        source = tmp_path / "broken.zip"
        source.write_bytes(b"PK\x03\x04 not really a zip")
    elif case == "not_a_package":
        source = tmp_path / "notes.txt"
        source.write_text("hello", encoding="utf-8")
    else:
        edits = {
            "bad_json": replace("datapackage.json", '"title"', '"title" "'),
            "no_services": lambda p: (p / "services.csv").unlink(),
            "no_column": replace("services.csv", ",name,", ",nombre,"),
            "open_quote": replace("services.csv", "Consulta médica", '"Consulta médica'),
            "extra_values": replace("locations.csv", "Sede centro,", "Sede, centro,"),
            "dangling": replace("service_at_location.csv", "bbbbbbbb-0000-4000-8000-000000000001,", "nowhere,"),
            "bad_phone": replace("phones.csv", '"""+52 962 555 0142"""', "+52 12"),
            "outside": replace("locations.csv", "14.9075,-92.2631", "4.6,-74.08"),
        }
        source = broken_package(tmp_path, case, edits[case])
    code, text = run(capsys, "kb", "import", str(source), "--into", str(kb))
    assert code == 1
    assert expected in text, text
    assert "Traceback" not in text
    assert import_files(kb) == []


def test_an_id_written_by_hand_is_not_taken_over(kb, capsys):
    write(kb / "services" / "tapachula.yml", """
        services:
          - id: hsds-cccccccc-0000-4000-8000-000000000001
            name: Written by hand
            categories: [medical]
            location: {place: Tapachula, country: MX, latitude: 14.9, longitude: -92.26}
            phones: [{number: "+52 962 555 0199"}]
            verified_on: 2026-11-01
    """)
    code, text = run(capsys, "kb", "import", str(CLEAN), "--into", str(kb))
    assert code == 1
    assert "services.csv:2: the id 'hsds-cccccccc-0000-4000-8000-000000000001' is already used at" in text
    assert "tapachula.yml:2, an entry written by hand" in text
    assert import_files(kb) == []


def test_an_import_that_would_break_the_folder_is_undone(kb, monkeypatch):
    assert staff.import_file(CLEAN, kb).ok
    [path] = import_files(kb)
    before = path.read_bytes()
    real = staff.load_knowledge
    calls = []

    def failing_after_write(root, gazetteer=None, today=None):
        result = real(root, gazetteer, today)
        calls.append(1)
        if len(calls) == 2:  # the check after writing
            from bot.knowledge.yamlsrc import Problem
            result.problems.append(Problem("knowledge/services/import-hsds-clean.yml", 5, "simulated problem"))
        return result

    monkeypatch.setattr(staff, "load_knowledge", failing_after_write)
    package = FIXTURES / "hsds_clean"
    outcome = staff.import_file(package, kb, today=date(2026, 11, 29))
    assert not outcome.ok and not outcome.written
    assert any("simulated problem" in str(p) for p in outcome.problems)
    assert path.read_bytes() == before


# --- spreadsheets --------------------------------------------------------------------------------
SHEET_HEADER = ["id", "name", "organization", "categories", "description_es", "description_en", "address", "place",
                "country", "latitude", "longitude", "phone", "whatsapp", "hours", "languages", "cost", "population",
                "requirements_es", "referral", "verified_on", "sample"]
SHEET_ROWS = [
    ["", "Clínica Hoja (prueba)", "Red Hoja", "medical, psychosocial", "Consulta general.", "General consultation.",
     "Calle Hoja 1, Tapachula", "Tapachula", "MX", "14.9061", "-92.2636", "+52 962 555 0150", "",
     "Mo-Fr 08:00-17:00; Sa 09:00-13:00", "es, en", "free", "all", "Ninguno.", "walk_in", "2026-11-01", "no"],
    ["comedor-hoja", "Comedor Hoja (prueba)", "", "Alimentación", "Comida caliente.", "", "Avenida Hoja 2", "Tapachula",
     "MX", "14,9012", "-92,2702", "", "+52 962 555 0151", "24/7", "es", "free", "families", "", "walk_in", "", ""],
    ["", "Albergue Hoja (prueba)", "", "shelter", "Albergue.", "", "", "Tapachula", "MX", "14.8950", "-92.2500",
     "+52 962 555 0152", "", "Mo-Su 18:00-08:00", "es, ht", "", "women, children", "", "", "2026-10-15", "no"],
]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    w = csv.writer(buffer, delimiter=delimiter)
    w.writerow(SHEET_HEADER)
    w.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


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


# --- export ------------------------------------------------------------------------------------
def read_package_csvs(folder: Path) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    out = {}
    for name in SPEC_FIELDS:
        with (folder / name).open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            out[name] = (list(reader.fieldnames or []), list(reader))
    return out


def is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def test_export_is_a_valid_hsds_3_package(kb, capsys, tmp_path):
    shutil.copy(FIXTURES / "roundtrip.yml", (kb / "services").mkdir() or kb / "services" / "roundtrip.yml")
    assert run(capsys, "kb", "import", str(CLEAN), "--into", str(kb))[0] == 0
    out = tmp_path / "export"
    code, text = run(capsys, "kb", "export", "--format", "hsds", str(out), "--dir", str(kb))
    assert code == 0, text
    assert "5 services written" in text and "1 sample services left out" in text
    assert "state_province and postal_code empty" in text
    assert hsds.SPEC and {r.path: ",".join(r.fields) for r in hsds.SPEC.values()} == SPEC_FIELDS
    meta = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert meta["profile"] == "tabular-data-package"
    declared = {r["path"]: r for r in meta["resources"]}
    tables = read_package_csvs(out)
    for name, (header, rows) in tables.items():
        assert header == SPEC_FIELDS[name].split(","), name
        fields = {f["name"]: f for f in declared[name]["schema"]["fields"]}
        assert [f for f in fields if fields[f]["constraints"]["required"]] == [
            f for f in header if f in SPEC_REQUIRED[name]]
        ids = [r["id"] for r in rows]
        assert len(ids) == len(set(ids)), f"{name}: ids are unique"
        for row in rows:
            for f in SPEC_REQUIRED[name]:
                assert row[f] or (name, f) in KNOWN_GAPS, f"{name}: required {f} is empty"
            for f, value in row.items():
                if f == "id" or f.endswith("_id"):
                    assert not value or is_uuid(value), f"{name}: {f} {value!r} is not a UUID"
    for (name, f), target in FOREIGN_KEYS.items():
        targets = {r["id"] for r in tables[target][1]}
        for row in tables[name][1]:
            assert not row[f] or row[f] in targets, f"{name}.{f} {row[f]} does not resolve in {target}"
    assert len(tables["services.csv"][1]) == 5
    problems = hsds.validate_package(out)
    assert problems and all(p.endswith(("'state_province' is empty", "'postal_code' is empty")) for p in problems)
    # the checker finds real problems (like the specification's own example: a latitude of 100)
    example = broken_package(tmp_path, "messy-example", lambda p: (p / "locations.csv").write_text(
        "id,location_type,url,organization_id,name,alternate_name,description,transportation,latitude,longitude,"
        "external_identifier,external_identifier_type\n0f0e0d0c-0000-4000-8000-000000000001,physical,,"
        "0f0e0d0c-0000-4000-8000-00000000000f,Centro de prueba,,,,100,101,,\n", encoding="utf-8"))
    found = "\n".join(hsds.validate_package(example))
    assert "latitude 100 is out of range" in found and "organization_id '0f0e0d0c-0000-4000-8000-00000000000f'" in found
    # a second export is identical: ids are stable
    again = tmp_path / "again.zip"
    assert run(capsys, "kb", "export", "--format", "hsds", str(again), "--dir", str(kb))[0] == 0
    with zipfile.ZipFile(again) as z:
        assert z.read("services.csv") == (out / "services.csv").read_bytes()


HSDS_FIELDS = ("id", "name", "organization", "categories", "address", "place", "country", "latitude", "longitude",
               "phones", "languages", "cost", "population", "referral", "email", "url", "verified_on")


def same_service(a, b, fields=HSDS_FIELDS) -> None:
    for f in fields:
        assert getattr(a, f) == getattr(b, f), f"{a.id}: {f} {getattr(a, f)!r} != {getattr(b, f)!r}"
    assert set(a.hours.periods) == set(b.hours.periods) and a.hours.always == b.hours.always, a.id
    assert sorted(a.hours.exceptions, key=str) == sorted(b.hours.exceptions, key=str), a.id
    for lang in ("es",):
        assert a.description.get(lang) == b.description.get(lang)
        assert a.requirements.get(lang) == b.requirements.get(lang)


def test_import_export_import_round_trips_every_hsds_field(kb, tmp_path):
    (kb / "services").mkdir()
    shutil.copy(FIXTURES / "roundtrip.yml", kb / "services" / "roundtrip.yml")
    assert staff.import_file(CLEAN, kb).ok
    first = services_of(kb)
    hsds.export_package(load_knowledge(kb, get_gazetteer()).kb, tmp_path / "pkg", clock.today())
    second_kb = tmp_path / "second"
    shutil.copytree(kb, second_kb, ignore=shutil.ignore_patterns("services"))
    outcome = staff.import_file(tmp_path / "pkg", second_kb)
    assert outcome.ok, "\n".join(map(str, outcome.problems))
    second = services_of(second_kb)
    assert sorted(second) == sorted(i for i in first if i != "rt-sample")  # ids survive; samples stay home
    for sid, service in second.items():
        same_service(first[sid], service)
    # the time zone travels as a UTC offset: the town's zone has the same one
    assert second["rt-clinic"].timezone in ("", "America/Mexico_City")
    assert hsds._zone_offsets("America/Mexico_City") == hsds._zone_offsets(get_gazetteer().nearest(14.9, -92.26).timezone)


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


# --- report ------------------------------------------------------------------------------------
def test_report_prints_the_three_sections(kb, capsys):
    write(kb / "services" / "a.yml", """
        services:
          - id: old-clinic
            name: Old clinic
            categories: [medical]
            description: {es: Consulta., en: Consultation.}
            location: {place: Tapachula, country: MX, latitude: 14.9, longitude: -92.26}
            phones: [{number: "+52 962 555 0199"}]
            verified_on: 2025-01-10
          - id: new-shelter
            name: New shelter
            categories: [shelter, food]
            description: {es: Albergue., en: Shelter., fr: Abri., ht: Abri., pt: Abrigo.}
            location: {place: Ciudad Hidalgo, country: MX, latitude: 14.68, longitude: -92.15}
            phones: [{number: "+52 962 555 0198"}]
            verified_on: 2026-11-20
    """)
    write(kb / "rights" / "MX.yml", """
        country: MX
        entries:
          - topic: asylum
            reviewed_on: 2025-06-01
            sources: [{title: Ley, url: "https://example.org"}]
            text: {es: Pide asilo., en: Ask for asylum.}
    """)
    code, text = run(capsys, "kb", "report", str(kb))
    assert code == 0, text
    table, stale, missing = text.split("\n== ")[0], text.split("\n== ")[1], text.split("\n== ")[2]
    assert table.startswith("== Services per town and category (2 services) ==")
    tapachula = next(line for line in table.splitlines() if line.startswith("Tapachula (MX)"))
    assert tapachula.split()[2:4] == ["1", "-"]  # medical 1, shelter none
    assert "No service at all for: family_links" in table
    assert stale.startswith("Past their review date")
    assert "service 'old-clinic' verified on 2025-01-10" in stale and "new-shelter" not in stale
    assert "rights MX/asylum reviewed on 2025-06-01" in stale
    assert missing.startswith("Texts missing in a language")
    assert "service 'old-clinic' description: fr, ht, pt" in missing and "new-shelter" not in missing
    assert "rights MX/asylum text: fr, ht, pt" in missing


def test_report_of_the_shipped_knowledge(capsys):
    code, text = run(capsys, "kb", "report", str(KNOWLEDGE))
    assert code == 0
    assert "Tapachula (MX)" in text and "TOTAL" in text and "== Texts missing in a language" in text
