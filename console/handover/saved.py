"""Saved replies, per language, from ``saved_replies.yml`` beside this file (staff edit it)."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

PATH = Path(__file__).resolve().parent / "saved_replies.yml"


@functools.lru_cache(maxsize=1)
def _all() -> dict:
    return yaml.safe_load(PATH.read_text(encoding="utf-8")) or {}


def saved_replies(lang: str) -> list[dict]:
    """[{"title", "text"}] in ``lang`` (else Spanish)."""
    return [{"title": r["title"], "text": r["text"].get(lang) or r["text"]["es"]} for r in _all().get("replies", [])]
