"""``bot kb import``: a spreadsheet (CSV/XLSX, see :mod:`bot.exchange.spreadsheet`) or an Open Referral
HSDS 3.0 package (see :mod:`bot.exchange.hsds`) becomes ``services/import-<source>.yml`` in the knowledge
folder.

All or nothing: any error (each reported as ``FILE:ROW: what is wrong, how to fix it``) and nothing is
written; after writing, the folder is loaded again and the previous files come back if it would not load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot import LANGUAGES, clock
from bot.exchange.candidates import (
    ENTRY_KEYS,
    TEXT_KEYS,
    Candidate,
    CategoryMatcher,
    check_candidates,
    clean_entry,
)
from bot.exchange.tabular import Problems, slug
from bot.knowledge.loader import LoadResult, load_knowledge
from bot.knowledge.yamlsrc import Problem
from bot.textnorm import fold

IMPORT_PREFIX = "import-"
SPREADSHEET_SUFFIXES = (".csv", ".xlsx", ".xlsm")


def _gazetteer():
    from bot.places.gazetteer import get_gazetteer

    return get_gazetteer()


# --- import --------------------------------------------------------------------------------------
@dataclass
class ImportOutcome:
    problems: Problems
    target: Path | None = None
    written: bool = False
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def _is_import_file(path: Path) -> bool:
    return path.parent.name == "services" and path.name.startswith(IMPORT_PREFIX) and path.suffix in (".yml", ".yaml")


def _read_import_file(path: Path, problems: Problems) -> tuple[str, list[dict[str, Any]]] | None:
    """(leading comment, entries) of a file an earlier import wrote."""
    try:
        text = path.read_text(encoding="utf-8")
        doc = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.error(str(path), 0, f"an earlier import wrote this file but it cannot be read now ({exc}); fix it "
                       "with bot kb validate, or delete it, then import again", code="bad_import_file")
        return None
    header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    services = doc.get("services") if isinstance(doc, dict) else None
    if doc is not None and not isinstance(services, list):
        problems.error(str(path), 1, "an earlier import wrote this file but it no longer starts with 'services:'; "
                       "fix or delete it, then import again", code="bad_import_file")
        return None
    return header, [s for s in services or [] if isinstance(s, dict)]


def _dump(header: str, entries: list[dict[str, Any]]) -> str:
    return header + yaml.safe_dump({"services": entries}, allow_unicode=True, sort_keys=False, width=110)


def _merge(new: dict[str, Any], old: dict[str, Any] | None, cand: Candidate, problems: Problems) -> dict[str, Any]:
    """The new entry, keeping what staff added to the earlier import: texts in other languages, extra keys."""
    if not isinstance(old, dict):
        return new
    out = dict(new)
    for key in TEXT_KEYS:
        before, now = old.get(key), new.get(key)
        if not isinstance(before, dict) or not (isinstance(now, dict) or now is None):
            continue
        merged = dict(now or {})
        kept = [lang for lang, text in before.items() if lang not in merged and text]
        if not kept:
            continue
        for lang in kept:
            merged[lang] = before[lang]
        out[key] = {lang: merged[lang] for lang in dict.fromkeys([*LANGUAGES, *merged]) if lang in merged}
        changed = [lang for lang in (now or {}) if before.get(lang) and before.get(lang) != now[lang]]
        if changed:
            problems.warn(cand.file, cand.line, f"the {key} of '{new.get('name')}' changed in {', '.join(changed)}; "
                          f"the {', '.join(kept)} text(s) added after the earlier import are kept: check they still "
                          "match", code="translation_kept")
    for key, value in old.items():
        if key not in ENTRY_KEYS and key not in out:
            out[key] = value
    return clean_entry(out)


def _candidates(source: Path, before: LoadResult, gazetteer: Any, today: date, problems: Problems) -> list[Candidate]:
    from bot.exchange import spreadsheet
    from bot.exchange.hsds.read import read_package

    kb = before.kb
    matcher = CategoryMatcher(kb.categories)
    place_names = {fold(p.name) for p in kb.places}
    suffix = source.suffix.lower()
    if source.is_dir() or suffix == ".zip" or source.name == "datapackage.json":
        country_names = {fold(text): code for code, c in kb.countries.items() for text in c.name.values()}
        return read_package(source, problems, matcher, gazetteer, today, place_names, country_names)
    if suffix in SPREADSHEET_SUFFIXES:
        table = spreadsheet.read_table(source, str(source), problems)
        if table is None:
            return []
        return spreadsheet.rows_to_candidates(table, problems, matcher, source.name, today)
    if suffix in (".xls", ".ods", ".numbers"):
        problems.error(str(source), 0, f"{suffix} files cannot be read; save the sheet as .xlsx or as 'CSV UTF-8'", code="unreadable_format")
    else:
        problems.error(str(source), 0, "is neither a spreadsheet (.csv, .xlsx) nor an HSDS package (a folder or "
                       ".zip with datapackage.json)", code="unknown_format")
    return []


def import_file(source: Path | str, into: Path | str, gazetteer: Any = None, today: date | None = None) -> ImportOutcome:
    """Import a spreadsheet or HSDS package into the knowledge folder ``into``; all or nothing."""
    source, into = Path(source), Path(into)
    today = today or clock.today()
    problems = Problems()
    outcome = ImportOutcome(problems)
    if not source.exists():
        problems.error(str(source), 0, "does not exist; check the path and the file name", code="no_file")
        return outcome
    if not into.is_dir():
        problems.error(str(into), 0, "the knowledge folder does not exist; check --into or BOT_KNOWLEDGE_DIR", code="no_folder")
        return outcome
    gazetteer = gazetteer if gazetteer is not None else _gazetteer()
    before = load_knowledge(into, gazetteer, today)
    candidates = _candidates(source, before, gazetteer, today, problems)
    kb = before.kb
    check_candidates(candidates, kb.categories, {fold(p.name) for p in kb.places}, gazetteer, today, problems)

    # where each id lives now
    stem = source.stem if source.name != "datapackage.json" else source.parent.name
    target = into / "services" / f"{IMPORT_PREFIX}{slug(stem) or 'data'}.yml"
    outcome.target = target
    imported: dict[Path, tuple[str, list[dict[str, Any]]]] = {}
    services_dir = into / "services"
    for path in sorted(services_dir.glob(f"{IMPORT_PREFIX}*.y*ml")) if services_dir.is_dir() else []:
        read = _read_import_file(path, problems)
        if read is not None:
            imported[path.resolve()] = read
    in_import = {str(e.get("id")): path for path, (_, entries) in imported.items() for e in entries}
    by_hand = {}
    for s in kb.services:
        path = (into.parent / s.file).resolve()
        if path not in imported:
            by_hand[s.id] = f"{s.file}:{s.line}"
    seen: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.id in by_hand:
            problems.error(cand.file, cand.line, f"the id '{cand.id}' is already used at {by_hand[cand.id]}, an entry "
                           "written by hand; give this service another id, or delete that entry, so it is not "
                           "listed twice", code="id_written_by_hand", field="id")
        if cand.id in seen:
            other = seen[cand.id]
            problems.error(cand.file, cand.line, f"the id '{cand.id}' is also made for {other.file}:{other.line}; give "
                           "each service its own id", code="duplicate_id", field="id")
        seen[cand.id] = cand
    if problems.errors:
        return outcome
    if not candidates:
        problems.error(str(source), 0, "holds no service to import", code="nothing_to_import")
        return outcome

    # the new import file, and earlier import files that lose the services moved into it
    target_key = target.resolve()
    old_entries = {str(e.get("id")): e for e in imported.get(target_key, ("", []))[1]}
    new_entries = []
    for cand in candidates:
        old = old_entries.get(cand.id)
        elsewhere = in_import.get(cand.id)
        if old is None and elsewhere is not None and elsewhere != target_key:
            old = next(e for e in imported[elsewhere][1] if str(e.get("id")) == cand.id)
            outcome.moved.append(cand.id)
            problems.warn(cand.file, cand.line, f"'{cand.id}' was imported before into "
                          f"{elsewhere.relative_to(into.resolve())}; it moves to {target.name}", code="moved", field="id")
        (outcome.updated if old is not None else outcome.created).append(cand.id)
        new_entries.append(_merge(cand.entry, old, cand, problems))
    outcome.removed = [i for i in old_entries if i not in seen]
    if outcome.removed:
        problems.warn(str(source), 0, f"{len(outcome.removed)} service(s) of the earlier import are no longer in it "
                      f"and are removed: {', '.join(outcome.removed)}", code="removed")
    header = (f"# Imported with `bot kb import` from {source.name} on {today}.\n"
              "# Importing that file again updates these entries (texts added here in other languages are kept);\n"
              "# to maintain an entry by hand instead, move it to another file under services/.\n")
    writes: dict[Path, str | None] = {target: _dump(header, new_entries)}
    moved = set(outcome.moved)
    for path, (old_header, entries) in imported.items():
        if path == target_key:
            continue
        rest = [e for e in entries if str(e.get("id")) not in moved]
        if len(rest) != len(entries):
            writes[path] = _dump(old_header, rest) if rest else None

    # write, then check the folder still loads; put everything back if it does not
    backups: dict[Path, bytes | None] = {p: (p.read_bytes() if p.exists() else None) for p in writes}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for path, text in writes.items():
            if text is None:
                path.unlink()
            else:
                tmp = path.with_name(f".{path.name}.tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(path)
        after = load_knowledge(into, gazetteer, today)
    except OSError as exc:
        _restore(backups)
        problems.error(str(target), 0, f"cannot write the import ({exc.strerror}); nothing was changed", code="cannot_write")
        return outcome
    known = {str(p) for p in before.errors}
    new_errors = [p for p in after.errors if str(p) not in known]
    if new_errors:
        _restore(backups)
        problems.error(str(target), 0, "with this import the knowledge folder would not load, so the previous files "
                       "were put back and nothing changed:", code="would_break_folder")
        problems.extend(Problem(p.file, p.line, p.message, "error", p.code, p.field) for p in new_errors)
        return outcome
    outcome.written = True
    return outcome


def _restore(backups: dict[Path, bytes | None]) -> None:
    for path, data in backups.items():
        if data is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(data)

