"""``make chat``: talk to the bot in the terminal, through its REST webhook.

Starts the action server and the Rasa server (as ``make run`` does, on other ports unless told),
waits until they answer, then reads lines from the terminal. Type ``/quit`` (or Ctrl-D) to stop;
``/location LAT LON`` sends a shared location.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

from bot.serve import ROOT, wait_until_up


def post(url: str, payload: dict) -> list[dict]:
    data = json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:  # noqa: S310 - loopback only
        return json.loads(resp.read() or b"[]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("BOT_CHAT_PORT", 5006)))
    parser.add_argument("--actions-port", type=int, default=int(os.environ.get("BOT_CHAT_ACTIONS_PORT", 5056)))
    parser.add_argument("--url", help="talk to an already running bot instead (its base URL)")
    args = parser.parse_args(argv)
    server = None
    base = args.url
    if not base:
        base = f"http://127.0.0.1:{args.port}"
        print("starting the bot (about 30 seconds)...", flush=True)
        log = open(Path(ROOT) / "var" / "chat-server.log", "w")  # noqa: SIM115
        server = subprocess.Popen(
            [sys.executable, "-m", "bot.serve", "--port", str(args.port), "--actions-port", str(args.actions_port),
             "--host", "127.0.0.1"],
            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
        )
        if not wait_until_up(f"{base}/webhooks/rest/", 300, server):
            print("the bot did not start; see var/chat-server.log", file=sys.stderr)
            server.terminate()
            return 1
    url = f"{base}/webhooks/rest/webhook"
    sender = f"terminal-{uuid.uuid4().hex[:8]}"
    print("Write to the bot (Spanish, English, French, Kreyòl, Portuguese). /quit to stop.\n")
    try:
        first = True
        while True:
            try:
                line = input("you> ") if not first else "hola"
            except EOFError:
                break
            if first:
                print("you> hola")
                first = False
            if line.strip() in ("/quit", "/exit"):
                break
            payload: dict = {"sender": sender, "message": line}
            if line.startswith("/location"):
                parts = line.split()
                payload = {"sender": sender, "message": "", "metadata": {"latitude": parts[1], "longitude": parts[2]}}
            for message in post(url, payload):
                print("bot> " + (message.get("text") or "").replace("\n", "\n     ") + "\n")
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
