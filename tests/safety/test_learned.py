"""The learned danger check: trained on examples written apart from the bot, judged on sets it never saw."""

from pathlib import Path

import pytest
import yaml

from bot import LANGUAGES
from bot.safety import learned
from bot.safety.alarm import alarm
from bot.safety.danger import check as phrases
from tests.conftest import ROOT


def _set(path: Path) -> tuple[list[str], list[str]]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return ([d["text"] if isinstance(d, dict) else str(d) for d in doc.get("danger") or []],
            [str(o) for o in doc.get("ordinary") or []])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_examples_are_generated_from_the_development_sets(lang):
    from tools.danger_examples import render

    assert (learned.EXAMPLES_DIR / f"{lang}.yml").read_text(encoding="utf-8") == render(lang), \
        "run `python -m tools.danger_examples`"


def test_no_message_of_a_judging_set_is_an_example():
    examples = set()
    for path in learned.EXAMPLES_DIR.glob("*.yml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        examples |= {d["text"] for d in doc["danger"]} | set(doc["ordinary"])
    blind = set()
    for path in (ROOT / "tests" / "danger" / "blind").glob("*.yml"):
        blind |= set(sum(_set(path), []))
    from tools.places_eval import BLIND_SETS

    for name in BLIND_SETS:
        for path in (ROOT / "tests" / "places" / name).glob("*.yml"):
            blind |= {m["text"] for m in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]}
    for path in (ROOT / "tests" / "danger").glob("*.yml"):  # the first set judges too
        blind |= set(sum(_set(path), []))
    assert not examples & blind


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_set_it_never_saw_it_finds_dangers_and_raises_no_false_alarm(lang):
    # tests/danger/<lang>.yml: short messages, not among the examples; the model alone, without phrases
    danger, ordinary = _set(ROOT / "tests" / "danger" / f"{lang}.yml")
    found = sum(learned.probability(t) >= learned.CONFIDENCE for t in danger) / len(danger)
    false = sum(learned.probability(t) >= learned.CONFIDENCE for t in ordinary) / len(ordinary)
    assert found >= 0.3 and false <= 0.03, (found, false)


def test_a_danger_no_phrase_foresaw_raises_the_alarm():
    text = "un tipo le ofrecio trabajo a mi hija de 15 y se fue con el anoche, no contesta"
    assert phrases(text) is None
    assert alarm(text) is not None


@pytest.mark.parametrize("text", [
    "acandi. de aqui salimos a la selva mañana, q hay q llevar",  # the jungle ahead is no danger now
    "hace un año me robaron todo en el camino, ahora estoy bien, como pido asilo",
    "cuanto cobra la lancha de necocli a capurgana", "where can i get a bus ticket to houston",
    "ou je peux laver mes vêtements", "nou bezwen papye pou timoun yo ale lekol", "onde tem curso de portugues gratis",
    "", "   ",
])
def test_ordinary_messages_raise_no_alarm(text):
    assert alarm(text) is None


def test_the_phrases_come_first_and_name_the_kind():
    assert alarm("me quieren matar").kind == "violence"
    assert alarm("quiero morirme").kind == "suicide"


def test_only_the_features_seen_in_training_are_kept():
    # the dense arrays took 11 MB and pushed the action server of 100,000 services over its 300 MB
    m = learned._model()
    assert len(m.seen) == len(m.idf) == len(m.danger[0]) and all(len(w) == len(m.seen) for _, w, _ in m.kinds)
    assert list(m.seen) == sorted(m.seen) and len(m.seen) < (learned.CHAR_FEATURES + learned.WORD_FEATURES) / 2
    assert all(v < m.unseen_idf for v in m.idf)  # a seen feature is rarer than one never seen
