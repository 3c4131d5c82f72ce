"""Service entries of the knowledge folder, edited in place: round-trip YAML (comments and the order
of the other lines kept), the same validation as ``bot kb validate``, atomic writes.

No Django here: the views in :mod:`console.knowledge.views` add the accounts, the audit log and the pages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot import LANGUAGES
from bot.knowledge.loader import load_knowledge
from bot.knowledge.store import default_knowledge_dir

# The form's fields: every field of a service in the knowledge format (knowledge/README.md) but its id.
# Texts in five languages are one field per language ("description_es", "requirements_pt", ...).
FIELDS = ("name", "organization", "categories", "address", "place", "country", "latitude", "longitude", "phones",
          "hours", "timezone", "languages", "cost", "population", "referral", "needs_review", "email", "url",
          "verified_on", "source", "sample")
TEXTS = ("description", "requirements")
TEXT_FIELDS = tuple(f"{key}_{lang}" for key in TEXTS for lang in LANGUAGES)
ALL_FIELDS = FIELDS + TEXT_FIELDS
LOCATION = ("address", "place", "country", "latitude", "longitude")  # under ``location:``
# written "a, b" in the form, [a, b] in the file; needs_review: the languages of texts drafted without a native speaker
LISTS = ("categories", "languages", "population", "needs_review")
# Where a key the service lacks goes (after this key, when present), so a new line lands where a person looks.
AFTER = {"organization": "name", "timezone": "hours", "languages": "hours", "cost": "languages",
         "population": "cost", "referral": "population", "needs_review": "referral", "email": "phones", "url": "email",
         "verified_on": "referral", "source": "verified_on", "sample": "source", "requirements": "population",
         "description": "categories", "place": "address", "country": "place", "latitude": "country",
         "longitude": "latitude"}
# Which top-level key of a service (or of its location) a problem's line belongs to -> form field.
KEY_FIELD = {f: f for f in FIELDS if f not in LOCATION}


class Conflict(Exception):
    """The file changed since the form was opened."""


def root() -> Path:
    return default_knowledge_dir()


def _yaml() -> YAML:
    y = YAML()  # round-trip: comments, key order and flow styles survive
    y.preserve_quotes = True
    y.width = 110  # as bot.exchange.importer writes; edited keys are spliced back one by one (see splice)
    y.indent(mapping=2, sequence=2, offset=0)
    return y


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Located:
    """A service entry found in a file: the parsed document, the entry, and the file's text."""

    path: Path
    text: str
    doc: CommentedMap
    entry: CommentedMap

    @property
    def version(self) -> str:
        return digest(self.text)

    @property
    def rel(self) -> str:
        return str(self.path.relative_to(root()))


def find(sid: str) -> Located | None:
    """The service ``sid`` in ``services/*.yml`` of the knowledge folder (valid or not)."""
    for path in sorted((root() / "services").glob("*.y*ml")):
        text = path.read_text(encoding="utf-8")
        if sid not in text:
            continue
        doc = _yaml().load(text)
        for entry in (doc or {}).get("services") or []:
            if isinstance(entry, CommentedMap) and str(entry.get("id")) == sid:
                return Located(path, text, doc, entry)
    return None


# --- entry <-> form values (strings) --------------------------------------------------------------
def _text(value) -> str:
    return "" if value is None else str(value)


def values(entry: CommentedMap) -> dict[str, str]:
    """The form's values for ``entry``: every field a plain string, so they compare and diff simply."""
    loc = entry.get("location")
    loc = loc if isinstance(loc, dict) else {}
    phones = []
    for p in entry.get("phones") or []:
        if isinstance(p, dict):
            kind = str(p.get("type") or "voice")
            phones.append(str(p.get("number", "")) + ("" if kind == "voice" else f", {kind}"))
        else:
            phones.append(str(p))
    hours = entry.get("hours")
    out = {f: _text(entry.get(f)) for f in FIELDS if f not in LOCATION and f not in LISTS}
    out.update({f: _text(loc.get(f)) for f in LOCATION})
    out.update({f: ", ".join(str(c) for c in entry.get(f) or []) for f in LISTS})
    out["timezone"] = _text(entry.get("timezone") or loc.get("timezone"))
    out["phones"] = "\n".join(phones)
    out["hours"] = "\n".join(str(h) for h in hours) if isinstance(hours, list) else _text(hours)
    out["sample"] = "yes" if entry.get("sample") is True else "no"
    for key in TEXTS:
        texts = entry.get(key)
        for lang in LANGUAGES:
            text = texts.get(lang, "") if isinstance(texts, dict) else (texts or "")
            out[f"{key}_{lang}"] = _text(text)
    return out


def hours_editable(entry: CommentedMap) -> bool:
    """Hours with exceptions by date (a mapping) stay in the file: the form edits weekly lines only."""
    return not isinstance(entry.get("hours"), dict)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r", "").split("\n") if line.strip()]


