"""The emergency answer: the number that fits the danger first, what to do now, then the Red Cross.

Read by a person under stress who will act on it, so every line is a fact from the knowledge or a
reviewed text: each emergency number with what it answers (the kinds in the country file), the
national crisis line before the emergency number for suicide, first aid that fits what the message
says (IFRC guidelines 2020), and for sexual violence whether care is free by law where the person is.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot import DEFAULT_LANGUAGE, clock
from bot.answers.numbers import RESCUE, numbers_text, ordered_numbers
from bot.answers.reply import Reply
from bot.answers.services import red_cross_contact, service_brief
from bot.knowledge.model import Country, CrisisLine, KnowledgeBase, pick
from bot.knowledge.search import ServiceIndex
from bot.language.catalogue import t
from bot.places.gazetteer import Place
from bot.render.sms import segments, to_gsm7
from bot.safety.first_aid import INFANT, MARKS, SEIZURE, UNRESPONSIVE, WEATHER

ROUTE_ORDER = ("MX", "GT", "SV", "HN", "NI", "CR", "PA", "CO", "US")
# Where people writing the language are likeliest, before the route: Portuguese is written in Brazil, Kreyòl
# and French by Haitians at home and across the Dominican border
LANGUAGE_HOMES = {"pt": ("BR",), "ht": ("HT", "DO"), "fr": ("HT",)}
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
CHILDREN_ONLY = frozenset(("children", "unaccompanied_children"))  # services that serve children alone
FOR_SOME = CHILDREN_ONLY | {"women", "lgbtiq"}  # services that serve some people only (a family service serves all of one)
# Which number answers the danger best: someone bleeding calls the ambulance before the police.
# A danger reply on SMS stays within this many segments (765 GSM-7 characters): up to four labelled numbers,
# the first aid the message calls for and the advice of its kind; what can wait is left out (see emergency()).
SMS_MAX_SEGMENTS = 5
# The first aid that already says how to press on the chest
CHEST = ("not_breathing", "drowning")


def other_country_line(kb: KnowledgeBase, country: str, kind: str, lang: str) -> str:
    """One short line with the fitting number of another country the message may be about ("" if unknown)."""
    c = kb.countries.get(country)
    if not c or not c.emergency:
        return ""
    return t(lang, "emergency_other_country", country=pick(c.name, lang), numbers=numbers_text(c, kind, lang, 1))


def emergency_numbers(kb: KnowledgeBase, country: str, kind: str = "", lang: str = DEFAULT_LANGUAGE) -> str:
    c = kb.countries.get(country)
    return numbers_text(c, kind, lang) if c else ""


def crisis_line_open(line: CrisisLine, country: Country) -> bool:
    """Whether the line answers now (unknown hours count as open: the emergency number is given too)."""
    if not line.hours.known:
        return True
    try:
        zone = ZoneInfo(country.timezone) if country.timezone else None
    except (KeyError, ValueError):
        zone = None
    now = clock.now().astimezone(zone) if zone else clock.now()
    return line.hours.is_open(now)


def first_crisis_line(country: Country) -> CrisisLine | None:
    """The national crisis line to call before the emergency number, if one answers now."""
    for line in country.crisis_lines:
        if line.national and crisis_line_open(line, country):
            return line
    return None


def crisis_line_text(line: CrisisLine, lang: str) -> str:
    """``988 (988 Suicide & Crisis Lifeline, 24/7)``; a local line says where it works."""
    facts = [line.name] if line.name else []
    if line.hours.known:
        facts.append(line.hours.describe(lang))
    if not line.national:
        facts.append(t(lang, "crisis_line_local", area=line.area))
    return f"{line.number} ({', '.join(facts)})" if facts else line.number


def _call_line(kb: KnowledgeBase, c: Country | None, kind: str, lang: str, seems: str = "") -> str:
    if c and c.emergency:
        numbers = numbers_text(c, kind, lang)
        crisis = first_crisis_line(c) if kind == "suicide" else None
        if crisis is not None:
            return t(lang, "emergency_call_crisis", line=crisis_line_text(crisis, lang), numbers=numbers,
                     country=pick(c.name, lang))
        return t(lang, "emergency_call", numbers=numbers, country=pick(c.name, lang))
    # the country the message seems to name ("ayuda estoy en trinidad"), the language's home countries and the transit
    # countries of the route, the fitting number only
    order = dict.fromkeys((*((seems,) if seems else ()), *LANGUAGE_HOMES.get(lang, ()), *ROUTE_ORDER))
    known = [code for code in order if code in kb.countries and kb.countries[code].emergency] or [
        code for code in sorted(kb.countries) if kb.countries[code].emergency
    ]
    compact = ", ".join(f"{pick(kb.countries[code].name, lang)} {ordered_numbers(kb.countries[code], kind)[0].number}"
                        for code in known)
    return f"{t(lang, 'emergency_unknown_country')} {compact}"


def _care_line(c: Country | None, lang: str) -> str:
    """Whether care after sexual violence is free: by law where a law says so, "should be" elsewhere."""
    care = c.sexual_violence_care if c else None
    if care and care.note:
        return pick(care.note, lang)
    if care and care.free_by_law:
        return t(lang, "sv_care_free_by_law", country=pick(c.name, lang))  # type: ignore[union-attr]
    return t(lang, "sv_care_should_be_free")


def _nearest(kb: KnowledgeBase, index: ServiceIndex | None, kind: str, place: Place | None, lang: str) -> str:
    if place is None or index is None:
        return ""
    fallback = None
    for category in NEAREST_CATEGORIES.get(kind, ("medical",)):
        result = index.nearest(category, place.latitude, place.longitude, radii=(25.0, 100.0), country=place.country)
        if kind in ("missing_child", "sexual_violence"):  # the children's space, the women's clinic: theirs first
            hits = result.hits
        else:  # anyone hurt: a service for all, in this category or the next, before one for some (never a children's space)
            hits = [h for h in result.hits if not FOR_SOME.issuperset(h.service.population)]
            fallback = fallback or next((h for h in result.hits if not CHILDREN_ONLY.issuperset(h.service.population)), None)
        if hits:
            return f"{t(lang, 'emergency_nearest')} {service_brief(hits[0], lang)}"
    return f"{t(lang, 'emergency_nearest')} {service_brief(fallback, lang)}" if fallback else ""


def emergency(
    kb: KnowledgeBase,
    index: ServiceIndex | None,
    kind: str,
    country: str,
    place: Place | None,
    lang: str,
    situations: tuple[str, ...] = (),
    medium: str = "rest",
    other_country: str = "",
) -> Reply:
    """The reply to a danger to life. Its first line always holds an emergency number; the second,
    when the message seems to name a town in ``other_country``, that country's fitting number.

    ``situations`` (from :func:`bot.safety.first_aid.advice_for`) add the first aid that fits what the
    message said. On SMS the reply keeps within ``SMS_MAX_SEGMENTS``: the lines that can wait go first.
    """
    c = kb.countries.get(country)
    # (line, priority): 0 and 1 are never left out; on SMS the nearest service goes first, then the Red Cross,
    # the other crisis lines, a second situation's advice, the cost of care and the chest compressions "if not breathing"
    # a flood or a boat sinking: the rescuers first (not for "armed men on the roof": the police's)
    called = "rescue" if RESCUE.intersection(situations) and kind in ("medical_emergency", "") else kind
    lines: list[tuple[str, int]] = [(_call_line(kb, c, called, lang, other_country), 0)]
    if c and c.emergency and other_country and other_country != country:
        lines.append((other_country_line(kb, other_country, called, lang), 0))
    # a baby named with no situation of a baby's form ("mi bebe de 3 semanas tiene calentura") still drinks only milk
    baby = INFANT in situations or any(s.endswith("_infant") for s in situations)
    unresponsive, seizure = UNRESPONSIVE in situations, SEIZURE in situations
    situations = tuple(s for s in situations if s not in MARKS)
    if kind == "medical_emergency" and seizure:  # "convulsiona", "having a seizure": first, whatever else is said
        lines.append((t(lang, "first_aid_seizure_infant" if baby else "first_aid_seizure"), 1))
    lines += [(t(lang, f"first_aid_{s}"), 1 if i == 0 and not seizure else 3) for i, s in enumerate(situations)]
    if kind == "medical_emergency" and unresponsive and not any(s.startswith(CHEST) for s in situations):
        # "está inconsciente", "he collapsed": whoever does not respond may not breathe, and "on their side" alone
        # lets them die; the chest compressions say when they are for (not responding, not breathing normally), and
        # come before "on their side", as the breathing is checked first (not for a seizure: first_aid.UNRESPONSIVE)
        lines.append((t(lang, "first_aid_not_breathing_infant" if baby else "first_aid_not_breathing"), 2))
    advice = ADVICE.get(kind)
    if advice and not (kind == "medical_emergency" and seizure):  # (the seizure's says it: on the side, not by mouth)
        lines.append((t(lang, advice), 1))
    if kind == "medical_emergency" and not WEATHER.intersection(situations):
        # heat kills on this route: never "nothing by mouth" alone (the cold advice gives its own warm drink);
        # out of the water a body is wet and cools fast: the cold advice, not "if too hot"
        wet = any(s.startswith(("drowning", "sinking", "flood")) for s in situations)  # soaked bodies cool fast
        follow = ("cold_infant" if baby else "cold") if wet else ("heat_infant" if baby else "overheated")  # the breast, not sips
        lines.append((t(lang, f"first_aid_{follow}"), 3 if seizure else 1))  # (after a seizure's long advice, as a second one)
    if kind == "sexual_violence":
        lines.append((_care_line(c, lang), 2))
    if kind == "suicide" and c:
        first = first_crisis_line(c) if c.emergency else None
        for line in [x for x in c.crisis_lines if x is not first][:2]:
            lines.append((f"{t(lang, 'crisis_lines')}: {crisis_line_text(line, lang)}", 4))
    contact = red_cross_contact(kb, country)
    if contact:
        lines.append((t(lang, "emergency_red_cross", contact=contact), 5))
    lines.append((_nearest(kb, index, kind, place, lang), 6))
    if not (c and c.emergency):
        lines.append((t(lang, "emergency_which_country"), 0))
    lines = [(text, p) for text, p in lines if text]
    if medium == "sms":
        for drop in (6, 5, 4, 3, 2):
            if segments(to_gsm7("\n".join(x for x, _ in lines))) <= SMS_MAX_SEGMENTS:
                break
            lines = [(text, p) for text, p in lines if p != drop]
    return Reply(["\n".join(text for text, _ in lines)])


def ahead(kb: KnowledgeBase, country: str, lang: str, situations: tuple[str, ...]) -> Reply:
    """A question asked ahead ("solo pregunto, qué hago si a alguien lo pica una culebra?"): no alarm, the first aid
    of the situations it names (``advice_for``), then the number to call if it happens, where the country is known."""
    said = tuple(s for s in situations if s not in MARKS)
    lines = [t(lang, f"first_aid_{s}") for s in said]
    c = kb.countries.get(country)
    if lines and c and c.emergency:
        called = "rescue" if RESCUE.intersection(said) else "medical_emergency"
        lines.append(t(lang, "emergency_if_it_happens", numbers=numbers_text(c, called, lang), country=pick(c.name, lang)))
    return Reply(["\n".join(lines)] if lines else [])
