"""Typos of town names ("tapachla", "reynoza", "kito", "piedra negra"): rare words close to a
name, in spelling or in sound. A mixin of :class:`bot.places.resolve.PlaceResolver`, which
scores and places the readings found here like any other."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Collection, Iterable
from typing import Any

from rapidfuzz import fuzz, process

from bot.everyday import is_everyday
from bot.places import regions, weights
from bot.places.cues import ARTICLES, cue_kind, cue_words, is_filler
from bot.places.reading import ROUTE_COUNTRIES
from bot.places.reading import Context as _Context
from bot.places.reading import Message as _Message
from bot.places.reading import Reading as _Reading
from bot.places.reading import population as _population
from bot.places.states import state_names
from bot.places.weights import SHORT_STARTS
from bot.places.words import danger_words, is_danger_word
from bot.textnorm import fold

# Sounds written differently in the five languages, folded to one key.
_SOUNDS = [(re.compile(a), b) for a, b in (
    # Kreyòl writes Spanish "x" as "ks" ("Meksiko"), but as "s" before a consonant, where it sounds so ("Wistla",
    # "Tustla"), and "u"/"hu" before a vowel as "w" ("Pwebla", "Wixtla"); Spanish "g" before "e"/"i" sounds like
    # "j" ("troges" Trojes), and a "j" starting a word like English "h" ("juston" Houston, "Hwarez" Juárez); "gua" and
    # "hua" sound alike ("guaquillas" Huaquillas), and Kreyòl writes them "gwa" ("Managwa"); "ñ" is Kreyòl "ny" ("Akounya")
    (r"gu(?=a)|hu(?=a)|gw(?=a)", "w"), (r"ny(?=[aeiou])", "n"), (r"g(?=[ei])", "j"), (r"(?:^|(?<=\s))j", "h"), (r"x(?=[^aeiouy\s])", "s"), (r"x", "ks"),
    (r"ph", "f"), (r"th", "t"), (r"sh|ch", "x"), (r"qu|k|c(?=[^eiy])|c$", "k"), (r"c(?=[ei])", "s"), (r"z|ç", "s"),
    # and French names as they sound: no "r" before a consonant or at the end ("Mamlad" Marmelade, "Kapougana"),
    # no silent last "e", "t", "d" ("Milo" Milot, "Ikik" Iquique), "in"/"im" before a consonant as "en" ("Lenbe" Limbé)
    (r"(?<=[aeiou])r(?=[^aeiouy]|$)", ""), (r"(?<=\w\w)(?:es|e|t|d)\b", ""), (r"[ie][nm](?=[^aeiou]|$)", "en"),
    (r"w(?=[aeiou])", "u"), (r"v|w", "b"), (r"ll|y", "i"), (r"h", ""), (r"ou", "u"), (r"(?<=[aeo])i(?=[aeo])", ""),
    (r"(.)\1+", r"\1"), (r"\s+", ""),
)]


def _h_added(word: str, name: str) -> bool:
    """A silent "h" the name lacks starts the word: "hakuna" (matata) is no Acuña as said without "Ciudad". (A name's own
    "h", "j" or "g" may be written "h" or dropped: "Hwarez" is Juárez, "ermosiyo" Hermosillo; and a town's full name
    keeps its misspellings: "hoaxaca" is Oaxaca.)"""
    return word.startswith("h") and not name.startswith(("h", "j", "g", "x"))


def phonetic(text: str) -> str:
    """A rough sound key for Spanish, Kreyòl, French and Portuguese spellings of one name."""
    key = fold(text)
    for pattern, repl in _SOUNDS:
        key = pattern.sub(repl, key)
    return key


class TypoReadings:
    """Needs the resolver's ``extra``, ``capitals_only``, ``capital_first``, ``gazetteer``, ``countries``, ``commonness``, ``candidates``,
    ``_located``, ``_score`` and ``_state_after``; keeps two look-up tables of its own."""

    _fuzzy_names: dict[tuple[str, int], list[str]] | None = None
    _sound_names: dict[str, list[str]] | None = None

    def _state_elsewhere(self, query: str, words: list[str], end: int) -> bool:
        """A town's name followed by a state no town so called lies in: "esquintla chiapas" (Esquintla is
        Escuintla, Guatemala) may be a typo of Escuintla, Chiapas, "viktoria texas" of Victoria, Texas."""
        n = len(query.split())
        return bool(self._state_after(words, end)) and not any(  # ("viktoria" is also Victoria, Minnesota's other name)
            p.admin1 and self._admin1_named(words, end - n, n, p.admin1, p.country) for p in self.gazetteer.by_name[query])

    def _staff_in_the_plural(self, query: str, words: list[str], end: int, phone_country: str, danger: bool) -> bool:
        """A name of villages only that is a stop staff listed with a plural's "s" more or less ("paso canoa" is
        Paso Canoas, not the hamlet of Paso Canoa, Oaxaca; "peña blanca" Peñas Blancas): the typo is read too,
        unless the phone's country or a state named after it is a village's ("estoy en peña blanca" from a
        Honduran phone, "paso canoa oaxaca"), or the name glued is a town ("aguas calientes", Aguascalientes), or in
        danger, where a guessed stop gives its country's emergency number ("estoy en peña blanca ... mi marido me pega"
        was Costa Rica's)."""
        if danger:
            return False
        villages = self.gazetteer.by_name[query]
        glued = self.gazetteer.by_name.get(query.replace(" ", ""), ())
        if any(p.population >= 5000 for p in (*villages, *glued)) or \
                {phone_country, self._state_after(words, end)} & {p.country for p in villages}:
            return False
        either = [(w, w[:-1] if w.endswith("s") else w + "s") for w in query.split()]  # each word with its "s" or without
        return any(v != query and v in self.extra and self._free(v) for v in map(" ".join, itertools.product(*either)))

    def _state_right_after(self, words: list[str], at: int) -> bool:
        """A state named right after a word ("mision texas"; not "en avion desde texas")."""
        return at < len(words) and not is_filler(words[at]) and bool(self._state_after(words, at))

    def _danger_word(self, w: str, lang: str) -> bool:
        """A danger phrase's word, or a word of the language its stem starts ("golpearon" by "golpe*"),
        is no misspelt town; a stem's "word" that is no word at all may be one ("montreyal" is
        Montréal, not "montre*" as in "montre des photos"), and so may a word another language's stem
        starts ("pedras negras" in Spanish is Piedras Negras, not Portuguese "pedra*")."""
        return w in danger_words()[0] or (is_danger_word(w, lang) and self.commonness.zipf(w, lang) > 0)

    def _fuzzy_readings(self, msg: _Message, ctx: _Context) -> list[_Reading]:
        """Typos ("tapachla", "reynoza", "kito"): rare words close to a name, in spelling or in sound."""
        words = msg.words
        out: list[_Reading] = []
        sounds = self._names_by_sound()
        queries: list[tuple[int, int, str]] = []
        later: list[tuple[int, int, str]] = []
        states = {k for at, (_c, m) in msg.region_at.items() for k in range(at, at + m)}  # "m nan Chyapas": no Chiapa typed wrong
        for i, w in enumerate(words):
            if i in msg.blocked or (len(w) < 4 and w not in SHORT_STARTS) or w in self.countries or i - 1 in msg.checkpoint_at:
                continue  # (but "san pedrosula": a saint's short word starts many names)
            # an everyday word (or a danger word) is no typo of a town, but may start one of two or three
            # words ("piedra negra", "santa elenaa", "alto ospicio")
            danger = self._danger_word(w, ctx.lang)
            common = danger or self.commonness.zipf(w, ctx.lang) >= 2.5 or is_everyday(w)
            # (but a state named right after an everyday word may say it is a town of that state: "mision texas")
            for n in ((2, 3) if common and (danger or not self._state_right_after(words, i + 1)) else (1, 2, 3)):
                # (nor is a country's name: "Philipsburg, St Maarten" is no "st martin" misspelt)
                # (no name ends in a preposition: "m nan bele nan potoprens" is no Belém misspelt)
                if i + n <= len(words) and not (set(range(i, i + n)) & msg.blocked) and not set(range(i, i + n)) <= msg.country_words \
                        and not set(range(i, i + n)) <= states and not (n > 1 and words[i + n - 1] in cue_words("preposition")):
                    query = " ".join(words[i : i + n])
                    if query in self.extra or (query in self.gazetteer.by_name and not self._state_elsewhere(query, words, i + n)
                                               and not self._staff_in_the_plural(query, words, i + n, ctx.phone_country, msg.danger)) \
                            or _short_end(words[i : i + n]) \
                            or self._held_letter(query):  # "orlandoo" is Orlando, no typo of Orland Park
                        continue
                    if common and n == 3 and (self.commonness.zipf(words[i + 2], ctx.lang) >= 2.5
                                              or is_everyday(words[i + 2])):
                        continue  # "san pedro sulaa", not every three everyday words
                    (later if common else queries).append((i, n, query))
        queries += later
        found_at: list[tuple[int, int, dict[str, bool]]] = []
        for i, n, query in queries[:9]:
            # every word everyday ("same town", "cidade ainda"): only a near-exact spelling ("piedra negra")
            # (a country's name is no everyday word: "asis brazil" is Assis Brasil as it sounds)
            everyday = all((self.commonness.zipf(w, ctx.lang) >= 2.5 or is_everyday(w)) and w not in self.countries
                           for w in words[i : i + n])
            # name -> whether it counts only as a town of the state named right after ("mision texas")
            found: dict[str, bool] = dict.fromkeys(() if everyday else (
                name for name in sounds.get(phonetic(query), ()) if not (_h_added(query, name) and self._said_without_ciudad(name))),
                False)
            # a name that sounds the same ("ciudad acunha", Ciudad Acuña) is the reading: a bigger town
            # a few letters off ("Ciudad Cancún") would win on population alone
            if len(query) >= 5 and not found:
                cutoff = 88 if len(query) <= 6 else 90 if everyday else 84
                # ratio >= 84 needs lengths within about a third of each other
                pool = self._pool(query[0], len(query))
                for name, _score, _ in process.extract(query, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=4):
                    # "filed in march and nothing" is no "Marchand" (Dessalines), "mision texas" is Mission
                    if not (everyday and " " not in name):
                        found.setdefault(name, False)
                    elif self._state_right_after(words, i + n):
                        found.setdefault(name, True)
            if not found and not everyday and self._state_right_after(words, i + n):
                found.update(dict.fromkeys(self._sounds_in_state(query, words, i + n), True))  # "m nan kolombis ohayo"
            if len(query) >= 6 and not found and not everyday:  # (five letters swap into too many towns: "belme", mother-in-law, is no Belém)
                found.update(dict.fromkeys(self._swapped(query), False))  # "jaurez", "tapachual": two letters typed in turn
            if n == 1 and query.endswith(DIMINUTIVES):  # ("juchita" is Juchitán, "cachoerinha" Cachoeirinha)
                found = {name: stated for name, stated in found.items() if _diminutive_of(query, name)}
            found_at.append((i, n, found))
        found_at += [(i, n, dict.fromkeys(names, False)) for i, n, names in self._split_names(msg)]
        for i, n, found in found_at:
            for name, stated in found.items():
                namesakes = self.candidates(name)
                # the three biggest, and one in the state named right after it ("viktorya texas": not the three biggest)
                for place in namesakes[:3] + [p for p in namesakes[3:] if self._state_beside(msg, i, n, p)][:1]:
                    if place.population < 5000 and place.kind == "town" and name not in self.extra:
                        continue  # a typo of a village is too weak a guess
                    if stated and not (self._state_beside(msg, i, n, place) and cue_kind(words, i, ctx.lang) in ("current", "preposition")):
                        continue  # "mejor florida o texas": Florida is no state of a Manor, Texas; "best place florida": no "in"
                    if not self._located(msg, ctx, place, i, n, typo=True):
                        continue  # a near-miss of a name, with nothing saying it is a place: no
                    staff = name in self.extra
                    score = self._score(msg, ctx, place, i, n, name, staff, _population(place, staff),
                                        self.candidates(name), typo=True)
                    out.append(_Reading(place, i, i + n, score, typo=True, located=True,
                                        context=self._context_bonus(ctx, place, self.candidates(name), personal=True)))
        return out

    def _sounds_in_state(self, query: str, words: list[str], at: int) -> list[str]:
        """The town of the state named right after ``query`` that sounds most like it ("kolombis ohayo" is Columbus,
        "chalòt karolin dinò" Charlotte), if one does clearly: a looser match than anywhere, the state leaving few."""
        at += 1 if at < len(words) and is_filler(words[at]) else 0
        table, key = regions.names(self.gazetteer, ROUTE_COUNTRIES), phonetic(query)
        state = next(((table[name], fold(state_names().get(name, ("", name))[1])) for k in (3, 2, 1)
                      if (name := " ".join(words[at : at + k])) in table), None)
        if state is None or len(query) < 5:
            return []
        sounds = {name: k for name, k in _state_sounds(self.gazetteer).get(state, {}).items() if abs(len(k) - len(key)) <= 1}
        best = process.extract(key, sounds, scorer=fuzz.ratio, score_cutoff=weights.STATE_SOUND_RATIO, limit=2)
        # (lengths within one sound: "detansyon tegzas", detention in Texas, is no Denison)
        return [best[0][2]] if best and (len(best) == 1 or best[1][1] < best[0][1]) else []

    def _swapped(self, query: str) -> list[str]:
        """The names that are ``query`` with two letters side by side swapped back, the commonest typo on a phone
        (a spelling ratio counts it as two letters wrong: "jaurez" is too far from "juarez" for it)."""
        names = []
        for k in range(len(query) - 1):
            a, b = query[k], query[k + 1]
            if a != b and a != " " and b != " ":
                name = query[:k] + b + a + query[k + 2 :]
                places = self.gazetteer.by_name.get(name, ())
                if (places and places[0].population >= 5000) or (name in self.extra and self._free(name)):
                    names.append(name)
        return names

    def _pool(self, letter: str, size: int) -> list[str]:
        """The names a typo of ``size`` letters starting with ``letter`` may be: ratio >= 84 needs lengths
        within about a third of each other. A slice of the letter's names sorted by length (one list per
        letter, built once per resolver: staff's names are in it)."""
        runs = self.__dict__.setdefault("_runs", {})
        if letter not in runs:
            names = self._names_by_letter()
            ordered = [name for length in range(4, 61) for name in names.get((letter, length), ())]
            starts = [0] * 62
            for length in range(4, 62):
                starts[length] = starts[length - 1] + len(names.get((letter, length - 1), ())) if length > 4 else 0
            runs[letter] = (ordered, starts)
        ordered, starts = runs[letter]
        lo, hi = max(4, int(size * 0.72)), min(61, int(size * 1.38) + 1)
        return ordered[starts[lo] : starts[hi]] if lo < hi else []

    def _dwarfs(self, joined: str, spaced: str, countries: Collection[str]) -> bool:
        """The town called ``joined`` by its own name, in one of ``countries``, is many times bigger than any called
        ``spaced`` by its own."""
        def biggest(name: str, within: Collection[str] = ()) -> int:
            return max((p.population for p in self.gazetteer.by_name.get(name, ())
                        if fold(p.name) == name and (not within or p.country in within)), default=0)
        return bool(countries) and biggest(joined, countries) >= weights.SPLIT_DWARFED * max(biggest(spaced), 500)

    def _split_names(self, msg: _Message) -> list[tuple[int, int, tuple[str]]]:
        """A name typed in pieces ("mc allen", "guate mala"): the pieces joined are a town's name."""
        words, by_name = msg.words, self.gazetteer.by_name
        found = []
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                joined = "".join(words[i : i + n])
                alias = joined in self.extra and self._free(joined)  # ("k ap" is no "Kap", typed with its capital)
                if not alias and joined not in by_name:
                    continue
                pieces = words[i : i + n]
                if set(range(i, i + n)) & msg.blocked or any(w in ARTICLES for w in pieces) or (
                        " ".join(pieces) in by_name and not (self._dwarfs(joined, " ".join(pieces), {msg.named_at.get(i + n, "")} - {""})
                                                             and not (i and words[i - 1] in ARTICLES))):
                    continue  # "el monte" is no El Monte: "elmonte" is one of its other names (but "george town guyana"
                    # is Georgetown, far bigger than the George Town of the Bahamas, in the country named right after)
                place = by_name[joined][0] if joined in by_name else None
                if alias or (place is not None and place.population >= 5000 and fold(place.name) == joined  # "b.h.": staff's "bh"
                                            and max(len(w) for w in pieces) >= 4):  # not two short words ("te fe" is no Tefé)
                    found.append((i, n, (joined,)))
        return found

    def _said_without_ciudad(self, name: str) -> bool:
        """``name`` is a town's name said without its "Ciudad" ("acuna"), not any town's own."""
        return not any(fold(p.name) == name for p in self.gazetteer.by_name.get(name, ()))

    def _names_by_sound(self) -> dict[str, list[str]]:
        """Phonetic key -> names: "reynoza", "ermosiyo", "kito" sound like the towns they mean."""
        if self._sound_names is None:
            # (not the aliases that count only as typed, "PAP", "Kap": Kreyòl "k ap" sounds like "Kap")
            self._sound_names = _with_names(_gazetteer_sounds(self.gazetteer), self._typed_freely(), phonetic)
        return self._sound_names

    def _names_by_letter(self) -> dict[tuple[str, int], list[str]]:
        """(first letter, length) -> names: a typo keeps the first letter and about the length."""
        if self._fuzzy_names is None:
            self._fuzzy_names = _with_names(_gazetteer_letters(self.gazetteer),
                                            [n for n in self._typed_freely() if len(n) >= 4], lambda n: (n[0], len(n)))
        return self._fuzzy_names

    def _typed_freely(self) -> list[str]:
        return [n for n in self.extra if self._free(n)]

    def _free(self, alias: str) -> bool:
        """Not one of the aliases that count only as typed ("PAP", "Rio", "Kap")."""
        return alias not in self.capitals_only and alias not in self.capital_first


