"""What a message names besides towns, and where: the countries (and their capitals), the states and
regions; and its words, pauses and capitals (a border's side: ``sides.py``). A mixin of
:class:`bot.places.resolve.PlaceResolver`, which weighs the towns against what is found here."""

from __future__ import annotations

import functools
from collections.abc import Collection
from pathlib import Path

from bot import LANGUAGES
from bot.datafiles import read_yaml
from bot.everyday import EVERYDAY_ZIPF
from bot.places import regions, weights
from bot.places.corrections import town_answered_no
from bot.places.cues import (
    AND,
    ARTICLES,
    COPULAS,
    any_phrase,
    before_town,
    cue_kind,
    cues,
    cues_in,
    leaving_before,
    other_person,
    phrases_by_first_word,
    words_in,
)
from bot.places.gazetteer import Place
from bot.places.holy import after_holy_title, saint_invoked
from bot.places.kreyol import kreyol_spellings
from bot.places.legs import between_zone
from bot.places.reading import ROUTE_COUNTRIES, asked, fold_name, hyphened, tokens
from bot.places.reading import Message as _Message
from bot.places.states import in_state_of, state_abbreviations
from bot.places.words import WORDFREQ_LANGUAGES, own_zipf, word_zipf
from bot.textnorm import fold

COUNTRIES_FILE = Path(__file__).resolve().parent / "countries.yml"

OF_COUNTRY = frozenset("de del du da do no na nan en in au aux el la em of celui celle the one".split())  # between a town and its country
# In French "Mexico" is the city (the country is "le Mexique"): "je suis à Mexico depuis une semaine".
CITY_NOT_COUNTRY = {"fr": frozenset({"mexico"}), "ht": frozenset({"mexico"}), "pt": frozenset({"salvador"})}  # "à mexico", "m nan mexico" (the country is
# "Mexique", "Meksik"), "em salvador": the cities
# another language's name of a country that is a dish here: "they gave us chili at the shelter in denver" (French Chile)
# (not after "in", "to", "from": Haitians write Chile "Chili" in English too, "we are in chili, my baby is not breathing")
WORD_NOT_COUNTRY = {"en": frozenset({"chili"})}
INTO = frozenset(("in", "to", "from", "into", "at", "of"))


# Streets, markets, stations and neighbourhoods named after a country ("mercado Jamaica" in Mexico City, "calle Paraguay"
# in Panama, "Jamaica, Queens"): the word before or after says so, and the country's numbers must not follow. (Not
# cues.yml's ``before_a_street``: its roads, "wout", "route", "highway", lead to a country: "nou sou wout Meksik")
STREET_BEFORE = frozenset("calle avenida av avenue ave rua rue barrio colonia col bairro mercado market metro estacion "
                          "station plaza praca parque boulevard blvd jiron carrera paseo pasaje esquina street road lari "
                          "mache avni".split())
STREET_AFTER = frozenset("street st ave avenue road rd station plain queens market blvd boulevard".split())

@functools.cache
def other_countries() -> dict[str, tuple[str, ...]]:
    """``countries.yml``: the folded names of countries the knowledge has no file for."""
    doc = read_yaml(COUNTRIES_FILE)
    return {str(code): tuple(fold(str(n)) for n in names) for code, names in (doc.get("countries") or {}).items()}


@functools.cache
def other_country_label(code: str) -> str | None:
    """How to show a country the knowledge has no file for: its first name in ``countries.yml`` ("Bolivia")."""
    names = other_countries().get(code)
    return names[0].title() if names else None


@functools.cache
def shown_only() -> frozenset[str]:
    """``countries.yml``: names of countries in their files that are towns or names too, never read as the country."""
    doc = read_yaml(COUNTRIES_FILE)
    return frozenset(fold(str(n)) for n in doc.get("shown_only") or ())


def other_names() -> dict[str, tuple[str, ...]]:
    """``countries.yml``: other names people give the countries the knowledge has a file for ("eeuu", "ozetazini")."""
    doc = read_yaml(COUNTRIES_FILE)
    return {str(code): tuple(fold(str(n)) for n in names) for code, names in (doc.get("other_names") or {}).items()}


