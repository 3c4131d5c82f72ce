"""``make eval``: NLU quality per language on the held-out sets, and the danger check's recall.

Reads ``tests/nlu/<lang>.yml`` (written apart from the training data), the danger sets
``tests/danger/<lang>.yml``, ``tests/danger/dev`` and ``tests/danger/blind`` and the place sets
``tests/places/*`` (place understanding, see ``tools.places_eval``: the first set, the development sets, and
the blind sets as figures only),
parses every message with the trained model, and writes ``results/eval.json``::

    {"es": {"intent_accuracy": 0.97, "macro_f1": 0.96, "n": 120, "confusions": [...]},
     ...,
     "danger": {"es": {"recall": 1.0, "false_alarm_rate": 0.0, "n_danger": 30, "n_ordinary": 70}, ...},
     "danger_dev": {...}, "danger_blind": {...}, "places": {...}, "first_aid": {...}, ...}

A report, not a gate: it prints the figures and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections import Counter
from pathlib import Path

import yaml

os.environ.setdefault("LOG_LEVEL", "WARNING")  # before Rasa configures its loggers

from bot import LANGUAGES  # noqa: E402
from bot.safety.alarm import alarm  # noqa: E402
from bot.safety.danger import check as danger_check  # noqa: E402
from bot.safety.danger import is_over  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def read_nlu_examples(path: Path) -> list[tuple[str, str]]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for block in doc.get("nlu") or []:
        intent = block.get("intent")
        for line in (block.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                out.append((line[2:].strip(), intent))
    return out


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    labels = sorted({gold for gold, _ in pairs})
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


async def _predict(model: str, texts: list[str]) -> list[tuple[str, float]]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    out = []
    for text in texts:
        parsed = await agent.parse_message(text)
        intent = parsed.get("intent") or {}
        out.append((intent.get("name") or "", float(intent.get("confidence") or 0.0)))
    return out


DANGER_SETS = {"danger": ROOT / "tests" / "danger", "danger_dev": ROOT / "tests" / "danger" / "dev",
               "danger_dev2": ROOT / "tests" / "danger" / "dev2", "danger_dev3": ROOT / "tests" / "danger" / "dev3",
               "danger_blind": ROOT / "tests" / "danger" / "blind",
               # a young child's danger signs and the ordinary health questions near them (read as development)
               "danger_children": ROOT / "tests" / "danger" / "children"}
# Figures only: whoever improves the phrases or the model next must not read, and tune on, its misses.
BLIND_DANGER_SETS = ("danger_blind",)


# How sure the intent model is when it reads "emergency" where nothing else did: reported, not acted on
# (the dialogue leaves such messages to the menu, bot.dialogue.turn).
MODEL_SURE = 0.85


def danger_figures(model: str, path: Path) -> dict:
    """Recall and false alarms as the dialogue decides: a danger phrase or the learned check
    (:func:`bot.safety.alarm.alarm`); and how often the NLU model alone read a sure ``emergency``
    (``model_alone``: on the dangers, on the ordinary messages), which the dialogue does not act on."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    danger = [d["text"] if isinstance(d, dict) else str(d) for d in doc.get("danger") or []]
    ordinary = [str(o) for o in doc.get("ordinary") or []]
    preds = asyncio.run(_predict(model, danger + ordinary))
    flagged = [bool(alarm(t)) for t in danger + ordinary]
    alone = [not f and p == "emergency" and c >= MODEL_SURE and not is_over(t)
             for t, f, (p, c) in zip(danger + ordinary, flagged, preds)]
    phrases = [bool(danger_check(t)) for t in danger + ordinary]
    return {
        "recall": round(sum(flagged[: len(danger)]) / len(danger), 4) if danger else 0.0,
        "false_alarm_rate": round(sum(flagged[len(danger):]) / len(ordinary), 4) if ordinary else 0.0,
        "recall_phrases_alone": round(sum(phrases[: len(danger)]) / len(danger), 4) if danger else 0.0,
        "model_alone": [sum(alone[: len(danger)]), sum(alone[len(danger):])],
        "n_danger": len(danger),
        "n_ordinary": len(ordinary),
        "missed": [t for t, f in zip(danger, flagged[: len(danger)]) if not f],
        "false_alarms": [t for t, f in zip(ordinary, flagged[len(danger):]) if f],
    }


