"""Staff get every problem as file:line: what is wrong, and a broken folder loses nothing."""


from bot.knowledge.loader import load_knowledge
from bot.places.gazetteer import get_gazetteer
from tests.conftest import KNOWLEDGE, write

SERVICE = """
services:
  - id: test-clinic
    name: Test clinic
    categories: [medical]
    location: {address: Calle 1, place: Tapachula, country: MX, latitude: 14.9, longitude: -92.26}
    phones: [{number: "+52 000 555 0199"}]
    hours: ["Mo-Fr 08:00-17:00"]
    languages: [es, en]
    cost: free
    verified_on: 2026-11-01
    source: test
    sample: true
"""


def messages(result):
    return [str(p) for p in result.problems]


def test_sample_knowledge_is_valid():
    result = load_knowledge(KNOWLEDGE, get_gazetteer())
    assert result.ok, "\n".join(map(str, result.errors))
    kb = result.kb
    assert len(kb.services) >= 40
    towns = {s.place for s in kb.services}
    assert len(towns) >= 8
    for need in ("medical", "shelter", "food", "family_links", "legal"):
        assert any(need in s.categories for s in kb.services)
    assert all(s.sample for s in kb.services), "every shipped service is sample data"


def test_yaml_error_has_file_and_line(tmp_path):
    write(tmp_path / "services" / "a.yml", "services:\n  - id: x\n    name: [unclosed\n")
    result = load_knowledge(tmp_path)
    assert not result.ok
    assert any(m.startswith("services/a.yml:") or "a.yml:" in m for m in messages(result))


def test_each_problem_names_its_line(tmp_path):
    write(tmp_path / "services" / "a.yml", SERVICE.replace("categories: [medical]", "categories: [medicine]")
          .replace('"Mo-Fr 08:00-17:00"', '"Mo-Fr 8h-17h"').replace("[es, en]", "[es, english]"))
    result = load_knowledge(tmp_path, get_gazetteer())
    text = "\n".join(messages(result))
    assert "services/a.yml:4: 'medicine' is not a category code" in text
    assert "services/a.yml:7:" in text and "08:00-17:00" in text
    assert "services/a.yml:8: 'english' is not an ISO 639-1 language code" in text


def test_duplicate_ids(tmp_path):
    write(tmp_path / "services" / "a.yml", SERVICE)
    write(tmp_path / "services" / "b.yml", SERVICE)
    text = "\n".join(messages(load_knowledge(tmp_path, get_gazetteer())))
    assert "b.yml:2: the id 'test-clinic' is already used at" in text


def test_swapped_coordinates(tmp_path):
    bogota = SERVICE.replace("country: MX, latitude: 14.9, longitude: -92.26", "country: CO, latitude: -74.08, longitude: 4.6")
    write(tmp_path / "services" / "a.yml", bogota.replace("place: Tapachula", "place: Bogotá").replace("+52", "+57"))
    text = "\n".join(messages(load_knowledge(tmp_path, get_gazetteer())))
    assert "look swapped for CO" in text


def test_real_looking_sample_phone_and_invalid_real_phone(tmp_path):
    write(tmp_path / "services" / "a.yml", SERVICE.replace("+52 000 555 0199", "+52 962 625 1234"))
    write(tmp_path / "services" / "b.yml", SERVICE.replace("test-clinic", "real-clinic").replace("sample: true", "sample: false")
          .replace("+52 000 555 0199", "+52 12"))
    text = "\n".join(messages(load_knowledge(tmp_path, get_gazetteer())))
    assert "looks like a real number" in text
    assert "not a valid phone number for MX" in text or "is not a phone number" in text


def test_outside_country_and_stale_verification(tmp_path):
    write(tmp_path / "services" / "a.yml", SERVICE.replace("latitude: 14.9, longitude: -92.26", "latitude: 4.6, longitude: -74.08")
          .replace("2026-11-01", "2026-01-01"))
    result = load_knowledge(tmp_path, get_gazetteer())
    text = "\n".join(messages(result))
    assert "outside MX" in text
    assert "warning:" in text and "more than 90 days" in text


