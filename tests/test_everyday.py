"""bot.everyday: the everyday words of es, en, fr and pt, from wordfreq (not a hand-kept list)."""

from bot.everyday import is_everyday


def test_everyday_words_of_each_language_are_known():
    assert all(is_everyday(w) for w in ("pagar", "mochila", "coute", "depois", "pushing", "ambulante"))


def test_misspellings_and_rare_words_are_not():
    assert not any(is_everyday(w) for w in ("sangrndo", "secuestar", "tapachula", "pegarr"))