def _flow(items: list) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _put(entry: CommentedMap, key: str, value, after: str = "categories") -> None:
    """Set ``key``; a new key goes after ``after`` (or at the end), never reordering the others."""
    if key in entry:
        entry[key] = value
        return
    keys = list(entry.keys())
    entry.insert(keys.index(after) + 1 if after in keys else len(keys), key, value)


def _number(value: str):
    """A coordinate as a number when it is one (a decimal comma too); else as written, for the
    validation to report at its field."""
    try:
        return float(value.replace(",", "."))
    except ValueError:
        return value


def apply(entry: CommentedMap, new: dict[str, str]) -> dict[str, list[str]]:
    """Write the changed fields of ``new`` into ``entry``; returns the diff ``{field: [old, new]}``.

    Only fields that differ are touched, so every other line of the file stays as it was."""
    old = values(entry)
    diff = {f: [old[f], new[f].strip()] for f in ALL_FIELDS if f in new and new[f].strip() != old[f].strip()}
    for f, (_, value) in diff.items():
        if f in LOCATION:
            loc = entry.get("location")
            if not isinstance(loc, dict):
                loc = CommentedMap()
                _put(entry, "location", loc)
            if not value:
                loc.pop(f, None)
            else:
                typed = _number(value) if f in ("latitude", "longitude") else value.upper() if f == "country" else value
                _put(loc, f, typed, after=AFTER.get(f, ""))
        elif f == "phones":
            _set_phones(entry, _lines(value))
        elif f == "hours":
            entry["hours"] = _flow(_lines(value)) if value else _flow([])
        elif f in LISTS:
            items = [c.strip() for c in value.split(",") if c.strip()]
            if items or f == "categories":
                _put(entry, f, _flow(items), after=AFTER.get(f, ""))
            else:
                entry.pop(f, None)
        elif f == "timezone" and isinstance(entry.get("location"), dict) and "timezone" in entry["location"]:
            if value:
                entry["location"]["timezone"] = value
            else:
                entry["location"].pop("timezone")
        elif f == "sample":
            _put(entry, f, value == "yes", after=AFTER[f])
        elif f in FIELDS:
            if not value and f != "name":
                entry.pop(f, None)
                continue
            if f == "verified_on":
                try:
                    _put(entry, f, dt.date.fromisoformat(value), after=AFTER[f])
                except ValueError:
                    _put(entry, f, value, after=AFTER[f])  # the validation reports it at the field
            else:
                _put(entry, f, value, after=AFTER.get(f, ""))
        else:  # a text in one language: "description_fr", "requirements_es"
            key, lang = f.rsplit("_", 1)
            texts = entry.get(key)
            if not isinstance(texts, dict):  # none yet, or one text for every language: one per language now
                texts = CommentedMap((g, v) for g, v in ((g, old[f"{key}_{g}"]) for g in LANGUAGES) if v)
                _put(entry, key, texts, after=AFTER[key])
            if value:
                texts[lang] = value
            else:
                texts.pop(lang, None)
            if not texts:
                entry.pop(key, None)
    return diff


def _set_phones(entry: CommentedMap, lines: list[str]) -> None:
    """One phone per line, ``number`` or ``number, type``; existing entries are updated in place."""
    phones = entry.get("phones")
    if not isinstance(phones, list):
        phones = CommentedSeq()
        _put(entry, "phones", phones, after="location")
    for i, line in enumerate(lines):
        number, _, kind = line.partition(",")
        number, kind = DoubleQuotedScalarString(number.strip()), kind.strip() or "voice"
        if i < len(phones) and isinstance(phones[i], dict):
            phones[i]["number"] = number
            if kind != "voice" or "type" in phones[i]:
                phones[i]["type"] = kind
        else:
            item = CommentedMap(number=number, type=kind)
            item.fa.set_flow_style()
            if i < len(phones):
                phones[i] = item
            else:
                phones.append(item)
    del phones[len(lines):]


