"""The action classes, one per dialogue handler, all sharing :class:`DialogueAction`."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.send import send_reply
from bot.answers.fallback import fallback_messages
from bot.dialogue import State, Turn, respond
from bot.knowledge.store import default_store

log = logging.getLogger(__name__)

HANDLERS = (
    "greet",
    "menu",
    "help",
    "goodbye",
    "language",
    "find_services",
    "place",
    "more",
    "option",
    "confirm",
    "rights",
    "emergency",
    "delete_data",
    "what_do_you_know",
    "privacy",
    "who_runs",
    "tell_migration",
    "is_free",
    "fallback",
)


def turn_from_tracker(tracker: Tracker) -> Turn:
    message = tracker.latest_message or {}
    metadata = message.get("metadata") or {}
    intent = (message.get("intent") or {}).get("name") or ""
    confidence = float((message.get("intent") or {}).get("confidence") or 0.0)
    location = None
    try:
        if metadata.get("latitude") is not None and metadata.get("longitude") is not None:
            location = (float(metadata["latitude"]), float(metadata["longitude"]))
    except (TypeError, ValueError):
        location = None
    medium = str(metadata.get("medium") or tracker.get_latest_input_channel() or "rest")
    if medium not in ("sms", "whatsapp", "telegram", "rest"):
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


class DialogueAction(Action):
    """Calls the dialogue handler ``handler`` of the core."""

    handler = "fallback"

    def name(self) -> str:
        return f"action_{self.handler}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        turn = turn_from_tracker(tracker)
        before = State.from_slots(tracker.current_slot_values())
        state = State.from_slots(tracker.current_slot_values())
        try:
            reply, state = respond(default_store().current(), self.handler, turn, state)
        except Exception:
            # the person gets the fallback (the emergency line if the message says danger), and
            # the log gets where it failed: the masked traceback holds no message text
            log.exception("action_%s failed", self.handler)
            lang = before.lang or "es"
            for text in fallback_messages(turn.text, before.country or turn.phone_country, lang):
                dispatcher.utter_message(text=text)
            return []
        send_reply(dispatcher, reply, turn.medium, state.lang or "es")
        log.debug("handled %s (intent %s, %d messages)", self.handler, turn.intent, len(reply.messages))
        changed = {k: v for k, v in state.as_slots().items() if before.as_slots().get(k) != v}
        return [SlotSet(k, v) for k, v in changed.items()]


ACTIONS = [
    type(f"Action{''.join(part.title() for part in h.split('_'))}", (DialogueAction,), {"handler": h})
    for h in HANDLERS
]
