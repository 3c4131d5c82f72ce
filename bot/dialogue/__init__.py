"""The conversation logic, independent of the dialogue engine.

Rasa classifies the intent and picks an action; every action calls :func:`respond` with the name
of its handler, the person's turn and the conversation state. Here, in plain Python
(:mod:`bot.dialogue.turn`):

1. the language to answer in (chosen, else detected);
2. the danger check, on every message, before anything else;
3. a menu number ("2") read against the menu last shown (:class:`Menu`);
4. the handler itself (:data:`HANDLERS`): services, places, rights, privacy, ...

Handlers read and write one turn's :class:`~bot.dialogue.context.Context`; what the bot says is
formatted in ``bot/answers``. A change of dialogue engine would keep all of this and replace only
``bot/actions``.
"""

from bot.dialogue.handlers import HANDLERS
from bot.dialogue.state import Menu, State, Turn
from bot.dialogue.turn import UnknownHandler, respond

__all__ = ["HANDLERS", "Menu", "State", "Turn", "UnknownHandler", "respond"]
