"""The rule-based danger check alone (no model) on a danger set: ``python -m tools.danger_check
tests/danger/dev [--lang es] [--misses]``: recall and false alarms per language, and what it missed."""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from bot import LANGUAGES
from bot.safety.danger import check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--lang", action="append")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    for lang in args.lang or LANGUAGES:
        path = Path(args.folder) / f"{lang}.yml"
        if not path.exists():
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        danger = [d["text"] if isinstance(d, dict) else str(d) for d in doc.get("danger") or []]
        ordinary = [str(o) for o in doc.get("ordinary") or []]
        missed = [t for t in danger if not check(t)]
        alarms = [(t, check(t).phrase) for t in ordinary if check(t)]
        print(f"{lang}: recall {1 - len(missed) / max(1, len(danger)):.3f} ({len(danger)}), "
              f"false alarms {len(alarms) / max(1, len(ordinary)):.3f} ({len(ordinary)})")
        if args.misses:
            for t in missed:
                print(f"  MISS  {t}")
            for t, phrase in alarms:
                print(f"  ALARM {t}   <- {phrase}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
