"""What the words around a place name say the place is to the person: the evidence of one reading.

:func:`cue_score` weighs the cue before a name (:mod:`bot.places.cues` finds it) with what else stands around
it: an arrival ("llegamos en lancha a X"), hearsay or the past ("dicen que en X", "estuve en X"), a relative or a
person's name ("mi hija Rosario"), a landmark within the town ("la terminal de X"), a court or paper named
("mi corte en X"). :mod:`bot.places.resolve` adds the rest of the evidence (frequency, population, phone).
"""

from __future__ import annotations

import functools

from bot import LANGUAGES
from bot.places import weights
from bot.places.cues import (
    AND,
    ARTICLES,
    COPULAS,
    ages_hidden,
    any_phrase,
    before_town,
    cue,
    cue_kind,
    cue_words,
    cues,
    cues_in,
    harm_with_writer,
    later_at,
    other_person,
    phrases_by_first_word,
    said_near,
    says_now,
    state_word_before,
    words_in,
)
from bot.places.presence import TOMORROW, fled_after, says_tomorrow
from bot.places.words import word_zipf

INDEFINITE = frozenset("un una une uno um uma yon".split())
DESCRIBER = ARTICLES | {"de", "del", "du", "da", "do", "from", "of"}  # who a person is: "la dame du foyer", "du HCR"
APPOSITION_WORDS = 8  # who the person is, between commas after the name: "Santiago, yon venezyelyen ki t ap mache avè n,"
SINCE = frozenset(("desde", "depuis", "since", "depi"))  # "desde hace 3 semanas": there since, not long ago
OU_NAME_ZIPF = 4.5  # French words rarer than this are names (dormir 4.6, tijuana 2.8, curitiba 3.5)
NOT_A_CHOICE = frozenset("no not nao non pa nada algo something".split())  # "hay albergue en tapachula o no?"
VERSUS = frozenset(("vs", "versus"))  # a choice even without "?": nobody is "in X vs Y"

# How far back a hearsay phrase reaches: "c'est vrai que le Pérou a fermé la frontière à Tumbes" (a hearsay phrase after
# the town, "tem ong em tuxtla? ouvi dizer que ajudam", lost more than it mended: measured). In danger 8 words:
# "escuche disparos y gritos toda la noche aqui afuera del albergue en reynosa" heard the shots there.
HEARSAY_REACH = 12
NOW_WORDS = frozenset("ahora aora now kounya kounye agora maintenant mnt".split())
IDENTITY = frozenset("soy somos sou am im suis sommes vengo venimos vim viemos".split())  # "soy de X donde vivo": home
SO_FAR_AFTER = frozenset("todo tudo tout bien bem bom bon ok nada rien all fine good".split())  # "hasta aqui todo bien"


def _work_offered(words: list[str], start: int, end: int, lang: str) -> bool:
    """Work offered in the town, said in ``words[start:end]`` before it, and nothing in the message says they are there
    now ("me ofrecieron trabajo de mesera y ahora estoy encerrada en Cancun", "they offered me work in Houston, now they
    took my passport": a person trafficked is where the work was)."""
    return any_phrase(words[start:end], "work_offered", lang) and not says_now(words, start, end) \
        and NOW_WORDS.isdisjoint(words[end:])  # ("y ya no contesta": "ya" is no "now" here)


def _ends_hearsay(words: list[str], i: int, lang: str) -> bool:
    """The cue before ``i`` ends a hearsay phrase: Kreyol "yo di m denver" is "they told me Denver", not "I am in"."""
    return any(tuple(words[i - len(p) : i]) == p for p in cues_in("hearsay", lang) if len(p) <= i)


# "la iglesia de san salvador", "l'église de saint pierre": a church named for its saint, not a town.
CHURCHES = frozenset("iglesia parroquia capilla templo eglise chapelle paroisse igreja capela paroquia legliz church chapel parish".split())
ARRIVED_AT = frozenset("a al en to in at au nan em no na ao".split())  # after an arrival verb in the clause: where they arrived
THEN_TOWARD = frozenset(("pra", "pro", "pou"))  # arrived right after a crossing verb ("passamos pra X"), unless AHEAD
AHEAD = frozenset(("pral", "ap", "va", "pou", "vamos", "vou", "vai", "vao"))  # "nou pral travese pou X": not yet


