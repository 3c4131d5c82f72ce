"""bot.places.presence: what a message says of the conversation's last place."""

import pytest

from bot.places.presence import (
    arrived_alone,
    arrives_later,
    arriving_later,
    departed,
    dont_know,
    left_town,
    moving,
    not_there,
    still_here,
)
from bot.places.reading import clause_breaks, tokens


def words(text):
    return tokens(text)[0]


@pytest.mark.parametrize("text, lang", [("sigo aqui, no hemos salido", "es"), ("still here same place", "en"),
                                        ("nou toujou la", "ht")])
def test_still_here(text, lang):
    assert still_here(words(text), lang)


@pytest.mark.parametrize("text, lang, expected", [("aunque no este alla todavia", "es", True),
                                                  ("we are not there yet", "en", True),
                                                  ("ya no estoy alla", "es", False)])  # "no longer": left_town's
def test_not_there_yet_is_not_no_longer(text, lang, expected):
    assert not_there(words(text), lang) is expected


def test_left_the_last_town():
    assert left_town(words("ya no estoy en tapachula"), ["tapachula"])
    assert not left_town(words("ya no estoy en el albergue"), ["tapachula"])


@pytest.mark.parametrize("text, lang, expected", [
    ("ya nos salimos de ahi, vamos en camino", "es", True), ("left already, on the road", "en", True),
    ("non nou deja pati", "ht", True), ("nao, ja saimos dai", "pt", True), ("on est partis ce matin", "fr", True),
    ("left this morning, we are on the road now", "en", True), ("nou soti la pou n al achte manje", "ht", False),
    ("i left for work", "en", False), ("saimos hoje cedo pra trabalhar", "pt", False),
    # an object after the verb, or it did not happen (yet): no
    ("salimos a comprar comida y nos asaltaron", "es", False), ("we left the shelter, they were rude", "en", False),
    ("m kite pitit mwen lakay", "ht", False), ("nos robaron cuando salimos", "es", False), ("ainda nao saimos", "pt", False),
    ("si salimos nos agarran", "es", False)])
def test_departed_without_naming_the_place(text, lang, expected):
    toks = tokens(text)
    assert departed(toks[0], lang, toks[2]) is expected


def test_on_the_move_and_arrived_somewhere_not_named():
    assert moving(words("nos montaron en el bus"), "es")
    assert arrived_alone(words("ya llegamos!!"))
    assert not arrived_alone(words("ya llegamos a tapachula"))


@pytest.mark.parametrize("text, lang, town, expected", [
    ("hay albergue en ipiales? llegamos mañana", "es", "ipiales", True),  # a question mark is no break
    ("mañana llegamos a turbo", "es", "turbo", True),
    ("we will reach yaviza maybe tomorrow", "en", "yaviza", True),
    ("èske gen abri nan monterrey? n ap rive demen", "ht", "monterrey", True),
    ("em capurganá tem hospital? chegamos amanhã", "pt", "capurgana", True),
    ("llegamos ayer a tapachula, mañana nos vamos", "es", "tapachula", False),  # arrived; leaving tomorrow
    ("chegamos em necocli!! amanha a gente pega o barco pra capurgana", "pt", "necocli", False),  # a break between
    ("tapachula! ya llegamos, mañana llegamos a la comar temprano", "es", "tapachula", False),
    ("necesito comida en tapachula, mi esposo llega mañana", "es", "tapachula", False),  # not the writer
    ("je suis arrivé ce soir à Tapachula, où dormir?", "fr", "tapachula", False),  # "arrivé", folded, is past
    ("gen abri nan tapachula pou aswe a? n ap pati demen maten", "ht", "tapachula", False),  # leaving: still there
])
def test_arriving_later_in_the_towns_clause(text, lang, town, expected):
    w = words(text)
    assert arriving_later(w, lang, clause_breaks(text), w.index(town)) is expected


def test_the_arrival_said_right_before_a_town():
    w = words("mañana llegamos a turbo")
    assert arrives_later(w, set(), w.index("turbo"), "es") and not arrives_later(words("llegamos a turbo"), set(), 2, "es")


@pytest.mark.parametrize("text, lang, expected", [
    ("no se, no conozco aqui", "es", True), ("nose", "es", True), ("idk", "en", True), ("no idea. we walked all night", "en", True),
    ("je sais pas", "fr", True), ("m pa konnen", "ht", True), ("não sei, chegamos de noite", "pt", True),
    ("no se si hay albergue aqui", "es", False),  # "I don't know if": no pause after it
    ("i dont know what to do", "en", False), ("necesito comida, no se", "es", False)])  # only as the answer's start
def test_i_do_not_know_as_the_answer(text, lang, expected):
    w, _, pause_after, _, exclaimed = tokens(text)
    assert dont_know(w, pause_after | exclaimed, lang) is expected
