"""``POST /webhooks/rest/webhook``: Rasa's REST channel, with pseudonymous senders and checked input.

Body: ``{"sender": "...", "message": "...", "metadata": {"latitude": 14.9, "longitude": -92.2}}``.
Answer: a JSON list of ``{"recipient_id", "text", "buttons"?}``, like Rasa's own REST channel.
"""

from __future__ import annotations

import json
import math
from typing import Any

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.base import Incoming, InvalidBody, Messages, PrivateChannel
from bot.channels.common import (
    FloodGuard,
    client_address,
    is_clean_text,
    per_address_limit,
)

ALLOWED_METADATA = ("latitude", "longitude")


class PrivateRestInput(PrivateChannel):
    """Rasa's REST webhook, with the sender replaced by a pseudonym.

    Flooding is limited per sender and per client address: anyone can make up a new sender
    string for every message, not a new address. No staff can answer here (no address to reach).
    """

    channel = "rest"
    handover = False

    def __init__(self, flood: FloodGuard | None = None, flood_per_address: FloodGuard | None = None):
        super().__init__(flood)
        self.flood_per_address = flood_per_address or FloodGuard(per_address_limit(), name="rest-address")

    def parse(self, request: Request) -> Incoming:
        try:
            body = json.loads(request.body or b"")
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise InvalidBody("invalid_body", "the body must be JSON") from exc
        if not isinstance(body, dict):
            raise InvalidBody("invalid_body", "the body must be a JSON object")
        sender, text = body.get("sender"), body.get("message", "")
        if not isinstance(sender, (str, int)) or str(sender) == "":
            raise InvalidBody("invalid_sender", "'sender' must be a non-empty string")
        text = "" if text is None else text
        if not isinstance(text, str):
            raise InvalidBody("invalid_message", "'message' must be a string")
        request.ctx.metadata = body.get("metadata") or {}
        if not isinstance(request.ctx.metadata, dict):
            raise InvalidBody("invalid_metadata", "'metadata' must be an object")
        if not (is_clean_text(str(sender)) and is_clean_text(text)):
            raise InvalidBody("invalid_text", "'sender' and 'message' must be valid Unicode")
        return Incoming(str(sender), text)

    def get_metadata(self, request: Request) -> dict[str, Any]:
        clean: dict[str, Any] = {"medium": "rest"}
        for key in ALLOWED_METADATA:
            value = request.ctx.metadata.get(key)
            if value is None:
                continue
            try:
                clean[key] = float(value)
            except (TypeError, ValueError, OverflowError) as exc:
                raise InvalidBody("invalid_metadata", f"'{key}' must be a number") from exc
            if not math.isfinite(clean[key]):
                raise InvalidBody("invalid_metadata", f"'{key}' must be a finite number")
        if "latitude" in clean and not (-90 <= clean["latitude"] <= 90 and -180 <= clean.get("longitude", 0) <= 180):
            raise InvalidBody("invalid_metadata", "latitude/longitude out of range")
        return clean

    def flood_check(self, request: Request, sender_id: str) -> str:
        verdict = self.flood_per_address.check(client_address(request))
        return self.flood.check(sender_id) if verdict == "ok" else verdict

    async def answer(self, request: Request, incoming: Incoming, medium: str, messages: Messages) -> HTTPResponse:
        return response.json(messages)