def _arrived_at(words: list[str], i: int, kind: str | None, taken: int, lang: str, since: int) -> bool:
    """ "llegamos en lancha a X", "we arrived last night by boat to X": a bare preposition right
    before the name (one word, not "vamos a"), an arrival verb a few words before it."""
    if kind is None:
        if any(tuple(words[max(since, i - len(p)) : i]) == p for p in cues_in("arrival", lang)):
            return True  # "we just arrived lajas blancas", "llegamos tapachula": the verb right before the town
        at = i - 1
        if at > 0 and words[at] not in ARRIVED_AT and words[at] in ARTICLES:
            at -= 1  # "llegamos a la paz": the article between
    elif kind in ("preposition", "destination") and taken == 1:
        at = i - 1
        if (landmark := _landmark_start(words, at, "landmark")) is not None and cue_kind(words, landmark, lang) == "origin":
            return False  # "came from the shelter in nyc": the town of the place they came from
    else:
        return False
    if at > since and words[at] in THEN_TOWARD:  # not "atravessamos o rio e amanha seguimos pra X"
        return any(tuple(words[at - len(p) : at]) == p and (at - len(p) == since or words[at - len(p) - 1] not in AHEAD)
                   for p in cues_in("route_crossed", lang) if at - len(p) >= since)
    lead = words[max(since, at - 6) : at]  # (not "nou ap tann pou n travèse al Kayèn", "mañana cruzamos a X": not yet)
    return at > since and words[at] in ARRIVED_AT and any(any_phrase(lead, k, lang) for k in ("arrival", "route_crossed", "came", "fled")) \
        and AHEAD.isdisjoint(lead) and not says_tomorrow(words[max(since - 1, 0, at - 7) : at])


AGE_UNITS = frozenset(("anos", "ans", "an", "years", "year", "yrs", "meses", "mois", "mwa", "months", "mes"))


def _apposition(words: list[str], start: int, end: int, lang: str) -> bool:
    """ "Florence, my wife, lost at the border", "Aparecida, minha esposa, tá grávida", "Dame Marie, manman m,":
    a relative of the writer's set off by commas right after the name (not a list: "X, mi esposa, mis hijos y yo")."""
    span, mine = words[start:end], cue_words("possessive") - INDEFINITE
    if len(span) >= 4 and span[-1] in AGE_UNITS and span[-2].isdigit():
        span = span[:-3] if span[-3] in ("de", "of") else span[:-2]  # "Alma, ma fille de 2 ans, a de la fièvre"
    if len(span) == 3 and span[-1] in weights.POSTPOSED[:-1]:
        span = span[:-1]  # Kreyòl's article after the noun: "Mercedes, vwazin mwen an, li di m..."
    if not 2 <= len(span) <= 3 or not ((span[0] in mine and lang != "ht") or span[-1] in mine) \
            or not cue_words("other_person") & set(span):  # (Kreyòl "nou se ayisyen" is "we are Haitians")
        return False
    # (Kreyòl's possessives follow the noun, so a list's next item does not open with one: "li di m" is "she told me")
    listed = frozenset(("yon",)) if lang == "ht" else words_in("possessive", lang)
    return end < len(words) and words[end] not in listed | {"y", "and", "et", "e", "ak", "i"} and not words[end].isdigit()


def relative_follows(words: list[str], n: int, lang: str) -> bool:
    """The message opens with ``n`` words and then a relative of the writer's, no comma between: "Jérémie mon
    cousin est bloqué", "Marília minha esposa ta gravida" (a person's name; "xela mon frere a été frappé" is
    the town, read by the name's frequency in :mod:`bot.places.resolve`)."""
    return _apposition(words, n, n + 2, lang)


def said_after(words: list[str], n: int, lang: str) -> bool:
    """The ``n`` words opening the message are someone who spoke: "Desalin te di ...", "Mercedes me dijo que ..."."""
    return _opens_with(words[n:], "said_after", lang)


def speaker_follows(words: list[str], n: int) -> bool:
    """The message opens with ``n`` words, a few saying who that is, and what they said: "Trinidad, la muchacha del
    albergue, dice que...", "victoria du HCR m'a appelé", "salvador, o moço da igreja, disse" (a person's name; the
    name's frequency decides in :mod:`bot.places.resolve`, as for :func:`relative_follows`)."""
    if n >= len(words) or words[n] not in DESCRIBER:
        return False
    return any(tuple(words[j : j + k]) in cues("speech_after") and words[j] not in DESCRIBER
               for j in range(n + 1, min(len(words), n + 7)) for k in (4, 3, 2, 1))


def person_follows(words: list[str], n: int, lang: str) -> bool:
    """The message opens with ``n`` words and then what only a person does or has: "Rosario tiene diarrea", "Austin
    lost his ID" (the name's frequency decides in :mod:`bot.places.resolve`, as for :func:`relative_follows`)."""
    return _opens_with(words[n:], "person_after", lang)


