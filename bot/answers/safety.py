"""The emergency answer: the country's emergency number first, then the Red Cross, then what to do."""

from __future__ import annotations

from bot.answers.reply import Reply
from bot.answers.services import distance, red_cross_contact
from bot.knowledge.model import KnowledgeBase, pick
from bot.knowledge.search import ServiceIndex
from bot.language.catalogue import t
from bot.places.gazetteer import Place

ROUTE_ORDER = ("MX", "GT", "SV", "HN", "NI", "CR", "PA", "CO", "US")
ADVICE = {
    "violence": "emergency_violence",
    "medical_emergency": "emergency_medical",
    "sexual_violence": "emergency_sexual_violence",
    "missing_child": "emergency_missing_child",
    "suicide": "emergency_suicide",
}
NEAREST_CATEGORIES = {
    "sexual_violence": ("medical", "protection"),
    "medical_emergency": ("medical",),
    "violence": ("protection", "medical"),
    "missing_child": ("protection", "family_links"),
    "suicide": ("psychosocial", "medical"),
}


def emergency_numbers(kb: KnowledgeBase, country: str) -> str:
    c = kb.countries.get(country)
    return " / ".join(e.number for e in c.emergency) if c else ""


def emergency(
    kb: KnowledgeBase,
    index: ServiceIndex | None,
    kind: str,
    country: str,
    place: Place | None,
    lang: str,
) -> Reply:
    """The reply to a danger to life. Its first line always holds an emergency number."""
    lines: list[str] = []
    c = kb.countries.get(country)
    if c and c.emergency:
        lines.append(t(lang, "emergency_call", numbers=emergency_numbers(kb, country), country=pick(c.name, lang)))
    else:
        # the transit countries of the route, first number only: short enough for one SMS
        known = [code for code in ROUTE_ORDER if code in kb.countries and kb.countries[code].emergency] or [
            code for code in sorted(kb.countries) if kb.countries[code].emergency
        ]
        compact = ", ".join(f"{pick(kb.countries[code].name, lang)} {kb.countries[code].emergency[0].number}"
                            for code in known)
        lines.append(f"{t(lang, 'emergency_unknown_country')} {compact}")
    contact = red_cross_contact(kb, country)
    if contact:
        lines.append(t(lang, "emergency_red_cross", contact=contact))
    advice = ADVICE.get(kind)
    if advice:
        lines.append(t(lang, advice))
    if kind == "suicide" and c:
        for line in c.crisis_lines[:2]:
            lines.append(f"{t(lang, 'crisis_lines')}: {line.name} {line.number}".strip())
    if place is not None and index is not None:
        for category in NEAREST_CATEGORIES.get(kind, ("medical",)):
            result = index.nearest(category, place.latitude, place.longitude, radii=(25.0, 100.0))
            if result.hits:
                hit = result.hits[0]
                s = hit.service
                phone = s.phones[0].number if s.phones else ""
                sample = f" ({t(lang, 'sample_notice')})" if s.sample else ""
                lines.append(
                    f"{t(lang, 'emergency_nearest')} {s.name}, {distance(hit.distance_km, lang)}"
                    + (f", {s.address}" if s.address else "")
                    + (f", {phone}" if phone else "")
                    + sample
                )
                break
    if not (c and c.emergency):
        lines.append(t(lang, "emergency_which_country"))
    return Reply(["\n".join(lines)])
