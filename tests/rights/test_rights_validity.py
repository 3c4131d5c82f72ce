"""A rights text is never shown past its end date, never without a source, never naming a closed place."""

from datetime import date

from bot import clock
from bot.answers.rights import rights_answer
from bot.knowledge.loader import load_knowledge
from tests.conftest import KNOWLEDGE, write

ENTRY = """
country: HN
entries:
  - topic: deportation
    reviewed_on: 2026-11-01
    {valid}
    sources: [{{title: "Decreto de amnistía migratoria"}}]
    text: {{es: "Amnistía migratoria: no pagas la multa.", en: "Migration amnesty: you do not pay the fine."}}
"""


def codes(result, severity=None):
    return [p.code for p in result.problems if severity is None or p.severity == severity]


def test_the_shipped_rights_have_no_expired_unsourced_or_closed_place_entry():
    result = load_knowledge(KNOWLEDGE)
    bad = [p for p in result.errors if p.code in ("rights_expired", "rights_no_source", "closed_place_named")]
    assert bad == [], "\n".join(map(str, bad))


def test_an_entry_past_valid_until_is_an_error_and_60_days_before_a_warning(tmp_path):
    write(tmp_path / "rights" / "HN.yml", ENTRY.format(valid="valid_until: 2026-11-27"))
    assert "rights_expired" in codes(load_knowledge(tmp_path), "error")
    write(tmp_path / "rights" / "HN.yml", ENTRY.format(valid="valid_until: 2027-01-20"))
    result = load_knowledge(tmp_path)
    assert result.ok and "rights_expiring" in codes(result, "warning")
    write(tmp_path / "rights" / "HN.yml", ENTRY.format(valid="valid_until: 2027-06-01"))
    assert not {"rights_expired", "rights_expiring"} & set(codes(load_knowledge(tmp_path)))


def test_an_entry_without_a_source_is_an_error(tmp_path):
    write(tmp_path / "rights" / "HN.yml", ENTRY.format(valid="").replace(
        '    sources: [{title: "Decreto de amnistía migratoria"}]\n', ""))
    assert "rights_no_source" in codes(load_knowledge(tmp_path), "error")


def test_the_bot_stops_saying_it_the_day_after_it_ends(tmp_path):
    write(tmp_path / "rights" / "HN.yml", ENTRY.format(valid="valid_until: 2026-12-31"))
    write(tmp_path / "rights" / "INT.yml", """
        country: INT
        entries:
          - topic: deportation
            reviewed_on: 2026-11-01
            sources: [{title: "Convención Americana"}]
            text: {es: "Derecho internacional.", en: "International law."}
        """)
    kb = load_knowledge(tmp_path).kb  # loaded while valid: a running bot keeps this in memory
    with clock.frozen(date(2026, 12, 31)):
        assert "Amnistía" in rights_answer(kb, "deportation", "HN", "es").text
    with clock.frozen(date(2027, 1, 1)):
        text = rights_answer(kb, "deportation", "HN", "es").text
        assert "Amnistía" not in text and "Derecho internacional." in text


def test_a_rights_or_service_text_naming_a_closed_place_is_an_error(kb_copy):
    result = load_knowledge(kb_copy)
    assert "closed_place_named" not in codes(result)
    path = kb_copy / "rights" / "PA.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "ve al centro de salud u hospital público más cercano",
        "ve al puesto de salud de la estación Lajas Blancas", 1), encoding="utf-8")
    service = kb_copy / "services" / "pa-lajas-blancas.yml"
    service.write_text(service.read_text(encoding="utf-8").replace(
        "address: Lajas Blancas, Darién (dirección de ejemplo)", "address: ETRM Lajas Blancas, Darién", 1),
        encoding="utf-8")
    named = [p for p in load_knowledge(kb_copy).errors if p.code == "closed_place_named"]
    assert {p.file.split("/")[-1] for p in named} == {"PA.yml", "pa-lajas-blancas.yml"}
    assert all("ERM Lajas Blancas" in p.message and "2025-05-14" in p.message for p in named)


def test_the_village_is_not_the_closed_station(kb_copy):
    # services in the village of Lajas Blancas are fine; only the station (and its names) is closed
    result = load_knowledge(kb_copy)
    assert any(s.place == "Lajas Blancas" for s in result.kb.services)
    assert "closed_place_named" not in codes(result)