def relative_is(words: list[str], typed: list[str], n: int) -> bool:
    """The message opens with a name, "é" typed with its accent, and a relative of the writer's: "Aurora é minha
    filha de 2 anos" is a person ("tapachula e minha filha ta doente", with "e", is "and": the town)."""
    return n + 2 < len(words) and typed[n].lower() == "é" and words[n + 1] in cue_words("possessive") \
        and words[n + 2] in cue_words("other_person")


def _name_follows(words: list[str], i: int) -> bool:
    """ "mi hija", "my son", "je m appelle" right before ``i``: a person's name follows."""
    return any(tuple(words[i - k : i]) in cues("before_a_name") for k in range(min(3, i), 0, -1))


def said_of_a_person(words: list[str], typed: list[str], i: int, n: int, lang: str) -> bool:
    """The name is a person's or a thing's, by the words right around it: "my son Austin has fever", "kidnapped my
    brother santiago", "Aurora é minha filha", "uma cascavel mordeu meu filho". In danger such a name never gives
    the emergency number's country."""
    before = words[i - 1] if i else ""
    # (Kreyòl drops "nan": "madanm mwen Okap, bandi yo ap tire" is the wife in Cap-Haïtien, whose numbers help)
    return (lang != "ht" and _name_follows(words, i)) \
        or before in INDEFINITE or (i == 0 and (relative_follows(words, n, lang) or relative_is(words, typed, n)
                                                or person_follows(words, n, lang)))


def _hearing(words: list[str], start: int, end: int, lang: str, kinds: tuple[str, ...] = ("hearing",)) -> bool:
    """A court or hearing (or, with ``kinds``, a paper: "papers") named in ``words[start:end]`` that the person is
    not said to be at: "tengo corte en houston" is where they must go, "estoy en la corte de houston" where they are;
    "mi partida de nacimiento es de barquisimeto" where it was issued."""
    courts = [k for k in range(max(0, start), min(end, len(words))) if any(words[k] in words_in(kind, lang) for kind in kinds)]
    # "m nan tribinal miami demen": not yet (the court's own time, not "where can i sleep tonight")
    return any(cue_kind(words, k, lang) != "current" or any(w in cue_words("tomorrow") for w in words[k : k + 8])
               for k in courts)


CORNER = frozenset((("esq",), ("esquina",), ("corner", "of"), ("coin", "de"), ("angle", "de"), ("kwen",), ("esquina", "con"),
                    ("esquina", "com")))


def _corner(words: list[str], i: int) -> bool:
    """The second street of a corner: "esq juarez y morelos", "corner of main and lincoln" (not any street: "dormimos en
    la calle 5 y bogota es muy peligrosa" is Bogotá)."""
    return i >= 3 and words[i - 1] in AND and any(
        tuple(words[j - k : j]) in CORNER for j in (i - 2, i - 3) if j > 0 for k in (2, 1) if j >= k)


