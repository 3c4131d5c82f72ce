"""SMS text: the GSM-7 alphabet, transliteration into it, and segment counting.

An SMS segment holds 160 GSM-7 characters, or only 70 when a single character is outside
GSM-7 (UCS-2); concatenated messages hold 153 and 67 per segment. So a reply stays in GSM-7
whenever the language allows it: "atención" becomes "atencion", "ção" becomes "cao" — still
readable, and more than twice as much text per segment.
"""

from __future__ import annotations

import unicodedata

GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = "^{}\\[~]|€\f"
_BASIC = set(GSM7_BASIC)
_EXTENDED = set(GSM7_EXTENDED)
_REPLACEMENTS = {
    "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "´": "'", "`": "'", "–": "-", "—": "-", "…": "...",
    "•": "-", "·": "-", "\u00a0": " ", "\t": " ", "º": "o", "ª": "a", "°": "o",
}


def is_gsm7(text: str) -> bool:
    return all(ch in _BASIC or ch in _EXTENDED for ch in text)


def to_gsm7(text: str) -> str:
    """The closest GSM-7 text: accents GSM-7 lacks are dropped, symbols replaced, emoji removed."""
    out = []
    for ch in text:
        if ch in _BASIC or ch in _EXTENDED:
            out.append(ch)
            continue
        if ch in _REPLACEMENTS:
            out.append(_REPLACEMENTS[ch])
            continue
        base = unicodedata.normalize("NFKD", ch)
        stripped = "".join(c for c in base if not unicodedata.combining(c))
        if stripped and all(c in _BASIC for c in stripped):
            out.append(stripped)
        # anything else (emoji, other scripts) is left out
    return "".join(out)


def septets(text: str) -> int:
    return sum(2 if ch in _EXTENDED else 1 for ch in text)


def segments(text: str) -> int:
    """How many SMS segments ``text`` takes."""
    if not text:
        return 1
    if is_gsm7(text):
        n = septets(text)
        return 1 if n <= 160 else -(-n // 153)
    units = len(text.encode("utf-16-le")) // 2
    return 1 if units <= 70 else -(-units // 67)
