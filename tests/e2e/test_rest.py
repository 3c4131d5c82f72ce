"""REST webhook against the real Rasa server and action server (issue: foundation)."""

import json
import subprocess
import sys
import time
import uuid

import pytest
import requests

from tests.conftest import write
from tests.knowledge.test_loader import SERVICE

pytestmark = pytest.mark.e2e


def say(bot, sender, text, metadata=None):
    body = {"sender": sender, "message": text}
    if metadata:
        body["metadata"] = metadata
    r = requests.post(f"{bot.url}/webhooks/rest/webhook", json=body, timeout=60)
    assert r.status_code == 200, r.text
    return "\n".join(m.get("text") or "" for m in r.json())


def kb_search(bot, need, near):
    out = subprocess.run([sys.executable, "-m", "bot.cli", "kb", "search", "--need", need, "--near", near, "--json"],
                         env=bot.env, capture_output=True, text=True, check=True)
    return [r["name"] for r in json.loads(out.stdout)["results"]]


def sender():
    return f"e2e-{uuid.uuid4().hex[:10]}"


def test_need_and_place_in_spanish_in_search_order(bot):
    reply = say(bot, sender(), "necesito un doctor en Tapachula")
    names = kb_search(bot, "medical", "Tapachula")[:3]
    positions = [reply.find(n) for n in names]
    assert -1 not in positions and positions == sorted(positions), reply
    assert "cerca de Tapachula" in reply


def test_need_then_place_in_english(bot):
    who = sender()
    first = say(bot, who, "I need a shelter")
    assert "where are you" in first.lower()
    reply = say(bot, who, "Tapachula")
    assert kb_search(bot, "shelter", "Tapachula")[0] in reply and "near Tapachula" in reply


def test_same_services_in_every_language(bot):
    first = kb_search(bot, "medical", "Tapachula")[0]
    for text in ("mwen bezwen yon doktè nan Tapachula", "preciso de um médico em Tapachula",
                 "j'ai besoin d'un médecin à Tapachula"):
        assert first in say(bot, sender(), text), text


def test_shared_location_and_more(bot):
    who = sender()
    say(bot, who, "necesito comida")
    reply = say(bot, who, "", {"latitude": 14.9055, "longitude": -92.2634})
    assert kb_search(bot, "food", "Tapachula")[0] in reply


@pytest.mark.parametrize("text", ["", "x" * 10_000, "😀🙏🔥", "estoy en Qwxzvbn", "asdkjh qwe"])
def test_odd_input_gets_a_helpful_reply(bot, text):
    reply = say(bot, sender(), text)
    assert reply.strip()


@pytest.mark.parametrize("body, reason", [(b"{not json", "invalid_body"), (b"[1,2]", "invalid_body"),
                                          (b'{"message": "hola"}', "invalid_sender"),
                                          (b'{"sender": "a", "message": 5}', "invalid_message")])
def test_malformed_body_is_a_400_with_a_reason(bot, body, reason):
    r = requests.post(f"{bot.url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}, timeout=30)
    assert r.status_code == 400 and r.json()["error"] == reason


def test_knowledge_change_is_served_without_restart(bot):
    service = SERVICE.replace("Test clinic", "Clínica de prueba recarga (EJEMPLO)").replace(
        "latitude: 14.9, longitude: -92.26", "latitude: 14.90541, longitude: -92.25891")
    path = write(bot.knowledge / "services" / "zz-reload.yml", service)
    try:
        deadline = time.monotonic() + 15
        reply = ""
        while time.monotonic() < deadline:
            reply = say(bot, sender(), "necesito un doctor en Tapachula")
            if "Clínica de prueba recarga" in reply:
                break
            time.sleep(1)
        assert "Clínica de prueba recarga" in reply
    finally:
        path.unlink()
        # leave the bot as the other tests expect it: the removal served too
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and "Clínica de prueba recarga" in say(bot, sender(), "necesito un doctor en Tapachula"):
            time.sleep(1)
