"""Rasa's HTTP API is closed unless BOT_API_TOKEN is set, and then needs it; both servers listen on
loopback; the action server needs its token, and refuses to start off loopback without one."""

import os
import subprocess
import sys
from urllib.parse import urlparse

import pytest
import requests

from tests.security.conftest import ACTION_TOKEN
from tests.security.helpers import listening
from tests.stack import ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.security]

# Every route of Rasa 3.6's HTTP API (rasa/server.py), with the method it answers.
API = [
    ("GET", "/status"), ("GET", "/version"), ("GET", "/domain"),
    ("GET", "/conversations/someone/tracker"), ("POST", "/conversations/someone/tracker/events"),
    ("PUT", "/conversations/someone/tracker/events"), ("GET", "/conversations/someone/story"),
    ("POST", "/conversations/someone/execute"), ("POST", "/conversations/someone/trigger_intent"),
    ("POST", "/conversations/someone/messages"), ("POST", "/conversations/someone/predict"),
    ("POST", "/model/parse"), ("PUT", "/model"), ("DELETE", "/model"), ("POST", "/model/train"),
    ("POST", "/model/test/stories"), ("POST", "/model/test/intents"), ("POST", "/model/predict"),
]


def call(url, method, path, **params):
    return requests.request(method, f"{url}{path}", json={}, params=params, timeout=30)


@pytest.mark.parametrize("method,path", API)
def test_without_an_api_token_the_api_is_closed(hardened, method, path):
    assert call(hardened.url, method, path).status_code in (401, 403, 404, 405)


def test_without_an_api_token_the_webhooks_and_root_still_answer(hardened):
    assert requests.get(f"{hardened.url}/", timeout=10).status_code == 200
    for channel in ("rest", "twilio", "telegram"):
        assert requests.get(f"{hardened.url}/webhooks/{channel}/", timeout=10).status_code == 200


@pytest.mark.parametrize("method,path", [m for m in API if m[1] != "/version"])
def test_with_an_api_token_every_route_needs_it(bot, method, path):
    assert call(bot.url, method, path).status_code in (401, 403)
    assert call(bot.url, method, path, token="wrong-token").status_code in (401, 403)


def test_with_the_api_token_the_api_answers(bot):
    assert call(bot.url, "GET", "/status", token=bot.api_token).status_code == 200


def test_the_token_is_not_on_any_command_line(bot):
    lines = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert bot.api_token not in lines and ACTION_TOKEN not in lines


@pytest.mark.parametrize("which", ["bot", "hardened"])
def test_both_servers_listen_on_loopback_only(request, which):
    running = request.getfixturevalue(which)
    for url in (running.url, running.actions_url):
        assert listening(urlparse(url).port) == ["127.0.0.1"]


def test_the_action_server_needs_its_token(hardened):
    webhook = f"{hardened.actions_url}/webhook"
    call = {"next_action": "action_greet", "sender_id": "x", "tracker": {"sender_id": "x"}, "domain": {}}
    assert requests.post(webhook, json=call, timeout=10).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert requests.post(webhook, json=call, headers=wrong, timeout=10).status_code == 401
    assert requests.get(f"{hardened.actions_url}/actions", timeout=10).status_code == 401
    right = {"Authorization": f"Bearer {ACTION_TOKEN}"}
    assert requests.get(f"{hardened.actions_url}/actions", headers=right, timeout=10).status_code == 200
    assert requests.get(f"{hardened.actions_url}/health", timeout=10).status_code == 200
    # "bot ready" came after the warm-up: /ready says so, with no token either
    assert requests.get(f"{hardened.actions_url}/ready", timeout=10).json() == {"status": "ready"}


def test_the_action_server_refuses_to_start_off_loopback_without_a_token():
    env = {**os.environ, "BOT_ACTION_HOST": "0.0.0.0", "BOT_ACTION_TOKEN": ""}
    done = subprocess.run([sys.executable, "-m", "bot.actions.server", "--port", "9"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "BOT_ACTION_TOKEN" in done.stderr
