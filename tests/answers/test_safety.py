"""The emergency reply, as the person reads it: every number with its label, the fitting one first."""

import re
from datetime import datetime, timezone

import pytest

from bot import LANGUAGES, clock
from bot.answers.numbers import number_label, ordered_numbers
from bot.answers.safety import SMS_MAX_SEGMENTS, emergency
from bot.language.catalogue import t
from bot.render.sms import segments, to_gsm7
from bot.safety.first_aid import SITUATIONS

KINDS = ("medical_emergency", "violence", "sexual_violence", "suicide", "missing_child")
FIRST_KIND = {"medical_emergency": {"ambulance", "general"}, "violence": {"police", "general"},
              "sexual_violence": {"ambulance", "general"}, "missing_child": {"police", "general"}}


def reply_text(knowledge, kind, country, lang="es", situations=(), medium="rest"):
    reply = emergency(knowledge.kb, knowledge.index, kind, country, None, lang, situations, medium)
    assert len(reply.messages) == 1
    return reply.messages[0]


def countries(knowledge):
    return sorted(knowledge.kb.countries)


def test_every_country_shows_every_number_with_its_label_the_fitting_one_first(knowledge):
    for code in countries(knowledge):
        c = knowledge.kb.countries[code]
        for kind in ("medical_emergency", "violence", "sexual_violence", "missing_child"):
            for lang in LANGUAGES:
                first_line = reply_text(knowledge, kind, code, lang).splitlines()[0]
                for e in c.emergency:
                    assert f"{e.number} ({number_label(e, lang)})" in first_line, (code, kind, lang, first_line)
                wanted = [e for e in c.emergency if FIRST_KIND[kind] & set(e.kinds)]
                if wanted:  # a country may lack, say, a police number (Haiti): then nothing can be first
                    first = min(c.emergency, key=lambda e: first_line.index(f"{e.number} ("))
                    assert FIRST_KIND[kind] & set(first.kinds), (code, kind, first_line)


def test_guatemala_someone_bleeding_reads_the_ambulances_before_the_police(knowledge):
    first_line = reply_text(knowledge, "medical_emergency", "GT").splitlines()[0]
    assert first_line.startswith("EMERGENCIA (Guatemala): llama ya al 122 (ambulancia, bomberos)")
    assert first_line.index("125 (ambulancia, Cruz Roja)") < first_line.index("110 (policía)")
    violence = reply_text(knowledge, "violence", "GT").splitlines()[0]
    assert violence.index("110 (policía)") < violence.index("122 (")


def test_panama_violence_gives_the_police_first_and_medical_the_sume(knowledge):
    assert "104 (policía), 911 (ambulancia)" in reply_text(knowledge, "violence", "PA")
    assert "911 (ambulancia), " in reply_text(knowledge, "medical_emergency", "PA").splitlines()[0]


def test_without_a_country_each_route_country_gives_its_fitting_number(knowledge):
    medical = reply_text(knowledge, "medical_emergency", "").splitlines()[0]
    violence = reply_text(knowledge, "violence", "").splitlines()[0]
    assert "Guatemala 122" in medical and "Nicaragua 128" in medical and "El Salvador 132" in medical
    assert "Guatemala 110" in violence and "Nicaragua 118" in violence


@pytest.mark.parametrize("lang, first", [("pt", "Brasil 192"), ("ht", "Ayiti 116"), ("fr", "Haïti 116"), ("es", "México 911")])
def test_without_a_country_the_languages_home_comes_before_the_route(knowledge, lang, first):
    # "Aparecida, minha esposa, tá grávida e sangrando" listed every route country's number but Brazil's
    line = reply_text(knowledge, "medical_emergency", "", lang).splitlines()[0]
    assert line.split(":", 1)[1].strip().startswith(first), line


