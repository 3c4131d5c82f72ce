"""What the person's context and the other places of the message say: which of several towns
of one name is meant (the phone, the conversation, the route, the language, a town or a state named
beside it), and, on the road between two towns, which country the person is in when no town is taken (in
danger: :mod:`bot.places.danger_country`). A mixin of :class:`bot.places.resolve.PlaceResolver`."""

from __future__ import annotations

import functools
import math
from collections.abc import Collection

from bot.places import regions, weights
from bot.places.around import at_a_landmark_here
from bot.places.cues import (
    any_phrase,
    before_town,
    cue,
    cue_kind,
    cue_words,
    cues,
    is_filler,
    other_person,
    said_near,
    says_now,
    words_in,
)
from bot.places.gazetteer import Place, haversine_km
from bot.places.reading import ROUTE_COUNTRIES, fold_name, population
from bot.places.reading import Context as _Context
from bot.places.reading import Message as _Message
from bot.places.reading import Reading as _Reading
from bot.places.states import misspelt_state, state_abbreviations, state_names
from bot.places.words import word_zipf

IN_WORDS = frozenset(("en", "in", "em", "a", "nan", "na", "no"))  # "estoy en trinidad, en chaguanas"
RELATIVE_AFTER = 3  # "en juarez esta mi hermano": a relative this close after a town says it is theirs

@functools.cache
def _other_names(country: str, state: str) -> tuple[list[str], ...]:
    """A state's names in people's languages (:func:`state_names`), as word lists."""
    return tuple(name.split() for names in (state_names(), state_names("beside_only")) for name, (cc, other) in names.items()
                 if cc == country and fold_name(other) == state)


# Being, now, in the first person: "im venezuelan in trinidad", "we are venezuelans in trinidad" (not "yo sufri en X")
PRESENT_BE = frozenset("im am are estoy estamos toy tamos estou tamo suis sommes".split())


