"""How well the emergency reply's first aid fits what the message says, on messages written apart from the words.

``tests/first_aid/situations.yml`` was written by a helper who never read the bot: realistic emergency messages
in the five languages, each labelled with the situations it describes (``bot.safety.first_aid.SITUATIONS``, the
baby forms counted as their adult ones). A message is right when the bot reads exactly those situations.
``python -m tools.situations_eval`` prints the figures and the misses; ``make eval`` writes them under
``"first_aid"``. ``tests/first_aid/blind`` was written the same way by another helper and is kept blind: its
figures only, never its misses (``"first_aid_blind"``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from bot.safety.first_aid import situations

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "first_aid" / "situations.yml"
BLIND = ROOT / "tests" / "first_aid" / "blind" / "situations.yml"


def _adult(found: tuple[str, ...]) -> set[str]:
    return {s.removesuffix("_infant") for s in found}


def evaluate(path: Path = SET) -> dict:
    """Per language: accuracy (exactly the labelled situations), and the misses."""
    items = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("messages") or []
    report: dict[str, dict] = {}
    for item in items:
        r = report.setdefault(item["lang"], {"n": 0, "correct": 0, "misses": []})
        want, got = set(item.get("situations") or ()), _adult(situations(item["text"]))
        r["n"] += 1
        if want == got:
            r["correct"] += 1
        else:
            r["misses"].append({"text": item["text"], "expected": sorted(want), "read": sorted(got)})
    for r in report.values():
        r["accuracy"] = round(r["correct"] / r["n"], 4) if r["n"] else 0.0
    return report


def blind() -> dict:
    """The blind set's figures, without its misses."""
    return {lang: {k: v for k, v in r.items() if k != "misses"} for lang, r in evaluate(BLIND).items()}


def main() -> int:
    for lang, r in evaluate().items():
        print(f"{lang}: {r['correct']}/{r['n']} ({r['accuracy']:.3f})")
        for m in r["misses"]:
            print(f"  MISS {json.dumps(m['text'], ensure_ascii=False)}\n      expected {m['expected']}, read {m['read']}")
    print("blind:", ", ".join(f"{lang} {r['correct']}/{r['n']}" for lang, r in blind().items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
