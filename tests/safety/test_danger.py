"""The rule-based danger check on the project's own danger test sets (written apart from the phrases)."""

from pathlib import Path

import pytest
import yaml

from bot import LANGUAGES
from bot.safety.danger import check

SETS = Path(__file__).resolve().parents[1] / "danger"


def load(lang):
    return yaml.safe_load((SETS / f"{lang}.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_recall_is_complete(lang):
    doc = load(lang)
    assert len(doc["danger"]) >= 15
    missed = [d["text"] for d in doc["danger"] if not check(d["text"])]
    assert missed == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_false_alarms_at_most_two_percent(lang):
    ordinary = load(lang)["ordinary"]
    alarms = [t for t in ordinary if check(t)]
    assert len(alarms) / len(ordinary) <= 0.02, alarms


def test_kinds():
    assert check("me violaron anoche").kind == "sexual_violence"
    assert check("quiero morir").kind == "suicide"
    assert check("ayuda nos estan golpeando").kind == "violence"


def test_long_and_odd_messages():
    assert check("") is None
    assert check("😀" * 5000) is None
    assert check("hola " * 2000) is None


def test_a_child_gone_from_where_they_slept():
    # seen in a session with the running bot: "Sorry, I did not understand" to a missing child
    assert check("my daughter 7 yrs is gone from the tent, we in lajas blancas").kind == "missing_child"
    assert check("is the clinic open? my son is not here yet, he comes tomorrow") is None
