"""What the dialogue reads and writes: the conversation state kept between turns, and one turn."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from enum import Enum

from bot import DEFAULT_LANGUAGE


class Menu(str, Enum):
    """What the bot asked last, so that the next message ("2", "yes", "Tapachula") reads against it.

    A ``str`` enum: the ``menu`` slot holds its value, so trackers stay plain JSON.
    """

    MAIN = "main"  # the numbered menu of needs
    OTHER = "other"  # the "other services" menu
    LANGUAGE = "language"  # the languages, numbered
    RIGHTS = "rights"  # the rights topics, numbered
    ASK_PLACE = "ask_place"  # "where are you?" for a search
    SUGGEST = "suggest"  # "did you mean ...?", numbered places in ``State.suggestions``
    RIGHTS_COUNTRY = "rights_country"  # "in which country?" for a rights answer
    EMERGENCY_COUNTRY = "emergency_country"  # a danger answered without the country's numbers
    HANDOVER_CONSENT = "handover_consent"  # "write with a person?": yes or no
    DELETE_CONFIRM = "delete_confirm"  # "delete your data?": yes or no
    REPORT = "report"  # "which service of the last list is wrong?", numbered
    REPORT_KIND = "report_kind"  # "what is wrong with it?" (the line in ``State.reporting``)

    @classmethod
    def read(cls, value: object) -> Menu | None:
        """The menu a slot names; None for one this version does not know (an old tracker)."""
        try:
            return cls(value)
        except ValueError:
            return None


# The menus that wait for a place name: the next words are read as a place first.
WAITING_FOR_PLACE = (Menu.ASK_PLACE, Menu.SUGGEST, Menu.RIGHTS_COUNTRY, Menu.EMERGENCY_COUNTRY)


@dataclass
class State:
    """What the bot remembers between turns (Rasa slots). Nothing here identifies a person."""

    lang: str | None = None
    lang_chosen: bool = False
    greeted: bool = False
    need: str | None = None
    place: dict | None = None
    offset: int = 0
    menu: Menu | None = None
    suggestions: list = field(default_factory=list)
    country: str | None = None  # coarse: from the phone number's prefix or the place given
    rights_topic: str | None = None
    emergency: str | None = None  # the kind of the last danger, while its country is not known
    erase: bool = False  # set when the person confirmed "delete my data"
    handover_request: bool = False  # set when the person consented to write with a person
    shown: list = field(default_factory=list)  # ids of the services of the last list, in its numbers
    reporting: int | None = None  # the line of that list being reported, at the report menu's last step

    @property
    def language(self) -> str:
        """The language to answer in: the one known, else the default."""
        return self.lang or DEFAULT_LANGUAGE

    @classmethod
    def from_slots(cls, slots: dict) -> State:
        state = cls()
        for f in fields(cls):
            value = slots.get(f.name)
            if value is None:
                continue
            if f.name == "offset":
                value = int(float(value))
            elif f.name == "menu":
                value = Menu.read(value)
            setattr(state, f.name, value)
        return state

    def as_slots(self) -> dict:
        slots = asdict(self)
        slots["menu"] = self.menu.value if self.menu else None
        return slots

    def forget(self) -> None:
        """Everything but the language, as after "delete my data"."""
        fresh = State(lang=self.lang)
        for f in fields(State):
            setattr(self, f.name, getattr(fresh, f.name))


@dataclass
class Turn:
    """One message from the person, as the channel delivered it."""

    text: str = ""
    intent: str = ""
    confidence: float = 1.0  # the NLU model's, for the intent
    medium: str = "rest"  # sms, whatsapp, telegram, rest
    location: tuple[float, float] | None = None
    phone_country: str | None = None
    media: str | None = None  # a voice note, image or document the bot cannot read
