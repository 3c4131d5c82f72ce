"""The bot's actions with a warm-up that never ends: ``/ready`` of the action server must say so."""

import threading

from bot.actions import *  # noqa: F403 - registers the bot's actions with rasa-sdk

WARM = threading.Event()  # never set
