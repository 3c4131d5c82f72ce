"""Layer 2: "2 cerrado" after a list adds one to the console's count for that service, and nothing else."""

import pytest

pytestmark = [pytest.mark.rasa, pytest.mark.django_db(transaction=True)]


async def run(action_name, text, intent, slots):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from bot.actions import ACTIONS

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": [],
              "metadata": {"medium": "whatsapp"}}
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": "twilio"}]
    tracker = Tracker("pseudo-whatsapp-7", slots, latest, events, False, None, None, "action_listen")
    action = next(cls() for cls in ACTIONS if cls().name() == action_name)
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return [m["text"] for m in dispatcher.messages], {e["name"]: e["value"] for e in events if e["event"] == "slot"}


async def test_a_report_is_counted_per_day_service_and_kind_only():
    from bot import clock
    from console.handover.models import Handover, NeedCount, ServiceReport

    _, slots = await run("action_find_services", "necesito un doctor en Tapachula", "need_medical", {})
    assert len(slots["shown"]) == 3
    said, after = await run("action_option", "2 cerrado", "choose_option", slots)
    assert said[0].startswith("Gracias por avisar sobre")
    await run("action_option", "2 serrado", "choose_option", {**slots, **after})
    await run("action_fallback", "3 numero equivocado", "nlu_fallback", {**slots, **after})
    rows = sorted([(r.day, r.service, r.kind, r.n) async for r in ServiceReport.objects.all()])
    assert rows == sorted([(clock.today(), slots["shown"][1], "closed", 2),
                           (clock.today(), slots["shown"][2], "wrong_number", 1)])
    # the search was counted once for the report of needs; the reports add no search and no request
    assert await NeedCount.objects.acount() == 1 and not await Handover.objects.aexists()
