"""The words around a place name: what they say the place is to the person.

``cues.yml`` lists, per language, the words before a name that say where the person *is*
("estoy en", "nou nan"), comes *from* ("desde", "sot"), is *going* ("rumbo a", "pou"), where a
relative is ("mi hermano está en"), or that a person's name follows ("mi hija"). This module reads
them and answers, for a position in a message, which cue stands before it. What the words around a name weigh
is :mod:`bot.places.around`'s; the rest of the scoring :mod:`bot.places.resolve`'s; a leg of the journey in :mod:`bot.places.legs`, states in :mod:`bot.places.states`.
"""

from __future__ import annotations

import functools
from pathlib import Path

from bot import LANGUAGES
from bot.datafiles import read_yaml
from bot.places.words import own_zipf
from bot.textnorm import fold

CUES_FILE = Path(__file__).resolve().parent / "cues.yml"
CUE_KINDS = ("current", "origin", "destination", "preposition", "of")
# A one-word cue of another language counts unless it is an everyday word of the message's own:
# "to en boa vista" (Spanish "en" in Portuguese) is a cue, Portuguese "a" ("the") is no French "à".
FOREIGN_CUE_ZIPF = 5.0
ARTICLES = frozenset("l la le les el los las lo o os a as the un une uno una".split())
# "Rosario es mi hermana" names a person; "santiago, se kouzen m ki..." ("it is my cousin who...") does not.
COPULAS = frozenset("es is est se e c".split())


@functools.cache
def _table() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    """The cue phrases of ``cues.yml``: kind -> language -> folded word tuples."""
    doc = read_yaml(CUES_FILE)
    out: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for kind, by_lang in doc.items():
        if not isinstance(by_lang, dict):
            continue
        out[kind] = {
            lang: tuple(_with_contractions(lang, [tuple(fold(str(p)).split()) for p in phrases or () if fold(str(p))]))
            for lang, phrases in by_lang.items() if lang in LANGUAGES
        }
    return out


# Spanish joins "a el" and "de el": "llegamos al paraiso", "rumbo al guasaule", "cerca del puente".
CONTRACTIONS = {"es": {"a": "al", "de": "del"}}


