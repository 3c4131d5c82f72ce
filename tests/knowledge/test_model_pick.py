"""Which language a person reads when a text is missing in theirs."""

from bot.knowledge.model import pick


def test_own_language_first():
    assert pick({"es": "Ninguno.", "pt": "Nenhum.", "en": "None."}, "pt") == "Nenhum."


def test_portuguese_falls_back_to_spanish_not_english():
    assert pick({"es": "Ninguno.", "en": "None."}, "pt") == "Ninguno."


def test_kreyol_falls_back_to_french():
    assert pick({"es": "Ninguno.", "en": "None.", "fr": "Aucune."}, "ht") == "Aucune."


def test_any_text_rather_than_nothing():
    assert pick({"fr": "Aucune."}, "es") == "Aucune."
    assert pick(None, "es") == "" and pick({}, "en") == ""
