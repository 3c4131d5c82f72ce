"""Asking for a person, through the core (no Rasa, no database): consent first, offers, menu item."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.dialogue import State, Turn, respond
from bot.handover import crypto, hours, replies

ORG = "Sample deployment (replace in knowledge/deployment.yml)"


def say(knowledge, state, text, intent, handler):
    reply, state = respond(knowledge, handler, Turn(text=text, intent=intent, medium="whatsapp", phone_country="MX"),
                           state)
    return reply, state


def test_consent_says_who_reads_and_how_long_then_yes_requests(knowledge):
    reply, state = say(knowledge, State(), "quiero hablar con una persona", "ask_person", "ask_person")
    assert ORG in reply.text and "30 días" in reply.text and "SÍ" in reply.text
    assert not state.handover_request  # nothing before the yes
    reply, state = say(knowledge, state, "si", "affirm", "confirm")
    assert state.handover_request and state.menu is None


def test_no_means_nothing_is_requested(knowledge):
    _, state = say(knowledge, State(), "quiero hablar con una persona", "ask_person", "ask_person")
    reply, state = say(knowledge, state, "no", "deny", "confirm")
    assert not state.handover_request and "no guardé nada" in reply.text


def test_retention_comes_from_the_setting(knowledge, monkeypatch):
    monkeypatch.setenv("BOT_HANDOVER_RETENTION_DAYS", "7")
    reply, _ = say(knowledge, State(lang="en", lang_chosen=True), "person", "ask_person", "ask_person")
    assert "7 days" in reply.text


@pytest.mark.parametrize("text,intent,handler", [
    ("me violaron", "emergency", "emergency"),
    ("busco a mi hermano desaparecido", "need_family_links", "find_services"),
    ("me siento muy triste", "need_psychosocial", "find_services"),
])
def test_offer_after_sensitive_answers(knowledge, text, intent, handler):
    reply, _ = say(knowledge, State(), text, intent, handler)
    assert "Responde PERSONA" in reply.text


def test_offer_after_detention_rights(knowledge):
    reply, _ = say(knowledge, State(country="MX"), "me detuvo migración, qué derechos tengo en México", "ask_rights",
                   "rights")
    assert "Responde PERSONA" in reply.text


def test_the_other_menu_has_a_person(knowledge):
    reply, state = say(knowledge, State(), "8", "choose_option", "option")  # "Otros"
    assert "Escribir con una persona" in reply.text
    number = reply.text.split("Escribir con una persona")[0].strip().splitlines()[-1].split(".")[0]
    reply, state = say(knowledge, state, number, "choose_option", "option")
    assert state.menu == "handover_consent" and ORG in reply.text


def test_office_hours():
    h = hours.load()
    zone = ZoneInfo("America/Mexico_City")
    assert h.is_open(datetime(2026, 12, 1, 10, 0, tzinfo=zone))  # a Tuesday
    assert not h.is_open(datetime(2026, 12, 5, 10, 0, tzinfo=zone))  # a Saturday
    assert h.next_opening(datetime(2026, 12, 5, 10, 0, tzinfo=zone)) == datetime(2026, 12, 7, 9, 0, tzinfo=zone)


def test_what_the_person_hears_after_yes(knowledge):
    kb, h = knowledge.kb, hours.load()
    tuesday = datetime(2026, 12, 1, 16, 0, tzinfo=timezone.utc)  # 10:00 in Mexico City
    saturday = datetime(2026, 12, 5, 16, 0, tzinfo=timezone.utc)
    assert "responderá aquí" in replies.opened(kb, "es", "MX", h, True, tuesday)
    waiting = replies.opened(kb, "es", "MX", h, True, saturday)
    assert "07/12 09:00" in waiting and "911" in waiting
    assert "en espera" in replies.opened(kb, "es", "MX", h, False, tuesday)  # nobody signed in
    assert "no es posible" in replies.opened(kb, "es", "MX", h, None, tuesday)


def test_production_refuses_without_a_key(monkeypatch):
    monkeypatch.setenv("BOT_ENV", "production")
    monkeypatch.delenv("BOT_HANDOVER_KEY", raising=False)
    crypto._fernet.cache_clear()
    try:
        with pytest.raises(crypto.HandoverKeyError):
            crypto.encrypt("x")
    finally:
        crypto._fernet.cache_clear()


def test_encryption_round_trip():
    number = "+52" + "155" + "1098" + "7654"
    token = crypto.encrypt(number)
    assert number[3:] not in token and crypto.decrypt(token) == number
    assert crypto.decrypt("garbage") == ""
