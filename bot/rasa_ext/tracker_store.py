"""A SQL tracker store that keeps no message text, erases on request and purges old conversations.

Rasa's ``SQLTrackerStore`` with three changes:

* user and bot texts are not written (the intent, slots and actions are all the dialogue
  needs); message metadata (a shared location, ...) is not written either, nor the metadata
  Rasa copies into ``session_started_metadata``: only the medium (SMS, WhatsApp ...) is kept;
* when a turn ends with the ``erase`` slot set (the person confirmed "delete my data"), every
  event of that conversation is deleted instead of saved: the next message starts fresh. If
  the erase fails, the channel is told (:func:`pop_erase_failure`) and says so, instead of
  "done";
* conversations whose last event is older than the retention period are purged, at most once an
  hour by the running server and on demand by ``bot privacy purge``;
* a turn costs the same at the 40th message as at the 2nd: once the current session holds more
  than :data:`COMPACT_AFTER` events, the store starts a new session carrying the slots (what Rasa
  does when a session expires). Every rule of this bot looks at the latest intent only and the
  conversation's state is in slots, so nothing the dialogue needs is lost; retrieval, the policies
  and the tracker sent to the action server stay small. (Staff's summary of what was asked before
  a handover covers the current session.)
* on SQLite, the journal is a write-ahead log with ``synchronous=NORMAL`` (a commit no longer waits
  for the disk twice; a crash of the process loses nothing, a power cut at most the last turns),
  connections are pooled, and erased rows are overwritten (``secure_delete``) and the log emptied
  after an erase, so that a deleted conversation does not linger in the file.

It runs on SQLite by default (``var/rasa.db``) and on PostgreSQL with the same settings.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot import DEFAULT_LANGUAGE, clock
from bot.privacy.logs import install as install_log_masking

log = logging.getLogger(__name__)
ERASE_SLOT = "erase"
PURGE_EVERY_S = 3600
DEFAULT_RETENTION_DAYS = 30
KEPT_METADATA = ("medium",)
SESSION_METADATA_SLOT = "session_started_metadata"
COMPACT_AFTER = 40  # events in the current session (about 6 turns)
# sender id -> language, for the channel to say "the deletion failed" (same process: the tracker
# store runs in the Rasa server, whose channels ask right after the turn)
_erase_failures: dict[str, str] = {}


def pop_erase_failure(sender_id: str) -> str | None:
    """The language to apologise in if erasing ``sender_id`` failed during the last turn."""
    return _erase_failures.pop(sender_id, None)


def retention_days() -> int:
    try:
        return max(0, int(os.environ.get("BOT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)))
    except ValueError:
        return DEFAULT_RETENTION_DAYS


def _kept(metadata: Any) -> dict[str, Any]:
    metadata = metadata if isinstance(metadata, dict) else {}
    return {k: metadata[k] for k in KEPT_METADATA if k in metadata}


def redact(data: dict[str, Any]) -> dict[str, Any]:
    """An event as stored: no message text, no free-form metadata."""
    event = data.get("event")
    if "metadata" in data:
        data = dict(data)
        data["metadata"] = _kept(data.get("metadata"))
    if event == SlotSet.type_name and data.get("name") == SESSION_METADATA_SLOT:
        data = dict(data)
        data["value"] = _kept(data.get("value")) or None
    if event in (UserUttered.type_name, BotUttered.type_name):
        data = dict(data)
        data["text"] = None
        if event == UserUttered.type_name:
            parse = dict(data.get("parse_data") or {})
            parse.pop("text", None)
            parse.pop("entities", None)
            parse.pop("response_selector", None)
            parse.pop("metadata", None)
            parse["intent_ranking"] = (parse.get("intent_ranking") or [])[:1]
            data["parse_data"] = parse
        else:
            data["data"] = {}
            data["metadata"] = {}
    return data


def erase_requested(events: list) -> bool:
    return any(isinstance(e, SlotSet) and e.key == ERASE_SLOT and e.value for e in events)


def session_length(tracker: DialogueStateTracker) -> int:
    """Events since (and with) the latest session start."""
    n = 0
    for event in reversed(tracker.events):
        n += 1
        if isinstance(event, SessionStarted):
            break
    return n


def restart_events(tracker: DialogueStateTracker) -> list[Event]:
    """A new session with the slots of ``tracker``, as Rasa's ``action_session_start`` writes it
    (the slots are carried over; ``session_config`` in the domain does the same on expiry)."""
    stamp = time.time()
    later = stamp + 0.001  # retrieval starts at the latest session_started, by timestamp
    slots = [SlotSet(slot.name, slot.value, timestamp=later) for slot in tracker.slots.values()
             if slot.value != slot.initial_value]
    return [ActionExecuted(ACTION_SESSION_START_NAME, timestamp=stamp), SessionStarted(timestamp=later), *slots,
            ActionExecuted(ACTION_LISTEN_NAME, timestamp=later)]


def _sqlite_settings(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "secure_delete=ON", "busy_timeout=5000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


class PrivateSQLTrackerStore(SQLTrackerStore):
    """See the module docstring. Configured in ``endpoints.yml`` like Rasa's ``sql`` store."""

    def __init__(self, *args: Any, retention_days: int | None = None, **kwargs: Any) -> None:
        install_log_masking()
        if "$" in str(kwargs.get("db") or ""):
            # an unexpanded ${VAR} once became a database file of that name in the working folder
            raise ValueError(f"tracker store database name {kwargs['db']!r}: a variable is not set")
        if kwargs.get("dialect", "sqlite") == "sqlite" and kwargs.get("db"):
            folder = os.path.dirname(str(kwargs["db"]))
            if folder:
                os.makedirs(folder, exist_ok=True)
        super().__init__(*args, **kwargs)
        self.sqlite = self.engine.dialect.name == "sqlite"
        if self.sqlite and self.engine.url.database:
            # Rasa opens a new SQLite connection for every query (NullPool): pool them, with the
            # settings above (the event loop's thread and `bot privacy purge` use them one at a time)
            self.engine.dispose()
            self.engine = sa.create_engine(self.engine.url, poolclass=sa.pool.QueuePool, pool_size=2,
                                           connect_args={"check_same_thread": False})
            sa.event.listen(self.engine, "connect", _sqlite_settings)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        else:
            # check pooled connections before use: after a database restart they are all dead, and
            # Rasa would otherwise start a new, empty conversation on the first failed read
            self.engine.pool._pre_ping = True
        self.retention_days = retention_days if retention_days is not None else globals()["retention_days"]()
        self._last_purge = float("-inf")
        self._purge_lock = threading.Lock()

    async def save(self, tracker: DialogueStateTracker) -> None:
        with self.session_scope() as session:
            new_events = list(self._additional_events(session, tracker))
        if erase_requested(new_events):
            try:
                self.erase(tracker.sender_id)
            except Exception as exc:
                _erase_failures[tracker.sender_id] = str(tracker.get_slot("lang") or DEFAULT_LANGUAGE)
                log.error("erasing a conversation failed (%s); the person is told", type(exc).__name__)
                return
            log.info("a conversation was erased at the person's request")
            return
        if not any(isinstance(e, UserUttered) for e in tracker.events):
            return  # nobody wrote (e.g. an HTTP API look-up): nothing worth keeping
        await self.stream_events(tracker)
        if session_length(tracker) > COMPACT_AFTER:
            new_events += restart_events(tracker)
        with self.session_scope() as session:
            for event in new_events:
                data = redact(event.as_dict())
                intent = (data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY)
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=intent,
                        action_name=data.get("name") if isinstance(event, ActionExecuted) else None,
                        data=json.dumps(data),
                    )
                )
            session.commit()
        self.purge_if_due()

    def erase(self, sender_id: str) -> int:
        """Delete every event of one conversation; returns how many were deleted."""
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
            session.commit()
            if self.sqlite:  # the log still holds the erased rows' pages until it is emptied
                session.execute(sa.text("PRAGMA wal_checkpoint(TRUNCATE)"))
        return deleted

    def purge(self, days: int | None = None, now: float | None = None) -> int:
        """Delete the conversations whose last event is older than ``days``; returns how many."""
        days = self.retention_days if days is None else days
        cutoff = (now or clock.epoch()) - days * 86400
        events = self.SQLEvent
        with self.session_scope() as session:
            stale = (
                session.query(events.sender_id)
                .group_by(events.sender_id)
                .having(sa.func.max(events.timestamp) < cutoff)
                .all()
            )
            ids = [sender for (sender,) in stale]
            for start in range(0, len(ids), 500):
                session.query(events).filter(events.sender_id.in_(ids[start : start + 500])).delete(
                    synchronize_session=False
                )
            session.commit()
        if ids:
            log.info("retention: purged %d conversations older than %d days", len(ids), days)
        return len(ids)

    def purge_if_due(self) -> None:
        now = time.monotonic()
        if now - self._last_purge < PURGE_EVERY_S or not self._purge_lock.acquire(blocking=False):
            return
        try:
            self._last_purge = now
            self.purge()
        except Exception:  # a failed purge must never lose the conversation being saved
            log.exception("retention purge failed; will try again later")
        finally:
            self._purge_lock.release()