@pytest.mark.parametrize("lang", LANGUAGES)
def test_medical_advice_never_says_nothing_by_mouth_without_the_heat_exception(knowledge, lang):
    nothing_by_mouth = t(lang, "emergency_medical")
    heat = (t(lang, "first_aid_overheated"), t(lang, "first_aid_heat_infant"), t(lang, "first_aid_heat"))
    cold = (t(lang, "first_aid_cold"), t(lang, "first_aid_cold_infant"))
    for code in countries(knowledge) + [""]:
        for said in [(), *((s,) for s in SITUATIONS)]:
            for medium in ("rest", "sms"):
                text = reply_text(knowledge, "medical_emergency", code, lang, said, medium)
                assert nothing_by_mouth in text
                # the cold advice carries its own exception (a warm sweet drink, the baby's milk), and no
                # "if too hot" after it; out of the water (or in a boat filling with it) a body is wet and cold
                wet_or_cold = said and said[0].startswith(("cold", "drowning", "sinking", "flood"))
                exceptions = cold if wet_or_cold else heat
                assert any(h in text for h in exceptions), (code, said, medium, text)
    assert "warm" not in t("en", "emergency_medical") and "drink" not in t("en", "emergency_medical")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_situation_the_message_names_gets_its_advice_first(knowledge, lang):
    for situation in SITUATIONS:
        lines = reply_text(knowledge, "medical_emergency", "MX", lang, (situation,)).splitlines()
        assert lines[1] == t(lang, f"first_aid_{situation}")
    heat = reply_text(knowledge, "medical_emergency", "MX", lang, ("heat",))
    assert t(lang, "first_aid_overheated") not in heat  # the fuller heat advice replaces the short one
    cold = reply_text(knowledge, "medical_emergency", "MX", lang, ("cold",))
    assert t(lang, "first_aid_overheated") not in cold  # "if too hot" right after "cold" reads as a contradiction


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_babys_emergency_gets_the_babys_heat_advice(knowledge, lang):
    # "sips of water" is an adult's: a baby overheated is cooled and fed at the breast or the bottle
    text = reply_text(knowledge, "medical_emergency", "MX", lang, ("not_breathing_infant",))
    assert t(lang, "first_aid_heat_infant") in text and t(lang, "first_aid_overheated") not in text
    adult = reply_text(knowledge, "medical_emergency", "MX", lang, ("not_breathing",))
    assert t(lang, "first_aid_overheated") in adult and t(lang, "first_aid_heat_infant") not in adult


@pytest.mark.parametrize("lang", LANGUAGES)
def test_out_of_the_water_the_advice_is_to_dry_and_warm_not_to_cool(knowledge, lang):
    # a drowned baby pulled from the river was told "too hot: a wet cloth, fan it"; a wet body cools fast
    for situation, follow in (("drowning", "first_aid_cold"), ("drowning_infant", "first_aid_cold_infant")):
        text = reply_text(knowledge, "medical_emergency", "MX", lang, (situation,))
        assert t(lang, follow) in text, text
        assert not any(t(lang, f"first_aid_{h}") in text for h in ("overheated", "heat_infant")), text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_cold_or_hot_baby_gets_milk_not_a_sweet_drink_or_water(knowledge, lang):
    for situation in ("cold_infant", "heat_infant"):
        text = reply_text(knowledge, "medical_emergency", "MX", lang, (situation,))
        assert t(lang, f"first_aid_{situation}") in text
        assert t(lang, "first_aid_cold") not in text and t(lang, "first_aid_heat") not in text


def test_suicide_in_the_us_puts_988_before_911(knowledge):
    text = reply_text(knowledge, "suicide", "US", "en")
    first = text.splitlines()[0]
    assert first.startswith("United States: call now, it is free: 988 (988 Suicide & Crisis Lifeline, 24/7)")
    assert first.index("988") < first.index("911 (police, ambulance, fire)")


def test_suicide_puts_every_open_national_crisis_line_first(knowledge):
    for code in countries(knowledge):
        c = knowledge.kb.countries[code]
        national = [x for x in c.crisis_lines if x.national and (x.hours.always or not x.hours.known)]
        first = reply_text(knowledge, "suicide", code).splitlines()[0]
        if national:  # one answering at any hour: some national line comes before the emergency numbers
            lines = [x.number for x in c.crisis_lines if x.national and x.number in first]
            assert lines and first.index(lines[0]) < first.index(f"{c.emergency[0].number} ("), (code, first)
        elif not c.crisis_lines:
            assert first.startswith("EMERGENCIA"), (code, first)


def test_a_local_crisis_line_is_never_presented_as_the_countrys(knowledge):
    text = reply_text(knowledge, "suicide", "CO")
    assert text.startswith("EMERGENCIA (Colombia): llama ya al 123")
    assert "106 (Línea 106, salud mental, 24/7, solo en Bogotá)" in text


def test_a_crisis_line_that_is_closed_now_comes_after_the_emergency_number(knowledge):
    # Honduras' Teléfono de la Esperanza answers 08:00-20:00: at 03:00 in Tegucigalpa, 911 comes first
    with clock.frozen(datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)):
        night = reply_text(knowledge, "suicide", "HN")
    with clock.frozen(datetime(2026, 11, 28, 17, 0, tzinfo=timezone.utc)):
        day = reply_text(knowledge, "suicide", "HN")
    assert night.startswith("EMERGENCIA (Honduras): llama ya al 911") and "150 (" in night
    assert day.startswith("Honduras: llama ya, es gratis: 150 (")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sexual_violence_times_and_cost_as_the_law_says(knowledge, lang):
    mx = reply_text(knowledge, "sexual_violence", "MX", lang)
    assert "72" in mx and "5" in mx and t(lang, "sv_care_should_be_free") in mx
    co = reply_text(knowledge, "sexual_violence", "CO", lang)
    assert t(lang, "sv_care_free_by_law", country=knowledge.kb.countries["CO"].name[lang]) in co
    us = reply_text(knowledge, "sexual_violence", "US", lang)
    assert knowledge.kb.countries["US"].sexual_violence_care.note[lang] in us
    for text in (mx, co, us):
        assert "?" not in text  # never a question after sexual violence


