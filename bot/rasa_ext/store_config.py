"""Build the configured tracker store outside the Rasa server (for ``bot privacy purge``)."""

from __future__ import annotations

import os
from pathlib import Path

from bot.rasa_ext.tracker_store import PrivateSQLTrackerStore

ROOT = Path(__file__).resolve().parents[2]


def tracker_store_from_endpoints(path: str = "endpoints.yml") -> PrivateSQLTrackerStore:
    from rasa.utils.endpoints import read_endpoint_config

    os.environ.setdefault("BOT_SQLITE_PATH", str(ROOT / "var" / "rasa.db"))
    os.environ.setdefault("BOT_ACTION_URL", "http://127.0.0.1:5055/webhook")
    config = read_endpoint_config(str(path), "tracker_store")
    if config is None:
        raise SystemExit(f"{path} has no tracker_store section")
    kwargs = dict(config.kwargs)
    kwargs.pop("type", None)
    return PrivateSQLTrackerStore(host=config.url, **kwargs)
