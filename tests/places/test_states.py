from bot.places.states import state_abbreviations, state_names
from bot.places.understand import understand


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
