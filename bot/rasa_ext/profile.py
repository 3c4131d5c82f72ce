"""Per-turn timing of the Rasa server and the action server, for ``make bench`` only.

With ``BOT_PROFILE_FILE=path`` set, :func:`install` wraps the steps of a turn and appends one JSON
line per turn to ``path`` (the Rasa server) or ``path.actions`` (the action server):

* Rasa server: ``total_ms`` (``MessageProcessor.handle_message``), ``nlu_ms`` (parse),
  ``tracker_get_ms`` (retrieval from the tracker store), ``tracker_save_ms``, ``policy_ms``
  (predictions), ``action_call_ms`` (remote action calls: building the request, the HTTP round trip,
  reading the answer), ``action_body_bytes`` (the JSON the action server gets: the serialised
  tracker), ``events`` (events in the tracker when the turn ends);
* action server: ``sdk_ms`` (rasa-sdk's executor: reading the tracker JSON, running the action,
  the events back) and ``action_ms`` (the bot's action alone).

Unset, nothing is wrapped and nothing is written. No message text, no sender id: timings and sizes.
"""

from __future__ import annotations

import contextvars
import functools
import json
import os
import time
from typing import Any

_turn: contextvars.ContextVar[dict | None] = contextvars.ContextVar("bot_profile_turn", default=None)


def _path() -> str:
    return os.environ.get("BOT_PROFILE_FILE", "")


def _add(key: str, seconds: float) -> None:
    record = _turn.get()
    if record is not None:
        record[key] = record.get(key, 0.0) + seconds * 1000


def _timed_async(cls: type, name: str, key: str) -> None:
    original = getattr(cls, name)

    @functools.wraps(original)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await original(*args, **kwargs)
        finally:
            _add(key, time.perf_counter() - started)

    setattr(cls, name, wrapper)


def _timed_sync(cls: type, name: str, key: str) -> None:
    original = getattr(cls, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _add(key, time.perf_counter() - started)

    setattr(cls, name, wrapper)


def _write(path: str, record: dict) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in record.items()}) + "\n")


def install_rasa() -> bool:
    """Wrap the Rasa server's turn (in the Rasa server process, before the app starts)."""
    path = _path()
    if not path:
        return False
    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor

    handle = MessageProcessor.handle_message

    @functools.wraps(handle)
    async def handle_message(self: MessageProcessor, message: Any) -> Any:
        record: dict = {}
        token = _turn.set(record)
        started = time.perf_counter()
        try:
            return await handle(self, message)
        finally:
            record["total_ms"] = (time.perf_counter() - started) * 1000
            _turn.reset(token)
            _write(path, record)

    MessageProcessor.handle_message = handle_message
    _timed_async(MessageProcessor, "parse_message", "nlu_ms")
    _timed_async(MessageProcessor, "get_tracker", "tracker_get_ms")
    _timed_async(MessageProcessor, "save_tracker", "tracker_save_ms")
    _timed_sync(MessageProcessor, "_predict_next_with_tracker", "policy_ms")
    _timed_async(RemoteAction, "run", "action_call_ms")

    call_format = RemoteAction._action_call_format

    @functools.wraps(call_format)
    def action_call_format(self: RemoteAction, tracker: Any, domain: Any) -> dict:
        body = call_format(self, tracker, domain)
        record = _turn.get()
        if record is not None:
            record["action_body_bytes"] = record.get("action_body_bytes", 0) + len(json.dumps(body))
            record["events"] = len(tracker.events)
        return body

    RemoteAction._action_call_format = action_call_format
    return True


def install_actions(action_class: type) -> bool:
    """Wrap the action server's executor and ``action_class.run`` (the bot's actions; passed in, so
    that this package never imports ``bot.actions``)."""
    path = _path()
    if not path:
        return False
    from rasa_sdk.executor import ActionExecutor

    run = ActionExecutor.run

    @functools.wraps(run)
    async def executor_run(self: ActionExecutor, action_call: Any) -> Any:
        record: dict = {}
        token = _turn.set(record)
        started = time.perf_counter()
        try:
            return await run(self, action_call)
        finally:
            record["sdk_ms"] = (time.perf_counter() - started) * 1000
            _turn.reset(token)
            _write(path + ".actions", record)

    ActionExecutor.run = executor_run
    _timed_async(action_class, "run", "action_ms")
    return True
