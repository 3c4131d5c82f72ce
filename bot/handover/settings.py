"""Handover settings from the environment."""

from __future__ import annotations

import os


def handover_retention_days() -> int:
    """``BOT_HANDOVER_RETENTION_DAYS`` (default 30): handover texts are erased after this many days."""
    try:
        return max(0, int(os.environ.get("BOT_HANDOVER_RETENTION_DAYS", "30")))
    except ValueError:
        return 30
