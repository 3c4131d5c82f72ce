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
import re
from typing import Any
from urllib.parse import parse_qs

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot.channels.base import Incoming, InvalidBody, Messages, PrivateChannel, setting
from bot.channels.common import FloodGuard
from bot.privacy.pseudonym import country_of_number
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


class TwilioInput(PrivateChannel):
    """SMS and WhatsApp messages from Twilio."""

    channel = "twilio"

    def __init__(self, auth_token: str, public_url: str = "", flood: FloodGuard | None = None):
        super().__init__(flood)
        self.validator = RequestValidator(auth_token) if auth_token else None
        self.public_url = public_url.rstrip("/")

    @classmethod
    def from_settings(cls, credentials: dict[str, Any]) -> TwilioInput:
        token = setting(credentials, "auth_token", "TWILIO_AUTH_TOKEN")
        if not token:
            log.warning("TWILIO_AUTH_TOKEN is not set: every Twilio request will be refused (403)")
        return cls(token, setting(credentials, "public_url", "BOT_PUBLIC_URL"))

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

    def refuse(self, request: Request) -> HTTPResponse | None:
        # no signature: refused before the form is even parsed
        if not request.headers.get("X-Twilio-Signature") or self.validator is None:
            return invalid_signature()
        return None

    def parse(self, request: Request) -> Incoming | HTTPResponse:
        try:
            # Twilio signs every field, the empty ones too: keep them
            form = parse_qs(
                (request.body or b"").decode("utf-8"), keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS,
            )
        except (ValueError, UnicodeError) as exc:
            raise InvalidBody("invalid_body", "expected a UTF-8 form body") from exc
        params = request.ctx.form = {k: v[0] for k, v in form.items()}
        if not self.signature_ok(request, params):
            return invalid_signature()
        sender = params.get("From", "")
        if not sender:
            raise InvalidBody("invalid_body", "no 'From'")
        return Incoming(sender.removeprefix("whatsapp:"), params.get("Body", ""), via=params.get("To", ""))

    def get_metadata(self, request: Request) -> dict[str, Any]:
        form: dict[str, str] = request.ctx.form
        sender = form["From"]
        metadata: dict[str, Any] = {"medium": "whatsapp" if sender.startswith("whatsapp:") else "sms"}
        country = country_of_number(sender.removeprefix("whatsapp:"))
        if country:
            metadata["country"] = country
        try:
            if form.get("Latitude") and form.get("Longitude"):
                metadata["latitude"], metadata["longitude"] = float(form["Latitude"]), float(form["Longitude"])
            elif int(form.get("NumMedia") or 0) > 0 and not form.get("Body", "").strip():
                metadata["media"] = form.get("MediaContentType0", "media").split("/")[0]
        except (TypeError, ValueError) as exc:
            raise InvalidBody("invalid_body", "bad Latitude/Longitude/NumMedia") from exc
        return metadata

    async def answer(self, request: Request, incoming: Incoming, medium: str, messages: Messages) -> HTTPResponse:
        return twiml(render([m["text"] for m in messages if m.get("text")], medium))


def invalid_signature() -> HTTPResponse:
    return response.json({"error": "invalid_signature"}, status=403)
