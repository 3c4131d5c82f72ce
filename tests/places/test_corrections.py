"""A town answered "no" and another said where the person is (bot/places/corrections.py)."""

import pytest

from tests.places.conftest import where


@pytest.mark.parametrize("text, phone, lang, town", [
    ("estoy en reynosa no, en matamoros, me robaron", "VE", "es", "Heroica Matamoros"),
    ("monterrey? no, estamos en saltillo", "VE", "es", "Saltillo"),
    # "perdón" alone corrects nothing ("sorry, in Tacna we were robbed")
    ("estoy en arica, perdon, en tacna nos robaron", "VE", "es", "Arica"),
    # nor a "no" with no pause (a correction so was tried and dropped after two reviews, 2026-12-07: each of these gave
    # the other country's number)
    ("toy en matamoros no perdon x molestar en brownsville me dijeron que ustedes ayudan, me persiguen", "MX", "es", "Heroica Matamoros"),
    ("estoy en nuevo laredo no me equivoque, en laredo texas no me dejaron pasar y aqui me golpearon", "MX", "es", "Nuevo Laredo"),
    ("im in reynosa no wait for me in mcallen they beat me bad", "US", "en", "Reynosa"),
    ("estoy en tacna no perdona la policia en arica me pegaron", "VE", "es", "Tacna"),
])
def test_a_town_answered_no_and_another_said(knowledge, text, phone, lang, town):
    seen = where(knowledge, text, phone_country=phone, lang=lang)
    assert (seen.place.name if seen.place else None) == town, seen.as_json()
