from bot.places.legs import between_zone, route_ends


def test_between_two_towns_is_at_neither():
    assert {2, 4} <= between_zone("estamos entre tapachula y huixtla".split())


def test_both_ends_of_a_fare_asked_about_are_on_the_road():
    words = "cuanto cuesta el bus de tapachula a la cdmx".split()
    assert route_ends(words, [(5, 6), (8, 9)], set(), "es") == {5, 8}


def test_a_leg_they_came_along_leaves_them_at_its_end():
    words = "vinimos de tapachula a huixtla".split()
    assert route_ends(words, [(2, 3), (4, 5)], set(), "es") == {2}
