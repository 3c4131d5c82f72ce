"""Layer 3: Rasa's own checks of the training data and the test stories, on the trained model."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.rasa
ROOT = Path(__file__).resolve().parents[2]
RASA = str(Path(sys.executable).parent / "rasa")
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


def run(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([RASA, *args], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=timeout)


def test_data_validates_without_warnings():
    out = run("data", "validate", "--domain", "bot/domain", "--data", "bot/data", "--config", "config.yml",
              "--fail-on-warnings")
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "UserWarning" not in out.stderr


def test_stories_in_every_language_pass(tmp_path):
    model = ROOT / "models" / "bot.tar.gz"
    assert model.exists(), "run make train first"
    out = run("test", "core", "--model", str(model), "--stories", "tests/stories", "--fail-on-prediction-errors",
              "--out", str(tmp_path / "results"), "--endpoints", str(ROOT / "endpoints.yml"))
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-4000:]


def test_story_text_is_understood(tmp_path):
    """The NLU half of the test stories: every user line gets the intent the story names. Rasa
    exits 0 whatever it predicts, so its report is read: any misclassified line fails."""
    model = ROOT / "models" / "bot.tar.gz"
    report = tmp_path / "nlu"
    out = run("test", "nlu", "--model", str(model), "--nlu", "tests/stories", "--out", str(report), "--no-plot")
    assert out.returncode == 0, out.stderr[-3000:]
    intents = json.loads((report / "intent_report.json").read_text(encoding="utf-8"))
    assert intents["weighted avg"]["support"] > 0, "Rasa evaluated no line of the test stories"
    # intent_errors.json, and an entity extractor's <name>_errors.json should one be added
    wrong = [(path.stem, e.get("text"), e.get("intent"), (e.get("intent_prediction") or {}).get("name"))
             for path in sorted(report.glob("*_errors.json"))
             for e in json.loads(path.read_text(encoding="utf-8"))]
    assert wrong == [], f"{len(wrong)} misread (report, text, expected, predicted): {wrong[:20]}"
