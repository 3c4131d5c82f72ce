from bot.places.legs import between_zone, route_ends


def test_between_two_towns_is_at_neither():
    assert {2, 4} <= between_zone("estamos entre tapachula y huixtla".split())


def test_both_ends_of_a_fare_asked_about_are_on_the_road():
    words = "cuanto cuesta el bus de tapachula a la cdmx".split()
    assert route_ends(words, [(5, 6), (8, 9)], set(), "es") == {5, 8}


def test_a_leg_they_came_along_leaves_them_at_its_end():
    words = "vinimos de tapachula a huixtla".split()
    assert route_ends(words, [(2, 3), (4, 5)], set(), "es") == {2}


def test_a_question_of_distance_or_fare_needs_no_from():
    # "how far is mexicali to tijuana" took Mexicali as where the person is
    words = "how far is mexicali to tijuana".split()
    assert route_ends(words, [(3, 4), (5, 6)], set(), "en") == {3, 5}
    words = "arica e perto de tacna quero atravessar pro chile".split()
    assert route_ends(words, [(0, 1), (4, 5)], set(), "pt") == {0, 4}


def test_without_a_question_two_towns_need_from():
    words = "estoy en tapachula a huixtla no se".split()
    assert route_ends(words, [(2, 3), (4, 5)], set(), "es") == set()
