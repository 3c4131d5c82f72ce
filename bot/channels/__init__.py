"""Rasa input channels: REST, Twilio (SMS and WhatsApp) and Telegram.

Each checks what it receives, turns the raw sender into a pseudonym, passes a UserMessage with
channel metadata to Rasa, and renders the replies for its medium. They import Rasa: they are
adapters, not core.
"""

from bot.privacy.logs import install as _install_log_masking

_install_log_masking()
