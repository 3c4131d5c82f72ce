import pytest

from bot.language.detect import chosen_language, decide, detect


@pytest.mark.parametrize(
    "text, lang",
    [
        ("hola", "es"), ("bonjou", "ht"), ("oi", "pt"), ("bonjour", "fr"), ("hello", "en"),
        ("necesito un doctor en Tapachula", "es"),
        ("mwen bezwen yon doktè nan Tapachula", "ht"),
        ("preciso de um médico em Tapachula", "pt"),
        ("j'ai besoin d'un médecin à Tapachula", "fr"),
        ("I need a shelter", "en"),
        ("m bezwen manje", "ht"), ("mesi anpil", "ht"), ("merci beaucoup", "fr"),
        ("xq no me contestan", "es"), ("vc sabe onde tem abrigo", "pt"),
    ],
)
def test_detects(text, lang):
    assert detect(text).lang == lang


def test_one_word_and_numbers_keep_the_current_language():
    assert decide("Tapachula", "fr", False) == "fr"
    assert decide("2", "ht", False) == "ht"
    assert decide("hola", None, False) == "es"


def test_switches_only_when_clear_and_never_when_chosen():
    assert decide("I need a doctor please", "es", False) == "en"
    assert decide("I need a doctor please", "es", True) == "es"


@pytest.mark.parametrize("text, lang", [("english", "en"), ("en español", "es"), ("kreyòl", "ht"), ("français svp", "fr"), ("português", "pt")])
def test_named_language(text, lang):
    assert chosen_language(text) == lang


def test_reply_language_on_the_held_out_messages():
    """The language detected for each held-out message (tests/nlu) is its language, 95% of the time
    on a first message and 98% within a conversation already in that language."""
    from pathlib import Path

    from bot import LANGUAGES
    from tools.evaluate import read_nlu_examples

    first = within = total = 0
    for lang in LANGUAGES:
        for text, _ in read_nlu_examples(Path(__file__).resolve().parents[1] / "nlu" / f"{lang}.yml"):
            total += 1
            first += decide(text, None, False) == lang
            within += decide(text, lang, False) == lang
    assert first / total >= 0.95 and within / total >= 0.98, (first / total, within / total)
