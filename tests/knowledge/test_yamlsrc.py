"""Input hygiene of the knowledge files: YAML aliases ("billion laughs") are refused at their line."""

from __future__ import annotations

import pytest

from bot.knowledge.yamlsrc import YamlError, load_yaml
from tests.conftest import write


def test_a_yaml_alias_is_refused_with_file_and_line(tmp_path):
    path = write(tmp_path / "bomb.yml", """
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        """)
    with pytest.raises(YamlError) as err:
        load_yaml(path, "services/bomb.yml")
    assert str(err.value).startswith("services/bomb.yml:2: ") and "alias" in str(err.value)


def test_a_star_in_text_is_not_an_alias(tmp_path):
    path = write(tmp_path / "ok.yml", 'note: "open * closed"\nother: a*b\n')
    assert load_yaml(path) == {"note": "open * closed", "other": "a*b"}


