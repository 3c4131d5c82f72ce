"""What the message says about the situation, for the fitting first-aid advice.

A danger reply always gives the general advice of its kind; when the message itself says heat, cold,
not breathing, bleeding, drowning, a boat sinking, a snake bite, labour, or a pregnancy with pain or bleeding, the matching short advice
(IFRC International First Aid, Resuscitation and Education Guidelines 2020) comes first. When the message says
it is a baby, the chest compressions are a baby's (two fingers, a third of the chest deep), not an adult's. The words
are data, per language (``bot/safety/situations/<lang>.yml``); every language is checked, as for
the danger phrases.
"""

from __future__ import annotations

import functools
from pathlib import Path

from bot.safety.danger import PhraseMatcher, load_phrases

# In the order the advice is given: what kills fastest first.
SITUATIONS = ("not_breathing", "not_breathing_infant", "bleeding", "drowning", "drowning_infant", "sinking", "labour",
              "pregnancy", "snake_bite", "heat", "heat_infant", "cold", "cold_infant")
# A baby named in the message: the advice that says how to press on the chest, or what it may drink (the
# breast or its milk, never plain water or a sweet drink), takes its baby form.
INFANT = "infant"
FOR_A_BABY = {"not_breathing": "not_breathing_infant", "drowning": "drowning_infant", "heat": "heat_infant",
              "cold": "cold_infant"}
# The situations whose advice says what may be drunk (the exception to "nothing by mouth").
WEATHER = frozenset(("heat", "heat_infant", "cold", "cold_infant"))
# "pregnancy" counts only with one of these in the same message: being pregnant is not an emergency.
PREGNANCY_SIGNS = "pregnancy_signs"
SITUATIONS_DIR = Path(__file__).resolve().parent / "situations"


@functools.lru_cache(maxsize=1)
def matcher() -> PhraseMatcher:
    phrases, safe_words = load_phrases(SITUATIONS_DIR, (*SITUATIONS, PREGNANCY_SIGNS, INFANT))
    return PhraseMatcher(phrases, safe_words)


def advice_for(text: str) -> tuple[str, ...]:
    """What the emergency reply's first aid reads: the :func:`situations`, and :data:`INFANT` when the message
    names a baby ("mi bebe de 3 semanas tiene calentura": whatever the advice, it drinks the breast or its milk,
    never sips of water)."""
    found = {p.kind for p in matcher().hits(text or "")}
    said = _ordered(found)
    return (*said, INFANT) if INFANT in found else said


def situations(text: str) -> tuple[str, ...]:
    """The situations ``text`` describes, in the order their advice should be given."""
    return _ordered({p.kind for p in matcher().hits(text or "")})


def _ordered(found: set[str]) -> tuple[str, ...]:
    found = set(found)
    if PREGNANCY_SIGNS not in found:
        found.discard("pregnancy")
    if "drowning" in found:
        found.discard("not_breathing")  # the drowning advice says what to do when they do not breathe
    if "labour" in found:
        found.discard("pregnancy")  # labour's advice says go now, and what to do if the baby comes first
    if "labour" in found or "pregnancy" in found or "snake_bite" in found:
        found.discard("bleeding")  # their own advice covers the bleeding; pressing hard on the place does not fit
    if INFANT in found:
        found = {FOR_A_BABY.get(s, s) for s in found}
    return tuple(s for s in SITUATIONS if s in found)
