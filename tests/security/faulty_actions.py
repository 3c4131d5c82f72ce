"""The bot's own actions, with two faults the security tests set off by a word in the message.

Started as ``python -m bot.serve --actions tests.security.faulty_actions``: the real action
server, the real Rasa server, only the core's answer is replaced when the message holds
:data:`RAISE` (the core raises, with the message in the exception) or :data:`SLOW` (the action
takes longer than the turn's deadline).
"""

import time

from bot.actions import *  # noqa: F403 - registers the bot's actions with rasa-sdk
from bot.actions import base

RAISE = "zzfaultraise"
SLOW = "zzfaultslow"
SLOW_S = 12.0
_respond = base.respond


def respond(knowledge, handler, turn, state):
    if RAISE in turn.text:
        raise RuntimeError(f"fault injected while answering {turn.text!r}")
    if SLOW in turn.text:
        time.sleep(SLOW_S)
    return _respond(knowledge, handler, turn, state)


base.respond = respond
