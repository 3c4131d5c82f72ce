"""Console tests: Django's test client on an in-memory copy of the console database, and a fake
Twilio REST API on loopback that records ``messages.create`` calls."""

from __future__ import annotations

import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from console.accounts.roles import add_user

PASSWORD = "a-long-staff-password-42"


@dataclass
class FakeTwilio:
    """Answers ``POST /2010-04-01/Accounts/<sid>/Messages.json`` like Twilio; ``fail`` makes it refuse."""

    calls: list = field(default_factory=list)
    fail: bool = False
    port: int = 0

    def start(self) -> FakeTwilio:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802 - http.server API
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                params = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
                fake.calls.append((self.path, params))
                if fake.fail:
                    status, body = 400, {"code": 21610, "message": "Attempt to send to unsubscribed recipient",
                                         "status": 400}
                else:
                    status, body = 201, {"sid": "SM" + "0" * 32, "status": "queued", "to": params.get("To"),
                                         "from": params.get("From"), "body": params.get("Body")}
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def bodies_to(self, to: str) -> list[str]:
        return [p["Body"] for _, p in self.calls if p.get("To") == to]


@pytest.fixture
def fake_twilio(monkeypatch):
    fake = FakeTwilio().start()
    monkeypatch.setenv("TWILIO_API_URL", fake.url)
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", "ACtest")
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "test-token")
    yield fake
    fake.server.shutdown()


def staff(client, name: str, role: str):
    """A signed-in account of ``role`` whose one-time password has been changed."""
    from django.contrib.auth.models import User

    add_user(name, role)
    user = User.objects.get(username=name)
    user.set_password(PASSWORD)
    user.save()
    user.profile.must_change_password = False
    user.profile.save()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return user


@pytest.fixture
def agent(client, db):
    return staff(client, "ana", "agent")
