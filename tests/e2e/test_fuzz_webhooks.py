"""Property-based fuzzing of the three webhooks against the REAL server (the shared e2e bot): a few
hundred inputs from ``tools.fuzz``'s strategies, through Rasa and the action server. No input
may get a 5xx, break the connection, hang, or get a malformed answer; Twilio answers TwiML."""

import pytest

from tests.stack import TELEGRAM_SECRET, TWILIO_TOKEN
from tools.fuzz import fuzz_real_server, known_bug, unknown_causes

pytestmark = pytest.mark.e2e
N = 80  # inputs per webhook (240 in all); deterministic (fixed seed)


@pytest.fixture(scope="module")
def results(bot):
    return fuzz_real_server(bot.url, N, seed_value=11, twilio_token=TWILIO_TOKEN, telegram_secret=TELEGRAM_SECRET,
                            server_log=bot.log)


@pytest.mark.parametrize("target", ["rest", "twilio", "telegram"])
def test_real_webhook_survives_random_input(results, target):
    result = results[target]
    assert result["inputs"] == N
    assert result["hangs"] == 0 and result["crashes"] == 0, result["examples"]
    assert unknown_causes(target, result) == {}, result["examples"]
    if result["causes"]:
        pytest.xfail("known bugs still present: " + "; ".join(sorted({known_bug(target, c) for c in result["causes"]})))
