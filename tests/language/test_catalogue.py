"""Every text exists in all five languages, with the same placeholders."""

import re

from bot import LANGUAGES
from bot.language.catalogue import catalogue, missing_keys


def test_every_language_has_every_text():
    assert missing_keys() == {lang: [] for lang in LANGUAGES}


def test_placeholders_match_english():
    cat = catalogue()
    for key, english in cat["en"].items():
        wanted = set(re.findall(r"{(\w+)}", english))
        for lang in LANGUAGES:
            assert set(re.findall(r"{(\w+)}", cat[lang][key])) == wanted, (lang, key)


def test_drafts_are_marked_for_review():
    import yaml

    from bot.language.catalogue import TEXTS_DIR

    for lang in ("fr", "ht", "pt", "es"):
        doc = yaml.safe_load((TEXTS_DIR / f"{lang}.yml").read_text(encoding="utf-8"))
        assert doc["needs_review"] is True
