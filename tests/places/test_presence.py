"""bot.places.presence: what a message says of the conversation's last place."""

import pytest

from bot.places.presence import (
    arrived_alone,
    arrives_later,
    left_town,
    moving,
    not_there,
    still_here,
)
from bot.places.reading import tokens


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


def test_on_the_move_and_arrived_somewhere_not_named():
    assert moving(words("nos montaron en el bus"), "es")
    assert arrived_alone(words("ya llegamos!!"))
    assert not arrived_alone(words("ya llegamos a tapachula"))


@pytest.mark.parametrize("text, lang, expected", [
    ("en ipiales hay albergue? nos faltan como 2 horas pa llegar", "es", True),
    ("mañana llegamos a turbo", "es", True),
    ("we will reach yaviza maybe tomorrow", "en", True),
    ("èske gen abri nan monterrey? n ap pati demen", "ht", True),
    ("em capurganá tem hospital? chegamos amanhã", "pt", True),
    ("llegamos ayer a tapachula, mañana nos vamos", "es", False),  # arrived; leaving tomorrow
    ("chegamos em necocli!! amanha a gente pega o barco pra capurgana", "pt", False),  # a pause between
    ("nou rive san jose aswe a, costa rica", "ht", False),  # Kreyol "nou rive" is past
])
def test_arriving_later_is_not_there_yet(text, lang, expected):
    w, _, pause_after, _, exclaimed = tokens(text)
    assert not_there(w, lang, pause_after | exclaimed) is expected


def test_the_arrival_verb_right_before_a_town_with_a_word_for_later():
    w = words("on arrive à Yaviza demain peut-être")
    assert arrives_later(w, at=w.index("yaviza")) and not arrives_later(w, at=0)
