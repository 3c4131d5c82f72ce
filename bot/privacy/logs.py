"""A second line of defence for logs: phone-number-like strings never reach a log line.

Installed as a log-record factory, so it covers every logger (Rasa's, Sanic's, ours) and every
handler, whenever they are configured.
"""

from __future__ import annotations

import logging
import re

PHONE_LIKE = re.compile(r"(?<![\w.])(?:\+|whatsapp:\+?|tel:)?\d(?:[\s\-.()]?\d){6,}(?![\w.])")
MASK = "[number]"
_installed = False


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def mask(text: str) -> str:
    """``text`` with every run of 7 or more digits (a phone number, a chat id) masked; dates stay."""
    return PHONE_LIKE.sub(lambda m: m.group(0) if _DATE.fullmatch(m.group(0)) else MASK, text)


def install() -> None:
    """Mask phone-number-like strings in every log record from now on (idempotent)."""
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to logging to report
            return record
        masked = mask(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
