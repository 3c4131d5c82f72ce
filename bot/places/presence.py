"""What a message says of the conversation's last place: still there ("sigo aqui"), not there yet ("aunque no
este alla"), left it ("ya no estoy en tapachula"), on the move, or just arrived somewhere not named yet. The
phrases are ``cues.yml``'s; :mod:`bot.places.understand` decides with them whether the last place still holds.
"""

from __future__ import annotations

from bot.places.cues import any_phrase, cue_words, cues


def still_here(words: list[str], lang: str = "") -> bool:
    """ "sigo aqui mismo", "still here same place", "wi m toujou la": where the conversation left them."""
    return any_phrase(words, "still_here", lang)


def not_there(words: list[str], lang: str = "") -> bool:  # "aunque yo no este alla", "i'm not there yet"
    return any_phrase(words, "not_there", lang)


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
