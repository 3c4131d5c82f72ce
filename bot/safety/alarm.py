"""Whether a message raises the alarm: the one check every path uses (the dialogue, the fallback when
the action server is down, a message held for staff, ``bot place``).

The phrases come first: they name the kind of danger, so the advice fits. A message no phrase matched
may still be a danger the learned check recognises (:mod:`bot.safety.learned`), unless it says the
harm is over; its kind then comes from that check, or is left open (the general emergency answer).
"""

from __future__ import annotations

from bot.safety import learned
from bot.safety.danger import Danger, is_over
from bot.safety.danger import check as phrases
from bot.safety.first_aid import situations


def alarm(text: str) -> Danger | None:
    found = phrases(text or "")
    if found is not None or not (text or "").strip():
        return found
    kind = learned.likely(text)
    if kind is None or is_over(text):
        return None
    if not kind and situations(text):  # "my wife is bleeding", the kind unsure: the first aid is medical
        kind = "medical_emergency"
    return Danger(kind, "", "")
