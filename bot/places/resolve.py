"""Find the place a person means, in free text or from coordinates, by weighing evidence.

Every word sequence of the message that names a town (the GeoNames gazetteer, or a stop or
alias staff added in ``knowledge/places``) is a candidate, and each reading (that span, that
town) collects evidence for and against:

* the words before it: "estoy en", "nou nan", "je suis à" (where the person *is*) count for it;
  "desde", "sot", "from" (where they come *from*), "rumbo a", "to" (where they go), "mi hermano
  está en" (where someone else is) and "mi hija" (a person's name follows) count against;
* how ordinary the words are in everyday language (``words.Commonness``: wordfreq and the bot's
  own training data), set against the town's size: "salud" is a word, "Monterrey" a city;
* the town's population, capitals in the original text, a message that is only the name;
* the country named in the message, the state or department named beside the town, a country
  named whose border the town is on, the country of the phone number, the conversation's
  country and last place, the message's language (Portuguese: Brazil), and the migration route;
* the message's shape: a leg of the journey ("de Tapachula a la CDMX": neither end), a town the person
  says they are in (it outweighs the others named), the side of a border named ("laredo del lado
  mexicano": the town on that side), a country's capital ("la capital de Guatemala"; ``message.py``).

A reading counts only when the message itself places it (``located.py``): a cue before it, a
name standing as its own clause, capitals, its state or country named, or a name rarer than
any everyday word (the population alone never makes a word a town). The weights are set by hand
and were checked by a coordinate search on the first evaluation set (a move kept only when it
helped both halves of it), which moved only W_HEADING. The best reading wins when it is clearly
ahead; when two readings in two countries are close the bot asks with numbered choices (within
one country it takes the better one); danger words and cries for help are never places. Where
the knowledge has services only breaks an exact tie.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from typing import Any

from bot.everyday import is_everyday
from bot.places import regions, weights
from bot.places.around import NOW_WORDS
from bot.places.context import ContextEvidence
from bot.places.cues import ARTICLES, any_phrase, cue_kind, said_near
from bot.places.danger_country import DangerCountry
from bot.places.gazetteer import Gazetteer, Place, haversine_km
from bot.places.legs import asked_there, leg_spans, route_ends
from bot.places.located import Located
from bot.places.message import (
    MessageReading,
    other_countries,
    other_names,
    shown_only,
)
from bot.places.near import near_the_opener
from bot.places.presence import deported
from bot.places.reading import ABBREVIATIONS, ROUTE_COUNTRIES, PlaceMatch, article_dropped  # noqa: F401 (PlaceMatch: bot.places.resolve.PlaceMatch)
from bot.places.reading import Context as _Context
from bot.places.reading import Message as _Message
from bot.places.reading import Reading as _Reading
from bot.places.reading import best as best_readings
from bot.places.reading import fold_name as _fold_name
from bot.places.reading import population as _population
from bot.places.score import Scoring
from bot.places.sides import BorderSides
from bot.places.typos import TypoReadings
from bot.places.weights import MAX_NAMESAKES
from bot.places.words import PREFIXES, Commonness, is_danger_word, word_zipf
from bot.places.written import WrittenNames
from bot.textnorm import fold

MAX_WORDS = 5
ABBREVIATED = 3  # a word this short before a full stop may be cut short ("St.", "Cd.", "Sta."): no sentence ends there
# ... and these longer ones ("Gral. Escobedo", "Cdad. del Este", "Pdte. Franco")
CUT_SHORT = frozenset((*ABBREVIATIONS, "gral", "cnel", "pdte", "pres", "mcal", "gdor", "gob", "prof", "avda", "prov",
                       "dpto", "depto", "mun", "ing", "lic"))
# A shared location is kept (place slot) to 2 decimals, about 1 km: enough to rank services,
# too coarse to find the person's door.
COORDINATE_DECIMALS = 2


@functools.lru_cache(maxsize=2)
def _state_countries(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """The folded names of the states and departments of the route's countries, and their countries (once per process)."""
    table: dict[str, set[str]] = {}
    for p in gazetteer.places:
        if p.admin1 and p.country in ROUTE_COUNTRIES:
            table.setdefault(_fold_name(p.admin1), set()).add(p.country)
    return {name: frozenset(cs) for name, cs in table.items()}


