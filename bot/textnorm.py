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
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).replace("_", " ").strip()
