"""A town answered "no" and another said where the person is: "cuiabá? não, to em caceres", "estoy en reynosa no, en
matamoros", "estoy en tapachula no perdon en huixtla"."""

from __future__ import annotations

from collections.abc import Collection

from bot import LANGUAGES
from bot.places.cues import before_town, cue_kind, cues, cues_in, other_person, words_in
from bot.places.words import word_zipf

ANSWERED_TOWN_ZIPF = 4.6  # the town said after the answer: no everyday word ("m la", "at the bus station")


def town_answered_no(towns: Collection[str], words: list[str], asked_at: set[int], pauses: set[int], lang: str) -> set[int]:
    """A town answered no, then another town said where the person is: asked alone ("cuiabá? não. to em caceres",
    "monterrey? no, estamos en saltillo") or said and corrected ("estoy en reynosa no, en matamoros"). Not a service
    asked about ("hay albergue en acuña? no, todos llenos"), nor with no other town ("laredo? no, im at the bus
    station"), nor another's ("boa vista? não, meu irmão tá em manaus")."""
    found: set[int] = set()
    no = words_in("answered_no", lang)
    fixes = cues_in("correction", lang) if lang in LANGUAGES else cues("correction")
    waits = cues_in("correction_wait", lang) if lang in LANGUAGES else cues("correction_wait")
    me = words_in("first_person", lang)
    for i in range(len(words) - 1):
        # with no pause, a correction said after the "no": "estoy en tapachula no perdon en huixtla", "m nan X non
        # tann, m nan Y" (Kreyòl "non" only so: a name too; never "perdón" alone: "en arica, perdón, en tacna nos robaron")
        fix = max([len(f) for f in fixes if tuple(words[i + 2 : i + 2 + len(f)]) == f]
                  + [len(f) for f in waits if tuple(words[i + 2 : i + 2 + len(f)]) == f
                     and (i + 1 + len(f) in pauses or words[i + 2 + len(f) : i + 3 + len(f)] and words[i + 2 + len(f)] in me)],
                  default=0)
        if not (words[i + 1].rstrip("_") in no or (fix and words[i + 1] == "non")) or not (i + 1 in pauses or fix):
            continue
        if i in asked_at:
            start = max((p + 1 for p in pauses if p < i), default=0)
            name, after, cues_ok = " ".join(words[start : i + 1]), range(i + 3 + fix, len(words)), ("current",)
        else:
            start = next((i - m + 1 for m in (3, 2, 1) if m <= i + 1 and " ".join(words[i - m + 1 : i + 1]) in towns
                          and cue_kind(words, i - m + 1, lang) == "current"), i + 1)
            name, after, cues_ok = " ".join(words[start : i + 1]), range(i + 3 + fix, min(len(words), i + 6 + fix)), ("current", "preposition")
        if name in towns and any(
                cue_kind(words, k, lang) in cues_ok and word_zipf(words[k], lang) < ANSWERED_TOWN_ZIPF
                and not other_person(before_town(words, k), False, lang)
                and any(" ".join(words[k : k + m]) in towns and " ".join(words[k : k + m]) != name
                        for m in (1, 2, 3))
                for k in after):
            found |= set(range(start, i + 1))
    return found
