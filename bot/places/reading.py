"""What the resolver works on: a message's words and what is known about them, the
conversation's context, and a reading (one span of the message taken as one place)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from bot.places import weights
from bot.places.gazetteer import Place
from bot.places.words import word_zipf
from bot.textnorm import fold

# Abbreviations people type for the first word of a town name.
ABBREVIATIONS = {"cd": "ciudad", "cdad": "ciudad", "sta": "santa", "sto": "santo", "sn": "san", "pto": "puerto",
                 "st": "saint", "ft": "fort", "mt": "mount", "x": "por"}  # ("ando x tenosique": por)
# a dotted short form is one word: "B.C.S." (Baja California Sur), "R.D.", "N.Y."
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+", re.UNICODE)


def _parts(token: str) -> list[str]:
    return fold(token.replace(".", "")).split()
_PAUSE = re.compile(r"\s*[.,;:!?\u2026)(/]|\s+-|-\s")  # a dash between spaces, not in "port-au-prince"
_HYPHEN = re.compile(r"-(?=[^\W\d_])")
_FULL_STOP = re.compile(r"\s*[.!?\u2026]")
_EXCLAIM = re.compile(r"\s*!")


# The countries people cross on the routes north and south, or stay in (Venezuelans in Trinidad and Guyana, Haitians in
# the Bahamas and French Guiana): a town there is likelier than a namesake.
ROUTE_COUNTRIES = frozenset("MX GT HN SV NI CR PA CO VE EC PE CL BR US CA HT DO CU BZ BO AR TT GY BS SR GF GP MQ MF SX".split())
fold_name = functools.lru_cache(maxsize=200_000)(fold)  # town and state names, folded once


@dataclass
class PlaceMatch:
    """What the text says about a place."""

    place: Place | None = None  # the place understood, when one reading is clearly ahead
    mention: str = ""  # the words that named it (or that looked like a place name)
    suggestions: list[Place] = field(default_factory=list)  # choices to ask about, or "did you mean"
    country: str = ""  # a country named in the text ("en mexico"), ISO code
    typo: bool = False  # the place was found despite a typo
    ask: bool = False  # two readings are close: ask which one, with ``suggestions`` as choices
    score: float = 0.0  # the winning reading's evidence
    # in danger, the country of a town the message seems to name without the evidence to take it:
    # never the emergency number's country, but its numbers are shown too (the phone may be foreign)
    maybe_country: str = ""
    # ... and that town's words are a name, no everyday word, on the route: the message surely names it
    # ("salimos de Veracruz hace 6 horas", "ibamos pa monterrey"): likelier where the person is than
    # the phone's country, which is often the one they left
    maybe_named: bool = False
    # towns named, none of them where the person is ("cuanto cuesta el bus de tapachula a la cdmx", "mi
    # hermano está en houston"): the bot asks where they are, it does not call the message an unknown place
    elsewhere: bool = False
    # a town the person is not at yet and asks about ("hay albergue en ipiales? llegamos mañana"): its services are
    # what they asked for, but it is not kept as where they are (a state named with it still says the country)
    ahead: Place | None = None
    # the one country whose agencies the message names ("ICE took my husband", "la patrulla fronteriza nos soltó"):
    # where the person is when nothing else says, before the phone's country (often the one they left)
    agency: str = ""
    # in danger, towns said to be where the person is, surely named but with namesakes in other countries too (with
    # the words that named them): the one in a country the message names is taken (understand._namesake_here)
    namesakes: list[tuple[Place, str]] = field(default_factory=list)


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
    blocked: set[int]  # danger-phrase words, and a currency after a number ("50 quetzales"): never a town
    country_at: dict[int, str]  # word index -> country named there
    country_words: set[int]  # the words that name a country
    pause_after: set[int]  # words followed by punctuation ("Choluteca." "managua,")
    caps_ratio: float  # share of words typed with a capital: high means capitals say nothing
    mentioned: set[str] = field(default_factory=set)  # every country named, whatever the cue before it
    sentence_starts: set[int] = field(default_factory=set)  # words after ". ! ?" (and the first)
    cue_memo: dict[tuple[int, int, str], float] = field(default_factory=dict)  # a span's cue, weighed once
    span_memo: dict[tuple, object] = field(default_factory=dict)  # what a span's namesakes share, found once
    region_at: dict[int, tuple[str, int]] = field(default_factory=dict)  # word index -> (country, words) of a region
    exclaimed: set[int] = field(default_factory=set)  # words followed by "!": "VICTORIA!!" is a cry, no heading
    between: set[int] = field(default_factory=set)  # the words of "entre X y Y": towns the person is between
    capital_at: dict[int, tuple[int, str]] = field(default_factory=dict)  # "capital de guatemala": start -> (end, country)
    named_at: dict[int, str] = field(default_factory=dict)  # word index -> country named there, whatever the cue
    danger: bool = False  # a life at risk: a relative named beside the town is there with the writer
    question: bool = False  # a "?" in the message: "is lima safe?" asks about a town
    agencies: set[str] = field(default_factory=set)  # countries whose agencies the message names ("border patrol")
    hyphened: set[int] = field(default_factory=set)  # words joined to the next by a hyphen: "fort-de-france"
    checkpoint_at: set[int] = field(default_factory=set)  # an article before a checkpoint, lowercase: "en el reten"

    def joined(self, i: int, n: int) -> bool:
        """The words ``i:i+n`` (two or more) are all of a run typed joined by hyphens ("saint-marc")."""
        return n > 1 and all(k in self.hyphened for k in range(i, i + n - 1)) \
            and i - 1 not in self.hyphened and i + n - 1 not in self.hyphened

    def hyphen_typed(self, i: int, n: int) -> bool:
        """The words ``i:i+n`` typed as one name of three words or more, joined by hyphens ("fort-de-france"): a name,
        however everyday its words ("fort", "france")."""
        return n > 2 and self.joined(i, n)
        # (the whole of it: no "saint-bernard" in "saint-bernard-de-lacolle"; and of three words: two are a saint named
        # as a person, a street or a metro stop as often as a town, "Saint-Raphaël m'a protégé", "métro Saint-Michel", or
        # a neighbourhood named like a town abroad, "je suis a bel-air, port-au-prince" is no Bel Air, Maryland)

    def title_typed(self, i: int, n: int) -> bool:
        """A name of several words, each of more than three letters typed with its capital, by someone who does not
        capitalise everything: "by Eagle Pass", "in Piedras Negras" (short words aside: "Fort de France")."""
        typed = [t for t, w in zip(self.originals[i : i + n], self.words[i : i + n], strict=True) if len(w) > 3]
        return n > 1 and len(typed) > 1 and self.caps_ratio < 0.6 and all(t[:1].isupper() and not t.isupper() for t in typed) \
            and not self.hyphened.intersection(range(i, i + n)) and self.words[i] not in weights.SAINT_WORDS
        # (two hyphened words are no name alone: see hyphen_typed; nor a saint's, capitalised as a person's, a parish's)

    def country_end(self, at: int) -> int:
        """Where the country named at ``at`` ends."""
        return next(k for k in range(at + 1, len(self.words) + 1) if k not in self.country_words)


@dataclass(frozen=True)
class Context:
    country_hint: str
    phone_country: str
    previous: Place | None
    expect_place: bool
    lang: str = ""  # the conversation's language: its everyday words weigh most
    danger: bool = False  # a life at risk: the phone's country, the fallback for the emergency number, weighs fully


def population(place: Place, staff: bool) -> int:
    """GeoNames' population; a stop staff added counts as a sizeable town."""
    return place.population or (50_000 if place.kind != "town" or staff else 500)


