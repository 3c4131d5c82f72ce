"""Text normalisation shared by place matching, danger phrases and language detection."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase, strip accents, turn punctuation into single spaces.

    >>> fold("  Ciudad Juárez, Chihuahua!! ")
    'ciudad juarez chihuahua'
    """
    folded = text.casefold()
    if not folded.isascii():  # ASCII has no accents to strip (most knowledge text: the fast path)
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", folded).replace("_", " ").strip()
