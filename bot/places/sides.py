"""A border's sides: where a message names the side of a border a person is on ("del lado mexicano", "on the mexico
side", "côté français"), and which namesake or facing town that makes a border town. A mixin of
:class:`bot.places.resolve.PlaceResolver` (needs its ``gazetteer`` and ``_state_beside``)."""

from __future__ import annotations

from bot.places import regions
from bot.places.cues import any_phrase, cue_kind, cue_words
from bot.places.gazetteer import Place, haversine_km
from bot.places.reading import Message as _Message
from bot.places.reading import Reading as _Reading


class BorderSides:
    @staticmethod
    def _side_marks(msg: _Message, names: bool = True) -> dict[int, str]:
        """Where the message names a country's side of a border, by its people ("del lado mexicano", "lado
        nica") or, with ``names``, by its name ("del lado de méxico", "bò kote Meksik la"), and which country.
        Found once per message (every reading of every namesake asks)."""
        key = ("sides", names)
        if key in msg.span_memo:
            return msg.span_memo[key]  # type: ignore[return-value]
        words = msg.words

        def beside_a_side(j: int, end: int) -> bool:
            if any_phrase(words[max(0, j - 6) : j], "hearsay", ""):
                return False  # "en la Mesilla ... dicen que del lado mexicano piden papeles": news of the other side
            if any(words[k] in regions.BORDERS for k in (j - 2, j - 1) if k >= 0) and not (
                    end < len(words) and words[end] in regions.SIDES and end - 1 not in msg.pause_after):
                return False  # "bò fwontyè peru a": near Peru's border, on the other side of it (but "border nica side")
            # (no stop between: "costa rica side, nicaragua wont let us pass")
            return any(words[k] in regions.SIDES and not msg.pause_after.intersection(range(min(k, j), max(k, end - 1)))
                       for k in (j - 2, j - 1, end) if 0 <= k < len(words))

        def end_of(j: int) -> int:
            return next(k for k in range(j + 1, len(words) + 1) if k not in msg.country_words)

        marks = {j: c for j, (c, _m) in msg.region_at.items() if words[j] in regions.DEMONYMS and beside_a_side(j, j + 1)}
        if names:
            marks.update({j: c for j, c in msg.named_at.items() if beside_a_side(j, end_of(j))
                          and cue_kind(words, max(0, j - 2)) not in ("origin", "destination")})
        msg.span_memo[key] = marks
        return marks

    def _sides(self, msg: _Message) -> set[str]:
        """The countries whose side of a border the message names by its people anywhere in it ("mexican side"), or by
        its name where the writer says they are on it ("i am on the mexico side", "estoy del lado de mexico")."""
        mine = {c for j, c in self._side_marks(msg).items() if j in msg.named_at and _writer_on(msg.words, j)}
        return set(self._side_marks(msg, names=False).values()) | mine

    def _island_sides(self, msg: _Message) -> frozenset[str]:
        """The French or Dutch side named anywhere in the message ("on the french side in marigot", "côté hollandais,
        à Philipsburg"): Saint-Martin's, or French Guiana across a river ("côté français" at the Oyapock)."""
        if "island_sides" not in msg.span_memo:
            said: set[str] = set()
            for k in range(len(msg.words)):
                if regions.side_named(msg.words, k):
                    said.update(msg.words[k : k + 3])
            msg.span_memo["island_sides"] = frozenset(
                (("MF", "GF") if said & regions.FRENCH_SIDE else ()) + (("SX",) if said & regions.DUTCH_SIDE else ()))
        return msg.span_memo["island_sides"]  # type: ignore[return-value]

    def _side_after(self, msg: _Message, end: int) -> str:
        """The country whose side the words right after a name say: "peñas blancas lado nica", "laredo del
        lado mexicano", "eagle pass, mexican side", "laredo bò kote meksik"."""
        marks = self._side_marks(msg)
        return next((c for j, c in sorted(marks.items()) if end <= j < end + 4), "")

    def _side_of(self, msg: _Message, top: _Reading, best: list[_Reading]) -> Place:
        """ "laredo, del lado mexicano", "paso canoas del lado panameño": the border town on the side named
        (the name's reading in that country, else the town facing it)."""
        # a country's name says a side right after the town ("laredo bò kote meksik") or where the writer says they are
        # on it ("i am on the mexico side", _writer_on); elsewhere "my wife is on the mexico side" is someone else's
        sides = self._sides(msg) or ({after} if (after := self._side_after(msg, top.end)) else set())
        if len(sides) != 1 or top.place.country in sides:
            return top.place
        if self._state_beside(msg, top.start, top.end - top.start, top.place):
            return top.place  # "stuck in Nogales Arizona side, the shelter is mexican side?": the state says the side
        side = next(iter(sides))
        same = next((r.place for r in best if (r.start, r.end) == (top.start, top.end) and r.place.country == side
                     and haversine_km(r.place.latitude, r.place.longitude, top.place.latitude, top.place.longitude) <= 30), None)
        return same or self.gazetteer.across(top.place, side) or top.place


def _writer_on(words: list[str], j: int) -> bool:
    """The writer says they are on the side named at ``j`` now: a first-person "be" right before the side ("i am on the
    mexico side", "estoy del lado de mexico", "m bò kote meksik"); not a relative's ("my wife is on the mexico side",
    "mari m bò kote dominikani"), nor a side they were on or came from ("m te bò kote ayiti", "venimos del lado de")."""
    k = min((s for s in (j - 2, j - 1) if s >= 0 and words[s] in regions.SIDES), default=j)
    k -= 1
    while k >= 0 and j - k <= 5 and words[k] in _TO_A_SIDE:
        k -= 1
    if k < 0 or words[k] not in _BEING or not cue_words("other_person").isdisjoint(words[max(0, k - 2) : k]):
        return False
    if words[k] in _BEING_BEFORE and (k + 1 >= len(words) or words[k + 1] not in _BEING_BEFORE[words[k]]):
        return False
    return words[k] not in _BEING_AFTER or (k > 0 and words[k - 1] in _BEING_AFTER[words[k]])


# Between "be" and a side: "on the", "del", "en el", "du", "nan", "do"
_TO_A_SIDE = frozenset("on in at the en el del de du nan no na do da o a au of".split())
# The first person's "be" now: "i am", "estamos", "je suis", "on est", "m", "nou", "tô"
_BEING = frozenset("am im are re estoy estamos toy tamos ando andamos sigo seguimos suis sommes est m mwen nou n to estou tamo".split())
_BEING_AFTER = {"are": frozenset({"we"}), "re": frozenset({"we"}), "est": frozenset({"on"})}  # "we are", "on est"
# Portuguese "tô" only before its own "do", "no" ("tô do lado do brasil"): English "to the" is a way there ("trying to get
# to the mexico side", "going back to the haiti side")
_BEING_BEFORE = {"to": frozenset("do no na da".split())}
