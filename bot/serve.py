"""Start the Rasa server and the action server together; Ctrl-C stops both.

    python -m bot.serve [--port 5005] [--actions-port 5055] [--model models/bot.tar.gz] [--console]

``--console`` also starts the staff console (``python -m console.serve``, port 8000).

Used by ``make run``, ``make chat``, the end-to-end tests and the benchmarks, so that all of them
run the bot the same way. Settings come from the environment (README, "Settings"); the ones that
``credentials.yml`` and ``endpoints.yml`` read are given empty defaults here.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHANNEL_SETTINGS = (
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "BOT_PUBLIC_URL",
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_WEBHOOK_SECRET",
    "TELEGRAM_API_URL",
)


def server_env(actions_port: int, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("BOT_ACTION_URL", f"http://127.0.0.1:{actions_port}/webhook")
    env.setdefault("BOT_SQLITE_PATH", str(ROOT / "var" / "rasa.db"))
    for name in CHANNEL_SETTINGS:
        env.setdefault(name, "")
    env.update(extra or {})
    return env


def commands(port: int, actions_port: int, model: str, endpoints: str, host: str = "127.0.0.1") -> tuple[list, list]:
    bin_dir = Path(sys.executable).parent
    actions = [str(bin_dir / "rasa"), "run", "actions", "--actions", "bot.actions", "--port", str(actions_port)]
    rasa = [
        str(bin_dir / "rasa"), "run", "--model", model, "--port", str(port), "--interface", host,
        "--enable-api", "--credentials", str(ROOT / "credentials.yml"), "--endpoints", endpoints,
    ]
    return actions, rasa


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
    parser.add_argument("--host", default=os.environ.get("BOT_HOST", "0.0.0.0"))
    parser.add_argument("--model", default=str(ROOT / "models" / "bot.tar.gz"))
    parser.add_argument("--endpoints", default=os.environ.get("BOT_ENDPOINTS", str(ROOT / "endpoints.yml")))
    parser.add_argument("--console", action="store_true", help="also start the staff console (port 8000)")
    args = parser.parse_args(argv)
    (ROOT / "var").mkdir(exist_ok=True)
    env = server_env(args.actions_port)
    prepare_handover(env)
    actions_cmd, rasa_cmd = commands(args.port, args.actions_port, args.model, args.endpoints, args.host)
    procs = [subprocess.Popen(actions_cmd, env=env, cwd=ROOT)]
    if not wait_until_up(f"http://127.0.0.1:{args.actions_port}/health", 120, procs[0]):
        print("the action server did not start; see the messages above", file=sys.stderr)
        procs[0].terminate()
        return 1
    procs.append(subprocess.Popen(rasa_cmd, env=env, cwd=ROOT))
    if args.console:
        procs.append(subprocess.Popen([sys.executable, "-m", "console.serve"], env=env, cwd=ROOT))

    def stop(*_: object) -> None:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        for p in procs:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()

    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(0)))
    try:
        if wait_until_up(f"http://127.0.0.1:{args.port}/", 300, procs[1]):
            print(f"bot ready: REST, Twilio and Telegram webhooks on port {args.port}, actions on {args.actions_port}",
                  flush=True)
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
