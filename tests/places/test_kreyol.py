"""bot.places.kreyol: Haitian towns' French names as Kreyòl writes them."""

import pytest

from bot.places.kreyol import kreyol_spellings


@pytest.mark.parametrize("name, written", [
    ("Croix-des-Bouquets", "kwadebouke"), ("Camp-Perrin", "kanperen"), ("Les Anglais", "lezangle"),
    ("Abricots", "zabriko"), ("Dame-Marie", "damari"), ("Trou du Nord", "twou di no"), ("Port-de-Paix", "podepe"),
    ("Saint-Marc", "senmak"), ("Ouanaminthe", "wanament"), ("Gonaïves", "gonayiv"), ("Léogâne", "leyogan"),
    ("Miragoâne", "miragwan"), ("Hinche", "ench"), ("Désarmes", "dezam"), ("Terrier Rouge", "teryewouj"),
    ("Pétionville", "petyonvil"), ("Cap-Haïtien", "kap ayisyen"), ("Cavaillon", "kavayon"), ("Anse-à-Veau", "ansavo"),
])
def test_the_regular_spellings(name, written):
    assert written in kreyol_spellings(name)


def test_short_forms_are_left_out():
    # "Thor" (Carrefour) is written "To": a word, not a name the look-up may take
    assert kreyol_spellings("Thor") == set()


def test_the_gazetteer_finds_a_haitian_town_by_its_kreyol_spelling(knowledge):
    assert [p.name for p in knowledge.places.candidates("kanperen")][:1] == ["Camp Perrin"]
