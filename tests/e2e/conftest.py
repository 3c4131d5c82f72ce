"""One real bot for all end-to-end tests: ``python -m bot.serve`` (Rasa server + action server) on
loopback, a copy of the sample knowledge, a SQLite tracker store under ``var/``, and a fake
Telegram Bot API server that records what the bot sends."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.serve import wait_until_up

ROOT = Path(__file__).resolve().parents[2]
PSEUDONYM_KEY = "e2e-test-key-0123456789abcdef"
TWILIO_TOKEN = "e2e-twilio-auth-token"
PUBLIC_URL = "https://bot.example.org"
TELEGRAM_TOKEN = "123456:E2E-TEST-TOKEN"
TELEGRAM_SECRET = "e2e-webhook-secret"
HANDOVER_KEY = "0bE2Q3uT1cBEo-0yKZ6pq9wm8i9c9I2mD0V5Zc3YwXg="  # a Fernet key, for tests only


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class FakeTelegram:
    """Answers getMe and sendMessage like the Bot API, and keeps every call."""

    calls: list = field(default_factory=list)
    port: int = 0

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output clean
                pass

            def do_POST(self):  # noqa: N802 - http.server API
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                kind = self.headers.get("Content-Type", "")
                if "json" in kind:
                    params = json.loads(raw or b"{}")
                else:
                    params = {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode()).items()}
                method = self.path.rsplit("/", 1)[-1]
                fake.calls.append((method, params))
                if method == "getMe":
                    result = {"id": 123456, "is_bot": True, "first_name": "Bot", "username": "migrant_help_bot"}
                elif method == "sendMessage":
                    result = {"message_id": len(fake.calls), "date": int(time.time()),
                              "chat": {"id": int(params["chat_id"]), "type": "private"}, "text": params.get("text", "")}
                else:
                    result = True
                body = json.dumps({"ok": True, "result": result}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.server = server

    def messages_to(self, chat_id: int) -> list[dict]:
        return [p for m, p in self.calls if m == "sendMessage" and int(p.get("chat_id", 0)) == chat_id]


@dataclass
class RunningBot:
    url: str
    log: Path
    db: Path
    knowledge: Path
    telegram: FakeTelegram
    env: dict

    def pseudonym(self, channel: str, raw: str) -> str:
        code = ("import sys; from bot.privacy.pseudonym import pseudonym; "
                "print(pseudonym(sys.argv[1], sys.argv[2]))")
        out = subprocess.run([sys.executable, "-c", code, channel, raw], env=self.env, capture_output=True, text=True)
        return out.stdout.strip()


@pytest.fixture(scope="session")
def bot(tmp_path_factory) -> RunningBot:
    model = ROOT / "models" / "bot.tar.gz"
    if not model.exists():
        pytest.fail("no trained model: run make train (make test does it first)")
    var = ROOT / "var" / "e2e"
    shutil.rmtree(var, ignore_errors=True)
    var.mkdir(parents=True)
    knowledge = var / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    telegram = FakeTelegram()
    telegram.start()
    port, actions_port = free_port(), free_port()
    env = {
        **os.environ,
        "BOT_PSEUDONYM_KEY": PSEUDONYM_KEY,
        "BOT_KNOWLEDGE_DIR": str(knowledge),
        "BOT_SQLITE_PATH": str(var / "rasa.db"),
        "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "TWILIO_ACCOUNT_SID": "ACe2e",
        "BOT_PUBLIC_URL": PUBLIC_URL,
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET,
        "TELEGRAM_API_URL": f"http://127.0.0.1:{telegram.port}",
        "BOT_ACTION_URL": f"http://127.0.0.1:{actions_port}/webhook",
        "BOT_CONSOLE_SQLITE_PATH": str(var / "console.sqlite3"),
        "BOT_HANDOVER_KEY": HANDOVER_KEY,
    }
    log = var / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot.serve", "--port", str(port), "--actions-port", str(actions_port),
             "--host", "127.0.0.1"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(f"{url}/webhooks/rest/", 400, proc):
        proc.terminate()
        pytest.fail("the bot did not start:\n" + log.read_text()[-5000:])
    yield RunningBot(url, log, var / "rasa.db", knowledge, telegram, env)
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
