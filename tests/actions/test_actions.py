"""Layer 2: the custom actions with rasa_sdk's Tracker and CollectingDispatcher."""

import pytest

pytestmark = pytest.mark.rasa


def tracker(text, intent, slots=None, metadata=None, channel="rest"):
    from rasa_sdk import Tracker

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": [], "metadata": metadata or {}}
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": channel, "metadata": metadata or {}}]
    return Tracker("test-sender", slots or {}, latest, events, False, None, None, "action_listen")


async def run(action_name, text, intent, slots=None, metadata=None):
    from rasa_sdk.executor import CollectingDispatcher

    from bot import actions

    action = next(cls() for cls in actions.ACTIONS if cls().name() == action_name)
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker(text, intent, slots, metadata), {})
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


async def test_find_services_sends_results_and_sets_slots():
    messages, slots = await run("action_find_services", "necesito un doctor en Tapachula", "need_medical")
    text = "\n".join(m["text"] for m in messages)
    assert "Tapachula" in text and "km" in text
    assert slots["need"] == "medical" and slots["place"]["name"] == "Tapachula" and slots["lang"] == "es"
    assert slots["offset"] == 3


async def test_more_continues_from_the_slots():
    _, slots = await run("action_find_services", "necesito un doctor en Tapachula", "need_medical")
    messages, more_slots = await run("action_more", "mas", "more", slots)
    assert messages and more_slots["offset"] > 3


async def test_telegram_gets_buttons_and_location_request():
    messages, _ = await run("action_greet", "hola", "greet", metadata={"medium": "telegram"}, slots={})
    assert messages[-1]["buttons"] and messages[-1]["buttons"][0]["payload"] == "1"
    messages, _ = await run("action_find_services", "necesito comida", "need_food", metadata={"medium": "telegram"})
    assert messages[-1]["custom"] == {"request_location": "Compartir mi ubicación"}


async def test_emergency_from_a_mexican_number():
    messages, _ = await run("action_emergency", "ayuda nos estan golpeando", "emergency",
                            metadata={"medium": "whatsapp", "country": "MX"})
    assert "911" in messages[0]["text"].splitlines()[0]


async def test_delete_confirmation_sets_erase():
    _, slots = await run("action_delete_data", "borra mis datos", "delete_data", {"lang": "es", "greeted": True})
    messages, after = await run("action_confirm", "si", "affirm", {**slots, "lang": "es", "greeted": True})
    assert after["erase"] is True and "borrada" in messages[0]["text"]


async def test_media_gets_what_the_bot_can_read():
    messages, _ = await run("action_menu", "/menu", "menu", {"lang": "es", "greeted": True},
                            metadata={"medium": "whatsapp", "media": "audio"})
    assert "Solo puedo leer" in messages[0]["text"] and "1." in messages[-1]["text"]


async def test_an_action_that_raises_answers_with_the_fallback(monkeypatch, caplog):
    from bot.actions import base
    from bot.language.catalogue import t

    def broken(knowledge, handler, turn, state):
        raise RuntimeError(turn.text)  # what a careless error message holds

    monkeypatch.setattr(base, "respond", broken)
    messages, slots = await run("action_find_services", "necesito un doctor en Tapachula", "need_medical",
                                slots={"lang": "es"})
    assert [m["text"] for m in messages] == [t("es", "unavailable")] and slots == {}
    danger, _ = await run("action_emergency", "me estan golpeando", "emergency", slots={"lang": "es", "country": "MX"})
    assert "911" in danger[0]["text"]
    assert "action_find_services failed" in caplog.text and "Tapachula" not in caplog.text


def test_the_turn_carries_the_models_confidence():
    from bot.actions.base import turn_from_tracker

    assert turn_from_tracker(tracker("hola", "greet")).confidence == 0.99
