"""The dialogue's contract: the domain's custom actions, the action classes and the registry of
handlers are one set, and a name outside it fails loudly instead of becoming the fallback."""

import inspect
from pathlib import Path

import pytest
import yaml

from bot.dialogue import HANDLERS, Menu, State, Turn, UnknownHandler, handlers, respond

DOMAIN = Path(__file__).resolve().parents[2] / "bot" / "domain"


def domain_actions() -> set[str]:
    names: set[str] = set()
    for path in DOMAIN.glob("*.yml"):
        names.update((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("actions") or [])
    return {n for n in names if not n.startswith("utter_")}


def test_every_domain_action_has_a_handler_and_every_handler_an_action():
    assert domain_actions() == {f"action_{name}" for name in HANDLERS}


def test_every_handler_is_a_function_of_the_handlers_module():
    for name, fn in HANDLERS.items():
        assert inspect.isfunction(fn) and fn.__module__ == handlers.__name__, name


@pytest.mark.rasa
def test_the_action_classes_are_the_registry():
    from rasa_sdk import Action
    from rasa_sdk.utils import all_subclasses

    from bot.actions import ACTIONS
    from bot.actions.base import DialogueAction

    assert sorted(cls().name() for cls in ACTIONS) == sorted(f"action_{h}" for h in HANDLERS)
    # what rasa-sdk registers: every concrete Action subclass, once per name
    registered = [cls().name() for cls in all_subclasses(Action) if not inspect.isabstract(cls)
                  and cls.__module__.startswith("bot.")]
    assert sorted(registered) == sorted(cls().name() for cls in ACTIONS)
    assert inspect.isabstract(DialogueAction)


def test_an_unknown_handler_raises_instead_of_falling_back(knowledge):
    with pytest.raises(UnknownHandler):
        respond(knowledge, "find_servces", Turn(text="necesito comida", intent="need_food"), State())


def test_the_menu_slot_holds_plain_text_and_tolerates_an_unknown_value():
    state = State(menu=Menu.ASK_PLACE)
    assert state.as_slots()["menu"] == "ask_place" and type(state.as_slots()["menu"]) is str
    assert State.from_slots({"menu": "ask_place"}).menu is Menu.ASK_PLACE
    assert State.from_slots({"menu": "a menu of an older version"}).menu is None


def test_the_default_language_is_said_in_one_place():
    from bot import DEFAULT_LANGUAGE

    assert State().language == DEFAULT_LANGUAGE and State(lang="ht").language == "ht"
