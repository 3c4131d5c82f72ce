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
from bot.places.around import cue_score
from bot.places.cues import cue_kind, cue_words, state_word_before
from bot.places.presence import DEPORTED
from bot.places.states import state_names
from bot.places.words import word_zipf
from bot.textnorm import fold

# Regions of the route that are no state: the name people use, and its country.
NATURAL = {"uraba": "CO", "lacandona": "MX", "mosquitia": "HN", "darien gap": "PA",
           "tuquesa": "PA", "turquesa": "PA", "chucunaque": "PA",  # the Darién's rivers, where the crossings are
           "dariyen": "PA", "daryen": "PA"}  # the Darién in Kreyòl ("nou nan forè Dariyen an": no Darien, Illinois)
# Departments named like an everyday phrase: "llegamos a tapachula gracias a dios" thanks God, it names no Honduran
# department (La Mosquitia, where it lies, is named by NATURAL).
IDIOMS = frozenset(("gracias a dios",))
# The land people cross: "la selva del darien", "el desierto de sonora", "nan dezè arizona".
FEATURES = frozenset(fold(w) for w in (
    "selva jungla monte desierto sierra montaña montañas bosque trocha "  # es
    "jungle desert forest mountains mountain woods wilderness "  # en
    "forêt désert montagne montagnes brousse "  # fr
    "forè dezè mòn bwa jeng "  # ht
    "mata floresta deserto mato serra trilha "  # pt
    "side lado cote bo".split()))  # "the arizona side", "lado de texas", "côté texas"
# The roads named after the town they lead to: "sur la route de saint-laurent", "la carretera de tapachula" (a city's
# size alone does not choose among the namesakes of one: located.py)
ROADS = frozenset(fold(w) for w in "route chemin carretera camino autopista road highway wout estrada rodovia".split())
# The posts where people on the road are stopped: "nos agarraron en el retén", "en la garita" (El Retén, La Garita are
# towns too, but said so, lowercase, they are the post)
CHECKPOINTS = frozenset(fold(w) for w in "retén reten garita alcabala caseta aduana peaje".split())
CHECKPOINT_ARTICLES = frozenset("el la le the o a al del au du na no numa num un una um uma".split())


def checkpoints(words: list[str], typed: list[str]) -> set[int]:
    """Where an article, maybe fused ("na", "al", "del"), stands before a checkpoint's word typed lowercase ("en el
    reten", "nan la garita", "na garita")."""
    return {i for i in range(len(words) - 1) if words[i] in CHECKPOINT_ARTICLES and words[i + 1] in CHECKPOINTS
            and not typed[i + 1][:1].isupper()}


LINKS = frozenset("de del do da dos das du des of la le el a the".split())
# "del lado panameño", "the mexican side", "côté colombien", "bò kote panameyen": a country's side of a
# border, named by its people's adjective beside a side word.
# (Kreyòl "kote" alone is "where": "kote legliz ayisyen yo ye"; its side is "bò kote", "bò")
SIDES = frozenset(fold(w) for w in "lado banda territorio suelo side territory soil cote territoire bo teritwa territorio".split())
# a side of Saint-Martin named: "french side", "côté français", "bò fransè a", "lado holandés"
FRENCH_SIDE = frozenset("french francais franse frances francesa".split())
DUTCH_SIDE = frozenset("dutch hollandais neerlandais olande holandes holandesa".split())
SIDE_NAMES = FRENCH_SIDE | DUTCH_SIDE


def side_named(words: list[str], at: int) -> int:
    """Where the words after "side" end, when a side of the island is named right at ``at``: "french side",
    "lado francés", "côté français", "bò fransè a" (not "hablo francés"); else 0."""
    for k in (2, 3):
        said = words[at : at + k]
        if len(said) == k and SIDE_NAMES.intersection(said) and SIDES.intersection(said):
            return at + k + (1 if at + k < len(words) and words[at + k] in ("a", "la", "the") else 0)
    return 0