class ContextEvidence:
    """Needs ``extra`` (staff's places), ``pinned``, ``gazetteer``, ``_on_route``, ``_cue_of`` and ``_shared_memo`` of the resolver."""

    def _short_state_after_town(self, words: list[str], i: int, gram: str) -> bool:
        """``gram`` is a state's short form right after a town of that state ("champlain ny", "santa rosa rs")."""
        for country, table in state_abbreviations().items():
            if i and (state := fold_name(table.get(gram, ""))) and any(
                    p.country == country and fold_name(p.admin1) == state
                    for k in (1, 2, 3) if k <= i for p in self.gazetteer.by_name.get(" ".join(words[i - k : i]), ())):
                return True
        return False

    def _pinned_namesakes(self, msg: _Message, name: str, end: int, found: list[Place]) -> list[Place]:
        """Namesakes abroad of a town staff pinned to its country, when the message names their state or country
        ("panama city florida": not Panama's capital)."""
        if name not in self.pinned:
            return []
        named = {self._state_after(msg.words, end), *msg.country_at.values(), *(c for c, _n in msg.region_at.values())}
        states = self._short_state_typed(msg, end)
        return [p for p in self.gazetteer.by_name.get(name, ())
                if (p.country in named or (p.country, fold_name(p.admin1)) in states)
                and p not in found and fold_name(p.name) == name]

    def _short_state_typed(self, msg: _Message, at: int) -> set[tuple[str, str]]:
        """(country, state) of a state's short form typed in capitals at ``at`` ("Panama City, FL", "Mexico MO"),
        not in a message all in capitals; never an everyday word ("Victoria OK", "Victoria, IN") nor a country's code
        too ("Carolina PR" is Puerto Rico's, not Paraná's; "Mendoza AR", "Cucuta CO")."""
        short = msg.originals[at].strip(".,;:!?") if at < len(msg.originals) and msg.caps_ratio < 0.6 else ""
        if not (2 <= len(short) <= 4 and short.isupper() and short.isalpha()) or short in self.gazetteer.countries \
                or word_zipf(short.lower()) >= 4.5:
            return set()
        return {(cc, fold_name(state)) for cc, table in state_abbreviations().items() if (state := table.get(short.lower()))}

    @staticmethod
    def _own_state_after(msg: _Message, end: int, found: list[Place], cued: bool = False) -> bool:
        """The state of one of the towns ``found`` written right after them, no pause between ("socorro texas"), or
        a comma when a cue says the person is there ("estoy en Socorro, Santander": no cry after "estoy en"); the state
        by its name in any language too ("cheguei em socorro, novo mexico")."""
        if end - 1 in msg.pause_after and not cued:
            return False
        states = {(p.country, fold_name(p.admin1)) for p in found if p.admin1}
        names = {" ".join(name) for cc, state in states for name in (state.split(), *_other_names(cc, state))}
        return any(" ".join(msg.words[end : end + k]) in names for k in (1, 2, 3) if end + k <= len(msg.words))

    @staticmethod
    def _contracted_noun(words: list[str], start: int, end: int, lang: str) -> bool:
        """ "cerca del rio": "de el" and an everyday noun, the river near them, not Del Rio, Texas (after "en", "in",
        "nan" no sentence contracts: "en del rio" is the town)."""
        return end - start == 2 and words[start] in ("del", "al") and start > 0 and words[start - 1] not in weights.NO_DEL_AFTER \
            and word_zipf(words[start + 1], lang) >= weights.ARTICLE_NOUN_ZIPF

    @staticmethod
    def _clause_start(msg: _Message, i: int) -> int:
        """The first word of the clause the word at ``i`` is in (after the last comma or stop)."""
        return max((p + 1 for p in msg.pause_after if p < i), default=0)

    @staticmethod
    def _here_now_instead(msg: _Message, country: str, i: int, lang: str) -> bool:
        """The country is named as where the person is now ("kounya nou nan Chili", "ahora estamos en chile"), and no
        "now" comes before the town at ``i``; or the town is only "in" somewhere ("a house in Monterrey, ... I'm in
        Guatemala": someone else's)."""
        town_here = cue_kind(msg.words, i, lang) == "current"
        return not says_now(msg.words, max(0, i - 5), i) and any(
            c == country and cue_kind(msg.words, at, lang) == "current" and (not town_here or says_now(msg.words, max(0, at - 5), at))
            for at, c in msg.country_at.items())

    @staticmethod
    def _own_clause(msg: _Message, i: int, n: int) -> bool:
        """The name stands as its own clause: "Choluteca. me robaron", "... did they take him?? Reynosa"."""
        return (i == 0 or (i - 1) in msg.pause_after) and (i + n - 1) not in msg.exclaimed and (
            (i + n - 1) in msg.pause_after or i + n == len(msg.words))

    @staticmethod
    def _capitalised(msg: _Message, i: int, n: int) -> bool:
        """Typed with a capital where a sentence does not start, by someone who does not capitalise
        everything: "Hola. Soledad me dijo..." starts a sentence, "estoy en Tapachula" names a town."""
        return (i not in msg.sentence_starts and msg.caps_ratio < 0.6
                and any(t[:1].isupper() for t in msg.originals[i : i + n]))

    @staticmethod
    def _between_country(msg: _Message, readings: list[_Reading]) -> str:
        """The country of "entre X y Y" when the closest readings of X and Y lie in one: "entre huixtla
        y escuintla" is Escuintla, Chiapas, beside Huixtla, not the Guatemalan city."""
        ends: dict[int, list[_Reading]] = {}
        for r in readings:
            if r.start in msg.between and not r.typo and (r.located or r.rare):
                ends.setdefault(r.start, []).append(r)
        if len(ends) < 2:
            return ""
        first, second = (ends[k] for k in sorted(ends)[:2])
        a, b = min(((a, b) for a in first for b in second),
                   key=lambda ab: haversine_km(ab[0].place.latitude, ab[0].place.longitude, ab[1].place.latitude, ab[1].place.longitude))
        return a.place.country if a.place.country == b.place.country else ""

    def _context_bonus(self, ctx: _Context, place: Place, namesakes: list[Place] | None, personal: bool = False) -> float:
        """What the phone, the conversation and the route say for this town against its namesakes;
        ``personal``: only what the person's phone and conversation say (the first five tests)."""
        if not namesakes:
            return 0.0
        shared = self._shared_context(ctx, namesakes)
        tests = self._context_tests(ctx)[: 5 if personal else None]
        bonus = sum(weight for k, (weight, holds) in enumerate(tests) if not shared[k] and holds(place))
        if not shared[1] and self._across_from_previous(ctx, place, namesakes):
            bonus += weights.W_CONVERSATION_COUNTRY
        # a phone from home is weak evidence: it halves, not erases, the gap to a namesake many times bigger
        # ("estamos en veracruz" from a Honduran phone: Veracruz, Mexico, not a Honduran hamlet); in danger only
        # against one hundreds of times bigger (the phone's country is where the emergency number falls back to)
        dwarfed = weights.DWARFED if ctx.danger else weights.PHONE_DWARFED
        if tests[0][1](place) and not shared[0] and \
                max(q.population for q in namesakes) >= dwarfed * max(place.population, 500):
            bonus -= weights.W_PHONE_COUNTRY / 2
        if tests[4][1](place) and not shared[4] and (
                max(q.population for q in namesakes) >= weights.NEIGHBOUR_DWARFED * population(place, False)
                or any(tests[0][1](q) for q in namesakes)):
            # next door, but dwarfed ("santo domingo DR" from a US phone is no Cuban town), or a namesake at home: the
            # phone's country decides ("estoy en escuintla" from a Mexican phone is Chiapas', not Guatemala's; "estamos en
            # las cruces nos robaron" from a Nicaraguan phone is no Panamanian village: a tie in danger gives the phone's number)
            bonus -= weights.W_NEAR_PHONE_COUNTRY
        return bonus

    def _context_tests(self, ctx: _Context):
        return (
            (weights.W_PHONE_COUNTRY, lambda q: bool(ctx.phone_country) and q.country == ctx.phone_country),
            (weights.W_CONVERSATION_COUNTRY, lambda q: bool(ctx.country_hint) and q.country == ctx.country_hint),
            (weights.W_NEAR_PREVIOUS, lambda q: self._from_previous(ctx, q) <= weights.PREVIOUS_KM),
            (weights.W_NEAR_PREVIOUS, lambda q: self._from_previous(ctx, q) <= weights.NEAR_PREVIOUS_KM),
            # a phone from next door: "estoy en san jose" from a Nicaraguan phone is Costa Rica's, not California's
            (weights.W_NEAR_PHONE_COUNTRY, lambda q: bool(ctx.phone_country) and q.country != ctx.phone_country
             and (math.floor(q.latitude), math.floor(q.longitude)) in self.gazetteer.near_cells(ctx.phone_country)),
            (weights.W_ROUTE, lambda q: q.country in ROUTE_COUNTRIES),
            (weights.W_LANGUAGE_COUNTRY, lambda q: q.country in weights.LANGUAGE_COUNTRIES.get(ctx.lang, ()) and self._language_says(ctx)),
            (weights.W_ROUTE, self._on_route),
        )

    def _language_says(self, ctx: _Context) -> bool:
        """Whether the message's language says which namesake: English is many migrants' own language (Ghana, Nigeria,
        India), so it counts only from a phone of the Americas: a Venezuelan writing English is in the English-speaking
        Caribbean ("in trinidad, police took my husband"), a Cameroonian may be in San Fernando, Tamaulipas."""
        return ctx.lang != "en" or ctx.phone_country in self.gazetteer.countries

    def _across_from_previous(self, ctx: _Context, place: Place, namesakes: list[Place]) -> bool:
        """A day or two on from the last place, across its border, with no namesake that near on its side: it counts
        as the conversation's country ("ya nos movimos, estamos en san antonio" after Piedras Negras is Texas, not
        San Antonio la Isla in Mexico; after Tapachula, Escuintla stays the Mexican one)."""
        hint = ctx.country_hint
        return bool(hint) and place.country != hint and self._from_previous(ctx, place) <= weights.PREVIOUS_KM \
            and not any(q.country == hint and self._from_previous(ctx, q) <= weights.PREVIOUS_KM for q in namesakes)

    @staticmethod
    def _from_previous(ctx: _Context, place: Place) -> float:
        if ctx.previous is None:
            return math.inf
        return haversine_km(ctx.previous.latitude, ctx.previous.longitude, place.latitude, place.longitude)

    def _shared_context(self, ctx: _Context, namesakes: list[Place]) -> list[bool]:
        """For each context test, whether every town of the name passes it (then it tells nothing)."""
        held, held_ctx, shared = self._shared_memo
        if held is not namesakes or held_ctx != ctx:  # the memo keeps the list alive: its id is never reused
            shared = [all(holds(q) for q in namesakes) for _, holds in self._context_tests(ctx)]
            self._shared_memo = (namesakes, ctx, shared)
        return shared

    def _near_other_places(self, msg: _Message, best: list[_Reading], anchors: list[_Reading], lang: str) -> list[_Reading]:
        """Of namesakes, the one near the other places the message names: "santa elena, mañana cruzo
        pra pacaraima" is Santa Elena de Uairén, across the border from Pacaraima. A town left or
        ahead gains nothing: "on a quitté Port-au-Prince pour le Cap-Haïtien" names neither as here."""
        lands: dict[tuple[int, int], set[str]] = {}
        biggest: dict[tuple[int, int], int] = {}
        for r in best[:40]:
            lands.setdefault((r.start, r.end), set()).add(r.place.country)
            biggest[(r.start, r.end)] = max(biggest.get((r.start, r.end), 0), r.place.population)
        first: dict[tuple[int, int], _Reading] = {}
        for o in anchors:  # each other name's likeliest town
            if (o.start, o.end) not in first:
                first[(o.start, o.end)] = o
        for r in best[:40]:
            if r.start in msg.between:
                continue  # "ant tegus ak choluteca": on the road between the two, near each, at neither
            others = [o for o in anchors if o.start >= r.end or o.end <= r.start]
            near = [o for o in others if haversine_km(
                r.place.latitude, r.place.longitude, o.place.latitude, o.place.longitude) <= weights.NEAR_OTHER_KM]
            lenders = [o for o in first.values() if (o.start >= r.end or o.end <= r.start) and o.place.country == r.place.country]
            if not near and len(lands[(r.start, r.end)]) > 1 and \
                    biggest[(r.start, r.end)] < weights.DWARFED * max(r.place.population, 500) and lenders:
                # "in san antonio ..., need a ticket to chicago": of namesakes in two countries, the one
                # in the country of the other town named; never past that town ("vivo en santiago pero ahorita
                # estoy en arica" is Arica)
                ahead = [o.score for o in lenders if o.score > r.score]
                r.score = min(r.score + weights.W_SAME_COUNTRY_OTHER, max(ahead) - 0.01) if ahead \
                    else r.score + weights.W_SAME_COUNTRY_OTHER
            if near and self._cue_of(msg, r.start, r.end - r.start, lang) >= 0:
                # it never overtakes the town that lent it: "central park ... new york" stays New York (but a town only
                # near the writer lends all: "je suis à Cambridge près de Boston" is Massachusetts's Cambridge)
                own = fold_name(r.place.name) == " ".join(msg.words[r.start : r.end])  # (not "central park", Bethpage's)
                ahead = [o.score for o in near if o.score > r.score and o.start != r.end  # "americana sp": a state after it
                         and not (own and said_near(msg.words, o.start, lang))]
                r.score = min(r.score + weights.W_NEAR_OTHER, max(ahead) - 0.01) if ahead else r.score + weights.W_NEAR_OTHER
        return sorted(best, key=lambda r: (r.score, r.place.population), reverse=True)

    # --- states named beside a town --------------------------------------------------------
    def _state_after(self, words: list[str], at: int) -> str:
        """The country of a state named right after a town ("sasabe arizona", "naco, sonora"), else ""."""
        table = regions.names(self.gazetteer, ROUTE_COUNTRIES)
        at += 1 if at < len(words) and is_filler(words[at]) else 0
        return next((table[name] for k in (3, 2, 1) if at + k <= len(words)
                     and (name := " ".join(words[at : at + k])) in table and word_zipf(name) < regions.WORD_ZIPF), "")

    def _said_here(self, msg: _Message, best: list[_Reading], accept: float, lang: str,
                   readings: list[_Reading] = ()) -> list[_Reading]:
        """The readings of the town the person says they are in, when there is one (``readings``, all of them:
        the town may be kept under other words that name it too, "we are in san jose at the 7-10 bus terminal")."""
        # "We are in David, Chiriquí. Is the border at Paso Canoas open?": a town the person says they are
        # in, surely named, outweighs every town the message names otherwise (asked about, passed, ahead)
        # (a name, not everyday words: "we are in central park near the zoo, new york" is in New York)
        # ("en la garita de tijuana": the landmark's cue is the town's)
        sure = [r for r in best if r.score - r.context >= accept
                and (r.rare or r.place.population >= weights.HERE_POPULATION or self._state_beside(msg, r.start, r.end - r.start, r.place))]
        here = {(r.start, r.end) for r in sure
                if (kind := cue_kind(msg.words, r.start, lang)) == "current"
                or (kind == "of" and self._cue_of(msg, r.start, r.end - r.start, lang) >= weights.W_CUE["current"])}
        # "eu to num hotel em el paso": the town of the landmark the person is at, unless they named the town they are in
        # ("estamos en Tapachula, estamos en la iglesia en San Jose": San José is a church's name there)
        here = here or {(r.start, r.end) for r in sure if cue_kind(msg.words, r.start, lang) == "preposition"
                        and at_a_landmark_here(msg.words, r.start, lang)}
        # "tô em Letícia, do lado de Tabatinga", "cerca de tapachula, estamos en huixtla": the town they say they are
        # in, not the one they say they are near
        beside = {(i, j) for i, j in here if said_near(msg.words, i, lang)}
        if beside and any(all(r.end <= i or r.start >= j for i, j in beside) and r.score - r.context >= accept and (
                r.start and msg.words[r.start - 1] not in weights.DEFINITE  # ("we at the Rio Grande near X": the river)
                and cue_kind(msg.words, r.start, lang) == "current"
                # or the message opens with the town and its state: "kingston ontario, near queens university"
                or not r.start and bool(self._state_after(msg.words, r.end))) for r in best):
            here -= beside
            # (the same town named by the other words too stays: "estamos en Bogotá cerca de Usme", Bogotá's best reading
            # being "usme", is not Bogota, New Jersey)
            named = {o.place.key for o in readings if all(o.end <= i or o.start >= j for i, j in beside)
                     and cue_kind(msg.words, o.start, lang) == "current"}
            best = [r for r in best if (r.start, r.end) not in beside or r.place.key in named]
        # "in trinidad, chaguanas", "estoy en trinidad, en chaguanas": the island, then its town, one answer to "where"
        isles = {}
        for r in best:
            if r.place.kind == "island":
                between = r.end < len(msg.words) and (msg.words[r.end] in IN_WORDS or says_now(msg.words, r.end + 1, r.end + 1))
                isles[r.end] = isles[r.end + 1 if between else r.end] = r  # ("in trinidad now, chaguanas")
        # (the island's own town of that name, surely named: "en trinidad, en san fernando" is not Apure's; the island
        # holds when its town is not taken, "en trinidad, en couva")
        after = [r for r in best if r.place.kind != "island" and (isle := isles.get(r.start)) and isle.place.country == r.place.country
                 and r.score - r.context >= accept]
        if after:
            dropped = {(isles[r.start].start, isles[r.start].end) for r in after}
            towns = {(r.start, r.end): r.place.country for r in after}
            here = {(i, j) for i, j in here if (i, j) not in dropped} | \
                {(r.start, r.end) for r in after if (isles[r.start].start, isles[r.start].end) in here}
            best = [r for r in best if (r.start, r.end) not in dropped and towns.get((r.start, r.end), r.place.country) == r.place.country]
        if not here:  # "in guanajato, celaya": the state (its capital's name), then a town of it
            return [r for r in best if not _state_first(msg.words, r, best, readings, lang)]
        # "boule kay nou nan Kwadebouke, nou kouri ale Mibalè": fled to it after, the later town is where they are now
        # (not "came": "me mandaram pra Brasília mas não tenho passagem" is not there yet)
        moved = {(r.start, r.end) for r in best if r.score - r.context >= accept and r.rare and r.start > min(i for i, _j in here)
                 and cue_kind(msg.words, r.start, lang) in ("destination", "current", "preposition")
                 and any_phrase(msg.words[max(0, r.start - 4) : r.start], "fled", lang)}
        if moved:
            names = {" ".join(msg.words[a:b]) for a, b in moved}
            here = {(i, j) for i, j in here if i > min(moved)[0] or " ".join(msg.words[i:j]) in names} | moved
        # "nous sommes arrivés à Managua ..., maintenant on est à Somoto": of the towns they say they are in, the one
        # said to be now (a town of no now-word before it was where they were)
        # ("ahora", "now", "maintenant", "kounya", "agora": not "ya", "déjà", "hoy", which also say "already": "estoy en
        # Tecun Uman, ya llegue a Tapachula pero me regresaron"; nor across a negation: "aun no llegamos a tapachula")
        nowed = {(i, j) for i, j in here if any_phrase(msg.words[(k := max(0, i - cue(msg.words, i, lang)[1] - 3)) : i], "now_after", lang)
                 and cue_words("negation").isdisjoint(msg.words[k:i])}
        if nowed and len({" ".join(msg.words[i:j]) for i, j in here}) > 1:
            here = {(i, j) for i, j in here if (i, j) in nowed or i > max(a for a, _b in nowed)}
        names = {" ".join(msg.words[i:j]) for i, j in here}  # "on the nogales sonora side ... nogales arizona": one name
        # "m nan Santa Catarina, Chapecó", "estamos en chiuaua en juarez": the state, then its town, one answer to "where"
        towns_of: dict[int, set[str]] = {}
        for i, j in here:
            said = {" ".join(msg.words[i:j])} | {fold_name(r.place.name) for r in readings if (r.start, r.end) == (i, j)}
            for at in (j, j + 1) if j < len(msg.words) and msg.words[j] in IN_WORDS else (j,):
                towns_of.setdefault(at, set()).update(said)
        towns = [r for r in best if fold_name(r.place.admin1) in towns_of.get(r.start, ()) and not _relatives_town(msg.words, r, lang)]
        states = {(i, j) for r in towns for i, j in here if r.start in (j, j + 1) and j <= r.start}  # those spans were the state
        again = {r.place.key for r in readings if (r.start, r.end) in here and (r.start, r.end) not in states}
        return [r for r in best if ((r.start, r.end) in here and (r.start, r.end) not in states)
                or _restated(" ".join(msg.words[r.start : r.end]), names) or r in towns or (r.rare and r.place.key in again)]

    @staticmethod
    def _state_named_for(msg: _Message, top: _Reading, other: _Reading) -> bool:
        """``other`` is no rival of ``top``: it is the name of top's state written beside it ("Santa Catarina, Chapecó")."""
        return (other.start, other.end) != (top.start, top.end) and \
            " ".join(msg.words[other.start : other.end]) == fold_name(top.place.admin1)

    def _state_beside(self, msg: _Message, i: int, n: int, place: Place) -> bool:
        """The town's state is written right after it: "david chiriqui", "cali valle", "Progreso, Yucatan"."""
        return bool(place.admin1) and self._admin1_named(msg.words[i : i + n + 3], 0, n, place.admin1, place.country,
                                                         msg.originals[i:], [p - i for p in msg.pause_after if p >= i])

    def _island_beside(self, words: list[str], i: int, n: int, country: str) -> bool:
        """An island of the town's country staff listed is named right beside it, as a state would be: "San Fernando,
        Trinidad", "in trinidad, port of spain"."""
        for name, isles in self.islands.items():
            form = name.split()
            if any(isle.country == country for isle in isles) and (
                    words[i + n : i + n + len(form)] == form or (i >= len(form) and words[i - len(form) : i] == form)):
                return True
        return False

    def _island_here(self, msg: _Message, i: int, n: int, country: str, lang: str) -> bool:
        """An island of ``country`` is said to be where the person is, elsewhere in the message: "im venezuelan in
        trinidad ... i am in san fernando" (Trinidad's, not Apure's)."""
        key = ("islands here", lang)
        if key not in msg.span_memo:  # once per message: (start, end, country) of each island the writer says they are on
            words = msg.words
            msg.span_memo[key] = [(k, k + len(form), isle.country) for name, isles in self.islands.items()
                                  for form in [name.split()] for k in range(len(words) - len(form) + 1)
                                  if words[k : k + len(form)] == form and self._writer_on(words, k, lang) for isle in isles]
        return any(c == country and (end <= i or k >= i + n) for k, end, c in msg.span_memo[key])  # type: ignore[attr-defined]

    @staticmethod
    def _writer_on(words: list[str], k: int, lang: str) -> bool:
        """The writer says they are at ``k``: "estoy en X", "im venezuelan in X" (not "my wife is still in X", "i got
        robbed in X")."""
        kind, taken = cue(words, k, lang)
        return (kind == "current" or (kind == "preposition" and bool(PRESENT_BE.intersection(words[max(0, k - taken - 3) : k]))))\
            and not other_person(before_town(words, k), False, lang)

    def _end_of_a_name(self, words: list[str], j: int, k: int, own: range) -> bool:
        """The state's name at ``j`` ends another town's name: "Santa Rosa de Copan" names no Copán for San Pedro (but
        does for the "santa rosa" at ``own``)."""
        return j >= 2 and words[j - 1] in ("de", "del", "do", "da") and any(
            s not in own and (" ".join(words[s : j + k]) in self.gazetteer.by_name or " ".join(words[s : j + k]) in self.extra)
            for s in range(max(0, j - 4), j - 1))

    def _admin1_named(self, words: list[str], i: int, n: int, admin1: str, country: str = "",
                      typed: list[str] | None = None, pauses: Collection[int] = ()) -> bool:
        key = fold_name(admin1).split()
        if not key:
            return False
        if self._island_beside(words, i, n, country):
            return True
        if i + n < len(words):  # "Toledo PR", "Juárez Chih": a short form right after the town
            for k in (2, 1):
                short = " ".join(words[i + n : i + n + k])
                if typed is not None and len(typed) >= i + n + k and k == 1:
                    short = fold_name(typed[i + n].replace(".", "")).strip(",;:!?") or short  # as typed: "mt" is no "mount" here
                if fold_name(state_abbreviations().get(country, {}).get(short, "")) == " ".join(key) and (
                        word_zipf(short) < 4.5 or short == key[0] or i + n + k == len(words)  # "vitoria es" ends there
                        or (typed is not None and typed[i + n : i + n + k]
                            and (all(t.isupper() for t in typed[i + n : i + n + k])
                                 or i + n + k - 1 in pauses))):  # "san jose ca, la corte": the pause ends it
                    return True  # "la police", "in", "me" are words; "LA", "chih" and "valle" (del Cauca) are states
        if misspelt_state(words[i + n : i + n + len(key)], key):
            return True  # "rio branco acri", "boa vista rorraima", "juarez chiuaua": the state misspelt right after the town
        # its name without its article when the rest is no everyday word ("Trinidad, Beni": El Beni; not "paz"), and
        # its name in the person's language ("floride")
        bare = [key[1:]] if len(key) > 1 and key[0] in ("el", "la", "los", "las") and word_zipf(" ".join(key[1:])) < 4.0 else []
        for form in [key, *bare, *_other_names(country, " ".join(key))]:
            k = len(form)
            for j in range(len(words) - k + 1):
                if (j + k <= i or j >= i + n) and words[j : j + k] == form and form != words[i : i + n] \
                        and not (j - n != i and j >= n and words[j - n : j] == words[i : i + n]) \
                        and not any(tuple(words[max(0, j - len(p)) : j]) == p for p in cues("border_with")) \
                        and not (self.countries.get(" ".join(form)) == country and not i + n <= j <= i + n + 1) \
                        and not self._end_of_a_name(words, j, k, range(i, i + n)):
                    return True  # (nor the country's name far from the town: "robbed in mexico" is no Estado de México;
                    # not the state of the same name said elsewhere: "soy de san cristobal tachira pero
                    # estoy en san cristobal de las casas"; nor the neighbour: "la frontera con panama" from San José)
        return False


