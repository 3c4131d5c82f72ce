"""Read the knowledge folder into a :class:`KnowledgeBase`, reporting ``file:line: problem``.

Every problem is collected (not only the first) so that staff can fix a file in one go. A folder
with any error is not used by the bot: :class:`bot.knowledge.store.KnowledgeStore` keeps serving
the previous knowledge until the folder is valid again.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from bot import LANGUAGES
from bot.knowledge.hours import HoursError, parse_hours
from bot.knowledge.model import (
    ALIAS_KINDS,
    EMERGENCY_KINDS,
    PLACE_STATUSES,
    Category,
    Country,
    CrisisLine,
    Deployment,
    EmergencyNumber,
    ExtraPlace,
    KnowledgeBase,
    RedCross,
    RightsEntry,
    SexualViolenceCare,
    Source,
)
from bot.knowledge.reader import Reader, every_language
from bot.knowledge.schema import COSTS  # noqa: F401 - the staff console offers them
from bot.knowledge.services import COUNTRY, DEFAULT_CATEGORIES, STALE_AFTER_DAYS, read_service  # noqa: F401
from bot.knowledge.yamlsrc import LineDict, LineList, Problem, YamlError
from bot.textnorm import fold as _fold

RIGHTS_TOPICS = ("asylum", "detention", "health", "children", "deportation")
RIGHTS_STALE_AFTER_DAYS = 365
EXPIRY_WARNING_DAYS = 60  # a rights entry with valid_until is flagged this long before it stops being shown


@dataclass
class LoadResult:
    kb: KnowledgeBase
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def _fingerprint(files: list[Path]) -> str:
    h = hashlib.sha1()
    for f in files:
        st = f.stat()
        h.update(f"{f}:{st.st_mtime_ns}:{st.st_size}".encode())
    return h.hexdigest()


def knowledge_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def folder_fingerprint(root: Path) -> str:
    """Changes whenever a knowledge file is added, removed or edited."""
    return _fingerprint(knowledge_files(root))


def load_knowledge(root: Path | str, gazetteer: Any = None, today: date | None = None, *,
                   cache_dir: Path | None = None) -> LoadResult:
    """Read every file under ``root``; the result lists all problems found.

    With a ``gazetteer`` (``bot.places.get_gazetteer()``), coordinates are checked against the
    stated country and place names against the known towns. With a ``cache_dir``, services files
    that did not change are taken from the compiled cache (:mod:`bot.knowledge.cache`).
    """
    root = Path(root)
    problems: list[Problem] = []
    kb = KnowledgeBase()
    if not root.is_dir():
        problems.append(Problem(str(root), 0, "the knowledge folder does not exist; check BOT_KNOWLEDGE_DIR",
                                code="no_folder"))
        return LoadResult(kb, problems)
    files = knowledge_files(root)
    kb.fingerprint = _fingerprint(files)

    def display(path: Path) -> str:
        try:
            return str(path.relative_to(root.parent)) if root.parent != path else str(path)
        except ValueError:
            return str(path)

    by_kind: dict[str, list[Path]] = {}
    for path in files:
        rel = path.relative_to(root)
        by_kind.setdefault(rel.parts[0] if len(rel.parts) > 1 else rel.stem, []).append(path)

    from bot.knowledge.cache import parse_cached, read_services_files

    def parsed(kind: str):
        """Each file of ``kind``, parsed one at a time: a large folder never sits in memory whole."""
        for path in by_kind.get(kind, []):
            try:
                yield path, parse_cached(path, display(path), cache_dir)
            except YamlError as exc:
                problems.append(exc.problem)

    for path, doc in parsed("categories"):
        _read_categories(Reader(display(path), problems), doc, kb)
    for code in DEFAULT_CATEGORIES:
        kb.categories.setdefault(code, Category(code, {"en": code.replace("_", " ")}))
    for path, doc in parsed("countries"):
        _read_country(Reader(display(path), problems), doc, kb)
    for path, doc in parsed("places"):
        _read_places(Reader(display(path), problems, gazetteer, today), doc, kb)
    read_services_files(by_kind.get("services", []), display, kb, problems, {_fold(p.name) for p in kb.places},
                        gazetteer, today, _read_services, closed_places_named,
                        lambda shown, found: Reader(shown, found, gazetteer, today), cache_dir)
    for path, doc in parsed("rights"):
        _read_rights(Reader(display(path), problems, gazetteer, today), doc, kb)
    for path, doc in parsed("deployment"):
        _read_deployment(Reader(display(path), problems), doc, kb)
    problems.extend(closed_places_named(replace(kb, services=[])))  # the services': per file, with them
    known = {"categories", "countries", "places", "services", "rights", "deployment"}
    for kind, paths in by_kind.items():
        if kind not in known:
            for path in paths:
                problems.append(
                    Problem(display(path), 1, f"the bot does not read '{kind}'; put the file under one of: "
                            + ", ".join(sorted(known)), "warning", "unknown_folder")
                )
    return LoadResult(kb, problems)


def closed_places_named(kb: KnowledgeBase) -> list[Problem]:
    """A rights or service text that names a place the knowledge marks closed, as errors.

    Two files saying opposite things (a rights text sending people to a station a places file says
    closed) is how people get sent to an empty site; a closed place may only be named in its own entry.
    """
    closed = {}
    for p in kb.places:
        if p.status == "closed":
            for name in (p.name, *p.aliases):
                if len(_fold(name).split()) >= 2 or len(_fold(name)) >= 6:  # a short alias would match ordinary words
                    closed[_fold(name)] = p
    if not closed:
        return []
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(closed, key=len, reverse=True)) + r")\b")
    found: list[Problem] = []

    def check(texts: dict[str, str], file: str, line: int, what: str) -> None:
        for lang, text in texts.items():
            m = pattern.search(_fold(text))
            if m:
                place = closed[m.group(1)]
                found.append(Problem(file, line, f"{what} ({lang}) names '{place.name}', which {place.file} marks closed "
                                     f"since {place.closed_on}; do not send people there", "error", "closed_place_named"))
                return

    for entry in kb.rights.values():
        check(entry.text, entry.file, entry.line, f"the {entry.topic} rights text for {entry.country}")
    for s in kb.services:
        check({"*": " ".join((s.name, s.address, s.place))} | s.description | s.requirements, s.file, s.line,
              f"service '{s.id}'")
    return found


def _top_list(r: Reader, doc: Any, key: str, example: str) -> LineList:
    if doc is None:
        r.warn(1, "the file is empty", code="empty_file")
        return LineList()
    if not isinstance(doc, LineDict) or not isinstance(doc.get(key), list):
        r.error(getattr(doc, "line", 1), f"the file must start with '{key}:' followed by a list ({example})", code="bad_layout")
        return LineList()
    return doc[key]


def _read_categories(r: Reader, doc: Any, kb: KnowledgeBase) -> None:
    if not isinstance(doc, LineDict) or not isinstance(doc.get("categories"), dict):
        r.error(1, "the file must start with 'categories:' and one entry per code", code="bad_layout")
        return
    cats = doc["categories"]
    for code, body in cats.items():
        line = cats.line_of(code)
        if not re.match(r"^[a-z][a-z_]*$", str(code)):
            r.error(line, f"category code '{code}' must be lowercase letters and underscores", code="bad_code")
            continue
        body = r.mapping(body, line, f"category '{code}'")
        if body is None:
            continue
        label = every_language(r.texts(body, "label", required=True, what=f"category '{code}'"))
        missing = [lang for lang in LANGUAGES if lang not in label]
        if label and missing:
            r.warn(body.line_of("label"), f"category '{code}' has no label in {', '.join(missing)}", code="missing_translation", field="label")
        keywords = {}
        raw = body.get("keywords")
        if isinstance(raw, dict):
            keywords = {lang: tuple(str(k) for k in words) for lang, words in raw.items() if isinstance(words, list)}
        kb.categories[str(code)] = Category(str(code), label, keywords)


def _read_country(r: Reader, doc: Any, kb: KnowledgeBase) -> None:
    d = r.mapping(doc, 1, "a country file")
    if d is None:
        return
    code = r.text(d, "code", required=True, what="the country").upper()
    if code and not COUNTRY.match(code):
        r.error(d.line_of("code"), f"'{code}' is not an ISO 3166 two-letter country code such as MX", code="bad_country", field="code")
        return
    emergency = []
    for i, e in enumerate(r.items(d, "emergency")):
        e = r.mapping(e, d["emergency"].line_of(i), "an emergency number")
        if e is None:
            continue
        number = r.text(e, "number", required=True, what="the emergency number")
        kinds = r.strings(e, "kinds")
        if number and not kinds:
            r.error(e.line, f"emergency number {number} has no 'kinds'; say what it answers, e.g. 'kinds: [ambulance]' "
                    f"(one or more of {', '.join(EMERGENCY_KINDS)}), so the bot can put the right number first", "emergency_kinds")
        wrong = [k for k in kinds if k not in EMERGENCY_KINDS]
        if wrong:
            r.error(e.line_of("kinds"), f"'{', '.join(wrong)}' is not a kind of emergency number; use "
                    + ", ".join(EMERGENCY_KINDS), "emergency_kinds")
        if number:
            emergency.append(EmergencyNumber(number, every_language(r.texts(e, "label")), r.text(e, "source"),
                                             tuple(k for k in kinds if k in EMERGENCY_KINDS),
                                             every_language(r.texts(e, "short"))))
    if code and not emergency:
        r.error(d.line, f"country {code} has no emergency number; the bot must always be able to give one", code="no_emergency_number", field="emergency")
    red_cross = None
    if d.get("red_cross") is not None:
        rc = r.mapping(d["red_cross"], d.line_of("red_cross"), "red_cross")
        if rc is not None:
            red_cross = RedCross(
                r.text(rc, "name", required=True, what="red_cross"),
                r.text(rc, "phone"),
                r.text(rc, "website"),
                r.text(rc, "source"),
            )
    lines = []
    for i, c in enumerate(r.items(d, "crisis_lines")):
        c = r.mapping(c, d["crisis_lines"].line_of(i), "a crisis line")
        if c is None:
            continue
        try:
            hours = parse_hours(c.get("hours"))
        except HoursError as exc:
            r.error(c.line_of("hours"), str(exc), code="bad_hours", field="hours")
            hours = parse_hours(None)
        scope = r.text(c, "scope")
        if scope not in ("national", "local"):
            r.error(c.line_of("scope") if scope else c.line, "a crisis line needs 'scope: national' (works from the whole "
                    "country) or 'scope: local' with 'area: ...' (works only there); the bot never presents a local line "
                    "as the country's", "crisis_line_scope")
        area = r.text(c, "area")
        if scope == "local" and not area:
            r.error(c.line, "a local crisis line needs 'area: ...' (the cities or regions where it works)", "crisis_line_scope")
        lines.append(CrisisLine(r.text(c, "name"), r.text(c, "number", required=True, what="the crisis line"),
                                hours, r.text(c, "source"), scope != "local", area))
    care = SexualViolenceCare()
    if d.get("sexual_violence_care") is not None:
        sv = r.mapping(d["sexual_violence_care"], d.line_of("sexual_violence_care"), "sexual_violence_care")
        if sv is not None:
            free = sv.get("free_by_law", False)
            if not isinstance(free, bool):
                r.error(sv.line_of("free_by_law"), "'free_by_law' must be true or false", code="not_flag", field="free_by_law")
                free = False
            source = r.text(sv, "source")
            if free and not source:
                r.error(sv.line, "'free_by_law: true' needs the 'source' (the law) that says so", code="missing", field="source")
            care = SexualViolenceCare(free, source, every_language(r.texts(sv, "note")))
    if code:
        if code in kb.countries:
            r.error(d.line_of("code"), f"country {code} is described twice; keep one file per country", code="duplicate_country", field="code")
        kb.countries[code] = Country(
            code=code,
            name=every_language(r.texts(d, "name", required=True, what=f"country {code}")),
            phone_prefix=str(d.get("phone_prefix") or "").lstrip("+").strip(),
            timezone=r.text(d, "timezone"),
            emergency=tuple(emergency),
            red_cross=red_cross,
            crisis_lines=tuple(lines),
            sexual_violence_care=care,
        )


def _read_places(r: Reader, doc: Any, kb: KnowledgeBase) -> None:
    if not isinstance(doc, LineDict):
        r.error(1, "the file must have 'places:' and/or 'aliases:' lists", code="bad_layout")
        return
    for i, p in enumerate(r.items(doc, "places")):
        p = r.mapping(p, doc["places"].line_of(i), "a place")
        if p is None:
            continue
        name = r.text(p, "name", required=True, what="the place")
        country = r.text(p, "country", required=True, what=f"place '{name}'").upper()
        lat = r.number(p, "latitude", -90, 90, f"place '{name}'")
        lon = r.number(p, "longitude", -180, 180, f"place '{name}'")
        status = r.text(p, "status") or "open"
        if status not in PLACE_STATUSES:
            r.error(p.line_of("status"), f"status '{status}' is not one of {', '.join(PLACE_STATUSES)}", "place_status")
        closed_on = r.day(p, "closed_on")
        source = r.text(p, "source")
        if status == "closed" and (closed_on is None or not source):
            r.error(p.line_of("status"), f"place '{name}' is closed: add 'closed_on: YYYY-MM-DD' and the 'source' "
                    "that says so", "place_status")
        if closed_on is not None and status != "closed":
            r.error(p.line_of("closed_on"), f"place '{name}' has 'closed_on' but not 'status: closed'", "place_status")
        if name and country and lat is not None and lon is not None:
            kb.places.append(ExtraPlace(name, country, lat, lon, r.text(p, "admin1"), r.text(p, "kind"),
                                        tuple(r.strings(p, "aliases")), "", r.text(p, "timezone"),
                                        r.file, p.line, status, closed_on, source))
    for i, a in enumerate(r.items(doc, "aliases")):
        a = r.mapping(a, doc["aliases"].line_of(i), "an alias")
        if a is None:
            continue
        alias = r.text(a, "alias", required=True, what="the alias")
        target = r.text(a, "place", required=True, what=f"alias '{alias}'")
        country = r.text(a, "country").upper()
        kind = r.text(a, "kind")
        if kind and kind not in ALIAS_KINDS:
            r.error(a.line_of("kind"), f"alias '{alias}': kind '{kind}' is not one of {', '.join(ALIAS_KINDS)}", "alias_kind")
        if alias and target:
            kb.places.append(ExtraPlace(alias, country, kind=kind, alias_of=target, file=r.file, line=a.line))
            if not _alias_target_known(r.gazetteer, kb, target, country):
                r.warn(a.line, f"alias '{alias}': no town '{target}'{' in ' + country if country else ''} in the gazetteer "
                       "or in the places listed here, so the alias is ignored; name a town the gazetteer has ('bot place "
                       "NAME' shows it) or add the place under 'places:'", "alias_target")


def _alias_target_known(gazetteer: Any, kb: KnowledgeBase, target: str, country: str) -> bool:
    """An alias's town is one the resolver can find: a town of the gazetteer, or a place staff listed."""
    name = _fold(target)
    if any(_fold(p.name) == name and (not country or p.country == country) for p in kb.places if not p.alias_of):
        return True
    if gazetteer is None:
        return True  # nothing to check against (the resolver checks again when it loads)
    return any(not country or p.country == country for p in gazetteer.by_name.get(name, ()))