@functools.lru_cache(maxsize=2)
def _state_names(gazetteer: Gazetteer) -> frozenset[str]:
    """The folded names of the states and departments of the route's countries (once per process: read per reading)."""
    return frozenset(_state_countries(gazetteer))


def _somewhere_in(words: list[str], i: int, lang: str) -> bool:
    """ "somewhere in" right before ``i`` ("somewhere in veracruz", "yon kote nan Veracruz"): a state, the town unknown."""
    return any_phrase(words[max(0, i - 5) : i], "somewhere", lang)


def _agency(msg: _Message, place: Place, namesakes: list[Place]) -> float:
    """An agency of the town's country named, of namesakes in several: "dropped off in san antonio by border patrol"."""
    return weights.W_AGENCY if namesakes and place.country in msg.agencies and any(q.country != place.country for q in namesakes) \
        else 0.0


def _outplaced(r: _Reading, readings: list[_Reading]) -> bool:
    """A namesake on the same words, in another country, scores well above ``r`` by what the conversation says (its
    last place, an agency; more than the phone's country alone) though the message does not place it: then ``r``,
    placed only by its size, is no answer either ("on a quitté cayenne, on est sur la route de saint-laurent": not
    Québec's Saint-Laurent)."""
    return any(o.start == r.start and o.end == r.end and not o.located and o.context >= weights.OUTPLACED_CONTEXT
               and o.place.country != r.place.country and o.score >= r.score + weights.OUTPLACED for o in readings)


