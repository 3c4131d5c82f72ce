"""Whether a word is an everyday word of Spanish, English, French or Portuguese.

Two checks read a misspelt word as the word meant: the place resolver ("tapachla") and the danger
phrases ("sangrado" for "sangrando"). Neither may take a real word for a typo of another: "pagar" (to
pay) is not "pegar" (to hit), "mochila" is no town. The words come from ``wordfreq``, not a hand-kept
list.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import os
import sys
from array import array

from bot.textnorm import fold

WORDFREQ_LANGUAGES = ("es", "en", "fr", "pt")
EVERYDAY_ZIPF = 3.0


@functools.lru_cache(maxsize=1)
def _everyday_hashes() -> array:
    """4-byte hashes of every folded word of Zipf >= EVERYDAY_ZIPF in es, en, fr or pt, sorted.

    The places' frequency table (:mod:`bot.places.words`) keeps only words of town names and training
    messages; a typo search must also know that "mochila" or "depois" are words, and a sorted array of
    hashes (under 1 MB) says so without keeping the words (a rare word taken for an everyday one: 1 in
    40,000)."""
    try:
        from importlib.metadata import version

        from wordfreq import DATA_PATH, read_cBpack
    except ImportError:  # pragma: no cover
        return array("I")
    from bot.cache import cache_dir as _cache_dir

    table = array("I")
    path = _cache_dir() / f"wordfreq-everyday4-{version('wordfreq')}-{EVERYDAY_ZIPF}-{sys.byteorder}.u32"
    try:  # read straight into the array: a pickle would hold the bytes twice while loading
        with path.open("rb") as fh:
            table.fromfile(fh, path.stat().st_size // table.itemsize)
        return table
    except (OSError, EOFError):
        pass
    hashes = set()
    for lang in WORDFREQ_LANGUAGES:
        for centibels, bucket in enumerate(read_cBpack(str(DATA_PATH / f"small_{lang}.msgpack.gz"))):
            if 9 - centibels / 100 < EVERYDAY_ZIPF:
                break
            hashes.update(_hash(w) for w in map(fold, bucket) if len(w) >= 4)  # typos are looked for in 4+
    table = array("I", sorted(hashes))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            table.tofile(fh)
        tmp.replace(path)
    except OSError:
        pass
    return table


def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "little")


def is_everyday(word: str) -> bool:
    """Whether a folded word of four letters or more is an everyday word of es, en, fr or pt
    (Zipf >= 3), known or not to the frequency table."""
    table, key = _everyday_hashes(), _hash(word)
    k = bisect.bisect_left(table, key)
    return k < len(table) and table[k] == key


