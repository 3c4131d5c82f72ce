"""In danger with no town taken, which country the emergency numbers are for: the town the message seems to name, or a
relative's town abroad as the second country. A mixin of :class:`bot.places.resolve.PlaceResolver` (needs its
``_on_route``, ``_contracted_noun`` and ``extra``)."""

from __future__ import annotations

from bot.places import weights
from bot.places.around import said_of_a_person
from bot.places.cues import any_phrase, before_town, cue_kind, other_person
from bot.places.reading import Message as _Message
from bot.places.reading import PlaceMatch, fold_name
from bot.places.reading import Reading as _Reading
from bot.places.words import word_zipf

ROAD_ENDS = frozenset(("US", "CA"))  # where people stay and buy a phone: its number says where they live
LONG_AGO_WITHIN = 4  # words after a town of origin that may say when they left it ("sot X mwa pase")


class DangerCountry:
    def _maybe(self, match: PlaceMatch, msg: _Message, readings: list[_Reading], lang: str, phone_country: str) -> None:
        """In danger with no town taken: the country of the town the message seems to name, and
        whether it surely names it (a name, no everyday word; or a big town the person left or is
        going to: "salimos de veracruz hace 4 horas", "ibamos pa monterrey"). None where a region
        is named: "selva do darien" says Panama, no unsure town adds another country."""
        if msg.region_at:
            self._relatives_abroad(match, msg, readings, lang)  # ("..., je suis en floride": the relative's second)
            return
        theirs: set[int] = set()
        for r in readings:
            if other_person(before_town(msg.words, r.start), True, lang):
                theirs.update(range(r.start, r.end))
        # the message's own evidence first: the phone says where the person came from, not which namesake
        # a danger message names ("HELP baby not breathing we at the bus station in san antonio", a Venezuelan phone)
        # and a name before an everyday word that is also a town ("seguimos en el monte": the bush, not El Monte)
        # (but a namesake abroad the phone points to is the likelier second country: "estoy en trinidad" from Venezuela;
        # and an island before the towns named after it: the island of Trinidad holds more people than all of them)
        ordered = sorted(readings, key=lambda r: (not r.rare, r.place.kind != "island",
                                                  (r.context if r.place.country == phone_country else 0) - r.score))
        for r in ordered:
            if theirs & set(range(r.start, r.end)) or said_of_a_person(msg.words, msg.originals, r.start, r.end - r.start, lang) \
                    or self._contracted_noun(msg.words, r.start, r.end, lang):
                continue  # "find my son, he was in el paso": the son's town (and "laredo" in it), not the writer's
            kind = cue_kind(msg.words, r.start, lang)
            if r.typo and not kind:
                continue  # a near spelling with no cue is no second country: "Chuy me pego otra vez" (a man's name) no Chuí
            # (an origin left long ago is no clue to where the harm is when the phone is from the end of the road, bought
            # there: "Bostonn, nou sot Pòtoprens mwa pase" from a US phone; a phone from home still says less than the
            # town: "nou kite monterrey gen 2 mwa, kounya ... y ap bat nou" from a Haitian phone is likelier in Mexico)
            travel = kind in ("origin", "destination") and not (
                kind == "origin" and phone_country in ROAD_ENDS
                and any_phrase(msg.words[r.end : r.end + LONG_AGO_WITHIN], "long_ago", lang))
            if r.located or (travel and (r.rare or r.place.population >= 50_000)):
                match.maybe_country = r.place.country
                gram = " ".join(msg.words[r.start : r.end])
                own_name = gram == fold_name(r.place.name) or gram in self.extra  # no alternate name ("la trocha")
                # "estamos en david": said to be here, nearly sure, a name of one country only and not of the phone's
                # ("estamos en colon", "santa rosa", "san jose" have namesakes in several), and no article before an
                # everyday noun ("estamos en el paso del rio" is the crossing)
                first, *rest = gram.split()
                lands = {o.place.country for o in readings if (o.start, o.end) == (r.start, r.end)}
                # ("roubaram a gente em turbo": a town on the route after a bare "in" too; the phone's country comes second)
                here = (kind == "current" or (kind == "preposition" and self._on_route(r.place))) \
                    and r.score - r.context >= weights.ACCEPT - weights.MARGIN \
                    and lands == {r.place.country} and r.place.country != phone_country and not (
                        rest and first in weights.DEFINITE and word_zipf(rest[-1], lang) >= weights.ARTICLE_NOUN_ZIPF)
                match.maybe_named = (r.rare or travel or here) and own_name and not r.typo and (
                    self._on_route(r.place) or r.place.population >= weights.BIG_CITY)
                return
        self._relatives_abroad(match, msg, ordered, lang, phone_country)

    @staticmethod
    def _relatives_abroad(match: PlaceMatch, msg: _Message, ordered: list[_Reading], lang: str, phone_country: str = "") -> None:
        """The writer says their country or state, or has a phone of one, and the harm is where a relative is, surely
        named: its numbers second ("mi hijo esta secuestrado en reynosa, yo sigo aqui en guatemala": Mexico's; "THEY TOOK
        MY DAUGHTER AT THE BUS STOP IN HOUSTON" from a Honduran phone: the United States'; with the phone's only, the town
        after "in", not a name after the relative: "my son Austin is burning with fever")."""
        writers = match.country or phone_country
        if writers:
            relatives = next((r for r in ordered if (r.rare or r.place.population >= weights.HERE_POPULATION)
                              and other_person(before_town(msg.words, r.start), False, lang)
                              and (match.country or r.rare and r.place.population >= weights.HERE_POPULATION  # (not "caiu no barranco")
                                   and cue_kind(msg.words, r.start, lang) in ("current", "preposition")
                                   and _one_big_country(ordered, r))), None)
            if relatives is not None and relatives.place.country != writers:
                match.maybe_country = relatives.place.country


def _one_big_country(readings: list[_Reading], r: _Reading) -> bool:
    """Every big town the words of ``r`` name is in its country: "houston", not "leon" (Mexico's and Nicaragua's), "la paz",
    "cordoba"."""
    return all(o.place.country == r.place.country for o in readings
               if (o.start, o.end) == (r.start, r.end) and o.place.population >= weights.HERE_POPULATION)
