"""The steps several handlers share: a need, a place, a page of results, a rights answer."""

from __future__ import annotations

from bot.answers import places as place_answers
from bot.answers import service_reports
from bot.answers.reply import Reply
from bot.answers.rights import legal_help, rights_answer, rights_asking_country
from bot.answers.services import services_page
from bot.answers.support import handover_offer, need_intro
from bot.dialogue.context import Context
from bot.dialogue.state import Menu
from bot.knowledge.loader import RIGHTS_TOPICS
from bot.language.catalogue import t
from bot.language.needs import bite_named, frostbite_named
from bot.places.gazetteer import Place
from bot.places.resolve import PlaceMatch

NO_MATCH = PlaceMatch()


def need(c: Context, code: str, match: PlaceMatch) -> Reply:
    """A need: its services near the place the message names or the one known, else "where are you?"."""
    c.state.need, c.state.offset = code, 0
    reply = Reply().add(need_intro(c.kb, code, c.country(), c.lang))
    for situation in _injuries(c, code):
        reply.add(t(c.lang, f"first_aid_{situation}"))
    if match.place is not None:
        return reply.extend(use_place(c, match.place))
    if match.ahead is not None:  # "en ipiales hay albergue? llegamos mañana": what is there, and no place kept
        return reply.extend(results(c, match.ahead))
    if c.lost and not match.suggestions and c.place() is None:
        return reply.extend(ask_lost(c, match))
    if match.suggestions or match.country:
        return reply.extend(unclear_place(c, match))
    place = c.place()
    if place is not None:
        return reply.extend(results(c, place))
    c.state.menu = Menu.ASK_PLACE
    return reply.extend(place_answers.ask_place_for(c.kb, code, c.lang))


def _injuries(c: Context, code: str) -> list[str]:
    """The first aid for an injury the message names, once a reply: an animal's bite with medical care (rabies: the
    washing now, the vaccine in time); frostbite with medical care or a shelter ("frozen feet, where can we sleep, its
    -20"), as what people do to frozen feet harms them (no rubbing, no fire). Not with the other needs: a review found
    it told a widow ("mi esposo murio de congelamiento", read as a need for support) how to warm his feet."""
    text = c.turn.text or ""
    said = ["animal_bite"] if code == "medical" and bite_named(text, c.lang) else []
    said += ["frostbite"] if code in ("medical", "shelter") and frostbite_named(text) else []
    return [s for s in said if s not in c.advised]


def use_place(c: Context, place: Place) -> Reply:
    """The place is known now: what was waiting for it (a rights answer, a search), else the menu."""
    state = c.state
    state.place, state.suggestions = place.as_slot(), []
    state.country = place.country or state.country
    if state.menu == Menu.RIGHTS_COUNTRY and state.rights_topic:
        return rights(c, state.rights_topic, NO_MATCH)
    if state.need:
        state.offset = 0
        return results(c, place)
    state.menu = Menu.MAIN
    return Reply([place_answers.place_noted(place, c.lang)]).extend(c.show_menu(Menu.MAIN))


def results(c: Context, place: Place) -> Reply:
    """The next page of services for the need, from ``state.offset``."""
    state = c.state
    result = c.knowledge.index.nearest(state.need or "", place.latitude, place.longitude, country=place.country)
    reply, shown = services_page(c.kb, result, place, state.offset, c.lang, c.medium, c.privacy_line_for_page())
    if state.offset == 0:  # a search, not "more" of it: counted once
        found = "nothing" if not result.hits else "farther" if result.widened else "within_25km"
        reply.outcome = (result.category, place.country, place.name if place.kind != "country" else "", found)
    ids = [h.service.id for h in result.hits[state.offset:state.offset + shown]]
    state.shown = service_reports.remember(state.shown, state.offset, ids)
    state.offset += shown
    state.menu = None
    if not result.hits and place.country not in c.kb.countries:
        reply.add(handover_offer(c.kb, c.lang))  # no service, no Red Cross to name (Montréal): a person, then
    return reply


def unclear_place(c: Context, match: PlaceMatch) -> Reply:
    """Which of these places? Which town in that country? Or: that name is unknown."""
    state = c.state
    if match.suggestions:
        state.menu = Menu.SUGGEST
        state.suggestions = [p.as_slot() for p in match.suggestions[: place_answers.MAX_CHOICES]]
        return place_answers.place_choices(c.kb, match.suggestions, match.ask, c.lang)
    state.menu = Menu.ASK_PLACE
    if match.country:
        state.country = match.country
        return place_answers.country_only(c.kb, match.country, c.lang)
    return place_unknown(c, match.mention[:40])


def ask_lost(c: Context, match: PlaceMatch) -> Reply:
    """ "No sé dónde estamos": asking "where are you?" again would not help; how to tell it without the town's name
    (the country the message or the phone gives is kept for the numbers)."""
    c.state.menu, c.state.country = Menu.ASK_PLACE, match.country or c.state.country
    return place_answers.place_lost(c.lang)


def place_unknown(c: Context, mention: str) -> Reply:
    reply = place_answers.place_unknown(mention, c.lang)
    if c.state.need:  # a search that could not start: counted for the report on needs met
        reply.outcome = (c.state.need, c.state.country or "", "", "place_not_understood")
    return reply


def rights(c: Context, topic: str, match: PlaceMatch) -> Reply:
    """The rights text for the country the message names or the one known; without a country, the
    international baseline and the question which country."""
    state = c.state
    # (an agency named says which country's law: "ICE took my husband" is the US's detention, whatever the phone)
    country = match.country or (match.place.country if match.place else "") or match.agency or c.country()
    if topic == "detention":  # the agency's or the detention town's law: "ICE took my husband, im in monterrey now"
        country = match.agency or c.held_in or country
    if topic not in RIGHTS_TOPICS:
        return c.show_menu(Menu.RIGHTS)
    if not country:
        state.menu, state.rights_topic = Menu.RIGHTS_COUNTRY, topic
        return rights_asking_country(c.kb, topic, c.lang)
    state.menu, state.rights_topic = None, None
    reply = rights_answer(c.kb, topic, country, c.lang)
    if topic == "detention":
        reply.add(handover_offer(c.kb, c.lang))
    return reply.add(legal_help(c.knowledge.index, c.place(), country, c.lang))

