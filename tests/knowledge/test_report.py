"""`bot kb report`: services per town and category, entries past their review date, missing texts."""

from __future__ import annotations

from tests.conftest import KNOWLEDGE, write
from tests.exchange.conftest import (
    run,
)


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
