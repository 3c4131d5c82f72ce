"""Handover to a person (no Rasa import): consent, the shared state, encryption, sending replies.

* :mod:`bot.handover.crypto`: texts and reply addresses are encrypted with ``BOT_HANDOVER_KEY``.
* :mod:`bot.handover.store`: the handovers in the console's database (Django ORM), shared by the
  Rasa servers, the action server and the console.
* :mod:`bot.handover.hours`: office hours from ``knowledge/deployment.yml``.
* :mod:`bot.handover.send`: replies through Twilio's REST API and Telegram's Bot API.
"""