def cue_score(words: list[str], i: int, lang: str = "", n: int = 1, danger: bool = False, since: int = 0,
              until: int | None = None, paused: bool = False, question: bool = False, writer_elsewhere: bool = False,
              places_at: frozenset[int] = frozenset()) -> float:
    """The evidence of the words around the name at ``i`` (``n`` words): mostly the cue right
    before it (an article may sit between); ``since`` and ``until``: where the name's clause starts
    and ends (a relative named before a comma is not who is there: "agressé ma femme, on est à X"); ``paused``:
    a comma or stop follows the name; ``question``: the message asks something; ``writer_elsewhere``: the writer
    says they are at another town (a relative's harm there is no longer with them); ``places_at``: where the message
    surely names a town or a country."""
    kind, taken = cue(words, i, lang)
    told = words if words[since : since + 1] != ["were"] else [*words[:since], "we", *words[since + 1 :]]  # "were at X": we're
    fled = fled_after(words, i + n, lang, places_at)
    # the town closes its clause and the flight opens the next, naming the place fled: the town is where they are now
    # ("Tapachula. Huimos de Honduras", "à Hinche dans le Centre, on a fui Mirebalais"; not "nos amenazaron en X y
    # huimos de honduras": fled the town and its country)
    fled_elsewhere = fled is not None and fled[1] >= 0 and (
        fled[0] == i + n if paused else until is not None and fled[0] == until and until - (i + n) <= 3)
    if fled_elsewhere:
        until = fled[0]  # "Tapachula, we fled Honduras last month": the flight's time
    elif paused and any(k in places_at and cue_kind(words, k, lang) == "origin" for k in range(i + n + 1, min(len(words), i + n + 5))):
        until = i + n  # "tapachula, salimos de tegucigalpa hace una semana": the time is of leaving the other town
    if kind in (None, "preposition") and says_now(words, i - taken, i - taken):
        kind = "current"  # "now in X", "ya en X", "mnt à X", "left Y this morning now X"
    if kind == "of" and i - taken == 0:
        kind = "origin"  # "de lajas blancas nos montaron en un bus", "de Juarez on a traversé": from there
    score = weights.W_CUE[kind] if kind else 0.0
    # "we at the bus terminal villahermosa", "nou devan teminal ADO X": the cue said before the landmark
    # (but a saint's name after a camp or a station is the camp's: "campamento san vicente"; "dans le bus entre X et Y"
    # is on the road)
    if kind in (None, "of") and words[i] not in weights.SAINTS and words[i] not in AFTER_A_LANDMARK and \
            not (i and words[i - 1] in cue_words("between")) and \
            (at := _landmark_start(words, i - taken, "landmark" if kind else "of_the_town")) is not None:
        inside = cue_kind(words, at, lang)
        if inside in ("current", "preposition"):
            score = max(score, weights.W_CUE[inside])
        elif inside == "destination" and any(any_phrase(words[max(since, at - 9) : at], k, lang) for k in ("came", "fled")):
            score = weights.W_CUE["preposition"]  # "levaram a gente pro abrigo de boa vista": taken there
        elif inside in ("origin", "destination"):
            score = weights.W_CUE[inside]  # "sortis de la station de X ce matin": left it
    elif kind == "preposition" and _landmark_here(words, i, taken, lang):
        score = weights.W_CUE["current"]  # "eu to num hotel em el paso": the town of the landmark they are at
    lead = words[max(since, i - taken - 3) : i - taken]  # (its own clause: "me quiero morir. sali de X" wants no leaving)
    if kind == "current" and says_now(words, max(0, i - taken - 3), i - 1):  # before the cue or in it ("ya estamos en")
        score += weights.W_NOW
    elif kind is None and says_now(words, i + n, i + n + 1):
        score += weights.W_NOW_AFTER  # "escuintla now, ...", "escuintla kounya": where they are now
    elif kind == "preposition" and not paused and _opens_with(words[i + n :], "now_after", lang):
        score = weights.W_CUE["current"]  # "in philly now" (unless hearsay or the past, below: "in eagle pass now?")
    elif kind in ("preposition", "of") and any(later_at(lead, k) for k in range(len(lead))):
        score = weights.W_CUE["destination"]  # "mañana vamos a Tijuana": where they will be
    elif kind == "preposition" and TOMORROW.intersection(words[max(since, i - taken - 6) : i - taken]):
        score = weights.W_CUE["destination"]  # "a meteti demain on nous amene a panama city": where they go tomorrow
    elif kind == "origin" and any(later_at(lead, k, "tomorrow") or (later_at(lead, k) and lead[k] not in AFTERWARDS)
                                  for k in range(len(lead))):
        score = weights.W_CUE["current"]  # "tomorrow we leave monterrey", "on veut partir de quito": still there
    elif kind == "destination" and any(any_phrase(words[max(since, i - taken - 8) : i - taken], k, lang) for k in ("came", "fled")):
        score = weights.W_CUE["preposition"]  # "vim de port-au-prince pra chapeco", "fugimos pra boa vista": arrived there
    elif kind == "destination" and _here_now_after(words[i + n : i + n + 6], lang) \
            and not any(later_at(words, k) for k in range(max(since, i - taken - 6), i)):
        # "we took bus to necocli, now here waiting for boat": there now (not "vamos a X y aqui estamos", "vamos en el
        # camion rumbo a X, llegamos en la noche")
        score = weights.W_CUE["current"]
    elif _arrived_at(words, i, kind, taken, lang, since):
        score = weights.W_CUE["current"]  # "llegamos en lancha a pto barrios": where they arrived
    # "yo di m denver"; "saw on the news a boat sank near Necocli" (closeness only says where the boat was)
    if kind in (None, "preposition", "of") or (kind == "current" and (
            _ends_hearsay(words, i, lang) or said_near(words, i, lang, taken))):
        clause = told[max(since, i - taken - 8) : i - taken]
        if any_phrase(words[max(since, i - taken - (8 if danger else HEARSAY_REACH)) : i], "hearsay", lang):
            score = min(score, 0.0) + weights.W_ASKED_ABOUT  # "dicen q en tapachula dan papeles", "is it safe in X"
        elif any_phrase(told[max(since, i - taken - 6) : i - taken], "past", lang) or _past_after(words, i, n, since, until, lang) \
                or _past_before(clause, words[i + n : min(len(words) if until is None else until, i + n + 8)], lang):
            score = min(score, 0.0) + weights.W_CUE["origin"]  # "estuve 2 meses en necocli": was there
    elif kind == "current" and (_past_after(words, i, n, since, until, lang) or _past_before(
            words[max(since, i - taken - 8) : i], words[i + n : min(len(words) if until is None else until, i + n + 8)], lang, "last_time")
            and not says_now(words, since + 1, i)):  # "m te X ane pase men kounya m Brockton": now
        # "yo vòlè tout bagay mwen nan Tapachula lane pase": "my things in", not "I am in" (but "estamos en X hace
        # 3 semanas" is there since: "estamos" stays); Kreyòl's "m nan" has no tense: "lane pase ... m Potoprens" was
        # ("gen 2 mwa m nan X" is there for two months: only a named last year or month)
        score = min(score, 0.0) + weights.W_CUE["origin"]
    if any(tuple(words[max(since, i - len(p)) : i]) == p for p in cues_in("people_of", lang)) and _opens_with(words[i + n :], "people_say", lang):
        score = min(score, 0.0) + weights.W_ASKED_ABOUT  # "los de tapachula dicen q ya no dan la visa": news from there
    if kind != "destination" and not (kind == "origin" and IDENTITY.intersection(words[max(0, i - taken - 2) : i])) \
            and not danger and _opens_with(words[i + n :], "lives_here_after", lang):
        # "how far is it from dallas where I live" (not "soy de X donde vivo"; nor in danger: "me amenazan en X donde
        # vivo, ya sali de honduras" is the home they fled)
        score = max(score, weights.W_CUE["current"])
    elif kind in (None, "preposition") and _opens_with(words[i + n :], "here_after", lang) \
            and not any_phrase(words[max(since, i - taken - 4) : i - taken], "mistaken_before", lang):
        score = max(score, weights.W_CUE["current"])  # "PILAT NOU YE", "se okap m ye": Kreyòl says where one is first
    elif kind in ("origin", "of") and not paused and _opens_with(words[i + n :], "to_here", lang) \
            and not SO_FAR_AFTER.intersection(words[i + n + 2 : i + n + 4]):
        score = min(score, 0.0) + weights.W_CUE["origin"]  # "en el camino de Tapachula a aca": behind them (not "hasta
        # aqui todo bien": so far)
    if kind in (None, "preposition", "of") and fled is not None and not fled_elsewhere:
        score = min(score, 0.0) + weights.W_CUE["origin"]  # "nos amenazaron en X y huimos": fled from there
    if kind in (None, "preposition", "of") and _go_there_after(words, i + n, lang):
        score = min(score, 0.0) + weights.W_CUE["destination"]  # "en monterrey? pienso irme para alla": to go there
    if state_word_before(words, i):
        score = min(score, 0.0) + weights.W_REGION_NAMESAKE  # "l'état de Chihuahua": the state, not its capital
    if i >= 2 and words[i - 1] in cue_words("of") and words[i - 2] in cue_words("area_of") \
            and any((w,) in cues_in("preposition", lang) for w in words[i + n : i + n + 2]):
        score += weights.W_AREA_OF  # "dans la région de Montréal, à Longueuil exactement": the town named after is nearer
    if landmark_named_for(words, i, n):
        score = min(score, 0.0) + weights.W_NAME_FOLLOWS  # "we are at the San Vicente camp in Meteti": the camp's name
    elif within_after(words, i, n, kind):
        score += weights.W_WITHIN_AFTER
    if kind is None and question and not paused and any_phrase(words[i + n : min(len(words) if until is None else until, i + n + 5)],
                                                  "asked_after", lang):
        score += weights.W_ASKED_ABOUT  # "is lima safe for africans?", "Jacmel est sûr ?": a town asked about
    if kind in (None, "preposition", "of") and (any_phrase(words[max(since, i - taken - 8) : i - taken], "supposed", lang)
                                                or _work_offered(words, max(since, i - taken - 8), i - taken, lang)
                                                or _hearing(words, max(since, i - taken - 6), i - taken, lang, ("hearing", "papers"))
                                                or not paused and _hearing(words, i + n, i + n + 1, lang)):  # "in cleveland court"
        score = min(score, 0.0) + weights.W_ASKED_ABOUT  # "si me agarran en X", "mi corte en X": only supposed, or to go to
    if kind in (None, "preposition", "of") and (
            (i + n + 1 < len(words) and _or(words, i + n, lang, question) and words[i + n + 1] not in NOT_A_CHOICE)
            or (i > taken and _or(words, i - taken - 1, lang, question))):
        score = min(score, 0.0) + weights.W_ASKED_ABOUT  # "monterrey o saltillo?" (not "en tapachula o no?")
    elif kind in (None, "preposition", "of") and question and any_phrase(words[max(0, i - taken - 12) : i - taken], "itinerary", lang):
        score = min(score, 0.0) + weights.W_ASKED_ABOUT  # "la ruta es cucuta-medellin-necocli?", "how far is X from Y"
    if other_person(before_town(words, i, since), harm_with_writer(words, danger and not writer_elsewhere, lang), lang) \
            or _opens_with(words[i + n :], "relatives_town_after", lang):
        score += weights.W_OTHER_PERSON
    before = words[i - 1] if i > 0 else ""
    if _name_follows(words, i) or (
            # "yon otèl ki rele Hotel Monterrey", "un comedor llamado comedor San Juan": the building's own name
            i >= 2 and words[i - 1] in cue_words("landmark") and any(tuple(words[i - 1 - k : i - 1]) in cues("naming_word")
                                                                      for k in (2, 1))) or any(
            (after := tuple(words[at : at + k])) in cues("after_a_name")
            and not (paused and after[0] in COPULAS) for k in (6, 5, 4, 3, 2, 1)
            for at in ((i + n, i + n + 2) if i + n < len(words) and words[i + n] in AND else (i + n,))) or (
            kind is None and not paused and any(tuple(words[i + n : i + n + k]) in cues_in("after_a_name_uncued", lang)
                                                and i + n + k == (len(words) if until is None else until) for k in (3, 2))) or (  # "X é meu irmão, ele..."
            kind is None and not paused and any(
            tuple(words[i + n : i + n + k]) in cues("speech_after") for k in (4, 3, 2, 1))) or (kind is None and any(
            tuple(words[j - len(p) : j]) == p for j in range(max(1, i - 2, since), i + 1) for p in cues("naming"))) or (
            kind is None and paused and _apposition(words, i + n, len(words) if until is None else until, lang)) or (
            kind is None and paused and until is not None and until - (i + n) <= APPOSITION_WORDS and any(
            tuple(words[until : until + k]) in cues("speech_after") for k in (4, 3, 2, 1))):
        # "mi hija Rosario", "Rosario y yo"; "Salvador, le monsieur de l'église, m'a dit": a person
        score += weights.W_NAME_FOLLOWS
    elif any(tuple(words[i - k : i]) in cues("before_a_street") or tuple(words[i - k : i]) in cues("before_a_building")
             for k in range(min(3, i), 0, -1)) or _corner(words, i) or (
            (before,) in cues("before_a_saint") and words[i] in weights.SAINTS) or (
            before in ("de", "del", "da", "do", "du", "of") and i >= 2 and words[i - 2] in CHURCHES and words[i] in weights.SAINTS):
        score += weights.W_NAME_FOLLOWS  # "calle Hidalgo", "iglesia Guadalupe", "transportes Tuxtla": a street's, a church's, a firm's
    elif any(tuple(words[i - k : i]) in cues("organisation") for k in range(min(2, i), 0, -1)) \
            and not any(cue_kind(words, j, lang) == "current" for j in range(since + 1, i)):
        # "la pastoral de cucuta me ayudo": the organisation's town (not "estamos en el albergue de caritas de tapachula")
        score += weights.W_NAME_FOLLOWS
    elif any(tuple(words[i - k : i]) in cues("need_before") for k in range(min(3, i), 0, -1)):
        score += weights.W_NAME_FOLLOWS  # "preciso de amparo", "necesito consuelo": what they need, not where
    elif (before in weights.DEFINITE or (lang == "pt" and before in ("a", "o"))) and not (lang == "ht" and before in weights.POSTPOSED) \
            and not landmark_after(words, i + n):
        score += weights.W_DETERMINER  # "at the mission", "as canoas": a town's name carries its own article
    elif before in INDEFINITE:
        score += weights.W_DETERMINER  # "en una soledad horrible", "in a hope": towns take no "a"
    elif before in cue_words("possessive") and before not in cue_words("preposition") \
            and kind not in ("current", "preposition"):
        score += weights.W_DETERMINER  # "minha fortaleza"; in "kounya nou tapachula" the pronoun is the cue
    return score


