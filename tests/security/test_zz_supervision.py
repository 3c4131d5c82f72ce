"""Runs last on its bot: under the launcher of ``make run``, kill -9 of the action server. The Rasa
server keeps answering (a danger message gets the emergency line at once), the launcher starts the
action server again, and full answers come back within a minute."""

import time

import pytest

from tests.security.helpers import pid_listening, twilio, whatsapp_form

pytestmark = [pytest.mark.e2e, pytest.mark.security]


def test_after_kill_9_of_the_action_server_danger_is_answered_and_service_comes_back(hardened):
    import os
    import signal

    port = int(hardened.actions_url.rsplit(":", 1)[1])
    os.kill(pid_listening(port), signal.SIGKILL)
    started = time.monotonic()
    r = twilio(hardened, whatsapp_form("ayuda me estan golpeando, estoy en Tapachula"), timeout=10)
    assert r.status_code == 200 and "911" in r.text, r.text
    assert time.monotonic() - started < 2.0
    deadline = started + 60
    full = ""
    while time.monotonic() < deadline:
        r = twilio(hardened, whatsapp_form("necesito un doctor en Tapachula"), timeout=30)
        if "km" in r.text and "Tapachula" in r.text:
            full = r.text
            break
        time.sleep(2)
    assert full, "no full answer within 60 s of the crash"
    log = hardened.log.read_text(errors="replace")
    assert "the action server exited with code -9; restarting" in log
    assert hardened.proc.poll() is None  # the launcher itself kept running
