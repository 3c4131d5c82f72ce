"""The word frequencies the resolver weighs names by (bot.places.words)."""

from bot.places.gazetteer import TOWNS_FILE
from bot.places.words import frequency_sources, word_zipf


def test_the_table_is_rebuilt_when_a_town_is_added():
    # the cached table keeps only the words of town names: one kept from before towns.yml gained a town called its
    # name rare, and an everyday word read as that town on the machine that had the old table only
    assert TOWNS_FILE.resolve() in [p.resolve() for p in frequency_sources()]


def test_a_town_added_by_hand_has_its_everyday_words_frequency():
    assert word_zipf("bouillante", "fr") >= 2.5  # boiling (Bouillante, Guadeloupe)