def _or(words: list[str], k: int, lang: str, question: bool) -> bool:
    """``words[k]`` is "or" between two choices: "monterrey o saltillo?", "tapachula vs huixtla". Only "vs" is a
    choice without a question mark ("reynosa vs matamoros cual es mas seguro"): "o" also lists where one has
    been. French "ou" is "où" (where) too, so it is "or" only between two rare words, neither an infinitive:
    "tijuana ou mexicali?" (not "à tijuana ou dormir?", "ou est le foyer")."""
    if words[k] in VERSUS:
        return True
    if not question:
        return False
    if lang in LANGUAGES and words[k] in words_in("or", lang):
        return True
    return lang == "fr" and words[k] == "ou" and 0 < k < len(words) - 1 and all(
        word_zipf(w, "fr") < OU_NAME_ZIPF and not w.endswith(("er", "ir", "re")) for w in (words[k - 1], words[k + 1]))


@functools.cache
def _there_words() -> frozenset[str]:
    """The words of every "go there" phrase ("alla", "there", "laba"): no other town."""
    return frozenset(w for p in cues("go_there") for w in p)


def _go_there_after(words: list[str], end: int, lang: str) -> bool:
    """ "en monterrey? pienso irme para alla": they mean to go to the town that ends at ``end``; not when another town
    is named between ("au refuge de el paso, ma soeur habite a boston, comment y aller": Boston's way)."""
    after = words[end : end + 12]
    stop = next((k for k in range(1, len(after)) if len(after[k]) > 2 and after[k] not in _there_words() and cue_kind(words, end + k, lang)
                 in ("current", "preposition", "destination")), len(after))
    return any_phrase(after[:stop], "go_there", lang)


