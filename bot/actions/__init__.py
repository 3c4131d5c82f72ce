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
from bot.knowledge.store import default_store  # noqa: E402
from bot.safety import learned  # noqa: E402


def _warm() -> None:
    default_store().current().places.warm()
    learned.warm()


# Load the knowledge (the gazetteer, the place look-ups) and the learned danger check while the action
# server starts, not on the first person's message: a large knowledge base takes a while to read.
threading.Thread(target=_warm, name="knowledge-warm-up", daemon=True).start()