def _read_services(
    r: Reader, doc: Any, kb: KnowledgeBase, seen: dict[str, str], place_names: set[str] | None = None
) -> None:
    for i, s in enumerate(_top_list(r, doc, "services", "services: [- id: ..., name: ...]")):
        line = doc["services"].line_of(i)
        s = r.mapping(s, line, "a service")
        if s is None:
            continue
        service = read_service(r, s, kb.categories, place_names)
        if service is None:
            continue
        if service.id in seen:
            r.error(s.line_of("id"), f"the id '{service.id}' is already used at {seen[service.id]}; give each service its own id", code="duplicate_id", field="id")
            continue
        seen[service.id] = f"{r.file}:{s.line_of('id')}"
        kb.services.append(service)


def _read_rights(r: Reader, doc: Any, kb: KnowledgeBase) -> None:
    d = r.mapping(doc, 1, "a rights file")
    if d is None:
        return
    country = r.text(d, "country", required=True, what="the rights file").upper()
    for i, e in enumerate(_top_list(r, doc, "entries", "entries: [- topic: asylum, ...]")):
        e = r.mapping(e, d["entries"].line_of(i), "a rights entry")
        if e is None:
            continue
        topic = r.text(e, "topic", required=True, what="the rights entry")
        if topic and topic not in RIGHTS_TOPICS:
            r.error(e.line_of("topic"), f"topic '{topic}' is not one of {', '.join(RIGHTS_TOPICS)}", code="unknown_topic", field="topic")
            continue
        sources = []
        for src in r.items(e, "sources"):
            if isinstance(src, str):
                sources.append(Source(src))
            elif isinstance(src, LineDict):
                title = r.text(src, "title", required=True, what="the source")
                sources.append(Source(title, r.text(src, "url")))
        if not sources:
            r.error(e.line, f"the {topic} entry for {country} has no 'sources'; every rights text must cite its law or official page",
                    "rights_no_source")
        reviewed = r.day(e, "reviewed_on", required=True)
        if reviewed and (r.today - reviewed).days > RIGHTS_STALE_AFTER_DAYS:
            r.warn(e.line_of("reviewed_on"), f"the {topic} entry for {country} was reviewed on {reviewed}, more than "
                   "12 months ago; check the law and the sources again, then update reviewed_on", code="stale", field="reviewed_on")
        valid_until = r.day(e, "valid_until")
        if valid_until is not None and r.today > valid_until:
            r.error(e.line_of("valid_until"), f"the {topic} entry for {country} was valid until {valid_until}; the bot "
                    "no longer shows it: update the text and valid_until, or remove the entry", "rights_expired")
        elif valid_until is not None and (valid_until - r.today).days <= EXPIRY_WARNING_DAYS:
            r.warn(e.line_of("valid_until"), f"the {topic} entry for {country} is valid until {valid_until} "
                   f"({(valid_until - r.today).days} days left); check whether the measure is extended", "rights_expiring")
        text = every_language(r.texts(e, "text", required=True, what=f"the {topic} entry"))
        missing = [lang for lang in LANGUAGES if lang not in text]
        if text and missing:
            r.warn(e.line_of("text"), f"the {topic} entry for {country} has no text in {', '.join(missing)}", code="missing_translation", field="text")
        if (country, topic) in kb.rights:
            r.error(e.line_of("topic"), f"{country} has two '{topic}' entries; keep one", code="duplicate_topic", field="topic")
        if country and topic and text:
            kb.rights[(country, topic)] = RightsEntry(
                country, topic, text, tuple(sources), reviewed,
                tuple(r.strings(e, "needs_review")), r.file, e.line, valid_until,
            )


def _read_deployment(r: Reader, doc: Any, kb: KnowledgeBase) -> None:
    d = r.mapping(doc, 1, "deployment.yml")
    if d is None:
        return
    org = d.get("organization")
    name = contact = website = ""
    if isinstance(org, LineDict):
        name, contact, website = r.text(org, "name"), r.text(org, "contact"), r.text(org, "website")
    elif isinstance(org, str):
        name = org
    days = d.get("retention_days", 30)
    if not isinstance(days, int) or days < 0:
        r.error(d.line_of("retention_days"), "retention_days must be a whole number of days, 0 or more", code="not_number", field="retention_days")
        days = 30
    kb.deployment = Deployment(
        organization=name or Deployment.organization,
        contact=contact,
        website=website,
        retention_days=days,
        data_policy=every_language(r.texts(d, "data_policy")),
    )
