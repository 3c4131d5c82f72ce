"""The score of one reading (a span of the message, a town): the evidence for and against it, in points
(``weights``). How the readings are found and weighed against each other is ``resolve.py``'s."""

from __future__ import annotations

import math

from bot.places import around, weights
from bot.places.around import landmark_before, relative_follows
from bot.places.cues import ARTICLES, cue_kind, cue_words, is_filler
from bot.places.gazetteer import Place
from bot.places.message import CITY_NOT_COUNTRY
from bot.places.presence import fled_after
from bot.places.reading import Context as _Context
from bot.places.reading import Message as _Message
from bot.places.reading import article_dropped
from bot.places.reading import fold_name as _fold_name
from bot.places.reading import population as _population
from bot.places.words import word_zipf


class Scoring:
    """Part of :class:`bot.places.resolve.PlaceResolver`: one reading's points."""

    def _states_written(self, msg: _Message) -> list[tuple[int, int]]:
        """Where a state's name of two to four words is written in full (once per message)."""
        if "states written" not in msg.span_memo:
            words = msg.words
            msg.span_memo["states written"] = [(j, m) for m in (2, 3, 4) for j in range(len(words) - m + 1)
                                               if " ".join(words[j : j + m]) in self._state_names]
        return msg.span_memo["states written"]  # type: ignore[return-value]

    def _score(self, msg: _Message, ctx: _Context, place: Place, i: int, n: int, gram: str, staff: bool,
               famous: int, namesakes: list[Place] | None = None, typo: bool = False) -> float:
        words = msg.words
        pop = _population(place, staff)
        score = weights.W_POPULATION * math.log10(max(pop, 500))
        if staff:
            score += weights.W_STAFF_PLACE
        elif _fold_name(place.name) not in (gram, f"ciudad {gram}", f"ciudad de {gram}") and not typo:
            score += weights.W_ALTERNATE_NAME  # ("choluteca" is Ciudad Choluteca's own name, as people say it)
        common = self.commonness.zipf(gram, ctx.lang)
        # how often a town as big as the name's most famous one is written explains that much of the
        # word's frequency; the rest is the everyday word ("salud", "natal", "socorro")
        expected = 1.0 if article_dropped(place, gram, words[i - 1] if i else "") else weights.fame_zipf(famous)
        if gram.split()[0] in ("del", "de") and n > 1 and not typo and cue_kind(words, i, ctx.lang) in ("current", "preposition") \
                and words[i - 1] in weights.NO_DEL_AFTER:  # (but "cerca del rio" is "near the river")
            common = min(common, expected)  # no sentence says "en del", "in del", "nan del": "en del rio" is a name
        state_named = bool(place.admin1) and self._admin1_named(words, i, n, place.admin1, place.country, msg.originals,
                                                                msg.pause_after)
        beside = state_named and self._state_beside(msg, i, n, place)
        if (msg.named_at.get(i + n) == place.country and pop >= weights.RARE_NAME_POPULATION) or beside:
            # "la union el salvador", "estoy en gracias lempira": an everyday noun is not followed by the country or the
            # state of a town of that name (but "la frontera mexico" is the border: La Frontera, Chiapas is a village)
            common = min(common, expected + weights.COMMON_SLACK + weights.COUNTRY_AFTER_SLACK)
        if not typo and pop >= weights.RARE_NAME_POPULATION and (msg.hyphen_typed(i, n) or (
                msg.title_typed(i, n) and words[i + n - 1] not in cue_words("landmark"))):  # (not "Union Station")
            common = min(common, expected + weights.COMMON_SLACK)  # "fort-de-france", "by Eagle Pass": typed as one name
        if n == 1 and not typo and cue_kind(words, i, ctx.lang) == "current" and self._capitalised(msg, i, n) \
                and self._article_name(words, i, gram, ctx.lang, place):
            # "j'habite au François": Le François, where one lives (not "j'ai payé au marin", "on est au quartier")
            common = min(common, expected + weights.COMMON_SLACK)
        score += weights.W_COMMON * max(0.0, common - expected - weights.COMMON_SLACK)
        if n == 1 and not typo and i and words[i - 1] == "au" \
                and not _fold_name(place.name).startswith("le ") and any(
                    p.key != place.key and _fold_name(p.name).startswith("le ") for p in self._article_name(words, i, gram, ctx.lang)):
            # "au Lamentin" is Martinique's Le Lamentin, not Guadeloupe's Lamentin (only where another's own name has "Le":
            # "au Borgne" is Borgne, alias "le borgne"; not "aux": "aux Gonaïves" is Gonaïves; nor Spanish "al": GeoNames
            # drops many names' "El", "al retiro" is Retiro, Antioquia)
            score += weights.W_ARTICLE_MISSING
        if n == 1 and i and words[i - 1] not in ARTICLES and cue_kind(words, i, ctx.lang) == "current":
            score += weights.W_PRESENT_NAME  # "estamos en david": no article, no noun, a name where the writer is
        if i == 0 and (n - 1) not in msg.pause_after and around.said_after(words, n, ctx.lang):
            score += weights.W_NAME_FOLLOWS  # "Desalin te di libète oswa lanmò", "Mercedes me dijo que": a person spoke
        elif i == 0 and ((n - 1) not in msg.pause_after and relative_follows(words, n, ctx.lang)
                       or around.speaker_follows(words, n) or around.person_follows(words, n, ctx.lang)) \
                and word_zipf(gram, ctx.lang) > expected:
            # "Jérémie mon cousin est bloqué", "austin my son has 6 years", "Trinidad, la muchacha del albergue,
            # dice que...": a name, commoner in print than the town's fame explains ("reynosa mi esposa esta
            # enferma" is the town). A famous city can read so too
            # ("monterrey mi hijo tiene fiebre"): the bot then asks where they are, the lesser harm than a name
            # taken for a town. (The training messages' counts are left out of the frequency.)
            score += weights.W_NAME_FOLLOWS
        elif i == 0 and around.relative_is(words, msg.originals, n):
            score += weights.W_NAME_FOLLOWS  # "Aurora é minha filha": "é" typed with its accent is "is"
        score += weights.W_LONGER * (sum(1 for w in gram.split() if w not in ARTICLES) - 1)  # the name's words, not a typo's span
        cued = self._cue_of(msg, i, n, ctx.lang)
        score += cued
        key = ("fled", i + n, ctx.lang)  # once per span, not per namesake
        if key not in msg.span_memo:
            msg.span_memo[key] = fled_after(words, i + n, ctx.lang, self._places_at(msg, ctx.lang))
        fled = msg.span_memo[key]
        if fled is not None and msg.named_at.get(fled[1]) == place.country and cued > weights.W_CUE["origin"]:
            score += weights.W_CUE["origin"]  # "Tumbes, fugimos do Peru": the town of the country they fled
        if i in msg.between:
            score += weights.W_BETWEEN
        regions_in = [(c, m) for j, (c, m) in msg.region_at.items() if i <= j and j + m <= i + n]
        if any(j <= i and i + n <= j + m and m > n for j, (_c, m) in msg.region_at.items()) or any(
                j <= i and i + n <= j + m and m > n for j, m in self._states_written(msg)):
            # "leon" in "nuevo leon", "california" in "baja california": the state's word (also when the state is a town's
            # before it: "m nan Gwadaloup Nuevo Leon" is no León)
            score += weights.W_REGION_NAMESAKE
        if regions_in and not (regions_in[0][0] == place.country and _fold_name(place.admin1) in gram) \
                and gram not in CITY_NOT_COUNTRY.get(ctx.lang, ()) \
                and msg.named_at.get(i + n) != place.country:
            # "en el darien": the Panamanian province, not Darien, Illinois; "en florida": the state,
            # not Florida, New York (but "en veracruz" may be the city: it lies in that state; and "in Florida,
            # Uruguay" is the town its country follows)
            score += weights.W_REGION_NAMESAKE
        name_words = gram.split()
        # Spanish contracts "de el" and "a el" but before a name: "el albergue de el paso" is El Paso's
        uncontracted = words[i] == "el" and i > 0 and words[i - 1] in ("de", "a")
        if len(name_words) == 2 and name_words[0] in weights.DEFINITE and word_zipf(name_words[1], ctx.lang) >= weights.ARTICLE_NOUN_ZIPF \
                and not uncontracted \
                and not (famous >= weights.BIG_CITY and not msg.danger and (i + n == len(words) or words[i + n] not in ("de", "del"))):
            # "en el monte", "en la laguna": an article and an everyday noun (but "estamos en el paso" is
            # El Paso: a city this big, with nothing after the noun that makes it "el paso del río"; not in
            # danger, where "atrapados en el paso" may be the crossing and a guess gives another country's number)
            score += weights.W_ARTICLE_NOUN
        elif self._in_the_noun(words, i, n, gram, ctx.lang, place):
            score += weights.W_IN_THE[ctx.lang]  # "na serra", "au carrefour": "in/at the" and an everyday noun (but "au Cap")
        if self._capitalised(msg, i, n):
            score += weights.W_CAPITALISED
        if all(is_filler(w) for k, w in enumerate(words) if not i <= k < i + n):
            # (not Visalia, whose other names include "Buena Vista"; not "el monte": an article and a noun)
            own = n > 1 and _fold_name(place.name) == gram and words[i] not in weights.DEFINITE
            if common - expected < weights.COMMON_SLACK + (weights.PHRASE_SLACK if own else 0.0):
                score += weights.W_ALONE  # "Tapachula" alone is a town; "na fronteira" a border
        elif self._own_clause(msg, i, n) or (self._cried_name(msg, i, n) and common - expected < weights.COMMON_SLACK):
            score += weights.W_HEADING  # "Choluteca. me robaron", "buenas noches. tapachula. necesito ...", "el paso!! ..."
        elif (i == 0 or i + n == len(words) <= n + 2) and common - expected < weights.COMMON_SLACK:
            score += weights.W_FIRST  # its frequency is the town's own, first or ending a search ("albergue tapachula")
        if self._article_after(msg, i, n, ctx.lang):
            score += weights.W_ARTICLE_AFTER  # "nou nan kafou a": Kreyòl's article after a common noun ("m nan Okay la": there)
        if ctx.expect_place and len(words) <= n + 3:
            score += weights.W_EXPECTED
        # the country right after the town is its own ("santiago du chili"), whatever other country comes first
        after = self._country_after(msg, i + n)
        # else the last country named before it ("au Chili on était à Santiago, maintenant on est au Pérou, à Tacna")
        before = [c for at, c in sorted(msg.country_at.items()) if at < i]
        named = after or (before[-1] if before else next((c for at, c in sorted(msg.country_at.items()) if not i <= at < i + n), ""))
        inside = {at: c for at, c in msg.country_at.items() if i <= at < i + n}
        short_states = self._short_state_typed(msg, i + n)  # "Panama City, FL"
        short_after = {cc for cc, _state in short_states}
        if named == place.country or (place.country in inside.values() and len(msg.country_words & set(range(i, i + n))) < n
                                      and after in ("", place.country) and short_after in (set(), {place.country})
                                      and self._state_after(words, i + n) in ("", place.country)) \
                or (place.country == self._side_after(msg, i + n) and self._named(words, i, n, place, ctx)) \
                or place.country in self._island_sides(msg) or self._island_here(msg, i, n, place.country, ctx.lang):
            score += weights.W_COUNTRY_NAMED  # "san jose costa rica"; "Assis Brasil" carries its country in its name
            if after == place.country and self._heading_with(msg, i, n, after_country=True) and not any(
                    cue_kind(words, k, ctx.lang) in ("current", "preposition") for k in self._places_at(msg, ctx.lang) if k > i + n):
                # "david panama, necesito un medico": the town and its country, a clause (not a home town introduced, the
                # harm told at another town: "maracaibo venezuela, nos robaron en cucuta")
                score += weights.W_HEADING
        elif named and not (after != named and self._state_beside(msg, i, n, place)):
            # ("san antonio tx, got robbed in mexico": the state beside the town outweighs a country named elsewhere)
            # "Tumbes, na fronteira com Equador": at a border people name the country across it
            border = self.gazetteer.near_country(place.latitude, place.longitude, named, weights.BORDER_KM)
            score += weights.W_BORDER_COUNTRY_NAMED if border else weights.W_OTHER_COUNTRY_NAMED
            if not border and self._here_now_instead(msg, named, i, ctx.lang):
                score += weights.W_OTHER_COUNTRY_NAMED  # "vivimos en maracaibo hasta 2024, ahora estamos en colombia": not there
            after = msg.country_at.get(i + n) or (msg.country_at.get(i + n + 1) if i + n < len(words) and is_filler(words[i + n]) else None)
            if after and after != place.country and not border:
                score += weights.W_OTHER_COUNTRY_NAMED  # "Valencia, Spain": the town of that country, not this one
        else:  # a state or land of another country named: "au bord du rio grande, côté texas" is no Brazilian town
            lands = {c for at, (c, _m) in msg.region_at.items() if not i <= at < i + n}
            state_after = self._state_after(words, i + n)
            if (state_after and state_after != place.country) \
                    or (short_states and (place.country, _fold_name(place.admin1)) not in short_states):
                score += weights.W_OTHER_COUNTRY_NAMED  # "sasabe arizona": the namesake in that state, even across a border
            elif lands and place.country not in lands and not any(
                    self.gazetteer.near_country(place.latitude, place.longitude, c, weights.BORDER_KM) for c in lands):
                score += weights.W_OTHER_COUNTRY_NAMED
        if i + n < len(words) and words[i + n] == "county" and place.country != "US":
            score += weights.W_OTHER_COUNTRY_NAMED  # "nassau county": a county of the United States, no Bahamian town
        if any(c != place.country and self.gazetteer.near_country(place.latitude, place.longitude, c, weights.BORDER_KM)
               for c in msg.mentioned) and self._side_after(msg, i + n) in ("", place.country):  # (not "Corinto, côté Honduras")
            score += weights.W_AT_BORDER  # "corinto, pa pasar a guatemala": the namesake at that border
        if state_named:
            score += weights.W_ADMIN1_NAMED
            if beside:
                score += weights.W_ADMIN1_BESIDE  # "david chiriqui", "cali valle": the state right after the town
                if self._heading_with(msg, i, n):
                    score += weights.W_HEADING  # "champlain ny, on attend", "Paris Texas lol.": the town and its state, a clause
        # The context only chooses between towns of one name, and only where they differ: it never
        # makes a word a town ("cita en la garita" from a Mexican phone is still no town).
        score += self._context_bonus(ctx, place, namesakes)
        if typo:
            score += weights.W_TYPO
        if self.has_services_near(place):
            score += 0.01  # only a tie-breaker: the ranking must not depend on where services are
        return score

    def _heading_with(self, msg: _Message, i: int, n: int, after_country: bool = False) -> bool:
        """The town opens a clause and its state (up to two words) or its country right after closes it: a heading."""
        if not (i == 0 or i - 1 in msg.pause_after) or self._own_clause(msg, i, n):
            return False
        end = i + n
        if after_country:
            while end in msg.country_words:
                end += 1
            return end == len(msg.words) or end - 1 in msg.pause_after
        return i + n + 2 >= len(msg.words) or any(p in msg.pause_after for p in range(i + n, i + n + 2))

    def _article_after(self, msg: _Message, i: int, n: int, lang: str) -> bool:
        """Kreyòl's article right after the words, as after a common noun: "nou nan kafou a" is at the crossroads."""
        words = msg.words
        return lang == "ht" and i + n < len(words) and words[i + n] in weights.POSTPOSED[:-1] and (i + n - 1) not in msg.pause_after \
            and not landmark_before(words, i, lang) and not self._capitalised(msg, i, n)
