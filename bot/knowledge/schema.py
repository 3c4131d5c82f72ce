"""A service, declared once.

Each :class:`Field` says what a service field holds (its kind), whether it is required, where it sits
in a YAML entry, how staff fill it in the spreadsheet, where it lives in Open Referral HSDS 3.0, and
values worth trying when fuzzing. Everything else derives from :data:`SERVICE`:

* the model: :class:`bot.knowledge.model.Service` is built from it;
* the YAML loader reads and type-checks each field by its kind (:mod:`bot.knowledge.services`), then
  runs the checks of the fields that have rules of their own (ids, categories, phones, hours ...);
* the spreadsheet's columns, help sheet, row reader and row writer (:mod:`bot.exchange.spreadsheet`);
* the HSDS reader and writer (:mod:`bot.exchange.hsds`) for every field mapped to ``service.<column>``
  (text) or to ``taxonomy`` (codes, as an attribute linking the service to a term of our taxonomy
  ``migrant-help-bot <field>``); the other mappings are written out in the HSDS modules and listed here
  for the reader;
* the order of the keys in imported entries, and the fuzzer's field names and sample values.

A new optional field is one more line here (plus the words that explain it to staff): a ``text`` field
with ``hsds="service.<an HSDS services.csv column>"`` or a ``codes`` field with ``hsds="taxonomy"``
travels through YAML, the spreadsheet and HSDS without another change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot import LANGUAGES

# What a field holds, and so how it is read and written everywhere.
KINDS = (
    "id",  # lowercase letters, digits and dashes
    "text",  # one text
    "texts",  # a text per language ({es: ..., en: ...}; a plain string counts for every language)
    "codes",  # a list of short codes ([a, b], or "a, b")
    "choice",  # one code of ``choices`` (anything else is shown as written, with a warning)
    "number",  # a decimal number within ``limits``
    "country",  # an ISO 3166 alpha-2 code
    "date",  # YYYY-MM-DD
    "flag",  # true or false
    "phones",  # a list of numbers, each with a type of PHONE_TYPES
    "hours",  # opening hours lines (bot.knowledge.hours)
)
PHONE_TYPES = ("voice", "whatsapp", "sms")
LANGUAGE_NAMES = {"es": "Spanish", "en": "English", "fr": "French", "ht": "Haitian Creole", "pt": "Portuguese"}


@dataclass(frozen=True)
class Column:
    """One column of the staff spreadsheet."""

    name: str
    help: str
    example: str = ""
    required: bool = False


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    required: bool = False
    under: str = ""  # "location": the key sits in the entry's ``location`` mapping
    help: str = ""  # for staff (the spreadsheet's help sheet); ``{language}`` for a text per language
    example: str | dict[str, str] = ""  # in the spreadsheet's help (per language for ``texts``)
    choices: tuple[str, ...] = ()  # ``choice``: the codes; a drop-down list in the spreadsheet
    aliases: tuple[tuple[str, str], ...] = ()  # ``choice``: other words staff write for a code (Gratis -> free)
    limits: tuple[float, float] = (0.0, 0.0)  # ``number``: the lowest and highest value
    hsds: str = ""  # where HSDS 3.0 holds it: "service.<column>", "taxonomy", another table's column, or ""
    samples: tuple[Any, ...] = ()  # values worth trying when fuzzing the loader, besides the kind's own
    sheet_required: bool | None = None  # the spreadsheet column is required (default: as ``required``)

    @property
    def columns(self) -> tuple[Column, ...]:
        """The spreadsheet columns of this field."""
        must = self.required if self.sheet_required is None else self.sheet_required
        if self.kind == "texts":
            examples = self.example if isinstance(self.example, dict) else {}
            return tuple(Column(f"{self.name}_{lang}", self.help.format(language=LANGUAGE_NAMES[lang]),
                                examples.get(lang, "")) for lang in LANGUAGES)
        if self.kind == "phones":
            return tuple(Column(PHONE_COLUMNS[kind], help, example) for kind, help, example in PHONE_HELP)
        return (Column(self.name, self.help, str(self.example), must),)

    @property
    def taxonomy(self) -> bool:
        """Exchanged in HSDS as attributes linking the service to terms of our taxonomy of this name."""
        return self.hsds == "taxonomy"

    @property
    def hsds_service_column(self) -> str:
        """The services.csv column of a field HSDS holds there as plain text, else ''."""
        table, _, column = self.hsds.partition(".")
        return column if table == "service" and self.kind in ("text", "texts") else ""


PHONE_COLUMNS = {"voice": "phone", "whatsapp": "whatsapp", "sms": "sms"}
PHONE_HELP = (
    ("voice", "Voice numbers in international format; several separated by ;", "+52 000 555 0101"),
    ("whatsapp", "WhatsApp numbers in international format; several separated by ;", ""),
    ("sms", "Numbers that take text messages; several separated by ;", ""),
)
COSTS = ("free", "low_cost", "paid")
REFERRALS = ("walk_in", "appointment", "referral")
FREE_WORDS = ("free", "gratis", "gratuito", "gratuita", "sin costo", "sin costo alguno", "no cost", "free of charge",
              "gratuit", "gratuite", "0", "0 00")

SERVICE: tuple[Field, ...] = (
    Field("id", "id", required=True, sheet_required=False, hsds="location.external_identifier",
          help="A unique id: lowercase letters, digits and dashes. Leave it empty to make one from the name and the "
               "place; once a service is imported keep its id, so that the next import updates it instead of adding "
               "it twice.", example="mx-tapachula-clinica-ejemplo", samples=("a", "Bad Id", "mx-1")),
    Field("name", "text", required=True, hsds="service.name", help="The name of the service, as people know it.",
          example="Clínica Ejemplo"),
    Field("organization", "text", hsds="organization.name", help="The organization that runs it.",
          example="Cruz Roja Mexicana"),
    Field("categories", "codes", required=True, hsds="taxonomy",
          help="Need categories, separated by commas: medical, shelter, food, family_links, legal, psychosocial, "
               "water_hygiene, connectivity, protection (or a code of categories.yml).",
          example="medical, psychosocial", samples=("medical", "food", "xx")),
    Field("description", "texts", hsds="service.description", help="What the service offers, in {language}.",
          example={"es": "Consulta general y primeros auxilios.", "en": "General consultation and first aid."}),
    Field("address", "text", under="location", hsds="address.address_1",
          help="Street, number, neighbourhood, town.", example="Calle Ejemplo 1, Centro, Tapachula"),
    Field("place", "text", under="location", hsds="address.city",
          help="The town, as the bot knows it (bot kb search --near TOWN finds it).", example="Tapachula",
          samples=("Tapachula",)),
    Field("country", "country", required=True, under="location", hsds="address.country",
          help="Two-letter ISO country code.", example="MX", samples=("MX", "GT", "mx", "Mexico")),
    Field("latitude", "number", required=True, under="location", limits=(-90, 90), hsds="location.latitude",
          help="Decimal degrees, positive north (copy it from a map: right click on the place).", example="14.9061",
          samples=("14.9061", "14,9061", "200")),
    Field("longitude", "number", required=True, under="location", limits=(-180, 180), hsds="location.longitude",
          help="Decimal degrees, negative west of Greenwich (all of the Americas).", example="-92.2636",
          samples=("-92.26",)),
    Field("phones", "phones", hsds="phone", samples=("+52 000 555 0101", "+52", "voice", "whatsapp", "telegram")),
    Field("hours", "hours", hsds="schedule",
          help="Opening hours: days Mo Tu We Th Fr Sa Su, ranges with -, lines separated by ; or 24/7. Exceptions by "
               "date in the same cell: 2026-12-25 closed (a holiday), 2026-12-01..2026-12-15 closed (a temporary "
               "closure), 2026-12-24 08:00-12:00 (short hours). Leave empty when unknown.",
          example="Mo-Fr 08:00-17:00; Sa 09:00-13:00; 2026-12-25 closed",
          samples=("24/7", "Mo-Fr 09:00-17:00", "Mo-Su 25:00-26:00", "bad hours")),
    Field("timezone", "text", hsds="schedule.timezone",
          help="Only when it differs from the town's, e.g. America/Mexico_City.",
          samples=("America/Mexico_City", "Mars/Olympus")),
    Field("languages", "codes", hsds="language.code",
          help="Languages spoken at the service, ISO 639-1 codes separated by commas.", example="es, en",
          samples=("es", "en", "xx")),
    Field("cost", "choice", choices=COSTS, aliases=tuple((w, "free") for w in FREE_WORDS), hsds="taxonomy",
          help="free, low_cost or paid.", example="free", samples=("free", "gratis", "expensive")),
    Field("population", "codes", hsds="taxonomy",
          help="Who it serves, separated by commas: all, women, children, unaccompanied_children, families, lgbtiq, "
               "...", example="all", samples=("all", "women")),
    Field("requirements", "texts", hsds="required_document.document",
          help="Documents required, in {language}; say why when any.", example={"es": "Ninguno.", "en": "None."}),
    Field("referral", "choice", choices=REFERRALS, hsds="taxonomy", help="walk_in, appointment or referral.",
          example="walk_in", samples=("walk_in",)),
    Field("email", "text", hsds="service.email", help="Contact e-mail."),
    Field("url", "text", hsds="service.url", help="Web page of the service."),
    Field("verified_on", "date", hsds="service.assured_date",
          help="The date someone last checked the information with the service, YYYY-MM-DD. Empty: the import date "
               "is used (and a warning says so).", example="2026-11-01", samples=("2026-02-30", "2026-11-01")),
    Field("source", "text", help="Where the information comes from (a web page, a partner's list). Empty: the file "
                                 "name."),
    Field("sample", "flag", help="yes only for invented example data (its phone must be fictitious, +<country code> "
                                 "000 ...); otherwise no or empty.", example="no"),
)
FIELDS: dict[str, Field] = {f.name: f for f in SERVICE}


def entry_keys() -> tuple[str, ...]:
    """The keys of a service entry in the order they are written (``location`` where its first field is)."""
    return tuple(dict.fromkeys(f.under or f.name for f in SERVICE))


def location_keys() -> tuple[str, ...]:
    return tuple(f.name for f in SERVICE if f.under == "location")


def sheet_columns() -> tuple[Column, ...]:
    """The staff spreadsheet's columns, in order."""
    return tuple(column for f in SERVICE for column in f.columns)
