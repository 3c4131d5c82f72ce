"""`bot kb import`: all or nothing, importing again updates instead of duplicating, ids written by
hand are kept, an import that would break the folder is undone."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date

from bot.exchange import importer
from tests.conftest import write
from tests.exchange.conftest import (
    CLEAN,
    FIXTURES,
    import_files,
    run,
    services_of,
)


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
    assert importer.import_file(CLEAN, kb).ok
    [path] = import_files(kb)
    before = path.read_bytes()
    real = importer.load_knowledge
    calls = []

    def failing_after_write(root, gazetteer=None, today=None):
        result = real(root, gazetteer, today)
        calls.append(1)
        if len(calls) == 2:  # the check after writing
            from bot.knowledge.yamlsrc import Problem
            result.problems.append(Problem("knowledge/services/import-hsds-clean.yml", 5, "simulated problem"))
        return result

    monkeypatch.setattr(importer, "load_knowledge", failing_after_write)
    package = FIXTURES / "hsds_clean"
    outcome = importer.import_file(package, kb, today=date(2026, 11, 29))
    assert not outcome.ok and not outcome.written
    assert any("simulated problem" in str(p) for p in outcome.problems)
    assert path.read_bytes() == before


