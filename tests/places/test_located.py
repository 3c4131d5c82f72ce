"""``bot.places.located``: a reading counts only when the message itself places it."""

import pytest

from tests.places.conftest import assert_at, assert_nowhere, where


@pytest.mark.parametrize(
    "text, name",
    [
        ("we just arrived lajas blancas", "Lajas Blancas"),  # a strong "here" cue, even before a small town
        ("estoy en la terminal de Reynosa", "Reynosa"),  # a landmark of a city
        ("Tapachula", "Tapachula"),  # the name alone is its own clause
        ("necesito comida. Tapachula", "Tapachula"),
    ],
)
def test_the_message_places_the_town(knowledge, text, name):
    assert_at(knowledge, text, name)


@pytest.mark.parametrize(
    "text",
    [
        "fre m nan nouyok",  # someone else's place, whatever else is said
        "m okay, mesi",  # staff's "okay" (Les Cayes) after "m" is "I am well"
        "necesito un centro de salud",  # "salud" is a word, not La Salud
        "estamos al puente, ayuda",  # Spanish towns take no article but their own: "al puente" is a bridge
    ],
)
def test_words_alone_never_place_a_town(knowledge, text):
    assert_nowhere(knowledge, text)


def test_where_someone_comes_from_is_not_where_they_are(knowledge):
    seen = where(knowledge, "im from san pedro sula honduras")
    assert seen.place is None or seen.place.name != "San Pedro Sula", seen.as_json()