@functools.cache
def short_forms() -> dict[str, tuple[str, ...]]:
    """``countries.yml``: a country's short form written after one of its towns ("santiago rd") -> the countries of
    that form (Kreyòl "gwiyan" is both Guianas': the town before it says which)."""
    doc = read_yaml(COUNTRIES_FILE)
    table: dict[str, tuple[str, ...]] = {}
    for code, shorts in (doc.get("after_a_town") or {}).items():
        for short in shorts:
            table[fold(str(short))] = (*table.get(fold(str(short)), ()), str(code))
    return table


@functools.cache
def agencies() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """``countries.yml``: an agency of one country only ("border patrol", "senafront") and its country, by first word."""
    doc = read_yaml(COUNTRIES_FILE)
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for code, names in (doc.get("agencies") or {}).items():
        for name in names:
            phrase = tuple(fold(str(name)).split())
            table.setdefault(phrase[0], []).append((phrase, str(code)))
    return {w: tuple(ps) for w, ps in table.items()}


# "which" asks without a question mark ("guys which way is safer, piedras negras or juarez")
WHICH = frozenset("which cual cuales qual quais lequel laquelle lesquels kiles kiyes".split())


def agencies_named(words: list[str]) -> set[str]:
    """The countries whose agencies the words name; the longest name where names overlap ("cbp one", the app
    people use while waiting in Mexico, is no "cbp")."""
    table = agencies()
    found = [(i, i + len(phrase), code) for i, w in enumerate(words) for phrase, code in table.get(w, ())
             if tuple(words[i : i + len(phrase)]) == phrase]
    return {code for i, j, code in found if not any(a <= i and j <= b and b - a > j - i for a, b, _ in found)}


@functools.cache
def capitals() -> dict[str, str]:
    """``countries.yml``: each route country's capital, folded as the gazetteer names it."""
    doc = read_yaml(COUNTRIES_FILE)
    return {str(code): fold(str(name)) for code, name in (doc.get("capitals") or {}).items()}



