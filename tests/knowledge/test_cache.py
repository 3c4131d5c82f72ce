"""The compiled knowledge cache: a hit skips the YAML, an edit, a corrupt entry or another code
version rebuilds, and the knowledge is the same either way."""

from __future__ import annotations

import pytest

from bot.knowledge import cache
from bot.knowledge.loader import load_knowledge
from bot.knowledge.store import KnowledgeStore
from tests.conftest import write
from tests.knowledge.test_loader import SERVICE


@pytest.fixture
def parses(monkeypatch):
    """The services files parsed from YAML (the names), counted; each test starts with an empty
    in-process memo, so that what is not parsed came from the cache folder."""
    seen: list[str] = []
    real = cache.load_yaml

    def counting(path, shown):
        seen.append(path.name if path.parent.name == "services" else f"{path.parent.name}/{path.name}")
        return real(path, shown)

    monkeypatch.setattr(cache, "load_yaml", counting)
    monkeypatch.setattr(cache, "_memo", {})
    monkeypatch.setattr(cache, "_docs", {})
    monkeypatch.setattr(cache, "_stat_keys", {})
    return seen


def load(root, cache_dir):
    cache._memo.clear()  # the disk, not the memo of the previous load
    cache._docs.clear()
    return load_knowledge(root, cache_dir=cache_dir)


def services_only(names):
    return sorted(n for n in names if "/" not in n)


def summary(result):
    return [(s.id, s.name, s.phones, s.hours, s.description, s.file, s.line) for s in result.kb.services], \
        [str(p) for p in result.problems]


def test_hit_skips_the_yaml_and_gives_the_same_knowledge(kb_copy, tmp_path, parses):
    files = sorted(p.name for p in (kb_copy / "services").glob("*.yml"))
    first = load(kb_copy, tmp_path / "cache")
    assert services_only(parses) == files
    assert "countries/MX.yml" in parses  # the other files are parsed once too
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == len(list(kb_copy.rglob("*.yml")))
    parses.clear()
    second = load(kb_copy, tmp_path / "cache")
    assert parses == []
    assert summary(second) == summary(first) == summary(load_knowledge(kb_copy))
    assert second.kb.countries == first.kb.countries and second.kb.rights == first.kb.rights


def test_an_edited_file_is_read_again_and_only_it(kb_copy, tmp_path, parses):
    load(kb_copy, tmp_path / "cache")
    path = next((kb_copy / "services").glob("mx-tapachula.yml"))
    old = next(s for s in load_knowledge(kb_copy).kb.services if s.file.endswith("mx-tapachula.yml"))
    path.write_text(path.read_text(encoding="utf-8").replace(old.name, "Renamed clinic (EJEMPLO)", 1), encoding="utf-8")
    parses.clear()
    result = load(kb_copy, tmp_path / "cache")
    assert parses == ["mx-tapachula.yml"]
    assert "Renamed clinic (EJEMPLO)" in {s.name for s in result.kb.services}
    assert old.name not in {s.name for s in result.kb.services if s.id == old.id}


def test_a_corrupt_entry_is_ignored_and_rebuilt(kb_copy, tmp_path, parses):
    first = load(kb_copy, tmp_path / "cache")
    entries = sorted((tmp_path / "cache").glob("[0-9a-f]*.pickle"))  # services files
    entries[0].write_bytes(b"not a pickle at all")
    entries[1].write_bytes(entries[1].read_bytes()[:40])  # cut short
    next((tmp_path / "cache").glob("doc-*.pickle")).write_bytes(b"\x80\x05garbage")  # another file's
    parses.clear()
    second = load(kb_copy, tmp_path / "cache")
    assert len(parses) == 3
    assert summary(second) == summary(first)
    parses.clear()
    load(kb_copy, tmp_path / "cache")  # rebuilt: read from the cache again
    assert parses == []


def test_another_code_version_never_uses_old_entries(kb_copy, tmp_path, parses, monkeypatch):
    load(kb_copy, tmp_path / "cache")
    monkeypatch.setattr(cache, "_version", "another version of the bot")
    parses.clear()
    result = load(kb_copy, tmp_path / "cache")
    assert len(parses) == len(list(kb_copy.rglob("*.yml")))
    assert result.ok


