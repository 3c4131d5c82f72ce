"""Text normalisation shared by place matching, danger phrases and language detection."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# ligatures that NFKD keeps whole: "Schœlcher" is typed "Schoelcher", "sœur" "soeur"
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def fold(text: str) -> str:
    """Lowercase, strip accents, turn punctuation into single spaces.

    >>> fold("  Ciudad Juárez, Chihuahua!! ")
    'ciudad juarez chihuahua'
    """
    folded = text.casefold()
    if not folded.isascii():  # ASCII has no accents to strip (most knowledge text: the fast path)
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded.translate(_LIGATURES))
                         if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", folded).replace("_", " ").strip()