class MessageReading:
    """Needs the resolver's ``countries``, ``gazetteer``, ``_big_town``, ``_gazetteer_named`` and ``_state_beside``."""

    def _cue_of_town_before(self, words: list[str], i: int, lang: str) -> str | None:
        """The cue of a town named right before a country ("soy de merida venezuela": the country one comes from)."""
        k = next((k for k in (3, 2, 1) if k <= i and " ".join(words[i - k : i]) in self.gazetteer.by_name), 0)
        return cue_kind(words, i - k, lang) if k else None

    @staticmethod
    def _country_after(msg: _Message, end: int) -> str:
        """The country named right after a town, maybe behind "de", "du", "no", "in", "el de": "santiago du
        chili", "são josé da costa rica", "santiago, el de república dominicana", "santiago no chile"."""
        j = end
        while j < min(len(msg.words), end + 3) and msg.words[j] in OF_COUNTRY:
            j += 1
        if "the" in msg.words[end:j] and "one" not in msg.words[end:j]:
            return ""  # "desaguadero, the peru police sent us back": the police's country (but "the one in chile")
        after = next((k for k in range(j + 1, len(msg.words) + 1) if k not in msg.country_words), len(msg.words))
        if j in msg.named_at and after < len(msg.words) and msg.words[after] in regions.AUTHORITIES:
            return ""  # "in bolivia desaguadero, peru police send us back": the police's country, not the town's
        return msg.named_at.get(j, "") if j > end or end in msg.named_at else ""

    def _big_city(self, name: str) -> bool:
        return any(p.population >= weights.BIG_CITY for p in self.gazetteer.by_name.get(name, ()))

    def _message(self, text: str, lang: str = "") -> _Message:
        words, originals, pause_after, starts, exclaimed = tokens(text[:500])
        denied = _denied(words, lang, pause_after)  # "not Nicaragua", "toledo parana, n é em ohio"
        asked_at = asked(text[:500])
        from bot.safety.danger import detector

        blocked = detector().positions(words)
        # an answer "no" with its pause negates no cue after it: "não, tô em caucaia" is there ("não tô em" is not)
        answers = _answers(words, starts | {i + 1 for i in asked_at}, pause_after, lang)
        words = [f"{w}_" if k in answers else w for k, w in enumerate(words)]
        answered_no = town_answered_no(self.gazetteer.by_name, words, asked_at, pause_after, lang)  # "cuiabá? não, to em caceres"
        denied |= answered_no
        blocked |= answered_no  # neither the town asked nor its country
        # a sum is no town: "50 quetzales" is no El Quetzal (the currency says nothing of where the person is: money is
        # carried, sent home, asked as ransom)
        blocked |= {i for i, w in enumerate(words) if w in CURRENCIES and i and words[i - 1].isdigit()}
        blocked |= after_holy_title(words) | saint_invoked(words, lang, pause_after, self._big_city) | _idioms(words, lang)
        blocked |= _verbs_after_a_clitic(words, originals, lang) | _repeated_cries(words, exclaimed) | _exclaimed_noun(words, originals, starts, lang)
        country_at: dict[int, str] = {}
        mentioned: set[str] = set()
        taken: set[int] = set()
        crossed: dict[int, str] = {}
        capital_at: dict[int, tuple[int, str]] = {}
        named_at: dict[int, str] = {}
        unplaced: set[int] = set()  # the word after a country named as the way, the origin or someone else's
        states, in_states = regions.names_in(self.gazetteer, ROUTE_COUNTRIES, lang), set()
        for n in (3, 2, 1):  # countries first: "asilo en mexico" names a country, not a town
            for i in range(len(words) - n + 1):
                name = " ".join(words[i : i + n])
                code = self.countries.get(name) if name not in CITY_NOT_COUNTRY.get(lang, ()) else None
                if code and self._town_before_its_state(words, originals, pause_after, i, n, code):
                    pass  # "Columbia South Carolina", "mexico missouri": the town, read as any other
                elif code and _in_a_state(words, i, n, states):
                    in_states.update(range(i, i + n))  # no country, and no town either: "no Novo México" is no Mexico City
                elif code and name in WORD_NOT_COUNTRY.get(lang, ()) and not (i and words[i - 1] in INTO):
                    taken.update(range(i, i + n))  # "they gave us chili at the shelter": an English dish (but "in chili")
                elif code and (i and words[i - 1] in STREET_BEFORE or i + n < len(words) and words[i + n] in STREET_AFTER):
                    taken.update(range(i, i + n))  # "mercado Jamaica", "calle paraguay", "jamaica queens": a street, no country
                elif code and (i in denied or any(tuple(words[max(0, i - len(p)) : i]) == p for p in cues("naming"))
                               or (i + n - 1 not in pause_after and any(tuple(words[i + n : i + n + k]) in cues("after_a_name")
                                                                      for k in range(1, 7)))):
                    # "in León, Guanajuato, not Nicaragua", "me llamo Salvador", "Salvador is my friend": no evidence
                    taken.update(range(i, i + n))
                elif code and not taken & set(range(i, i + n)):
                    mentioned.add(code)
                    named_at[i] = code
                    capital = self._capital_named(words, i, n, code, capital_at)
                    if not self._big_town(name):  # "salvador" is El Salvador and Salvador, Bahia
                        taken.update(range(i, i + n))
                    before = regions.not_crossed_yet(words, i, lang, code)
                    if before is not None:  # "nou poko janbe fwontyè Panama": still in Colombia
                        if before:
                            country_at[i] = before
                    elif regions.crossed_into(words, i):
                        crossed[i] = code  # "cruzamos pa guatemala": there now, unless another country says more
                    elif capital is not None and cue_kind(words, capital, lang) not in ("origin", "destination"):
                        country_at[i] = code  # "san jose, capital da costa rica": the country is named, "da" is no "from"
                    elif _country_cue(words, i, lang, pause_after) not in ("origin", "destination", "of") and not leaving_before(words, i, lang) \
                            and self._cue_of_town_before(words, i, lang) not in ("origin", "destination") \
                            and not _hearsay(words, i, lang) and not _border_with(words, i) \
                            and not other_person(before_town(words, i), False, lang) \
                            and not (i >= 2 and words[i - 1] in AND and i - 1 in unplaced):  # "salimos de honduras"
                        country_at[i] = code  # (not "manman m ozetazini", "mi mama en estados unidos": theirs)
                    else:
                        unplaced.add(i + n)  # "m vle pase peru ak bolivi": the country after "and" is on the way too
        def later_country(at: int) -> bool:  # "Saint-Martin côté français, je suis à Marigot maintenant en Haïti"
            return any(k > at for k in named_at) or not NOW_WORDS.isdisjoint(words[at:])

        for i, n, code in self._short_forms_at(words):  # "santiago rd": the Dominican Santiago; "aqui en RD" (not English "in rd": a road)
            code = None if words[i] == "dr" and (i in exclaimed or not self._dominican_dr(originals, i, pause_after, starts)) else code
            code = None if code and any(in_state_of(words[i], self.gazetteer.by_name.get(" ".join(words[j:i]), ())) for j in (i - 1, i - 2)) else code
            code = None if code == "PR" and i not in pause_after and words[i + 1 : i + 2] and words[i + 1] in words_in("por_after", lang) and (
                originals[i] != "PR" or all(t.isupper() for t in originals if t[:1].isalpha())) else code  # "pr favor" is "por"
            shared = len(short_forms()[" ".join(words[i : i + n])]) > 1  # "gwiyan": only its town says which, if there
            if code and not taken & set(range(i, i + n)) \
                    and not (shared and self._cue_of_town_before(words, i, lang) in ("origin", "destination")) and (
                    self._town_of(code, words, max(0, i - 3), i, ending=True)
                    # its own name with "na", "in" between: "Basse-Terre na Guadalupe"
                    or (i > 1 and words[i - 1] in OF_COUNTRY and self._town_of(code, words, max(0, i - 4), i - 1, ending=True, own=True))
                    # a few words before one, its side named: "St Martin french side, Marigot" (not "Sen Maten bò Marigo":
                    # a Port-au-Prince parish near Haiti's Marigot; nor "vengo de rd, en santiago")
                    or (n > 1 and (side := regions.side_named(words, i + n)) and not later_country(i)
                        and self._town_of(code, words, side, min(len(words), side + 3)))
                    # or just before it: "marigot côté français de saint-martin"
                    or (n > 1 and (side := regions.side_before(words, i)) and self._town_of(code, words, max(0, side - 3), side, ending=True))
                    or (n == 1 and len(words[i]) <= 3 and i and lang not in ("en", "") and words[i - 1] in SHORT_FORM_AFTER
                        and not other_person(before_town(words, i), False, lang))):  # (not "mi familia esta en RD")
                country_at[i], mentioned = code, mentioned | {code}
                taken.update(range(i, i + n))
        if not country_at:
            country_at.update(crossed)
        letters = [t for t in originals if t[:1].isalpha()]
        caps = sum(1 for t in letters if t[:1].isupper()) / len(letters) if letters else 0.0
        found = regions.find(words, states, lang, taken | blocked | denied | self._town_of_state_after(words, lang)
                             | self._town_of_country_after(words, named_at) | self._end_of_a_town_name(words, states),
                             regions.big(self.gazetteer, ROUTE_COUNTRIES), frozenset(pause_after),
                             regions.named_like_their_town(self.gazetteer, ROUTE_COUNTRIES))
        taken |= in_states
        return _Message(words, originals, blocked, country_at, taken, pause_after, caps, mentioned, starts,
                        region_at=found, between=between_zone(words), exclaimed=exclaimed, capital_at=capital_at,
                        named_at=named_at, question="?" in text[:500] or not WHICH.isdisjoint(words), agencies=agencies_named(words),
                        hyphened=hyphened(text[:500]), checkpoint_at=regions.checkpoints(words, originals))

    @staticmethod
    def _short_forms_at(words: list[str]) -> list[tuple[int, int, str]]:
        """Each country's short form in ``words`` ("rd", "marigot, saint martin"): (where, how many words, the country),
        once per country a form may be ("gwiyan")."""
        found = []
        for i in range(len(words)):
            n = 2 if i + 1 < len(words) and " ".join(words[i : i + 2]) in short_forms() else 1
            found += [(i, n, code) for code in short_forms().get(" ".join(words[i : i + n]), ())]
        return found

    @staticmethod
    def _dominican_dr(typed: list[str], i: int, pauses: Collection[int], starts: Collection[int]) -> bool:
        """"Santiago DR, ...": typed in capitals right after the town, then a pause or the end; not a doctor ("DR Lopez",
        "DR. Garcia", "DR perez", "en Santiago, DR, please help", "Santiago, DR!!"), nor a message all in capitals."""
        return typed[i] == "DR" and (i + 1 == len(typed) or (i in pauses and i + 1 not in starts)) \
            and i - 1 not in pauses and not all(t.isupper() for t in typed if t[:1].isalpha())

    def _town_of(self, code: str, words: list[str], start: int, end: int, ending: bool = False, own: bool = False) -> bool:
        """Whether a town of country ``code`` is named within ``words[start:end]`` (``ending``: ending at ``end``; ``own``:
        by its own name or its Kreyòl spelling, not an alternate one: "orleans" is also Quartier d'Orléans, Saint-Martin)."""
        spans = [(end - k, end) for k in (1, 2, 3) if end - k >= start] if ending else \
            [(j, j + k) for j in range(start, end) for k in (1, 2, 3) if j + k <= end]
        return any(p.country == code and (not own or fold_name(p.name) == gram or gram in kreyol_spellings(p.name))
                   for a, b in spans for gram in (" ".join(words[a:b]),) for p in self.gazetteer.by_name.get(gram, ()))

    def _town_of_country_after(self, words: list[str], named_at: dict[int, str]) -> set[int]:
        """The words that name a town of the country written right after them: "to em Parana, Argentina" is the city of
        Paraná, not Brazil's state."""
        return {j for i, n in ((i, n) for n in (1, 2, 3) for i in range(len(words) - n) if named_at.get(i + n))
                if any(p.country == named_at[i + n] and fold(p.name) == " ".join(words[i : i + n])
                       for p in self.gazetteer.by_name.get(" ".join(words[i : i + n]), ()))
                for j in range(i, i + n)}

    def _town_before_its_state(self, words: list[str], typed: list[str], pauses: Collection[int], i: int, n: int,
                               code: str) -> bool:
        """A country's name is that of a town whose state is written right after it ("columbia sc"); not a hamlet of
        that country ("en mexico, chiapas" is the country and its state), but a village of another ("Cuba, Nuevo
        Mexico": nobody is in Cuba and New Mexico), called so by its own name ("panama city florida" is no Panama)."""
        window, typed_window = words[i : i + n + 3], typed[i : i + n + 3]
        return any(self._admin1_named(window, 0, n, p.admin1, p.country, typed_window, [k - i for k in pauses if k >= i])
                   for p in self.gazetteer.by_name.get(" ".join(words[i : i + n]), ())
                   if (p.population >= weights.TOWN_OF_A_COUNTRY_NAME
                       or (p.country != code and COPULAS.isdisjoint(words[i + n : i + n + 5])))  # "cuba, misuri es donde vive"
                   and fold(p.name) == " ".join(words[i : i + n]))

    def _end_of_a_town_name(self, words: list[str], states: Collection[str]) -> set[int]:
        """The last words of a town's name that begins before them: "Montréal-Nord" names no Nord (Haiti's department),
        "Ciudad de Guatemala" no department of Guatemala (a town of 5,000 people or more; not one whose name starts a
        state's, "Nuevo León", "Rio Grande do Sul", nor its article, "el Darién")."""
        # (the town look-up first: on the per-message path, most spans name no town and need no state look-up)
        return {j for n in (2, 3, 4) for i in range(len(words) - n + 1)
                if words[i] not in ARTICLES
                and any(p.population >= weights.RARE_NAME_POPULATION for p in self.gazetteer.by_name.get(" ".join(words[i : i + n]), ()))
                and not any(" ".join(words[i : i + k]) in states for k in range(n, n + 3))
                for j in range(i + 1, i + n)}

    def _town_of_state_after(self, words: list[str], lang: str = "") -> set[int]:
        """The words that name a town of the state written right after them: "estamos en florida valle" is Florida, Valle
        del Cauca, not the state of Florida; "hidalgo tx" is Hidalgo, Texas. One-word towns, and short forms of four
        letters or more, or of two that are no word of the message's language ("pa", "on", "in" are words first)."""
        short = _long_short_forms()
        return {i for i in range(len(words) - 1) if (states := short.get(words[i + 1]) or _two_letter_form(words[i + 1], lang))
                and any((p.country, fold(p.admin1)) in states for p in self.gazetteer.by_name.get(words[i], ()))}

    def _capital_named(self, words: list[str], i: int, n: int, code: str, found: dict[int, tuple[int, str]]) -> int | None:
        """ "la capital de guatemala", "cidade do panamá", "guatemala siti": the country's capital (where the
        phrase starts, or None)."""
        if code not in capitals():
            return None
        before = max((len(p) for p in cues("capital_of") if len(p) <= i and tuple(words[i - len(p) : i]) == p), default=0)
        if before:  # with its article: "la capital de honduras" (the town takes none)
            start = i - before - (1 if i - before > 0 and words[i - before - 1] in ARTICLES else 0)
            found[start] = (i + n, code)
            return start
        after = max((len(p) for p in cues("capital_after") if tuple(words[i + n : i + n + len(p)]) == p), default=0)
        if after:  # "guatemala siti", "estamos em El Salvador, na capital"
            found[i] = (i + n + after, code)
            return i
        return None

    def _capital(self, code: str) -> Place | None:
        name = capitals().get(code, "")
        return next(iter(self._gazetteer_named(name, code)), None) if name else None


