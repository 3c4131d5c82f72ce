"""Typed access to one knowledge file's mappings, collecting every problem with its line, code and field.

Codes are for programs and tests (the import skips what a source already reported by code and field,
never by wording); messages are for people and may be reworded freely.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot import LANGUAGES, clock
from bot.knowledge.yamlsrc import LineDict, LineList, Problem


class Reader:
    """Collects problems while reading one file."""

    def __init__(self, display: str, problems: list[Problem], gazetteer: Any = None, today: date | None = None):
        self.file = display
        self.problems = problems
        self.gazetteer = gazetteer
        self.today = today or clock.today()

    def error(self, line: int, message: str, code: str = "", field: str = "") -> None:
        self.problems.append(Problem(self.file, line, message, "error", code, field))

    def warn(self, line: int, message: str, code: str = "", field: str = "") -> None:
        self.problems.append(Problem(self.file, line, message, "warning", code, field))

    # --- typed field access: a problem's field is the key read ----------------------------
    def text(self, d: LineDict, key: str, required: bool = False, what: str = "") -> str:
        value = d.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(d.line, f"{what or 'this entry'} has no '{key}'; add '{key}: ...'", "missing", key)
            return ""
        if isinstance(value, (dict, list)):
            self.error(d.line_of(key), f"'{key}' must be plain text, not a list or mapping", "not_text", key)
            return ""
        return str(value).strip()

    def texts(self, d: LineDict, key: str, required: bool = False, what: str = "") -> dict[str, str]:
        """A text per language: ``{es: ..., en: ...}``; a plain string counts as every language."""
        value = d.get(key)
        if value is None:
            if required:
                self.error(d.line, f"{what or 'this entry'} has no '{key}'; add '{key}: {{es: ..., en: ...}}'",
                           "missing", key)
            return {}
        if isinstance(value, str):
            return {"*": value.strip()}
        if not isinstance(value, dict):
            self.error(d.line_of(key), f"'{key}' must be a text per language, like {{es: ..., en: ...}}",
                       "not_texts", key)
            return {}
        out = {}
        for lang, text in value.items():
            if lang not in LANGUAGES and lang != "*":
                self.warn(
                    value.line_of(lang) if isinstance(value, LineDict) else d.line_of(key),
                    f"'{lang}' is not one of the bot's languages ({', '.join(LANGUAGES)}); it is ignored",
                    "unknown_language", key,
                )
                continue
            if text is not None and str(text).strip():
                out[lang] = str(text).strip()
        return out

    def number(self, d: LineDict, key: str, low: float, high: float, what: str) -> float | None:
        value = d.get(key)
        if value is None:
            self.error(d.line, f"{what} has no '{key}'; add it as a decimal number such as 14.9061", "missing", key)
            return None
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            self.error(d.line_of(key), f"'{key}' must be a decimal number such as 14.9061, not '{value}'",
                       "not_number", key)
            return None
        if not low <= number <= high:
            self.error(d.line_of(key), f"'{key}' is {number}, outside {low}..{high}; check for a typo",
                       "out_of_range", key)
            return None
        return number

    def day(self, d: LineDict, key: str, required: bool = False) -> date | None:
        value = d.get(key)
        if value is None:
            if required:
                self.error(d.line, f"this entry has no '{key}'; add the date as YYYY-MM-DD", "missing", key)
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            self.error(d.line_of(key), f"'{key}' is '{value}', not a date; write it as YYYY-MM-DD", "not_date", key)
            return None

    def flag(self, d: LineDict, key: str, default: bool = False) -> bool | None:
        """true or false; ``None`` (reported) for anything else."""
        value = d.get(key, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(d.line_of(key), f"'{key}' must be true or false", "not_flag", key)
            return None
        return value

    def strings(self, d: LineDict, key: str) -> list[str]:
        value = d.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list):
            self.error(d.line_of(key), f"'{key}' must be a list, like [a, b]", "not_list", key)
            return []
        return [str(v).strip() for v in value if v is not None and str(v).strip()]

    def items(self, d: LineDict, key: str) -> LineList:
        """The list under ``key`` (empty when absent); anything but a list is reported."""
        value = d.get(key)
        if value is None:
            return LineList()
        if not isinstance(value, LineList):
            self.error(d.line_of(key), f"'{key}' must be a list (lines starting with '- ')", "not_list", key)
            return LineList()
        return value

    def mapping(self, value: Any, line: int, what: str, field: str = "") -> LineDict | None:
        if not isinstance(value, LineDict):
            self.error(line, f"{what} must be a mapping of 'field: value' lines", "not_mapping", field)
            return None
        return value


def every_language(texts: dict[str, str]) -> dict[str, str]:
    """Expand a plain string (``*``) to every language."""
    if "*" in texts:
        return {lang: texts["*"] for lang in LANGUAGES}
    return texts
