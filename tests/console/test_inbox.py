"""The inbox: order, live data, claim, reply through Twilio's REST API, WhatsApp's 24-hour rule,
failed sends, close; no text or address in clear in the database or the audit log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from bot.handover import crypto, store
from console.audit.models import Entry
from console.handover.models import Handover, Message

pytestmark = pytest.mark.django_db
NUMBER = "+52" + "155" + "1098" + "7654"  # built from parts, as in tests/e2e


def request(sender="pseudo-1", medium="whatsapp", address=NUMBER, lang="es") -> Handover:
    opened = store.open_request(sender, "twilio", medium, lang, "shelter", "MX", "Tapachula")
    store.attach_address(sender, address, "whatsapp:+14155238886" if medium == "whatsapp" else "+14155238886")
    return Handover.objects.get(pk=opened.id)


def raw_rows() -> str:
    """Every value of the handover tables, as stored."""
    with connection.cursor() as cur:
        rows = []
        for table in ("handover_handover", "handover_message", "audit_entry"):
            cur.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            rows.extend(cur.fetchall())
    return repr(rows)


def test_texts_and_addresses_are_encrypted_at_rest_and_the_address_erased_at_close(agent, client, fake_twilio):
    h = request()
    store.hold(h.id, "me robaron todo en la frontera", danger=False)
    assert NUMBER not in raw_rows() and "robaron" not in raw_rows()
    assert crypto.decrypt(Handover.objects.get(pk=h.id).address) == NUMBER
    client.post(f"/inbox/{h.id}/claim")
    client.post(f"/inbox/{h.id}/reply", {"text": "Hola, te ayudo"})
    client.post(f"/inbox/{h.id}/close", {"outcome": "answered"})
    h.refresh_from_db()
    assert h.status == Handover.CLOSED and h.address == "" and h.outcome == "answered"
    assert "Hola, te ayudo" not in raw_rows()


def test_urgent_first_then_the_longest_waiting(agent, client):
    old, new, urgent = request("a"), request("b"), request("c")
    Handover.objects.filter(pk=old.id).update(last_person_at=timezone.now() - timedelta(minutes=30))
    store.hold(urgent.id, "me quieren matar", danger=True)
    ids = [r["id"] for r in client.get("/inbox/poll").json()["requests"]]
    assert ids == [urgent.id, old.id, new.id]


def test_the_poll_shows_the_conversation_and_marks_the_agent_present(agent, client):
    h = request()
    assert not store.agents_online()
    store.hold(h.id, "¿Hay alguien?", danger=False)
    data = client.get(f"/inbox/poll?h={h.id}").json()
    assert [m["text"] for m in data["conversation"]] == ["¿Hay alguien?"]
    assert data["requests"][0]["lang"] == "es" and data["requests"][0]["need"] == "shelter"
    assert store.agents_online()


def test_a_reply_goes_out_through_twilio_messages_create(agent, client, fake_twilio):
    h = request()
    client.post(f"/inbox/{h.id}/claim")
    client.post(f"/inbox/{h.id}/reply", {"text": "Hola, soy Ana de la Cruz Roja"})
    assert fake_twilio.bodies_to(f"whatsapp:{NUMBER}") == ["Hola, soy Ana de la Cruz Roja"]
    path, params = fake_twilio.calls[0]
    assert path == "/2010-04-01/Accounts/ACtest/Messages.json" and params["From"] == "whatsapp:+14155238886"
    message = Message.objects.get(author=Message.STAFF)
    assert message.send_error == "" and crypto.decrypt(message.text) == "Hola, soy Ana de la Cruz Roja"
    assert [e.action for e in Entry.objects.order_by("at")] == ["claim", "reply"]


def test_sms_replies_go_to_the_plain_number(agent, client, fake_twilio):
    h = request(medium="sms")
    client.post(f"/inbox/{h.id}/reply", {"text": "Hola"})
    assert fake_twilio.bodies_to(NUMBER) == ["Hola"]


def test_a_failed_send_is_shown_to_the_agent(agent, client, fake_twilio):
    fake_twilio.fail = True
    h = request()
    response = client.post(f"/inbox/{h.id}/reply", {"text": "Hola"}, follow=True)
    page = response.content.decode()
    assert "NO se envió" in page or "NOT sent" in page
    assert Message.objects.get(author=Message.STAFF).send_error
    assert Entry.objects.filter(action="reply_failed").exists()


def test_whatsapp_free_text_only_within_24_hours(agent, client, fake_twilio):
    h = request()
    Handover.objects.filter(pk=h.id).update(last_person_at=timezone.now() - timedelta(hours=25))
    page = client.get(f"/inbox/?h={h.id}").content.decode()
    assert "24" in page
    client.post(f"/inbox/{h.id}/reply", {"text": "Hola"})
    assert fake_twilio.calls == [] and not Message.objects.filter(author=Message.STAFF).exists()


def test_closing_tells_the_person_the_bot_is_back(agent, client, fake_twilio):
    h = request(lang="en")
    client.post(f"/inbox/{h.id}/close", {"outcome": "referred"})
    [body] = fake_twilio.bodies_to(f"whatsapp:{NUMBER}")
    assert "MENU" in body
    assert client.get("/inbox/poll").json()["requests"] == []


def test_delete_my_data_erases_messages_and_closes(db):
    h = request()
    store.hold(h.id, "mi hija se perdió", danger=False)
    store.erase("pseudo-1")
    assert not Message.objects.exists()
    h.refresh_from_db()
    assert h.status == Handover.CLOSED and h.address == "" and h.sender == "" and h.outcome == "deleted"


def test_texts_are_erased_after_the_retention_period(db):
    h = request()
    store.hold(h.id, "viejo", danger=False)
    Message.objects.update(at=timezone.now() - timedelta(days=31))
    store.hold(h.id, "nuevo", danger=False)
    assert store.purge(30) == 1
    assert [crypto.decrypt(m.text) for m in Message.objects.all()] == ["nuevo"]


def test_a_forgotten_request_is_closed_after_the_retention_period(db):
    h = request()
    Handover.objects.filter(pk=h.id).update(last_person_at=timezone.now() - timedelta(days=31))
    store.purge(30)
    h.refresh_from_db()
    assert h.status == Handover.CLOSED and h.address == "" and h.outcome == "expired"
    assert store.find_active("pseudo-1") is None  # the bot answers the person again


def test_one_request_per_conversation_at_a_time(db):
    a = store.open_request("same", "telegram", "telegram")
    b = store.open_request("same", "telegram", "telegram")
    assert a.id == b.id


def test_inbox_page_in_a_phone_sized_layout(agent, client):
    request()
    page = client.get("/inbox/").content.decode()
    assert 'name="viewport"' in page and "console.js" in page and "<script>" not in page
