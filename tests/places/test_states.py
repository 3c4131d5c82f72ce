from bot.places.states import state_abbreviations, state_names


def test_a_states_short_form_and_its_name_in_another_language():
    assert state_abbreviations()["MX"]["chih"] == "Chihuahua"
    assert state_names()["floride"] == ("US", "Florida")
