"""What the exchange tests share: a small knowledge folder, the ``bot`` command, the test packages
and sheets, and a field-by-field comparison of services."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from bot.cli import main
from bot.knowledge.loader import load_knowledge
from bot.places.gazetteer import get_gazetteer

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = FIXTURES / "hsds_clean"
MESSY = FIXTURES / "hsds_messy"


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


def broken_package(tmp_path: Path, name: str, edit) -> Path:
    target = tmp_path / name
    shutil.copytree(CLEAN, target)
    edit(target)
    return target


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


