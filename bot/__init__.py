"""A multilingual chatbot that gives migrants in the Americas trustworthy information.

The core (``bot.knowledge``, ``bot.places``, ``bot.language``, ``bot.safety``, ``bot.render``,
``bot.privacy``, ``bot.answers``) is plain Python and never imports Rasa; ``bot.actions``,
``bot.channels`` and ``bot.rasa_ext`` are the thin adapters around it.
"""

LANGUAGES = ("es", "en", "fr", "ht", "pt")
"""The languages the bot speaks, ISO 639-1."""

DEFAULT_LANGUAGE = "es"
"""The language of an answer when nothing says which: the language most people on the route read."""
