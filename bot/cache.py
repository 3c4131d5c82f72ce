"""Files computed once from what ships (the gazetteer, word frequencies, the learned danger check)
and kept under var/cache (``BOT_CACHE_DIR``), shared by every process."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    return Path(os.environ.get("BOT_CACHE_DIR", Path(__file__).resolve().parents[1] / "var" / "cache"))


def cached(name: str, build: Callable[[], Any]) -> Any:
    """``build()``'s result, pickled once under var/cache as ``name`` and read from there after.

    A read-only install still works, only slower to start.
    """
    path = cache_dir() / name
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own cache file
    except (OSError, pickle.PickleError, EOFError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
    return value