def dump(doc: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


FIELD_KEY = {**{f: "location" for f in LOCATION}, **{f: f.rsplit("_", 1)[0] for f in TEXT_FIELDS}}


def _spans(text: str, sid: str) -> tuple[tuple[int, int], dict[str, tuple[int, int]]]:
    """0-based [start, end) line spans of service ``sid`` and of each of its keys, without the blank
    lines and comments that follow them (those belong to what comes next)."""
    lines = text.split("\n")
    entries = [e for e in _yaml().load(text)["services"] if isinstance(e, CommentedMap)]
    n = next(i for i, e in enumerate(entries) if str(e.get("id")) == sid)
    entry = entries[n]

    def trim(start: int, end: int) -> tuple[int, int]:
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        return start, end

    stop = entries[n + 1].lc.line if n + 1 < len(entries) else len(lines)
    starts = sorted((entry.lc.key(k)[0], str(k)) for k in entry)
    keys = {k: trim(start, starts[i + 1][0] if i + 1 < len(starts) else stop) for i, (start, k) in enumerate(starts)}
    return trim(entry.lc.line, stop), keys


def splice(original: str, dumped: str, sid: str, changed: list[str]) -> str:
    """``original`` with only the lines of the changed keys of ``sid`` taken from ``dumped`` (the
    whole document re-written by ruamel): every other line, long lines wrapped by hand included,
    stays byte for byte."""
    keys = {FIELD_KEY.get(f, f) for f in changed}
    old_entry, old_keys = _spans(original, sid)
    new_entry, new_keys = _spans(dumped, sid)
    lines, new = original.split("\n"), dumped.split("\n")
    if not keys <= (set(old_keys) & set(new_keys)):  # a key added or removed: the entry as ruamel writes it
        replacements = [(old_entry, new_entry)]
    else:
        replacements = [(old_keys[k], new_keys[k]) for k in keys]
    for (a, b), (c, d) in sorted(replacements, reverse=True):
        lines[a:b] = new[c:d]
    return "\n".join(lines)


# --- validation ---------------------------------------------------------------------------------
@dataclass
class Checked:
    errors: dict[str, list[str]] = field(default_factory=dict)  # form field (or "" for the entry) -> messages
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _entry_at(text: str, sid: str, line: int) -> CommentedMap | None:
    """Service ``sid`` of ``text`` when the 1-based ``line`` lies within its lines, else None."""
    doc = _yaml().load(text)
    entries = [e for e in doc.get("services") or [] if isinstance(e, CommentedMap)]
    for n, entry in enumerate(entries):
        if str(entry.get("id")) != sid:
            continue
        end = entries[n + 1].lc.line + 1 if n + 1 < len(entries) else 10**9
        return entry if entry.lc.line + 1 <= line < end else None
    return None


def _field_of_line(text: str, sid: str, line: int) -> str:
    """The form field the 1-based ``line`` of ``text`` belongs to, within service ``sid`` ("" if none)."""
    entry = _entry_at(text, sid, line)
    if entry is None:
        return ""
    key = _key_at(entry, line)
    if key == "location" and isinstance(entry["location"], CommentedMap):
        sub = _key_at(entry["location"], line)
        return sub if sub in LOCATION or sub == "timezone" else ""
    if key in TEXTS and isinstance(entry[key], CommentedMap):
        sub = f"{key}_{_key_at(entry[key], line)}"
        return sub if sub in TEXT_FIELDS else ""
    return KEY_FIELD.get(key, "")


def _key_at(mapping: CommentedMap, line: int) -> str:
    """The key of ``mapping`` whose lines hold the 1-based ``line`` (the last key starting before it)."""
    starts = sorted((mapping.lc.key(k)[0] + 1, str(k)) for k in mapping)
    before = [k for start, k in starts if start <= line]
    return before[-1] if before else ""


def check(located: Located, new_text: str) -> Checked:
    """Validate the folder as it would be with ``new_text`` in place of the file: ``bot kb validate``'s
    rules, on a copy, so nothing is written when it fails. Errors of this file are mapped to fields."""
    from bot.places.gazetteer import get_gazetteer

    sid = str(located.entry.get("id"))
    result = Checked()
    with tempfile.TemporaryDirectory(prefix="kb-check-") as tmp:
        copy = Path(tmp) / root().name
        shutil.copytree(root(), copy)
        (copy / located.rel).write_text(new_text, encoding="utf-8")
        loaded = load_knowledge(copy, get_gazetteer())
    display = str(Path(root().name) / located.rel)
    for p in loaded.problems:
        if p.file != display:
            continue  # other files' problems do not depend on this edit
        if p.severity == "error":
            result.errors.setdefault(_field_of_line(new_text, sid, p.line), []).append(p.message)
        elif _entry_at(new_text, sid, p.line) is not None:  # a warning about this service (by line, not wording)
            result.warnings.append(p.message)
    return result


def write(path: Path, text: str, expected: str) -> None:
    """Replace ``path`` atomically (a reader sees the old file or the new one, never half) if it is
    still at version ``expected``; otherwise raise :class:`Conflict`."""
    if digest(path.read_text(encoding="utf-8")) != expected:
        raise Conflict
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise





@dataclass
class Edit:
    located: Located
    diff: dict[str, list[str]]
    text: str  # the file as it would be written
    checked: Checked


def prepare(sid: str, new: dict[str, str]) -> Edit | None:
    """The file with ``new`` values for service ``sid``, validated; nothing written."""
    located = find(sid)
    if located is None:
        return None
    original = Located(located.path, located.text, located.doc, located.entry)
    diff = apply(located.entry, new)
    text = splice(original.text, dump(located.doc), sid, list(diff)) if diff else original.text
    return Edit(original, diff, text, check(original, text) if diff else Checked())
