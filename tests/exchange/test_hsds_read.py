"""Reading HSDS 3.0 packages: every bad value reported as FILE:ROW, nothing written; a clean
package is found by `bot kb search`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.exchange.conftest import (
    CLEAN,
    MESSY,
    broken_package,
    import_files,
    run,
    search_ids,
    services_of,
)


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