def _past_after(words: list[str], i: int, n: int, since: int, until: int | None, lang: str) -> bool:
    """A time long past follows the town in its clause ("x hace 2 meses", "lane pase"), and nothing says they
    are still there since ("estamos", "desde", "came", "arrived") or that it is the weather ("hace mucho frio")."""
    after = words[i + n : min(len(words) if until is None else until, i + n + 8)]
    after = after if "te" in words[since:i] else ages_hidden(after)  # ("yo te kidnape m nan X li gen 2 an": 2 years ago)
    return (any_phrase(after, "past_after", lang)
            and not any(w in cue_words("present_stay") for w in words[since:i])
            and not says_now(words, since + 1, i)  # "ca va maintenant au refuge de X, volé la semaine passée": there now
            and not any_phrase(words[since:i], "came", lang)  # "nos mudamos a X hace un mes": there since
            # ("llegué a toronto hace un mes" too, but not "arrivés d'Haïti par Montréal il y a 3 jours")
            and not any_phrase(words[max(since, i - 3) : i], "arrival", lang)
            and not any(any_phrase(after, k, lang) for k in ("came", "arrival"))  # "boston, chegamos de X mes passado"
            and not any_phrase(after, "weather_after", lang)
            and not any(w in SINCE for w in after)  # "desde hace 3 semanas": still
            # "poa, ja tamo aqui faz 2 semanas": staying there since (not Kreyòl's article "la" right after the town)
            and not any(w in words_in("present_stay", lang) for w in after[1 if lang == "ht" else 0 :]))