def _state_first(words: list[str], r: _Reading, best: list[_Reading], readings: list[_Reading], lang: str) -> bool:
    """``r`` names the state of a town placed right after it ("in guanajato, celaya", "en chihuahua en juarez"), a
    town not dwarfed by the state's capital (in "sp capital, no glicério" the city's neighbourhood, not the state's village),
    nor a relative's ("estoy en chihuahua, en juarez esta mi hermano")."""
    said = {" ".join(words[r.start : r.end])} | {fold_name(o.place.name) for o in readings if (o.start, o.end) == (r.start, r.end)}
    return any(o.located and o.start > r.start and (o.start == r.end or (o.start == r.end + 1 and words[r.end] in IN_WORDS))
               and fold_name(o.place.admin1) in said and o.place.admin1 == r.place.admin1  # (not "hidalgo texas")
               and o.place.population * weights.PHONE_DWARFED >= r.place.population
               and not _relatives_town(words, o, lang) for o in best)


def _relatives_town(words: list[str], r: _Reading, lang: str) -> bool:
    """A relative is said to be at the town: "en juarez esta mi hermano", "en tuxtepec vive mi tia" (not "en juarez, mi
    esposo no despierta": the person helped is with the writer)."""
    return any_phrase(words[r.end : r.end + 2], "third_person", lang) and \
        not words_in("other_person", lang).isdisjoint(words[r.end : r.end + RELATIVE_AFTER + 1])


def _restated(name: str, names: set[str]) -> bool:
    """``name`` is one of ``names``, or one of them said in full: "llegue a victoria, ciudad victoria tamaulipas"."""
    return name in names or any(name.endswith(" " + n) or name.startswith(n + " ") for n in names)