def side_before(words: list[str], at: int) -> int:
    """Where a side named right before ``at`` starts, maybe behind "de", "of": "côté français de", "the dutch side of";
    else 0."""
    end = at - 1 if at and words[at - 1] in LINKS else at
    return next((end - k for k in (2, 3) if end - k > 0 and side_named(words, end - k) >= end), 0)


# "bò fwontyè peru a", "near the peru border": that country's border, seen from this side of it, not its side
BORDERS = frozenset(fold(w) for w in "frontera border frontiere fwontye fronteira limite".split())
BORDER_LINKS = frozenset("de del do da du d con com avec ak avek with of la el le the a o".split())


def at_border(words: list[str], at: int, end: int) -> bool:
    """The country named at ``at:end`` is the one whose border it is: "near the mexico border", "toupre fwontye meksik
    la", "cerca de la frontera de guatemala" (seen from either side of it, so no sign the person is in it)."""
    k = at - 1
    while k >= 0 and at - k <= 2 and words[k] in BORDER_LINKS:
        k -= 1
    return (k >= 0 and k < at and words[k] in BORDERS) or (end < len(words) and words[end] in BORDERS)


# "la migra mexicana", "l'immigration dominicaine", "the panamanian police": a country's police,
# migration or army act in that country.
AUTHORITIES = frozenset(fold(w) for w in (
    "policia policía migracion migración migra ejercito ejército guardia militares soldados "
    "police immigration army guard guards soldiers military patrol "  # not "border": "the canadian border" is its edge
    "immigration armée garde soldats militaires douane "
    "polis imigrasyon lame gad solda "
    "polícia imigração exército guarda soldados militares").split())
DEMONYMS = {fold(w): cc for cc, ws in {
    "PA": "panameño panameña panamanian panaméen panaméenne panameyen panamenho panamenha",
    "CO": "colombiano colombiana colombian colombien colombienne kolonbyen",
    "MX": "mexicano mexicana mexican mexicain mexicaine meksiken",
    "US": "americano americana gringo american américain américaine ameriken estadounidense",
    "GT": "guatemalteco guatemalteca guatemalan guatémaltèque gwatemalteyen",
    "CR": "costarricense tico tica costa rican costaricien costaricienne",
    "HN": "hondureño hondureña honduran hondurien hondurienne",
    "NI": "nicaragüense nica nicaraguan nicaraguayen nicaraguayenne",
    "SV": "salvadoreño salvadoreña salvadoran salvadorien salvadorienne",
    "EC": "ecuatoriano ecuatoriana ecuadorian équatorien équatorienne equatoriano",
    "PE": "peruano peruana peruvian péruvien péruvienne",
    "VE": "venezolano venezolana venezuelan vénézuélien vénézuélienne venezuelano venezuelana",
    "BR": "brasileño brasileña brazilian brésilien brésilienne brezilyen brasileiro brasileira",
    "DO": "dominicano dominicana dominican dominicain dominicaine dominiken",
    "HT": "haitiano haitiana haitian haïtien haïtienne ayisyen",
    "CA": "canadiense canadian canadien canadienne kanadyen canadense",
    "CL": "chileno chilena chilean chilien chilienne chilyen",
    "BO": "boliviano boliviana bolivian bolivien bolivienne",
    "AR": "argentino argentine argentin",
    "BZ": "beliceño beliceña belizean bélizien",
    "UY": "uruguayo uruguaya uruguaio uruguaia uruguayan uruguayen uruguayenne",  # "no chui, do lado uruguaio"
    "PY": "paraguayo paraguaya paraguaio paraguaia paraguayan paraguayen paraguayenne",
    "GY": "guyanese guyanés guyanesa",  # (not "guyanais": French Guiana's, nor "guianense": either)
}.items() for w in ws.split()}
# "ya cruzamos el muro", "on a passé le mur", "nou te pase la linea": past the wall on the US border.
CROSSED = frozenset(fold(w) for w in (
    "cruzamos cruce crucé pasamos pase pasé brincamos brinque saltamos salte cruzaron pasaron "
    "crossed jumped climbed passed "
    "passé passés traversé franchi sauté "
    "pase travèse travese janbe sote "
    "passamos passou passei pulamos pulou atravessamos").split())  # not "after": "que hay despues de la bandera?"