def test_no_text_promises_what_the_bot_cannot_keep():
    promises = ("cannot be sent back", "no pueden devolverte", "is not shared with", "no se comparte con",
                "it is free and confidential", "es gratuita y confidencial")
    for lang in LANGUAGES:
        for key in ("tell_migration", "emergency_sexual_violence", "emergency_violence"):
            text = t(lang, key).lower()
            assert not any(p in text for p in promises), (lang, key)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_emergency_reply_fits_the_sms_budget_and_keeps_its_numbers(knowledge, lang):
    for code in countries(knowledge) + [""]:
        for kind in KINDS:
            for said in [(), ("bleeding",), ("heat", "cold"), ("snake_bite",), ("burn",), ("scorpion",), ("after_birth",)]:
                text = to_gsm7(reply_text(knowledge, kind, code, lang, said, "sms"))
                assert segments(text) <= SMS_MAX_SEGMENTS, (code, kind, said, len(text), text)
                c = knowledge.kb.countries.get(code)
                for e in (c.emergency if c else ()):
                    assert e.number in text.splitlines()[0]


def test_ordered_numbers_keeps_file_order_among_equals(knowledge):
    gt = knowledge.kb.countries["GT"]
    assert [e.number for e in ordered_numbers(gt, "medical_emergency")] == ["122", "123", "125", "110"]


@pytest.mark.parametrize("text, lang, country, first", [
    ("a agua ta subindo muito, to em cima do telhado com meus filhos", "pt", "BR", "193"),
    ("dlo a ap monte, nou sou do kay la ak timoun yo", "ht", "HT", None),
    ("water keeps rising, we are on the roof", "en", "US", "911"),
])
def test_a_flood_gets_its_advice_and_the_rescuers_number_first(knowledge, text, lang, country, first):
    # "a agua ta subindo, to em cima do telhado" got 192 (ambulance) first and "if too hot: shade"
    from bot.safety.first_aid import advice_for

    said = advice_for(text)
    assert "flood" in said, said
    reply = reply_text(knowledge, "medical_emergency", country, lang, said)
    assert t(lang, "first_aid_flood") in reply and t(lang, "first_aid_overheated") not in reply, reply
    if first:
        assert re.search(r"\d+", reply.splitlines()[0]).group() == first, reply


def test_a_violence_beside_water_keeps_the_polices_number_first(knowledge):
    reply = reply_text(knowledge, "violence", "BR", "pt", ("flood",))
    assert re.search(r"\d+", reply.splitlines()[0]).group() == "190", reply


@pytest.mark.parametrize("text", ["un homme armé est sur le toit", "tengo un dolor creciente en el pecho",
                                  "we are on the roof of the shelter, a man with a knife"])
def test_a_roof_or_a_growing_pain_is_no_flood(text):
    from bot.safety.first_aid import advice_for

    assert "flood" not in advice_for(text)


def test_trinidad_and_the_bahamas_have_their_own_numbers(knowledge):
    # Venezuelans in Trinidad, Haitians in the Bahamas: without a country file the answer named another country's number
    from bot.dialogue import State, Turn, respond

    reply, _ = respond(knowledge, "emergency", Turn(text="auxilio estoy en port of spain, nos robaron y mi amigo esta sangrando",
                                                    intent="emergency", confidence=0.9, phone_country="VE"),
                       State(lang="es", lang_chosen=True))
    assert "999" in reply.messages[0] and "Trinidad" in reply.messages[0]
    assert {"919", "911"} <= {n.number for n in knowledge.kb.countries["BS"].emergency}


@pytest.mark.parametrize("text, lang, phone, country, name", [
    ("je suis à Pointe-à-Pitre, mon mari me frappe, j'ai peur", "fr", "GP", "GP", "Guadeloupe"),
    ("m nan Fò de Frans, yon nèg ap menase m ak kouto", "ht", "HT", "MQ", "Matinik"),
    ("Marigot, Saint-Martin. le patron me frappe, je saigne", "fr", "HT", "MF", "Saint-Martin"),
])
def test_the_french_antilles_have_the_french_numbers(knowledge, text, lang, phone, country, name):
    # Haitians in Guadeloupe, Martinique and Saint-Martin were given Haiti's 116 first, or a list of other countries'
    from bot.dialogue import State, Turn, respond

    reply, _ = respond(knowledge, "emergency", Turn(text=text, intent="emergency", confidence=0.9, phone_country=phone),
                       State(lang=lang, lang_chosen=True))
    first = reply.messages[0]
    assert name in first and all(n in first for n in ("17", "15", "112")) and "116" not in first, first
    assert {n.number for n in knowledge.kb.countries[country].emergency} == {"15", "17", "18", "112"}


