"""Whether the message itself places a span: the evidence, beyond the name's size, that words name a
town where someone is ("estoy en", a name standing as its own clause, capitals, its state or country
named, a name rarer than any everyday word). A mixin of :class:`bot.places.resolve.PlaceResolver`."""

from __future__ import annotations

from bot.places import regions, weights
from bot.places.around import cue_score, landmark_after, landmark_before, within_after
from bot.places.cues import (
    FIRST_PERSON,
    before_town,
    cue,
    cue_kind,
    harm_with_writer,
    is_filler,
    other_person,
    said_far,
    says_now,
)
from bot.places.gazetteer import Place
from bot.places.reading import Context as _Context
from bot.places.reading import Message as _Message
from bot.places.reading import Reading as _Reading
from bot.places.reading import article_dropped
from bot.places.reading import fold_name as _fold_name
from bot.places.reading import population as _population

# "my sister", "mi hija", "ma sœur": a kinship word and a name after it is a person (not "my boss", "mi patrón": the
# town of the place they work or live is theirs too)
KIN = frozenset(tuple(p.split()) for p in (
    "mi hija", "mi hijo", "mi esposa", "mi esposo", "mi hermana", "mi hermano", "mi mama", "mi nieta", "mi nieto",
    "my daughter", "my son", "my wife", "my husband", "my sister", "my brother",
    "ma fille", "mon fils", "ma femme", "mon mari", "ma soeur", "mon frere",
    "minha filha", "meu filho", "minha esposa", "meu marido", "minha irma", "meu irmao"))
WITH = frozenset("with con com avec and e y et".split())  # "with my son houston tx": the writer is there too


