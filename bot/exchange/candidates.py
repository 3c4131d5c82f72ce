"""What the spreadsheet and HSDS imports share: the service entries they build, and their checks.

An import turns each source row into a *candidate*: the service entry exactly as it will be written
to ``services/import-*.yml`` (the format :mod:`bot.knowledge.loader` reads), with the file and
row it came from. Every candidate is then checked by the loader's own :func:`read_service`, so an
imported service passes exactly the checks a hand-written one does, and its problems are reported
at the source file and row.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import LANGUAGES
from bot.exchange.tabular import Problems
from bot.knowledge.model import Category
from bot.knowledge.reader import Reader
from bot.knowledge.schema import SERVICE, Field, entry_keys, location_keys
from bot.knowledge.services import DEFAULT_CATEGORIES, read_service
from bot.knowledge.yamlsrc import LineDict, LineList
from bot.textnorm import fold

# The keys of a service entry, in the order they are written (as in knowledge/README.md).
ENTRY_KEYS = entry_keys()
LOCATION_KEYS = location_keys()
TEXT_KEYS = tuple(f.name for f in SERVICE if f.kind == "texts")  # a text per language
FLAGS = tuple(f.name for f in SERVICE if f.kind == "flag")

# ISO 639-2/3 codes (as HSDS allows) and language names, for the languages the bot and staff meet most.
LANGUAGE_ALIASES = {
    "spa": "es", "eng": "en", "fra": "fr", "fre": "fr", "hat": "ht", "por": "pt", "que": "qu", "grn": "gn",
    "aym": "ay", "ara": "ar", "zho": "zh", "chi": "zh", "rus": "ru", "deu": "de", "ger": "de", "ita": "it",
    "hin": "hi", "ben": "bn", "urd": "ur", "pan": "pa", "nep": "ne", "wol": "wo", "tir": "ti", "amh": "am",
    "som": "so", "swa": "sw", "lin": "ln", "kin": "rw", "vie": "vi", "pus": "ps", "fas": "fa", "per": "fa",
    "spanish": "es", "espanol": "es", "castellano": "es", "english": "en", "ingles": "en", "french": "fr",
    "frances": "fr", "francais": "fr", "haitian creole": "ht", "haitian": "ht", "creole": "ht", "kreyol": "ht",
    "kreyol ayisyen": "ht", "criollo haitiano": "ht", "creole haitien": "ht", "portuguese": "pt",
    "portugues": "pt", "quechua": "qu", "guarani": "gn", "arabic": "ar", "arabe": "ar",
}


def choice_code(field: Field, text: str) -> str:
    """A choice as staff wrote it -> its code: ``Gratis`` -> ``free``, ``low cost`` -> ``low_cost``; anything
    else as written (the loader warns that it is not one of the choices)."""
    folded = fold(text)
    for word, code in field.aliases:
        if folded == word:
            return code
    return text.strip().lower().replace(" ", "_").replace("-", "_")


@dataclass
class Candidate:
    """One service entry to import, and where it came from."""

    entry: dict[str, Any]
    file: str
    line: int
    covered: set[str] = field(default_factory=set)  # fields whose problems were already reported

    @property
    def id(self) -> str:
        return str(self.entry.get("id") or "")


class CategoryMatcher:
    """Finds our category code for a code, name or label found in a source (``Albergue`` -> shelter)."""

    def __init__(self, categories: dict[str, Category]):
        self.codes = sorted(set(categories) | set(DEFAULT_CATEGORIES))
        self._by_text: dict[str, str] = {}
        for code in self.codes:
            self._by_text[fold(code)] = code
        for code, category in categories.items():
            for label in category.label.values():
                self._by_text.setdefault(fold(label), code)

    def match(self, text: str) -> str | None:
        return self._by_text.get(fold(text or "")) if text and fold(text) else None

    def suggest(self, text: str) -> str | None:
        close = difflib.get_close_matches(fold(text), list(self._by_text), n=1, cutoff=0.6)
        return self._by_text[close[0]] if close else None

    def unknown(self, text: str) -> str:
        """The message for a category that is none of ours, with a suggestion."""
        hint = self.suggest(text)
        maybe = f"did you mean '{hint}'? Or " if hint else ""
        return (f"'{text}' is not a category code; {maybe}use one of {', '.join(self.codes)} "
                "(or add the category to categories.yml first)")


def detect_language(text: str) -> str | None:
    """The language (among the bot's) a description is written in, or None when unsure."""
    from bot.language.detect import detect

    found = detect(text)
    return found.lang if found.lang in LANGUAGES else None


def language_code(value: str) -> str | None:
    """``es`` / ``spa`` / ``Spanish`` -> ``es``; None when it is not a language we can name."""
    from bot.knowledge.checks import ISO_639_1

    text = fold(value or "")
    if not text:
        return None
    if text in ISO_639_1:
        return text
    if "-" in value or "_" in value:  # es-MX, pt_BR
        head = re.split(r"[-_]", value.strip().lower())[0]
        if head in ISO_639_1:
            return head
    return LANGUAGE_ALIASES.get(text)


def check_zone(name: str) -> str | None:
    """What is wrong with an IANA time zone name, or None."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return f"'{name}' is not a time zone name; write it like America/Mexico_City (or leave it empty)"
    return None


def parse_day(value: Any) -> tuple[date | None, str | None]:
    """A date cell or ``YYYY-MM-DD`` text -> (date, None), or (None, what is wrong)."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    text = str(value or "").strip()
    if not text:
        return None, None
    try:
        return date.fromisoformat(text[:10]), None
    except ValueError:
        return None, f"'{text}' is not a date; write it as YYYY-MM-DD (for example 2026-11-28)"


def clean_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values and put the keys in the documented order."""
    out: dict[str, Any] = {}
    for key in ENTRY_KEYS:
        value = entry.get(key)
        if key == "location" and isinstance(value, dict):
            value = {k: value[k] for k in LOCATION_KEYS if value.get(k) not in (None, "")}
        if key in FLAGS:  # written either way: "sample: false" says someone decided
            out[key] = bool(value)
            continue
        if value in (None, "", [], {}):
            continue
        out[key] = value
    for key, value in entry.items():  # keys the importer does not know (kept from an earlier import)
        if key not in out and key not in ENTRY_KEYS and value not in (None, "", [], {}):
            out[key] = value
    return out


def _line_tree(value: Any, line: int) -> Any:
    """The entry as the YAML loader would give it, every part on ``line`` (the source row)."""
    if isinstance(value, dict):
        d = LineDict((k, _line_tree(v, line)) for k, v in value.items())
        d.line = line
        d.key_lines = {str(k): line for k in value}
        return d
    if isinstance(value, list):
        items = LineList(_line_tree(v, line) for v in value)
        items.line = line
        items.item_lines = [line] * len(value)
        return items
    return value


def check_candidates(
    candidates: list[Candidate],
    categories: dict[str, Category],
    place_names: set[str],
    gazetteer: Any,
    today: date,
    problems: Problems,
) -> None:
    """Run the loader's checks on every candidate; report at its source file and row."""
    for cand in candidates:
        found = Problems()
        reader = Reader(cand.file, found, gazetteer, today)
        read_service(reader, _line_tree(cand.entry, cand.line), categories, place_names)
        for p in found:
            if p.field in cand.covered:  # the source reported this field at its own row already
                continue
            if p not in problems:
                problems.append(p)
