"""Read the knowledge folder into a :class:`KnowledgeBase`, reporting ``file:line: problem``.

Every problem is collected (not only the first) so that staff can fix a file in one go. A folder
with any error is not used by the bot: :class:`bot.knowledge.store.KnowledgeStore` keeps serving
the previous knowledge until the folder is valid again.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot import LANGUAGES, clock
from bot.knowledge.checks import ISO_639_1, check_coordinates, check_phone
from bot.knowledge.hours import Hours, HoursError, parse_hours
from bot.knowledge.model import (
    EMERGENCY_KINDS,
    PLACE_STATUSES,
    Category,
    Country,
    CrisisLine,
    Deployment,
    EmergencyNumber,
    ExtraPlace,
    KnowledgeBase,
    Phone,
    RedCross,
    RightsEntry,
    Service,
    SexualViolenceCare,
    Source,
)
from bot.knowledge.yamlsrc import LineDict, LineList, Problem, YamlError
from bot.textnorm import fold as _fold

DEFAULT_CATEGORIES = (
    "medical",
    "shelter",
    "food",
    "family_links",
    "legal",
    "psychosocial",
    "water_hygiene",
    "connectivity",
    "protection",
)
RIGHTS_TOPICS = ("asylum", "detention", "health", "children", "deportation")
PHONE_TYPES = ("voice", "whatsapp", "sms")
COSTS = ("free", "low_cost", "paid")
STALE_AFTER_DAYS = 90
RIGHTS_STALE_AFTER_DAYS = 365
EXPIRY_WARNING_DAYS = 60  # a rights entry with valid_until is flagged this long before it stops being shown
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


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


class _Reader:
    """Collects problems while reading one file."""

    def __init__(self, display: str, problems: list[Problem], gazetteer: Any = None, today: date | None = None):
        self.file = display
        self.problems = problems
        self.gazetteer = gazetteer
        self.today = today or clock.today()

    def error(self, line: int, message: str, code: str = "") -> None:
        self.problems.append(Problem(self.file, line, message, "error", code))

    def warn(self, line: int, message: str, code: str = "") -> None:
        self.problems.append(Problem(self.file, line, message, "warning", code))

    # --- typed field access -------------------------------------------------------------
    def text(self, d: LineDict, key: str, required: bool = False, what: str = "") -> str:
        value = d.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(d.line, f"{what or 'this entry'} has no '{key}'; add '{key}: ...'")
            return ""
        if isinstance(value, (dict, list)):
            self.error(d.line_of(key), f"'{key}' must be plain text, not a list or mapping")
            return ""
        return str(value).strip()

    def texts(self, d: LineDict, key: str, required: bool = False, what: str = "") -> dict[str, str]:
        """A text per language: ``{es: ..., en: ...}``; a plain string counts as every language."""
        value = d.get(key)
        if value is None:
            if required:
                self.error(d.line, f"{what or 'this entry'} has no '{key}'; add '{key}: {{es: ..., en: ...}}'")
            return {}
        if isinstance(value, str):
            return {"*": value.strip()}
        if not isinstance(value, dict):
            self.error(d.line_of(key), f"'{key}' must be a text per language, like {{es: ..., en: ...}}")
            return {}
        out = {}
        for lang, text in value.items():
            if lang not in LANGUAGES and lang != "*":
                self.warn(
                    value.line_of(lang) if isinstance(value, LineDict) else d.line_of(key),
                    f"'{lang}' is not one of the bot's languages ({', '.join(LANGUAGES)}); it is ignored",
                )
                continue
            if text is not None and str(text).strip():
                out[lang] = str(text).strip()
        return out

    def number(self, d: LineDict, key: str, low: float, high: float, what: str) -> float | None:
        value = d.get(key)
        if value is None:
            self.error(d.line, f"{what} has no '{key}'; add it as a decimal number such as 14.9061")
            return None
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            self.error(d.line_of(key), f"'{key}' must be a decimal number such as 14.9061, not '{value}'")
            return None
        if not low <= number <= high:
            self.error(d.line_of(key), f"'{key}' is {number}, outside {low}..{high}; check for a typo")
            return None
        return number

    def day(self, d: LineDict, key: str, required: bool = False) -> date | None:
        value = d.get(key)
        if value is None:
            if required:
                self.error(d.line, f"this entry has no '{key}'; add the date as YYYY-MM-DD")
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            self.error(d.line_of(key), f"'{key}' is '{value}', not a date; write it as YYYY-MM-DD")
            return None

    def strings(self, d: LineDict, key: str) -> list[str]:
        value = d.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list):
            self.error(d.line_of(key), f"'{key}' must be a list, like [a, b]")
            return []
        return [str(v).strip() for v in value if v is not None and str(v).strip()]

    def items(self, d: LineDict, key: str) -> LineList:
        """The list under ``key`` (empty when absent); anything but a list is reported."""
        value = d.get(key)
        if value is None:
            return LineList()
        if not isinstance(value, LineList):
            self.error(d.line_of(key), f"'{key}' must be a list (lines starting with '- ')")
            return LineList()
        return value

    def mapping(self, value: Any, line: int, what: str) -> LineDict | None:
        if not isinstance(value, LineDict):
            self.error(line, f"{what} must be a mapping of 'field: value' lines")
            return None
        return value


def _resolve_any(texts: dict[str, str]) -> dict[str, str]:
    """Expand a plain string (``*``) to every language."""
    if "*" in texts:
        return {lang: texts["*"] for lang in LANGUAGES}
    return texts


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
        problems.append(Problem(str(root), 0, "the knowledge folder does not exist; check BOT_KNOWLEDGE_DIR"))
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
        _read_categories(_Reader(display(path), problems), doc, kb)
    for code in DEFAULT_CATEGORIES:
        kb.categories.setdefault(code, Category(code, {"en": code.replace("_", " ")}))
    for path, doc in parsed("countries"):
        _read_country(_Reader(display(path), problems), doc, kb)
    for path, doc in parsed("places"):
        _read_places(_Reader(display(path), problems), doc, kb)
    read_services_files(by_kind.get("services", []), display, kb, problems, {_fold(p.name) for p in kb.places},
                        gazetteer, today, _read_services, closed_places_named,
                        lambda shown, found: _Reader(shown, found, gazetteer, today), cache_dir)
    for path, doc in parsed("rights"):
        _read_rights(_Reader(display(path), problems, gazetteer, today), doc, kb)
    for path, doc in parsed("deployment"):
        _read_deployment(_Reader(display(path), problems), doc, kb)
    problems.extend(closed_places_named(replace(kb, services=[])))  # the services': per file, with them
    known = {"categories", "countries", "places", "services", "rights", "deployment"}
    for kind, paths in by_kind.items():
        if kind not in known:
            for path in paths:
                problems.append(
                    Problem(display(path), 1, f"the bot does not read '{kind}'; put the file under one of: "
                            + ", ".join(sorted(known)), "warning")
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


def _top_list(r: _Reader, doc: Any, key: str, example: str) -> LineList:
    if doc is None:
        r.warn(1, "the file is empty")
        return LineList()
    if not isinstance(doc, LineDict) or not isinstance(doc.get(key), list):
        r.error(getattr(doc, "line", 1), f"the file must start with '{key}:' followed by a list ({example})")
        return LineList()
    return doc[key]


def _read_categories(r: _Reader, doc: Any, kb: KnowledgeBase) -> None:
    if not isinstance(doc, LineDict) or not isinstance(doc.get("categories"), dict):
        r.error(1, "the file must start with 'categories:' and one entry per code")
        return
    cats = doc["categories"]
    for code, body in cats.items():
        line = cats.line_of(code)
        if not re.match(r"^[a-z][a-z_]*$", str(code)):
            r.error(line, f"category code '{code}' must be lowercase letters and underscores")
            continue
        body = r.mapping(body, line, f"category '{code}'")
        if body is None:
            continue
        label = _resolve_any(r.texts(body, "label", required=True, what=f"category '{code}'"))
        missing = [lang for lang in LANGUAGES if lang not in label]
        if label and missing:
            r.warn(body.line_of("label"), f"category '{code}' has no label in {', '.join(missing)}")
        keywords = {}
        raw = body.get("keywords")
        if isinstance(raw, dict):
            keywords = {lang: tuple(str(k) for k in words) for lang, words in raw.items() if isinstance(words, list)}
        kb.categories[str(code)] = Category(str(code), label, keywords)


def _read_country(r: _Reader, doc: Any, kb: KnowledgeBase) -> None:
    d = r.mapping(doc, 1, "a country file")
    if d is None:
        return
    code = r.text(d, "code", required=True, what="the country").upper()
    if code and not _COUNTRY.match(code):
        r.error(d.line_of("code"), f"'{code}' is not an ISO 3166 two-letter country code such as MX")
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
            emergency.append(EmergencyNumber(number, _resolve_any(r.texts(e, "label")), r.text(e, "source"),
                                             tuple(k for k in kinds if k in EMERGENCY_KINDS),
                                             _resolve_any(r.texts(e, "short"))))
    if code and not emergency:
        r.error(d.line, f"country {code} has no emergency number; the bot must always be able to give one")
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
            r.error(c.line_of("hours"), str(exc))
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
                r.error(sv.line_of("free_by_law"), "'free_by_law' must be true or false")
                free = False
            source = r.text(sv, "source")
            if free and not source:
                r.error(sv.line, "'free_by_law: true' needs the 'source' (the law) that says so")
            care = SexualViolenceCare(free, source, _resolve_any(r.texts(sv, "note")))
    if code:
        if code in kb.countries:
            r.error(d.line_of("code"), f"country {code} is described twice; keep one file per country")
        kb.countries[code] = Country(
            code=code,
            name=_resolve_any(r.texts(d, "name", required=True, what=f"country {code}")),
            phone_prefix=str(d.get("phone_prefix") or "").lstrip("+").strip(),
            timezone=r.text(d, "timezone"),
            emergency=tuple(emergency),
            red_cross=red_cross,
            crisis_lines=tuple(lines),
            sexual_violence_care=care,
        )


def _read_places(r: _Reader, doc: Any, kb: KnowledgeBase) -> None:
    if not isinstance(doc, LineDict):
        r.error(1, "the file must have 'places:' and/or 'aliases:' lists")
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
        if alias and target:
            kb.places.append(ExtraPlace(alias, country, alias_of=target, file=r.file, line=a.line))


def _read_services(
    r: _Reader, doc: Any, kb: KnowledgeBase, seen: dict[str, str], place_names: set[str] | None = None
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
            r.error(s.line_of("id"), f"the id '{service.id}' is already used at {seen[service.id]}; give each service its own id")
            continue
        seen[service.id] = f"{r.file}:{s.line_of('id')}"
        kb.services.append(service)


def read_service(
    r: _Reader, s: LineDict, categories: dict[str, Category], place_names: set[str] | None = None
) -> Service | None:
    """One service entry; ``None`` (with problems recorded) when it cannot be used."""
    ok = True
    sid = r.text(s, "id", required=True, what="the service")
    if sid and not _ID.match(sid):
        r.error(s.line_of("id"), f"the id '{sid}' may hold only lowercase letters, digits and dashes")
        ok = False
    what = f"service '{sid or '?'}'"
    name = r.text(s, "name", required=True, what=what)
    cats = r.strings(s, "categories")
    if not cats:
        r.error(s.line, f"{what} has no 'categories'; add e.g. 'categories: [medical]'")
        ok = False
    for c in cats:
        if c not in categories and c not in DEFAULT_CATEGORIES:
            r.error(s.line_of("categories"), f"'{c}' is not a category code; use one of "
                    + ", ".join(sorted(set(categories) | set(DEFAULT_CATEGORIES)))
                    + " (or add it to categories.yml)")
            ok = False
    loc = s.get("location")
    if not isinstance(loc, LineDict):
        r.error(s.line_of("location"), f"{what} has no 'location' with latitude, longitude and country")
        return None
    lat = r.number(loc, "latitude", -90, 90, what)
    lon = r.number(loc, "longitude", -180, 180, what)
    country = r.text(loc, "country", required=True, what=f"the location of {what}").upper()
    if country and not _COUNTRY.match(country):
        r.error(loc.line_of("country"), f"'{country}' is not an ISO 3166 two-letter country code such as MX")
        ok = False
    phones = []
    phone_list = r.items(s, "phones")
    for j, p in enumerate(phone_list):
        pline = phone_list.line_of(j)
        if isinstance(p, (str, int)):
            phones.append(Phone(str(p)))
            continue
        p = r.mapping(p, pline, "a phone")
        if p is None:
            continue
        kind = r.text(p, "type") or "voice"
        if kind not in PHONE_TYPES:
            r.error(p.line_of("type"), f"phone type '{kind}' is not one of {', '.join(PHONE_TYPES)}")
        number = r.text(p, "number", required=True, what="the phone")
        if number:
            phones.append(Phone(number, kind))
    hours = _service_hours(r, s, what)
    if hours is None:
        hours = parse_hours(None)
        ok = False
    languages = r.strings(s, "languages")
    for lang in languages:
        if lang.lower() not in ISO_639_1:
            r.error(s.line_of("languages"), f"'{lang}' is not an ISO 639-1 language code such as es, en, fr, ht, pt")
            ok = False
    cost = r.text(s, "cost")
    if cost and cost not in COSTS:
        r.warn(s.line_of("cost"), f"cost '{cost}' is not one of {', '.join(COSTS)}; the bot shows it as written")
    sample = s.get("sample", False)
    if not isinstance(sample, bool):
        r.error(s.line_of("sample"), "'sample' must be true or false")
        sample = True
    verified = r.day(s, "verified_on")
    if verified and (r.today - verified).days > STALE_AFTER_DAYS:
        r.warn(s.line_of("verified_on"), f"{what} was last verified on {verified} (more than {STALE_AFTER_DAYS} days ago); "
               "check it with the service and update verified_on")
    elif verified is None and not sample:
        r.warn(s.line, f"{what} has no 'verified_on'; add the date someone last checked it")
    if verified and verified > r.today:
        r.error(s.line_of("verified_on"), f"verified_on {verified} is in the future")
    for j, p in enumerate(phones):
        pline = s["phones"].line_of(j) if isinstance(s.get("phones"), LineList) else s.line
        problem = check_phone(p.number, country, sample)
        if problem:
            r.error(pline, f"{what}: {problem}")
            ok = False
    if lat is not None and lon is not None and country and r.gazetteer is not None:
        problem = check_coordinates(r.gazetteer, lat, lon, country)
        if problem:
            r.error(loc.line_of("latitude"), f"{what}: {problem}")
            ok = False
    place = r.text(loc, "place")
    if place and r.gazetteer is not None and _fold(place) not in r.gazetteer.by_name and _fold(place) not in (place_names or ()):
        r.warn(loc.line_of("place"), f"the place '{place}' is not a known town; fix the spelling or add it to knowledge/places")
    if not ok or lat is None or lon is None or not name or not sid or not country:
        return None
    return Service(
        id=sid,
        name=name,
        categories=tuple(cats),
        latitude=lat,
        longitude=lon,
        country=country,
        organization=r.text(s, "organization"),
        description=_resolve_any(r.texts(s, "description")),
        address=r.text(loc, "address"),
        place=r.text(loc, "place"),
        phones=tuple(phones),
        hours=hours,
        timezone=r.text(s, "timezone") or r.text(loc, "timezone"),
        languages=tuple(languages),
        cost=cost,
        population=tuple(r.strings(s, "population")),
        requirements=_resolve_any(r.texts(s, "requirements")),
        referral=r.text(s, "referral"),
        email=r.text(s, "email"),
        url=r.text(s, "url"),
        verified_on=verified,
        source=r.text(s, "source"),
        sample=sample,
        file=r.file,
        line=s.line,
    )


def _service_hours(r: _Reader, s: LineDict, what: str) -> Hours | None:
    """The service's hours, exceptions by date included; a bad line is reported at its own line."""
    raw = s.get("hours")
    try:
        hours = parse_hours(raw)
    except HoursError as exc:
        line = s.line_of("hours")
        if isinstance(raw, LineList):
            for j, item in enumerate(raw):
                try:
                    parse_hours([item])
                except HoursError:
                    line = raw.line_of(j)
                    break
        r.error(line, str(exc))
        return None
    spans = sorted((e.first, e.last) for e in hours.exceptions)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        if start <= end:
            r.error(s.line_of("hours"), f"{what}: two exceptions both cover {start}; keep one line per date")
            return None
    if hours.exceptions and not hours.known:
        r.warn(s.line_of("hours"), f"{what} has exceptions by date but no weekly hours; add them (or '24/7') so "
               "the bot can tell when it is open")
    return hours