def evaluate(model: str, out_path: Path) -> dict:
    report: dict = {}
    for lang in LANGUAGES:
        path = ROOT / "tests" / "nlu" / f"{lang}.yml"
        if not path.exists():
            continue
        examples = read_nlu_examples(path)
        predictions = asyncio.run(_predict(model, [text for text, _ in examples]))
        # nlu_fallback is the model saying "not sure": scored as a miss, as a person would see it
        pairs = [(gold, pred) for (_, gold), (pred, _) in zip(examples, predictions)]
        correct = sum(1 for g, p in pairs if g == p)
        confusions = Counter((g, p) for g, p in pairs if g != p)
        report[lang] = {
            "intent_accuracy": round(correct / len(pairs), 4) if pairs else 0.0,
            "macro_f1": round(macro_f1(pairs), 4),
            "n": len(pairs),
            "confusions": [
                {"gold": g, "predicted": p, "count": c} for (g, p), c in confusions.most_common(10)
            ],
        }
    # the first set (the phrases were written against it), a development set (read while improving
    # them) and a blind set (never read by whoever wrote the phrases)
    for key, folder in DANGER_SETS.items():
        report[key] = {lang: danger_figures(model, folder / f"{lang}.yml")
                       for lang in LANGUAGES if (folder / f"{lang}.yml").exists()}
        if key in BLIND_DANGER_SETS:
            report[key] = {lang: {k: v for k, v in r.items() if k not in ("missed", "false_alarms")}
                           for lang, r in report[key].items()}
    from tools.places_eval import BLIND_SETS
    from tools.places_eval import DEVELOPMENT_SETS as PLACE_DEVELOPMENT_SETS
    from tools.places_eval import evaluate as evaluate_places

    report["places"] = evaluate_places()
    # development sets: written apart from the resolver, their misses read while improving it
    for name in PLACE_DEVELOPMENT_SETS:
        report[f"places_{name}"] = evaluate_places(folder=ROOT / "tests" / "places" / name)
    # the blind set: figures only, its misses are never written down (whoever improves the resolver next
    # must not tune on it)
    for name in BLIND_SETS:
        report[f"places_{name}"] = {lang: {k: v for k, v in r.items() if k != "misses"} for lang, r in
                                    evaluate_places(folder=ROOT / "tests" / "places" / name).items()}
    from tools.situations_eval import blind as first_aid_blind
    from tools.situations_eval import evaluate as evaluate_first_aid

    report["first_aid"] = evaluate_first_aid()  # the first aid fits what the message says
    report["first_aid_blind"] = first_aid_blind()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


# Written apart from the resolver by authors who never saw it; their misses have been read while improving it.


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models"), help="model file or folder (latest model)")
    parser.add_argument("--out", default=str(ROOT / "results" / "eval.json"))
    args = parser.parse_args(argv)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    report = evaluate(args.model, Path(args.out))
    print(f"{'lang':6}{'accuracy':>10}{'macro F1':>10}{'n':>6}")
    for lang in LANGUAGES:
        if lang in report:
            r = report[lang]
            print(f"{lang:6}{r['intent_accuracy']:>10.3f}{r['macro_f1']:>10.3f}{r['n']:>6}")
    for key in DANGER_SETS:
        print(f"\n{key} ({DANGER_SETS[key].relative_to(ROOT)}): recall / false alarms (phrases alone) "
              "[the intent model alone: on dangers, on ordinary messages; not acted on]")
        for lang, d in report[key].items():
            print(f"{lang:6}{d['recall']:>8.3f} /{d['false_alarm_rate']:>6.3f}   ({d['recall_phrases_alone']:.3f})  "
                  f"n={d['n_danger']}+{d['n_ordinary']}  [{d['model_alone'][0]}, {d['model_alone'][1]}]")
    from tools.places_eval import BLIND_SETS, print_report
    from tools.places_eval import DEVELOPMENT_SETS as PLACE_DEVELOPMENT_SETS

    print("\nplaces (tests/places/eval):")
    print_report(report["places"])
    for name in PLACE_DEVELOPMENT_SETS:
        print(f"\nplaces, development set tests/places/{name}:")
        print_report(report[f"places_{name}"])
    for name in BLIND_SETS:
        print(f"\nplaces, blind set tests/places/{name} (figures only):")
        print_report(report[f"places_{name}"], misses=False)
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
