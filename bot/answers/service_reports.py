"""People tell staff when a service of the list is wrong: "3 cerrado", "2 wrong number", "1 fèmen".

Read here, without the NLU model: a number and a few words, misspelt as people type on a phone,
are matched more surely by a word list with a typo allowance than by an intent nobody trained
on "3 serrado". Only while a list of services is on the person's screen (``State.shown``), so a
number means a line of that list. The same works as a menu: "Other" -> "Report a service that
is wrong" -> the service's number -> what is wrong.

What is kept is a count per day, service and kind (``Reply.report``, stored by the action server
in the console's database): no person, no text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from bot.answers.reply import Reply
from bot.datafiles import read_yaml
from bot.knowledge.model import KnowledgeBase
from bot.language.catalogue import t
from bot.textnorm import fold

KINDS = ("closed", "wrong_number", "moved")
SHOWN_KEPT = 30  # services remembered of one search ("more" adds pages to the same numbering)
MAX_WORDS = 10  # a longer message is a sentence about something else
MAX_OTHER_WORDS = 2  # words that are neither the number, the phrase nor filler
# "3", "#3", "3.", "3rd", "3er", "3e", "3eme", "3o" (3º folded), "no3"
NUMBER = re.compile(r"^(?:n|no|nr)?(\d{1,2})(?:st|nd|rd|th|er|re|e|eme|o|a|ro|do|to|vo|no|em)?$")


@dataclass(frozen=True)
class Report:
    number: int | None  # the line of the list; None when only the kind was written
    kind: str | None  # one of KINDS; None when only the number was written


@functools.lru_cache(maxsize=1)
def _words() -> tuple[list[tuple[tuple[str, ...], str]], frozenset[str]]:
    doc = read_yaml(Path(__file__).with_name("service_report_words.yml"))
    phrases = [(tuple(fold(p).split()), kind) for kind in KINDS for by_lang in [doc[kind]]
               for lang_phrases in by_lang.values() for p in lang_phrases]
    # the longest phrase first: it decides when a shorter one is inside it
    phrases.sort(key=lambda item: -len(item[0]))
    return phrases, frozenset(fold(" ".join(doc["filler"])).split())


def _typos(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` is within ``limit`` edits of ``b`` (insert, delete, replace, swap of neighbours)."""
    if abs(len(a) - len(b)) > limit:
        return False
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > limit:
            return False
        prev2, prev = prev, row
    return prev[-1] <= limit


def _same(word: str, want: str) -> bool:
    if word == want:
        return True
    limit = 2 if len(want) >= 8 else 1 if len(want) >= 5 else 0
    return limit > 0 and _typos(word, want, limit)


def _find(words: list[str]) -> tuple[str, set[int]] | None:
    """The kind of the longest phrase in ``words`` and the positions it covers."""
    phrases, _ = _words()
    for phrase, kind in phrases:
        for start in range(len(words) - len(phrase) + 1):
            if all(_same(words[start + k], w) for k, w in enumerate(phrase)):
                return kind, set(range(start, start + len(phrase)))
    return None


def parse(text: str) -> Report | None:
    """A report in ``text``: a list number and what is wrong ("3 closed", "el 2 está cerrado",
    "numero equivocado 1"), or one of them alone (for the menu's steps). None for anything else,
    and for a question ("is 3 closed?"): that asks, it does not tell."""
    if "?" in text:
        return None
    words = fold(text).split()
    if not words or len(words) > MAX_WORDS:
        return None
    numbers = [(i, int(m.group(1))) for i, w in enumerate(words) if (m := NUMBER.match(w))]
    if len(numbers) > 1:
        return None
    found = _find(words)
    covered = set(found[1]) if found else set()
    covered |= {i for i, _ in numbers}
    _, filler = _words()
    other = [w for i, w in enumerate(words) if i not in covered and w not in filler]
    if len(other) > MAX_OTHER_WORDS or (not found and other):
        return None
    if not found and not numbers:
        return None
    return Report(numbers[0][1] if numbers else None, found[0] if found else None)


def remember(shown: list, offset: int, ids: list[str]) -> list[str]:
    """The ids of the list so far: a new search (``offset`` 0) starts again, "more" adds its page."""
    before = list(shown or [])[:offset] if offset else []
    return (before + list(ids))[:SHOWN_KEPT]


def _name(kb: KnowledgeBase, sid: str) -> str:
    s = next((s for s in kb.services if s.id == sid), None)
    return s.name if s else sid  # removed since the list was shown: its id still tells staff which


def _numbered(lines: list[str]) -> str:
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))


def menu(kb: KnowledgeBase, shown: list, lang: str) -> tuple[Reply, str | None]:
    """The menu entry: which service of the last list (the menu to expect next, or None)."""
    if not shown:
        return Reply([t(lang, "report_none")]), None
    names = [_name(kb, sid) for sid in shown]
    return Reply([f"{t(lang, 'report_which')}\n{_numbered(names)}"], options=names), "report"


def answer(
    kb: KnowledgeBase, text: str, shown: list, menu_name: str, chosen: int | None, lang: str
) -> tuple[Reply, str | None, int | None] | None:
    """The reply to ``text`` when it reports a service of ``shown`` (or takes a step of the report
    menu), the menu to expect next and the line chosen at the menu's first step; None when it is no
    report, so the dialogue goes on as usual. ``menu_name`` is "report" (which line?), "report_kind"
    (what is wrong with line ``chosen``?) or anything else."""
    if not shown:
        return None
    in_menu = menu_name == "report"
    chosen = chosen if menu_name == "report_kind" else None
    # a Telegram keyboard button sends its number and its label ("1 Está cerrado"): the number alone
    labels = ([_name(kb, sid) for sid in shown] if in_menu else
              [t(lang, f"report_kind_{k}") for k in KINDS] if chosen is not None else [])
    pressed = next((n for n, label in enumerate(labels, 1) if fold(text) == fold(f"{n} {label}")), None)
    report = Report(pressed, None) if pressed else parse(text)
    if report is None:
        return None
    number, kind = report.number, report.kind
    if chosen is not None and kind is None and number is not None:
        # the last step: "1" closed, "2" wrong number, "3" moved
        if not 1 <= number <= len(KINDS):
            return None
        number, kind = chosen, KINDS[number - 1]
    elif chosen is not None and number is None:
        number = chosen
    if number is None or (kind is None and not in_menu):
        return None  # "cerrado" alone, or "2" alone outside the menu: not enough to tell which
    if not 1 <= number <= len(shown):
        return Reply([t(lang, "report_no_such", n=number)]), menu_name or None, chosen
    name = _name(kb, shown[number - 1])
    if kind is None:  # the menu's second step: what is wrong
        labels = [t(lang, f"report_kind_{k}") for k in KINDS]
        return Reply([f"{t(lang, 'report_kind', name=name)}\n{_numbered(labels)}"], options=labels), "report_kind", number
    reply = Reply([t(lang, "report_thanks", name=name)])
    reply.report = (shown[number - 1], kind)
    return reply, None, None
