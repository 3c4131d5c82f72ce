"""Turning a core :class:`Reply` into dispatcher messages for the channel."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from bot.answers.reply import Reply
from bot.language.catalogue import t


def send_reply(dispatcher: CollectingDispatcher, reply: Reply, medium: str, lang: str) -> None:
    """One dispatcher message per reply message; menu options become buttons on the last one.

    The channel connectors decide what buttons become (a Telegram keyboard; nothing on SMS, where
    the numbered text already says it all).
    """
    messages = reply.messages or []
    for i, text in enumerate(messages):
        last = i == len(messages) - 1
        kwargs: dict = {}
        if last and reply.options and medium in ("telegram", "rest"):
            kwargs["buttons"] = [{"title": label, "payload": str(n)} for n, label in enumerate(reply.options, 1)]
        if last and reply.request_location and medium == "telegram":
            kwargs["json_message"] = {"request_location": t(lang, "share_location_button")}
        dispatcher.utter_message(text=text, **kwargs)
