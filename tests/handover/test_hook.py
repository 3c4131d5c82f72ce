"""The channel hook against the console database: quiet while open, danger still answered."""

from __future__ import annotations

import pytest

from bot.channels.handover_hook import _hold, is_delete
from bot.handover import crypto, store
from console.handover.models import Handover, Message

pytestmark = pytest.mark.django_db


def test_no_handover_lets_rasa_answer():
    assert _hold("nobody", "+5215500000000", "hola", "MX") is None


def test_open_handover_keeps_the_message_and_stays_quiet():
    store.open_request("p1", "twilio", "sms", "es")
    assert _hold("p1", "+5215500000000", "sigo esperando", "MX") == []
    h = Handover.objects.get(sender="p1")
    assert crypto.decrypt(h.address) == "+5215500000000"
    assert [crypto.decrypt(m.text) for m in h.messages.all()] == ["sigo esperando"]


def test_danger_during_handover_gets_the_emergency_line_and_marks_urgent():
    store.open_request("p2", "twilio", "whatsapp", "es", country="MX")
    answer = _hold("p2", "+5215500000000", "me quiere matar, tiene un cuchillo", "MX")
    assert answer and "911" in answer[0]
    assert Handover.objects.get(sender="p2").urgent and Message.objects.get().danger


def test_delete_my_data_erases_and_goes_on_to_rasa():
    store.open_request("p3", "telegram", "telegram", "es")
    _hold("p3", "1234", "hola", "")
    assert _hold("p3", "1234", "borrar mis datos", "") is None
    assert not Message.objects.exists() and not Handover.objects.exclude(status=Handover.CLOSED).exists()


def test_locations_are_kept_as_a_word_not_coordinates():
    store.open_request("p4", "telegram", "telegram", "es")
    _hold("p4", "1234", "/inform_place", "")
    assert crypto.decrypt(Message.objects.get().text) == "(inform_place)"


@pytest.mark.parametrize("text", ["Borrar mis datos", "delete my data please", "/delete_data", "apagar meus dados"])
def test_delete_phrases(text):
    assert is_delete(text)