class Located:
    """Needs the resolver's ``extra``, ``commonness``, ``gazetteer``, ``countries``, ``capitals_only``, ``capital_first``
    and the message mixins' ``_clause_start``, ``_alias_cued``, ``_in_the_noun``, ``_capitalised``, ``_own_clause``,
    ``_admin1_named``, ``_country_after``, ``_side_after``."""

    def _cue_of(self, msg: _Message, i: int, n: int, lang: str) -> float:
        """``cue_score`` once per span of a message, not once per namesake."""
        key = (i, n, lang)
        if key not in msg.cue_memo:
            until = i + n if i + n in msg.sentence_starts else min((p + 1 for p in msg.pause_after if p >= i + n), default=len(msg.words))
            msg.cue_memo[key] = cue_score(msg.words, i, lang, n, msg.danger, self._clause_start(msg, i), until,
                                          (i + n - 1) in msg.pause_after, msg.question,
                                          msg.danger and self._writer_elsewhere(msg, i, lang), self._places_at(msg, lang))
        return msg.cue_memo[key]

    def _places_at(self, msg: _Message, lang: str) -> frozenset[int]:
        """Where the message surely names a country or a town (once per message): a town's name no commoner than its
        fame explains, written with a capital or joined ("On a fui Fort-Liberté", "on a fui saint-marc"), or a Kreyòl
        spelling of one of several words ("nou sove kite sen mak"). (Not any words typed joined: "on a fui nous-mêmes",
        "peut-être" are everyday words.)"""
        key = ("places at", lang)
        if key not in msg.span_memo:
            msg.span_memo[key] = frozenset(msg.named_at) | frozenset(
                k for k in range(len(msg.words))
                if any(self._surely_a_town(msg, k, m, lang, weights.RARE_NAME_POPULATION)
                       or ((self._capitalised(msg, k, m) or msg.joined(k, m) or (m > 1 and gram in self.gazetteer.spelt))
                           and self._town_named(gram))
                       for m in (1, 2, 3) for gram in [" ".join(msg.words[k : k + m])]))
        return msg.span_memo[key]  # type: ignore[return-value]

    def _town_named(self, gram: str) -> bool:
        """A town's own name, or the Kreyòl spelling of one ("On a fui Fort-Liberté", "nou kouri kite Gantye")."""
        return any(p.population >= weights.RARE_NAME_POPULATION and (_fold_name(p.name) == gram or gram in self.gazetteer.spelt)
                   for p in self.gazetteer.by_name.get(gram, ()))

    def _surely_a_town(self, msg: _Message, k: int, m: int, lang: str, least: int = weights.HERE_POPULATION) -> bool:
        """``words[k:k+m]`` is a town's own name (or a country's), no commoner in print than its fame explains: "la",
        "el rio", "union", "colonia" are everyday words first."""
        gram = " ".join(msg.words[k : k + m])
        staff = gram in self.extra and gram not in self.capitals_only and gram not in self.capital_first
        sizes = [p.population for p in self.gazetteer.by_name.get(gram, ())
                 if p.population >= least and _fold_name(p.name) == gram]
        if not sizes and not staff:
            return gram in self.countries  # "yo todavia estoy en guatemala"
        expected = weights.fame_zipf(max(sizes, default=least))
        return self.commonness.zipf(gram, lang) <= expected + weights.COMMON_SLACK

    def _writer_elsewhere(self, msg: _Message, at: int, lang: str) -> bool:
        """The writer says in the first person that they are at a town (or in a country or a state) other than the one at
        ``at``: "meu marido foi preso em Ciudad Juarez, eu estou em Governador Valadares", "... yo sigo aqui en Honduras",
        "ma soeur a été kidnappée à port-au-prince, je suis en floride"."""
        key = ("writer at", lang)
        if key not in msg.span_memo:  # once per message: where a town follows "estoy en", "m nan", "we are in"
            words = msg.words
            msg.span_memo[key] = [k for k in range(1, len(words))
                                  if (k in msg.named_at or k in msg.region_at or any(self._surely_a_town(msg, k, m, lang) for m in (1, 2, 3)))
                                  and (c := cue(words, k, lang))[0] == "current"
                                  and FIRST_PERSON.intersection(words[max(0, k - c[1] - 2) : k - c[1] + 1])]  # ("yo sigo aqui en")
        return any(not at - 3 <= k <= at for k in msg.span_memo[key])  # type: ignore[attr-defined]

    def _located(self, msg: _Message, ctx: _Context, place: Place, i: int, n: int, typo: bool = False) -> bool:
        """Evidence in the message itself, beyond the name's size, that it names a place.

        A typo is never placed by its rarity: the frequency table holds only the words of town names
        and training messages, so an everyday word missing from it ("mochila") looks rare."""
        words = msg.words
        key = ("located", i, n, ctx.lang)  # the same for every namesake of the span
        if key not in msg.span_memo:
            with_writer = harm_with_writer(words, msg.danger and not self._writer_elsewhere(msg, i, ctx.lang), ctx.lang)
            msg.span_memo[key] = (other_person(before_town(words, i, self._clause_start(msg, i)), with_writer, ctx.lang),
                                  cue_kind(words, i, ctx.lang))
        someone_else, kind = msg.span_memo[key]
        if someone_else:
            return False  # "fre m nan nouyok": someone else's place, whatever else is said
        if ctx.lang != "ht" and tuple(words[max(0, i - 2) : i]) in KIN and not (i >= 3 and words[i - 3] in WITH) \
                and not (i + n in msg.named_at or self._state_after(words, i + n)):
            return False  # "ma sœur Victoria ne répond plus": a relative's name (not "with my son houston tx"; Kreyòl drops "nan")
        if n == 1 and len(words[i]) > 2 and words[i] in self.extra and self.commonness.zipf(words[i], ctx.lang) >= weights.EVERYDAY_ALIAS_ZIPF \
                and not self._alias_cued(msg, i, ctx.lang):
            return False  # staff's "okay" (Les Cayes) after "m", "we": "m okay, mesi", "we okay now" are well; "m nan okay" is there
        if not msg.danger and said_far(words, i, ctx.lang):
            return False  # "j'habite au François, c'est loin de Fort-de-France" (in danger: its country, cues.yml far_from)
        if kind in ("origin", "destination") and self._cue_of(msg, i, n, ctx.lang) < 0:
            return False  # "im from san pedro sula honduras": the country named is the town's, still not here
        if ctx.lang in weights.ARTICLELESS_TOWNS and self._in_the_noun(words, i, n, " ".join(words[i : i + n]), ctx.lang, place):
            # "au carrefour", "al puente": French and Spanish towns take no article but their own ("au Cap"), so
            # neither the cue nor the rarity places the noun (Portuguese gives towns one: "no Recife")
            return self._capitalised(msg, i, n)
        return (
            (self._cue_of(msg, i, n, ctx.lang) > 0 and (kind in ("current", "preposition")
                                                 or (_population(place, False) >= 50_000  # "terminal de Reynosa"
                                                     and not self._road_of_namesakes(words, i, n))))
            or self._cue_of(msg, i, n, ctx.lang) >= weights.W_CUE["current"]  # "we just arrived lajas blancas"
            or all(is_filler(w) for k, w in enumerate(words) if not i <= k < i + n)
            or self._own_clause(msg, i, n)
            or (self._cried_name(msg, i, n) and not typo and self._explained(words, i, n, place, ctx))
            or (kind is None and i == self._clause_start(msg, i) and says_now(words, i + n + 1, i + n + 1)
                and (i + n in msg.pause_after or i + n + 1 == len(words)))  # "Eagle pass now. the wire cut my hands"
            or (landmark_before(words, i, ctx.lang) and self._explained(words, i, n, place, ctx))  # "refugio de meteti"
            or within_after(words, i, n, kind)  # "Miami airport"
            or (i == 0 and self._explained(words, 0, n, place, ctx))
            # a staff alias of several words first, a landmark after it: "mc allen bus staton" (not "gwo mon nan te")
            or (i == 0 and n > 1 and " ".join(words[:n]) in self.extra and landmark_after(words, n))
            or (not typo and _population(place, False) >= weights.RARE_NAME_POPULATION
                and self._explained(words, i, n, place, ctx))
            or self._capitalised(msg, i, n)
            or (not typo and msg.hyphen_typed(i, n) and _population(place, False) >= weights.RARE_NAME_POPULATION)  # "fort-de-france je suis à la rue"
            or bool(place.admin1 and self._admin1_named(words, i, n, place.admin1, place.country, msg.originals, msg.pause_after))
            or place.country in {c for at, c in msg.country_at.items() if not i <= at < i + n}
            or place.country == self._country_after(msg, i + n)
            or (place.country == self._side_after(msg, i + n) and self._named(words, i, n, place, ctx))  # "peñas blancas lado nica"
        )

    @staticmethod
    def _cried_name(msg: _Message, i: int, n: int) -> bool:
        """The name stands as its own clause, cried: "pacaraima! queremos ir a boa vista", "el paso!! my husband..."
        (a place only where the words are a name, not everyday words or a person's: "VICTORIA!!" is a cry)."""
        return (i == 0 or (i - 1) in msg.pause_after) and (i + n - 1) in msg.exclaimed

    def _road_of_namesakes(self, words: list[str], i: int, n: int) -> bool:
        """A road named after a name towns of several countries share ("la route de saint-laurent": Québec's, or French
        Guiana's): the biggest is not the one for its size (a road of one town, "la route de cayenne", is in its country)."""
        return i >= 2 and words[i - 2] in regions.ROADS and \
            len({p.country for p in self.candidates(" ".join(words[i : i + n]))}) > 1

    def _explained(self, words: list[str], i: int, n: int, place: Place, ctx: _Context) -> bool:
        """The words are no more frequent than a town this size explains: a name, not a word."""
        expected = 1.0 if article_dropped(place, " ".join(words[i : i + n]), words[i - 1] if i else "") else \
            weights.fame_zipf(_population(place, False))
        return self.commonness.zipf(" ".join(words[i : i + n]), ctx.lang) - expected < weights.COMMON_SLACK

    def _named(self, words: list[str], i: int, n: int, place: Place, ctx: _Context) -> bool:
        """A name, not everyday words ("la loma"): a stop staff listed, or words a town this size explains."""
        return " ".join(words[i : i + n]) in self.extra or self._explained(words, i, n, place, ctx)

    def _cued(self, msg: _Message, r: _Reading) -> bool:
        return cue_score(msg.words, r.start, "", r.end - r.start) > 0