def _read_rights(r: _Reader, doc: Any, kb: KnowledgeBase) -> None:
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
            r.error(e.line_of("topic"), f"topic '{topic}' is not one of {', '.join(RIGHTS_TOPICS)}")
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
                   "12 months ago; check the law and the sources again, then update reviewed_on")
        valid_until = r.day(e, "valid_until")
        if valid_until is not None and r.today > valid_until:
            r.error(e.line_of("valid_until"), f"the {topic} entry for {country} was valid until {valid_until}; the bot "
                    "no longer shows it: update the text and valid_until, or remove the entry", "rights_expired")
        elif valid_until is not None and (valid_until - r.today).days <= EXPIRY_WARNING_DAYS:
            r.warn(e.line_of("valid_until"), f"the {topic} entry for {country} is valid until {valid_until} "
                   f"({(valid_until - r.today).days} days left); check whether the measure is extended", "rights_expiring")
        text = _resolve_any(r.texts(e, "text", required=True, what=f"the {topic} entry"))
        missing = [lang for lang in LANGUAGES if lang not in text]
        if text and missing:
            r.warn(e.line_of("text"), f"the {topic} entry for {country} has no text in {', '.join(missing)}")
        if (country, topic) in kb.rights:
            r.error(e.line_of("topic"), f"{country} has two '{topic}' entries; keep one")
        if country and topic and text:
            kb.rights[(country, topic)] = RightsEntry(
                country, topic, text, tuple(sources), reviewed,
                tuple(r.strings(e, "needs_review")), r.file, e.line, valid_until,
            )


def _read_deployment(r: _Reader, doc: Any, kb: KnowledgeBase) -> None:
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
        r.error(d.line_of("retention_days"), "retention_days must be a whole number of days, 0 or more")
        days = 30
    kb.deployment = Deployment(
        organization=name or Deployment.organization,
        contact=contact,
        website=website,
        retention_days=days,
        data_policy=_resolve_any(r.texts(d, "data_policy")),
    )