def _past_before(clause: list[str], after: list[str], lang: str, kind: str = "long_ago") -> bool:
    """A time long past opens the town's clause ("el año pasado me asaltaron en huixtla", "l'année dernière on m'a
    volé à tapachula"), and nothing says they are there since ("aqui seguimos", "desde")."""
    return (any_phrase(ages_hidden(clause), kind, lang)
            and not any(w in words_in("present_stay", lang) for w in clause + after)  # (Kreyòl "la" in Kreyòl only)
            and not any(w in SINCE for w in clause))


def _opens_with(words: list[str], kind: str, lang: str) -> bool:
    return any(tuple(words[: len(p)]) == p for p in phrases_by_first_word(kind, lang if lang in LANGUAGES else "").get(words[0] if words else "", ()))


def _here_now_after(words: list[str], lang: str) -> bool:
    """``words`` (after a town they went to) open with "now here", "aqui estamos" (maybe after "and", "y"),
    and no other town follows ("want to go to monterrey, we are here in tapachula"; "aqui estamos en las vias" is no town)."""
    if words and words[0] in ("and", "so", "y", "e", "et", "epi", "pues"):
        words = words[1:]
    return any(tuple(words[: len(p)]) == p and not (words[len(p) : len(p) + 1] and words[len(p)] in cue_words("preposition")
                                                    and words[len(p) + 1 : len(p) + 2] and words[len(p) + 1] not in ARTICLES)
               for p in phrases_by_first_word("here_now", lang if lang in LANGUAGES else "").get(words[0] if words else "", ()))


