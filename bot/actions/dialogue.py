"""The custom actions, one per dialogue handler: ``action_<handler>`` calls ``HANDLERS[handler]``.

Written out rather than generated, so that a reader (and rasa-sdk) finds each action by its name;
``tests/dialogue/test_contract.py`` checks that these, the domain's actions and the handlers agree.
"""

from bot.actions.base import DialogueAction


class ActionGreet(DialogueAction):
    handler = "greet"


class ActionMenu(DialogueAction):
    handler = "menu"


class ActionHelp(DialogueAction):
    handler = "help"


class ActionGoodbye(DialogueAction):
    handler = "goodbye"


class ActionLanguage(DialogueAction):
    handler = "language"


class ActionFindServices(DialogueAction):
    handler = "find_services"


class ActionPlace(DialogueAction):
    handler = "place"


class ActionMore(DialogueAction):
    handler = "more"


class ActionOption(DialogueAction):
    handler = "option"


class ActionConfirm(DialogueAction):
    handler = "confirm"


class ActionRights(DialogueAction):
    handler = "rights"


class ActionEmergency(DialogueAction):
    handler = "emergency"


class ActionDeleteData(DialogueAction):
    handler = "delete_data"


class ActionAskPerson(DialogueAction):
    handler = "ask_person"


class ActionWhatDoYouKnow(DialogueAction):
    handler = "what_do_you_know"


class ActionPrivacy(DialogueAction):
    handler = "privacy"


class ActionWhoRuns(DialogueAction):
    handler = "who_runs"


class ActionTellMigration(DialogueAction):
    handler = "tell_migration"


class ActionIsFree(DialogueAction):
    handler = "is_free"


class ActionRumour(DialogueAction):
    handler = "rumour"


class ActionFallback(DialogueAction):
    handler = "fallback"


ACTIONS: tuple[type[DialogueAction], ...] = (
    ActionGreet, ActionMenu, ActionHelp, ActionGoodbye, ActionLanguage, ActionFindServices, ActionPlace,
    ActionMore, ActionOption, ActionConfirm, ActionRights, ActionEmergency, ActionDeleteData, ActionAskPerson,
    ActionWhatDoYouKnow, ActionPrivacy, ActionWhoRuns, ActionTellMigration, ActionIsFree, ActionRumour, ActionFallback,
)