def tokens(text: str) -> tuple[list[str], list[str], set[int], set[int], set[int]]:
    """The folded words (abbreviations expanded), the words as typed, the words followed by a pause
    ("Choluteca." "managua,"), the words that start a sentence, and the words followed by "!"."""
    words, originals, pause_after, starts, exclaimed, _ = _tokens(text)
    return words, originals, pause_after, starts, exclaimed


def hyphened(text: str) -> set[int]:
    """The words joined to the next by a hyphen, as names are written ("fort-de-france", "saint-georges")."""
    return _tokens(text)[5]


def _tokens(text: str) -> tuple[list[str], list[str], set[int], set[int], set[int], set[int]]:
    originals: list[str] = []
    words: list[str] = []
    pause_after: set[int] = set()
    starts: set[int] = {0}
    exclaimed: set[int] = set()
    joined: set[int] = set()
    for m in _TOKEN.finditer(text):
        for part in _parts(m.group()):
            originals.append(m.group().rstrip("."))
            words.append(part)
        if _HYPHEN.match(text, m.end()):
            joined.add(len(words) - 1)
        if _PAUSE.match(text, m.end()):
            pause_after.add(len(words) - 1)
        if _EXCLAIM.match(text, m.end()):
            exclaimed.add(len(words) - 1)
        if _FULL_STOP.match(text, m.end()):
            starts.add(len(words))
    words = [ABBREVIATIONS.get(w, w) if i + 1 < len(words) else w for i, w in enumerate(words)]
    return words, originals, pause_after, starts, exclaimed, joined


_BREAK = re.compile(r"\s*[.,;:!\u2026]")  # a question mark asks about what came before: no break ("en X? llegamos mañana")


def clause_breaks(text: str) -> set[int]:
    """The words (as :func:`tokens` counts them) followed by a stop, a comma or "!", not by "?"."""
    return _followed_by(text, _BREAK)


_ASKED = re.compile(r"\s*\?")


def asked(text: str) -> set[int]:
    """The words (as :func:`tokens` counts them) followed by "?"."""
    return _followed_by(text, _ASKED)


