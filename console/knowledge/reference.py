"""Rights texts and country files in the console, read-only for every signed-in role: what the bot
says, with its sources and the dates that tell whether it is still right. They are changed in the
knowledge folder (reviewed in git), not here."""

from __future__ import annotations

import datetime as dt

import yaml
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bot import LANGUAGES, clock
from bot.knowledge.loader import RIGHTS_STALE_AFTER_DAYS, load_knowledge
from bot.knowledge.model import pick
from console.knowledge import files

ENDING_SOON_DAYS = 60  # a measure with an end date this close is flagged, so someone checks its extension


def _kb():
    return load_knowledge(files.root()).kb


def _rights_row(r, kb, today: dt.date) -> dict:
    country = kb.countries.get(r.country)
    return {
        "r": r, "country_name": pick(country.name, "en") if country else r.country,
        "missing": [lang for lang in LANGUAGES if not r.text.get(lang)],
        "stale": r.reviewed_on is None or (today - r.reviewed_on).days > RIGHTS_STALE_AFTER_DAYS,
        "expired": r.expired(today),
        "ending": r.valid_until is not None and not r.expired(today)
        and (r.valid_until - today).days <= ENDING_SOON_DAYS,
    }


@login_required
@require_GET
def rights_list(request):
    kb, today = _kb(), clock.today()
    rows = [_rights_row(r, kb, today) for _, r in sorted(kb.rights.items())]
    return render(request, "knowledge/rights.html", {"rows": rows, "stale_days": RIGHTS_STALE_AFTER_DAYS})


@login_required
@require_GET
def rights_entry(request, country: str, topic: str):
    kb = _kb()
    r = kb.rights.get((country, topic))
    if r is None:
        raise Http404
    row = _rights_row(r, kb, clock.today())
    texts = [{"lang": lang, "text": r.text.get(lang, ""), "review": lang in r.needs_review} for lang in LANGUAGES]
    return render(request, "knowledge/rights_entry.html", {**row, "texts": texts})


def _file_facts(code: str) -> dict:
    """What the country file says of itself (its review date, the languages still to review)."""
    path = files.root() / "countries" / f"{code}.yml"
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {"file": "", "verified_on": None, "needs_review": []}
    return {"file": f"countries/{path.name}", "verified_on": doc.get("verified_on"),
            "needs_review": doc.get("needs_review") or []}


@login_required
@require_GET
def country_list(request):
    kb = _kb()
    rows = [{"c": c, "name": pick(c.name, "en"), **_file_facts(code)} for code, c in sorted(kb.countries.items())]
    return render(request, "knowledge/countries.html", {"rows": rows})


@login_required
@require_GET
def country_detail(request, code: str):
    kb = _kb()
    c = kb.countries.get(code)
    if c is None:
        raise Http404
    emergency = [{"e": e, "label": pick(e.label, "en")} for e in c.emergency]
    rights = [r for (country, _), r in sorted(kb.rights.items()) if country == code]
    return render(request, "knowledge/country.html", {"c": c, "name": pick(c.name, "en"), "emergency": emergency,
                                                      "rights": rights, **_file_facts(code),
                                                      "names": [(lang, c.name.get(lang, "")) for lang in LANGUAGES]})
