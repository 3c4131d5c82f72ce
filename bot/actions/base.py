"""What every action does: read the turn and the slots, call the core, send the reply, set the
slots that changed (:class:`DialogueAction`). The actions themselves: ``bot/actions/dialogue.py``."""

from __future__ import annotations

import abc
import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.send import send_reply
from bot.answers.fallback import fallback_messages
from bot.answers.reply import MEDIA
from bot.clock import now
from bot.dialogue import State, Turn, respond
from bot.knowledge.store import default_store

log = logging.getLogger(__name__)

def turn_from_tracker(tracker: Tracker) -> Turn:
    message = tracker.latest_message or {}
    metadata = message.get("metadata") or {}
    intent = (message.get("intent") or {}).get("name") or ""
    try:
        confidence = float((message.get("intent") or {}).get("confidence", 1.0))
    except (TypeError, ValueError):
        confidence = 1.0  # no figure: no doubt either (Turn's default)
    location = None
    try:
        if metadata.get("latitude") is not None and metadata.get("longitude") is not None:
            location = (float(metadata["latitude"]), float(metadata["longitude"]))
    except (TypeError, ValueError):
        location = None
    medium = str(metadata.get("medium") or tracker.get_latest_input_channel() or "rest")
    if medium not in MEDIA:
        medium = "rest"
    return Turn(
        text=message.get("text") or "",
        intent=intent,
        confidence=confidence,
        medium=medium,
        location=location,
        phone_country=metadata.get("country") or None,
        media=metadata.get("media") or None,
    )


# Turns that say nothing about what the person needed
SMALL_TALK = {"greet", "goodbye", "affirm", "deny", "choose_option", "choose_language", "menu", "help", "more",
              "ask_person", "nlu_fallback", "inform_place"}


def answered_so_far(tracker: Tracker) -> str:
    """The intents the bot answered in this conversation, for staff ("need_shelter, ask_rights")."""
    seen: list[str] = []
    for event in tracker.events:
        name = ((event.get("parse_data") or {}).get("intent") or {}).get("name") if event.get("event") == "user" else None
        if name and name not in SMALL_TALK and name not in seen:
            seen.append(name)
    return ", ".join(seen)


async def open_handover(kb, tracker: Tracker, turn: Turn, state: State) -> str:
    """The person said yes: record the request in the shared database; what to tell them."""
    from bot.handover import hours, replies, store

    channel = tracker.get_latest_input_channel() or ""
    place = (state.place or {}).get("name", "") if isinstance(state.place, dict) else ""
    online = None
    if channel in ("twilio", "telegram"):  # the channels the console can answer on
        try:
            opened = await asyncio.to_thread(store.open_request, tracker.sender_id, channel, turn.medium,
                                             state.lang or "", state.need or "", state.country or "", place,
                                             answered_so_far(tracker))
            online = opened.agents_online
        except Exception as exc:  # no key in production, no database: say so, store nothing
            log.warning("handover could not be opened: %s", type(exc).__name__)
    return replies.opened(kb, state.language, state.country or "", hours.load(), online, now())


async def count_need(outcome: tuple[str, str, str, str]) -> None:
    """One more in the aggregate counts of needs met (the console's report); never fails the answer."""
    from bot.handover import store

    try:
        await asyncio.to_thread(store.count_need, *outcome)
    except Exception as exc:
        log.warning("the need could not be counted: %s", type(exc).__name__)


async def count_report(report: tuple[str, str]) -> None:
    """One more report that a listed service is wrong (for staff's "to check" list); never fails the answer."""
    from bot.handover import store

    try:
        await asyncio.to_thread(store.count_report, *report)
    except Exception as exc:
        log.warning("the report on a service could not be counted: %s", type(exc).__name__)


class DialogueAction(Action, abc.ABC):
    """Calls the dialogue handler ``handler`` of the core (a key of :data:`bot.dialogue.HANDLERS`).

    Abstract, so that rasa-sdk registers only the subclasses, each under its own name."""

    @property
    @abc.abstractmethod
    def handler(self) -> str:
        """The handler's name; the action is ``action_<handler>``."""

    def name(self) -> str:
        return f"action_{self.handler}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        turn = turn_from_tracker(tracker)
        before = State.from_slots(tracker.current_slot_values())
        state = State.from_slots(tracker.current_slot_values())
        knowledge = default_store().current()
        try:
            reply, state = respond(knowledge, self.handler, turn, state)
            if state.handover_request:
                reply.add(await open_handover(knowledge.kb, tracker, turn, state))
            if reply.outcome:
                await count_need(reply.outcome)
            if reply.report:
                await count_report(reply.report)
        except Exception:
            # the person gets the fallback (the emergency line if the message says danger), and
            # the log gets where it failed: the masked traceback holds no message text
            log.exception("action_%s failed", self.handler)
            for text in fallback_messages(turn.text, before.country or turn.phone_country, before.language):
                dispatcher.utter_message(text=text)
            return []
        send_reply(dispatcher, reply, turn.medium, state.language)
        log.debug("handled %s (intent %s, %d messages)", self.handler, turn.intent, len(reply.messages))
        changed = {k: v for k, v in state.as_slots().items() if before.as_slots().get(k) != v}
        return [SlotSet(k, v) for k, v in changed.items()]

