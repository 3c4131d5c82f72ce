"""Rule-based danger check, run on every message before anything else.

The phrases are data (``bot/safety/phrases/<lang>.yml``) written per language; every language's
phrases are checked on every message, because a person in danger may switch language or mix
them. Matching is tuned for recall: no case, no accents, ``word*`` stems, and one typo allowed in
words of five letters or more (in an everyday word, only a likely slip: :func:`_slip`). The learned
check (:mod:`bot.safety.learned`) is a second opinion (see :mod:`bot.safety.alarm`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from bot.datafiles import read_yaml
from bot.everyday import is_everyday
from bot.textnorm import fold

KINDS = ("sexual_violence", "suicide", "missing_child", "medical_emergency", "violence")
PHRASES_DIR = Path(__file__).resolve().parent / "phrases"
BOT = PHRASES_DIR.parents[1]  # the package: its Kreyòl texts and training messages
MAX_CHARS = 3000  # a danger message says so early; bounds the work on a 10,000-character message
# Small numbers as people write them (not Kreyòl "de", two, which is also "of" in es, fr and pt).
NUMBER_WORDS = frozenset((
    "un uno una dos tres cuatro cinco seis siete ocho nueve diez doce quince veinte "
    "one two three four five six seven eight nine ten twelve fifteen twenty "
    "une deux trois quatre cinq sept huit neuf dix douze quinze vingt "
    "yon twa kat senk sis set uit nef dis "
    "um uma dois duas tres quatro cinco seis sete oito nove dez doze quinze vinte").split())
# A temperature below zero ("-20", "−15°"): folding drops the sign, so it becomes the word "belowzero" first
# (not a dash between words: "kids - 3 of them", nor inside a phone number)
BELOW_ZERO = re.compile(r"(?<![\w-])[-−](?=\d)")
# SMS shorthand for a phrase's word: "vomita todo lo q le doy" is "vomita todo lo que"
SHORTHAND = {"q": "que", "k": "que", "u": "you", "ur": "your"}  # one word for one word ("xq" is two: "por que")
FIRST_EVEN_PAIRED = ("sexual_violence", "suicide")
PAIR_WINDOW = 9  # words: "mi hijo de 5 años no aparece", "tifi m 16 an pati ak yon nonm li pa reponn"


@dataclass(frozen=True)
class Danger:
    kind: str  # one of KINDS
    phrase: str
    lang: str


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    kind: str
    lang: str
    text: str


def message_words(text: str) -> list[str]:
    """The folded words of a message, as the phrases are matched against them."""
    return fold(BELOW_ZERO.sub(" belowzero ", text[:MAX_CHARS])).split()


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _word_matches(pattern: str, word: str, safe_words: frozenset[str] = frozenset()) -> bool:
    if pattern == "#":  # any number: "hace # anos", "# years ago", "il y a deux ans", "faz dois anos"
        return word.isdigit() or word in NUMBER_WORDS
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    if pattern == word or (word in SHORTHAND and SHORTHAND[word] == pattern):
        return True
    return _misspelt(pattern, word, safe_words)


# Letters that sound alike in Spanish, Portuguese, French and Kreyòl: written one for the other by people
# who write as they speak ("bolber", "kidnape"). Keys side by side are left out: "named" is no slip of "naked".
_SOUNDS = {frozenset(p) for p in ("bv", "sz", "sc", "cz", "ck", "kq", "yi", "jg")}


def _slip(pattern: str, word: str) -> bool:
    """``word`` (one edit from ``pattern``) is a likely slip, not another word meant: the ending differs ("quiere"
    for "quieren", "pegarr"), a letter that sounds the same ("bolsa"/"volsa"), a letter doubled or a silent h
    added, or a letter left out ("sangrado" for "sangrando")."""
    k = next((i for i, (a, b) in enumerate(zip(pattern, word)) if a != b), min(len(pattern), len(word)))
    if k >= min(len(pattern), len(word)) - 1:
        return True
    if len(word) == len(pattern):
        return frozenset((pattern[k], word[k])) in _SOUNDS
    if len(word) < len(pattern):
        return True  # a letter left out
    extra = word[k]
    return extra == "h" or (k > 0 and extra == word[k - 1]) or extra == word[k + 1]  # "sanngrando", "hamenaza"


def _same_start(pattern: str, word: str) -> bool:
    """Whether ``word`` keeps the pattern's first letter, or writes one that sounds the same, or adds or drops a silent
    h (:func:`_misspelt` refuses a real word that does not)."""
    a, b = pattern[0], word[0]
    return a == b or frozenset((a, b)) in _SOUNDS or (b == "h" and word[1:] == pattern) \
        or (a == "h" and pattern[1:] == word)


def _misspelt(pattern: str, word: str, safe_words: frozenset[str]) -> bool:
    """Whether ``word`` is ``pattern`` with one typo, in words of five letters or more. An everyday word is
    itself, not a typo of another ("pagar", to pay, is no "pegar", to hit; "tocando" no "socando"), unless the
    difference is a likely slip (:func:`_slip`). A real word, everyday or Kreyòl, with another first letter or none is
    never one ("anyen", nothing, is no "manyen", to touch; "mouye", to wet, no "touye", to kill; "extorsion" no
    "sextorsion"); a non-word is a slip of the thumb ("nataron", "jidnape")."""
    if len(pattern) < 5 or len(word) < 5 or word in safe_words:
        return False
    if Levenshtein.distance(pattern, word, score_cutoff=1) > 1:
        return False
    everyday = is_everyday(word)
    if not _same_start(pattern, word) and (everyday or word in _kreyol_words()):
        return False
    return not everyday or _slip(pattern, word)


@functools.cache
def _kreyol_words() -> frozenset[str]:
    """The words of the bot's own Kreyòl texts, training messages and danger examples: wordfreq knows no Kreyòl, and
    "anyen" (nothing) or "mouye" (wet) are words, not typos of "manyen", "touye"."""
    files = [BOT / "texts" / "ht.yml", PHRASES_DIR.parent / "examples" / "ht.yml", *sorted((BOT / "data" / "nlu" / "ht").glob("*.yml"))]
    return frozenset(w for f in files for w in fold(f.read_text(encoding="utf-8")).split())


class PhraseMatcher:
    """Finds the phrases of any language in a message.

    ``safe_words`` are ordinary words one typo away from a danger word ("vole", stolen, is one
    letter from "viole"): they never count as a typo.
    """

    def __init__(self, phrases: list[_Phrase], safe_words: frozenset[str] = frozenset()):
        self.safe_words = safe_words
        self.exact: dict[str, list[_Phrase]] = {}
        self.stems: dict[str, list[_Phrase]] = {}  # stem ("golpe" of "golpe*") -> phrases
        self.fuzzy: dict[str, list[_Phrase]] = {}  # first word (5+ letters) -> phrases
        self._deletions: dict[str, set[str]] = {}  # a first word and each of it less one letter -> first words
        for p in phrases:
            first = p.words[0]
            if first.endswith("*"):
                self.stems.setdefault(first[:-1], []).append(p)
            else:
                self.exact.setdefault(first, []).append(p)
                if len(first) >= 5:
                    self.fuzzy.setdefault(first, []).append(p)
                    for variant in (first, *_deletions(first)):
                        self._deletions.setdefault(variant, set()).add(first)
        self.count = len(phrases)

    def _starting(self, word: str) -> list[_Phrase]:
        found = list(self.exact.get(word, ()))
        if word in SHORTHAND:
            found += self.exact.get(SHORTHAND[word], ())
        if word.isdigit():  # "# an de sa", "# years ago"
            found += self.exact.get("#", ())
        for k in range(1, len(word) + 1):  # "golpeando" starts with the stem "golpe"
            found += self.stems.get(word[:k], ())
        if len(word) >= 5 and word not in self.safe_words:
            # one letter away (Levenshtein 1): the two words share a variant less one letter
            near: set[str] = set()
            for variant in (word, *_deletions(word)):
                near |= self._deletions.get(variant, set())
            for first in near:
                if first != word and _misspelt(first, word, self.safe_words):
                    found += self.fuzzy[first]
        return found

    def hits(self, text: str) -> list[_Phrase]:
        """Every phrase found in ``text``."""
        return [p for _, p in self.found(message_words(text))]

    def found(self, words: list[str]) -> list[tuple[int, _Phrase]]:
        """Each phrase found in the folded ``words``, with the index where it starts."""
        hits: list[tuple[int, _Phrase]] = []
        for i, word in enumerate(words):
            for p in self._starting(word):
                n = len(p.words)
                if i + n <= len(words) and all(
                    _word_matches(pw, w, self.safe_words) for pw, w in zip(p.words[1:], words[i + 1 : i + n])
                ):
                    hits.append((i, p))
        return hits


class DangerDetector(PhraseMatcher):
    """The phrases of each kind; ``pairs``: two words of a kind near each other ("mi hijo ... no
    aparece"); ``over``: words saying the harm is past and the person safe ("hace 2 años", "now
    safe"), unless ``now`` words say it goes on ("ahorita", "right now"); ``ordinary``: everyday
    phrases around a danger phrase, which then does not count ("kicking us out" of a shelter holds
    "kick* us")."""

    def __init__(self, phrases: list[_Phrase], safe_words: frozenset[str] = frozenset(),
                 pairs: list[tuple[str, str, list[_Phrase], list[_Phrase], int]] = (),
                 over: PhraseMatcher | None = None, now: PhraseMatcher | None = None,
                 ordinary: PhraseMatcher | None = None, adult_taken: PhraseMatcher | None = None):
        super().__init__(phrases, safe_words)
        self.pairs = list(pairs)
        self.over, self.now, self.ordinary, self.adult_taken = over, now, ordinary, adult_taken
        # every side of every pair in one matcher: one pass over the message finds them all
        self._sides: dict[_Phrase, list[tuple[int, int]]] = {}
        for n, (_, _, first, second, _) in enumerate(self.pairs):
            for side, side_phrases in enumerate((first, second)):
                for phrase in side_phrases:
                    self._sides.setdefault(phrase, []).append((n, side))
        self._pair_matcher = PhraseMatcher(list(self._sides), safe_words)

    def check(self, text: str) -> Danger | None:
        """The most serious danger the message signals, or None."""
        words = message_words(text)  # folded once for the phrases, the pairs and over/now
        ordinary = self._ordinary_spans(words)
        hits = self.found(words)
        said = [p for i, p in hits if not _inside(i, p, ordinary)]
        paired = self._pair_hits(words, ordinary)
        if not said and not paired:
            return None
        # where the harms are told (only once a danger is found): the phrases', else the pairs' words (a pair's side
        # alone is no harm: Kreyòl "san", blood, in "we left san pedro sula a month ago, now men with guns ...", or
        # "on a quitté les gonaives il y a un mois, ... des hommes armés nous menacent" stood for one before the time)
        harms = [i for i, p in hits if not _inside(i, p, ordinary)] or [i for i, _ in self._pair_matcher.found(words)]
        if self._over(words, text, harms):
            return None  # "hace 2 años me secuestraron, ¿sirve para el asilo?": a question about rights
        # A phrase says more than two words near each other: "pitit mwen ... li pa reponn, bouch li vin ble"
        # is a child who does not respond (medical), not a child who does not answer the phone. Only
        # sexual violence and suicide, whose advice must never be lost, win from a pair.
        best = min([(0, p) for p in said] + [(1, p) for p in paired], key=lambda h: (
            h[1].kind not in FIRST_EVEN_PAIRED, h[0], KINDS.index(h[1].kind), -len(h[1].words)))[1]
        return Danger(best.kind, best.text, best.lang)

    def explained(self, text: str) -> bool:
        """A danger phrase of the message is inside an ordinary one ("a kidnapping movie"): the learned check's
        second opinion must not bring it back."""
        words = message_words(text)
        ordinary = self._ordinary_spans(words)
        return bool(ordinary) and any(_inside(i, p, ordinary) for i, p in self.found(words))

    def _ordinary_spans(self, words: list[str]) -> list[tuple[int, int]]:
        return [(j, j + len(o.words)) for j, o in self.ordinary.found(words)] if self.ordinary else []

    def is_over(self, text: str) -> bool:
        """The message says the harm is past and the person safe, and nothing says it goes on."""
        return self._over(message_words(text))

    def _over(self, words: list[str], text: str = "", harms: list[int] = ()) -> bool:
        over = self.over.found(words) if self.over is not None else []
        clause = _clauses(text, len(words)) if over and harms and text else None
        if clause:  # "venimos de venezuela hace 3 meses, ... mi esposo me golpeo": the time is the road's, not the harm's
            over = [(i, p) for i, p in over if not _dates_the_road(words, clause, i, min(harms))]
        return bool(over) and not (self.now is not None and self.now.found(words))

    def _pair_hits(self, words: list[str], ordinary: list[tuple[int, int]] = ()) -> list[_Phrase]:
        at: dict[tuple[int, int], list[tuple[int, _Phrase]]] = {}
        for i, phrase in self._pair_matcher.found(words):
            if _inside(i, phrase, ordinary):
                continue
            for key in self._sides[phrase]:
                at.setdefault(key, []).append((i, phrase))
        found = []
        taken = [i for i, _p in self.adult_taken.found(words)] if self.adult_taken else []
        for (n, side), a in at.items():
            b = at.get((n, 1)) if side == 0 else None
            kind, lang, _, _, after = self.pairs[n]
            near = next(((p, q) for i, p in a for j, q in b or () if i != j and abs(i - j) <= PAIR_WINDOW
                         and (i < j or i - j - len(q.words) <= after or not any(j - PAIR_WINDOW <= k < j for k in taken))), None)
            if near:
                found.append(_Phrase(("…",), kind, lang, f"{near[0].text} … {near[1].text}"))
        return found

    def positions(self, words: list[str]) -> set[int]:
        """The indices of ``words`` (folded) that belong to a danger phrase: never a place name."""
        return {k for i, p in self.found(words[:MAX_CHARS]) for k in range(i, i + len(p.words))}


def _inside(i: int, phrase: _Phrase, spans: list[tuple[int, int]]) -> bool:
    """The phrase found at ``i`` lies within one of the ``spans``, an ordinary phrase longer than it ("kick* us" in
    "kicking us out"; a pair's side that is the ordinary phrase itself still counts: "kick* us out ... freezing")."""
    return any(a <= i and i + len(phrase.words) <= b and b - a > len(phrase.words) for a, b in spans)


def load_phrases(folder: Path = PHRASES_DIR, kinds: tuple[str, ...] = KINDS) -> tuple[list[_Phrase], frozenset[str]]:
    """The phrases of every language file, and the words never to read as typos."""
    phrases = []
    safe: set[str] = set()
    for path in sorted(folder.glob("*.yml")):
        doc = read_yaml(path)
        lang = str(doc.get("lang") or path.stem)
        safe.update(fold(str(w)) for w in doc.get("safe_words") or ())
        for kind in kinds:
            for raw in doc.get(kind) or ():
                words = phrase_words(raw)
                if words:
                    phrases.append(_Phrase(words, kind, lang, str(raw)))
    return phrases, frozenset(safe)


def phrase_words(raw: Any) -> tuple[str, ...]:
    """A phrase's folded words; folding drops '*' and '#', so they travel as placeholder words."""
    # (placeholders no word begins with: " star" also began "water starts")
    text = fold(str(raw).replace("*", " QQSTARQQ ").replace("#", " QQNUMBERQQ "))
    return tuple("#" if w == "qqnumberqq" else w for w in text.replace(" qqstarqq", "*").split())


def load_markers(folder: Path = PHRASES_DIR, safe_words: frozenset[str] = frozenset()
                 ) -> tuple[list, PhraseMatcher, PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    """The ``pairs`` of each kind, and the ``over`` (with ``ahead``), ``now``, ``ordinary`` and ``adult_taken`` phrases,
    of every language file."""
    pairs, over, now, ordinary, adult_taken = [], [], [], [], []
    for path in sorted(folder.glob("*.yml")):
        doc = read_yaml(path)
        lang = str(doc.get("lang") or path.stem)
        for kind, rules in (doc.get("pairs") or {}).items():
            # a third number: how many words past the second side's end the first may still come when an adult was
            # taken just before (``adult_taken``). A child named further on is then another clause's: "ICE took my
            # husband, i dont know where he is, i have 3 kids" is an adult taken (the missing-child advice, tell the
            # migration staff, could hurt); "i dont know where the coyotes took our kids" a child lost
            for first, second, *after in rules:
                sides = [[_Phrase(phrase_words(w), kind, lang, str(w)) for w in side if phrase_words(w)] for side in (first, second)]
                pairs.append((kind, lang, *sides, after[0] if after else PAIR_WINDOW))
        # a question asked ahead ("just asking") is no harm now either
        over += [_Phrase(phrase_words(w), "over", lang, str(w)) for w in (*(doc.get("over") or ()), *(doc.get("ahead") or ()))
                 if phrase_words(w)]
        now += [_Phrase(phrase_words(w), "now", lang, str(w)) for w in doc.get("now") or () if phrase_words(w)]
        ordinary += [_Phrase(phrase_words(w), "ordinary", lang, str(w)) for w in doc.get("ordinary") or () if phrase_words(w)]
        adult_taken += [_Phrase(phrase_words(w), "adult_taken", lang, str(w)) for w in doc.get("adult_taken") or () if phrase_words(w)]
    return (pairs, PhraseMatcher(over, safe_words), PhraseMatcher(now, safe_words), PhraseMatcher(ordinary, safe_words),
            PhraseMatcher(adult_taken, safe_words))


CLAUSE_BREAK = re.compile(r"[,.;:!?\n…]+")
ROAD_WITHIN = 5  # words between "venimos de venezuela" and "hace 3 meses"
# an asylum asked about: the harm is the story told for it ("salimos de honduras hace 2 años, las maras mataron a mi
# hermano, puedo pedir asilo?")
ASYLUM = frozenset("asilo asylum asile azil refugio refugiado refugiada refugee refuge refugie refijye".split())
# the harm as the reason for leaving, or there, back home: "..., porque las maras ...", "... alla me secuestraron"
BECAUSE = frozenset("porque porq xq pq because cause coz bc parce paske poutet pois alla alli there back home lakay".split())
THERE = frozenset("alla alli there".split())


def _clauses(text: str, n: int) -> list[int] | None:
    """The clause (between punctuation) of each of the message's ``n`` words; None if they do not line up."""
    out: list[int] = []
    for k, piece in enumerate(CLAUSE_BREAK.split(text[:MAX_CHARS])):
        out += [k] * len(message_words(piece))
    return out if len(out) == n else None


@functools.cache
def _road() -> PhraseMatcher:
    """Every language's ``road`` words: the journey a time dates ("venimos de", "we left", "nou sot")."""
    return PhraseMatcher(load_phrases(PHRASES_DIR, ("road",))[0])


def _dates_the_road(words: list[str], clause: list[int], i: int, harm: int) -> bool:
    """The time long past at ``i`` dates the road ("salimos de tapachula hace 2 meses"), and the harm comes in a later
    clause, neither as the reason ("..., porque las maras nos amenazaban") nor with asylum asked about, or in an earlier
    clause than the road and its time ("me quiero morir. sali de barquisimeto hace un año"): the harm is now."""
    # ("there" opening a clause is back home: ", alla nos secuestraron"; further on, the place just named: "at the Casa
    # do Migrante, a man there touches me")
    because = [k for k in range(i, harm + 1) if words[k] in BECAUSE
               and (words[k] not in THERE or clause[k] != clause[max(0, k - 2)])]
    road = [j for j, _ in _road().found(words[:i]) if i - ROAD_WITHIN <= j < i]
    if harm < i:
        return clause[harm] < clause[i] and any(clause[j] == clause[i] for j in road) and ASYLUM.isdisjoint(words)
    return clause[harm] > clause[i] and not because and ASYLUM.isdisjoint(words) and bool(road)


@functools.lru_cache(maxsize=1)
def detector() -> DangerDetector:
    phrases, safe_words = load_phrases()
    return DangerDetector(phrases, safe_words, *load_markers(PHRASES_DIR, safe_words))


def check(text: str) -> Danger | None:
    """Whether ``text`` signals a danger to life, in any supported language."""
    return detector().check(text)


def explained(text: str) -> bool:
    """Whether a danger phrase of ``text`` is part of an everyday phrase ("kicking us out", "a kidnapping movie")."""
    return detector().explained(text)


def is_over(text: str) -> bool:
    """Whether ``text`` tells of a harm that is past, the person now safe: then the model's
    ``emergency`` does not count either (a question about asylum after violence long ago)."""
    return detector().is_over(text)