# Said before the crossing word: not crossed yet ("todavía no pasamos la bandera", "nou poko janbe").
NOT_YET = {"es": {"no"}, "en": {"not", "havent", "didnt", "yet"}, "fr": {"pas"}, "ht": {"poko", "pa"},
           "pt": {"nao"}}
# The language is not known yet on a first message: every language's words but Kreyòl "pa" (Spanish "to").
NOT_YET_ANY = frozenset().union(*NOT_YET.values()) - {"pa"}
CROSS = frozenset(fold(w) for w in (
    "cross cruzar cruzado pasado traverser passer janbe travese atravessar passar passado "
    "llegamos llegado reached arrived arrive arrives arrivés rive chegamos chegou").split())  # "nou poko rive nan drapo a"
# Per language: Kreyòl "mi" (wall) is Spanish "my" ("pasamos mi familia y yo"); "the line" is any queue.
WALLS = {"es": {("muro",), ("la", "linea"), ("el", "cerco"), ("la", "barda")},
         "en": {("wall",)},
         "fr": {("mur",)},
         "ht": {("mi",), ("miray",), ("la", "linea")},
         "pt": {("muro",)}}
# Right before a border landmark, these put the speaker past it when they say they are there.
AFTER = frozenset(fold(w) for w in "despues después depois after past apres après apre".split())
# The Darién's border is marked by a flag on a hill: past it is Panama ("ya pasamos la bandera").
FLAGS = {"es": {("bandera",)}, "en": {("flag",)}, "fr": {("drapeau",)}, "ht": {("drapo",)}, "pt": {("bandeira",)}}
# The border landmarks crossed, the country past them and the country before them.
CROSSINGS = (("US", "MX", WALLS), ("PA", "CO", FLAGS))
# A name this common in the message's language is a word first ("para", "nacional", "centre").
WORD_ZIPF = 5.0
# Below this a name is no everyday word nor a famous name (darien, tachira): it counts on its own.
RARE_ZIPF = 3.0
MAX_WORDS = 4
# French says "au Québec" of the province, "à Québec" of the city
STATE_ARTICLES = {"fr": frozenset(("au",))}
# The words before say someone else is there or they are going there (an article alone costs less).
NOT_HERE = -2.5
# A state named like a town of its own country this big is left to the town readings ("escuintla",
# "merida", "cartago" are cities first); a smaller namesake is read as the state ("tabasco").
OWN_TOWN_POPULATION = 20_000
# ... and one named like a city of another country is that city first ("santiago", "santa rosa").
OTHER_CITY_POPULATION = 100_000
# ... unless the state is many times bigger: "we are in florida" is the state of 16 million, not Floridablanca.
OTHER_CITY_SHARE = 0.03
# A state this big is what "we are in california" names, though the word is common in print (famous); not a word
# of four letters ("para": Pará), nor one of 3 or 4 million ("capital", Venezuela's; "ouest", Haiti's).
BIG_STATE_PEOPLE = 5_000_000


@functools.lru_cache(maxsize=2)
def names(gazetteer: Any, route: frozenset[str]) -> dict[str, str]:
    """Folded region name -> its country: the states of ``route`` countries that one country has."""
    countries: dict[str, set[str]] = {}
    for p in gazetteer.places:
        if p.admin1 and p.country in route:
            countries.setdefault(fold(p.admin1), set()).add(p.country)
    table = {name: next(iter(cs)) for name, cs in countries.items() if len(cs) == 1 and len(name) >= 4}
    in_state = people(gazetteer, route)
    for name, country in list(table.items()):
        if _own_town(gazetteer, name, country) \
                or _city_elsewhere(gazetteer, name, country) >= max(OTHER_CITY_POPULATION, OTHER_CITY_SHARE * in_state[(country, name)]):
            del table[name]
    for idiom in IDIOMS:
        table.pop(idiom, None)
    table.update(NATURAL)
    table.update((name, cc) for name, (cc, _state) in state_names().items() if cc in route)  # "floride", "luisiana"
    return table


