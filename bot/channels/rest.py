"""``POST /webhooks/rest/webhook``: Rasa's REST channel, with pseudonymous senders and checked input.

Body: ``{"sender": "...", "message": "...", "metadata": {"latitude": 14.9, "longitude": -92.2}}``.
Answer: a JSON list of ``{"recipient_id", "text", "buttons"?}``, like Rasa's own REST channel.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.common import (
    LOCATION_COMMAND,
    MENU_COMMAND,
    FloodGuard,
    ask_rasa,
    bad_request,
    channel_blueprint,
    client_address,
    fallback_reply,
    flood_notice,
    is_clean_text,
    per_address_limit,
    warm_up,
)
from bot.privacy.pseudonym import ensure_key, pseudonym

ALLOWED_METADATA = ("latitude", "longitude")


class PrivateRestInput(InputChannel):
    """Rasa's REST webhook, with the sender replaced by a pseudonym.

    Flooding is limited per sender and per client address: anyone can make up a new sender
    string for every message, not a new address.
    """

    def __init__(self, flood: FloodGuard | None = None, flood_per_address: FloodGuard | None = None):
        self.flood = flood or FloodGuard(name="rest")
        self.flood_per_address = flood_per_address or FloodGuard(per_address_limit(), name="rest-address")

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        ensure_key()
        warm_up()
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = channel_blueprint("private_rest_webhook")

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = json.loads(request.body or b"")
            except (ValueError, UnicodeDecodeError, RecursionError):
                return bad_request("invalid_body", "the body must be JSON")
            if not isinstance(body, dict):
                return bad_request("invalid_body", "the body must be a JSON object")
            sender, text, metadata = body.get("sender"), body.get("message", ""), body.get("metadata") or {}
            if not isinstance(sender, (str, int)) or str(sender) == "":
                return bad_request("invalid_sender", "'sender' must be a non-empty string")
            if text is None:
                text = ""
            if not isinstance(text, str):
                return bad_request("invalid_message", "'message' must be a string")
            if not isinstance(metadata, dict):
                return bad_request("invalid_metadata", "'metadata' must be an object")
            if not (is_clean_text(str(sender)) and is_clean_text(text)):
                return bad_request("invalid_text", "'sender' and 'message' must be valid Unicode")
            clean: dict[str, Any] = {"medium": "rest"}
            for key in ALLOWED_METADATA:
                value = metadata.get(key)
                if value is not None:
                    try:
                        clean[key] = float(value)
                    except (TypeError, ValueError, OverflowError):
                        return bad_request("invalid_metadata", f"'{key}' must be a number")
                    if clean[key] != clean[key] or clean[key] in (float("inf"), float("-inf")):
                        return bad_request("invalid_metadata", f"'{key}' must be a finite number")
            if "latitude" in clean and not (-90 <= clean["latitude"] <= 90 and -180 <= clean.get("longitude", 0) <= 180):
                return bad_request("invalid_metadata", "latitude/longitude out of range")
            sender_id = pseudonym("rest", str(sender))
            verdict = self.flood_per_address.check(client_address(request))
            if verdict == "ok":
                verdict = self.flood.check(sender_id)
            if verdict != "ok":
                texts = [flood_notice(text)] if verdict == "warn" else []
                return response.json([{"recipient_id": sender_id, "text": m} for m in texts])
            if not text.strip():
                text = LOCATION_COMMAND if "latitude" in clean else MENU_COMMAND
            messages = await ask_rasa(on_new_message, text, sender_id, self.name(), clean)
            if not messages:
                messages = [{"recipient_id": sender_id, "text": m} for m in fallback_reply(text, None)]
            return response.json(messages)

        return bp
