"""A reply: the messages to send, plus optional menu options and a location request."""

from __future__ import annotations

from dataclasses import dataclass, field

MEDIA = ("sms", "whatsapp", "telegram", "rest")


@dataclass
class Reply:
    messages: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)  # menu entries, numbered from 1 (keyboard buttons)
    request_location: bool = False  # offer a "share my location" button where the channel has one
    # (need, country, town, outcome) of a search, for the aggregate counts of needs met; never sent
    outcome: tuple[str, str, str, str] | None = None
    # (service id, kind) when the person said a listed service is wrong, for staff; never sent
    report: tuple[str, str] | None = None

    def add(self, text: str) -> Reply:
        if text:
            self.messages.append(text)
        return self

    def extend(self, other: Reply) -> Reply:
        self.messages.extend(other.messages)
        self.options = other.options or self.options
        self.request_location = self.request_location or other.request_location
        self.outcome = other.outcome or self.outcome
        self.report = other.report or self.report
        return self

    @property
    def text(self) -> str:
        return "\n\n".join(self.messages)
