"""Real bots for the end-to-end and security tests: ``python -m bot.serve`` (what ``make run``
starts: Rasa server + action server) on loopback, a copy of the sample knowledge, a SQLite tracker
store under ``var/``, and a fake Telegram Bot API server that records what the bot sends.

The ``bot`` fixture (registered in ``tests/conftest.py``, so that both test folders share one)
runs with ``BOT_API_TOKEN`` set, as an operator who inspects trackers would; :func:`start_bot`
starts others with other settings (``tests/security``)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.serve import wait_until_up
from tools.harness import free_ports

ROOT = Path(__file__).resolve().parents[1]
PSEUDONYM_KEY = "e2e-test-key-0123456789abcdef"
TWILIO_TOKEN = "e2e-twilio-auth-token"
PUBLIC_URL = "https://bot.example.org"
TELEGRAM_TOKEN = "123456:E2E-TEST-TOKEN"
TELEGRAM_SECRET = "e2e-webhook-secret"
API_TOKEN = "e2e-api-token-0123456789"
HANDOVER_KEY = "0bE2Q3uT1cBEo-0yKZ6pq9wm8i9c9I2mD0V5Zc3YwXg="  # a Fernet key, for tests only


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
    actions_url: str = ""
    proc: subprocess.Popen | None = None

    @property
    def api_token(self) -> str:
        return self.env.get("BOT_API_TOKEN", "")

    def api(self, path: str) -> str:
        """The URL of a Rasa HTTP API path, with the token."""
        return f"{self.url}{path}?token={self.api_token}"

    def pseudonym(self, channel: str, raw: str) -> str:
        code = ("import sys; from bot.privacy.pseudonym import pseudonym; "
                "print(pseudonym(sys.argv[1], sys.argv[2]))")
        out = subprocess.run([sys.executable, "-c", code, channel, raw], env=self.env, capture_output=True, text=True)
        return out.stdout.strip()


# The servers' clock (BOT_FAKE_NOW, read by bot.clock): 3 a.m. on a Monday in Tapachula, the
# hardest moment for the ranking (issue 19). `bot kb search` run with the bot's environment answers
# at the same moment, so the e2e replies never depend on the hour the tests run.
E2E_NOW = "2026-11-30T03:00-06:00"


def start_bot(name: str, extra_env: dict | None = None, extra_args: list | None = None,
              fake_now: str = E2E_NOW) -> RunningBot:
    """``python -m bot.serve`` on free loopback ports, its files under ``var/<name>``."""
    model = ROOT / "models" / "bot.tar.gz"
    if not model.exists():
        pytest.fail("no trained model: run make train (make test does it first)")
    var = ROOT / "var" / name
    shutil.rmtree(var, ignore_errors=True)
    var.mkdir(parents=True)
    knowledge = var / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    telegram = FakeTelegram()
    telegram.start()
    port, actions_port = free_ports(2)
    env = {
        **os.environ,
        "BOT_FAKE_NOW": fake_now,
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
        # every test request comes from 127.0.0.1: the per-address limit has its own test
        "BOT_FLOOD_PER_ADDRESS": "1000000",
        **(extra_env or {}),
    }
    for unset in [k for k, v in env.items() if v is None]:
        del env[unset]
    log = var / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot.serve", "--port", str(port), "--actions-port", str(actions_port),
             *(extra_args or [])],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(f"{url}/webhooks/rest/", 400, proc):
        proc.terminate()
        pytest.fail("the bot did not start:\n" + log.read_text()[-5000:])
    deadline = time.monotonic() + 300  # "bot ready" waits for the action server's warm-up too (its /ready)
    while "bot ready" not in log.read_text() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
    if "bot ready" not in log.read_text():
        proc.terminate()
        pytest.fail("the bot never said it was ready:\n" + log.read_text()[-5000:])
    return RunningBot(url, log, var / "rasa.db", knowledge, telegram, env, f"http://127.0.0.1:{actions_port}", proc)


def stop_bot(running: RunningBot) -> None:
    running.proc.terminate()
    try:
        running.proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        running.proc.kill()
    running.telegram.server.shutdown()
    running.telegram.server.server_close()


@contextlib.contextmanager
def running_bot(name: str, fake_now: str = E2E_NOW, extra_env: dict | None = None) -> Iterator[RunningBot]:
    """A bot for the length of a ``with`` block (another moment of the clock, other settings)."""
    running = start_bot(name, {"BOT_API_TOKEN": API_TOKEN, **(extra_env or {})}, fake_now=fake_now)
    try:
        yield running
    finally:
        stop_bot(running)


@pytest.fixture(scope="session")
def bot() -> Iterator[RunningBot]:
    """The shared bot of tests/e2e (and tests/security): API token set, clock at E2E_NOW."""
    with running_bot("e2e") as running:
        yield running