class PlaceResolver(Scoring, TypoReadings, ContextEvidence, DangerCountry, MessageReading, BorderSides, WrittenNames, Located):
    """Resolves places against the gazetteer plus the knowledge base's own places and aliases.

    ``kb`` needs ``places`` (staff stops and aliases), ``countries`` (names per language) and
    ``services`` (only to break ties); it is read once, here.
    """

    def __init__(self, gazetteer: Gazetteer, kb: Any):
        self.gazetteer = gazetteer
        self.extra: dict[str, list[Place]] = {}
        self.countries: dict[str, str] = {}
        self._service_cells: set[tuple[int, int]] = set()
        for s in kb.services:
            self._service_cells.add((round(s.latitude * 2), round(s.longitude * 2)))
        for code, country in kb.countries.items():
            for name in country.name.values():
                if fold(name) not in shown_only():
                    self.countries[fold(name)] = code
        for code, names in (*other_countries().items(), *other_names().items()):
            for name in names:
                self.countries.setdefault(name, code)
        self.capitals_only: set[str] = set()
        self.capital_first: set[str] = set()
        # an alias that is the town's own name ("panama city" for Panama City, PA) marks the route's town, and
        # leaves its namesakes abroad to the context ("Panama City Florida")
        self.pinned: set[str] = set()
        self.islands: dict[str, list[Place]] = {}  # islands staff listed, by name: Trinidad, beside the towns so called
        listed: dict[str, list[Place]] = {}  # the places staff listed, by their own name: aliases may name them
        self._route_towns: list[Place] = []  # the stops and aliases that draw the route
        for p in sorted(kb.places, key=lambda p: bool(p.alias_of)):
            if p.alias_of:
                if p.name.isupper() and len(p.name) <= 5:  # "PAP": only typed so; Kreyòl "pap" is "will not"
                    self.capitals_only.add(fold(p.name))
                elif p.name[:1].isupper():  # "Rio": only typed so, after the first word; "no rio" is the river
                    self.capital_first.add(fold(p.name))
                targets = [t for t in listed.get(fold(p.alias_of), ()) if not p.country or t.country == p.country] \
                    or self._gazetteer_named(fold(p.alias_of), p.country)
                own = [t for t in targets if fold(t.name) == fold(p.alias_of)]
                if targets:  # the town of that very name, else the biggest known by it (the loader warns of none)
                    self.extra.setdefault(fold(p.name), []).append((own or targets)[0])
                    if not p.kind and not p.name.isupper():  # (a neighbourhood, a landmark, a name or an abbreviation draws no route)
                        self._route_towns.append((own or targets)[0])
                    if fold(p.name) == fold(p.alias_of) and p.country:
                        self.pinned.add(fold(p.name))
                continue
            tz = p.timezone
            if not tz:
                near = gazetteer.nearest(p.latitude, p.longitude)
                tz = near.timezone if near else ""
            place = Place(p.name, p.country, p.latitude, p.longitude, tz, 0, p.admin1, p.kind or "stop")
            if p.kind == "island":  # "in trinidad": the island is one reading among the towns of that name, not the only one
                for name in (p.name, *p.aliases):
                    self.islands.setdefault(fold(name), []).append(place)
                continue
            listed.setdefault(fold(p.name), []).append(place)
            if p.kind != "city":  # a city GeoNames lacks (El Alto) is found by name, not a stop of the route
                self._route_towns.append(place)
            for name in (p.name, *p.aliases):
                self.extra.setdefault(fold(name), []).append(place)
        self.commonness = Commonness(self._is_place_name)
        self._shared_memo: tuple[Any, Any, list[bool]] = (None, None, [])

    # --- look-ups --------------------------------------------------------------------------
    def _gazetteer_named(self, name: str, country: str = "") -> list[Place]:
        found = self.gazetteer.by_name.get(name, [])
        return [p for p in found if p.country == country] if country else list(found)

    def _big_town(self, name: str) -> bool:
        return any(p.population >= 1_000_000 and _fold_name(p.name) == name for p in self.gazetteer.by_name.get(name, ()))

    def _is_place_name(self, word: str) -> bool:
        """A town's own name that is no everyday word: the training data's "pacaraima" is a place."""
        if word in self.extra:
            # "la", "pap", "rio" are words; only "LA", "PAP", "Rio" are towns
            return word not in self.capitals_only and word not in self.capital_first
        return word_zipf(word) < 3.0 and any(
            p.population >= 5_000 and _fold_name(p.name) == word for p in self.gazetteer.by_name.get(word, ()))

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name`` (folded), biggest first; a name staff defined means only that."""
        staff = self.extra.get(name)
        if staff:
            return list(staff)
        found = list(self.gazetteer.by_name.get(name, ()))
        for island in self.islands.get(name, ()):  # in its place by size (a stop counts as 50,000 people)
            at = next((k for k, p in enumerate(found) if p.population < _population(island, True)), len(found))
            found.insert(at, island)
        return found

    def _on_route(self, place: Place) -> bool:
        return (math.floor(place.latitude), math.floor(place.longitude)) in self._route_cells

    @functools.cached_property
    def _route_cells(self) -> frozenset[tuple[int, int]]:
        """One-degree cells within about ROUTE_KM of a stop or alias town staff listed: the route,
        as the knowledge draws it (a grid, so that a look-up costs nothing)."""
        reach = math.ceil(weights.ROUTE_KM / 111.0)
        cells = set()
        for p in self._route_towns:
            i, j = math.floor(p.latitude), math.floor(p.longitude)
            cells.update((i + di, j + dj) for di in range(-reach, reach + 1) for dj in range(-reach, reach + 1))
        return frozenset(cells)

    @property
    def _state_names(self) -> frozenset[str]:
        return _state_names(self.gazetteer)

    def warm(self) -> None:
        """Build the look-up tables now (about 2 s) rather than on a person's first message."""
        self._names_by_letter()
        self._names_by_sound()
        _ = self._state_names, self._route_cells, self.gazetteer.cell_countries()
        for code in self.gazetteer.countries:  # the reach of each phone country of the Americas (about 50 ms in all)
            self.gazetteer.near_cells(code)
        self.resolve("estoy en tapachla")  # word frequencies, danger phrases, cue files
        self.resolve("estoy en ostin texas")  # the towns of each state by their sound

    def has_services_near(self, place: Place) -> bool:
        return (round(place.latitude * 2), round(place.longitude * 2)) in self._service_cells

    # --- resolving ---------------------------------------------------------------------
    def resolve(
        self,
        text: str,
        country_hint: str = "",
        expect_place: bool = False,
        *,
        phone_country: str = "",
        previous: Place | None = None,
        danger: bool = False,
        lang: str = "",
    ) -> PlaceMatch:
        """The place the person is at, as named in ``text``; ``PlaceMatch.place`` is None when none is.

        ``country_hint`` is the conversation's country, ``phone_country`` the sender's number's,
        ``previous`` the place of an earlier turn; ``expect_place`` says the bot has just asked
        where the person is; ``danger`` asks for stronger evidence (an emergency number hangs on it).
        """
        msg = self._message(text, lang)
        msg.danger = danger
        match = PlaceMatch(agency=next(iter(msg.agencies)) if len(msg.agencies) == 1 and not deported(msg.words) else "")
        if not msg.words:
            return match
        # a country named, else the country of a state or region named ("en chiapas", "selva del darien"); a country
        # named as a border's last ("we are in texas near the mexico border": the US)
        edge = {at for at in msg.country_at if regions.at_border(msg.words, at, msg.country_end(at))}
        named = [c for at, c in sorted(msg.country_at.items()) if at not in edge]
        named += [c for _, (c, _n) in sorted(msg.region_at.items())]
        named += [c for at, c in sorted(msg.country_at.items()) if at in edge]
        # "somewhere in veracruz": the state (whose name its capital shares), the town unknown
        named += [c for i, w in enumerate(msg.words) if len(cs := _state_countries(self.gazetteer).get(w, ())) == 1
                  and _somewhere_in(msg.words, i, lang) for c in cs]
        # (a country said to be where the person is now comes first: "expulsé des États-Unis, je suis maintenant en
        # Haïti", "vivimos en chile 3 años, ahora estamos en mexico"; not "near the Peru border", nor "still", "ya")
        now = [c for at, c in sorted(msg.country_at.items()) if cue_kind(msg.words, at, lang) == "current"
               and not NOW_WORDS.isdisjoint(msg.words[max(0, at - 5) : at])
               and not any(said_near(msg.words, at - a, lang, k) for a in (0, 1) for k in (1, 2, 3))]
        match.country = (now or named)[0] if named else ""
        if danger and phone_country and phone_country != match.country and msg.region_at and any(
                " ".join(msg.words[at : at + n]) in regions.contested(self.gazetteer, ROUTE_COUNTRIES)
                for at, (_c, n) in msg.region_at.items()):
            match.maybe_country = phone_country  # "estamos en florida en una finca": Florida, Valle too; the phone's second
        context = _Context(country_hint, phone_country, previous, expect_place, lang, danger)
        readings = list(self._exact_readings(msg, context))
        readings += self._fuzzy_readings(msg, context)
        accept = weights.ACCEPT_IN_DANGER if danger else weights.ACCEPT
        capitals = frozenset(k for k, t in enumerate(msg.originals) if t[:1].isupper()) if msg.caps_ratio < 0.6 else frozenset()
        best = best_readings(readings, msg.words, capitals, phone_country or "")
        # Only a reading the message itself places counts: a town taken on its size alone is how
        # "palmas" (hands) or "victoria" (a name) became towns, and in danger a wrong emergency number.
        anchors = [r for r in best if r.rare and _population(r.place, False) >= 3000][:10]  # a stop staff listed counts
        everything, best = best, [r for r in best if r.located and not _outplaced(r, best)]
        # "cuanto cuesta el bus de tapachula a la cdmx": a leg of the journey, neither end here (in danger
        # "nos asaltaron en el bus de X a Y" is on that road: its country is the person's; tried in danger too, the
        # road's country came from a namesake or a state: "de cordoba a veracruz" Argentina, "de san cristobal" Venezuela)
        # (a far end without "from" must be a name: placed, rare, or at least not scored down as everyday words)
        legs = set() if danger else route_ends(msg.words, leg_spans(everything, msg.words, msg.region_at), msg.country_words, lang,
                                           {r.start for r in everything if r.rare or r.located or r.score >= 0})
        if legs:
            def here_too(r: _Reading) -> bool:  # "del bus de san pedro sula a tegus, ya estoy en tegucigalpa": named again, here
                return any(o.place.key == r.place.key and o.start not in legs and cue_kind(msg.words, o.start, lang) == "current"
                           for o in readings)
            best = [r for r in best if r.start not in legs or here_too(r) or (cue_kind(msg.words, r.start, lang) == "current"
                                                               and not any_phrase(msg.words[max(0, r.start - 3) : r.start], "route_near", lang))]
        if not match.country:  # "sasabe arizona": the state named after a town says the country
            match.country = next((c for r in everything if (r.located or r.rare) and (c := self._state_after(msg.words, r.end))), "")
        if msg.between and not match.country:  # "entre tapachula y huixtla": in Mexico, at neither
            match.country = self._between_country(msg, everything)
        best = self._said_here(msg, near_the_opener(msg, best, lang), accept, lang, readings)
        if not best:
            match.elsewhere = any(r.rare for r in everything)
            if danger:
                self._maybe(match, msg, everything, lang, phone_country)
            else:
                match.ahead = asked_there(msg, everything, lang)
            return match
        if anchors:
            best = self._near_other_places(msg, best, anchors, lang)
        top = best[0]
        match.mention = " ".join(msg.words[top.start : top.end])
        close = [r for r in best[1:4]
                 if r.place.country != top.place.country and top.score - r.score < weights.MARGIN
                 and not (r.typo and not top.typo and top.rare)  # "à Carrefour, près de Mariani": no Mariana, Brazil
                 and not self._state_named_for(msg, top, r)
                 and not self._island_here(msg, top.start, top.end - top.start, top.place.country, lang)  # "en trinidad ..."
                 and r.score >= accept - weights.MARGIN
                 and haversine_km(top.place.latitude, top.place.longitude, r.place.latitude, r.place.longitude)
                 > weights.SAME_PLACE_KM]
        # The person's context only chooses between namesakes: it never makes a word a town ("estoy en
        # la laguna" from a Mexican phone is still no town), so it is left out of the threshold.
        sure = top.score - top.context >= accept
        if sure and not close and (there := self._in_another_country(msg, top, lang)):
            # "hay albergue en tapachula? estamos en guatemala": said to be in another country now, the town is asked
            # about (its services what they asked for: never in danger, where the number is the country's said)
            match.country, match.elsewhere = there, True
            match.ahead = None if danger else top.place
            return match
        if sure and not close:
            match.place, match.typo, match.score = self._side_of(msg, top, best), top.typo, top.score
            match.suggestions = [r.place for r in best[1:4] if r.score >= weights.SUGGEST]
            if danger:  # "my brother was taken in reynosa, im in houston": Mexico's numbers second
                match.maybe_country = next((r.place.country for r in everything if r.rare and r.place.country != match.place.country
                                            and r.place.population >= weights.HERE_POPULATION
                                            and (r.end <= top.start or r.start >= top.end)), "")
            return match
        if danger:  # never a guessed town in danger: the phone's or the conversation's country
            self._maybe(match, msg, everything, lang, phone_country)
            if sure:
                # (by its own name or staff's: "armenia" is also an old name of Wilmington, Ohio)
                match.namesakes = [(r.place, gram) for r in best if r.score - r.context >= accept
                                   and ((gram := " ".join(msg.words[r.start : r.end])) == _fold_name(r.place.name) or gram in self.extra)
                                   and cue_kind(msg.words, r.start, lang) not in ("origin", "destination", "of")]
            return match
        if sure:  # two readings are close: ask
            match.ask, match.suggestions = True, [top.place] + [r.place for r in close]
        elif top.score >= weights.SUGGEST and (expect_place or top.typo or self._cued(msg, top)) \
                and not self._article_after(msg, top.start, top.end - top.start, lang):  # no "Carrefour?" for "kafou a"
            # never a town of another country than the one the message names ("sasabe arizona": not Sonora's)
            match.suggestions = [r.place for r in best[:4] if r.score >= weights.SUGGEST
                                 and (not match.country or r.place.country == match.country)]
        return match

    @staticmethod
    def _in_another_country(msg: _Message, top: _Reading, lang: str) -> str:
        """The country, other than the town's, the message says the person is in now ("estamos en guatemala"), when
        the town itself is not said to be where they are."""
        if cue_kind(msg.words, top.start, lang) == "current":
            return ""
        return next((c for at, c in sorted(msg.country_at.items()) if c != top.place.country
                     and cue_kind(msg.words, at, lang) == "current"
                     and not any(said_near(msg.words, at - a, lang, k) for a in (0, 1) for k in (1, 2, 3))), "")

    @staticmethod
    def _country_tail(msg: _Message, i: int, n: int) -> bool:
        """The name's last words are a country's, after a pause: "paso canoas, costa rica" (not "new mexico")."""
        k = i + n
        while k > i and k - 1 in msg.country_words:
            k -= 1
        return i < k < i + n and k - 1 in msg.pause_after

    def _exact_readings(self, msg: _Message, ctx: _Context) -> Iterable[_Reading]:
        words = msg.words
        for n in range(min(MAX_WORDS, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                span = set(range(i, i + n))
                if span <= msg.country_words or span & msg.blocked:
                    continue
                if any(k in msg.sentence_starts and len(msg.originals[k - 1]) > ABBREVIATED
                       and fold(msg.originals[k - 1]) not in CUT_SHORT for k in range(i + 1, i + n)):
                    continue  # "je suis à Montréal. Est-ce qu'il y a...": no Montréal-Est across a full stop ("St. John's" is one name)
                gram = " ".join(words[i : i + n])
                staff = gram in self.extra
                if len(gram) < 3 and not staff:
                    continue
                if not self._written_as_staff_say(msg, gram, i, n):
                    continue
                found = self.candidates(gram)[:MAX_NAMESAKES] or self._held_letter(gram)[:MAX_NAMESAKES]
                found += self._pinned_namesakes(msg, gram, i + n, found)
                fused = self._article_name(words, i, gram, ctx.lang)[:MAX_NAMESAKES]
                found += [p for p in fused if p not in found]
                # "au Cap": staff's "le cap", its article fused into "au", is their alias as much as "le cap" is
                staff_fused = {p.key for p in fused} if n == 1 and fused and f"{weights.NAME_ARTICLE[words[i - 1]]}{gram}" in self.extra else set()
                if ctx.previous is not None and len(found) >= MAX_NAMESAKES:  # a hamlet beside the last place, beyond the biggest
                    # ("ya cruzamos a santa rosa en el bote" after Leticia: Peru's island across the river, 83 Santa Rosas)
                    found += [p for p in self.candidates(gram)[MAX_NAMESAKES:] if p not in found and haversine_km(
                        p.latitude, p.longitude, ctx.previous.latitude, ctx.previous.longitude) <= weights.SAME_PLACE_KM]
                if missing := msg.mentioned - {p.country for p in found}:  # ("são josé da costa rica, voltando pro brasil")
                    found += [p for p in self._saint_namesakes(gram, missing) if p not in found]
                if not found:
                    continue
                if n > 1 and i + n < len(words) and words[i + n] in regions.AUTHORITIES and self._country_tail(msg, i, n):
                    continue  # "paso canoas, costa rica police dont let us pass": the police's country, not the stop's name
                if n == 1 and i and words[i - 1] in PREFIXES and is_everyday(words[i - 1] + words[i]):
                    continue  # "pré natal", "pre-natal": the word's pieces, not Natal
                if (not staff or msg.danger) and all(is_danger_word(w) for w in words[i : i + n]) and not any(
                    p.population >= 100_000 and _fold_name(p.name) == gram for p in found
                ) and not (i + n < len(words) and self._short_state_after_town(words, i + n, words[i + n])) \
                        and not self._own_state_after(msg, i + n, found, cue_kind(words, i, ctx.lang) == "current"):
                    continue  # "socorro", "anmwe": a cry for help, not Socorro, Texas, but "em socorro sp", "socorro texas" is the town (and
                    # staff's "tapa" is Tapachula, though "tapa na cara" is a slap, except in danger: "tombé dans la petite
                    # rivière" is no Petite Rivière)
                if n <= 2 and self._short_state_after_town(words, i, gram):
                    continue  # "champlain ny": the state of the town before it, not New York City
                seen: set[str] = set()
                famous = max(_population(p, staff) for p in found)
                namesakes = found if len({p.key for p in found}) > 1 else []
                for place in found:
                    if place.key in seen:
                        continue
                    seen.add(place.key)
                    if not staff and gram in self._state_names and (gram not in _fold_name(place.name) or _somewhere_in(words, i, ctx.lang)):
                        continue  # "seguimos en chiapas": the state, not Chiapa de Corzo by another name, nor "somewhere in" it
                    if not staff and n == 2 and words[i] in ARTICLES and words[i + 1] in regions.FEATURES \
                            and gram != _fold_name(place.name):
                        continue  # "en la trocha": the crossing, not a village called so by another name
                    if not staff and ((n == 2 and i in msg.checkpoint_at) or (n == 1 and i - 1 in msg.checkpoint_at)) \
                            and not self._own_state_after(msg, i + n, [place], True):
                        continue  # "nos agarraron en el reten": the post, not El Retén, Colombia (but "en la garita, jalisco")
                    if msg.region_at.get(i) == (regions.own_country(ctx.lang), n) and place.country != msg.region_at[i][0] \
                            and not self._admin1_named(words, i, n, place.admin1, place.country, msg.originals, msg.pause_after):
                        continue  # "moro em Santa Catarina": the Brazilian state, in Portuguese, not the Mexican city
                    own = (staff and place in self.extra[gram]) or place.key in staff_fused  # (not a pinned name's namesake)
                    score = self._score(msg, ctx, place, i, n, gram, own, famous, namesakes)
                    # like the phone's country, an agency named only chooses between namesakes: never makes a word a town
                    agency = _agency(msg, place, namesakes)
                    yield _Reading(place, i, i + n, score + agency, located=self._located(msg, ctx, place, i, n),
                                   rare=(self._explained(msg.words, i, n, place, ctx)
                                         or (msg.hyphen_typed(i, n) and _population(place, own) >= weights.RARE_NAME_POPULATION))
                                   and not self._in_the_noun(words, i, n, gram, ctx.lang, place),
                                   context=self._context_bonus(ctx, place, namesakes, personal=True) + agency)
        for i, (end, code) in msg.capital_at.items():  # "estamos en la capital de guatemala"
            place = self._capital(code)
            if place is not None and not set(range(i, end)) & msg.blocked:
                score = self._score(msg, ctx, place, i, end - i, _fold_name(place.name), False, place.population)
                yield _Reading(place, i, end, score, located=self._located(msg, ctx, place, i, end - i), rare=True)

    def at(self, lat: float, lon: float) -> Place:
        """The place for a shared location: the nearest known stop or town, at the point rounded
        to :data:`COORDINATE_DECIMALS` (about 1 km): nothing more precise is ever kept."""
        lat, lon = round(lat, COORDINATE_DECIMALS), round(lon, COORDINATE_DECIMALS)
        best: Place | None = None
        best_d = 5.0  # a stop staff added, when the person is at it
        for places in self.extra.values():
            for p in places:
                d = haversine_km(lat, lon, p.latitude, p.longitude)
                if d < best_d and p.kind not in ("town", "city"):
                    best, best_d = p, d
        town = best or self.gazetteer.nearest(lat, lon)
        name = town.name if town else f"{lat:.2f}, {lon:.2f}"
        country = town.country if town else ""
        tz = town.timezone if town else ""
        admin1 = town.admin1 if town else ""
        return Place(name, country, lat, lon, tz, 0, admin1, "shared_location")
