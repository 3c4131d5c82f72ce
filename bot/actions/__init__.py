"""Rasa custom actions: thin adapters from the tracker to :mod:`bot.dialogue` and back.

Each action is named after the dialogue handler it calls (``action_find_services`` calls
``find_services``; the classes: ``bot/actions/dialogue.py``). An action reads the turn and the
slots, asks the core, sends the reply and sets the slots that changed. Nothing else happens here.
"""

import threading

from bot.privacy.logs import install as _install_log_masking

# Masked before any action can log: an action's error must never carry a person's words.
_install_log_masking()

from bot.actions.dialogue import ACTIONS  # noqa: E402, F401
from bot.dialogue import State, Turn, respond  # noqa: E402
from bot.knowledge.store import default_store  # noqa: E402
from bot.safety import learned  # noqa: E402

# Made-up turns answered once at start: every list and text the first answers read is loaded then.
WARM_UP_TURNS = (("emergency", "ayuda me estan golpeando"), ("find_services", "necesito un albergue en tapachula"),
                 ("rights", "tengo derecho a pedir asilo"))
# Set once the warm-up is over: ``/ready`` of the action server answers 200 from then on (``bot.serve`` waits for it
# before it says "bot ready").
WARM = threading.Event()


def _warm() -> None:
    try:
        knowledge = default_store().current()
        knowledge.places.warm()
        learned.warm()
        for handler, text in WARM_UP_TURNS:
            respond(knowledge, handler, Turn(text=text, intent=handler), State())
    finally:
        WARM.set()  # (a failed warm-up leaves the loading to the first message, as before)


# Load the knowledge (the gazetteer, the place look-ups), the learned danger check and the phrase lists while the
# action server starts, not on the first person's message: it got the fallback (the turn's deadline is 10 s).
threading.Thread(target=_warm, name="knowledge-warm-up", daemon=True).start()
