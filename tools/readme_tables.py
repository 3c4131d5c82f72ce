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
        "| language | intent accuracy | macro F1 | n | danger recall | false alarms |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for lang in LANGUAGES:
        r, d = report.get(lang), report.get("danger", {}).get(lang, {})
        if r:
            lines.append(
                f"| {NAMES[lang]} ({lang}) | {r['intent_accuracy']:.3f} | {r['macro_f1']:.3f} | {r['n']} | "
                f"{d.get('recall', 0):.3f} ({d.get('n_danger', 0)}) | {d.get('false_alarm_rate', 0):.3f} ({d.get('n_ordinary', 0)}) |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    print(eval_table(Path(sys.argv[1] if len(sys.argv) > 1 else "results/eval.json")))
