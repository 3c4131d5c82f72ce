"""A second line of defence for logs: phone-number-like strings never reach a log line, and
tracebacks keep where an error happened but not what the error said.

Installed as a log-record factory, so it covers every logger (Rasa's, Sanic's, ours) and every
handler, whenever they are configured. An exception's message can hold anything the code had at
hand (a request body, the person's message, a SQL parameter): a logged traceback keeps its frames
and exception types only.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import ssl
import traceback

PHONE_LIKE = re.compile(r"(?<![\w.])(?:\+|whatsapp:\+?|tel:)?\d(?:[\s\-.()]?\d){6,}(?![\w.])")
MASK = "[number]"
_installed = False


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def mask(text: str) -> str:
    """``text`` with every run of 7 or more digits (a phone number, a chat id) masked; dates stay."""
    return PHONE_LIKE.sub(lambda m: m.group(0) if _DATE.fullmatch(m.group(0)) else MASK, text)


def _withheld(exc: BaseException | None) -> str:
    """What stands for an exception's message: an operating-system error keeps its error code and the
    system's words for it ("[Errno 98] Address already in use", never the person's data); any other
    message goes."""
    code = getattr(exc, "errno", None)
    # (an SSL error's number is the SSL library's, not the system's: its words would mislead)
    if isinstance(exc, OSError) and not isinstance(exc, ssl.SSLError) and isinstance(code, int) and code in errno.errorcode:
        return f"[Errno {code}] {os.strerror(code)} (the rest withheld from the log)"
    return "(message withheld from the log)"


def safe_traceback(exc_info: tuple) -> str:
    """The traceback of ``exc_info`` with every exception's message left out (chained ones too)."""
    te = traceback.TracebackException(*exc_info)
    seen: set[int] = set()
    stack = [(te, exc_info[1])]  # each traced exception beside the exception it traces
    while stack:
        each, exc = stack.pop()
        if id(each) in seen:
            continue
        seen.add(id(each))
        each._str = _withheld(exc)  # what format_exception_only prints
        if getattr(each, "text", None):  # a SyntaxError quotes the source it failed on
            each.text = None
        for chained, raw in ((each.__cause__, getattr(exc, "__cause__", None)),
                             (each.__context__, getattr(exc, "__context__", None))):
            if chained is not None:
                stack.append((chained, raw))
    return mask("".join(te.format()).rstrip("\n"))


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
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text, record.exc_info = safe_traceback(record.exc_info), None
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
