"""A town answered "no" and another said where the person is (bot/places/corrections.py)."""

import pytest

from tests.places.conftest import where


@pytest.mark.parametrize("text, phone, lang, town", [
    # a town said, "no", and a correction: the second town (2026-12-07, a development set)
    ("estoy en tapachula no perdon en huixtla, a mi esposo le pegaron", "VE", "es", "Huixtla"),
    ("to em tijuana nao pera, to em mexicali agora, bateram no meu marido", "BR", "pt", "Mexicali"),
    ("im in mcallen no wait we in brownsville now, my wife is bleeding", "GH", "en", "Brownsville"),
    # "perdón" alone corrects nothing ("sorry, in Tacna we were robbed"), nor a "no" with no town after it
    ("estoy en arica, perdon, en tacna nos robaron", "VE", "es", "Arica"),
    ("estoy en reynosa no perdon, mi hermano esta en monterrey", "VE", "es", "Reynosa"),
    # a review: "no wait for me", "no perdona" (does not forgive), a relative's town after the apology
    ("im in reynosa no wait for me in mcallen they beat me bad", "US", "en", "Reynosa"),
    ("estoy en tacna no perdona la policia en arica me pegaron", "VE", "es", "Tacna"),
    ("we are in reynosa no sorry mcallen is where my cousin is, they kidnap us", "MX", "en", "Reynosa"),
])
def test_a_town_corrected_after_no_is_the_second(knowledge, text, phone, lang, town):
    seen = where(knowledge, text, phone_country=phone, lang=lang)
    assert (seen.place.name if seen.place else None) == town, seen.as_json()