def _two_letter_form(form: str, lang: str) -> frozenset[tuple[str, str]]:
    """The (country, folded state) a two-letter short form names, when it is no everyday word of ``lang`` ("tx", not "pa")."""
    if len(form) != 2 or lang not in WORDFREQ_LANGUAGES or own_zipf(form, lang) >= regions.WORD_ZIPF:
        return frozenset()
    return _two_letter_forms().get(form, frozenset())


@functools.cache
def _two_letter_forms() -> dict[str, frozenset[tuple[str, str]]]:
    table: dict[str, set[tuple[str, str]]] = {}
    for cc, forms in state_abbreviations().items():
        for form, state in forms.items():
            if len(form) == 2:
                table.setdefault(form, set()).add((cc, fold(state)))
    return {form: frozenset(states) for form, states in table.items()}


@functools.cache
def _long_short_forms() -> dict[str, frozenset[tuple[str, str]]]:
    """State short forms of four letters or more ("valle", "chih") -> the (country, folded state) they name; two-letter
    ones ("pa", "on", "in", "me") are words first."""
    table: dict[str, set[tuple[str, str]]] = {}
    for cc, forms in state_abbreviations().items():
        for form, state in forms.items():
            if len(form) >= 4:
                table.setdefault(form, set()).add((cc, fold(state)))
    return {form: frozenset(states) for form, states in table.items()}