@functools.cache
def own_country(lang: str) -> str | None:
    """The one country of the Americas that speaks the message's language (Portuguese: Brazil), if only one does."""
    countries = weights.LANGUAGE_COUNTRIES.get(lang, frozenset())
    return next(iter(countries)) if len(countries) == 1 else None


@functools.lru_cache(maxsize=2)
def named_like_their_town(gazetteer: Any, route: frozenset[str]) -> dict[str, str]:
    """The states of millions :func:`names` leaves to a town of their name ("quebec", "veracruz"), each with its
    country: French tells them apart by the article, "au Québec" is the province, "à Québec" the city."""
    countries: dict[str, set[str]] = {}
    for (country, name), n in people(gazetteer, route).items():
        if n >= BIG_STATE_PEOPLE:  # (not "au Léon", a restaurant: Nicaragua's department)
            countries.setdefault(name, set()).add(country)
    return {name: country for name, (country, *more) in countries.items()
            if not more and len(name) >= 4 and _own_town(gazetteer, name, country)}


def _own_town(gazetteer: Any, name: str, country: str) -> bool:
    """A town of the state's own country bears its name and is no hamlet ("escuintla", "quebec")."""
    return any(p.country == country and p.population >= OWN_TOWN_POPULATION and fold(p.name) == name
               for p in gazetteer.by_name.get(name, ()))


@functools.lru_cache(maxsize=8)
def names_in(gazetteer: Any, route: frozenset[str], lang: str) -> dict[str, str]:
    """:func:`names`, with the big states of the language's own country that :func:`names` left out for a city of
    another country of their name: in Portuguese "Santa Catarina" is Brazil's state, though Santa Catarina, Nuevo
    León is a city of 300,000."""
    table = names(gazetteer, route)
    own = own_country(lang)
    if own is None:
        return table
    extra = {name: own for (country, name), n in people(gazetteer, route).items()
             if country == own and name not in table and len(name) >= 4 and n >= BIG_STATE_PEOPLE
             and _city_elsewhere(gazetteer, name, own) >= OTHER_CITY_POPULATION
             and not any(p.country == own and fold(p.name) == name for p in gazetteer.by_name.get(name, ()))}
    return {**table, **extra}


@functools.lru_cache(maxsize=2)
def people(gazetteer: Any, route: frozenset[str]) -> dict[tuple[str, str], int]:
    """The people of the gazetteer's towns per state of ``route`` countries, by (country, folded name)."""
    total: dict[tuple[str, str], int] = {}
    for p in gazetteer.places:
        if p.admin1 and p.country in route:
            total[(p.country, fold(p.admin1))] = total.get((p.country, fold(p.admin1)), 0) + p.population
    return total


@functools.lru_cache(maxsize=2)
def contested(gazetteer: Any, route: frozenset[str]) -> frozenset[str]:
    """The states kept though a city of another country has their name ("florida": GeoNames also calls Floridablanca,
    Santander, so; there is Florida, Valle too): in danger the phone's country's number comes second."""
    return frozenset(name for name, country in names(gazetteer, route).items()
                     if name not in NATURAL and _city_elsewhere(gazetteer, name, country) >= OTHER_CITY_POPULATION)


def _city_elsewhere(gazetteer: Any, name: str, country: str) -> int:
    """The people of the biggest town of another country than ``country`` that has the state's ``name``."""
    return max((p.population for p in gazetteer.by_name.get(name, ()) if p.country != country), default=0)


