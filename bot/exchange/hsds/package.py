"""Opening an HSDS package (a folder or a .zip with ``datapackage.json``) and reading its CSV tables."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from bot.exchange.hsds.spec import _NAMES, NEEDED, SPEC
from bot.exchange.tabular import Problems, Row, Table, read_csv


# --- opening a package ---------------------------------------------------------------------------
@dataclass
class Package:
    display: str  # the folder or zip, as given
    read: Callable[[str], bytes | None]
    meta: dict[str, Any] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)  # resource name -> path inside the package

    def shown(self, member: str) -> str:
        return f"{self.display.rstrip('/')}/{member}"


MAX_MEMBER_BYTES = 50_000_000  # one CSV of a package, unpacked: a zip can claim 1000:1


def _safe_member(path: str) -> bool:
    p = PurePosixPath(path.replace("\\", "/"))
    return bool(path) and not p.is_absolute() and ".." not in p.parts


def open_package(path: Path, problems: Problems) -> Package | None:
    display = str(path)
    if path.is_file() and path.name == "datapackage.json":
        path = path.parent
        display = str(path)
    if path.is_dir():
        root = path

        def read_dir(member: str) -> bytes | None:
            target = root / member
            return target.read_bytes() if target.is_file() else None

        pkg = Package(display, read_dir)
    elif path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
            names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError) as exc:
            problems.error(display, 0, f"this is not a readable .zip file ({exc}); zip the package folder again", code="not_a_zip")
            return None
        candidates = sorted((n for n in names if n.rsplit("/", 1)[-1] == "datapackage.json"), key=len)
        prefix = candidates[0][: -len("datapackage.json")] if candidates else ""
        if not candidates:
            tops = {n.split("/", 1)[0] + "/" for n in names if "/" in n}
            if len(tops) == 1 and not any("/" not in n for n in names):
                prefix = tops.pop()

        def read_zip(member: str) -> bytes | None:
            name = prefix + member
            if name not in names:
                return None
            if archive.getinfo(name).file_size > MAX_MEMBER_BYTES:  # zipfile reads no more than this
                problems.error(f"{display}/{member}", 0, f"unpacks to more than {MAX_MEMBER_BYTES // 1_000_000} MB; "
                               "split the package or import its CSV files from a folder", code="too_large")
                return b""
            try:
                return archive.read(name)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                problems.error(f"{display}/{member}", 0, f"cannot be read from the zip ({exc}); zip the package again", code="bad_zip")
                return b""

        pkg = Package(display, read_zip)
    else:
        problems.error(display, 0, "is not an HSDS package: give the folder that holds datapackage.json, the .zip of "
                       "that folder, or a spreadsheet (.csv, .xlsx)", code="not_a_package")
        return None

    raw = pkg.read("datapackage.json")
    if raw is None:
        found = {r.name: r.path for r in SPEC.values() if pkg.read(r.path) is not None}
        if "service" not in found:
            problems.error(pkg.shown("datapackage.json"), 0, "is missing, and the package has no services.csv either; "
                           "an HSDS package is a folder with datapackage.json and the CSV files it names", code="no_datapackage")
            return None
        problems.warn(pkg.shown("datapackage.json"), 0, "is missing; the standard HSDS 3.0 file names are read", code="no_datapackage")
        pkg.paths = found
        return pkg
    shown = pkg.shown("datapackage.json")
    try:
        meta = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        problems.error(shown, 0, "is not UTF-8 text; save it as UTF-8", code="not_utf8")
        return None
    except json.JSONDecodeError as exc:
        problems.error(shown, exc.lineno, f"this is not valid JSON ({exc.msg}, column {exc.colno}); check the commas, "
                       "quotes and brackets around here", code="bad_json")
        return None
    if not isinstance(meta, dict) or not isinstance(meta.get("resources"), list):
        problems.error(shown, 1, "must be a JSON object with a \"resources\" list (each with \"name\" and \"path\")", code="bad_datapackage")
        return None
    pkg.meta = meta
    for i, res in enumerate(meta["resources"]):
        if not isinstance(res, dict):
            problems.error(shown, 0, f"resource number {i + 1} is not an object with \"name\" and \"path\"", code="bad_datapackage")
            continue
        rpath = res.get("path")
        if isinstance(rpath, list) and len(rpath) == 1:
            rpath = rpath[0]
        name = str(res.get("name") or "").strip().lower()
        key = _NAMES.get(name) or (_NAMES.get(PurePosixPath(rpath).name[:-4].lower())
                                   if isinstance(rpath, str) and rpath.lower().endswith(".csv") else None)
        if key is None:
            continue  # a table we do not read (programs, contacts, ...)
        if not isinstance(rpath, str) or not rpath:
            problems.error(shown, 0, f"resource '{name}' has no \"path\" naming its CSV file", code="bad_datapackage")
            continue
        if rpath.startswith(("http://", "https://")):
            problems.error(shown, 0, f"resource '{name}' is at {rpath}; download it into the package and give its "
                           "file name as \"path\"", code="remote_resource")
            continue
        if not _safe_member(rpath):
            problems.error(shown, 0, f"resource '{name}' has path '{rpath}', outside the package; give a path inside it", code="unsafe_path")
            continue
        if key in pkg.paths:
            problems.warn(shown, 0, f"resource '{name}' is listed twice; the first ({pkg.paths[key]}) is read", code="duplicate_resource")
            continue
        pkg.paths[key] = rpath
    for r in SPEC.values():  # tables present under their standard names but not listed
        if r.name not in pkg.paths and pkg.read(r.path) is not None:
            pkg.paths[r.name] = r.path
    return pkg


def source_of(pkg: Package, path: Path) -> str:
    homepage = str(pkg.meta.get("homepage") or "")
    if homepage.startswith(("http://", "https://")):
        return homepage
    name = str(pkg.meta.get("title") or pkg.meta.get("name") or "")
    return f"{name} ({path.name})" if name else path.name


# --- reading the tables --------------------------------------------------------------------------
def read_tables(pkg: Package, problems: Problems) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for name, member in pkg.paths.items():
        data = pkg.read(member)
        shown = pkg.shown(member)
        if data is None:
            problems.error(shown, 0, f"is named in datapackage.json for '{name}' but is not in the package; add the "
                           "file or fix its \"path\"", code="missing_file")
            continue
        table = read_csv(data, shown, problems)
        if table is None:
            continue
        missing = [c for c in NEEDED[name] if not table.has(c)]
        if name == "language" and not (table.has("code") or table.has("name")):
            missing.append("code")
        if missing:
            problems.error(shown, 1, f"has no column {', '.join(repr(m) for m in missing)}; HSDS 3.0 names the columns "
                           f"of {SPEC[name].path}: {', '.join(SPEC[name].fields)}", code="missing_column")
            continue
        tables[name] = table
    for name in ("service", "location", "service_at_location"):
        if name not in tables and not any(p.file.endswith(SPEC[name].path) for p in problems.errors):
            problems.error(pkg.shown(SPEC[name].path), 0, f"is missing; the import needs {SPEC[name].path} "
                           f"(columns: {', '.join(NEEDED[name])}) to place each service", code="missing_file")
    return tables


def index(table: Table | None, problems: Problems) -> dict[str, Row]:
    out: dict[str, Row] = {}
    if table is None:
        return out
    for row in table.rows:
        key = row.text("id")
        if not key:
            problems.error(table.file, row.line, "the 'id' is empty; every row needs its own id (a UUID)", code="missing", field="id")
        elif key in out:
            problems.error(table.file, row.line, f"the id '{key}' is already used at row {out[key].line}; ids must be "
                           "unique", code="duplicate_id", field="id")
        else:
            out[key] = row
    return out

