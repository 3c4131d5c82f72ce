"""The fields the emergency and rights answers rely on are declared in the data and checked by the loader."""

from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import EMERGENCY_KINDS
from tests.conftest import KNOWLEDGE, write

COUNTRY = """
code: XX
name: {{es: Prueba, en: Test}}
emergency:
  - number: "112"
    {kinds}
crisis_lines:
  - name: Línea de prueba
    number: "100"
    {scope}
"""
PLACES = """
places:
  - name: Estación de prueba
    country: PA
    latitude: 8.4
    longitude: -77.9
    {status}
"""


def codes(tmp_path):
    return [p.code for p in load_knowledge(tmp_path).errors]


def test_every_shipped_number_says_what_it_answers_and_every_crisis_line_where_it_works():
    kb = load_knowledge(KNOWLEDGE).kb
    for code, c in kb.countries.items():
        assert c.emergency, code
        for e in c.emergency:
            assert e.kinds and set(e.kinds) <= set(EMERGENCY_KINDS), (code, e.number)
        for line in c.crisis_lines:
            assert line.national or line.area, (code, line.number)
    assert not kb.countries["CO"].crisis_lines[0].national  # 106 works in Bogotá: never the national line


def test_a_number_without_kinds_or_with_an_unknown_kind_is_an_error(tmp_path):
    write(tmp_path / "countries" / "XX.yml", COUNTRY.format(kinds="", scope="scope: national"))
    assert "emergency_kinds" in codes(tmp_path)
    write(tmp_path / "countries" / "XX.yml", COUNTRY.format(kinds="kinds: [ambulanse]", scope="scope: national"))
    assert "emergency_kinds" in codes(tmp_path)
    write(tmp_path / "countries" / "XX.yml", COUNTRY.format(kinds="kinds: [general]", scope="scope: national"))
    assert codes(tmp_path) == []


def test_a_crisis_line_must_say_national_or_local_with_its_area(tmp_path):
    write(tmp_path / "countries" / "XX.yml", COUNTRY.format(kinds="kinds: [general]", scope=""))
    assert "crisis_line_scope" in codes(tmp_path)
    write(tmp_path / "countries" / "XX.yml", COUNTRY.format(kinds="kinds: [general]", scope="scope: local"))
    assert "crisis_line_scope" in codes(tmp_path)
    write(tmp_path / "countries" / "XX.yml", COUNTRY.format(kinds="kinds: [general]",
                                                           scope="scope: local\n    area: Bogotá"))
    assert codes(tmp_path) == []


def test_a_closed_place_needs_its_date_and_source(tmp_path):
    write(tmp_path / "places" / "p.yml", PLACES.format(status="status: closed"))
    assert "place_status" in codes(tmp_path)
    write(tmp_path / "places" / "p.yml", PLACES.format(status="status: gone"))
    assert "place_status" in codes(tmp_path)
    write(tmp_path / "places" / "p.yml", PLACES.format(status="closed_on: 2025-05-14"))
    assert "place_status" in codes(tmp_path)
    write(tmp_path / "places" / "p.yml", PLACES.format(
        status="status: closed\n    closed_on: 2025-05-14\n    source: https://example.org/news"))
    assert codes(tmp_path) == []
    place = load_knowledge(tmp_path).kb.places[0]
    assert place.status == "closed" and str(place.closed_on) == "2025-05-14"


def test_free_by_law_needs_the_law(tmp_path):
    write(tmp_path / "countries" / "XX.yml", COUNTRY.format(kinds="kinds: [general]", scope="scope: national")
          + "sexual_violence_care: {free_by_law: true}\n")
    assert load_knowledge(tmp_path).errors
