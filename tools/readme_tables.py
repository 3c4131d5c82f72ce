"""Print results/eval.json as the Markdown table the README shows."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot import LANGUAGES

NAMES = {"es": "Spanish", "en": "English", "fr": "French", "ht": "Haitian Creole", "pt": "Portuguese"}


def eval_table(path: Path) -> str:
    report = json.loads(path.read_text(encoding="utf-8"))
    lines = [
        "| language | intent accuracy | macro F1 | n | danger recall, first set | false alarms | "
        "danger recall, blind set | false alarms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for lang in LANGUAGES:
        r, d = report.get(lang), report.get("danger", {}).get(lang, {})
        b = report.get("danger_blind", {}).get(lang, {})
        if r:
            lines.append(
                f"| {NAMES[lang]} ({lang}) | {r['intent_accuracy']:.3f} | {r['macro_f1']:.3f} | {r['n']} | "
                f"{_share(d, 'recall', 'n_danger')} | {_share(d, 'false_alarm_rate', 'n_ordinary')} | "
                f"{_share(b, 'recall', 'n_danger')} | {_share(b, 'false_alarm_rate', 'n_ordinary')} |"
            )
    return "\n".join(lines)


def _share(figures: dict, key: str, n: str) -> str:
    return f"{figures[key]:.3f} ({figures[n]})" if figures else "-"


if __name__ == "__main__":
    print(eval_table(Path(sys.argv[1] if len(sys.argv) > 1 else "results/eval.json")))
