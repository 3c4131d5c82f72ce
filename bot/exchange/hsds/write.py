"""Export: the knowledge base as an HSDS 3.0 package (a folder or a .zip)."""

from __future__ import annotations

import csv
import io
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot import LANGUAGES, clock
from bot.exchange.hsds.spec import (
    DAY_CODES,
    NAMESPACE,
    OUR_ID_TYPE,
    OUR_TAXONOMY,
    SPEC,
    Resource,
    datapackage,
    is_uuid,
)
from bot.exchange.hsds.times import hhmm, hours_lines
from bot.exchange.tabular import formula_safe
from bot.knowledge.model import KnowledgeBase, Service
from bot.knowledge.schema import FIELDS, LANGUAGE_NAMES, SERVICE


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))




def _primary(texts: dict[str, str]) -> str:
    for lang in LANGUAGES:
        if texts.get(lang):
            return texts[lang]
    return next(iter(texts.values()), "")


def _offset(zone: str) -> str:
    try:
        delta = clock.now().astimezone(ZoneInfo(zone)).utcoffset()
    except Exception:
        return ""
    if delta is None:
        return ""
    hours = delta.total_seconds() / 3600
    return str(int(hours)) if hours.is_integer() else str(hours)

# Values HSDS 3.0 requires that the knowledge base does not hold: an export leaves them empty (and says so).
NOT_HELD = ("address.state_province", "address.postal_code")


@dataclass
class ExportResult:
    services: int
    left_out_samples: int
    notes: list[str] = field(default_factory=list)


