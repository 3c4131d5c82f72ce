"""What the bot understands of where the person is, from one message and the conversation.

One function for the dialogue, ``bot place`` and the place evaluation, so that staff and the
evaluation see exactly what the running bot decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.places import weights
from bot.places.cues import any_phrase, cue_kind, words_in
from bot.places.gazetteer import Place, haversine_km
from bot.places.presence import (
    arrived_alone,
    arrives_later,
    arriving_later,
    departed,
    dont_know,
    gone_from,
    left_town,
    lost,
    moving,
    no_longer_reply,
    not_there,
    still_here,
)
from bot.places.reading import clause_breaks, fold_name, tokens
from bot.places.resolve import PlaceMatch


@dataclass
class Understood:
    place: Place | None = None  # the place, when one reading is clearly ahead
    choices: list[Place] = field(default_factory=list)  # close readings to ask about
    ask: bool = False
    country: str | None = None  # the country the person is in, as far as the bot can tell
    other_country: str | None = None  # in danger, another country the message seems to point to
    match: PlaceMatch = field(default_factory=PlaceMatch)
    # The place the answer is about: the one named, else the conversation's last place when the message
    # names no other place or country and does not say the person left it (the dialogue keeps it too).
    where: Place | None = None
    left: bool = False  # the message says the person left the conversation's last place ("ya no estoy en X")
    lost: bool = False  # names no place and says the writer does not know where they are ("no se donde estamos", "idk")
    # the place is surely named after a current cue ("estoy en X", "ya volvimos a X", "nou nan X"), with no typo
    said_here: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"place": place_json(self.place), "ask": [place_json(p) for p in self.choices] if self.ask else [],
                "country": self.country}


def place_json(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"name": place.name, "admin1": place.admin1, "country": place.country,
            "latitude": round(place.latitude, 4), "longitude": round(place.longitude, 4)}


def _cued_here(words: list[str], mention: str, lang: str, pauses: set[int]) -> bool:
    """The town named is after a current cue ("estoy en X"), not a denied one ("aun no llegamos a X")."""
    name = fold_name(mention).split()
    return any(words[k : k + len(name)] == name and _here_cue(words, k, lang, pauses) for k in range(len(words)))


def _first_at(words: list[str], mention: str) -> int:
    """Where the words of ``mention`` first stand in ``words`` (0 when they do not)."""
    name = fold_name(mention).split()
    return next((k for k in range(len(words)) if name and words[k : k + len(name)] == name), 0)


def _here_cue(words: list[str], k: int, lang: str, pauses: set[int]) -> bool:
    """A current cue right before ``k``, not denied ("aun no llegamos a X") nor ahead ("mañana llegamos a X")."""
    return cue_kind(words, k, lang) == "current" and not not_there(words[max(0, k - 5) : k], lang) \
        and not arrives_later(words, pauses, k, lang)


def _named_here(knowledge: Any, words: list[str], places: list[Place], lang: str, pauses: set[int]) -> Place | None:
    """The first of ``places`` that words after an undenied current cue name, by any of its names ("estamos en
    la ciudad de mexico" names Mexico City)."""
    keys = {p.key: p for p in places}
    for k in range(len(words)):
        if _here_cue(words, k, lang, pauses):
            for n in (4, 3, 2, 1):
                found = [keys[p.key] for p in knowledge.places.candidates(" ".join(words[k : k + n])) if p.key in keys]
                if found:
                    return found[0]
    return None


def _gone(knowledge: Any, words: list[str], lang: str, town_at: int) -> bool:
    """ "... villahermosa hace un mes pero ya no estoy alla": "there" is the town, the last place named before it
    (not in "estoy en huixtla, en ciudad hidalgo nos robaron y ya no estoy alla", nor "estoy en tapachula, estaba
    en el albergue pero ya no estoy alla")."""
    at = gone_from(words, lang, town_at)
    if at is None:
        return False
    between = words[town_at + 1 : at]
    if not words_in("landmark", lang).isdisjoint(between) or any_phrase(between, "before_a_building", lang):
        return False  # "there" is that building
    return not any(cue_kind(words, k, lang) and knowledge.places.candidates(" ".join(words[k : k + n]))
                   for k in range(town_at + 1, at) for n in (1, 2, 3) if k + n <= at)


def _written(knowledge: Any, words: list[str], town: Place) -> list[str]:
    """The words the message names ``town`` by, any of its names ("nou kite Okay": Les Cayes), else its own name."""
    return next((words[k : k + n] for n in (3, 2, 1) for k in range(len(words) - n + 1)
                 if any(p.key == town.key for p in knowledge.places.candidates(" ".join(words[k : k + n])))),
                fold_name(town.name).split())


def _language_country(knowledge: Any, lang: str, country: str) -> str | None:
    """The one country of the Americas that speaks the message's language, when the person's is another: a
    Venezuelan phone writing Portuguese in danger ("uma cascavel mordeu meu filho") is most likely in Brazil, so
    Brazil's numbers come second (the phone's first: never a guessed country before it)."""
    speak = weights.LANGUAGE_COUNTRIES.get(lang, frozenset())
    only = next(iter(speak)) if len(speak) == 1 else None
    return only if only and only != country and only in knowledge.kb.countries else None


def _namesake_here(match: PlaceMatch, country: str, said: str) -> None:
    """In danger, a town said to be where the person is that has namesakes in other countries ("nos quitaron los papeles
    en san fernando ... aqui en trini"): the one in the country the emergency numbers are for, when the message names
    that country or its agencies (``said``). Not the phone's alone: it says where the person came from, not which
    namesake ("we in San Fernando south Trinidad" from a Venezuelan phone would list San Fernando de Apure's services);
    nor the conversation's, which a deportation leaves behind ("me deportaron y estoy en progreso" after the United States
    would list Progreso, Texas); nor the biggest namesake's ("estoy en cordoba y nos balacearon" would list Córdoba,
    Argentina: a guess, as its numbers are)."""
    here = [(p, m) for p, m in match.namesakes if p.country == country] if country and country == said else []
    if here and all(haversine_km(here[0][0].latitude, here[0][0].longitude, p.latitude, p.longitude) <= weights.SAME_PLACE_KM
                    for p, _ in here[1:]):
        match.place, match.mention = here[0]


def understand(knowledge: Any, text: str, *, phone_country: str = "", previous: Place | None = None,
               conversation_country: str = "", expect_place: bool = False, danger: bool = False,
               lang: str = "") -> Understood:
    """The place named in ``text`` and the country the person is in.

    The country is the place's, else a country named in the message, else the conversation's last
    place's, else the conversation's, else the phone number's (if the bot serves it), else that of a
    town the message names without the evidence to take it. In danger a town is taken only on
    strong evidence (``PlaceResolver.resolve(danger=True)``), never guessed; but a town surely named
    there ("salimos de Veracruz hace 6 horas") gives its country before the phone's, which then
    comes second.
    """
    hint = conversation_country or (previous.country if previous else "")
    match = knowledge.places.resolve(text, hint, expect_place, phone_country=phone_country, previous=previous,
                                     danger=danger, lang=lang) if text.strip() else PlaceMatch()
    # a phone from a country the bot has no numbers for (Guinea, Nepal) says where the person came from
    phone = phone_country if phone_country in knowledge.kb.countries else ""
    if match.maybe_named:  # in danger, a town the message surely names is likelier than the phone's country
        phone = ""
    words, _, pause_after, _, exclaimed = tokens(text)
    pauses = pause_after | exclaimed
    # arriving later ("hay albergue en ipiales? llegamos mañana"): never in danger, where the town is where the harm is
    later = match.place is not None and not danger and \
        arriving_later(words, lang, clause_breaks(text), _first_at(words, match.mention))
    gone = match.place is not None and _gone(knowledge, words, lang, _first_at(words, match.mention))
    if match.place is not None and (gone or ((not_there(words, lang) or later) and not _cued_here(words, match.mention, lang, pauses))):
        # "la casa del migrante de saltillo me ayuda aunque yo no este alla?": not there yet ("... pero ya no estoy
        # alla": no more, whatever cue came before the town); the town after a
        # current cue, if another is named ("estamos en huixtla, aun no llegamos a tapachula")
        # (the match is made anew: its mention and suggestions were the dropped town's, and "I do not know the
        # place reynosa" would follow)
        named = {p.key for p in knowledge.places.candidates(fold_name(match.mention))} if gone else set()  # nor its namesakes
        here = _named_here(knowledge, words, [p for p in match.suggestions if p.key not in named], lang, pauses)
        match = PlaceMatch(place=here, mention=here.name if here else "", country=match.country, agency=match.agency, elsewhere=here is None,
                           ahead=None if here or gone else match.place)
    if match.place is not None and lost(words, lang) and not _cued_here(words, match.mention, lang, pauses):
        # "el ultimo pueblo que pasamos fue Puebla ... no se donde estamos": not there, but in its country
        match = PlaceMatch(country=match.country or match.place.country, agency=match.agency, elsewhere=True)
    if match.place is not None and match.place.kind == "island":
        # "im in trinidad, police took my husband": the island is the country (Trinidad and Tobago), not a town
        # near which to list services; its country answers, and the dialogue asks which town
        match = PlaceMatch(country=match.place.country, agency=match.agency)
    if previous is not None and match.place is not None and match.place.key != previous.key and still_here(words, lang) \
            and not _cued_here(words, match.mention, lang, pauses):
        # "still here. appointment got cancelled. should i try mexicali instead?": the last place holds; the town is asked about
        match = PlaceMatch(place=previous, country=previous.country)
    # "ya no estoy en tapachula", "nou rive": the person left the last place ("sigo aqui" says they did not)
    said_lost = match.place is None and lost(words, lang)
    left = previous is not None and match.place is None and not still_here(words, lang) and (
        arrived_alone(words) or left_town(words, _written(knowledge, words, previous)) or moving(words, lang)
        or (not danger and departed(words, lang, pause_after))  # ("my husband hit me, i left": home, not the town)
        or any_phrase(words, "no_longer_there", lang) or no_longer_reply(words, pause_after, lang)  # "m pa la anko"
        or (said_lost and not match.mention))  # "ya no se donde estamos": not where the conversation left them
    if match.place is None and not match.ask and previous is not None and not match.country and still_here(words, lang):
        match.place = previous  # "sigo aqui, no hemos salido": the conversation's last place, named again
    country = (match.place.country if match.place else "") or match.country or \
        (previous.country if previous else "") or conversation_country or match.agency or phone or \
        (match.maybe_country if match.maybe_named else "")
    if danger and match.place is None and match.namesakes:
        _namesake_here(match, country, match.country or match.agency)
    cued = match.place is not None and _cued_here(words, match.mention, lang, pauses)
    if (match.maybe_named or (match.place is None and match.agency and country == match.agency)
            or (danger and match.place is not None and not cued and not match.country)) \
            and phone_country in knowledge.kb.countries and phone_country != country:
        other = phone_country  # the phone's country's numbers second: the town may be left behind (in danger, a town
        # neither said to be where they are nor its state or country named: "Okap. m sove kite mari m" from a Chilean phone)
    else:
        other = match.maybe_country if match.maybe_country and match.maybe_country != country else None
    if danger and other is None and match.place is None and not match.country and not match.maybe_country:
        other = _language_country(knowledge, lang, country)
    where = match.place or (previous if not (left or match.suggestions or match.country) else None)
    return Understood(match.place, list(match.suggestions) if match.ask else [], match.ask, country or None,
                      other, match, where, left,
                      (said_lost or (match.place is None and dont_know(words, pauses))) and not match.ask,
                      match.place is not None and not match.typo and match.score >= weights.SAID_HERE and cued)