def landmark_before(words: list[str], i: int, lang: str = "") -> bool:
    """ "el refugio de X", "terminal de autobuses X": a place within the town X is named before it."""
    kind, taken = cue(words, i, lang)
    start = i - taken if kind in ("of", None) else -1
    return start > 0 and any(w in cue_words("landmark") for w in words[max(0, start - 2) : start])


def at_a_landmark_here(words: list[str], i: int, lang: str) -> bool:
    """ "eu to num hotel em el paso", "we are at a shelter in X": a bare "in" after a landmark the person says they are
    at; the town is where they are."""
    kind, taken = cue(words, i, lang)
    return kind == "preposition" and _landmark_here(words, i, taken, lang)


def _landmark_here(words: list[str], i: int, taken: int, lang: str) -> bool:
    return (at := _landmark_start(words, i - taken, "landmark")) is not None and cue_kind(words, at, lang) == "current"


def _landmark_start(words: list[str], start: int, kind: str) -> int | None:
    """Where the landmark named right before ``start`` begins ("bus terminal", "teminal ADO"), if any."""
    if start >= 2 and words[start - 1] in FOR_MIGRANTS and words[start - 2] in MIGRANTS_LINK:
        start -= 2  # "au centre de migrants de meteti", "albergue para migrantes de X": the landmark before "for migrants"
    found = [k for k in range(max(0, start - 2), start) if words[k] in cue_words(kind)]
    if not found or start <= 0:
        return None
    at = found[0]
    while at >= 2 and words[at - 1] in ("de", "del", "da", "do", "des", "du") and words[at - 2] in cue_words(kind):
        at -= 2  # "la terminal de buses de X", "l'arrêt des bus de X": the landmark starts at its first word
    return at


FOR_MIGRANTS = frozenset("migrante migrantes migrant migrants migran imigran imigrante imigrantes refugiados refugees refugies "
                         "refijye refugiado refugee".split())
MIGRANTS_LINK = frozenset("de del des du do da dos das for pou para pra pour".split())
# "later" words that also tell a past in order ("después de salir de X", "après être partis de X"): no plan
AFTERWARDS = frozenset(("despues", "luego", "apres", "depois", "pita"))
AIRPORTS = frozenset(("airport", "ayewopo", "ayopo", "ayeopo"))


# One word may stand between a town and its landmark: "boston south station", "houston bus terminal".
BEFORE_A_LANDMARK = frozenset("north south east west central main bus greyhound union".split())
# ...and the words that name which one it is, right after it: "Estación Central" (a commune of Santiago de Chile),
# "terminal norte", "gare centrale", "Estasyon Santral" are the landmark's own name, not the town "Central" abroad
AFTER_A_LANDMARK = frozenset("central centrale santral sentral norte sur nord sud north south oriente poniente "
                             "principal main".split())


def within_after(words: list[str], i: int, n: int, kind: str | None) -> bool:
    """ "Miami airport", "lacolle border", "boston ayopo logan", "boston south station": the place within the town
    named right after it (but "at Logan airport" is the airport's own name: many are named for a person)."""
    at = i + n + 1 if i + n + 1 < len(words) and words[i + n] in BEFORE_A_LANDMARK else i + n
    return at < len(words) and words[at] in cue_words("landmark_after") and words[i] not in weights.SAINTS \
        and (kind is None or (kind == "preposition" and words[at] not in AIRPORTS))


IN_TOWN = frozenset(("in", "en", "a", "nan", "em", "no", "na"))


def landmark_named_for(words: list[str], i: int, n: int) -> bool:
    """ "the San Vicente camp in Meteti", "el albergue Belén en Tapachula" is not (the name after the noun): the name
    before a camp, a shelter, a station, followed by the town it lies in, is the landmark's own."""
    at = i + n
    return at + 2 < len(words) and words[at] in cue_words("landmark") and words[at + 1] in IN_TOWN \
        and words[at + 2] not in ARTICLES and words[at + 2] not in cue_words("landmark") and words[i] in weights.SAINT_WORDS


def landmark_after(words: list[str], end: int) -> bool:
    """ "the El Paso bus station": the article before the town is the landmark's."""
    return end < len(words) and words[end] in cue_words("landmark")
