"""Holy names in a message, never where the person is: the name after a title of the Virgin or a feast ("virgen de
guadalupe", "nossa senhora aparecida"), and a saint asked in a prayer ("Sen Jozef pwoteje nou", "San Judas nos
proteja"). A part of :mod:`bot.places.message`'s reading of the words."""

from __future__ import annotations

from collections.abc import Callable

from bot import LANGUAGES
from bot.places import weights
from bot.places.cues import ARTICLES, cue_kind, cues, phrases_by_first_word

VIRGIN = frozenset(("virgen", "virgin", "vierge", "virgem"))


def after_holy_title(words: list[str]) -> set[int]:
    """The name after a holy title (``holy_title`` in cues.yml), with its article and its "de X": "virgen de
    guadalupe", "virgen de la paz", "nossa senhora aparecida", "día de santa rosa de lima"; and a name right before
    "virgen" ("guadalupe virgen protect us")."""
    titles = cues("holy_title")
    out: set[int] = set()
    for i in range(len(words)):
        if any(tuple(words[i - k : i]) in titles for k in (4, 3, 2, 1) if k <= i):
            j = i + 1 if words[i] in ARTICLES and i + 1 < len(words) else i
            if words[j] in weights.SAINT_WORDS and j + 1 < len(words):
                j += 1  # "levanjil sen mak", "evangelio de san marcos": the saint's name, not Saint-Marc
            if j + 2 < len(words) and words[j + 1] in ("de", "del", "da", "do", "du"):
                j += 2  # her or his whole name: "santa rosa de lima"
            out.update(range(i, j + 1))
        elif i + 1 < len(words) and words[i + 1] in VIRGIN:
            out.add(i)  # "guadalupe virgen protect us"
    return out


def saint_invoked(words: list[str], lang: str, pauses: set[int], big_city: Callable[[str], bool]) -> set[int]:
    """A saint (a saint's word and a name) asked right after, with no pause, in no place ("Sen Jozef pwoteje nou",
    "San Judas nos proteja"): no Saint-Joseph, no San Judas. But "estamos en San José, Dios nos proteja" is there,
    "San Pedro Sula nos protege la iglesia" a town of three words, and a city of half a million more often meant than
    its saint ("Santo Domingo nos proteja, nos quieren matar")."""
    prayers = phrases_by_first_word("prayer_after", lang if lang in LANGUAGES else "")
    out: set[int] = set()
    for i, w in enumerate(words):
        end = i + 2
        if w in weights.SAINT_WORDS and end < len(words) and i + 1 not in pauses \
                and cue_kind(words, i, lang) is None and not big_city(" ".join(words[i:end])) \
                and any(tuple(words[end : end + len(p)]) == p for p in prayers.get(words[end], ())):
            out.update(range(i, end))
    return out
