"""The receive sequence every channel shares, in one place (as Rasa's own connectors share
``InputChannel``): check, read, pseudonym, flood limit, handover, Rasa, fallback, answer.

A channel says only what is its own: how a request is refused before its body is read
(:meth:`PrivateChannel.refuse`), how the body becomes a message (:meth:`~PrivateChannel.parse`),
what the request tells about the person (:meth:`~PrivateChannel.get_metadata`, Rasa's hook), and
how the bot's messages go back (:meth:`~PrivateChannel.answer`).
"""

from __future__ import annotations

import abc
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

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
from bot.privacy.pseudonym import ensure_key, pseudonym

Messages = list[dict[str, Any]]


class InvalidBody(ValueError):
    """A request the channel cannot read: answered 400 with a machine-readable reason."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason, self.detail = reason, detail


@dataclass
class Incoming:
    """One message as the channel received it, before Rasa."""

    sender: str  # the raw sender (phone number, chat id): becomes a pseudonym, never kept or logged
    text: str  # the person's words; "" for a location or a picture alone
    via: str = ""  # the number the person wrote to (Twilio), for the staff's replies


def setting(credentials: dict[str, Any], key: str, variable: str) -> str:
    """A credential from credentials.yml, else from the environment."""
    return credentials.get(key) or os.environ.get(variable, "")


class PrivateChannel(InputChannel, abc.ABC):
    """An input channel whose senders are pseudonyms and whose flood of messages is limited."""

    channel: str  # Rasa's name: the webhook is /webhooks/<channel>/webhook; also the pseudonyms' namespace
    # Whether staff can answer on this channel: then an open handover holds the bot's answer.
    handover = True

    def __init__(self, flood: FloodGuard | None = None):
        self.flood = flood or FloodGuard(name=self.channel)

    @classmethod
    def name(cls) -> str:
        return cls.channel

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        ensure_key()  # refuses to start in production without a pseudonym key
        warm_up()
        return cls.from_settings(credentials or {})

    # --- what each channel says for itself ------------------------------------------------------
    @classmethod
    def from_settings(cls, credentials: dict[str, Any]) -> PrivateChannel:
        """The channel from ``credentials.yml`` (values from the environment)."""
        return cls()

    def refuse(self, request: Request) -> HTTPResponse | None:
        """A refusal (403) decided before the body is read, or None."""
        return None

    @abc.abstractmethod
    def parse(self, request: Request) -> Incoming | HTTPResponse:
        """The message in the body, or the answer to a body that holds none (an update to ignore).
        Raises :class:`InvalidBody`. May keep what it read on ``request.ctx`` for get_metadata."""

    @abc.abstractmethod
    def get_metadata(self, request: Request) -> dict[str, Any]:
        """What the request says besides the text: ``medium``, a shared location, media, the country
        of the number. Raises :class:`InvalidBody`."""

    @abc.abstractmethod
    async def answer(self, request: Request, incoming: Incoming, medium: str, messages: Messages) -> HTTPResponse:
        """The bot's messages (``[]``: say nothing), sent as the channel sends them."""

    def flood_check(self, request: Request, sender_id: str) -> str:
        """``ok``, ``warn`` or ``drop`` (see :class:`~bot.channels.common.FloodGuard`)."""
        return self.flood.check(sender_id)

    # --- the shared sequence --------------------------------------------------------------------
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = channel_blueprint(f"{self.name()}_private_webhook")

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self.receive(request, on_new_message)

        return bp

    async def receive(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        refused = self.refuse(request)
        if refused is not None:
            return refused
        try:
            incoming = self.parse(request)
            if isinstance(incoming, HTTPResponse):
                return incoming
            metadata = self.get_metadata(request)
        except InvalidBody as exc:
            return bad_request(exc.reason, exc.detail)
        medium = metadata["medium"]
        text = incoming.text.strip() or (LOCATION_COMMAND if "latitude" in metadata else MENU_COMMAND)
        sender_id = pseudonym(self.name(), incoming.sender)

        def said(texts: list[str]) -> Messages:
            return [{"recipient_id": sender_id, "text": t} for t in texts]

        verdict = self.flood_check(request, sender_id)
        if verdict != "ok":
            return await self.answer(request, incoming, medium, said([flood_notice(text)] if verdict == "warn" else []))
        if self.handover:
            held = await handover_hook.hold(sender_id, incoming.sender, text, metadata)
            if held is not None:  # a person answers this conversation: the bot stays quiet
                return await self.answer(request, incoming, medium, said(held))
        messages = await ask_rasa(on_new_message, text, sender_id, self.name(), metadata)
        if self.handover:
            await handover_hook.remember(sender_id, incoming.sender, incoming.via)
        if not any(m.get("text") for m in messages):
            messages = said(fallback_reply(text, metadata.get("country")))
        return await self.answer(request, incoming, medium, messages)
