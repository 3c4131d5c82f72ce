import pytest

from bot.places.states import misspelt_state, state_abbreviations, state_names
from bot.places.understand import understand
from tests.places.conftest import assert_at


def test_a_states_short_form_and_its_name_in_another_language():
    assert state_abbreviations()["MX"]["chih"] == "Chihuahua"
    assert state_names()["floride"] == ("US", "Florida")


def test_the_neighbour_after_the_border_is_no_state_of_the_town(knowledge):
    # "la frontera con panama" named Panamá province, the state of a village called San José: from a Costa Rican
    # phone the bot asked between San José, Costa Rica and that village

    seen = understand(knowledge, "estoy en san jose, donde sale el bus para la frontera con panama?", phone_country="CR", lang="es")
    assert seen.place is not None and seen.place.country == "CR" and not seen.ask, seen.as_json()


def test_a_state_beside_the_town_outweighs_a_country_named_elsewhere(knowledge):
    # "in mexico" is where it happened; nor is the country's name far from the town its State of Mexico
    seen = understand(knowledge, "safe now at the shelter in san antonio tx, got robbed last week in mexico but its ok",
                      lang="en", phone_country="VE")
    assert seen.place is not None and (seen.place.name, seen.place.country) == ("San Antonio", "US"), seen.as_json()


# --- a state misspelt right after its town, and a state named before its town (sentences written here) ---------------
@pytest.mark.parametrize("text, lang, phone, name", [
    ("boa vista rorayma, meu filho ta com febre alta", "pt", "VE", "Boa Vista"),
    ("rio branco akre, perdi meus documentos", "pt", "HT", "Rio Branco"),
])
def test_a_town_with_its_state_misspelt_after_it_is_placed(knowledge, text, lang, phone, name):
    assert_at(knowledge, text, name, lang=lang, phone_country=phone)


def test_an_everyday_word_like_a_state_after_a_town_says_no_state():
    assert misspelt_state(["acri"], ["acre"]) and misspelt_state(["rondonha"], ["rondonia"])
    assert not misspelt_state(["senora"], ["sonora"])  # "nogales senora ayudeme": "señora"
    assert not misspelt_state(["par"], ["para"])  # French "par" is a word


@pytest.mark.parametrize("text, lang, name", [
    ("estamos en durango en gomez palacio, nos robaron todo", "es", "Gómez Palacio"),
    ("estoy en oaxaca en juchitan y me asaltaron", "es", "Heroica Ciudad de Juchitán de Zaragoza"),
])
def test_a_state_named_before_its_town_gives_the_town(knowledge, text, lang, name):
    # the state's name is its capital's too: "en durango" was read as the city of Durango, 250 km away
    assert_at(knowledge, text, name, lang=lang, phone_country="HN")


@pytest.mark.parametrize("text, lang, name", [
    ("estoy en chihuahua, en juarez esta mi hermano, mi hijo tiene fiebre", "es", "Chihuahua"),
    ("estoy en oaxaca, en tuxtepec vive mi tia", "es", "Oaxaca"),
    # the person helped, not a relative elsewhere: the town after the state still (a second review)
    ("estamos en chihuahua en juarez, mi esposo no despierta", "es", "Ciudad Juárez"),
    ("en puebla en tehuacan mi hija se desmayo", "es", "Tehuacán"),
])
def test_a_town_of_the_state_where_a_relative_is_said_to_be_is_not_the_writers(knowledge, text, lang, name):
    assert_at(knowledge, text, name, lang=lang, phone_country="HN")  # (a review: the nearest help was the relative's town)
