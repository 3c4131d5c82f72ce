import yaml

from bot.places.gazetteer import TOWNS_FILE, get_gazetteer
from tests.places.conftest import where


def test_the_towns_geonames_lacks_are_read_with_its_towns_and_their_kreyol_spellings():
    towns = yaml.safe_load(TOWNS_FILE.read_text(encoding="utf-8"))["towns"]
    gazetteer = get_gazetteer()
    for town in towns:
        states = {p.admin1 for p in gazetteer.places if p.country == town["country"]}
        assert town["admin1"] in states, town  # the gazetteer's own name of the department
        assert any(p.name == town["name"] for p in gazetteer.places), town
    assert any(p.name == "Cité Soleil" for p in gazetteer.by_name["site soley"])


def test_the_file_says_its_coordinates_need_review():
    assert yaml.safe_load(TOWNS_FILE.read_text(encoding="utf-8"))["needs_review"] is True


def test_a_haitian_commune_geonames_lacks_is_understood(knowledge):
    seen = where(knowledge, "nou nan Bonbon, Grandans", phone_country="HT", lang="ht")
    assert seen.place is not None and seen.place.name == "Bonbon", seen.as_json()
    assert where(knowledge, "m bezwen bonbon pou pitit mwen", phone_country="HT", lang="ht").place is None  # sweets


def test_a_french_antilles_commune_geonames_lacks_is_understood(knowledge):
    # "je suis a goyave guadeloupe" read nothing: only Grenada's Gouyave was in the gazetteer (2026-12-07)
    seen = where(knowledge, "je suis a goyave guadeloupe chez une dame, elle me garde enfermee", phone_country="HT", lang="fr")
    assert seen.place is not None and (seen.place.name, seen.place.country) == ("Goyave", "GP"), seen.as_json()
    assert where(knowledge, "on a mange une goyave ce matin, on a faim", phone_country="GP", lang="fr").place is None  # a fruit
