"""``POST /webhooks/twilio/webhook``: SMS and WhatsApp through Twilio, answered with TwiML.

* ``X-Twilio-Signature`` is checked with the twilio library's ``RequestValidator`` against
  ``BOT_PUBLIC_URL`` (the URL Twilio calls, behind a proxy) or the request URL: a missing or
  wrong signature gets 403 and never reaches Rasa. A missing one is refused before the body is
  even parsed, and the form is parsed with a field limit and strict UTF-8.
* The sender (``From``: ``+52...`` or ``whatsapp:+52...``) becomes a pseudonym; only the country
  of its prefix is passed on.
* The reply is TwiML in the HTTP response (no outbound API call): SMS in GSM-7 where possible,
  WhatsApp split under 1,600 characters.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot.channels import handover_hook
from bot.channels.common import (
    LOCATION_COMMAND,
    MENU_COMMAND,
    FloodGuard,
    ask_rasa,
    bad_request,
    channel_blueprint,
    fallback_reply,
    flood_notice,
    warm_up,
)
from bot.privacy.pseudonym import country_of_number, ensure_key, pseudonym
from bot.render.sms import to_gsm7
from bot.render.split import WHATSAPP_LIMIT, split_message

log = logging.getLogger(__name__)
SMS_MESSAGE_LIMIT = 1530  # 10 concatenated GSM-7 segments: Twilio's own advice for SMS bodies
MAX_FIELDS = 100  # Twilio sends about 20 fields, and one pair per media item (10 at most)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def twiml(messages: list[str]) -> HTTPResponse:
    """TwiML with one <Message> per text; characters XML 1.0 cannot carry are left out."""
    resp = MessagingResponse()
    for text in messages:
        resp.message(_NOT_XML.sub("", text))
    return response.text(str(resp), content_type="application/xml")


def render(texts: list[str], medium: str) -> list[str]:
    """The bot's messages as the channel can carry them."""
    out: list[str] = []
    for text in texts:
        if medium == "sms":
            out.extend(split_message(to_gsm7(text), SMS_MESSAGE_LIMIT))
        else:
            out.extend(split_message(text, WHATSAPP_LIMIT))
    return out


class TwilioInput(InputChannel):
    """SMS and WhatsApp messages from Twilio."""

    def __init__(self, auth_token: str, public_url: str = "", flood: FloodGuard | None = None):
        self.validator = RequestValidator(auth_token) if auth_token else None
        self.public_url = public_url.rstrip("/")
        self.flood = flood or FloodGuard(name="twilio")

    @classmethod
    def name(cls) -> str:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        ensure_key()
        warm_up()
        credentials = credentials or {}
        token = credentials.get("auth_token") or os.environ.get("TWILIO_AUTH_TOKEN", "")
        public_url = credentials.get("public_url") or os.environ.get("BOT_PUBLIC_URL", "")
        if not token:
            log.warning("TWILIO_AUTH_TOKEN is not set: every Twilio request will be refused (403)")
        return cls(token, public_url)

    def signed_url(self, request: Request) -> str:
        if not self.public_url:
            return request.url
        query = f"?{request.query_string}" if request.query_string else ""
        return f"{self.public_url}{request.path}{query}"

    def signature_ok(self, request: Request, params: dict[str, str]) -> bool:
        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature or self.validator is None:
            return False
        return bool(self.validator.validate(self.signed_url(request), params, signature))

    # One handler per kind of message, dispatched by what the form carries.
    @staticmethod
    def handle_location(form: dict[str, str], metadata: dict[str, Any]) -> str:
        metadata["latitude"], metadata["longitude"] = float(form["Latitude"]), float(form["Longitude"])
        return form.get("Body", "").strip() or LOCATION_COMMAND

    @staticmethod
    def handle_media(form: dict[str, str], metadata: dict[str, Any]) -> str:
        metadata["media"] = form.get("MediaContentType0", "media").split("/")[0]
        return form.get("Body", "").strip() or MENU_COMMAND

    @staticmethod
    def handle_text(form: dict[str, str], metadata: dict[str, Any]) -> str:
        return form.get("Body", "").strip() or MENU_COMMAND

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = channel_blueprint("twilio_private_webhook")

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not request.headers.get("X-Twilio-Signature") or self.validator is None:
                return response.json({"error": "invalid_signature"}, status=403)
            try:
                # Twilio signs every field, the empty ones too: keep them
                form = parse_qs(
                    (request.body or b"").decode("utf-8"), keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS,
                )
                params = {k: v[0] for k, v in form.items()}
            except (ValueError, UnicodeError):
                return bad_request("invalid_body", "expected a UTF-8 form body")
            if not self.signature_ok(request, params):
                return response.json({"error": "invalid_signature"}, status=403)
            sender = params.get("From", "")
            if not sender:
                return response.json({"error": "invalid_body", "detail": "no 'From'"}, status=400)
            medium = "whatsapp" if sender.startswith("whatsapp:") else "sms"
            metadata: dict[str, Any] = {"medium": medium}
            country = country_of_number(sender.removeprefix("whatsapp:"))
            if country:
                metadata["country"] = country
            try:
                if params.get("Latitude") and params.get("Longitude"):
                    text = self.handle_location(params, metadata)
                elif int(params.get("NumMedia") or 0) > 0 and not params.get("Body", "").strip():
                    text = self.handle_media(params, metadata)
                else:
                    text = self.handle_text(params, metadata)
            except (TypeError, ValueError):
                return response.json({"error": "invalid_body", "detail": "bad Latitude/Longitude/NumMedia"}, status=400)
            sender_id = pseudonym("twilio", sender.removeprefix("whatsapp:"))
            verdict = self.flood.check(sender_id)
            if verdict == "warn":
                return twiml(render([flood_notice(text)], medium))
            if verdict == "drop":
                return twiml([])
            address = sender.removeprefix("whatsapp:")
            held = await handover_hook.hold(sender_id, address, text, metadata)
            if held is not None:  # a person answers this conversation: the bot stays quiet
                return twiml(render(held, medium))
            messages = await ask_rasa(on_new_message, text, sender_id, self.name(), metadata)
            await handover_hook.remember(sender_id, address, params.get("To", ""))
            texts = [m["text"] for m in messages if m.get("text")]
            if not texts:
                texts = fallback_reply(text, country)
            return twiml(render(texts, medium))

        return bp
