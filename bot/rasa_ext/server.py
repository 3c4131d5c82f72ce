"""The Rasa server as the bot runs it: ``python -m bot.rasa_ext.server --port 5005 [--host H]``.

``rasa run`` with the bot's safe defaults, so that ``make run``, the systemd units and the tests
start it the same way:

* Rasa's HTTP API (trackers, ``/model``, ``/model/train`` ...) is on only when ``BOT_API_TOKEN``
  is set, and then requires it. The token goes to Rasa inside this process, never on a command
  line that ``ps`` shows to every local user.
* it binds ``BOT_HOST`` (default ``127.0.0.1``): a reverse proxy forwards ``/webhooks/``;
* request bodies are limited to 1 MB (:data:`MAX_BODY`);
* the settings that ``endpoints.yml`` and ``credentials.yml`` read always have a value, so no
  ``${VAR}`` is ever left unexpanded (an unexpanded ``${BOT_SQLITE_PATH}`` once became a
  database file of that name).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = "127.0.0.1"
MAX_BODY = 1_000_000  # bytes; a message, a Telegram update or a Twilio form is a few KB
DEFAULT_ACTIONS_PORT = 5055
# Read by credentials.yml: empty means "channel not configured" (its requests are refused).
CHANNEL_SETTINGS = (
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "BOT_PUBLIC_URL",
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_WEBHOOK_SECRET",
    "TELEGRAM_API_URL",
)


def defaults(actions_port: int = DEFAULT_ACTIONS_PORT) -> dict[str, str]:
    """Every setting the endpoint and credential files read, with its default."""
    values = {
        "BOT_ACTION_URL": f"http://{LOOPBACK}:{actions_port}/webhook",
        "BOT_ACTION_TOKEN": "",
        "BOT_SQLITE_PATH": str(ROOT / "var" / "rasa.db"),
        "SANIC_REQUEST_MAX_SIZE": str(MAX_BODY),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }
    values.update({name: "" for name in CHANNEL_SETTINGS})
    return values


def apply_defaults(env: dict | os._Environ | None = None, actions_port: int = DEFAULT_ACTIONS_PORT) -> dict:
    """Fill the missing settings of ``env`` (default: this process's environment) in place."""
    env = os.environ if env is None else env
    for name, value in defaults(actions_port).items():
        env.setdefault(name, value)
    return env


def rasa_argv(port: int, host: str, model: str, endpoints: str, token: str) -> list[str]:
    argv = [
        "rasa", "run", "--model", model, "--port", str(port), "--interface", host,
        "--credentials", str(ROOT / "credentials.yml"), "--endpoints", endpoints,
    ]
    if token:
        argv += ["--enable-api", "--auth-token", token]
    return argv


def flood_storage(endpoints: str) -> str:
    """Where the channels count messages: the Redis of a Redis lock store (several servers share
    it, so N servers do not allow N times the limit); empty means this process's memory."""
    from rasa.utils.endpoints import read_endpoint_config

    config = read_endpoint_config(endpoints, "lock_store")
    if config is None or config.type != "redis":
        return ""
    password = config.kwargs.get("password")
    auth = f":{password}@" if password else ""
    return f"redis://{auth}{config.url}:{config.kwargs.get('port', 6379)}/{config.kwargs.get('db', 0)}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--host", default=os.environ.get("BOT_HOST") or LOOPBACK)
    parser.add_argument("--model", default=str(ROOT / "models" / "bot.tar.gz"))
    parser.add_argument("--endpoints", default=os.environ.get("BOT_ENDPOINTS") or str(ROOT / "endpoints.yml"))
    args = parser.parse_args(argv)
    apply_defaults()
    from bot.privacy.logs import install as install_log_masking

    install_log_masking()
    shared = flood_storage(args.endpoints)
    if shared:
        os.environ.setdefault("BOT_FLOOD_STORAGE", shared)
    token = os.environ.get("BOT_API_TOKEN", "")
    sys.argv = rasa_argv(args.port, args.host, args.model, args.endpoints, token)
    from bot.rasa_ext import speedups
    from bot.rasa_ext.profile import install_rasa

    speedups.install()
    install_rasa()  # only with BOT_PROFILE_FILE (make bench)
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
