"""What the resolver works on: a message's words and what is known about them, the
conversation's context, and a reading (one span of the message taken as one place)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.places.gazetteer import Place


@dataclass
class Reading:
    place: Place
    start: int
    end: int
    score: float
    typo: bool = False
    located: bool = False  # the message itself says it is a place (a cue, capitals, the state, ...)
    rare: bool = False  # the words are a name, not everyday words: a landmark for the other readings
    context: float = 0.0  # the part of ``score`` the person's phone and conversation gave


@dataclass
class Message:
    words: list[str]  # folded, abbreviations expanded
    originals: list[str]  # as typed
    blocked: set[int]  # danger-phrase words
    country_at: dict[int, str]  # word index -> country named there
    country_words: set[int]  # the words that name a country
    pause_after: set[int]  # words followed by punctuation ("Choluteca." "managua,")
    caps_ratio: float  # share of words typed with a capital: high means capitals say nothing
    mentioned: set[str] = field(default_factory=set)  # every country named, whatever the cue before it
    sentence_starts: set[int] = field(default_factory=set)  # words after ". ! ?" (and the first)
    cue_memo: dict[tuple[int, int, str], float] = field(default_factory=dict)  # a span's cue, weighed once


@dataclass(frozen=True)
class Context:
    country_hint: str
    phone_country: str
    previous: Place | None
    expect_place: bool
    lang: str = ""  # the conversation's language: its everyday words weigh most


def population(place: Place, staff: bool) -> int:
    """GeoNames' population; a stop staff added counts as a sizeable town."""
    return place.population or (50_000 if place.kind != "town" or staff else 500)
