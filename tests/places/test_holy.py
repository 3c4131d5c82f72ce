"""bot.places.holy: holy names, never where the person is."""

from bot.places.holy import after_holy_title, saint_invoked


def never_big(_name: str) -> bool:
    return False


def test_the_name_after_a_title_of_the_virgin_is_hers():
    words = "que la virgen de guadalupe nos cuide".split()
    assert 4 in after_holy_title(words)  # "guadalupe"


def test_a_saint_asked_in_a_prayer_is_blocked():
    assert saint_invoked("sen jozef pwoteje nou".split(), "ht", set(), never_big) == {0, 1}
    assert saint_invoked("san judas nos proteja".split(), "es", set(), never_big) == {0, 1}


def test_a_saint_after_a_place_cue_or_before_a_pause_or_a_telling_is_a_town():
    assert saint_invoked("estamos en san jose nos proteja".split(), "es", set(), never_big) == set()
    assert saint_invoked("san jose nos proteja".split(), "es", {1}, never_big) == set()  # "San José, nos proteja..."
    assert saint_invoked("san pedro nos protege la iglesia".split(), "es", set(), never_big) == set()


def test_a_city_of_half_a_million_is_the_city():
    assert saint_invoked("santo domingo nos proteja".split(), "es", set(), lambda name: name == "santo domingo") == set()
