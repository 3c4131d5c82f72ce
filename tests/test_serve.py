"""bot.serve, the launcher: no server of before survives it, and a port already taken is a clear error."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")  # a zombie is gone


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_child_dies_with_a_launcher_killed_by_kill_9():
    # seen in a session: after kill -9 of bot.serve its action server kept the port, and the bot
    # started again answered with the code of before
    code = ("import sys, time; from bot.serve import Supervised; "
            "c = Supervised('sleeper', [sys.executable, '-c', 'import time; time.sleep(60)'], {}); "
            "c.start(); print(c.proc.pid, flush=True); time.sleep(60)")
    launcher = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
    child = int(launcher.stdout.readline())
    assert _alive(child)
    launcher.kill()
    launcher.wait()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child)


def test_a_port_in_use_is_refused_with_a_reason():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "bot.serve", "--port", str(port), "--actions-port", str(port + 1)],
                                cwd=ROOT, capture_output=True, text=True, timeout=60,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert f"port {port} already in use" in result.stderr


def test_one_port_for_both_servers_is_refused_with_a_reason():
    """The action server would take it and the Rasa server never start (what a CI run once did)."""
    result = subprocess.run([sys.executable, "-m", "bot.serve", "--port", "5999", "--actions-port", "5999"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert "both 5999" in result.stderr


def test_the_test_servers_ports_are_all_different(monkeypatch):
    """Held together while chosen: a kernel that hands out the lowest free port (as one may, once a port is let go)
    gives the same port twice to ports asked one at a time, never to ports asked together."""
    import tools.harness as harness

    held: set[int] = set()

    class Socket:  # binds port 0 to the lowest port not held, as a kernel may
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            held.discard(self.port)

        def bind(self, address):
            self.port = min(set(range(40000, 40100)) - held)
            held.add(self.port)

        def getsockname(self):
            return ("127.0.0.1", self.port)

    monkeypatch.setattr(harness.socket, "socket", Socket)
    assert harness.free_port() == harness.free_port()  # one at a time: the same port twice
    ports = harness.free_ports(3)
    assert len(set(ports)) == 3
