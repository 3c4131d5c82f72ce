"""Scale-out by configuration only: two Rasa servers and one action server with
``BOT_ENDPOINTS=endpoints.scale.yml``, sharing a REAL PostgreSQL tracker store and a REAL Redis lock
store, all on loopback on free ports in temporary folders.

PostgreSQL and Redis come from Debian's ``postgresql`` and ``redis-server`` packages
(``scripts/ci-services`` installs them; ``make services``). Without them the tests skip and say
why. ``BOT_SCALE_TEST_ENDPOINTS`` may point the servers at another endpoints file (to try a fix).
"""

from __future__ import annotations

import os
import shutil
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from twilio.request_validator import RequestValidator

from bot.serve import commands, server_env
from tests.conftest import FIXED_NOW
from tools.harness import (
    LOOPBACK,
    ROOT,
    Postgres,
    Proc,
    Redis,
    endpoints_problem,
    ensure_services,
    free_ports,
    stable_model,
    wait_http,
)

PSEUDONYM_KEY = "scale-test-key-0123456789abcdef"
TWILIO_TOKEN = "scale-twilio-auth-token"
PUBLIC_URL = "https://bot.example.org"
START_TIMEOUT = 400


@dataclass
class Cluster:
    a: str
    b: str
    actions: Proc
    actions_url: str
    postgres: Postgres
    redis: Redis
    knowledge: Path
    procs: list = field(default_factory=list)

    @property
    def servers(self) -> tuple[str, str]:
        return self.a, self.b

    # --- talking to the bot ---------------------------------------------------------------
    @staticmethod
    def rest(server: str, sender: str, text: str, timeout: float = 120) -> tuple[str, list[dict]]:
        r = requests.post(f"{server}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=timeout)
        assert r.status_code == 200, (r.status_code, r.text[:500])
        messages = r.json()
        return "\n".join(m.get("text") or "" for m in messages), messages

    def say(self, server: str, sender: str, text: str) -> str:
        return self.rest(server, sender, text)[0]

    @staticmethod
    def twilio(server: str, body: str, sender: str, **extra: str) -> requests.Response:
        form = {"SmsMessageSid": "SM" + uuid.uuid4().hex, "NumMedia": "0", "AccountSid": "ACscale",
                "From": sender, "To": "whatsapp:+14155238886" if sender.startswith("whatsapp:") else "+15005550006",
                "Body": body, "ApiVersion": "2010-04-01", **extra}
        url = f"{PUBLIC_URL}/webhooks/twilio/webhook"
        signature = RequestValidator(TWILIO_TOKEN).compute_signature(url, form)
        return requests.post(f"{server}/webhooks/twilio/webhook", data=form,
                             headers={"X-Twilio-Signature": signature}, timeout=120)

    # --- faults ------------------------------------------------------------------------------
    def stop_actions(self) -> None:
        self.actions.stop()

    def start_actions(self) -> None:
        if not self.actions.alive():
            self.actions.start()
        if not wait_http(self.actions_url, 180, self.actions.popen):
            raise RuntimeError("the action server did not come back:\n" + self.actions.tail())


def twiml_messages(response: requests.Response) -> list[str]:
    root = ET.fromstring(response.text)
    assert root.tag == "Response", response.text[:300]
    return [m.text or "" for m in root.iter("Message")]


@pytest.fixture(scope="session")
def cluster(tmp_path_factory) -> Cluster:
    reason = ensure_services()
    if reason:
        pytest.skip(f"scale tests need PostgreSQL and Redis: {reason}")
    work = tmp_path_factory.mktemp("scale")
    model = stable_model(ROOT / "models" / "bot.tar.gz", work)
    knowledge = work / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    pg_port, redis_port = free_ports(2)  # chosen together: one at a time, the kernel may hand one out twice
    postgres, redis = Postgres(port=pg_port), Redis(port=redis_port)
    procs: list[Proc] = []
    try:
        postgres.start()
        postgres.create_db()
        redis.start()
        actions_port, port_a, port_b = free_ports(3)
        endpoints = Path(os.environ.get("BOT_SCALE_TEST_ENDPOINTS") or ROOT / "endpoints.scale.yml")
        extra = {
            **postgres.env,
            **redis.env,
            "BOT_ENDPOINTS": str(endpoints),
            # the servers answer at the moment the in-process oracle judges them (the order of services
            # depends on what is open)
            "BOT_FAKE_NOW": FIXED_NOW.isoformat(),
            "BOT_PSEUDONYM_KEY": PSEUDONYM_KEY,
            "BOT_KNOWLEDGE_DIR": str(knowledge),
            "BOT_SQLITE_PATH": str(work / "unused.db"),
            "BOT_ACTION_URL": f"http://{LOOPBACK}:{actions_port}/webhook",
            "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
            "TWILIO_ACCOUNT_SID": "ACscale",
            "BOT_PUBLIC_URL": PUBLIC_URL,
            "TELEGRAM_BOT_TOKEN": "",
            "TELEGRAM_WEBHOOK_SECRET": "",
            "TELEGRAM_API_URL": f"http://{LOOPBACK}:9",
            "BOT_FLOOD_PER_ADDRESS": "1000000",  # every test request comes from 127.0.0.1
            # 50 conversations at once on two cores take longer than a real turn's 10 s: the
            # deadline has its own test (tests/security); here every turn must be answered
            "BOT_TURN_DEADLINE_S": "120",
        }
        env = server_env(actions_port, extra)
        problem = endpoints_problem(endpoints, env)
        if problem:
            pytest.fail(problem)
        actions_cmd, rasa_a = commands(port_a, actions_port, str(model), str(endpoints), LOOPBACK)
        _, rasa_b = commands(port_b, actions_port, str(model), str(endpoints), LOOPBACK)
        actions = Proc(actions_cmd, work / "actions.log", env, ROOT).start()
        procs.append(actions)
        servers = [Proc(cmd, work / f"rasa-{name}.log", env, ROOT).start() for name, cmd in (("a", rasa_a), ("b", rasa_b))]
        procs.extend(servers)
        actions_url = f"http://{LOOPBACK}:{actions_port}/health"
        urls = [f"http://{LOOPBACK}:{port_a}", f"http://{LOOPBACK}:{port_b}"]
        if not wait_http(actions_url, START_TIMEOUT, actions.popen):
            pytest.fail("the action server did not start:\n" + actions.tail())
        for url, proc in zip(urls, servers):
            if not wait_http(f"{url}/webhooks/rest/", START_TIMEOUT, proc.popen):
                pytest.fail(f"the Rasa server {url} did not start:\n" + proc.tail())
        yield Cluster(urls[0], urls[1], actions, actions_url, postgres, redis, knowledge, procs)
    finally:
        for proc in reversed(procs):
            proc.stop()
        redis.close()
        postgres.close()


@pytest.fixture(scope="session")
def knowledge_snapshot(cluster):
    """The cluster's knowledge, loaded in this process: what the bot must answer."""
    from bot.knowledge.store import KnowledgeStore

    return KnowledgeStore(cluster.knowledge).current()


def new_sender(tag: str = "s") -> str:
    return f"scale-{tag}-{uuid.uuid4().hex[:10]}"
