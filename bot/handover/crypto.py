"""Encryption of handover texts and reply addresses (Fernet: AES-128-CBC + HMAC-SHA256).

``BOT_HANDOVER_KEY`` is a Fernet key (``python -c "from cryptography.fernet import Fernet;
print(Fernet.generate_key().decode())"``). In development a random key is kept in
``var/handover.key``; in production a missing key disables the handover.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from bot.privacy.pseudonym import development_mode

_KEY_FILE = Path(__file__).resolve().parents[2] / "var" / "handover.key"


class HandoverKeyError(RuntimeError):
    """No usable ``BOT_HANDOVER_KEY`` where one is required."""


@functools.lru_cache(maxsize=1)
def _fernet() -> Fernet:
    key = os.environ.get("BOT_HANDOVER_KEY", "").strip()
    if not key:
        if not development_mode():
            raise HandoverKeyError("BOT_HANDOVER_KEY is not set: handover to a person is disabled in production "
                                   "until it is (a Fernet key, see README 'Staff console').")
        try:
            key = _KEY_FILE.read_text().strip()
        except OSError:
            _KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
            key = Fernet.generate_key().decode()
            fd = os.open(_KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(key)
    try:
        return Fernet(key.encode())
    except ValueError as exc:
        raise HandoverKeyError("BOT_HANDOVER_KEY is not a valid Fernet key (32 url-safe base64 bytes)") from exc


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """The clear text; an empty string for an erased or undecipherable value."""
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError):
        return ""