def _with_contractions(lang: str, phrases: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    joined = CONTRACTIONS.get(lang, {})
    extra = [p[:-1] + (joined[p[-1]],) for p in phrases if len(p) > 1 and p[-1] in joined]
    return phrases + [p for p in extra if p not in phrases]


def _by_language(kind: str) -> dict[tuple[str, ...], str]:
    """Every phrase of one cue kind, any language -> the language."""
    table: dict[tuple[str, ...], str] = {}
    for lang, phrases in _table().get(kind, {}).items():
        for p in phrases:
            table.setdefault(p, lang)
    return table


@functools.cache
def _fillers() -> frozenset[str]:
    """Words that add nothing to a bare place name: cue words and articles."""
    words = set(ARTICLES)
    for kind in ("current", "preposition"):
        for phrase in cues(kind):
            words.update(phrase)
    return frozenset(words)


def is_filler(word: str) -> bool:
    return word in _fillers() or len(word) <= 1


@functools.cache
def cues(kind: str) -> frozenset[tuple[str, ...]]:
    return frozenset(_by_language(kind))


@functools.cache
def words_in(kind: str, lang: str) -> frozenset[str]:
    """The words of a cue kind in the message's language, else in any (Spanish "yo" is "I", Kreyòl "yo" "they")."""
    return frozenset(w for p in cues_in(kind, lang) for w in p) if lang in LANGUAGES else cue_words(kind)


@functools.cache
def _mine_after() -> frozenset[str]:
    """The possessives said after the noun: Kreyòl's ("pitit mwen"); French "enfants à X" is "children at X"."""
    return frozenset(w for p in cues_in("possessive", "ht") for w in p)


def _relative_before(words: list[str], lang: str = "") -> bool:
    """ "my wife and kids still stuck in X", "ma famille est restée à X", "pitit mwen yo toujou Okap":
    a relative of the writer's earlier in the clause, and no "I" or "we" after it (in the message's
    language: Spanish "yo" is "I", Kreyòl "yo" "they")."""
    people, mine, me = cue_words("other_person"), cue_words("possessive"), words_in("first_person", lang)
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if _and_i(words, k, lang):
            return False  # "mi esposa y yo are in X": the writer too
        if w in people and ((k > 0 and words[k - 1] in mine) or (k + 1 < len(words) and words[k + 1] in _mine_after())):
            return not _at_their_home(words, k) and not _with_me(words, k, lang)
        if w in me and not (w in mine and k > 0 and words[k - 1] in people):  # Kreyòl's "pitit mwen": "my", not "I"
            return False
    return False


AND = frozenset(("and", "y", "e", "et", "ak", "avek"))
# "I" after "and", in any of the languages: "mi esposa y yo are in X" mixes two (but Kreyòl "ak yo" is "with them")
I_AFTER_AND = frozenset(("yo", "i", "me", "moi", "eu", "mwen", "nosotros", "we", "nous", "nou"))
REACH = 8  # the words before a town read for whose place it is


def before_town(words: list[str], i: int, since: int = 0) -> list[str]:
    """The words before the town at ``i`` read for whose place it is: the last REACH of its clause, and the two before
    a relative cut off at the edge ("me and | my friend charlotte sleep under the bridge in X", "yo | y mi hermano ...")."""
    if since == 3 and _my_relative(words[1:3]) and i - since <= REACH:
        return words[1:i]  # "Conceição, minha mãe, ficou em Goiânia": the name, then who they are, said between commas
    start = max(since, i - REACH)
    if start > since and any(w in cue_words("possessive") or w in cue_words("other_person") or w in AND for w in words[start : start + 2]):
        start = max(since, start - 2)
    return words[start:i]


def _my_relative(two: list[str]) -> bool:
    """ "minha mãe", "mi hermano", "manman m": a relative of the writer's, in two words."""
    mine, people = cue_words("possessive"), cue_words("other_person")
    return len(two) == 2 and ((two[0] in mine and two[1] in people) or (two[0] in people and two[1] in mine))


@functools.cache
def _i_after_and(lang: str) -> frozenset[str]:
    return words_in("first_person", lang) | (I_AFTER_AND - {"yo"} if lang == "ht" else I_AFTER_AND)


def _and_i(words: list[str], k: int, lang: str) -> bool:
    """ "my wife and I", "mi esposa y yo", "ma femme et moi": the writer at ``k``, after "and"."""
    return k >= 1 and words[k - 1] in AND and words[k] in _i_after_and(lang)


def _with_me(words: list[str], k: int, lang: str) -> bool:
    """ "me and my kids in X", "yo y mis hijos en X", "mwen ak pitit mwen yo nan X": the writer is there with them."""
    def head(j: int) -> int:  # the relative's own possessive, article or count: "me and the kids", "ak 3 pitit"
        if j > 0 and (words[j - 1].isdigit() or words[j - 1] in cue_words("numbers")):
            j -= 1
        return j - 1 if j > 0 and (words[j - 1] in cue_words("possessive") or words[j - 1] in ARTICLES) else j

    start = head(k)
    while start >= 2 and words[start - 1] in AND:
        if words[start - 2] in words_in("first_person", lang):
            return True
        if words[start - 2] not in cue_words("other_person"):
            return False
        start = head(start - 2)  # "me and my wife and kids": back along the list to the writer
    return False


def _at_their_home(words: list[str], k: int) -> bool:
    """ "m rete lakay kouzin mwen nan X", "chez ma tante à X", "staying with my aunt in X": the writer
    is at the relative's, so the relative's town is theirs too."""
    start = k - 1 if k > 0 and words[k - 1] in cue_words("possessive") else k
    if any(w in cue_words("other_person") for w in words[:start]):
        return False  # "mis hijos están con su abuela en X": the children are, not the writer
    return any(tuple(words[max(0, start - n) : start]) in cues("at_home_of") for n in (2, 1))


def said_near(words: list[str], i: int, lang: str = "", taken: int | None = None) -> bool:
    """The cue before ``i`` (``taken`` words, else :func:`cue`'s) says only closeness: "cerca de X", "near X"."""
    taken = cue(words, i, lang)[1] if taken is None else taken
    return tuple(words[i - taken : i]) in cues_in("near", lang)


# What may stand around the cue of :func:`near_after`: "in the camp near", "près du pont de"
_NEAR_FILL = frozenset("de del du des do da dos das of to in at en em no na nan dans au".split())


def near_after(words: list[str], end: int, start: int, lang: str = "") -> bool:
    """The words between a town ending at ``end`` and one at ``start`` say the second is only near: "ouanaminthe près du
    pont de dajabon", "tijuana, in the camp near el chaparral" (articles, "in", "of" and a landmark around the cue)."""
    between = words[end:start]
    if len(between) > 7:
        return False
    for at in range(len(between)):
        for k in (3, 2, 1):
            if tuple(between[at : at + k]) in cues_in("near", lang):
                return all(w in ARTICLES or w in _NEAR_FILL or w in cue_words("landmark")
                           for w in between[:at] + between[at + k :])
    return False


def said_far(words: list[str], i: int, lang: str = "") -> bool:
    """The words before ``i`` say the town is far from the person ("c'est loin de", "queda muy lejos de"), with no
    negation before ("pas loin de", "no muy lejos de": near)."""
    for k in (3, 2, 1):
        if k <= i and tuple(words[i - k : i]) in cues_in("far_from", lang):
            before = words[max(0, i - k - 3) : i - k]
            return cue_words("negation").isdisjoint(before)
    return False


def harm_with_writer(words: list[str], danger: bool, lang: str = "") -> bool:
    """In danger a relative before the town is where the harm is, with the writer ("la police a frappé mon mari à X"),
    unless the message says the relative is held for ransom or threatened there ("secuestraron a mi primo en matamoros,
    piden 3000"): then it is theirs, as outside danger (the ``danger`` to give :func:`other_person`)."""
    return danger and not any_phrase(words, "held_away", lang)


# The first word of a current cue in the first person ("estoy en", "eu estou em", "m nan", "we are in")
FIRST_PERSON = frozenset("estoy estamos toy tamos yo eu estou to moro moramos i im we were am je j suis sommes nous m mwen nou n".split())


def other_person(before: list[str], danger: bool = False, lang: str = "") -> bool:
    """ "mi hermano sigue en X", "my mom in X", "manman m nan X": someone else's place.

    In danger a relative without a verb of being is where the harm is, with the writer: "la police
    a frappé mon mari à X", "bateram no meu primo em X". "Here" just before the town says the writer is
    there too, in danger or not: "ma femme accouche ici à X", "mi esposa esta aqui en X conmigo"."""
    words = list(before)
    if cue_words("here_word") & set(words[-3:]):
        return False  # "ma femme accouche ici à X": here, with the writer
    if not danger and _relative_before(words, lang):
        return True
    if len(words) >= 2 and words[-1] in ARTICLES and (words[-2],) in cues("preposition"):
        words.pop()  # "en la", "à la": the article of the place, after its preposition
    if words and (words[-1],) in cues("preposition"):
        words.pop()
    else:
        return False
    verb = False
    for length in (2, 1):
        if len(words) >= length and tuple(words[-length:]) in cues("third_person"):
            said, words, verb = words[-length:], words[:-length], True
            if said[0] in cue_words("third_pronoun") or (words and words[-1] in cue_words("third_pronoun")):
                return True  # "ela tava em bajo chiquito", "she is in houston": not the writer
            if said[0] == "se":
                return True  # "Victoria se quedo en Tapachula": Spanish "se" is someone else's ("me quede" the writer's)
            break
    people = cue_words("other_person")
    mine = cue_words("possessive")
    if danger and not verb:
        # where the harm is, unless the relative opens the clause: "my cousin in tuxtla is vomiting blood"
        # is the cousin's town; "la police a frappé mon mari à X" is where it happened, with the writer
        return len(words) >= 2 and ((words[0] in mine and words[1] in people) or (words[0] in people and words[1] in mine)) \
            and len(words) <= 3
    me = words_in("first_person", lang)
    if words and (words[-1] in me or _and_i(words, len(words) - 1, lang)) and not (words[-1] in mine and len(words) > 1 and words[-2] in people):
        return False  # "eu e minha familia estamos em X": the writer is there too
    for k in range(max(0, len(words) - 2), len(words)):
        if words[k] in people and (verb or (k > 0 and words[k - 1] in mine) or (k + 1 < len(words) and words[k + 1] in _mine_after())):
            return not _at_their_home(words, k) and not _with_me(words, k, lang)
    return False


@functools.cache
def cues_in(kind: str, lang: str) -> frozenset[tuple[str, ...]]:
    return frozenset(_table().get(kind, {}).get(lang, ()))


def cue(words: list[str], i: int, lang: str = "") -> tuple[str | None, int]:
    """The kind and length of the longest cue right before position ``i`` (an article may sit between).

    A one-word cue counts in the message's language only (when known): "a" is "at" in French, the
    article or "to" in Portuguese and Spanish; longer cues count in any language, as people mix them.
    Leaving a place soon is being there ("me quiero ir de Iquique"): a "leaving" cue reads as current.
    """
    kind, length = _cue(words, i, lang)
    if kind == "feared":  # feared, or to come; done if the message says so after ("... y me deportaron")
        return ("current" if any_phrase(words[i:], "deported_after", lang) else "destination"), length
    return ("current" if kind == "leaving" else kind), length


def leaving_before(words: list[str], i: int, lang: str = "") -> bool:
    """The cue right before ``i`` says the person leaves it soon, or wants to ("quiero salir de honduras")."""
    return _cue(words, i, lang)[0] == "leaving"


def _cue(words: list[str], i: int, lang: str) -> tuple[str | None, int]:
    # "a" is an article in Portuguese and English only: "ya pasamos a paso canoas" is no "pasamos" + article
    article = i > 0 and words[i - 1] in ARTICLES and not (words[i - 1] == "a" and lang in ("es", "fr", "ht"))
    starts = [i, i - 1] if article else [i]
    best: tuple[int, str] | None = None
    for start in starts:
        for kind in (*CUE_KINDS, "leaving", "feared"):
            table = cues(kind)
            for length in range(min(5, start), 0, -1):
                phrase = tuple(words[start - length : start])
                if kind == "current" and phrase[0] in cue_words("possessive_after") and start - length > 0 \
                        and words[start - length - 1] in cue_words("other_person"):
                    continue  # "yo kidnape frè m nan pòtoprens": "my brother in", not "I am in"
                if kind == "current" and length == 1 and phrase[0] in cue_words("possessive_after") and start > 1 \
                        and words[start - 2] in cue_words("owned_place"):
                    # "m lakay mwen Podepe" (I am at my home), "pou m al lakay mwen Okap" (to go home): the cue before
                    # "lakay", not "mwen" read as "I am"
                    outer, taken = _cue(words, start - 2, lang)
                    if outer and (best is None or taken + 2 + (i - start) > best[0]):
                        best = (taken + 2 + (i - start), outer)
                    break
                if (phrase in table and _counts(phrase, kind, lang)) or (
                        kind == "current" and length > 2 and (short := _without_now(phrase)) in table
                        and _counts(short, kind, lang)
                        and (start == length or words[start - length - 1] not in cue_words("negation"))):
                    total = length + (i - start)
                    if best is None or total > best[0]:
                        best = (total, kind)
                    break
    return (best[1], best[0]) if best else (None, 0)


def _counts(phrase: tuple[str, ...], kind: str, lang: str) -> bool:
    """A cue of ``kind`` counts: any of two words or more; one word in the message's language, or one no
    everyday word of it."""
    return len(phrase) > 1 or lang not in LANGUAGES or phrase in cues_in(kind, lang) or own_zipf(phrase[0], lang) < FOREIGN_CUE_ZIPF


def _without_now(phrase: tuple[str, ...]) -> tuple[str, ...]:
    """A current cue with "still", "now" or "safely" inside is current still: "je suis toujours a", "estamos ainda em",
    "we are still in" are "je suis a", "estamos em", "we are in". (Only cues of two words or more are read so, and
    "papa m toujou Okap" is "my father", by ``possessive_after``.)"""
    now = _now_words()
    return next((phrase[:k] + phrase[k + 1 :] for k in range(1, len(phrase)) if phrase[k] in now), ())


@functools.cache
def _now_words() -> frozenset[str]:
    """The one-word "now" cues and ``now_inside`` ("llegamos bien a monterrey", "nou rive byen nan")."""
    return frozenset(p[0] for p in cues("now") if len(p) == 1) | cue_words("now_inside")


def cue_kind(words: list[str], i: int, lang: str = "") -> str | None:
    return cue(words, i, lang)[0]


@functools.cache
def cue_words(kind: str) -> frozenset[str]:
    return frozenset(w for phrase in cues(kind) for w in phrase)


def state_word_before(words: list[str], i: int) -> bool:
    """ "el estado de X", "the state of X", "l'état de X": X is a state."""
    return i >= 2 and words[i - 1] in cue_words("of") and words[i - 2] in cue_words("state_word")


def ages_hidden(words: list[str]) -> list[str]:
    """The words with Kreyòl "gen" after a person blanked: "li gen 13 an" (she is 13), "nou gen 2 mwa nan X" (we have
    been in X two months) are no "13 years ago", "two months ago"."""
    people = _people()
    return [" " if w == "gen" and k and words[k - 1] in people else w for k, w in enumerate(words)]


@functools.cache
def _people() -> frozenset[str]:
    return cue_words("first_person") | cue_words("third_pronoun") | cue_words("other_person")


MORNING_BEFORE = frozenset(("esta", "la"))  # "esta mañana", "en la mañana": this morning, not tomorrow


def later_at(words: list[str], k: int, kind: str = "later") -> bool:
    """The word at ``k`` is one of ``kind`` ("later", "tomorrow") and says so ("llegamos esta mañana": not tomorrow)."""
    return words[k] in cue_words(kind) and not (words[k] == "manana" and k and words[k - 1] in MORNING_BEFORE)


def any_phrase(words: list[str], kind: str, lang: str) -> bool:
    """Whether a phrase of ``kind`` (in the message's language, when known) is among ``words``."""
    by_first = phrases_by_first_word(kind, lang if lang in LANGUAGES else "")
    numbers = cue_words("numbers")
    for k, w in enumerate(words):
        number = w.isdigit() or w in numbers
        for p in by_first.get(w, ()) + (by_first.get("0", ()) if number else ()):
            if len(p) <= len(words) - k and all(
                    x == q or (q == "0" and (x.isdigit() or x in numbers)) for x, q in zip(words[k + 1 : k + len(p)], p[1:])):
                return True
    return False


@functools.cache
def phrases_by_first_word(kind: str, lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of ``kind`` (in ``lang``, or every language) by their first word ("0": any number)."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for p in (cues_in(kind, lang) if lang else cues(kind)):
        table.setdefault(p[0], []).append(p)
    return {w: tuple(ps) for w, ps in table.items()}


def says_now(words: list[str], start: int, end: int) -> bool:
    """A "now" phrase ("ahora", "kounye a", "aujourd hui") ends at a position in [start, end]."""
    by_last = _now_by_last_word()
    return any(tuple(words[max(0, j - len(p)) : j]) == p for j in range(max(start, 1), min(end, len(words)) + 1)
               for p in by_last.get(words[j - 1], ()))


@functools.cache
def _now_by_last_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for p in cues("now"):
        table.setdefault(p[-1], []).append(p)
    return {w: tuple(ps) for w, ps in table.items()}
