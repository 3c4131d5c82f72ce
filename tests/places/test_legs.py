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


def test_no_leg_ends_at_the_state_of_the_town_named():
    # "nous sommes au camp de migrants de Metetí au Darién": Metetí is in the Darién, not on the road to it
    from bot.places.gazetteer import Place
    from bot.places.legs import leg_spans
    from bot.places.reading import Reading

    words = "de meteti au darien".split()
    meteti = Reading(Place("Metetí", "PA", 8.5, -77.98, "America/Panama", 2298, "Darién"), 1, 2, 5.0)
    darien = Reading(Place("Darien", "US", 41.08, -73.47, "America/New_York", 20732, "Connecticut"), 3, 4, 1.0)
    spans = leg_spans([meteti, darien], words, {3: ("PA", 1)})
    assert spans == [(1, 2)] and route_ends(words, spans, set(), "fr") == set()


def test_without_from_the_far_end_must_name_a_town():
    # "en tecun uman a la orilla del rio, cuanto cobran": at the riverbank, no road to La Orilla
    words = "en tecun uman a la orilla del rio cuanto cobran".split()
    assert route_ends(words, [(1, 3), (5, 8)], set(), "es", names={1}) == set()
    assert route_ends(words, [(1, 3), (5, 8)], set(), "es", names={1, 5}) == {1, 5}


def test_a_landmark_of_a_town_is_no_leg_even_in_a_question_of_fare():
    words = "nous sommes au camp de san vicente a meteti le bus c est combien".split()
    assert route_ends(words, [(5, 7), (8, 9)], set(), "fr") == set()
