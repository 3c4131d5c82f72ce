"""One turn, in the order that keeps people safe: language, danger, menu number, handler."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answers import menus, service_reports
from bot.answers.reply import Reply
from bot.answers.rights import asks_rights
from bot.answers.safety import ahead, emergency
from bot.answers.support import handover_offer
from bot.dialogue import steps
from bot.dialogue.context import Context
from bot.dialogue.handlers import HANDLERS, ask_person, language, set_language
from bot.dialogue.state import WAITING_FOR_PLACE, Menu, State, Turn
from bot.knowledge.store import Knowledge
from bot.language.catalogue import t
from bot.language.detect import decide, detect, language_by_number
from bot.language.needs import bite_named, needs_named
from bot.places.gazetteer import Place
from bot.places.understand import understand
from bot.safety.alarm import alarm as danger_check
from bot.safety.alarm import asked_ahead, rumour_asked, tells_detention
from bot.safety.child import child_writing
from bot.safety.first_aid import MARKS, advice_for
from bot.textnorm import fold

MAX_TEXT = 2000
SHORT_ANSWER = 4  # words: "no idea", "je sais pas", "m pa konnen" say nothing of the conversation's language
OPTION_WORDS = re.compile(
    r"^\s*(?:la|el|opcion|opción|option|opsyon|numero|número|number|nimewo|numéro|opção|opcao|n)?\s*#?\s*(\d{1,2})\b",
    re.IGNORECASE,
)
# After a danger answer these handlers have nothing to add; the others still answer (a need, a question).
DONE_AFTER_DANGER = ("emergency", "fallback", "greet", "place", "option", "confirm", "more",
                     "rumour")  # the danger is the writer's (news is dropped before the alarm): no "cannot confirm"
# A rumour asked about gets the protection services near the place asked about, unless its words ask another need.
RUMOUR_NEED = "protection"
# These show the privacy line themselves (the welcome) or are about the bot, not a need.
NO_PRIVACY_LINE = ("greet", "help", "menu")
# Intents whose answer ignores a place: a place said to be where the person is, in answer to "where are you?", wins
# over them ("ya volvimos a valensia" was read as a goodbye, and the bot said "Cuídate")
PLACE_OVER = ("goodbye", "greet", "menu", "help", "confirm", "more", "tell_migration", "what_do_you_know",
              "who_runs", "is_free", "privacy")
# A person taken by ICE or "la migra": the detention's rights text and legal help answer, whatever the intent model
# read ("ICE took my husband, i dont know where he is" read as a need for family links or a greeting)
DETENTION_OVER = ("find_services", "fallback", "greet", "goodbye", "menu", "help", "delete_data", "what_do_you_know",
                  "tell_migration", "is_free")


class UnknownHandler(KeyError):
    """An action named a handler the registry does not have: a typo, never the fallback."""


def respond(knowledge: Knowledge, handler: str, turn: Turn, state: State) -> tuple[Reply, State]:
    """Answer one turn: ``handler`` is the action's name without ``action_``."""
    if handler not in HANDLERS:
        raise UnknownHandler(handler)
    reply, state = _answer(knowledge, handler, turn, state)
    if turn.location is None and child_writing((turn.text or "")[:MAX_TEXT]):
        # "im 15 and alone with my little sister": after the answer (the emergency's first), a caution and a person
        reply.add(t(state.language, "child_writer"))
        offer = handover_offer(knowledge.kb, state.language)
        if offer not in reply.text:
            reply.add(offer)
    return reply, state