# The gazetteer's part of the tables is the same for every knowledge snapshot: built once per process
# (a third of a second), so that the first message after a reload does not pay for it again.
@functools.lru_cache(maxsize=2)
def _gazetteer_sounds(gazetteer: Any) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for name, places in gazetteer.by_name.items():
        # a town's own name, or the name people say without "Ciudad" ("Akounya" is Ciudad Acuña)
        if places[0].population >= 5000 and fold(places[0].name) in (name, f"ciudad {name}"):
            table.setdefault(phonetic(name), []).append(name)
    return table


@functools.lru_cache(maxsize=2)
def _state_sounds(gazetteer: Any) -> dict[tuple[str, str], dict[str, str]]:
    """(country, folded state) -> its towns' own names -> their sound keys."""
    table: dict[tuple[str, str], dict[str, str]] = {}
    for name, places in gazetteer.by_name.items():
        for p in places:
            if p.population >= 5000 and p.admin1 and p.country in ROUTE_COUNTRIES and fold(p.name) == name:
                table.setdefault((p.country, fold(p.admin1)), {})[name] = phonetic(name)
    return table


@functools.lru_cache(maxsize=2)
def _gazetteer_letters(gazetteer: Any) -> dict[tuple[str, int], list[str]]:
    buckets: dict[tuple[str, int], list[str]] = {}
    for name, places in gazetteer.by_name.items():
        if len(name) >= 4 and places[0].population >= 5000:
            buckets.setdefault((name[0], len(name)), []).append(name)
    return buckets