def package_tables(kb: KnowledgeBase, today: date) -> tuple[dict[str, list[dict[str, Any]]], ExportResult]:
    """The HSDS rows of every non-sample service, table by table."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SPEC}
    services = [s for s in kb.services if not s.sample]
    result = ExportResult(len(services), len(kb.services) - len(services))
    orgs: dict[str, str] = {}
    term_ids: dict[tuple[str, str], str] = {}
    taxonomy_ids: dict[str, str] = {}

    def taxonomy(kind: str) -> str:
        if kind not in taxonomy_ids:
            taxonomy_ids[kind] = _uuid("taxonomy", kind)
            rows["taxonomy"].append({
                "id": taxonomy_ids[kind], "name": f"{OUR_TAXONOMY} {kind}",
                "description": FIELDS[kind].help,
                "version": today.isoformat()})
        return taxonomy_ids[kind]

    def term(kind: str, code: str) -> str:
        key = (kind, code)
        if key not in term_ids:
            term_ids[key] = _uuid("taxonomy_term", kind, code)
            label = kb.categories[code].label if kind == "categories" and code in kb.categories else {}
            name = label.get("en") or label.get("es") or code.replace("_", " ")
            description = " / ".join(f"{lang}: {label[lang]}" for lang in LANGUAGES if label.get(lang)) or name
            rows["taxonomy_term"].append({
                "id": term_ids[key], "code": code if kind == "categories" else f"{kind}:{code}", "name": name,
                "description": description, "taxonomy": f"{OUR_TAXONOMY} {kind}", "language": "en",
                "taxonomy_id": taxonomy(kind)})
        return term_ids[key]

    def organization(s: Service) -> str:
        name = s.organization or s.name
        if name not in orgs:
            orgs[name] = _uuid("organization", name)
            rows["organization"].append({"id": orgs[name], "name": name, "description": name})
        return orgs[name]

    for s in services:
        tail = s.id[len("hsds-"):] if s.id.startswith("hsds-") else ""
        sal_id = tail if is_uuid(tail) else _uuid("service_at_location", s.id)
        svc_id, loc_id = _uuid("service", s.id), _uuid("location", s.id)
        org_id = organization(s)
        service = {"id": svc_id, "organization_id": org_id, "status": "active",
                   "assured_date": s.verified_on.isoformat() if s.verified_on else ""}
        for f in SERVICE:  # the fields the schema maps to a column of services.csv
            if column := f.hsds_service_column:
                value = getattr(s, f.name)
                service[column] = _primary(value) if f.kind == "texts" else value
        rows["service"].append(service)
        rows["location"].append({
            "id": loc_id, "location_type": "physical", "organization_id": org_id, "name": s.name,
            "latitude": s.latitude, "longitude": s.longitude, "external_identifier": s.id,
            "external_identifier_type": OUR_ID_TYPE})
        rows["service_at_location"].append({"id": sal_id, "service_id": svc_id, "location_id": loc_id})
        rows["address"].append({
            "id": _uuid("address", s.id), "location_id": loc_id, "address_1": s.address or s.place,
            "city": s.place, "country": s.country, "address_type": "physical"})
        for i, p in enumerate(s.phones):
            rows["phone"].append({
                "id": _uuid("phone", s.id, str(i)), "service_id": svc_id, "number": p.number,
                "type": {"voice": "voice", "sms": "text", "whatsapp": "cell"}.get(p.type, "voice"),
                "description": "WhatsApp" if p.type == "whatsapp" else ""})
        periods: dict[tuple[int, int], list[int]] = {}
        if s.hours.always:
            periods[(0, 24 * 60)] = list(range(7))
        for p in s.hours.periods:
            periods.setdefault((p.opens, p.closes), []).append(p.day)
        offset = _offset(s.timezone) if s.timezone else ""
        for i, ((opens, closes), days) in enumerate(periods.items()):
            end = "23:59" if (opens == 0 and closes in (0, 24 * 60)) else hhmm(closes % (24 * 60))
            rows["schedule"].append({
                "id": _uuid("schedule", s.id, str(i)), "service_id": svc_id, "service_at_location_id": sal_id,
                "timezone": offset, "freq": "WEEKLY", "byday": ",".join(DAY_CODES[d] for d in sorted(set(days))),
                "opens_at": hhmm(opens) + ":00", "closes_at": end + ":00",
                "description": hours_lines([(days, opens, closes or 24 * 60)])[0]})
        for j, e in enumerate(s.hours.exceptions):  # a dated row: no freq, no byday (see dated_exception)
            for k, (opens, closes) in enumerate(e.ranges or [(None, None)]):
                rows["schedule"].append({
                    "id": _uuid("schedule", s.id, f"x{j}-{k}"), "service_id": svc_id, "service_at_location_id": sal_id,
                    "timezone": offset, "valid_from": e.first.isoformat(), "valid_to": e.last.isoformat(),
                    "opens_at": "" if opens is None else hhmm(opens) + ":00",
                    "closes_at": "" if closes is None else ("23:59" if closes == 0 else hhmm(closes)) + ":00",
                    "description": "closed" if e.closed else f"{hhmm(opens)}-{hhmm(closes or 24 * 60)}"})
        for code in s.languages:
            rows["language"].append({"id": _uuid("language", s.id, code), "service_id": svc_id,
                                     "name": LANGUAGE_NAMES.get(code, ""), "code": code})
        if s.requirements:
            rows["required_document"].append({"id": _uuid("required_document", s.id), "service_id": svc_id,
                                              "document": _primary(s.requirements)})
        classes = [(f.name, code) for f in SERVICE if f.taxonomy
                   for code in (getattr(s, f.name) if f.kind == "codes" else [getattr(s, f.name)]) if code]
        for kind, code in classes:
            rows["attribute"].append({
                "id": _uuid("attribute", s.id, kind, code), "link_id": svc_id, "taxonomy_term_id": term(kind, code),
                "link_type": kind, "link_entity": "service"})
    if rows["address"]:  # NOT_HELD
        result.notes.append("addresses.csv leaves state_province and postal_code empty: the knowledge base does not "
                            "hold them (HSDS 3.0 marks them required)")
    if any(len(s.description) > 1 for s in services):
        result.notes.append("HSDS holds one description per service: the Spanish text is exported (else English, "
                            "French, Haitian Creole, Portuguese)")
    return rows, result



def _csv_text(resource: Resource, rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(resource.fields), extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else formula_safe(v)) for k, v in row.items()})
    return buffer.getvalue()


def export_package(kb: KnowledgeBase, target: Path, today: date) -> ExportResult:
    """Write the package into the folder ``target`` (created), or into a .zip when it ends with .zip."""
    rows, result = package_tables(kb, today)
    meta = datapackage(f"Services of {kb.deployment.organization}", today, kb.deployment.website)
    files = {"datapackage.json": json.dumps(meta, ensure_ascii=False, indent=2) + "\n"}
    for name, resource in SPEC.items():
        files[resource.path] = _csv_text(resource, rows[name])
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, text in files.items():
                archive.writestr(member, text)
    else:
        target.mkdir(parents=True, exist_ok=True)
        for member, text in files.items():
            (target / member).write_text(text, encoding="utf-8", newline="")
    return result

