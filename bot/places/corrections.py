"""A town answered "no" and another said where the person is: "cuiabá? não, to em caceres", "estoy en reynosa no, en
matamoros". Not a correction said without the pause ("estoy en tapachula no perdon en huixtla"): tried, and dropped
after two reviews ("toy en matamoros no perdon x molestar en brownsville...", "no me equivoque, en laredo texas no me
dejaron pasar", "no wait, we heard in brownsville there is help" gave another country's number)."""

from __future__ import annotations

from collections.abc import Collection

from bot.places.cues import before_town, cue_kind, other_person, words_in
from bot.places.words import word_zipf

ANSWERED_TOWN_ZIPF = 4.6  # the town said after the answer: no everyday word ("m la", "at the bus station")


def town_answered_no(towns: Collection[str], words: list[str], asked_at: set[int], pauses: set[int], lang: str) -> set[int]:
    """A town answered no, then another town said where the person is: asked alone ("cuiabá? não. to em caceres",
    "monterrey? no, estamos en saltillo") or said and corrected ("estoy en reynosa no, en matamoros"). Not a service
    asked about ("hay albergue en acuña? no, todos llenos"), nor with no other town ("laredo? no, im at the bus
    station"), nor another's ("boa vista? não, meu irmão tá em manaus")."""
    found: set[int] = set()
    no = words_in("answered_no", lang)
    for i in range(len(words) - 1):
        if words[i + 1].rstrip("_") not in no or i + 1 not in pauses:
            continue
        if i in asked_at:
            start = max((p + 1 for p in pauses if p < i), default=0)
            name, after, cues_ok = " ".join(words[start : i + 1]), range(i + 3, len(words)), ("current",)
        else:
            start = next((i - m + 1 for m in (3, 2, 1) if m <= i + 1 and " ".join(words[i - m + 1 : i + 1]) in towns
                          and cue_kind(words, i - m + 1, lang) == "current"), i + 1)
            name, after, cues_ok = " ".join(words[start : i + 1]), range(i + 3, min(len(words), i + 6)), ("current", "preposition")
        if name in towns and any(
                cue_kind(words, k, lang) in cues_ok and word_zipf(words[k], lang) < ANSWERED_TOWN_ZIPF
                and not other_person(before_town(words, k), False, lang)
                and any(" ".join(words[k : k + m]) in towns and " ".join(words[k : k + m]) != name
                        for m in (1, 2, 3))
                for k in after):
            found |= set(range(start, i + 1))
    return found
