"""What a message says of the conversation's last place: still there ("sigo aqui"), not there yet ("aunque no
este alla"), left it ("ya no estoy en tapachula"), on the move, or just arrived somewhere not named yet. The
phrases are ``cues.yml``'s; :mod:`bot.places.understand` decides with them whether the last place still holds.
"""

from __future__ import annotations

from collections.abc import Collection

from bot.places.cues import any_phrase, cue_words, cues

LATER_WITHIN = 3  # words between an arrival verb and "tomorrow": one clause


def still_here(words: list[str], lang: str = "") -> bool:
    """ "sigo aqui mismo", "still here same place", "wi m toujou la": where the conversation left them."""
    return any_phrase(words, "still_here", lang)


def not_there(words: list[str], lang: str = "", pauses: Collection[int] = ()) -> bool:
    """ "aunque yo no este alla", "i'm not there yet", and arriving later ("llegamos mañana", "we land tomorrow")."""
    return any_phrase(words, "not_there", lang) or any_phrase(words, "arriving_later", lang) or arrives_later(words, pauses)


def arrives_later(words: list[str], pauses: Collection[int] = (), at: int | None = None) -> bool:
    """An arrival verb (right before ``at``, when given) within three words of a word for later, no pause (the
    words before ``pauses``) between: "on arrive à Yaviza demain", "mañana llegamos a turbo" (not "chegamos em
    necocli!! amanha a gente pega o barco")."""
    verbs, later = cue_words("arrive_verb"), cue_words("tomorrow")
    spots = [j for j, w in enumerate(words) if w in later]
    return bool(spots) and any(
        w in verbs and any(abs(i - j) <= LATER_WITHIN and not any(min(i, j) <= p < max(i, j) for p in pauses) for j in spots)
        for i, w in enumerate(words) if at is None or at - 3 <= i < at)


def left_town(words: list[str], town: list[str]) -> bool:
    """ "ya no estoy en tapachula", "we left that town", "nou kite vil la": a moved-on phrase (of any
    language) right before the conversation's last town, ``town``'s words, or a word for a town."""
    spots = [k for k in range(len(words)) if (town and words[k : k + len(town)] == town) or words[k] in cue_words("town_word")]
    return any(tuple(words[e - len(p) : e]) == p for k in spots for gap in range(4) if (e := k - gap) > 0
               for p in cues("moved_on") if len(p) <= e)


def moving(words: list[str], lang: str = "") -> bool:
    """ "nos montaron en el bus", "we crossed", "nou lòt bò": on the move, the last town behind them."""
    return any_phrase(words, "moving", lang)


def arrived_alone(words: list[str]) -> bool:
    """The message is only "we arrived" ("ya llegamos!!", "nou rive"): somewhere new, not named yet."""
    return tuple(words) in cues("arrived")
