"""The service schema is the one place a field is declared: the model, the YAML loader, the spreadsheet
and HSDS follow it. A field added to the schema alone travels through all three round trips."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from bot.exchange import spreadsheet
from bot.exchange.candidates import ENTRY_KEYS
from bot.knowledge.model import Service
from bot.knowledge.schema import KINDS, SERVICE
from tests.conftest import FIXED_NOW, KNOWLEDGE, ROOT


def test_the_model_and_the_sheet_follow_the_schema():
    assert {f.name for f in dataclasses.fields(Service)} == {f.name for f in SERVICE} | {"file", "line"}
    assert all(f.kind in KINDS for f in SERVICE)
    assert [c.name for c in spreadsheet.COLUMNS if c.name in {f.name for f in SERVICE}] == [
        f.name for f in SERVICE if f.kind not in ("texts", "phones")]
    assert ENTRY_KEYS[:5] == ("id", "name", "organization", "categories", "description")
    assert "location" in ENTRY_KEYS and "latitude" not in ENTRY_KEYS
    guide = (KNOWLEDGE / "README.md").read_text(encoding="utf-8")
    assert all(f"{key}:" in guide for key in ENTRY_KEYS), "knowledge/README.md shows every key of a service"


# Run in a fresh interpreter: the schema is extended before anything derives from it, as if the line
# had been added to bot/knowledge/schema.py.
SCRIPT = r"""
import json, shutil, sys
from pathlib import Path
import bot.knowledge.schema as schema

extra = schema.Field(**json.loads(sys.argv[1]))
schema.SERVICE = schema.SERVICE + (extra,)
schema.FIELDS[extra.name] = extra

from bot import clock
from bot.exchange import importer, spreadsheet
from bot.exchange.hsds.write import export_package
from bot.knowledge.loader import load_knowledge
from bot.places.gazetteer import get_gazetteer

work, value = Path(sys.argv[2]), json.loads(sys.argv[3])
kb = work / "kb"
(kb / "services").mkdir(parents=True)
shutil.copytree(Path(sys.argv[4]) / "countries", kb / "countries")
shutil.copy(Path(sys.argv[4]) / "categories.yml", kb / "categories.yml")
text = (Path(sys.argv[5])).read_text(encoding="utf-8")
line = "    " + extra.name + ": " + json.dumps(value) + "\n"
(kb / "services" / "a.yml").write_text(text.replace("    referral: walk_in\n", "    referral: walk_in\n" + line, 1),
                                       encoding="utf-8")
gazetteer = get_gazetteer()

def of(folder):
    result = load_knowledge(folder, gazetteer)
    assert result.ok, [str(p) for p in result.errors]
    got = getattr({s.id: s for s in result.kb.services}["rt-clinic"], extra.name)
    return list(got) if isinstance(got, tuple) else got

out = {"yaml": of(kb), "columns": list(spreadsheet.COLUMN_NAMES)}
kb_all = load_knowledge(kb, gazetteer).kb
for kind in ("xlsx", "hsds"):
    target = work / ("all.xlsx" if kind == "xlsx" else "pkg")
    if kind == "xlsx":
        spreadsheet.export_xlsx(kb_all, target)
    else:
        export_package(kb_all, target, clock.today())
    other = work / f"kb-{kind}"
    shutil.copytree(kb, other, ignore=shutil.ignore_patterns("services"))
    outcome = importer.import_file(target, other, gazetteer)
    assert outcome.ok, [str(p) for p in outcome.problems.errors]
    out[kind] = of(other)
print(json.dumps(out))
"""

NEW_FIELDS = {
    "text in services.csv": ({"name": "wait_time", "kind": "text", "hsds": "service.wait_time",
                              "help": "How long people usually wait to be seen."}, "about one hour"),
    "codes in our taxonomy": ({"name": "accessibility", "kind": "codes", "hsds": "taxonomy",
                               "help": "What makes it accessible, separated by commas: wheelchair, sign_language, ..."},
                              ["wheelchair", "sign_language"]),
}


@pytest.mark.parametrize("case", sorted(NEW_FIELDS))
def test_a_field_added_to_the_schema_travels_through_yaml_spreadsheet_and_hsds(case, tmp_path):
    declaration, value = NEW_FIELDS[case]
    run = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(declaration), str(tmp_path), json.dumps(value),
                          str(KNOWLEDGE), str(ROOT / "tests" / "exchange" / "fixtures" / "roundtrip.yml")],
                         capture_output=True, text=True, cwd=ROOT, timeout=300,
                         env={**os.environ, "BOT_FAKE_NOW": FIXED_NOW.isoformat()})  # the tests' moment
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert declaration["name"] in out["columns"]
    assert out["yaml"] == value
    assert out["xlsx"] == value
    assert out["hsds"] == value, out
