"""bot.places.sides: the side of a border a message says the person is on."""

import pytest

from bot.places.understand import understand


@pytest.mark.parametrize("text, lang, phone, name, country", [
    # the side named by its country, with the writer on it: the town on that side
    ("lost my son at the san ysidro crossing, i am on the mexico side", "en", "GT", "Tijuana", "MX"),
    ("estoy en laredo del lado de mexico, me robaron todo", "es", "HN", "Nuevo Laredo", "MX"),
    # a relative on the other side: the writer's town stays
    ("estoy en laredo, mi esposo esta del lado de mexico y lo golpearon", "es", "HN", "Laredo", "US"),
    ("lost my son at the san ysidro crossing, my wife is on the mexico side", "en", "GT", "San Diego", "US"),
    ("m nan wanament, mari m bò kote dominikani, yo bat li", "ht", "HT", "Ouanaminthe", "HT"),
    # a side the writer wants to get to is not theirs yet (English "to" is no Portuguese "tô")
    ("we are in tecun uman trying to get to the mexico side, my wife fainted and is not waking up", "en", "GT",
     "Ciudad Tecún Umán", "GT"),
    ("im in dajabon, need to get to the haiti side, my son is bleeding a lot", "en", "DO", "Dajabón", "DO"),
    ("eu to em tabatinga, to do lado do brasil, meu filho desmaiou", "pt", "CO", "Tabatinga", "BR"),
    # a side the writer was on is no longer theirs
    ("m nan dajabon, m te bò kote ayiti ayè, yo bat mwen", "ht", "HT", "Dajabón", "DO"),
    # the town facing across the border is its twin, not a bigger town farther off
    ("je suis à dajabon, on est du côté haïtien, on nous a frappés", "fr", "HT", "Ouanaminthe", "HT"),  # not Terrier-Rouge
    ("tecun uman del lado mexicano, nos asaltaron", "es", "GT", "Ciudad Hidalgo", "MX"),  # not Tapachula
])
def test_the_side_the_writer_is_on(knowledge, text, lang, phone, name, country):
    seen = understand(knowledge, text, phone_country=phone, danger=True, lang=lang)
    assert seen.place is not None and (seen.place.name, seen.country) == (name, country), seen.as_json()
