"""Rasa custom actions: thin adapters from the tracker to :mod:`bot.dialogue` and back.

Each action is named after the dialogue handler it calls (``action_find_services`` calls
``find_services``). An action reads the turn and the slots, asks the core, sends the reply and
sets the slots that changed. Nothing else happens here.
"""

from bot.actions.base import ACTIONS, DialogueAction  # noqa: F401

globals().update({cls.__name__: cls for cls in ACTIONS})