@functools.lru_cache(maxsize=2)
def big(gazetteer: Any, route: frozenset[str]) -> frozenset[str]:
    """The states so big that a word of their name after "we are in" is the state ("we are in california")."""
    return frozenset(name for (_, name), n in people(gazetteer, route).items() if n >= BIG_STATE_PEOPLE and len(name) > 4)


def _beside_feature(words: list[str], i: int, n: int) -> bool:
    """A land word right before ("selva del darien", "dezè arizona") or after ("arizona desert")."""
    k = i - 1
    while k >= 0 and i - k <= 3 and words[k] in LINKS:
        k -= 1
    return (k >= 0 and i - k <= 3 and words[k] in FEATURES) or (i + n < len(words) and words[i + n] in FEATURES)


@functools.cache
def _presence_words() -> frozenset[str]:
    """Words saying the writer is somewhere ("estamos", "tamo", "we are", "nan"); not Kreyòl "la" (also "the")."""
    return cue_words("present_stay") - {"la"} | {"nan"}


def _sides(words: list[str], lang: str, covered: set[int], pauses: frozenset[int] = frozenset()) -> dict[int, tuple[str, int]]:
    """ "ya del lado panameño", "still mexican side", "on est encore du côté colombien"; and past the
    US border wall: "ya cruzamos el muro", "a gente já passou o muro". Not where they come from
    ("venimos del lado mexicano")."""
    found: dict[int, tuple[str, int]] = {}
    for i, w in enumerate(words):
        country = DEMONYMS.get(w)
        if country is None or i in covered:
            continue
        side = next((j for j in (i - 1, i - 2, i + 1) if 0 <= j < len(words) and words[j] in SIDES
                     and not pauses.intersection(range(min(i, j), max(i, j)))), None)  # not "costa rica side, nicaragua wont
        if side is not None and cue_kind(words, min(side, i), lang) not in ("origin", "destination"):
            found[i] = (country, 1)
        elif any(0 <= j < len(words) and words[j] in AUTHORITIES and not pauses.intersection(range(min(i, j), max(i, j)))
                 for j in (i - 1, i - 2, i + 1)) and not any(w.startswith(DEPORTED) for w in words[i + 1 : i + 4]):
            # (not "in trinidad, chaguanas, venezuelan, police took my papers": a nationality; nor "tacna. la police
            # chilienne nous a renvoyés": that country is behind them)
            found[i] = (country, 1)
    for past, before, landmarks in CROSSINGS:
        marks = landmarks.get(lang) or set().union(*(ws for code, ws in landmarks.items() if code != "ht"))
        for i, w in enumerate(words):
            negated = any(x in NOT_YET.get(lang, NOT_YET_ANY) for x in words[max(0, i - 3) : i])
            if w not in CROSSED and not (negated and w in CROSS):
                continue
            for k in range(i + 1, min(i + 5, len(words))):
                if any(tuple(words[k : k + len(m)]) == m for m in marks) and k not in covered:
                    found[k] = (before if negated else past, 1)
                    break
        # "tamo na trilha depois da bandeira", "we are in the jungle after the panama flag": where they are,
        # past it (not "que hay despues de la bandera?": no one says they are there)
        here = _presence_words()
        for i, w in enumerate(words):
            if w in AFTER and any(x in here for x in words[max(0, i - 5) : i]) \
                    and not any(x in NOT_YET.get(lang, NOT_YET_ANY) for x in words[max(0, i - 5) : i]):
                for k in range(i + 1, min(i + 5, len(words))):
                    if any(tuple(words[k : k + len(m)]) == m for m in marks) and k not in covered:
                        found[k] = (past, 1)
                        break
    return found


def not_crossed_yet(words: list[str], i: int, lang: str, country: str) -> str | None:
    """ "todavía no cruzamos a panamá", "nou poko janbe fwontyè Panama": the ``country`` named at ``i``
    is not reached yet. Returns the country before that border when it is known (Colombia before
    Panama's flag), else ""; None when nothing says so."""
    for j in range(max(0, i - 4), i):
        if (words[j] in CROSSED or words[j] in CROSS) and any(x in NOT_YET.get(lang, NOT_YET_ANY) for x in words[max(0, j - 3) : j]):
            return next((before for past, before, _ in CROSSINGS if past == country), "")
    return None


