"""Start the Rasa server and the action server together, restart either if it crashes; Ctrl-C
stops both.

    python -m bot.serve [--port 5005] [--actions-port 5055] [--model models/bot.tar.gz] [--console]

``--console`` also starts the staff console (``python -m console.serve``, port 8000).

Used by ``make run``, ``make chat``, the end-to-end tests and the benchmarks, so that all of them
run the bot the same way. Settings come from the environment (README, "Settings"); the ones that
``credentials.yml`` and ``endpoints.yml`` read get their defaults from
:func:`bot.rasa_ext.server.defaults`.

A crashed process is started again after a pause that doubles on every crash in a row (1 s up to
30 s) and says so in the log. While the action server is down, the Rasa server keeps answering:
the channels give the fallback, and a person in danger the emergency numbers (the core needs no
action server for that). In production, systemd does the same job (``deploy/``).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.rasa_ext.server import LOOPBACK, apply_defaults

PR_SET_PDEATHSIG = 1  # linux/prctl.h

ROOT = Path(__file__).resolve().parents[1]
FIRST_BACKOFF_S, MAX_BACKOFF_S = 1.0, 30.0
STABLE_AFTER_S = 60.0  # up this long: the next crash starts the backoff again from 1 s


def server_env(actions_port: int, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = apply_defaults(dict(os.environ), actions_port)
    env.update(extra or {})
    return env


def commands(
    port: int, actions_port: int, model: str, endpoints: str, host: str = LOOPBACK, actions: str = "bot.actions"
) -> tuple[list, list]:
    python = sys.executable
    action_server = [python, "-m", "bot.actions.server", "--port", str(actions_port), "--actions", actions]
    rasa = [python, "-m", "bot.rasa_ext.server", "--port", str(port), "--host", host, "--model", model,
            "--endpoints", endpoints]
    return action_server, rasa


def wait_until_up(url: str, timeout: float = 180.0, process: subprocess.Popen | None = None) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - loopback only
                if resp.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def log(message: str) -> None:
    print(f"bot.serve: {message}", file=sys.stderr, flush=True)


@dataclass
class Supervised:
    """One child process, started again with backoff whenever it exits."""

    name: str
    command: list[str]
    env: dict[str, str]
    proc: subprocess.Popen | None = None
    started: float = 0.0
    backoff: float = FIRST_BACKOFF_S
    restart_at: float | None = None
    restarts: int = field(default=0)

    def start(self) -> None:
        self.proc = subprocess.Popen(self.command, env=self.env, cwd=ROOT,
                                     preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        self.started = time.monotonic()
        self.restart_at = None

    def tick(self, now: float) -> None:
        """Notice a crash and schedule the restart; restart when its time has come."""
        if self.restart_at is not None:
            if now >= self.restart_at:
                self.restarts += 1
                log(f"starting the {self.name} again (restart {self.restarts})")
                self.start()
            return
        if self.proc is None or self.proc.poll() is None:
            return
        if now - self.started > STABLE_AFTER_S:
            self.backoff = FIRST_BACKOFF_S
        log(f"the {self.name} exited with code {self.proc.returncode}; restarting in {self.backoff:.0f} s")
        self.restart_at = now + self.backoff
        self.backoff = min(self.backoff * 2, MAX_BACKOFF_S)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)

    def wait(self) -> None:
        if self.proc is None:
            return
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _die_with_parent() -> None:
    """In the child: SIGTERM when the launcher dies, even by kill -9, so that no server of before keeps
    the ports and answers with the code and knowledge of before after a restart."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def ports_in_use(host: str, ports: tuple[int, ...]) -> list[int]:
    """The ports some other process already listens on (another bot, one left over)."""
    busy = []
    for port in ports:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind((host, port))
            except OSError:
                busy.append(port)
    return busy


def prepare_handover(env: dict[str, str]) -> None:
    """The handover tables (the console's database) exist before any server needs them."""
    result = subprocess.run([sys.executable, "-c", "from bot.handover.db import migrate; migrate()"], env=env, cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        print("handover to a person is unavailable: the console database could not be prepared\n"
              + result.stderr[-2000:], file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--actions-port", type=int, default=5055)
    parser.add_argument("--host", default=os.environ.get("BOT_HOST") or LOOPBACK)
    parser.add_argument("--model", default=str(ROOT / "models" / "bot.tar.gz"))
    parser.add_argument("--endpoints", default=os.environ.get("BOT_ENDPOINTS") or str(ROOT / "endpoints.yml"))
    parser.add_argument("--actions", default="bot.actions", help="the package of action classes")
    parser.add_argument("--console", action="store_true", help="also start the staff console (port 8000)")
    args = parser.parse_args(argv)
    if args.port == args.actions_port:  # the action server would take it and the Rasa server never start
        print(f"--port and --actions-port are both {args.port}: the Rasa server and the action server "
              "need a port each", file=sys.stderr)
        return 1
    busy = ports_in_use(LOOPBACK if args.host == LOOPBACK else args.host, (args.port, args.actions_port))
    if busy:  # else the new servers fail to bind and the old ones answer, with the code of before
        print(f"port {', '.join(map(str, busy))} already in use: another bot (or one left over) is running; "
              "stop it first, or choose other ports with --port and --actions-port", file=sys.stderr)
        return 1
    (ROOT / "var").mkdir(exist_ok=True)
    env = server_env(args.actions_port)
    prepare_handover(env)
    actions_cmd, rasa_cmd = commands(args.port, args.actions_port, args.model, args.endpoints, args.host, args.actions)
    actions = Supervised("action server", actions_cmd, env)
    rasa = Supervised("Rasa server", rasa_cmd, env)
    children: tuple[Supervised, ...] = (actions, rasa)
    if args.console:  # supervised like the others: a crashed console is started again too
        children += (Supervised("staff console", [sys.executable, "-m", "console.serve"], env),)
    actions.start()
    if not wait_until_up(f"http://{LOOPBACK}:{args.actions_port}/health", 120, actions.proc):
        log("the action server did not start; see the messages above")
        actions.stop()
        actions.wait()
        return 1
    rasa.start()
    for child in children[2:]:
        child.start()

    def stop(*_: object) -> None:
        for child in children:
            child.stop()
        for child in children:
            child.wait()

    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(0)))
    try:
        if wait_until_up(f"http://{LOOPBACK}:{args.port}/", 300, rasa.proc):
            if not wait_until_up(f"http://{LOOPBACK}:{args.actions_port}/ready", 300, actions.proc):
                log("the action server's warm-up is not over: the first messages may wait for it")
            print(f"bot ready: REST, Twilio and Telegram webhooks on {args.host}:{args.port}, "
                  f"actions on {LOOPBACK}:{args.actions_port}", flush=True)
        while True:
            now = time.monotonic()
            for child in children:
                child.tick(now)
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