def _answer(knowledge: Knowledge, handler: str, turn: Turn, state: State) -> tuple[Reply, State]:
    state.erase = state.handover_request = False
    if turn.phone_country and not state.country:
        state.country = turn.phone_country
    # the channel's location command is no words of the person's
    text = "" if turn.location is not None else (turn.text or "")[:MAX_TEXT]
    # "3 cerrado" after a list tells staff that service is wrong, whatever the intent; danger still first
    reported = service_reports.answer(knowledge.kb, text, state.shown, state.menu.value if state.menu else "",
                                      state.reporting, state.language)
    if reported is not None and not danger_check(text):
        answer, menu, state.reporting = reported
        state.menu = Menu.read(menu) if menu else None
        return answer, state
    danger = danger_check(text)
    if handler == "language" and danger:
        handler = "emergency"  # "hablo francés, en santiago me pegan, ayuda": the emergency numbers, not the language menu
    if handler == "language" or (state.menu == Menu.LANGUAGE and language_by_number(text) and not danger):
        return language(Context(knowledge, turn, state)), state

    if handler == "emergency" and not danger:
        # The intent model alone raises no alarm: on the danger sets written apart from the bot (1,067 dangers)
        # it never found one the phrases and the learned check missed, and every alarm of its own was false
        # ("on attend au terminal depuis hier soir, le bus ne vient pas"). The menu's last line invites to say
        # it is an emergency. (Nor is its intent trusted: a town named is then taken as for an unsure model.)
        handler, turn = "fallback", replace(turn, intent="nlu_fallback")
    detained = tells_detention(text)
    if detained and not danger and handler in DETENTION_OVER:
        handler = "rights"
    expect_place = state.menu in WAITING_FOR_PLACE or turn.intent in ("inform_place", "nlu_fallback")
    # a country taken from the phone number (above) is the phone's evidence: counted once, as the phone's
    said_country = "" if state.country == turn.phone_country and not state.place else state.country or ""
    # the words are read in the language they are written in: "on est dans le bus entre Puebla et Mexico" after a
    # Spanish turn is French ("et", not "y"), whatever language the answer stays in
    written = detect(text)
    seen = understand(knowledge, text, phone_country=turn.phone_country or "", previous=Place.from_slot(state.place),
                      conversation_country=said_country, expect_place=expect_place, danger=bool(danger),
                      lang=(written.lang if written.confident else None) or state.lang or written.lang or "")
    if seen.left:  # "ya no estoy en tapachula", "we arrived": the next search asks where, not the old town
        state.place = None
    # a detention read as a danger is: "la migra agarró a mi hermano en tapachula" names where it happened, whose law
    # answers (only that: the writer's own place stays the one the message or the conversation says)
    held = understand(knowledge, text, phone_country=turn.phone_country or "", lang=written.lang, danger=True) if detained else None
    c = Context(knowledge, turn, state, seen.match, left=seen.left, lost=seen.lost,
                held_in=held.place.country if held and held.place else "")
    # A place name, a number or an emoji says nothing of the language: only the other words do.
    # (the accents kept for the detector: "lá", "amanhã" are Portuguese, folded "la", "amanha" read as Spanish)
    mention = fold(c.match.mention).split()
    words = [w for w in re.split(r"[\s\-]+", text) if fold(w) and not fold(w).isdigit() and fold(w) not in mention]
    if seen.lost and len(words) <= SHORT_ANSWER and state.lang:
        words = []  # nor does "no idea" (Spanish words too) answering "where are you?" in English
    state.lang = decide(" ".join(words), state.lang, state.lang_chosen) if words else state.language
    reply = Reply()
    if turn.media:
        reply.add(t(c.lang, "media_unsupported"))
    first_contact = not state.greeted
    state.greeted = True

    if seen.lost and state.menu == Menu.ASK_PLACE and handler not in ("emergency", "language"):
        handler = "place"  # "no se, no conozco aqui" answers "where are you?" (read as a "no", it showed the menu)
    if state.menu in WAITING_FOR_PLACE and handler in PLACE_OVER and seen.said_here:
        handler = "place"  # (surely said to be where the person is: "gracias, adios, saludos a santiago" stays a goodbye)
    if turn.location is not None:
        place = knowledge.places.at(*turn.location)
        state.place, state.country = place.as_slot(), place.country or state.country
        if handler != "emergency":
            handler = "place"
    if danger:
        said = advice_for(text)  # kept in the slot when the country is asked: the next reply knows the baby too
        if bite_named(text, c.lang):
            said += ("animal_bite",)  # "mordu par un chien": the rabies vaccine (texts first_aid_animal_bite) after the rest
        reply.extend(_danger(c, danger.kind, seen.country, said, seen.other_country))
        # a list of clinics after it does not repeat the advice given (what an SMS had no room for still follows)
        c.advised = tuple(s for s in said if t(c.lang, f"first_aid_{s}") in reply.text)
        # the learned check alone may be wrong; a first-aid situation's words ("caiu no rio") are a phrase too
        learned_only = not danger.phrase and not set(said) - MARKS
        if detained and not danger.phrase:
            # the rights one word away: the learned check may be right ("... and my 5 yr old is alone at home"), and
            # 1,500 characters of law would bury the emergency's answer (22 SMS)
            state.rights_topic = "detention"
            return reply.add(t(c.lang, "rights_later", topic=t(c.lang, "rights_topic_detention"))), state
        if handler in DONE_AFTER_DANGER or (handler == "find_services" and not (
                _list_follows(turn, text, c, learned_only) and (learned_only or _list_near(c, turn)))):
            return reply, state
        if danger.kind == "suicide" and danger.phrase:
            # the crisis line and a person, nothing after: "m se yon chay pou fanmi m" named the family, and the
            # family-links advice that followed buried the crisis words
            return reply, state
        if handler == "rights" and not asks_rights(text):  # "yo kidnape pitit mwen" is no question on children's rights
            return reply, state
    elif asked_ahead(text) and set(said := advice_for(text)) - MARKS:
        # "só perguntando, o que fazer se alguém for picado por cobra?": no alarm, the first aid is the answer;
        # a list of services follows only when the words ask for it too
        reply.extend(ahead(c.kb, seen.country, c.lang, said))
        c.advised = tuple(s for s in said if t(c.lang, f"first_aid_{s}") in reply.text)
        if handler != "find_services" or not _list_follows(turn, text, c, False):
            return reply, state

    if first_contact and handler not in NO_PRIVACY_LINE and not danger:
        c.privacy_line = t(c.lang, "privacy_short")
    number = _option_number(c, text)
    if number is None and not danger and rumour_asked(text):
        return reply.add(c.privacy_line).extend(_rumour(c, handler, text)), state
    answer = _option(c, number) if number is not None else HANDLERS[handler](c)
    reply.add(c.privacy_line)  # not used by a page of results: a message of its own, first
    return reply.extend(answer), state


