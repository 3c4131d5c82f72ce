"""Rule-based danger check, run on every message before anything else.

The phrases are data (``bot/safety/phrases/<lang>.yml``) written per language; every language's
phrases are checked on every message, because a person in danger may switch language or mix
them. Matching is tuned for recall: no case, no accents, ``word*`` stems, and one typo allowed in
words of five letters or more. The NLU model's ``emergency`` intent is a second, independent
signal (see ``bot.actions``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz.distance import Levenshtein

from bot.textnorm import fold

KINDS = ("sexual_violence", "suicide", "missing_child", "medical_emergency", "violence")
PHRASES_DIR = Path(__file__).resolve().parent / "phrases"
MAX_CHARS = 3000  # a danger message says so early; bounds the work on a 10,000-character message


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


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _word_matches(pattern: str, word: str, safe_words: frozenset[str] = frozenset()) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    if pattern == word:
        return True
    return (
        len(pattern) >= 5
        and len(word) >= 5
        and word not in safe_words
        and Levenshtein.distance(pattern, word, score_cutoff=1) <= 1
    )


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
        for k in range(1, len(word) + 1):  # "golpeando" starts with the stem "golpe"
            found += self.stems.get(word[:k], ())
        if len(word) >= 5 and word not in self.safe_words:
            # one letter away (Levenshtein 1): the two words share a variant less one letter
            near: set[str] = set()
            for variant in (word, *_deletions(word)):
                near |= self._deletions.get(variant, set())
            for first in near:
                if first != word and Levenshtein.distance(first, word, score_cutoff=1) <= 1:
                    found += self.fuzzy[first]
        return found

    def hits(self, text: str) -> list[_Phrase]:
        """Every phrase found in ``text``."""
        words = fold(text[:MAX_CHARS]).split()
        hits: list[_Phrase] = []
        for i, word in enumerate(words):
            for p in self._starting(word):
                n = len(p.words)
                if i + n <= len(words) and all(
                    _word_matches(pw, w, self.safe_words) for pw, w in zip(p.words[1:], words[i + 1 : i + n])
                ):
                    hits.append(p)
        return hits


class DangerDetector(PhraseMatcher):
    def check(self, text: str) -> Danger | None:
        """The most serious danger the message signals, or None."""
        hits = self.hits(text)
        if not hits:
            return None
        best = min(hits, key=lambda p: (KINDS.index(p.kind), -len(p.words)))
        return Danger(best.kind, best.text, best.lang)

    def positions(self, words: list[str]) -> set[int]:
        """The indices of ``words`` (folded) that belong to a danger phrase: never a place name."""
        covered: set[int] = set()
        for i, word in enumerate(words[:MAX_CHARS]):
            for p in self._starting(word):
                n = len(p.words)
                if i + n <= len(words) and all(
                    _word_matches(pw, w, self.safe_words) for pw, w in zip(p.words[1:], words[i + 1 : i + n])
                ):
                    covered.update(range(i, i + n))
        return covered


def load_phrases(folder: Path = PHRASES_DIR, kinds: tuple[str, ...] = KINDS) -> tuple[list[_Phrase], frozenset[str]]:
    """The phrases of every language file, and the words never to read as typos."""
    phrases = []
    safe: set[str] = set()
    for path in sorted(folder.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lang = str(doc.get("lang") or path.stem)
        safe.update(fold(str(w)) for w in doc.get("safe_words") or ())
        for kind in kinds:
            for raw in doc.get(kind) or ():
                words = tuple(fold(str(raw).replace("*", " STAR ")).replace(" star", "*").split())
                if words:
                    phrases.append(_Phrase(words, kind, lang, str(raw)))
    return phrases, frozenset(safe)


@functools.lru_cache(maxsize=1)
def detector() -> DangerDetector:
    phrases, safe_words = load_phrases()
    return DangerDetector(phrases, safe_words)


def check(text: str) -> Danger | None:
    """Whether ``text`` signals a danger to life, in any supported language."""
    return detector().check(text)
