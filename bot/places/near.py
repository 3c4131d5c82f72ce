"""The town a message opens with, and another it says it is only near: "ouanaminthe près du pont de dajabon",
"bonfim, do lado de lethem". Used by :class:`bot.places.resolve.PlaceResolver` on the readings it keeps."""

from __future__ import annotations

from bot.places import weights
from bot.places.cues import near_after
from bot.places.gazetteer import haversine_km
from bot.places.reading import Message as _Message
from bot.places.reading import Reading as _Reading
from bot.places.reading import fold_name


def near_the_opener(msg: _Message, best: list[_Reading], lang: str) -> list[_Reading]:
    """ "ouanaminthe près du pont de dajabon", "tijuana, in the camp near el chaparral": the town the message opens
    with is where the person is, the one it is near only near (unless it names one of the opener's namesakes: "san jose,
    near the coca cola bus terminal" is Costa Rica's capital, whose bus terminal staff named); nor a town in the
    state the opener names ("chihuahua cerca de juarez": the state, near Ciudad Juárez; but "dajabon pre pon
    wanament la" is Dajabón, across from Ouanaminthe)."""
    opener = next((r for r in best if r.start == 0 and r.rare), None)
    if opener is None:  # "bonfim, do lado de lethem": of an everyday word's namesakes, the one beside the town named
        opener = _beside_the_near(msg, best, lang)
    said = " ".join(msg.words[opener.start : opener.end]) if opener is not None else ""
    near = {(r.start, r.end) for r in best if opener is not None and r.start >= opener.end
            and said not in (fold_name(r.place.name), fold_name(r.place.admin1))
            and _only_near(msg, opener.end, r.start, lang, opener.place.country)}
    if not near:
        return best
    if not opener.rare:  # an everyday word's namesakes: only the one beside the town it is near
        near.add((opener.start, opener.end))
        best = [r for r in best if r is opener or (r.start, r.end) != (opener.start, opener.end)]
    for r in best:  # saying what it is near says the person is there
        if (r.start, r.end) == (opener.start, opener.end):
            r.score += weights.W_CUE["preposition"]
    return sorted((r for r in best if r is opener or (r.start, r.end) not in near),
                  key=lambda r: (r.score, r.place.population), reverse=True)


def _only_near(msg: _Message, end: int, start: int, lang: str, country: str) -> bool:
    """The words between two towns say the second is only near (cues.near_after), the first town's ``country`` named
    there aside ("letícia, na colômbia, do lado de tabatinga"; not "dajabon, ayiti, pre wanament": that says Haiti)."""
    if any(end <= k < start and c != country for k, c in msg.country_at.items()):
        return False
    between = [w for k, w in enumerate(msg.words[end:start], end) if k not in msg.country_words]
    return near_after(between, 0, len(between), lang)


def _beside_the_near(msg: _Message, best: list[_Reading], lang: str) -> _Reading | None:
    """A reading of the opening word(s) lying beside a surely named town the message says it is near: "bonfim, do
    lado de lethem" is Bonfim, Roraima, across the river from Lethem, though "bonfim" is an everyday word too."""
    for near in (r for r in best if r.rare and r.start > 0):
        beside = [r for r in best if r.start == 0 and r.end <= near.start
                  and haversine_km(r.place.latitude, r.place.longitude, near.place.latitude, near.place.longitude) <= weights.BORDER_KM
                  and _only_near(msg, r.end, near.start, lang, r.place.country)]
        if beside:
            return max(beside, key=lambda r: r.score)
    return None