# Currencies named like towns (El Quetzal, Lempira, Colón...): after a number, money.
CURRENCIES = frozenset(("quetzal", "quetzales", "lempira", "lempiras", "cordoba", "cordobas", "colon", "colones",
                        "bolivares", "reais", "gourdes", "goud", "gouds", "soles", "pesos"))


def _verbs_after_a_clitic(words: list[str], originals: list[str], lang: str) -> set[int]:
    """An everyday word right after a pronoun that only stands before a verb is that verb: "mi marido me golpeo y me
    quito el cel" (took from me) is no Quito, "se salvo" no Salvador (a capital typed keeps it a name)."""
    clitics = {p[0] for p in cues_in("clitic", lang)}  # none in Kreyòl, nor when the language is unknown
    return {i for i in range(1, len(words)) if words[i - 1] in clitics and not originals[i][:1].isupper()
            and word_zipf(words[i], lang) >= EVERYDAY_ZIPF}


def _repeated_cries(words: list[str], exclaimed: set[int]) -> set[int]:
    """A word said twice and cried out is a cry, not a town: "victoria victoria!!! ya nos dieron la cita"."""
    return {k for i in exclaimed if i and words[i - 1] == words[i] for k in (i - 1, i)}


def _hearsay(words: list[str], i: int, lang: str) -> bool:
    """The country at ``i`` is what people say about it: "ppl saying canada takes everyone", "yo di Brezil ap bay
    viza" (not "dicen que... estoy en mexico": where the person says they are)."""
    return cue_kind(words, i, lang) != "current" and any_phrase(words[max(0, i - 6) : i], "hearsay", lang)


