"""The conversation logic, independent of the dialogue engine.

Rasa classifies the intent and picks an action; every action calls :meth:`Dialogue.respond` with
the name of its handler, the person's turn and the conversation state. Here, in plain Python:

1. the language to answer in (chosen, else detected);
2. the danger check, on every message, before anything else;
3. a menu number ("2") read against the menu last shown;
4. the handler itself: services, places, rights, privacy, ...

A change of dialogue engine would keep all of this and replace only ``bot/actions``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields

from bot import LANGUAGES
from bot.answers import menus, service_reports
from bot.answers.reply import Reply
from bot.answers.rights import rights_answer, topic_of
from bot.answers.safety import crisis_line_text, emergency
from bot.answers.services import red_cross_contact, services_page
from bot.handover.settings import handover_retention_days
from bot.knowledge.loader import RIGHTS_TOPICS
from bot.knowledge.model import pick
from bot.knowledge.store import Knowledge
from bot.language.catalogue import LANGUAGE_NAMES, t
from bot.language.detect import chosen_language, decide, language_by_number
from bot.places.gazetteer import Place
from bot.places.resolve import PlaceMatch
from bot.places.understand import understand
from bot.safety.danger import check as danger_check
from bot.safety.first_aid import situations as first_aid_situations
from bot.textnorm import fold

# The model's "emergency" counts on its own (no danger phrase matched) from this confidence on.
MODEL_EMERGENCY_CONFIDENCE = 0.85
NEED_INTENT = re.compile(r"^need_(\w+)$")
LEADING_NUMBER = re.compile(r"^\s*#?\s*(\d{1,2})(?:\s*[.)\-:]?\s*\D*)?$")
OPTION_WORDS = re.compile(
    r"^\s*(?:la|el|opcion|opción|option|opsyon|numero|número|number|nimewo|numéro|opção|opcao|n)?\s*#?\s*(\d{1,2})\b",
    re.IGNORECASE,
)


@dataclass
class State:
    """What the bot remembers between turns (Rasa slots). Nothing here identifies a person."""

    lang: str | None = None
    lang_chosen: bool = False
    greeted: bool = False
    need: str | None = None
    place: dict | None = None
    offset: int = 0
    menu: str | None = None
    suggestions: list = field(default_factory=list)
    country: str | None = None  # coarse: from the phone number's prefix or the place given
    rights_topic: str | None = None
    emergency: str | None = None  # the kind of the last danger, while its country is not known
    erase: bool = False  # set when the person confirmed "delete my data"
    handover_request: bool = False  # set when the person consented to write with a person
    shown: list = field(default_factory=list)  # ids of the services of the last list, in its numbers

    @classmethod
    def from_slots(cls, slots: dict) -> State:
        state = cls()
        for f in fields(cls):
            value = slots.get(f.name)
            if value is None:
                continue
            if f.name == "offset":
                value = int(float(value))
            setattr(state, f.name, value)
        return state

    def as_slots(self) -> dict:
        return asdict(self)


@dataclass
class Turn:
    """One message from the person, as the channel delivered it."""

    text: str = ""
    intent: str = ""
    confidence: float = 1.0
    medium: str = "rest"  # sms, whatsapp, telegram, rest
    location: tuple[float, float] | None = None
    phone_country: str | None = None
    media: str | None = None  # a voice note, image or document the bot cannot read


class Dialogue:
    """Answers one turn against one snapshot of the knowledge."""

    def __init__(self, knowledge: Knowledge):
        self.k = knowledge
        self.kb = knowledge.kb

    # --- entry point ---------------------------------------------------------------------------
    def respond(self, handler: str, turn: Turn, state: State) -> tuple[Reply, State]:
        state.erase = state.handover_request = False
        if turn.phone_country and not state.country:
            state.country = turn.phone_country
        text = (turn.text or "")[:2000]
        if turn.location is not None:
            text = ""  # the channel's location command is no words of the person's
        # "3 cerrado" after a list tells staff that service is wrong (any intent; danger still first)
        reported = service_reports.answer(self.kb, text, state.shown, state.menu or "", state.lang or "es")
        if reported is not None and not danger_check(text):
            state.menu = reported[1]
            return reported[0], state
        if handler == "language" or (state.menu == "language" and language_by_number(text)):
            return self._language(turn, state), state
        danger = danger_check(text)
        expect_place = state.menu in ("ask_place", "suggest", "rights_country", "emergency_country") or turn.intent in (
            "inform_place", "nlu_fallback")
        seen = understand(self.k, text, phone_country=turn.phone_country or "", previous=self._place(state),
                          conversation_country=state.country or "", expect_place=expect_place,
                          danger=bool(danger) or handler == "emergency", lang=state.lang or "")
        match = seen.match
        # A place name, a number or an emoji says nothing of the language: only the other words do.
        words = [w for w in fold(text).split() if not w.isdigit() and w not in match.mention.split()]
        state.lang = decide(" ".join(words), state.lang, state.lang_chosen) if words else (state.lang or "es")
        lang = state.lang
        reply = Reply()
        if turn.media:
            reply.add(t(lang, "media_unsupported"))
        first_contact = not state.greeted
        state.greeted = True

        if turn.location is not None:
            place = self.k.places.at(*turn.location)
            state.place, state.country = place.as_slot(), place.country or state.country
            if handler not in ("emergency",):
                handler = "place"

        if handler == "emergency" and not danger and turn.confidence < MODEL_EMERGENCY_CONFIDENCE:
            handler = "fallback"  # the model alone, unsure: the menu, whose last line invites to say so
        if danger or handler == "emergency":
            if match.place is not None:
                state.place = match.place.as_slot()
            country = seen.country
            kind = danger.kind if danger else (state.emergency or "").split(" ")[0]
            said = first_aid_situations(text)
            reply.extend(emergency(self.kb, self.k.index, kind, country or "", self._place(state), lang, said,
                                   self._medium))
            # without a country, the next message (the country or town) gets that country's numbers; the
            # slot keeps the kind and what the message said ("medical_emergency heat"), never the text
            if kind == "sexual_violence":
                reply.add(self._handover_offer(lang))
            pending = " ".join((kind or "unknown", *said))
            state.emergency, state.menu = (None, state.menu) if country else (pending, "emergency_country")
            if handler in ("emergency", "fallback", "greet", "place", "option", "confirm", "more"):
                return reply, state

        if first_contact and handler not in ("greet", "help", "menu") and not danger:
            # on SMS the line joins the first page of results, so the reply stays within 3 segments
            self._prefix = t(lang, "privacy_short")

        number = self._option_number(text, state)
        if number is not None and handler not in ("emergency",):
            answer = self._option(number, turn, state, match)
        else:
            answer = getattr(self, f"_h_{handler}", self._h_fallback)(turn, state, match)
        if self._prefix:  # not used by a page of results: a message of its own, first
            reply.add(self._prefix)
            self._prefix = ""
        return reply.extend(answer), state

    # --- helpers -----------------------------------------------------------------------------
    def _country(self, state: State) -> str:
        place = self._place(state)
        return (place.country if place else "") or state.country or ""

    @staticmethod
    def _place(state: State) -> Place | None:
        return Place.from_slot(state.place)

    def _option_number(self, text: str, state: State) -> int | None:
        m = OPTION_WORDS.match(text or "")
        if not m:
            return None
        n, rest = int(m.group(1)), (text or "")[m.end():].strip()
        if len(rest.split()) <= 4:
            return n
        # a keyboard button sends "8 Otros: agua, cargar teléfono, protección": the number and its label
        items = menus.entries(self.kb, state.menu or "main", state.lang or "es")
        if 1 <= n <= len(items) and fold(rest) == fold(items[n - 1][1]):
            return n
        return None  # "2 personas necesitamos ..." is a sentence, not a menu choice

    # --- menus and options -------------------------------------------------------------------
    def _option(self, n: int, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        lang = state.lang or "es"
        menu = state.menu or "main"
        if menu == "suggest":
            if 1 <= n <= len(state.suggestions):
                place = Place.from_slot(state.suggestions[n - 1])
                if place:
                    return self._use_place(place, state)
            menu = "main"
        if menu == "rights_country":
            menu = "main"
        items = menus.entries(self.kb, menu, lang)
        if not 1 <= n <= len(items):
            return self._show_menu(state, "main")
        code = items[n - 1][0]
        if menu == "language":
            state.lang, state.lang_chosen = code, True
            return Reply([t(code, "language_set")]).extend(self._show_menu(state, "main"))
        if menu == "rights":
            return self._rights(code, state, match)
        if code == "rights":
            state.menu = "rights"
            return menus.rights_menu(self.kb, lang)
        if code == "other":
            return self._show_menu(state, "other")
        if code == "person":
            return self._h_ask_person(turn, state, match)
        if code == "report":
            answer, state.menu = service_reports.menu(self.kb, state.shown, lang)
            return answer
        if code == "language":
            return self._show_menu(state, "language")
        return self._need(code, turn, state, PlaceMatch())

    def _show_menu(self, state: State, menu: str) -> Reply:
        lang = state.lang or "es"
        state.menu = menu
        builder = {"main": menus.main_menu, "other": menus.other_menu, "language": menus.language_menu,
                   "rights": menus.rights_menu}[menu]
        return builder(self.kb, lang)

    def _language(self, turn: Turn, state: State) -> Reply:
        state.greeted = True
        chosen = chosen_language(turn.text) or (language_by_number(turn.text) if state.menu == "language" else None)
        if chosen:
            state.lang, state.lang_chosen = chosen, True
            return Reply([t(chosen, "language_set")]).extend(self._show_menu(state, "main"))
        if not state.lang:
            state.lang = decide(turn.text, None, False)
        return self._show_menu(state, "language")

    # --- handlers, one per action ------------------------------------------------------------
    def _h_greet(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        state.menu = "main"
        return menus.welcome(self.kb, state.lang or "es")

    def _h_menu(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        return self._show_menu(state, "main")

    def _h_help(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        return Reply([t(state.lang or "es", "help")]).extend(self._show_menu(state, "main"))

    def _h_goodbye(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        return Reply([t(state.lang or "es", "goodbye")])

    def _h_find_services(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        m = NEED_INTENT.match(turn.intent or "")
        need = m.group(1) if m else state.need
        if not need or need not in self.kb.categories:
            return Reply([t(state.lang or "es", "need_which")]).extend(self._show_menu(state, "main"))
        return self._need(need, turn, state, match)

    def _need(self, need: str, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        lang = state.lang or "es"
        state.need, state.offset = need, 0
        reply = Reply()
        if need == "family_links":
            reply.add(f"{self._family_links_info(state)}\n{self._handover_offer(lang)}")
        if need == "psychosocial":
            reply.add(f"{self._psychosocial_info(state)}\n{self._handover_offer(lang)}")
        if match.place is not None:
            return reply.extend(self._use_place(match.place, state))
        if match.suggestions or match.country:
            return reply.extend(self._unclear_place(match, state))
        place = self._place(state)
        if place is not None:
            return reply.extend(self._results(state, place))
        state.menu = "ask_place"
        label = menus.category_label(self.kb, need, lang)
        return reply.add(t(lang, "ask_place_for", need=label.lower())).extend(Reply(request_location=True))

    def _use_place(self, place: Place, state: State) -> Reply:
        state.place, state.suggestions = place.as_slot(), []
        state.country = place.country or state.country
        if state.menu == "rights_country" and state.rights_topic:
            return self._rights(state.rights_topic, state, PlaceMatch())
        if state.need:
            state.offset = 0
            return self._results(state, place)
        state.menu = "main"
        return Reply([t(state.lang or "es", "place_noted", place=place.name)]).extend(self._show_menu(state, "main"))

    def _results(self, state: State, place: Place) -> Reply:
        lang = state.lang or "es"
        result = self.k.index.nearest(state.need or "", place.latitude, place.longitude)
        prefix = self._prefix if self._medium == "sms" else ""
        if prefix:
            self._prefix = ""
        reply, shown = services_page(self.kb, result, place, state.offset, lang, self._medium, prefix)
        if state.offset == 0:  # a search, not "more" of it: counted once
            found = "nothing" if not result.hits else "farther" if result.widened else "within_25km"
            reply.outcome = (result.category, place.country, place.name if place.kind != "country" else "", found)
        ids = [h.service.id for h in result.hits[state.offset:state.offset + shown]]
        state.shown = service_reports.remember(state.shown, state.offset, ids)
        state.offset += shown
        state.menu = None
        return reply

    def _unclear_place(self, match: PlaceMatch, state: State) -> Reply:
        lang = state.lang or "es"
        if match.suggestions:
            state.menu = "suggest"
            state.suggestions = [p.as_slot() for p in match.suggestions[:4]]
            options = [self._place_label(p, lang) for p in match.suggestions[:4]]
            listed = "; ".join(f"{i}. {o}" for i, o in enumerate(options, 1))
            key = "place_which" if match.ask else "place_suggest"
            return Reply([t(lang, key, options=listed)], options=options, request_location=match.ask)
        if match.country:
            state.country = match.country
            state.menu = "ask_place"
            name = pick(self.kb.countries[match.country].name, lang) if match.country in self.kb.countries else match.country
            return Reply([t(lang, "place_country_only", country=name)], request_location=True)
        state.menu = "ask_place"
        return self._place_unknown(match.mention[:40], state)

    @staticmethod
    def _place_unknown(mention: str, state: State) -> Reply:
        reply = Reply([t(state.lang or "es", "place_unknown", mention=mention)], request_location=True)
        if state.need:  # a search that could not start: counted for the report on needs met
            reply.outcome = (state.need, state.country or "", "", "place_not_understood")
        return reply

    def _place_label(self, place: Place, lang: str) -> str:
        """ "Monterrey, Nuevo Leon, México": the state tells namesakes apart."""
        country = self.kb.countries.get(place.country)
        parts = [place.name]
        if place.admin1 and fold(place.admin1) not in fold(place.name):
            parts.append(place.admin1)
        parts.append(pick(country.name, lang) if country else place.country)
        return ", ".join(parts)

    def _h_place(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        if turn.location is not None:
            return self._use_place(Place.from_slot(state.place), state)  # type: ignore[arg-type]
        if match.place is not None:
            return self._use_place(match.place, state)
        if state.menu == "emergency_country" and (match.country or match.place is not None):
            if match.place is not None:
                state.place = match.place.as_slot()
            country = match.place.country if match.place is not None else match.country
            state.country, state.menu = country, None
            pending, state.emergency = (state.emergency or "").split(), None
            kind = pending[0] if pending and pending[0] != "unknown" else ""
            return emergency(self.kb, self.k.index, kind, country, self._place(state), state.lang or "es",
                             tuple(pending[1:]), self._medium)
        if state.menu == "rights_country" and match.country and state.rights_topic:
            state.country = match.country
            return self._rights(state.rights_topic, state, match)
        if match.suggestions or match.country:
            return self._unclear_place(match, state)
        if state.menu == "ask_place" or turn.intent == "inform_place":
            state.menu = "ask_place"
            return self._place_unknown(match.mention or (turn.text or "").strip()[:40], state)
        return self._h_fallback(turn, state, match)

    def _h_more(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        place = self._place(state)
        if state.need and place is not None:
            return self._results(state, place)
        return Reply([t(state.lang or "es", "need_which")]).extend(self._show_menu(state, "main"))

    def _h_option(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        return self._h_fallback(turn, state, match)

    def _h_confirm(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        lang = state.lang or "es"
        if state.menu == "handover_consent":
            state.menu = None
            if turn.intent == "affirm":
                state.handover_request = True  # the action opens the request and says who answers when
                return Reply()
            return Reply([t(lang, "handover_declined")])
        if state.menu == "delete_confirm":
            if turn.intent == "affirm":
                fresh = State(lang=state.lang, erase=True)
                for f in fields(State):
                    setattr(state, f.name, getattr(fresh, f.name))
                return Reply([t(lang, "delete_done")])
            state.menu = None
            return Reply([t(lang, "delete_cancelled")])
        if state.menu == "suggest" and turn.intent == "affirm" and state.suggestions:
            place = Place.from_slot(state.suggestions[0])
            if place:
                return self._use_place(place, state)
        return self._show_menu(state, "main")

    # --- handover to a person (bot/handover opens it; here only consent and offers) ----------------
    def _h_ask_person(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        state.menu = "handover_consent"  # nothing is stored until the person says yes
        return Reply([t(state.lang or "es", "handover_consent", org=self.kb.deployment.organization,
                        days=handover_retention_days())])

    def _handover_offer(self, lang: str) -> str:
        return t(lang, "handover_offer", org=self.kb.deployment.organization)

    def _h_delete_data(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        state.menu = "delete_confirm"
        return Reply([t(state.lang or "es", "delete_confirm")])

    def _h_what_do_you_know(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        lang = state.lang or "es"
        unknown = t(lang, "unknown_value")
        country = self._country(state)
        country_name = pick(self.kb.countries[country].name, lang) if country in self.kb.countries else (country or unknown)
        place = self._place(state)
        return Reply([t(lang, "what_i_know", language=LANGUAGE_NAMES.get(lang, lang), country=country_name,
                        place=place.name if place else unknown, days=self.kb.deployment.retention_days)])

    def _h_privacy(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        lang = state.lang or "es"
        d = self.kb.deployment
        policy = pick(d.data_policy, lang)
        return Reply([t(lang, "privacy_full", org=d.organization, policy=policy, contact=d.contact or d.website or "-")])

    def _h_who_runs(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        d = self.kb.deployment
        return Reply([t(state.lang or "es", "who_runs", org=d.organization, contact=d.contact or d.website or "-")])

    def _h_tell_migration(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        return Reply([t(state.lang or "es", "tell_migration", days=self.kb.deployment.retention_days)])

    def _h_is_free(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        return Reply([t(state.lang or "es", "is_free")])

    def _h_emergency(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        return Reply()  # the emergency answer was given before dispatch

    def _h_rights(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        topic = topic_of(turn.text or "") or state.rights_topic
        if match.country:
            state.country = match.country
        elif match.place is not None:
            state.place = match.place.as_slot()
        if topic is None:
            state.menu = "rights"
            return menus.rights_menu(self.kb, state.lang or "es")
        return self._rights(topic, state, match)

    def _rights(self, topic: str, state: State, match: PlaceMatch) -> Reply:
        lang = state.lang or "es"
        country = match.country or (match.place.country if match.place else "") or self._country(state)
        if topic not in RIGHTS_TOPICS:
            return menus.rights_menu(self.kb, lang)
        if not country:
            # the international baseline at once, then the question for the country's own law
            state.menu, state.rights_topic = "rights_country", topic
            return rights_answer(self.kb, topic, "INT", lang).add(t(lang, "rights_which_country"))
        state.menu, state.rights_topic = None, None
        reply = rights_answer(self.kb, topic, country, lang)
        if topic == "detention":
            reply.add(self._handover_offer(lang))
        place = self._place(state)
        if place is not None and place.country == country:
            result = self.k.index.nearest("legal", place.latitude, place.longitude, radii=(25.0, 100.0))
            if result.hits:
                hit = result.hits[0]
                s = hit.service
                phone = f", {s.phones[0].number}" if s.phones else ""
                note = f" ({t(lang, 'sample_notice')})" if s.sample else ""
                reply.add(f"{t(lang, 'rights_legal_offer')} {s.name}{', ' + s.address if s.address else ''}{phone}{note}")
                return reply
        return reply.add(t(lang, "rights_legal_ask"))

    def _family_links_info(self, state: State) -> str:
        lang = state.lang or "es"
        contact = red_cross_contact(self.kb, self._country(state)) or "Red Cross / Cruz Roja"
        return f"{t(lang, 'family_links_info', red_cross=contact)}\n{t(lang, 'family_links_tips')}"

    def _psychosocial_info(self, state: State) -> str:
        lang = state.lang or "es"
        lines = [t(lang, "psychosocial_intro")]
        country = self.kb.countries.get(self._country(state))
        if country:
            for line in country.crisis_lines[:2]:
                lines.append(f"{t(lang, 'crisis_lines')}: {crisis_line_text(line, lang)}")
        return "\n".join(lines)

    def _h_fallback(self, turn: Turn, state: State, match: PlaceMatch) -> Reply:
        lang = state.lang or "es"
        if state.menu == "emergency_country" and (match.country or match.place is not None):
            return self._h_place(turn, state, match)
        if match.place is not None and (state.menu in ("ask_place", "suggest", "rights_country") or turn.intent in ("nlu_fallback", "inform_place")):
            return self._use_place(match.place, state)
        if state.menu == "ask_place" and (turn.text or "").strip():
            return self._h_place(turn, state, match)
        return Reply([t(lang, "fallback")]).extend(self._show_menu(state, "main"))

    # set per call by respond(); kept as attributes so helpers need not pass them around
    _medium = "rest"
    _prefix = ""


def respond(knowledge: Knowledge, handler: str, turn: Turn, state: State) -> tuple[Reply, State]:
    """Answer one turn: ``handler`` is the action's name without ``action_``."""
    dialogue = Dialogue(knowledge)
    dialogue._medium = turn.medium
    return dialogue.respond(handler, turn, state)


__all__ = ["Dialogue", "State", "Turn", "respond", "LANGUAGES"]
