"""The bot's data files are parsed once per process, and again when they change on disk."""

from bot.datafiles import read_yaml


def test_a_file_is_parsed_once(tmp_path):
    path = tmp_path / "words.yml"
    path.write_text("es: [socorro, auxilio]\n", encoding="utf-8")
    assert read_yaml(path) == {"es": ["socorro", "auxilio"]}
    assert read_yaml(path) is read_yaml(path)


def test_a_changed_file_is_read_again_and_an_empty_one_is_empty(tmp_path):
    path = tmp_path / "words.yml"
    path.write_text("es: [socorro]\n", encoding="utf-8")
    assert read_yaml(path) == {"es": ["socorro"]}
    path.write_text("es: [socorro, auxilio, ayuda]\n", encoding="utf-8")
    assert read_yaml(path) == {"es": ["socorro", "auxilio", "ayuda"]}
    path.write_text("", encoding="utf-8")
    assert read_yaml(path) == {}