def test_missing_required_fields(tmp_path):
    write(tmp_path / "services" / "a.yml", "services:\n  - id: x\n    categories: [food]\n")
    text = "\n".join(messages(load_knowledge(tmp_path)))
    assert "services/a.yml:2: service 'x' has no 'name'" in text
    assert "no 'location'" in text


def test_hours_exceptions_are_read_and_a_bad_one_is_reported_at_its_line(tmp_path):
    good = SERVICE.replace('hours: ["Mo-Fr 08:00-17:00"]',
                           'hours:\n      - Mo-Fr 08:00-17:00\n      - 2026-12-25 closed  # Navidad\n'
                           '      - 2026-12-01..2026-12-15 closed')
    write(tmp_path / "services" / "a.yml", good)
    result = load_knowledge(tmp_path, get_gazetteer())
    assert result.ok, messages(result)
    assert [(e.first.isoformat(), e.last.isoformat()) for e in result.kb.services[0].hours.exceptions] == [
        ("2026-12-25", "2026-12-25"), ("2026-12-01", "2026-12-15")]
    write(tmp_path / "services" / "a.yml", good.replace("2026-12-15 closed", "2026-11-15 closed"))
    text = "\n".join(messages(load_knowledge(tmp_path, get_gazetteer())))
    assert "services/a.yml:10:" in text and "ends before it starts" in text


def test_overlapping_exceptions_and_exceptions_without_hours(tmp_path):
    write(tmp_path / "services" / "a.yml", SERVICE.replace(
        '"Mo-Fr 08:00-17:00"', '"Mo-Fr 08:00-17:00", "2026-12-01..2026-12-15 closed", "2026-12-10 09:00-12:00"'))
    assert "two exceptions both cover 2026-12-10" in "\n".join(messages(load_knowledge(tmp_path, get_gazetteer())))
    write(tmp_path / "services" / "a.yml", SERVICE.replace('"Mo-Fr 08:00-17:00"', '"2026-12-25 closed"'))
    result = load_knowledge(tmp_path, get_gazetteer())
    assert result.ok and "no weekly hours" in "\n".join(messages(result))


def test_an_alias_of_no_known_town_is_reported_at_its_line(tmp_path):
    # It used to vanish without a word: "chemin roxham" pointed at a town the gazetteer lacks
    write(tmp_path / "places" / "route.yml", """
        places:
          - {name: Bajo Chiquito, country: PA, latitude: 8.32, longitude: -77.56}
        aliases:
          - {alias: xela, place: Quetzaltenango, country: GT}
          - {alias: bajo chikito, place: Bajo Chiquito, country: PA}
          - {alias: chemin roxham, place: Saint-Bernard-de-Lacolle, country: CA}
        """)
    result = load_knowledge(tmp_path, get_gazetteer())
    found = [p for p in result.problems if p.code == "alias_target"]
    assert [(p.file.endswith("places/route.yml"), p.line, p.severity) for p in found] == [(True, 6, "warning")]
    assert "Saint-Bernard-de-Lacolle" in str(found[0]) and result.ok


def test_an_alias_kind_is_one_the_resolver_knows(tmp_path):
    write(tmp_path / "places" / "route.yml", """
        aliases:
          - {alias: bosa, place: Bogotá, country: CO, kind: neighbourhood}
          - {alias: logan airport, place: Boston, country: US, kind: landmark}
          - {alias: usme, place: Bogotá, country: CO, kind: barrio}
        """)
    result = load_knowledge(tmp_path, get_gazetteer())
    found = [p for p in result.problems if p.code == "alias_kind"]
    assert [(p.line, p.severity) for p in found] == [(4, "error")] and "barrio" in str(found[0]) and not result.ok
    assert {p.name: p.kind for p in result.kb.places} == {"bosa": "neighbourhood", "logan airport": "landmark", "usme": "barrio"}
