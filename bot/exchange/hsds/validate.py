"""A structural check of an HSDS 3.0 package against the Table Schema of :mod:`bot.exchange.hsds.spec`."""

from __future__ import annotations

import re
from pathlib import Path

from bot.exchange.candidates import parse_day
from bot.exchange.hsds.package import open_package
from bot.exchange.hsds.spec import ENUMS, SPEC, TYPES, is_uuid
from bot.exchange.tabular import Problems, Table, read_csv


def validate_package(path: Path) -> list[str]:
    """Structural problems of a package, as ``file:row: problem``: missing or unknown columns, empty
    required values, ids that are not UUIDs or not unique, foreign keys that do not resolve, numbers,
    dates, times and codes that are not valid."""
    problems = Problems()
    pkg = open_package(path, problems)
    if pkg is None:
        return [str(p) for p in problems.errors]
    out = [f"{p.file}: {p.message}" for p in problems.errors]
    declared = {str(r.get("name")): r for r in pkg.meta.get("resources", []) if isinstance(r, dict)}
    tables: dict[str, Table] = {}
    for name, resource in SPEC.items():
        data = pkg.read(resource.path)
        shown = pkg.shown(resource.path)
        if data is None:
            continue
        if name not in declared:
            out.append(f"{pkg.shown('datapackage.json')}: the resource '{name}' ({resource.path}) is not declared")
        else:
            fields = [f.get("name") for f in declared[name].get("schema", {}).get("fields", [])]
            if fields != list(resource.fields):
                out.append(f"{pkg.shown('datapackage.json')}: the fields of '{name}' differ from HSDS 3.0")
        found = Problems()
        table = read_csv(data, shown, found)
        out += [str(p) for p in found.errors]
        if table is None:
            continue
        tables[name] = table
        header = table.columns
        missing = [f for f in resource.required if f not in header]
        unknown = [f for f in header if f not in resource.fields]
        if missing:
            out.append(f"{shown}:1: required column(s) missing: {', '.join(missing)}")
        if unknown:
            out.append(f"{shown}:1: column(s) not in HSDS 3.0: {', '.join(unknown)}")
        seen: set[str] = set()
        for row in table.rows:
            for f in resource.required:
                if f in header and not row.text(f):
                    out.append(f"{shown}:{row.line}: required value '{f}' is empty")
            for f in header:
                value = row.text(f)
                if not value:
                    continue
                if (f == "id" or f.endswith("_id")) and not is_uuid(value):
                    out.append(f"{shown}:{row.line}: {f} '{value}' is not a UUID")
                kind = TYPES.get((name, f))
                if kind == "number":
                    try:
                        float(value)
                    except ValueError:
                        out.append(f"{shown}:{row.line}: {f} '{value}' is not a number")
                elif kind == "date" and parse_day(value)[1]:
                    out.append(f"{shown}:{row.line}: {f} '{value}' is not a date YYYY-MM-DD")
                elif kind == "time" and not re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value):
                    out.append(f"{shown}:{row.line}: {f} '{value}' is not a time HH:MM:SS")
                if (name, f) in ENUMS and value not in ENUMS[(name, f)]:
                    out.append(f"{shown}:{row.line}: {f} '{value}' is not one of {', '.join(ENUMS[(name, f)])}")
            if name == "location":
                for f, limit in (("latitude", 90), ("longitude", 180)):
                    try:
                        if row.text(f) and not -limit <= float(row.text(f)) <= limit:
                            out.append(f"{shown}:{row.line}: {f} {row.text(f)} is out of range")
                    except ValueError:
                        pass
            key = row.text("id")
            if key in seen:
                out.append(f"{shown}:{row.line}: id '{key}' is not unique")
            seen.add(key)
    ids = {name: {row.text("id") for row in t.rows} for name, t in tables.items()}
    for name, table in tables.items():
        for row in table.rows:
            for f, target in SPEC[name].foreign_keys:
                value = row.text(f)
                if value and value not in ids.get(target, set()):
                    out.append(f"{table.file}:{row.line}: {f} '{value}' does not match an id of {SPEC[target].path}")
            if name == "attribute":
                entity = row.text("link_entity")
                if entity in SPEC and row.text("link_id") not in ids.get(entity, set()):
                    out.append(f"{table.file}:{row.line}: link_id '{row.text('link_id')}' does not match an id of "
                               f"{SPEC[entity].path}")
    return out
