"""The action server as the bot runs it: ``python -m bot.actions.server --port 5055``.

rasa-sdk's own app (``rasa_sdk.endpoint.create_app``) with what a public address needs:

* it binds loopback unless ``BOT_ACTION_HOST`` says otherwise, and off loopback it refuses to
  start without ``BOT_ACTION_TOKEN``; when the token is set, every request but ``/health`` must
  carry it (``Authorization: Bearer ...``, sent by the Rasa server from ``endpoints.yml``);
* bodies over 1 MB get 413, and compressed bodies 415: rasa-sdk would inflate a deflate body
  without any limit (about 1000:1), and the Rasa server sends plain JSON;
* an error answers 500 with no detail: rasa-sdk's own handler echoes the request body (the
  person's message) and logs it.
"""

from __future__ import annotations

import argparse
import hmac
import ipaddress
import logging
import os
import sys

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.rasa_ext.server import LOOPBACK, MAX_BODY

log = logging.getLogger(__name__)
OPEN_PATHS = ("/health", "/ready")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def token_ok(request: Request, token: str) -> bool:
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return hmac.compare_digest(given.encode(), token.encode())


def create_app(package: str, token: str):
    from rasa_sdk.endpoint import create_app as sdk_app

    app = sdk_app(package, cors_origins="")
    app.config.REQUEST_MAX_SIZE = MAX_BODY

    @app.on_request
    async def guard(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        if token and not token_ok(request, token):
            return response.json({"error": "unauthorized"}, status=401)
        if request.headers.get("Content-Encoding", "identity").lower() != "identity":
            return response.json({"error": "unsupported_encoding"}, status=415)
        return None

    @app.get("/ready")
    async def ready(_: Request) -> HTTPResponse:
        """200 once the actions' warm-up is over (``bot.actions.WARM``), 503 before: the first message then
        gets its answer in time, not the fallback."""
        warm = getattr(sys.modules.get(package), "WARM", None)
        done = warm is None or warm.is_set()
        return response.json({"status": "ready" if done else "warming"}, status=200 if done else 503)

    # replaces rasa-sdk's handler, which answers with (and logs) the request body
    @app.exception(Exception)
    async def failed(request: Request, exception: Exception) -> HTTPResponse:
        status = getattr(exception, "status_code", 500)
        if status >= 500:
            log.error("action server error: %s", type(exception).__name__)
        return response.json({"error": type(exception).__name__ if status < 500 else "internal"}, status=status)

    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5055)
    parser.add_argument("--host", default=os.environ.get("BOT_ACTION_HOST") or LOOPBACK)
    parser.add_argument("--actions", default="bot.actions", help="the package of action classes")
    args = parser.parse_args(argv)
    from bot.privacy.logs import install as install_log_masking

    install_log_masking()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s - %(message)s")
    token = os.environ.get("BOT_ACTION_TOKEN", "")
    if not is_loopback(args.host) and not token:
        print(
            f"refusing to serve actions on {args.host} without BOT_ACTION_TOKEN: anyone who reaches "
            "the port could run the bot's actions. Set BOT_ACTION_TOKEN on both servers.",
            file=sys.stderr,
        )
        raise SystemExit(2)
    from bot.actions.base import DialogueAction
    from bot.rasa_ext.profile import install_actions

    install_actions(DialogueAction)  # only with BOT_PROFILE_FILE (make bench)
    app = create_app(args.actions, token)
    log.info("Action endpoint is up and running on http://%s:%d", args.host, args.port)
    app.run(args.host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
