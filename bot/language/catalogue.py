"""The message catalogue: every text the bot sends, per language, from ``bot/texts/<lang>.yml``."""

from __future__ import annotations

import functools
import string
from pathlib import Path

from bot import LANGUAGES
from bot.datafiles import read_yaml

TEXTS_DIR = Path(__file__).resolve().parents[1] / "texts"
LANGUAGE_NAMES = {"es": "Español", "en": "English", "fr": "Français", "ht": "Kreyòl ayisyen", "pt": "Português"}


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@functools.lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """lang -> key -> text, for every language file present."""
    out: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        path = TEXTS_DIR / f"{lang}.yml"
        if path.exists():
            doc = read_yaml(path)
            out[lang] = {k: str(v) for k, v in (doc.get("texts") or {}).items()}
    return out


def t(lang: str, key: str, **values: object) -> str:
    """The text ``key`` in ``lang`` (else English), with ``{placeholders}`` filled in."""
    cat = catalogue()
    text = cat.get(lang, {}).get(key) or cat.get("en", {}).get(key) or key
    if values:
        text = string.Formatter().vformat(text, (), _Lenient(values))
    return text


def missing_keys() -> dict[str, list[str]]:
    """Keys of the English catalogue that a language lacks."""
    cat = catalogue()
    keys = set(cat.get("en", {}))
    return {lang: sorted(keys - set(cat.get(lang, {}))) for lang in LANGUAGES}
