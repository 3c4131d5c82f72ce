"""The live knowledge: loaded once, reloaded when the folder changes, never replaced by a broken one."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge import cache as knowledge_cache
from bot.knowledge.loader import LoadResult, folder_fingerprint, load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.search import ServiceIndex
from bot.places.gazetteer import get_gazetteer
from bot.places.resolve import PlaceResolver

log = logging.getLogger(__name__)
CHECK_EVERY_S = 0.5  # a look at the files' dates (a few ms): a change is live within a second or two
BACKGROUND_FROM = 5000  # services; smaller knowledge reloads at once, on the request that notices it


def default_knowledge_dir() -> Path:
    """``BOT_KNOWLEDGE_DIR``, else the ``knowledge/`` folder of this checkout."""
    env = os.environ.get("BOT_KNOWLEDGE_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "knowledge"


@contextlib.contextmanager
def collector_paused():
    """Python's cycle collector off while a load builds its objects. A load creates hundreds of
    thousands of objects that all live on, and each of the collector's full passes walks every
    object of the live knowledge too: with 100,000 services, half a second of a one-file reload
    went to passes that free nothing. Reference counting still frees everything meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class Knowledge:
    """One consistent snapshot: the knowledge base with its search index and place resolver."""

    kb: KnowledgeBase
    index: ServiceIndex
    places: PlaceResolver
    result: LoadResult


def build(result: LoadResult) -> Knowledge:
    gazetteer = get_gazetteer()
    places = PlaceResolver(gazetteer, result.kb)
    places.warm()  # its tables now, beside the live knowledge, not on the first message after a reload
    return Knowledge(result.kb, ServiceIndex(result.kb, gazetteer), places, result)


class KnowledgeStore:
    """Hands out the current :class:`Knowledge`, reloading it when files change.

    A change is noticed within ``check_every`` seconds of the next request. If the changed folder
    has errors, they are logged and the previous knowledge keeps being served.
    """

    def __init__(self, root: Path | str | None = None, check_every: float = CHECK_EVERY_S,
                 cache_dir: Path | None = None):
        self.root = Path(root) if root else default_knowledge_dir()
        # the compiled cache of services files: start-up and reload parse only changed files
        self.cache_dir = knowledge_cache.folder_for(self.root, cache_dir)
        self.check_every = check_every
        self._lock = threading.Lock()
        self._current: Knowledge | None = None
        self._fingerprint = ""
        self._checked = 0.0
        self._reloading = False
        self.last_problems: list = []

    def current(self) -> Knowledge:
        now = time.monotonic()
        if self._current is not None and now - self._checked < self.check_every:
            return self._current
        with self._lock:
            self._checked = time.monotonic()
            try:
                fingerprint = folder_fingerprint(self.root) if self.root.is_dir() else ""
            except OSError:
                fingerprint = self._fingerprint
            if self._current is None:
                self._reload(fingerprint)
            elif fingerprint != self._fingerprint and not self._reloading:
                if len(self._current.kb.services) < BACKGROUND_FROM:
                    self._reload(fingerprint)
                else:  # a large knowledge base reloads beside the live one; requests never wait
                    self._reloading = True
                    threading.Thread(target=self._reload_in_background, args=(fingerprint,), daemon=True).start()
            assert self._current is not None
            return self._current

    def _reload_in_background(self, fingerprint: str) -> None:
        try:
            self._reload(fingerprint)
        except Exception:  # never take the bot down: keep serving what we have
            log.exception("knowledge reload failed; still serving the previous version")
        finally:
            self._reloading = False

    def _reload(self, fingerprint: str) -> None:
        started = time.monotonic()
        with collector_paused():
            result = load_knowledge(self.root, get_gazetteer(), cache_dir=self.cache_dir)
            knowledge_cache.prune(self.cache_dir)
            self._fingerprint = fingerprint
            self.last_problems = result.problems
            knowledge = build(result) if result.ok or self._current is None else None
        if knowledge is not None:
            if not result.ok:
                for p in result.errors:
                    log.error("knowledge: %s", p)
                log.error("knowledge in %s has errors; the entries with errors are left out", self.root)
            self._current = knowledge
            log.info(
                "knowledge loaded from %s: %d services, %d countries, %d rights texts (%.2f s)",
                self.root, len(result.kb.services), len(result.kb.countries), len(result.kb.rights),
                time.monotonic() - started,
            )
        else:
            for p in result.errors:
                log.error("knowledge: %s", p)
            log.error("knowledge in %s has %d errors; still serving the previous version", self.root, len(result.errors))


_default: KnowledgeStore | None = None


def default_store() -> KnowledgeStore:
    """The process-wide store for ``BOT_KNOWLEDGE_DIR``."""
    global _default
    if _default is None or _default.root != default_knowledge_dir():
        _default = KnowledgeStore()
    return _default
