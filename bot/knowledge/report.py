"""The staff report of a knowledge folder: services per town and category, entries past their review
date, texts missing in a language (``bot kb report``)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from bot import LANGUAGES, clock
from bot.knowledge.loader import RIGHTS_STALE_AFTER_DAYS, STALE_AFTER_DAYS, load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.textnorm import fold


def _gazetteer():
    from bot.places.gazetteer import get_gazetteer

    return get_gazetteer()


def past_review(kb: KnowledgeBase, today: date | None = None) -> list[tuple[str, int, str]]:
    """Services past their review date and rights texts older than 12 months, as (file, line, what)."""
    today = today or clock.today()
    stale = []
    for s in kb.services:
        if s.verified_on is None:
            if not s.sample:
                stale.append((s.file, s.line, f"service '{s.id}' was never verified (no verified_on)"))
        elif (today - s.verified_on).days > STALE_AFTER_DAYS:
            stale.append((s.file, s.line, f"service '{s.id}' verified on {s.verified_on} "
                          f"({(today - s.verified_on).days} days ago)"))
    for entry in kb.rights.values():
        if entry.reviewed_on is None:
            stale.append((entry.file, entry.line, f"rights {entry.country}/{entry.topic} has no reviewed_on"))
        elif (today - entry.reviewed_on).days > RIGHTS_STALE_AFTER_DAYS:
            stale.append((entry.file, entry.line, f"rights {entry.country}/{entry.topic} reviewed on "
                          f"{entry.reviewed_on} ({(today - entry.reviewed_on).days} days ago)"))
    return sorted(stale)


def report(root: Path | str, gazetteer: Any = None, today: date | None = None) -> str:
    """The staff report of a knowledge folder, as text."""
    today = today or clock.today()
    result = load_knowledge(root, gazetteer if gazetteer is not None else _gazetteer(), today)
    kb = result.kb
    out: list[str] = []
    if result.errors:
        out.append(f"warning: the folder has {len(result.errors)} errors (run 'bot kb validate'); the entries with "
                   "errors are not counted below\n")

    # 1. services per town and category
    codes = list(kb.categories)
    counts: dict[tuple[str, str], Counter] = {}
    for s in kb.services:
        town = (s.place or "(no place)", s.country)
        counts.setdefault(town, Counter())
        counts[town]["*"] += 1
        counts[town]["sample"] += s.sample
        for c in s.categories:
            counts[town][c] += 1
    out.append(f"== Services per town and category ({len(kb.services)} services) ==")
    headers = ["town", *codes, "total", "sample"]
    table = []
    for (town, country), counter in sorted(counts.items(), key=lambda kv: (kv[0][1], fold(kv[0][0]))):
        table.append([f"{town} ({country})", *(str(counter[c] or "-") for c in codes), str(counter["*"]),
                      str(counter["sample"] or "-")])
    totals = Counter()
    for counter in counts.values():
        totals.update(counter)
    table.append(["TOTAL", *(str(totals[c] or "-") for c in codes), str(totals["*"]), str(totals["sample"] or "-")])
    widths = [max(len(str(row[i])) for row in [headers, *table]) for i in range(len(headers))]
    out.append("  ".join(h.ljust(widths[0]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(headers)))
    for row in table:
        out.append("  ".join(v.ljust(widths[0]) if i == 0 else v.rjust(widths[i]) for i, v in enumerate(row)))
    empty = [c for c in codes if not totals[c]]
    if empty:
        out.append(f"No service at all for: {', '.join(empty)}")

    # 2. past their review date
    out.append("")
    out.append(f"== Past their review date (services: {STALE_AFTER_DAYS} days; rights: 12 months) ==")
    stale = past_review(kb, today)
    if stale:
        out.extend(f"{f}:{line}: {text}" for f, line, text in sorted(stale))
    else:
        out.append("none")

    # 3. texts missing in a language
    out.append("")
    out.append(f"== Texts missing in a language ({', '.join(LANGUAGES)}) ==")
    missing_lines = []
    per_language: Counter = Counter()

    def gaps(texts: dict[str, str]) -> list[str]:
        return [lang for lang in LANGUAGES if not (texts or {}).get(lang)]

    for code, category in kb.categories.items():
        if m := gaps(category.label):
            per_language.update(m)
            missing_lines.append(("categories.yml", 0, f"category '{code}' label: {', '.join(m)}"))
    for s in kb.services:
        if m := gaps(s.description):
            per_language.update(m)
            what = "no description" if len(m) == len(LANGUAGES) else f"description: {', '.join(m)}"
            missing_lines.append((s.file, s.line, f"service '{s.id}' {what}"))
    for entry in kb.rights.values():
        if m := gaps(entry.text):
            per_language.update(m)
            missing_lines.append((entry.file, entry.line, f"rights {entry.country}/{entry.topic} text: {', '.join(m)}"))
    if missing_lines:
        out.append("missing per language: " + ", ".join(f"{lang} {per_language[lang]}" for lang in LANGUAGES))
        for f, line, text in sorted(missing_lines):
            out.append(f"{f}:{line}: {text}" if line else f"{f}: {text}")
    else:
        out.append("none")
    return "\n".join(out) + "\n"
