"""One clock for the bot: every "today" and "now" of the core comes from here.

Import stamping, validation, review dates, rights expiry, export dates, "open now" and the
retention purge all read :func:`now` / :func:`today`, so a test (or `bot kb search --at`) sets
the time in one place with :func:`frozen` instead of mixing a literal date with the real clock.

``BOT_FAKE_NOW`` (tests only) freezes the clock of a whole process from its start, e.g.
``BOT_FAKE_NOW=2026-11-30T03:00-06:00``: the end-to-end tests start the real servers with it to
check what the bot answers at 3 a.m. It is refused when ``BOT_ENV=production``.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from datetime import date, datetime, timezone

_frozen: datetime | None = None


def now() -> datetime:
    """The current time, timezone-aware (UTC unless frozen at another zone)."""
    return _frozen if _frozen is not None else datetime.now(timezone.utc)


def today() -> date:
    """Today's date where the bot runs (the server's local date unless frozen)."""
    return _frozen.date() if _frozen is not None else date.today()


def epoch() -> float:
    """Seconds since the epoch, for timestamps stored by the tracker store."""
    return _frozen.timestamp() if _frozen is not None else time.time()


def _aware(at: date | datetime) -> datetime:
    if not isinstance(at, datetime):
        at = datetime(at.year, at.month, at.day, 12, 0)
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


def freeze(at: date | datetime | None) -> None:
    """Set the clock to ``at`` (a date means noon UTC of that day); ``None`` lets it run again."""
    global _frozen
    _frozen = None if at is None else _aware(at)


@contextlib.contextmanager
def frozen(at: date | datetime) -> Iterator[datetime]:
    """``with clock.frozen(date(2026, 11, 28)): ...`` runs the block at that time."""
    before = _frozen
    freeze(at)
    try:
        yield now()
    finally:
        globals()["_frozen"] = before


def _from_environment() -> None:
    fake = os.environ.get("BOT_FAKE_NOW", "").strip()
    if not fake:
        return
    if os.environ.get("BOT_ENV", "").strip().lower() in ("production", "prod"):
        raise RuntimeError("BOT_FAKE_NOW is for tests only; unset it in production")
    try:
        at = datetime.fromisoformat(fake)
    except ValueError:
        raise RuntimeError(f"BOT_FAKE_NOW='{fake}' is not an ISO time such as 2026-11-30T03:00-06:00") from None
    freeze(at)


_from_environment()
