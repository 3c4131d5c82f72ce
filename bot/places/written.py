"""How people write a town's name other than as the gazetteer does: with the article fused into the word
before it ("au Cap" is Le Cap, "al Progreso" El Progreso; "au carrefour" a crossroads), or a saint's name
in their own language ("São José, na Costa Rica" is San José), or its last letter held ("orlandoo"); and staff's
names that are common words ("okay": Les Cayes), which must be written as places. A mixin of
:class:`bot.places.resolve.PlaceResolver`."""

from __future__ import annotations

from bot.places import weights
from bot.places.cues import cue, cue_words
from bot.places.gazetteer import Place
from bot.places.reading import Message as _Message
from bot.places.weights import MAX_NAMESAKES
from bot.places.words import word_zipf

SAINT_SWAP = {"sao": "san", "san": "sao"}  # Portuguese and Spanish write each other's saints their own way


class WrittenNames:
    """Needs the resolver's ``candidates``, ``extra``, ``gazetteer``, ``capitals_only``, ``capital_first`` and
    ``_capitalised``."""

    def _written_as_staff_say(self, msg: _Message, gram: str, i: int, n: int) -> bool:
        """A staff alias in capitals ("PAP", "LA") counts only typed in capitals, or with both ends capital ("PaP": Kreyòl
        "pap" is "will not"); one with a capital first ("Rio") only typed so after the first word, and not after "del"
        ("pou Del Rio" is Texas; "caiu no rio" the river)."""
        if gram in self.capitals_only:
            return (msg.caps_ratio < 0.6 or len(msg.words) <= 2) and all(
                t.isupper() or t[:1] + t[-1:] == t[:1].upper() + t[-1:].upper() for t in msg.originals[i : i + n])
        if gram in self.capital_first:
            return bool(i) and msg.caps_ratio < 0.6 and msg.originals[i][:1].isupper() and msg.words[i - 1] != "del"
        return True

    def _held_letter(self, gram: str) -> list[Place]:
        """The name with its last letter held, as people shout or plead: "orlandoo", "san pedro sulaa"."""
        if len(gram) < 5 or gram[-1] != gram[-2] or not gram[-1].isalpha():
            return []
        return self.candidates(gram.rstrip(gram[-1]) + gram[-1])

    def _saint_namesakes(self, gram: str, countries: set[str]) -> list[Place]:
        """The saint's town in the other language, in a country the message names: "são josé, na costa rica"
        is San José, "san paulo, brasil" São Paulo."""
        first, _, rest = gram.partition(" ")
        other = SAINT_SWAP.get(first)
        return [p for p in self.gazetteer.by_name.get(f"{other} {rest}", ())[:MAX_NAMESAKES] if p.country in countries] \
            if other and rest else []

    def _in_the_noun(self, words: list[str], i: int, n: int, gram: str, lang: str, place: Place) -> bool:
        """Portuguese "na serra", French "au carrefour": "in/at the" fused in one word, and an everyday noun."""
        return (n == 1 and i > 0 and words[i - 1] in weights.IN_THE.get(lang, ()) and gram not in self.extra  # "al DF": staff's
                and word_zipf(gram, lang) >= weights.IN_THE_ZIPF.get(words[i - 1], weights.ARTICLE_NOUN_ZIPF)
                and not self._article_name(words, i, gram, lang, place))

    def _article_name(self, words: list[str], i: int, gram: str, lang: str, place: Place | None = None) -> list[Place]:
        """The towns whose name carries the article fused into "au", "aux", "al": "au Cap" is Le Cap, "al Progreso" El Progreso."""
        article = weights.NAME_ARTICLE.get(words[i - 1]) if i > 0 and words[i - 1] in weights.IN_THE.get(lang, ()) else None
        found = self.candidates(article + gram) if article else []
        return [p for p in found if p.key == place.key] if place is not None else found

    def _alias_cued(self, msg: _Message, i: int, lang: str) -> bool:
        """A staff alias that is a common word is named as a place: after "in" or "city of", a cue of two words or more
        ("m rete okay", "nou kite okay"; not a bare pronoun, "m okay"), a capital, or typed in capitals ("SP capital")."""
        words = msg.words
        return bool(i and words[i - 1] in cue_words("preposition") | cue_words("capital_of")) or cue(words, i, lang)[1] >= 2 \
            or self._capitalised(msg, i, 1) or (msg.caps_ratio < 0.6 and msg.originals[i].isupper())
