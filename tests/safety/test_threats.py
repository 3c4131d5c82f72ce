"""A threat of a beating, before it happens, is danger too: the emergency number comes first."""

import pytest

from bot.safety.danger import check


@pytest.mark.parametrize("text", [
    "gen yon nonm ki vle bat mwen nan abri a",
    "un señor del albergue me quiere pegar",
    "o cara do abrigo quer me bater",
    "a guy here keeps saying he is going to hurt me",
    "il veut me frapper",
    "m vle kite Tapachula, bandi ap menase nou",  # bandits threatening: the menu came back (talk, 2026-12-06)
    "gang yo ap chache m, m kache",
])
def test_threats_are_violence(text):
    found = check(text)
    assert found is not None and found.kind == "violence"


@pytest.mark.parametrize("text", ["I want to beat the record", "quiero pegar un cartel", "m vle bat kat", "se yon gang mizik",
                                  "bandi yo fe lari a danjere, eske gen bis pou Okap"])
def test_ordinary_uses_are_not(text):
    assert check(text) is None
