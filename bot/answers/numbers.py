"""Emergency numbers, labelled, the one that fits the situation first (danger replies, and a
medical search that found nothing)."""

from __future__ import annotations

from bot.knowledge.model import Country, EmergencyNumber, pick
from bot.language.catalogue import t

FITTING = {
    "medical_emergency": ("ambulance", "general", "fire", "police"),
    "sexual_violence": ("ambulance", "general", "women", "police"),
    "suicide": ("ambulance", "general", "police"),
    "violence": ("police", "general", "women", "ambulance"),
    "missing_child": ("police", "children", "general"),
    "rescue": ("fire", "general", "ambulance", "police"),  # a flood, a boat sinking: the firefighters rescue
}
RESCUE = frozenset(("flood", "sinking"))  # the first-aid situations whose number is the rescue's
UNKNOWN_DANGER = ("general", "ambulance", "police", "fire")


def ordered_numbers(country: Country, kind: str) -> list[EmergencyNumber]:
    """The country's emergency numbers, the one that fits ``kind`` first (file order breaks ties)."""
    fitting = FITTING.get(kind, UNKNOWN_DANGER)

    def rank(e: EmergencyNumber) -> int:
        return min((fitting.index(k) for k in e.kinds if k in fitting), default=len(fitting))

    return sorted(country.emergency, key=rank)


def number_label(e: EmergencyNumber, lang: str) -> str:
    """A few words saying what the number answers: its ``short`` text, else its kinds."""
    if e.short:
        return pick(e.short, lang)
    kinds = ("general",) if "general" in e.kinds else e.kinds
    return ", ".join(t(lang, f"emergency_kind_{k}") for k in kinds)


def numbers_text(country: Country, kind: str, lang: str, most: int | None = None) -> str:
    """``122 (ambulance, fire), 125 (ambulance, Red Cross), 110 (police)``: the numbers (the first
    ``most`` of them, else every one), labelled, the fitting one first."""
    return ", ".join(f"{e.number} ({number_label(e, lang)})" for e in ordered_numbers(country, kind)[:most])
