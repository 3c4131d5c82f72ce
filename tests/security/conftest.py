"""A second real bot for the attacks that need other settings than the shared ``bot`` (which runs
with ``BOT_API_TOKEN``): this one runs as ``make run`` does by default (no API token), with an
action token, the faulty actions of :mod:`tests.security.faulty_actions`, a short turn deadline,
and behind a (pretend) reverse proxy whose ``X-Forwarded-For`` it trusts."""

import pytest

from tests.stack import start_bot, stop_bot

ACTION_TOKEN = "security-action-token-0123456789"
DEADLINE_S = 8
PER_ADDRESS = 30


@pytest.fixture(scope="session")
def hardened():
    running = start_bot(
        "security",
        {
            "BOT_API_TOKEN": None,
            "BOT_ACTION_TOKEN": ACTION_TOKEN,
            "BOT_TURN_DEADLINE_S": str(DEADLINE_S),
            "BOT_FLOOD_PER_ADDRESS": str(PER_ADDRESS),
            "SANIC_PROXIES_COUNT": "1",
        },
        ["--actions", "tests.security.faulty_actions"],
    )
    yield running
    stop_bot(running)