NOW_WORDS = frozenset(p[0] for p in cues("now") if len(p) == 1)  # "maintenant", "kounya", "ahora"
SHORT_FORM_AFTER = frozenset(("en", "la", "nan", "em", "na"))  # "estoy en RD", "nou nan RD": the country


def _border_with(words: list[str], i: int) -> bool:
    """The country at ``i`` is the neighbour at a border: "la frontera con panama", "the border with mexico"."""
    return any(tuple(words[max(0, i - len(p)) : i]) == p for p in cues("border_with"))


EXCLAIMING = {"es": ("que",), "pt": ("que",), "fr": ("quel", "quelle"), "en": ("what a",)}


def _exclaimed_noun(words: list[str], typed: list[str], starts: set[int], lang: str) -> set[int]:
    """An everyday noun a sentence opens exclaiming: "¡qué progreso!", "que paraíso", "what a relief" (no El Progreso;
    but "Que Palmas quente": a name typed with its capital)."""
    out: set[int] = set()
    for lead in EXCLAIMING.get(lang, ()):
        k = len(lead.split())
        out |= {i for i in range(k, len(words)) if i - k in starts and " ".join(words[i - k : i]) == lead
                and word_zipf(words[i], lang) >= 4.0 and not (typed[i][:1].isupper() and not typed[i].isupper())}
    return out


