"""``/ready`` of the action server: 503 while the actions warm up (the first person's message would wait for the
phrase lists and the gazetteer past the turn's deadline), 200 once they are loaded. ``bot.serve`` waits for it."""

from __future__ import annotations

import subprocess
import sys
import time

import requests

from bot.serve import wait_until_up
from tests.conftest import ROOT
from tools.harness import free_ports


def _action_server(package: str) -> tuple[subprocess.Popen, str]:
    (port,) = free_ports(1)
    proc = subprocess.Popen([sys.executable, "-m", "bot.actions.server", "--port", str(port), "--actions", package],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    assert wait_until_up(f"{url}/health", 120, proc), "the action server did not start"
    return proc, url


def test_ready_waits_for_the_warm_up_and_needs_no_token():
    proc, url = _action_server("tests.actions.cold_actions")
    try:
        answer = requests.get(f"{url}/ready", timeout=10)
        assert answer.status_code == 503 and answer.json() == {"status": "warming"}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_the_bots_actions_become_ready():
    proc, url = _action_server("bot.actions")
    try:
        deadline = time.monotonic() + 120
        while (answer := requests.get(f"{url}/ready", timeout=10)).status_code == 503 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert answer.status_code == 200 and answer.json() == {"status": "ready"}
    finally:
        proc.terminate()
        proc.wait(timeout=30)