def _followed_by(text: str, mark: re.Pattern[str]) -> set[int]:
    found: set[int] = set()
    n = 0
    for m in _TOKEN.finditer(text):
        n += len(_parts(m.group()))
        if mark.match(text, m.end()):
            found.add(n - 1)
    return found


def _first_word_of_name(r: Reading, o: Reading, words: list[str], capitals: frozenset[int], home: str = "") -> bool:
    """``r`` opens a longer town's whole name written out: "in the Rio Grande" is no Rio de Janeiro, "eagle pass" no
    Eagle, Idaho, "Panama City Beach" no Panama City, however the longer name scores (the river is no town either). A
    name of several words gives way only to words that name: no everyday words, or typed with capitals unless it is a
    town of the phone's country (``home``): "la paz centro", "San Antonio Oeste" may be the centre, the west of it."""
    return o.start == r.start and o.end > r.end and not o.typo and \
        (r.end - r.start == 1 or (o.place.population >= weights.RARE_NAME_POPULATION and all(
            (k in capitals and r.place.country != home) or word_zipf(words[k]) < weights.NAME_WORD_ZIPF for k in range(r.end, o.end)))) and \
        fold_name(o.place.name) == " ".join(words[o.start : o.end])


def best(readings: list[Reading], words: list[str] | None = None, capitals: frozenset[int] = frozenset(),
         home: str = "") -> list[Reading]:
    """One reading per place, best first; a name inside a longer name that reads well gives way (``capitals``: the
    words typed with a capital; ``home``: the phone's country)."""
    if words is not None:
        kept = []
        spans: dict[tuple[int, int], list[Reading]] = {}
        for r in readings:
            spans.setdefault((r.start, r.end), []).append(r)
        around = {s: [o for t, group in spans.items() if t[0] <= s[0] and s[1] <= t[1] and t[1] - t[0] > s[1] - s[0]
                      for o in group] for s in spans}  # the readings of the longer names around each span
        states_ending = {}  # word index -> the states of the readings that end there
        for o in readings:
            states_ending.setdefault(o.end, set()).add(fold_name(o.place.admin1))
        for r in readings:
            if any(o.place.key != r.place.key
                   and (o.score >= r.score - (weights.W_INSIDE_LONGER if r.typo or not o.typo else 0.0)
                        or _first_word_of_name(r, o, words, capitals, home))
                   for o in around[(r.start, r.end)]):
                continue
            state = " ".join(words[r.start : r.end])
            if state in states_ending.get(r.start, ()) or state in states_ending.get(r.start - 1, ()):
                r = Reading(r.place, r.start, r.end, r.score + weights.W_STATE_OF_NEIGHBOUR, r.typo, r.located, r.rare, r.context)
            kept.append(r)
        readings = kept
    longer = [o for o in readings if o.end - o.start > 1]  # only a name of two words or more holds another
    for r in readings:
        # "fugi de ciudad juarez": "juarez" alone does not escape the cue before "ciudad"; nor does another town
        # inside a longer name ("na estrada pra nuevo laredo": not Laredo, Texas)
        outer = [o.score for o in longer if o.start < r.start and r.end <= o.end and (o.rare or o.place.key == r.place.key)
                 and not (words and o.place.key == r.place.key and o.start == r.start - 1 and words[o.start] in weights.NAME_ARTICLE)]
        # ("on est aux cayes": "aux" is the name's own article fused with "à"; the cue before "cayes" is the town's)
        if outer:
            r.score = min(r.score, max(outer))
    by_place: dict[str, Reading] = {}
    again: set[str] = set()
    for r in readings:
        held = by_place.get(r.place.key)
        if held is None or r.score > held.score:
            by_place[r.place.key] = r
        if held is not None:  # "cd hidalgo chiapas": the evidence of either span says it is a place
            by_place[r.place.key].located = held.located or r.located
            if words is not None and (r.rare or held.rare) and (r.end <= held.start or held.end <= r.start) \
                    and words[r.start : r.end] != words[held.start : held.end]:
                again.add(r.place.key)  # "san jose ... en la terminal 7-10": named again by other words
    for key in again:
        by_place[key].score += weights.W_NAMED_AGAIN
    return sorted(by_place.values(), key=lambda r: (r.score, r.place.population), reverse=True)


KREYOL_SUBJECTS = frozenset("m mwen n nou yo li l ou w".split())


def article_dropped(place: Place, gram: str, before: str) -> bool:
    """A Kreyòl verb right after its subject that is a town's name without its article ("nou monte bis la": we got on the
    bus, not El Monte): its fame is the name's with the article, so it explains nothing of the verb's frequency.
    Elsewhere people drop the article of towns they know ("estoy en progreso", "m nan romana", "we in vegas")."""
    name = fold_name(place.name).split()
    return before in KREYOL_SUBJECTS and len(name) > 1 and name[0] in weights.DEFINITE and " ".join(name[1:]) == gram
