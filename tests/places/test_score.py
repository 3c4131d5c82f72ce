"""One reading's points (``bot.places.score``): each kind of evidence moves them the way it should."""

from bot.places import weights
from bot.places.reading import Context


def _score(knowledge, text, name, lang="es", phone="", typo=False):
    resolver = knowledge.places
    msg = resolver._message(text, lang)
    words = name.split()
    i = next(k for k in range(len(msg.words)) if msg.words[k : k + len(words)] == words)
    place = resolver.candidates(name)[0]
    return resolver._score(msg, Context("", phone, None, False, lang), place, i, len(words), name, False,
                           place.population, resolver.candidates(name), typo=typo)


def test_where_the_person_is_counts_for_the_town_where_they_come_from_against(knowledge):
    here = _score(knowledge, "estamos en tapachula con los niños", "tapachula")
    came = _score(knowledge, "venimos desde tapachula con los niños", "tapachula")
    assert here > came


def test_the_state_right_after_the_town_counts_for_it(knowledge):
    assert _score(knowledge, "estamos en david chiriqui", "david") > _score(knowledge, "estamos en david", "david")


def test_a_name_read_as_a_typo_scores_less_than_the_name_itself(knowledge):
    text = "estamos en tapachula"
    assert weights.W_TYPO < 0
    assert _score(knowledge, text, "tapachula", typo=True) < _score(knowledge, text, "tapachula")


def test_an_everyday_word_counts_against_a_town_of_that_name(knowledge, monkeypatch):
    # "salud" is a word people write every day: its frequency costs the town points a city's name does not pay
    salud, monterrey = _score(knowledge, "necesito salud", "salud"), _score(knowledge, "necesito monterrey", "monterrey")
    monkeypatch.setattr(weights, "W_COMMON", 0.0)
    assert _score(knowledge, "necesito salud", "salud") > salud
    assert _score(knowledge, "necesito monterrey", "monterrey") == monterrey
