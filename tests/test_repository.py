"""What git tracks: no database. A stray SQLite file named ``${BOT_SQLITE_PATH}`` was once committed
(Rasa created it when the variable was quoted in endpoints.yml and so never expanded)."""

import shutil
import subprocess

import pytest

from tests.conftest import ROOT

DATABASE_MAGIC = (b"SQLite format 3\x00", b"PGDMP")


def tracked_files() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [name for name in out.decode().split("\0") if name]


def test_no_database_file_is_tracked():
    found = []
    for name in tracked_files():
        path = ROOT / name
        if name.endswith((".db", ".sqlite", ".sqlite3")) or "${" in name:
            found.append(name)
        elif path.is_file():
            with path.open("rb") as fh:
                if fh.read(16).startswith(DATABASE_MAGIC):
                    found.append(name)
    assert found == []


def test_databases_are_ignored():
    tracked_files()
    for name in ("anywhere.db", "sub/x.sqlite3", "${BOT_SQLITE_PATH}.db"):
        assert subprocess.run(["git", "check-ignore", "-q", "--no-index", name], cwd=ROOT).returncode == 0, name


def test_test_files_have_unique_names():
    """pytest imports test files by their base name (no __init__.py): two of one name stop the whole run."""
    from collections import Counter

    names = Counter(p.name for p in (ROOT / "tests").rglob("test_*.py"))
    assert [n for n, k in names.items() if k > 1] == []


def test_no_word_list_in_the_data_holds_a_yes_or_no_read_as_a_boolean():
    # YAML reads a bare no, on or yes as a boolean: Portuguese "no", French "on" and Ontario's "on" were lost so
    import yaml

    found = []

    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, bool):
                    found.append(f"{where}: key {key}")
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            found.extend(f"{where}[{i}]" for i, v in enumerate(node) if isinstance(v, bool))
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")

    for path in sorted((ROOT / "bot").rglob("*.yml")) + sorted((ROOT / "knowledge").rglob("*.yml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), str(path.relative_to(ROOT)))
    assert not found, found


def test_no_data_file_writes_a_key_twice():
    # YAML keeps the last of two equal keys silently: a new "later" cue list once replaced the old one in cues.yml
    import yaml

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        twice = sorted({str(k) for k in keys if keys.count(k) > 1})
        if twice:
            raise yaml.constructor.ConstructorError(None, None, f"keys written twice: {twice}", node.start_mark)
        return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    found = []
    for path in sorted((ROOT / "bot").rglob("*.yml")) + sorted((ROOT / "knowledge").rglob("*.yml")):
        try:
            yaml.load(path.read_text(encoding="utf-8"), Loader=Strict)  # noqa: S506 (a SafeLoader)
        except yaml.constructor.ConstructorError as e:
            found.append(f"{path.relative_to(ROOT)}: {e}")
    assert not found, found
