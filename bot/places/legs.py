"""A leg of the journey named in a message: "entre Tapachula y Huixtla", "de Tapachula a la CDMX",
"from Necoclí to Capurganá". The towns at its ends are on the road, not where the person is, unless
the words say they came or crossed ("venimos de X a Y": at Y).
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.places.cues import ARTICLES, any_phrase, cue_kind, cue_words, cues, cues_in
from bot.places.gazetteer import Place
from bot.places.reading import Message, Reading, fold_name

# Landmark words that are also the way: "los buses de cucuta a bogota" is a leg ("la station de X à Y" is not).
VEHICLES = frozenset("bus buses autobuses camiones onibus bis otobis".split())


def between_zone(words: list[str]) -> set[int]:
    """The words of "entre X y Y", "between X and Y": two towns on the road, the person at neither."""
    zone: set[int] = set()
    starts, joins = cue_words("between"), cue_words("between_and")
    for b, w in enumerate(words):
        if w in starts:
            join = next((j for j in range(b + 2, min(b + 7, len(words))) if words[j] in joins), None)
            if join is not None:
                zone.update(range(b + 1, min(join + 5, len(words))))
    return zone


def route_ends(words: list[str], spans: Iterable[tuple[int, int]], country_words: set[int], lang: str = "",
               names: set[int] | None = None) -> set[int]:
    """Where the names at either end of a leg of the journey start: "de Tapachula a la CDMX", "from
    Necoclí to Capurganá", "sot Tapachula rive Meksiko", or without "from" in a question of distance or fare
    ("houston to atlanta one way how much"): neither is where the person is, unless they came, arrived or
    crossed ("venimos de X a Y", "passé de X à Y": at Y). ``names``: where a span the message itself names as
    a town starts (without "from", a leg's far end must be one: "en tecun uman a la orilla del rio, cuanto
    cobran" is at the riverbank, no road to La Orilla)."""
    spans = list(spans)
    starts = {s for s, _e in spans} | set(country_words)
    named = starts if names is None else (names & starts) | set(country_words)
    froms = {p[0] for p in (cues_in("route_from", lang) if lang else cues("route_from"))}
    tos = cues_in("route_to", lang) if lang else cues("route_to")
    # "how far is mexicali to tijuana", "arica é perto de tacna?": a question of the road needs no "from"
    asked = any_phrase(words, "route_question", lang) or any_phrase(words, "route_near", lang)
    if asked:
        tos = tos | (cues_in("route_near", lang) if lang else cues("route_near"))
    ends: set[int] = set()
    for s, e in spans:
        if not asked and (s == 0 or words[s - 1] not in froms):
            continue
        if s >= 2 and words[s - 2] in cue_words("area_of"):
            continue  # "dans la région de Montréal, à Longueuil": the area around the town, no leg from it
        if any(w in cue_words("landmark") and w not in VEHICLES for w in words[max(0, s - 4) : s - 1]):
            continue  # "à la station migratoire de San Vicente à Metetí": the station of the place, no leg from it
        for to in tos:
            k = e + len(to)
            if tuple(words[e:k]) != to:
                continue
            k += 1 if k < len(words) and words[k] in ARTICLES else 0
            if k in starts and (k in named or (s > 0 and words[s - 1] in froms)):
                ends.add(s)
                if not any(any_phrase(words[max(0, s - 7) : s], kind, lang) for kind in ("came", "arrival", "route_crossed")):
                    ends.add(k)
            break
    return ends


def leg_spans(readings: list[Reading], words: list[str], region_at: dict) -> list[tuple[int, int]]:
    """The names a leg may join: not the state of another town named ("de Metetí au Darién" is no leg)."""
    return [(r.start, r.end) for r in readings if r.start not in region_at or not any(
        o.start != r.start and fold_name(o.place.admin1) == " ".join(words[r.start : r.end]) for o in readings)]


def asked_there(msg: Message, readings: list[Reading], lang: str) -> Place | None:
    """The one town the person goes to and asks about "there": "vamos pa oaxaca, hay albergue alla?" (its services are
    what they asked for; it is not where they are)."""
    if not msg.question:
        return None
    ahead = {r.place.key: r.place for r in readings if r.rare and cue_kind(msg.words, r.start, lang) == "destination"
             and any_phrase(msg.words[r.end :], "there_word", lang)}
    return next(iter(ahead.values())) if len(ahead) == 1 else None
