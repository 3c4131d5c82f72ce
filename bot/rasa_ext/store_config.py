"""Build the configured tracker store outside the Rasa server (for ``bot privacy purge``)."""

from __future__ import annotations

from bot.rasa_ext.server import apply_defaults
from bot.rasa_ext.tracker_store import PrivateSQLTrackerStore


def tracker_store_from_endpoints(path: str = "endpoints.yml") -> PrivateSQLTrackerStore:
    from rasa.utils.endpoints import read_endpoint_config

    apply_defaults()
    config = read_endpoint_config(str(path), "tracker_store")
    if config is None:
        raise SystemExit(f"{path} has no tracker_store section")
    kwargs = dict(config.kwargs)
    kwargs.pop("type", None)
    return PrivateSQLTrackerStore(host=config.url, **kwargs)
