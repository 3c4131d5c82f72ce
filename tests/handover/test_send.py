"""Staff replies through python-telegram-bot's Bot.send_message, against a fake Bot API on loopback."""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.handover.send import SendError, send


@pytest.fixture
def bot_api(monkeypatch):
    calls, state = [], {"fail": False}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):  # noqa: N802 - http.server API
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if "json" in self.headers.get("Content-Type", ""):
                params = json.loads(raw or b"{}")
            else:
                params = {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode()).items()}
            method = self.path.rsplit("/", 1)[-1]
            calls.append((method, params))
            if method == "getMe":
                body = {"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "Bot", "username": "b"}}
            elif state["fail"]:
                body = {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
            else:
                body = {"ok": True, "result": {"message_id": 1, "date": 0, "chat": {"id": int(params["chat_id"]),
                        "type": "private"}, "text": params["text"]}}
            data = json.dumps(body).encode()
            self.send_response(200 if body["ok"] else 403)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("TELEGRAM_API_URL", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:TEST")
    yield calls, state
    server.shutdown()


def test_telegram_reply_goes_through_send_message(bot_api):
    calls, _ = bot_api
    send("telegram", "7000001234", "", "Hola, soy Ana")
    sent = [(int(p["chat_id"]), p["text"]) for m, p in calls if m == "sendMessage"]
    assert sent == [(7000001234, "Hola, soy Ana")]


def test_a_blocked_bot_is_a_send_error_the_agent_sees(bot_api):
    _, state = bot_api
    state["fail"] = True
    with pytest.raises(SendError, match="Telegram refused"):
        send("telegram", "7000001234", "", "Hola")


def test_no_address_no_send():
    with pytest.raises(SendError):
        send("whatsapp", "", "whatsapp:+14155238886", "Hola")
