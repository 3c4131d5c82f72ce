"""The bot's own data files (danger phrases, situations, place cues, words), each parsed once per process.

Many lists come from the same large files: parsing them again for each list (pure-Python YAML) cost seconds on the
first person's message, past the turn's deadline. LibYAML parses them when it is there. The parsed document is shared:
callers read it, never change it. A file changed on disk is read again (tests write their own)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """The parsed file, ``{}`` when it is empty."""
    stat = Path(path).stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parsed(path: str, _mtime_ns: int, _size: int) -> Any:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER) or {}
