"""A structural check of an HSDS 3.0 package against the Table Schema of :mod:`bot.exchange.hsds.spec`."""

from __future__ import annotations

import re
from pathlib import Path

from bot.exchange.candidates import parse_day
from bot.exchange.hsds.package import open_package
from bot.exchange.hsds.spec import ENUMS, SPEC, TYPES, is_uuid
from bot.exchange.tabular import Problems, Table, read_csv


def validate_package(path: Path) -> Problems:
    """Structural problems of a package (each ``file:row: problem``, with a code and the HSDS field
    ``table.column``): missing or unknown columns, empty required values, ids that are not UUIDs or not
    unique, foreign keys that do not resolve, numbers, dates, times and codes that are not valid."""
    problems = Problems()
    pkg = open_package(path, problems)
    out = Problems(problems.errors)
    if pkg is None:
        return out
    meta = pkg.shown("datapackage.json")
    declared = {str(r.get("name")): r for r in pkg.meta.get("resources", []) if isinstance(r, dict)}
    tables: dict[str, Table] = {}
    for name, resource in SPEC.items():
        data = pkg.read(resource.path)
        shown = pkg.shown(resource.path)
        if data is None:
            continue
        if name not in declared:
            out.error(meta, 0, f"the resource '{name}' ({resource.path}) is not declared", "undeclared", name)
        else:
            fields = [f.get("name") for f in declared[name].get("schema", {}).get("fields", [])]
            if fields != list(resource.fields):
                out.error(meta, 0, f"the fields of '{name}' differ from HSDS 3.0", "other_fields", name)
        found = Problems()
        table = read_csv(data, shown, found)
        out += found.errors
        if table is None:
            continue
        tables[name] = table
        _check_table(name, table, out)
    ids = {name: {row.text("id") for row in t.rows} for name, t in tables.items()}
    for name, table in tables.items():
        for row in table.rows:
            for f, target in SPEC[name].foreign_keys:
                value = row.text(f)
                if value and value not in ids.get(target, set()):
                    out.error(table.file, row.line, f"{f} '{value}' does not match an id of {SPEC[target].path}",
                              "dangling_id", f"{name}.{f}")
            if name == "attribute":
                entity = row.text("link_entity")
                if entity in SPEC and row.text("link_id") not in ids.get(entity, set()):
                    out.error(table.file, row.line, f"link_id '{row.text('link_id')}' does not match an id of "
                              f"{SPEC[entity].path}", "dangling_id", f"{name}.link_id")
    return out


def _check_table(name: str, table: Table, out: Problems) -> None:
    """One table against its Table Schema: columns, required values, types, enums, unique ids."""
    resource, shown, header = SPEC[name], table.file, table.columns
    missing = [f for f in resource.required if f not in header]
    unknown = [f for f in header if f not in resource.fields]
    if missing:
        out.error(shown, 1, f"required column(s) missing: {', '.join(missing)}", "missing_column", name)
    if unknown:
        out.error(shown, 1, f"column(s) not in HSDS 3.0: {', '.join(unknown)}", "unknown_column", name)
    seen: set[str] = set()
    for row in table.rows:
        for f in resource.required:
            if f in header and not row.text(f):
                out.error(shown, row.line, f"required value '{f}' is empty", "missing", f"{name}.{f}")
        for f in header:
            value = row.text(f)
            if not value:
                continue
            field = f"{name}.{f}"
            if (f == "id" or f.endswith("_id")) and not is_uuid(value):
                out.error(shown, row.line, f"{f} '{value}' is not a UUID", "not_uuid", field)
            kind = TYPES.get((name, f))
            if kind == "number":
                try:
                    float(value)
                except ValueError:
                    out.error(shown, row.line, f"{f} '{value}' is not a number", "not_number", field)
            elif kind == "date" and parse_day(value)[1]:
                out.error(shown, row.line, f"{f} '{value}' is not a date YYYY-MM-DD", "not_date", field)
            elif kind == "time" and not re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value):
                out.error(shown, row.line, f"{f} '{value}' is not a time HH:MM:SS", "not_time", field)
            if (name, f) in ENUMS and value not in ENUMS[(name, f)]:
                out.error(shown, row.line, f"{f} '{value}' is not one of {', '.join(ENUMS[(name, f)])}",
                          "not_in_enum", field)
        if name == "location":
            for f, limit in (("latitude", 90), ("longitude", 180)):
                try:
                    if row.text(f) and not -limit <= float(row.text(f)) <= limit:
                        out.error(shown, row.line, f"{f} {row.text(f)} is out of range", "out_of_range",
                                  f"{name}.{f}")
                except ValueError:
                    pass
        key = row.text("id")
        if key in seen:
            out.error(shown, row.line, f"id '{key}' is not unique", "duplicate_id", f"{name}.id")
        seen.add(key)
