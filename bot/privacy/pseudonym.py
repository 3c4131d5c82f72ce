"""Sender ids become pseudonyms before anything stores or logs them.

A pseudonym is an HMAC-SHA256 of the channel and the raw id (phone number, chat id) under the
deployment's secret ``BOT_PSEUDONYM_KEY``: the same person on the same channel keeps the same
conversation, and nobody without the key can turn the pseudonym back into a number.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

import phonenumbers

log = logging.getLogger(__name__)
WEAK_KEYS = {"", "change-me", "changeme", "secret", "default", "test", "key", "password"}
_KEY_FILE = Path(__file__).resolve().parents[2] / "var" / "pseudonym.key"


class PseudonymKeyError(RuntimeError):
    """The pseudonym key is missing or weak where that is not allowed."""


def development_mode() -> bool:
    return os.environ.get("BOT_ENV", "development").lower() not in ("production", "prod")


MIN_KEY_LENGTH = 16


def _checked_file_key(content: bytes) -> bytes:
    """The key kept in ``var/pseudonym.key``, refused like a weak key when empty or short (an
    empty file once became an empty HMAC key: pseudonyms anyone could compute)."""
    key = content.strip()
    if len(key) < MIN_KEY_LENGTH or key.decode("utf-8", "replace").lower() in WEAK_KEYS:
        raise PseudonymKeyError(
            f"{_KEY_FILE} is empty or too short to be a pseudonym key. Delete it (a new random key is "
            "then made; earlier conversations are no longer linked) or set BOT_PSEUDONYM_KEY."
        )
    return key


def load_key() -> bytes:
    """The pseudonym key from ``BOT_PSEUDONYM_KEY``.

    In development mode (``BOT_ENV`` unset or ``development``) a missing key is replaced by a
    random one kept in ``var/pseudonym.key``. In production a missing or weak key stops the bot
    with a message saying how to set one.
    """
    key = os.environ.get("BOT_PSEUDONYM_KEY", "")
    if key and key.strip().lower() not in WEAK_KEYS and len(key) >= MIN_KEY_LENGTH:
        return key.encode()
    if not development_mode():
        raise PseudonymKeyError(
            "BOT_PSEUDONYM_KEY is missing or too weak. Set it to a long random secret, for example:\n"
            "  export BOT_PSEUDONYM_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')\n"
            "and keep it secret: with it, pseudonyms can be linked back to phone numbers."
        )
    if key:
        log.warning("BOT_PSEUDONYM_KEY is weak; acceptable only in development mode")
        return key.encode()
    try:
        return _checked_file_key(_KEY_FILE.read_bytes())
    except OSError:
        pass
    new = secrets.token_hex(32).encode()
    try:
        _KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(_KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(new)
        log.warning("development mode: no BOT_PSEUDONYM_KEY, using a random key kept in var/pseudonym.key")
        return new
    except FileExistsError:
        return _checked_file_key(_KEY_FILE.read_bytes())
    except OSError:
        return new


_key: bytes | None = None


def pseudonym(channel: str, raw_id: str) -> str:
    """The pseudonymous sender id for ``raw_id`` on ``channel``."""
    global _key
    if _key is None:
        _key = load_key()
    digest = hmac.new(_key, f"{channel}:{raw_id}".encode(), hashlib.sha256).hexdigest()
    return f"{channel[:2]}-{digest[:40]}"


def ensure_key() -> None:
    """Load the key now (at start-up), so a missing key in production stops the server at once."""
    global _key
    if _key is None:
        _key = load_key()


def reset_key() -> None:
    """Forget the cached key (tests, key rotation)."""
    global _key
    _key = None


def country_of_number(number: str) -> str | None:
    """The ISO country of a phone number's prefix ("+52 55..." -> "MX"): a coarse fact we may keep."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if not digits:
        return None
    try:
        parsed = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(parsed)
    if region and region != "ZZ":
        return region
    regions = phonenumbers.region_codes_for_country_code(parsed.country_code)
    return regions[0] if regions and regions[0] != "ZZ" else None
