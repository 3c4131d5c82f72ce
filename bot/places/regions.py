"""Regions people name where no town is: a state or department ("seguimos en chiapas", "nou nan
texas"), or the jungle, desert or mountains of one ("la selva del darien", "the arizona desert").

A region says which country the person is in (in danger: which emergency number) but gives no
point to search around. The names are the states and departments of the route's countries that
belong to one country only, from the gazetteer, and the few natural regions below.

Many state names are also everyday words or people's names (Nord, Capital, Valle, Guerrero,
Herrera): a name counts only where the words around it make it a place (:func:`find`).
"""

from __future__ import annotations

import functools
from typing import Any

from bot.places import weights
from bot.places.cues import cue_kind, cue_score
from bot.places.words import word_zipf
from bot.textnorm import fold

# Regions of the route that are no state: the name people use, and its country.
NATURAL = {"uraba": "CO", "lacandona": "MX", "mosquitia": "HN", "darien gap": "PA"}
# The land people cross: "la selva del darien", "el desierto de sonora", "nan dezè arizona".
FEATURES = frozenset(fold(w) for w in (
    "selva jungla monte desierto sierra montaña montañas bosque trocha "  # es
    "jungle desert forest mountains mountain woods wilderness "  # en
    "forêt désert montagne montagnes brousse "  # fr
    "forè dezè mòn bwa jeng "  # ht
    "mata floresta deserto mato serra trilha".split()))  # pt
LINKS = frozenset("de del do da dos das du des of la le el a the".split())
# A name this common in the message's language is a word first ("para", "nacional", "centre").
WORD_ZIPF = 5.0
# Below this a name is no everyday word nor a famous name (darien, tachira): it counts on its own.
RARE_ZIPF = 3.0
MAX_WORDS = 4
# The words before say someone else is there or they are going there (an article alone costs less).
NOT_HERE = -2.5
# A state named like a town of its own country this big is left to the town readings ("escuintla",
# "merida", "cartago" are cities first); a smaller namesake is read as the state ("tabasco").
OWN_TOWN_POPULATION = 20_000
# ... and one named like a city of another country is that city first ("santiago", "santa rosa").
OTHER_CITY_POPULATION = 100_000


@functools.lru_cache(maxsize=2)
def names(gazetteer: Any, route: frozenset[str]) -> dict[str, str]:
    """Folded region name -> its country: the states of ``route`` countries that one country has."""
    countries: dict[str, set[str]] = {}
    for p in gazetteer.places:
        if p.admin1 and p.country in route:
            countries.setdefault(fold(p.admin1), set()).add(p.country)
    table = {name: next(iter(cs)) for name, cs in countries.items() if len(cs) == 1 and len(name) >= 4}
    for name, country in list(table.items()):
        if any((p.country == country and p.population >= OWN_TOWN_POPULATION and fold(p.name) == name)
               or (p.country != country and p.population >= OTHER_CITY_POPULATION)
               for p in gazetteer.by_name.get(name, ())):
            del table[name]
    table.update(NATURAL)
    return table


def _beside_feature(words: list[str], i: int, n: int) -> bool:
    """A land word right before ("selva del darien", "dezè arizona") or after ("arizona desert")."""
    k = i - 1
    while k >= 0 and i - k <= 3 and words[k] in LINKS:
        k -= 1
    return (k >= 0 and i - k <= 3 and words[k] in FEATURES) or (i + n < len(words) and words[i + n] in FEATURES)


def find(words: list[str], table: dict[str, str], lang: str = "", skip: set[int] = frozenset()) -> dict[int, tuple[str, int]]:
    """Word index -> (country, number of words) of each region named where the person is."""
    found: dict[int, tuple[str, int]] = {}
    covered: set[int] = set(skip)
    for n in range(MAX_WORDS, 0, -1):
        for i in range(len(words) - n + 1):
            span = set(range(i, i + n))
            name = " ".join(words[i : i + n])
            country = table.get(name)
            if country is None or span & covered:
                continue
            kind = cue_kind(words, i, lang)
            if kind in ("origin", "destination") or cue_score(words, i, lang, n) <= NOT_HERE:
                continue  # "venimos de chiapas", "vamos pa texas", "mi hermano esta en texas"
            # a name of everyday words ("madre de dios", "nuevo leon") is as common as its rarest word
            zipf = min((word_zipf(w, lang) for w in words[i : i + n] if w not in LINKS), default=0.0)
            feature = _beside_feature(words, i, n)
            article = i > 0 and words[i - 1] in ("la", "el", "le", "the", "o", "a")
            if n == 1 and zipf >= WORD_ZIPF and not feature:
                continue
            if zipf >= RARE_ZIPF and not feature and (kind not in ("current", "preposition")
                                                       or (article and zipf >= weights.ARTICLE_NOUN_ZIPF)):
                continue  # "guerrero", "valle", "herrera": only "en guerrero" ("el tachira" too), never "el valle"
            found[i] = (country, n)
            covered |= span
    return found
