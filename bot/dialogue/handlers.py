"""The handlers, one per custom action: ``action_<name>`` in the domain calls ``HANDLERS[name]``.

A new handler is a function here, a line in :data:`HANDLERS`, an action class in
``bot/actions/dialogue.py`` and the action's name in ``bot/domain``; ``tests/dialogue/test_contract.py``
fails until all four agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answers import about, menus
from bot.answers import places as place_answers
from bot.answers.reply import Reply
from bot.answers.rights import asks_rights, topic_of
from bot.answers.safety import emergency as emergency_answer
from bot.answers.support import handover_consent
from bot.dialogue import steps
from bot.dialogue.context import Context
from bot.dialogue.state import Menu
from bot.handover.settings import handover_retention_days
from bot.language.catalogue import t
from bot.language.detect import chosen_language, decide, language_by_number
from bot.language.needs import (
    bite_named,
    frostbite_named,
    need_from_words,
    needs_named,
    symptom_named,
)
from bot.places.gazetteer import Place
from bot.textnorm import fold

NEED_INTENT = re.compile(r"^need_(\w+)$")
# Below this confidence in a need, the one need the message's words name wins, psychosocial support aside (measured
# on the 1,322 labelled NLU messages: +1, -0 at 0.8; always: +2, -18)
WORDS_OVER_MODEL = 0.8
# The needs a symptom named beside them does not override: protection cannot wait either, the sick person of a
# family-links need is often far away ("mi mamá está enferma en Venezuela y no contesta"), and a wound in the soul
# comes with psychosocial support ("tengo una herida en el alma, necesito hablar con alguien")
SYMPTOM_KEEPS = ("medical", "protection", "family_links", "psychosocial")
UNKNOWN_NAME_WORDS = 4  # longer, a message naming no place is a sentence, not a town's name typed wrong

Handler = Callable[[Context], Reply]


def greet(c: Context) -> Reply:
    c.state.menu = Menu.MAIN
    if c.match.place is not None:  # "hola, estoy en tijuana": kept for the question that follows
        c.state.place, c.state.country = c.match.place.as_slot(), c.match.place.country or c.state.country
    return menus.welcome(c.kb, c.lang)


def menu(c: Context) -> Reply:
    return c.show_menu(Menu.MAIN)


def help_(c: Context) -> Reply:
    return Reply([t(c.lang, "help")]).extend(c.show_menu(Menu.MAIN))


def goodbye(c: Context) -> Reply:
    return Reply([t(c.lang, "goodbye")])


def language(c: Context) -> Reply:
    """The language named ("english") or picked from its menu, else the menu of languages."""
    state, text = c.state, c.turn.text
    state.greeted = True
    chosen = chosen_language(text) or (language_by_number(text) if state.menu == Menu.LANGUAGE else None)
    if chosen:
        return set_language(c, chosen)
    if not state.lang:
        state.lang = decide(text, None, False)
    return c.show_menu(Menu.LANGUAGE)


def set_language(c: Context, lang: str) -> Reply:
    c.state.lang, c.state.lang_chosen = lang, True
    return Reply([t(lang, "language_set")]).extend(c.show_menu(Menu.MAIN))


def find_services(c: Context) -> Reply:
    m = NEED_INTENT.match(c.turn.intent or "")
    need = m.group(1) if m else c.state.need
    named = needs_named(c.turn.text or "", c.lang) if m and c.turn.confidence < WORDS_OVER_MODEL else set()
    # (never toward psychosocial support: fear and sorrow come with every need, "quiero denunciar, tengo miedo")
    others = named - {"psychosocial"}
    if need not in named and len(others) == 1:
        need = others.pop()  # "on est à Saltillo, y a un refuge ici?" read as protection: a shelter
    elif m and need not in SYMPTOM_KEEPS and symptom_named(c.turn.text or "", c.lang):
        # a symptom cannot wait, however sure the model is of the other need: "my son has high fever since 3 days,
        # no papers" was answered with lawyers (the person can still say "menu"); emotional support stays (a review:
        # "since the frostbite took my toes i dont want to go on" is no need for a clinic)
        need = "medical"
    if not need or need not in c.kb.categories:
        return Reply([t(c.lang, "need_which")]).extend(c.show_menu(Menu.MAIN))
    return steps.need(c, need, c.match)


def place(c: Context) -> Reply:
    state, match = c.state, c.match
    if c.turn.location is not None:
        return steps.use_place(c, Place.from_slot(state.place))  # type: ignore[arg-type]
    if match.place is not None:
        named = needs_named(c.turn.text or "", c.lang) - {"psychosocial"} if not state.need else set()
        if len(named) == 1 and (need := named.pop()) in c.kb.categories:
            # "to no rio, na rodoviaria novo rio ... onde posso dormir?": shelters there, not the menu
            return steps.need(c, need, match)
        return steps.use_place(c, match.place)
    if state.menu == Menu.EMERGENCY_COUNTRY and (match.country or match.place is not None):
        return _emergency_in(c, match.country)
    if state.menu == Menu.RIGHTS_COUNTRY and match.country and state.rights_topic:
        state.country = match.country
        return steps.rights(c, state.rights_topic, match)
    if c.lost and not match.suggestions and c.place() is None:
        return steps.ask_lost(c, match)
    if match.suggestions or match.country:
        return steps.unclear_place(c, match)
    known = bool(match.mention) and bool(c.knowledge.places.candidates(fold(match.mention)))
    # a sentence with no name in it is no misspelt town: "left this morning, we are on the road now" is asked where,
    # never told "I do not know the place 'left this morning, we are on the road no'"
    sentence = not match.mention and len((c.turn.text or "").split()) > UNKNOWN_NAME_WORDS
    if (c.left or match.elsewhere or known or sentence) and (not match.mention or known):
        # "nou rive", "we left", "how much is the bus from X to Y", "los de necocli dicen ...": where now? (never "I don't
        # know the place 'nou rive'", nor a town the gazetteer knows)
        state.menu = Menu.ASK_PLACE
        return place_answers.ask_place_for(c.kb, state.need, c.lang) if state.need else Reply([t(c.lang, "ask_place")],
                                                                                             request_location=True)
    if state.menu == Menu.ASK_PLACE or c.turn.intent == "inform_place":
        state.menu = Menu.ASK_PLACE
        return steps.place_unknown(c, match.mention or (c.turn.text or "").strip()[:40])
    return fallback(c)


def _emergency_in(c: Context, country: str) -> Reply:
    """The country of a danger answered before: its numbers now, for the danger then."""
    state = c.state
    state.country, state.menu = country, None
    pending, state.emergency = (state.emergency or "").split(), None
    kind = pending[0] if pending and pending[0] != "unknown" else ""
    return emergency_answer(c.kb, c.knowledge.index, kind, country, c.place(), c.lang, tuple(pending[1:]), c.medium)


def more(c: Context) -> Reply:
    place = c.place()
    if c.state.need and place is not None:
        return steps.results(c, place)
    return Reply([t(c.lang, "need_which")]).extend(c.show_menu(Menu.MAIN))


def option(c: Context) -> Reply:
    return fallback(c)  # a number is read in bot.dialogue.turn; what is left is no option


def confirm(c: Context) -> Reply:
    state, yes = c.state, c.turn.intent == "affirm"
    if state.menu == Menu.HANDOVER_CONSENT:
        state.menu = None
        if yes:
            state.handover_request = True  # the action opens the request and says who answers when
            return Reply()
        return Reply([t(c.lang, "handover_declined")])
    if state.menu == Menu.DELETE_CONFIRM:
        if yes:
            state.forget()
            state.erase = True
            return Reply([t(c.lang, "delete_done")])
        state.menu = None
        return Reply([t(c.lang, "delete_cancelled")])
    if state.menu == Menu.SUGGEST and yes and state.suggestions:
        chosen = Place.from_slot(state.suggestions[0])
        if chosen:
            return steps.use_place(c, chosen)
    if c.left and not c.match.mention:
        return place(c)  # "ya no estoy", "not anymore" read as a "no": the person left the last town; where now?
    return c.show_menu(Menu.MAIN)


def ask_person(c: Context) -> Reply:
    c.state.menu = Menu.HANDOVER_CONSENT  # nothing is stored until the person says yes
    return Reply([handover_consent(c.kb, c.lang, handover_retention_days())])


def delete_data(c: Context) -> Reply:
    c.state.menu = Menu.DELETE_CONFIRM
    return Reply([t(c.lang, "delete_confirm")])


def what_do_you_know(c: Context) -> Reply:
    return Reply([about.what_i_know(c.kb, c.lang, c.country(), c.place())])


def privacy(c: Context) -> Reply:
    return Reply([about.privacy_notice(c.kb, c.lang)])


def who_runs(c: Context) -> Reply:
    return Reply([about.who_runs(c.kb, c.lang)])


def tell_migration(c: Context) -> Reply:
    return Reply([about.tell_migration(c.kb, c.lang)])


def is_free(c: Context) -> Reply:
    return Reply([t(c.lang, "is_free")])


def emergency(c: Context) -> Reply:
    return Reply()  # the emergency answer is given in bot.dialogue.turn, before any handler


# Needs that cannot wait for a rights text the message also asks about (not the need the topic itself is about:
# "¿tengo derecho a ir al médico sin papeles?" asks for the health rights text, not for a clinic).
NEEDS_BEFORE_RIGHTS = ("medical", "shelter", "food", "water_hygiene", "family_links")
TOPIC_NEED = {"health": "medical", "children": "family_links"}  # "can they separate me from my kids?": the topic itself


def rights(c: Context) -> Reply:
    state, match = c.state, c.match
    topic = topic_of(c.turn.text or "") or state.rights_topic
    if match.country:
        state.country = match.country
    elif match.place is not None:
        state.place = match.place.as_slot()
    need = need_from_words(c.turn.text or "", c.lang)
    if topic is None and need in c.kb.categories and not asks_rights(c.turn.text or ""):
        return steps.need(c, need, match)  # "Rosario gen lafyev, kisa m ka ba li?": no right asked, a need named
    if topic is None:
        return c.show_menu(Menu.RIGHTS)
    if need in NEEDS_BEFORE_RIGHTS and need != TOPIC_NEED.get(topic) and need in c.kb.categories:
        # "me deportaron ayer, no tengo donde dormir": a bed tonight first; the rights text is one word away
        reply = steps.need(c, need, match)
        state.rights_topic = topic
        return reply.add(t(c.lang, "rights_later", topic=t(c.lang, f"rights_topic_{topic}")))
    return steps.rights(c, topic, match)


def rumour(c: Context) -> Reply:
    """"Dicen que cierran la frontera, ¿es verdad?": no news is confirmed or denied here (a bare "No." read as an
    answer to the rumour); where to check it, near the person, instead."""
    if _injured(c) and "medical" in c.kb.categories:
        return steps.need(c, "medical", c.match)  # "un perro me mordio ... que hago": a bite is no rumour, frostbite neither
    reply = Reply([t(c.lang, "rumour")])
    if topic_of(c.turn.text or ""):  # "c'est vrai que les enfants ont droit à l'école ?": what the law says, sourced
        return reply.extend(rights(c))
    if "legal" in c.kb.categories:
        return reply.extend(steps.need(c, "legal", c.match))
    return reply.extend(c.show_menu(Menu.RIGHTS))


def _injured(c: Context) -> bool:
    """An animal's bite or frostbite is named: an injury with its own first aid, whatever need the model read."""
    return bite_named(c.turn.text or "", c.lang) or frostbite_named(c.turn.text or "")


