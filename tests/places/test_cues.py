"""bot.places.cues: the words around a name that say it is a person's, not a town."""

import pytest

from bot.places.understand import understand


@pytest.mark.parametrize("text, lang, phone", [
    ("meu nome e Marcos Santos Lima, preciso de uma cesta basica", "pt", "BR"),  # a whole name after "meu nome é"
    ("concepcion is my mom name, she needs insulin", "en", "VE"),
    ("Pastè Saint-Louis te ban m nimewo sa a", "ht", "US"),  # a pastor's name
    ("nou ba l non Guadalupe paske se yon dominiken ki te ede m", "ht", "DO"),
    ("le pusimos Victoria a la bebe, necesita vacunas", "es", "MX"),
])
def test_a_persons_name_is_no_town(knowledge, text, lang, phone):
    seen = understand(knowledge, text, phone_country=phone, lang=lang)
    assert seen.place is None and not seen.ask, seen.as_json()


@pytest.mark.parametrize("text, name", [("me llamo pedro, estoy en tapachula", "Tapachula"),
                                        ("me llamo pedro estoy en tapachula", "Tapachula"),
                                        ("my name is ana, we are in reynosa", "Reynosa")])
def test_a_town_after_the_name_is_still_a_town(knowledge, text, name):
    assert understand(knowledge, text).place.name == name
