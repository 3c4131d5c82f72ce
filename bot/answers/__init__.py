"""What the bot says: plain functions from knowledge and context to a :class:`Reply`.

No Rasa here: the actions call these functions and send what they return.
"""

from bot.answers.reply import Reply

__all__ = ["Reply"]
