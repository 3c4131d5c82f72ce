"""Layer 2: the yes to a person opens a request in the console database, with what the bot knows."""

import pytest

pytestmark = [pytest.mark.rasa, pytest.mark.django_db(transaction=True)]


def tracker(events, text, intent, slots, channel):
    from rasa_sdk import Tracker

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": [],
              "metadata": {"medium": "telegram"}}
    events = [*events, {"event": "user", "text": text, "parse_data": latest, "input_channel": channel}]
    return Tracker("pseudo-telegram-1", slots, latest, events, False, None, None, "action_listen")


def user(intent):
    return {"event": "user", "text": "...", "parse_data": {"intent": {"name": intent}}, "input_channel": "telegram"}


async def confirm(channel="telegram"):
    from rasa_sdk.executor import CollectingDispatcher

    from bot.actions import ACTIONS

    action = next(cls() for cls in ACTIONS if cls().name() == "action_confirm")
    dispatcher = CollectingDispatcher()
    slots = {"menu": "handover_consent", "lang": "es", "need": "shelter", "country": "MX",
             "place": {"name": "Tapachula", "country": "MX", "latitude": 14.9, "longitude": -92.26}}
    history = [user("greet"), user("need_shelter"), user("ask_rights"), user("ask_person")]
    await action.run(dispatcher, tracker(history, "si", "affirm", slots, channel), {})
    return " ".join(m["text"] for m in dispatcher.messages)


async def test_yes_opens_a_request_with_what_the_bot_knows():
    from console.handover.models import Handover

    said = await confirm()
    h = await Handover.objects.aget(sender="pseudo-telegram-1")
    assert (h.medium, h.lang, h.need, h.country, h.place) == ("telegram", "es", "shelter", "MX", "Tapachula")
    assert h.answered == "need_shelter, ask_rights" and h.address == ""  # the channel adds the address
    assert "911" in said


async def test_no_request_on_a_channel_staff_cannot_answer():
    from console.handover.models import Handover

    said = await confirm(channel="rest")
    assert not await Handover.objects.aexists()
    assert "no es posible" in said
