"""Service results: a page of the nearest services, formatted for the channel."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.answers.menus import category_label
from bot.answers.numbers import numbers_text
from bot.answers.reply import Reply
from bot.knowledge.model import KnowledgeBase, Service, pick
from bot.knowledge.search import Hit, SearchResult
from bot.language.catalogue import LANGUAGE_NAMES, t
from bot.places.gazetteer import Place
from bot.render.sms import segments, to_gsm7

PAGE_SIZE = 3
SMS_MAX_SEGMENTS = 3
# An open service that closes within this time says when ("open, closes 20:00"): enough to decide
# whether to set off now.
CLOSING_SOON = timedelta(hours=2)


def distance(km: float, lang: str) -> str:
    if km < 1:
        return f"{int(round(km * 1000, -1))} m"
    if km < 10:
        return f"{km:.1f} {t(lang, 'km')}".replace(".", "," if lang in ("es", "fr", "pt", "ht") else ".")
    return f"{round(km)} {t(lang, 'km')}"


def when(at: datetime, local_now: datetime, lang: str) -> str:
    """The day of ``at`` as the person says it, from ``local_now``: a weekday within the week, else a date."""
    days = (at.date() - local_now.date()).days
    if days < 7:
        return t(lang, "weekdays").split(",")[at.weekday()]
    month = t(lang, "months").split(",")[at.month - 1]
    return t(lang, "date_format", d=at.day, month=month)


def status_text(hit: Hit, lang: str, compact: bool = False) -> str:
    """Open now (and closing soon), or closed and when it opens next, in the service's local time.

    ``compact`` (SMS) leaves out the word "open"/"closed" when the time says it: "abre mañana a las
    08:00" already tells the service is closed, and the page keeps room for another service.
    """
    s = hit.service
    if hit.open_now is None:
        return ""
    if hit.open_now:
        if hit.change and hit.local_now and hit.change - hit.local_now <= CLOSING_SOON:
            return _state(lang, "open", t(lang, "closes_at", time=f"{hit.change:%H:%M}"), compact)
        return t(lang, "open_24h") if s.hours.always and hit.change is None else t(lang, "open_now")
    if not hit.change or not hit.local_now:
        return t(lang, "closed_now")
    time = f"{hit.change:%H:%M}"
    days = (hit.change.date() - hit.local_now.date()).days
    if days == 0:
        opens = t(lang, "opens_today", time=time)
    elif days == 1:
        opens = t(lang, "opens_tomorrow", time=time)
    else:
        opens = t(lang, "opens_on", day=when(hit.change, hit.local_now, lang), time=time)
    return _state(lang, "closed", opens, compact)


def _state(lang: str, state: str, change: str, compact: bool) -> str:
    return change if compact else f"{t(lang, state)}, {change}"


def _phones(s: Service, lang: str, compact: bool) -> str:
    out = []
    for p in s.phones[: 1 if compact else 3]:
        label = t(lang, "whatsapp") if p.type == "whatsapp" else t(lang, "tel")
        out.append(f"{label} {p.number}")
    return ", ".join(out)


def format_hit(n: int, hit: Hit, lang: str, compact: bool) -> str:
    """One service: name, distance, open now, cost, address, phone, hours, languages."""
    s = hit.service
    facts = [distance(hit.distance_km, lang), status_text(hit, lang, compact)]
    if s.cost:
        facts.append(t(lang, f"cost_{s.cost}") if s.cost in ("free", "low_cost", "paid") else s.cost)
    lines = [f"{n}. {s.name}", ", ".join(f for f in facts if f)]
    if s.address:
        lines.append(s.address)
    phones = _phones(s, lang, compact)
    if phones:
        lines.append(phones)
    if not compact:
        if s.hours.known and not s.hours.always:
            lines.append(f"{t(lang, 'hours')}: {s.hours.describe(lang)}")
        if s.languages:
            names = [LANGUAGE_NAMES.get(code, code) for code in s.languages]
            lines.append(f"{t(lang, 'languages_spoken')}: {', '.join(names)}")
        requirements = pick(s.requirements, lang)
        if requirements:
            lines.append(f"{t(lang, 'requirements')}: {requirements}")
    elif s.languages:
        lines.append(f"{t(lang, 'languages_spoken')}: {'/'.join(s.languages)}")
    return "\n".join(lines)


def page_text(
    kb: KnowledgeBase, result: SearchResult, place: Place, offset: int, count: int, lang: str, medium: str,
    prefix: str = "",
) -> str:
    need = category_label(kb, result.category, lang)
    hits = result.hits[offset : offset + count]
    compact = medium == "sms"
    if offset == 0 and result.widened:
        from bot.knowledge.search import RADII_KM

        header = t(lang, "results_widened", near=round(RADII_KM[0]), place=place.name)
    else:
        header = t(lang, "results_header", need=need, place=place.name)
    blocks = ([prefix] if prefix else []) + [header]
    blocks += [format_hit(offset + i + 1, h, lang, compact) for i, h in enumerate(hits)]
    if any(h.service.sample for h in hits):
        blocks.append(t(lang, "sample_notice"))
    if offset + count < len(result.hits):
        blocks.append(t(lang, "more_hint"))
    return ("\n" if compact else "\n\n").join(blocks)


def services_page(
    kb: KnowledgeBase, result: SearchResult, place: Place, offset: int, lang: str, medium: str, prefix: str = ""
) -> tuple[Reply, int]:
    """The page of results starting at ``offset`` and how many it shows.

    On SMS the page (with ``prefix``, e.g. the first-contact privacy line) shrinks until it fits
    in three GSM-7 segments.
    """
    if not result.hits:
        return Reply([prefix] if prefix else []).extend(no_results(kb, result, place, lang)), 0
    if offset >= len(result.hits):
        return Reply([prefix] if prefix else []).add(t(lang, "no_more", place=place.name)), 0
    count = PAGE_SIZE
    text = page_text(kb, result, place, offset, count, lang, medium, prefix)
    if medium == "sms":
        text = to_gsm7(text)
        while count > 1 and segments(text) > SMS_MAX_SEGMENTS:
            count -= 1
            text = to_gsm7(page_text(kb, result, place, offset, count, lang, medium, prefix))
    count = min(count, len(result.hits) - offset)
    return Reply([text]), count


def service_brief(hit: Hit, lang: str, with_distance: bool = True) -> str:
    """One service offered beside another answer, on one line: name, distance, address, phone."""
    s = hit.service
    facts = [s.name, distance(hit.distance_km, lang) if with_distance else "", s.address,
             s.phones[0].number if s.phones else ""]
    sample = f" ({t(lang, 'sample_notice')})" if s.sample else ""
    return ", ".join(f for f in facts if f) + sample


def red_cross_contact(kb: KnowledgeBase, country: str) -> str:
    c = kb.countries.get(country)
    if not c or not c.red_cross:
        return ""
    rc = c.red_cross
    return ", ".join(x for x in (rc.name, rc.phone, rc.website) if x)


def no_results(kb: KnowledgeBase, result: SearchResult, place: Place, lang: str) -> Reply:
    need = category_label(kb, result.category, lang)
    need = need[:1].lower() + need[1:]  # inside a sentence: "no tengo atención médica"
    text = t(lang, "results_none", need=need, radius=round(result.radius_km), place=place.name)
    country = kb.countries.get(place.country)
    if result.category == "medical" and country and country.emergency:
        # a sick child and no clinic in the knowledge: the ambulance number, labelled, before anything else
        numbers = numbers_text(country, "medical_emergency", lang, 2)
        text += "\n" + t(lang, "results_none_urgent", numbers=numbers)
    contact = red_cross_contact(kb, place.country)
    if contact:
        text += "\n" + t(lang, "results_none_contact", contact=contact)
    return Reply([text])