def test_sint_maarten_has_its_own_numbers_not_the_french_sides(knowledge):
    # the Dutch side of the island: a Haitian locked in and beaten in Philipsburg got a list of the route's numbers
    from bot.dialogue import State, Turn, respond

    reply, _ = respond(knowledge, "emergency", Turn(text="Philipsburg, St Maarten. the boss locks us in at night and beats us",
                                                    intent="emergency", confidence=0.9, phone_country="HT"),
                       State(lang="en", lang_chosen=True))
    first = reply.messages[0]
    assert "Sint Maarten" in first and all(n in first for n in ("911", "912", "919")) and "112" not in first, first


def test_the_nearest_help_for_a_wounded_adult_is_no_childrens_space_nor_a_womens_clinic(knowledge):
    from bot.answers.safety import emergency

    tapachula = knowledge.places.resolve("Tapachula").place
    text = "\n".join(emergency(knowledge.kb, knowledge.index, "violence", "MX", tapachula, "es").messages)
    nearest = next(line for line in text.split("\n") if line.startswith("Ayuda más cercana"))
    assert "niñas, niños" not in nearest and "salud sexual" not in nearest, nearest
    text = "\n".join(emergency(knowledge.kb, knowledge.index, "missing_child", "MX", tapachula, "es").messages)
    assert "niñas, niños" in text, text  # a missing child: the children's space is the help


def test_with_no_country_the_one_the_message_seems_to_name_comes_first(knowledge):
    text = emergency(knowledge.kb, None, "violence", "", None, "es", other_country="TT").messages[0]
    assert text.splitlines()[0].startswith(t("es", "emergency_unknown_country") + " Trinidad y Tobago 999, ")


def test_every_danger_keeps_every_number(knowledge):
    # a filter to the numbers that "answer" a danger dropped the firefighters from a child lost in a river, the
    # women's line from a beaten woman bleeding: every number stays, the fitting one first
    for code in countries(knowledge):
        for kind in KINDS:
            first_line = reply_text(knowledge, kind, code).splitlines()[0]
            assert all(f"{e.number} (" in first_line for e in knowledge.kb.countries[code].emergency), (code, kind)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_someone_who_does_not_respond_gets_when_to_press_on_the_chest_once(knowledge, lang):
    # "mi hermana está inconsciente": "on their side" alone lets someone who does not breathe die
    adult, baby = t(lang, "first_aid_not_breathing"), t(lang, "first_aid_not_breathing_infant")
    lines = reply_text(knowledge, "medical_emergency", "MX", lang, ("unresponsive",)).splitlines()
    assert lines.index(adult) < lines.index(t(lang, "emergency_medical"))  # the breathing is checked first
    with_baby = reply_text(knowledge, "medical_emergency", "MX", lang, ("unresponsive", "infant"))
    assert baby in with_baby and adult not in with_baby
    for said in (("not_breathing", "unresponsive"), ("drowning", "unresponsive")):
        text = reply_text(knowledge, "medical_emergency", "MX", lang, said)
        assert text.count(adult) <= 1 and text.count(t(lang, "first_aid_drowning")) <= 1
    # nor for someone awake (a burn, labour), nor for violence
    assert adult not in reply_text(knowledge, "medical_emergency", "MX", lang, ("burn",))
    assert adult not in reply_text(knowledge, "violence", "MX", lang, ("unresponsive",))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_seizure_gets_its_own_advice_and_no_compressions_during_it(knowledge, lang):
    lines = reply_text(knowledge, "medical_emergency", "MX", lang, ("seizure",)).splitlines()
    assert lines[1] == t(lang, "first_aid_seizure")  # nothing in the mouth, not held down, before the rest
    assert t(lang, "first_aid_not_breathing") not in lines
    burn = reply_text(knowledge, "medical_emergency", "MX", lang, ("burn", "seizure")).splitlines()
    assert burn[1] == t(lang, "first_aid_seizure")  # no cooling a burn under the tap while it lasts
    baby = reply_text(knowledge, "medical_emergency", "MX", lang, ("seizure", "infant"))
    assert t(lang, "first_aid_seizure_infant") in baby and t(lang, "first_aid_seizure") not in baby
    for said in (("seizure",), ("seizure", "infant"), ("burn", "seizure")):
        for code in ("", "MX", "HT", "US"):
            text = reply_text(knowledge, "medical_emergency", code, lang, said, "sms")
            assert t(lang, "first_aid_seizure" + ("_infant" if "infant" in said else "")) in text
            assert segments(to_gsm7(text)) <= SMS_MAX_SEGMENTS + ("infant" in said and not code), (code, said, text)
