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


@pytest.mark.parametrize("text, phone, lang, town", [
    # a short question answered no right after it: not where the person is (2026-12-07)
    ("cuiabá? não. to em caceres, mato grosso, perto da bolivia", "BO", "pt", "Cáceres"),
    ("monterrey? no, estamos en saltillo", "MX", "es", "Saltillo"),
    # an answer "no" with its pause negates no cue after it ("não tô em" would)
    ("nao, to em Framingham agora, na casa da minha irma", "US", "pt", "Framingham"),
    ("no, estamos en saltillo", "MX", "es", "Saltillo"),
    ("no, estoy en reynosa no, en matamoros, nos secuestraron", "MX", "es", "Heroica Matamoros"),  # corrected
    # "no" that opens a sentence, not an answer, still reads the question's town
    ("albergue en monterrey? no tengo donde dormir", "MX", "es", "Monterrey"),
    ("shelter in houston? no money no food", "US", "en", "Houston"),
    # a service asked about and denied, not the town (a review, 2026-12-07)
    ("hay albergue en acuña? no, todos estan llenos, estamos en la calle y mi bebe convulsiona", "HN", "es", "Ciudad Acuña"),
    ("un hôpital à cayenne? non, ils ne veulent pas, ma femme saigne", "HT", "fr", "Cayenne"),
    ("monterrey? no, no podemos salir, nos tienen encerrados", "MX", "es", "Monterrey"),
])
def test_a_question_answered_no(knowledge, text, phone, lang, town):
    seen = where(knowledge, text, phone_country=phone, lang=lang)
    assert (seen.place.name if seen.place else None) == town, seen.as_json()
