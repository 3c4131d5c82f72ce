"""One turn's context: what every handler reads (the knowledge, the message, what it says of a
place) and writes (the state). Made by :func:`bot.dialogue.respond` for one turn, never kept."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answers import menus
from bot.answers.reply import Reply
from bot.dialogue.state import Menu, State, Turn
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.store import Knowledge
from bot.places.gazetteer import Place
from bot.places.resolve import PlaceMatch

MENU_BUILDERS = {
    Menu.MAIN: menus.main_menu,
    Menu.OTHER: menus.other_menu,
    Menu.LANGUAGE: menus.language_menu,
    Menu.RIGHTS: menus.rights_menu,
}


@dataclass
class Context:
    knowledge: Knowledge
    turn: Turn
    state: State
    match: PlaceMatch = field(default_factory=PlaceMatch)  # what the message says of a place
    privacy_line: str = ""  # first contact: the one-line privacy notice, until it is said
    left: bool = False  # the message says the person left the last place ("ya no estoy ahí", "nou rive")
    lost: bool = False  # the message says the person does not know where they are ("no se donde estamos", "idk")
    # the country of the town where a detention told happened ("la migra agarró a mi hermano en tapachula"): whose law
    held_in: str = ""
    advised: tuple[str, ...] = ()  # the first aid the emergency's answer already gave: never twice in one reply

    @property
    def kb(self) -> KnowledgeBase:
        return self.knowledge.kb

    @property
    def lang(self) -> str:
        return self.state.language

    @property
    def medium(self) -> str:
        return self.turn.medium

    def place(self) -> Place | None:
        """The place the conversation is about, if any."""
        return Place.from_slot(self.state.place)

    def country(self) -> str:
        place = self.place()
        return (place.country if place else "") or self.state.country or ""

    def show_menu(self, menu: Menu) -> Reply:
        """A numbered menu, remembered as the one the next number answers."""
        self.state.menu = menu
        return MENU_BUILDERS[menu](self.kb, self.lang)

    def privacy_line_for_page(self) -> str:
        """On SMS the privacy line joins the first page of results (three segments in all);
        elsewhere it stays a message of its own."""
        if self.medium != "sms":
            return ""
        line, self.privacy_line = self.privacy_line, ""
        return line
