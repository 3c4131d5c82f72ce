"""Export as an HSDS 3.0 package: valid against the specification's tables, stable ids, and
import -> export -> import keeps every field HSDS can hold."""

from __future__ import annotations

import csv
import json
import shutil
import uuid
import zipfile
from pathlib import Path

from bot import clock
from bot.exchange import importer
from bot.exchange.hsds import times
from bot.exchange.hsds.spec import SPEC
from bot.exchange.hsds.validate import validate_package
from bot.exchange.hsds.write import NOT_HELD, export_package
from bot.knowledge.loader import load_knowledge
from bot.places.gazetteer import get_gazetteer
from tests.exchange.conftest import (
    CLEAN,
    FIXTURES,
    broken_package,
    run,
    same_service,
    services_of,
)

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
    assert SPEC and {r.path: ",".join(r.fields) for r in SPEC.values()} == SPEC_FIELDS
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
    problems = validate_package(out)
    assert problems and {(p.code, p.field) for p in problems} == {("missing", f) for f in NOT_HELD}
    # the checker finds real problems (like the specification's own example: a latitude of 100)
    example = broken_package(tmp_path, "messy-example", lambda p: (p / "locations.csv").write_text(
        "id,location_type,url,organization_id,name,alternate_name,description,transportation,latitude,longitude,"
        "external_identifier,external_identifier_type\n0f0e0d0c-0000-4000-8000-000000000001,physical,,"
        "0f0e0d0c-0000-4000-8000-00000000000f,Centro de prueba,,,,100,101,,\n", encoding="utf-8"))
    found = "\n".join(map(str, validate_package(example)))
    assert "latitude 100 is out of range" in found and "organization_id '0f0e0d0c-0000-4000-8000-00000000000f'" in found
    # a second export is identical: ids are stable
    again = tmp_path / "again.zip"
    assert run(capsys, "kb", "export", "--format", "hsds", str(again), "--dir", str(kb))[0] == 0
    with zipfile.ZipFile(again) as z:
        assert z.read("services.csv") == (out / "services.csv").read_bytes()


def test_import_export_import_round_trips_every_hsds_field(kb, tmp_path):
    (kb / "services").mkdir()
    shutil.copy(FIXTURES / "roundtrip.yml", kb / "services" / "roundtrip.yml")
    assert importer.import_file(CLEAN, kb).ok
    first = services_of(kb)
    export_package(load_knowledge(kb, get_gazetteer()).kb, tmp_path / "pkg", clock.today())
    second_kb = tmp_path / "second"
    shutil.copytree(kb, second_kb, ignore=shutil.ignore_patterns("services"))
    outcome = importer.import_file(tmp_path / "pkg", second_kb)
    assert outcome.ok, "\n".join(map(str, outcome.problems))
    second = services_of(second_kb)
    assert sorted(second) == sorted(i for i in first if i != "rt-sample")  # ids survive; samples stay home
    for sid, service in second.items():
        same_service(first[sid], service)
    # the time zone travels as a UTC offset: the town's zone has the same one
    assert second["rt-clinic"].timezone in ("", "America/Mexico_City")
    assert times.zone_offsets("America/Mexico_City") == times.zone_offsets(get_gazetteer().nearest(14.9, -92.26).timezone)