def test_an_entry_under_the_wrong_name_is_not_trusted(kb_copy, tmp_path, parses):
    load(kb_copy, tmp_path / "cache")
    a, b = sorted((tmp_path / "cache").glob("[0-9a-f]*.pickle"))[:2]
    a.write_bytes(b.read_bytes())  # another file's services under this file's key
    parses.clear()
    load(kb_copy, tmp_path / "cache")
    assert len(parses) == 1


def test_the_context_is_part_of_the_key(kb_copy, tmp_path, parses):
    """A category removed from categories.yml: a cached service using it must not come back valid."""
    load(kb_copy, tmp_path / "cache")
    write(kb_copy / "services" / "zz-new.yml", SERVICE.replace("[medical]", "[dental]"))
    write(kb_copy / "categories.yml", (kb_copy / "categories.yml").read_text(encoding="utf-8")
          + "  dental:\n    label: {en: Dental care, es: Dentista}\n")
    assert load(kb_copy, tmp_path / "cache").ok
    (kb_copy / "categories.yml").write_text(
        (kb_copy / "categories.yml").read_text(encoding="utf-8").split("  dental:")[0], encoding="utf-8")
    parses.clear()
    result = load(kb_copy, tmp_path / "cache")
    assert not result.ok and any("dental" in str(p) for p in result.errors)
    assert "zz-new.yml" in parses  # read again under the new categories


def test_duplicate_ids_across_cached_files_are_still_errors(kb_copy, tmp_path):
    write(kb_copy / "services" / "a.yml", SERVICE)
    write(kb_copy / "services" / "b.yml", SERVICE)
    load(kb_copy, tmp_path / "cache")
    text = "\n".join(str(p) for p in load(kb_copy, tmp_path / "cache").errors)
    assert "b.yml:2: the id 'test-clinic' is already used at" in text


def test_store_reload_after_one_edit_parses_one_file(kb_copy, tmp_path, parses):
    store = KnowledgeStore(kb_copy, check_every=0, cache_dir=tmp_path / "cache")
    n = len(store.current().kb.services)
    parses.clear()
    write(kb_copy / "services" / "zz-new.yml", SERVICE)
    after = store.current()
    assert parses == ["zz-new.yml"]  # the others from the in-process memo, shared with the old snapshot
    assert len(after.kb.services) == n + 1


def test_prune_keeps_what_the_load_used_and_forgets_vanished_folders(kb_copy, tmp_path, parses):
    import shutil

    other = tmp_path / "other-knowledge"
    shutil.copytree(kb_copy, other)
    KnowledgeStore(other, cache_dir=tmp_path / "cache").current()
    store = KnowledgeStore(kb_copy, cache_dir=tmp_path / "cache")
    store.current()
    assert len(list((tmp_path / "cache").iterdir())) == 2  # one folder per knowledge folder
    before = {p.name for p in store.cache_dir.glob("*.pickle")}
    (kb_copy / "services" / "mx-tapachula.yml").unlink()
    shutil.rmtree(other)
    store.check_every = 0
    store.current()
    after = {p.name for p in store.cache_dir.glob("*.pickle")}
    assert after < before and len(before - after) == 1  # the removed file's entry
    assert [p for p in (tmp_path / "cache").iterdir()] == [store.cache_dir]  # the vanished folder's too


def test_an_entry_serves_the_days_its_date_checks_agree_on(kb_copy, tmp_path, parses):
    """No rebuild every day, yet a service that goes stale (90 days after verified_on) is warned about."""
    from datetime import date

    write(kb_copy / "services" / "zz-new.yml", SERVICE)  # verified_on: 2026-11-01

    def stale(result):
        return [p for p in result.warnings if "test-clinic" in p.message and "last verified" in p.message]

    def load_on(day):
        cache._memo.clear()
        return load_knowledge(kb_copy, today=day, cache_dir=tmp_path / "cache")

    assert not stale(load_on(date(2026, 11, 28)))
    parses.clear()
    assert not stale(load_on(date(2026, 12, 20)))
    assert "zz-new.yml" not in parses  # the same verdicts: from the cache
    assert stale(load_on(date(2027, 2, 15)))  # past 2027-01-30: read again, now stale
    assert "zz-new.yml" in parses