def _idioms(words: list[str], lang: str) -> set[int]:
    """The words of an everyday phrase with a town's name in it ("union libre", "la esperanza de"): never a town."""
    by_first = phrases_by_first_word("idiom", lang if lang in LANGUAGES else "")
    intensifiers = words_in("intensifier", lang)  # and the adjective after "muito", "very": "muito formosa"
    return {k for i, w in enumerate(words) for p in by_first.get(w, ()) if tuple(words[i : i + len(p)]) == p
            for k in range(i, i + len(p))} | {i + 1 for i, w in enumerate(words[:-1]) if w in intensifiers}


def _denied(words: list[str], lang: str, pauses: set[int]) -> set[int]:
    """The words a negation denies, a country's or a state's: "not Nicaragua", "no es en chile", "pas au Nicaragua",
    "n é em ohio"; only a copula, an article or a preposition between, no pause ("no, en mexico todavia" answers a
    question; "not ok in mexico" denies the ok)."""
    if lang not in LANGUAGES:
        return set()  # Spanish "no" is "not", Portuguese "no" "in the"
    negation = words_in("negation", lang)
    if negation.isdisjoint(words):
        return set()  # most messages
    between = _between_denial(lang)
    return {i for i in range(len(words)) if any(
        words[k] in negation and all(w in between for w in words[k + 1 : i]) and not pauses & set(range(k, i))
        for k in range(max(0, i - 3), i))}


def _answers(words: list[str], starts: set[int], pauses: set[int], lang: str) -> set[int]:
    """Where a sentence, or the words after a question, open with an answer "no" and its pause ("no, estamos en X",
    "não. tô em X"): an answer, no negation of what follows."""
    return {k for k in starts if k < len(words) and k in pauses and words[k] in words_in("answered_no", lang)}


@functools.cache
def _between_denial(lang: str) -> frozenset[str]:
    return COPULAS | ARTICLES | words_in("preposition", lang) | THE_ONE_OF


# "not the one of": "estoy en leon, no el de nicaragua, el de guanajuato", "pas celui du mexique" (not English "one": "not
# one in mexico helps haitians" denies no country; nor Portuguese "da": "não dá" is "it can't be done")
THE_ONE_OF = frozenset("de del celui celle du".split())


def _country_cue(words: list[str], i: int, lang: str, pauses: Collection[int]) -> str | None:
    """The cue before the country at ``i``, or before the part of it named: "en el norte de chile" is in Chile (not
    "estoy en el norte, de mexico no se nada")."""
    kind = cue_kind(words, i, lang)
    if kind == "of" and i >= 2 and (words[i - 2],) in cues_in("part_of", lang) and not {i - 2, i - 1} & set(pauses):
        return cue_kind(words, i - 2, lang)
    return kind


def _in_a_state(words: list[str], i: int, n: int, states: dict[str, str]) -> bool:
    """The country's name is a word of a state's: "las cruces nuevo mexico", "en colombie britannique"."""
    return any(" ".join(words[j : j + m]) in states for m in range(n + 1, regions.MAX_WORDS + 1)
               for j in range(max(0, i + n - m), min(i, len(words) - m) + 1))