def fallback(c: Context) -> Reply:
    state, match = c.state, c.match
    if state.menu == Menu.EMERGENCY_COUNTRY and (match.country or match.place is not None):
        return place(c)
    waiting = state.menu in (Menu.ASK_PLACE, Menu.SUGGEST, Menu.RIGHTS_COUNTRY)
    # the model could not decide, the words can: "elle vomit depuis hier" is a need for medical care
    need = None if waiting else need_from_words(c.turn.text or "", c.lang)
    if need in c.kb.categories:
        return steps.need(c, need, match)
    if match.place is not None and (waiting or c.turn.intent in ("nlu_fallback", "inform_place")):
        return steps.use_place(c, match.place)
    if (state.menu == Menu.ASK_PLACE and (c.turn.text or "").strip()) or (c.left and not match.mention):
        return place(c)  # (left the last town: "nos subieron al bus, no sé a dónde nos llevan" asks where, not "sorry?")
    return Reply([t(c.lang, "fallback")]).extend(c.show_menu(Menu.MAIN))


# The registry: the domain's custom actions are exactly ``action_`` + these names.
HANDLERS: dict[str, Handler] = {
    "greet": greet,
    "menu": menu,
    "help": help_,
    "goodbye": goodbye,
    "language": language,
    "find_services": find_services,
    "place": place,
    "more": more,
    "option": option,
    "confirm": confirm,
    "rights": rights,
    "rumour": rumour,
    "emergency": emergency,
    "delete_data": delete_data,
    "ask_person": ask_person,
    "what_do_you_know": what_do_you_know,
    "privacy": privacy,
    "who_runs": who_runs,
    "tell_migration": tell_migration,
    "is_free": is_free,
    "fallback": fallback,
}