def _with_names(shared: dict, names: Iterable[str], key: Callable[[str], Any]) -> dict:
    """``shared`` plus ``names`` (the staff's places), staff names first as before; ``shared`` and
    its lists stay untouched."""
    table = dict(shared)
    added: dict[Any, list[str]] = {}
    for name in names:
        added.setdefault(key(name), []).append(name)
    for k, own in added.items():
        table[k] = own + table.get(k, [])
    return table


# a diminutive is an everyday word, no misspelt town ("estamos na salinha do aeroporto": a small room, no Salinópolis),
# unless the town's name begins with it or is a diminutive too
DIMINUTIVES = ("inha", "inho", "inhas", "inhos", "ito", "ita", "itos", "itas")


def _diminutive_of(word: str, name: str) -> bool:
    """Whether a word ending like a diminutive may be a misspelling of ``name``: "juchita" of Juchitán, "iquito" of
    Iquitos, "cachoerinha" of Cachoeirinha, but not "salinha" of Salinas."""
    return name.startswith(word) or name.endswith(next(s for s in DIMINUTIVES if word.endswith(s)))


def _short_end(words: list[str]) -> bool:
    """Too short to end a typo: under four letters, but for three after a long word ("eagle pas" for Eagle
    Pass, "dell rio"; not "... que" after every word)."""
    return len(words[-1]) < 3 or (len(words[-1]) == 3 and (len(words) != 2 or len(words[0]) < 4))