def _rumour(c: Context, handler: str, text: str) -> Reply:
    """A danger heard of and asked about ("is it true they kidnap people at the bus station?"): the bot cannot
    confirm it; who knows the area, and the way to the emergency number. A need the words ask for still
    answers ("... es verdad? donde podemos dormir en reynosa"), else the protection services near the place."""
    reply = Reply([t(c.lang, "rumour_asked")])
    if handler == "find_services" and needs_named(text, c.lang) - {RUMOUR_NEED, "legal", "psychosocial"}:
        return reply.extend(HANDLERS[handler](c))
    return reply.extend(steps.need(c, RUMOUR_NEED, c.match))


def _list_follows(turn: Turn, text: str, c: Context, learned_only: bool) -> bool:
    """After a danger answer, a list of services follows only when the message's words ask for that
    need too: "mi esposa se desmayó" read as a need for family contact must not bury the emergency.
    After an alarm only the learned check raised (it may be false) the list follows unless the words
    name only other needs: "mi hija vomita y está muy decaída" read as a legal need gets no legal clinics."""
    named = needs_named(text, c.lang)
    return (turn.intent or "").removeprefix("need_") in named or (learned_only and not named)


def _list_near(c: Context, turn: Turn) -> bool:
    """After a sure danger's answer only a list within reach follows: "my boys werent in the tent, we are at the
    shelter in reynosa" was followed by shelters 742 km away, which buried the advice (the answer names the nearest
    help). After an alarm the learned check alone raised (it may be false) the need asked for follows, near or far."""
    need, place = (turn.intent or "").removeprefix("need_"), c.match.place or c.place()
    if place is None or need not in c.kb.categories:
        return True
    result = c.knowledge.index.nearest(need, place.latitude, place.longitude, country=place.country)
    return bool(result.hits) and not result.widened


def _danger(c: Context, kind: str, country: str, said: tuple[str, ...], other_country: str | None = None) -> Reply:
    """The emergency answer first. Without a country, the next message (the country or town) gets
    that country's numbers: the slot keeps the kind and the first-aid situations ``said`` ("medical_emergency
    heat"), never the text."""
    state = c.state
    if c.match.place is not None:
        state.place = c.match.place.as_slot()
    kind = kind or (state.emergency or "").split(" ")[0]
    reply = emergency(c.kb, c.knowledge.index, kind, country or "", c.place(), c.lang, said, c.medium,
                      other_country or "")
    if kind in ("sexual_violence", "suicide"):  # a person to talk to, now
        reply.add(handover_offer(c.kb, c.lang))
    pending = " ".join((kind or "unknown", *said))
    state.emergency, state.menu = (None, state.menu) if country else (pending, Menu.EMERGENCY_COUNTRY)
    return reply


def _option_number(c: Context, text: str) -> int | None:
    """The number of a menu entry ("2", "opción 2", a keyboard's "2 Refugio"), or None."""
    m = OPTION_WORDS.match(text or "")
    if not m:
        return None
    n, rest = int(m.group(1)), (text or "")[m.end():].strip()
    if len(rest.split()) <= 4:
        return n
    # a keyboard button sends "8 Otros: agua, cargar teléfono, protección": the number and its label
    items = menus.entries(c.kb, c.state.menu or Menu.MAIN, c.lang)
    if 1 <= n <= len(items) and fold(rest) == fold(items[n - 1][1]):
        return n
    return None  # "2 personas necesitamos ..." is a sentence, not a menu choice


def _option(c: Context, n: int) -> Reply:
    """Entry ``n`` of the menu shown last; the main menu again when there is no such entry."""
    state = c.state
    menu = state.menu or Menu.MAIN
    if menu == Menu.SUGGEST and 1 <= n <= len(state.suggestions):
        place = Place.from_slot(state.suggestions[n - 1])
        if place:
            return steps.use_place(c, place)
    if menu in (Menu.SUGGEST, Menu.RIGHTS_COUNTRY):
        menu = Menu.MAIN
    items = menus.entries(c.kb, menu, c.lang)
    if not 1 <= n <= len(items):
        return c.show_menu(Menu.MAIN)
    code = items[n - 1][0]
    if menu == Menu.LANGUAGE:
        return set_language(c, code)
    if menu == Menu.RIGHTS:
        return steps.rights(c, code, c.match)
    if code == "rights":
        return c.show_menu(Menu.RIGHTS)
    if code == "other":
        return c.show_menu(Menu.OTHER)
    if code == "report":
        answer, menu = service_reports.menu(c.kb, state.shown, c.lang)
        state.menu = Menu.read(menu) if menu else None
        return answer
    if code == "person":
        return ask_person(c)
    if code == "language":
        return c.show_menu(Menu.LANGUAGE)
    return steps.need(c, code, steps.NO_MATCH)
