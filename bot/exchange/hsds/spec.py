"""The HSDS 3.0 tables as this project reads and writes them (from the specification's ``schema/*.json``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.knowledge.schema import SERVICE

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/migrant-help-bot/knowledge")
OUR_ID_TYPE = "migrant-help-bot"
OUR_TAXONOMY = "migrant-help-bot"  # our taxonomies are named "migrant-help-bot <kind>"
TAXONOMY_KINDS = tuple(f.name for f in SERVICE if f.taxonomy)  # categories, population, cost, referral
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


# --- the HSDS 3.0 tables -------------------------------------------------------------------------
@dataclass(frozen=True)
class Resource:
    name: str  # the resource name in datapackage.json
    path: str  # the CSV file
    fields: tuple[str, ...]
    required: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str], ...] = ()  # (field, resource it points to)


SPEC: dict[str, Resource] = {r.name: r for r in (
    Resource("organization", "organizations.csv",
             ("id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id",
              "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"),
             ("id", "name", "description")),
    Resource("service", "services.csv",
             ("id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email",
              "status", "interpretation_services", "application_process", "fees_description", "wait_time", "fees",
              "accreditations", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
              "assurer_email", "licenses", "alert"),
             ("id", "name", "status", "organization_id"), (("organization_id", "organization"),)),
    Resource("service_at_location", "service_at_location.csv",
             ("id", "service_id", "location_id", "description"),
             ("id", "service_id", "location_id"), (("service_id", "service"), ("location_id", "location"))),
    Resource("location", "locations.csv",
             ("id", "location_type", "url", "organization_id", "name", "alternate_name", "description",
              "transportation", "latitude", "longitude", "external_identifier", "external_identifier_type"),
             ("id", "location_type"), (("organization_id", "organization"),)),
    Resource("address", "addresses.csv",
             ("id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province",
              "postal_code", "country", "address_type"),
             ("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
             (("location_id", "location"),)),
    Resource("phone", "phones.csv",
             ("id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number",
              "extension", "type", "description"),
             ("id", "number"),
             (("location_id", "location"), ("service_id", "service"), ("organization_id", "organization"),
              ("service_at_location_id", "service_at_location"))),
    Resource("schedule", "schedules.csv",
             ("id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart",
              "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday",
              "byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes"),
             ("id",),
             (("service_id", "service"), ("location_id", "location"),
              ("service_at_location_id", "service_at_location"))),
    Resource("language", "languages.csv",
             ("id", "service_id", "location_id", "phone_id", "name", "code", "note"),
             ("id",), (("service_id", "service"), ("location_id", "location"), ("phone_id", "phone"))),
    Resource("required_document", "required_documents.csv",
             ("id", "service_id", "document", "uri"), ("id",), (("service_id", "service"),)),
    Resource("taxonomy", "taxonomies.csv", ("id", "name", "description", "uri", "version"),
             ("id", "name", "description")),
    Resource("taxonomy_term", "taxonomy_terms.csv",
             ("id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"),
             ("id", "name", "description"), (("taxonomy_id", "taxonomy"), ("parent_id", "taxonomy_term"))),
    Resource("attribute", "attributes.csv",
             ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value", "label"),
             ("id", "link_id", "taxonomy_term_id", "link_entity"), (("taxonomy_term_id", "taxonomy_term"),)),
)}
TYPES = {
    ("location", "latitude"): "number", ("location", "longitude"): "number",
    ("service", "minimum_age"): "number", ("service", "maximum_age"): "number", ("service", "assured_date"): "date",
    ("organization", "year_incorporated"): "number", ("phone", "extension"): "number",
    ("schedule", "valid_from"): "date", ("schedule", "valid_to"): "date", ("schedule", "dtstart"): "date",
    ("schedule", "until"): "date", ("schedule", "timezone"): "number", ("schedule", "count"): "number",
    ("schedule", "interval"): "number", ("schedule", "opens_at"): "time", ("schedule", "closes_at"): "time",
}
ENUMS = {
    ("service", "status"): ("active", "inactive", "defunct", "temporarily closed"),
    ("location", "location_type"): ("physical", "postal", "virtual"),
    ("address", "address_type"): ("physical", "postal", "virtual"),
    ("schedule", "freq"): ("WEEKLY", "MONTHLY"),
    ("schedule", "wkst"): DAY_CODES,
}
# What we need of each table to import (the others are optional columns).
NEEDED = {
    "service": ("id", "name"), "location": ("id", "latitude", "longitude"),
    "service_at_location": ("service_id", "location_id"), "organization": ("id", "name"),
    "address": ("location_id",), "phone": ("number",), "schedule": ("opens_at", "closes_at"),
    "language": (), "required_document": ("service_id", "document"), "taxonomy": ("id", "name"),
    "taxonomy_term": ("id",), "attribute": ("link_id", "taxonomy_term_id"),
}
_NAMES = {**{r.name: r.name for r in SPEC.values()}, **{r.path[:-4]: r.name for r in SPEC.values()},
          "services_at_location": "service_at_location", "service_at_locations": "service_at_location",
          "taxonomies": "taxonomy", "addresses": "address"}



def datapackage(title: str, today: date, homepage: str = "") -> dict[str, Any]:
    """The datapackage.json of an export: the HSDS 3.0 tables with their fields and keys."""
    resources = []
    for r in SPEC.values():
        fields = []
        for name in r.fields:
            spec: dict[str, Any] = {"name": name, "type": TYPES.get((r.name, name), "string")}
            if name == "id" or (name.endswith("_id") and name != "external_identifier"):
                spec["format"] = "uuid"
            constraints: dict[str, Any] = {"required": name in r.required}
            if name == "id":
                constraints["unique"] = True
            if (r.name, name) in ENUMS:
                constraints["enum"] = list(ENUMS[(r.name, name)])
            spec["constraints"] = constraints
            fields.append(spec)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": "id"}
        keys = [{"fields": f, "reference": {"resource": target, "fields": "id"}} for f, target in r.foreign_keys]
        if keys:
            schema["foreignKeys"] = keys
        resources.append({"name": r.name, "path": r.path, "profile": "tabular-data-resource", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
    meta: dict[str, Any] = {"name": "migrant-help-bot-services", "title": title,
                            "profile": "tabular-data-package", "version": "3.0", "created": today.isoformat(),
                            "resources": resources}
    if homepage:
        meta["homepage"] = homepage
    return meta



def is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