# Between a crossing word and the country crossed into: "cruzamos pa guatemala", "crossed into mexico".
INTO = frozenset("a pa para pal hacia al to into in en au nan an pou pra no na em the la el le".split())


# Crossing a border, not passing through a country ("pasamos por", "nou pase nan panama").
CROSSED_INTO = frozenset(fold(w) for w in "cruzamos cruce crucé cruzaron crossed traversé franchi janbe atravessamos".split())
# Said shortly before the crossing word, these make it a crossing to come or only supposed.
NOT_DONE = frozenset(fold(w) for w in (
    "si if se cuando when quand le lè manana mañana tomorrow demain demen amanha amanhã hoy tonight soir vamos "
    "going pral vai vou queremos want").split())


def crossed_into(words: list[str], i: int) -> bool:
    """ "ya cruzamos pa guatemala", "we crossed into mexico", "nou janbe nan Chili": the country named
    at ``i`` is the one they are in now (asked only when :func:`not_crossed_yet` said nothing; not "si
    cruzamos a X", "mañana cruzamos a X")."""
    j = i - 1
    while j >= max(0, i - 3) and words[j] in INTO:
        j -= 1
    return j >= 0 and j < i - 1 and words[j] in CROSSED_INTO and not NOT_DONE & set(words[max(0, j - 3) : j])


def find(words: list[str], table: dict[str, str], lang: str = "", skip: set[int] = frozenset(),
         big_states: frozenset[str] = frozenset(), pauses: frozenset[int] = frozenset(),
         town_named: dict[str, str] | None = None) -> dict[int, tuple[str, int]]:
    """Word index -> (country, number of words) of each region named where the person is (``pauses``: the words a
    comma or a stop follows; ``town_named``: the states named like their town, read after a state's article)."""
    found: dict[int, tuple[str, int]] = _sides(words, lang, set(skip), pauses)
    covered: set[int] = set(skip) | set(found)
    town_named = town_named or {}
    for n in range(MAX_WORDS, 0, -1):
        for i in range(len(words) - n + 1):
            span = set(range(i, i + n))
            name = " ".join(words[i : i + n])
            country = table.get(name)
            by_article = country is None and i > 0 and words[i - 1] in STATE_ARTICLES.get(lang, ()) and name in town_named \
                and cue_kind(words, i, lang) == "current"  # "je suis au Québec" (not "au quebec c est mieux", "je rentre au quebec")
            if by_article:
                country = town_named[name]  # "je suis au Québec": the province ("à Québec": the city)
            if country is None or span & covered:
                continue
            kind = cue_kind(words, i, lang)
            if kind in ("origin", "destination") or (cue_score(words, i, lang, n) <= NOT_HERE and not state_word_before(words, i)):
                continue  # "venimos de chiapas", "vamos pa texas", "mi hermano esta en texas"
            # a name of everyday words ("madre de dios", "nuevo leon") is as common as its rarest word
            zipf = min((word_zipf(w, lang) for w in words[i : i + n] if w not in LINKS), default=0.0)
            feature = _beside_feature(words, i, n)
            article = i > 0 and words[i - 1] in ("la", "el", "le", "l", "the", "o", "a")
            if state_word_before(words, i) or by_article:
                pass  # "l'état de chihuahua": the state, whatever its name means besides
            elif n == 1 and zipf >= WORD_ZIPF and not feature and not (kind == "current" and not article and name in big_states):
                continue
            elif zipf >= RARE_ZIPF and not feature and (kind not in ("current", "preposition")
                                                       or (article and zipf >= weights.ARTICLE_NOUN_ZIPF)):
                continue  # "guerrero", "valle", "herrera": only "en guerrero" ("el tachira" too), never "el valle"
            found[i] = (country, n)
            covered |= span
    return found
