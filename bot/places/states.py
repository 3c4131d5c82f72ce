"""The states of the route's countries as people write them: short forms ("Toledo PR", "Juárez Chih")
and names in their languages ("floride", "carolina del norte"), from ``states.yml``."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from bot.datafiles import read_yaml
from bot.places.words import word_zipf
from bot.textnorm import fold

if TYPE_CHECKING:
    from bot.places.gazetteer import Place

STATES_FILE = Path(__file__).resolve().parent / "states.yml"


@functools.cache
def state_abbreviations() -> dict[str, dict[str, str]]:
    doc = read_yaml(STATES_FILE)
    return {str(cc): {fold(str(k)): str(v) for k, v in (table or {}).items()} for cc, table in doc.items() if cc not in ("names", "beside_only")}


@functools.cache
def state_names(section: str = "names") -> dict[str, tuple[str, str]]:
    """A state's name in people's languages ("floride", "carolina del norte") -> (country, GeoNames name); with
    ``section="beside_only"``, the names that say it only beside a town ("nan sid")."""
    doc = read_yaml(STATES_FILE)
    return {fold(str(k)): (str(cc), str(v)) for cc, table in (doc.get(section) or {}).items() for k, v in (table or {}).items()}


def in_state_of(short: str, places: Iterable[Place]) -> bool:
    """Whether one of ``places`` lies in a state whose short form is ``short`` ("palmas" in Paraná: "Palmas PR")."""
    states = {(cc, fold(state)) for cc, table in state_abbreviations().items() if (state := table.get(short))}
    return any((p.country, fold(p.admin1 or "")) in states for p in places)


MISSPELT_STATE_RATIO = 75  # "acri" for Acre, "chiuaua" for Chihuahua, "guanjato" for Guanajuato
EVERYDAY_ZIPF = 3.0  # (not "señora" for Sonora: "nogales senora ayudeme")


def misspelt_state(typed: list[str], key: list[str]) -> bool:
    """``typed`` is the state's name ``key`` with a letter or two wrong, its first right, and no everyday word."""
    said, name = " ".join(typed), " ".join(key)
    return len(typed) == len(key) and len(name) >= 4 and said != name and said[:1] == name[:1] \
        and fuzz.ratio(said, name) >= MISSPELT_STATE_RATIO and word_zipf(said) < EVERYDAY_ZIPF
