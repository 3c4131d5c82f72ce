"""What a message says of the conversation's last place: still there ("sigo aqui"), not there yet ("aunque no
este alla"), left it ("ya no estoy en tapachula"), on the move, or just arrived somewhere not named yet. The
phrases are ``cues.yml``'s; :mod:`bot.places.understand` decides with them whether the last place still holds.
"""

from __future__ import annotations

from collections.abc import Collection

from bot import LANGUAGES
from bot.places import weights
from bot.places.cues import (
    any_phrase,
    cue_words,
    cues,
    cues_in,
    later_at,
    phrases_by_first_word,
    words_in,
)

PERFECT = frozenset("est suis sommes etes sont".split())  # French "est arrivé": done, though "arrive" folds alike
LATER_WITHIN = 3  # words between an arrival verb and "tomorrow": one clause
NO = frozenset(("no", "non", "nao", "nope", "nah"))  # a reply's "no," before "not anymore"
FROM = frozenset(("de", "from", "of", "d"))  # "salimos de ahi", "left from there": the there-word after it
# "tomorrow" earlier in the clause (not Spanish "mañana" alone, also "morning": "esta mañana nos dejaron en X")
TOMORROW = frozenset(("tomorrow", "demain", "demen", "amanha"))
MORNING_BEFORE = frozenset(("esta", "la", "una", "cada", "toda", "de", "por", "en", "hoy", "ayer", "a"))  # "esta mañana": this morning


def says_tomorrow(words: list[str]) -> bool:
    """ "tomorrow", and Spanish "mañana" when it is not the morning ("esta mañana", "en la mañana")."""
    return not TOMORROW.isdisjoint(words) or any(
        w == "manana" and (k == 0 or words[k - 1] not in MORNING_BEFORE) for k, w in enumerate(words))


def still_here(words: list[str], lang: str = "") -> bool:
    """ "sigo aqui mismo", "still here same place", "wi m toujou la": where the conversation left them."""
    return any_phrase(words, "still_here", lang)


def not_there(words: list[str], lang: str = "") -> bool:  # "aunque yo no este alla", "i'm not there yet"
    return any_phrase(words, "not_there", lang)


def gone_from(words: list[str], lang: str, town_at: int) -> int | None:
    """Where, after the town at ``town_at``, the writer says they are there no more ("me deportaron a villahermosa
    hace un mes pero ya no estoy alla"), else None."""
    return next((k for k in range(town_at + 1, len(words)) for p in _in("no_longer_there", lang)
                 if tuple(words[k : k + len(p)]) == p), None)


def arriving_later(words: list[str], lang: str, pauses: Collection[int], town_at: int) -> bool:
    """The writer arrives later, said in the clause of the town at ``town_at`` (no pause between): "hay albergue en
    ipiales? llegamos mañana" (the question mark is no pause), not "tapachula! ya llegamos, mañana llegamos a la comar"."""
    if not any_phrase(words, "arriving_later", lang) and words_in("arrive_verb", lang).isdisjoint(words):
        return False  # most messages: one look-up per word

    def clause(a: int, b: int) -> bool:
        return not any(min(a, town_at) <= p < max(b, town_at) for p in pauses)
    return any(tuple(words[k : k + len(p)]) == p and clause(k, k + len(p) - 1) and not _morning(words, k)
               for p in _in("arriving_later", lang) for k in range(len(words) - len(p) + 1)) \
        or any(_verb_later(words, pauses, i, lang) and clause(i, i) for i in range(len(words)))


def arrives_later(words: list[str], pauses: Collection[int], at: int, lang: str = "") -> bool:
    """Arriving later said right before the town at ``at``: "mañana llegamos a turbo", "we will reach yaviza"."""
    return any(_verb_later(words, pauses, i, lang) for i in range(max(0, at - 3), at)) or any(
        tuple(words[e - len(p) : e]) == p and not _morning(words, e - len(p))
        for p in _in("arriving_later", lang) for e in (at, at - 1) if e >= len(p))


def _morning(words: list[str], k: int) -> bool:
    """Spanish "mañana" at ``k`` is the morning, not tomorrow: "esta mañana llegamos a tapachula" (but "mañana en la
    mañana llegamos" is tomorrow morning)."""
    return words[k] == "manana" and k > 0 and words[k - 1] in MORNING_BEFORE and "manana" not in words[max(0, k - 4) : k - 1]


def _verb_later(words: list[str], pauses: Collection[int], i: int, lang: str) -> bool:
    """The word at ``i`` is the writer's arrival verb, within three words of a word for tomorrow, no pause between
    (not "chegamos em necocli!! amanha a gente pega o barco")."""
    if words[i] not in words_in("arrive_verb", lang) or (i and words[i - 1] in PERFECT):
        return False  # "on est arrive a tapachula demain on va a la comar": arrived (the accent and the stop left out)
    later = words_in("tomorrow", lang)
    return any(w in later and later_at(words, j, "tomorrow") and abs(i - j) <= LATER_WITHIN
               and not any(min(i, j) <= p < max(i, j) for p in pauses) for j, w in enumerate(words))


def _in(kind: str, lang: str) -> frozenset[tuple[str, ...]]:
    return cues_in(kind, lang) if lang in LANGUAGES else cues(kind)


def left_town(words: list[str], town: list[str]) -> bool:
    """ "ya no estoy en tapachula", "we left that town", "nou kite vil la": a moved-on phrase (of any
    language) right before the conversation's last town, ``town``'s words, or a word for a town."""
    spots = [k for k in range(len(words)) if (town and words[k : k + len(town)] == town) or words[k] in cue_words("town_word")]
    return any(tuple(words[e - len(p) : e]) == p for k in spots for gap in range(4) if (e := k - gap) > 0
               for p in cues("moved_on") if len(p) <= e)


def departed(words: list[str], lang: str, pauses: Collection[int]) -> bool:
    """ "ya nos salimos de ahi", "left already, on the road", "non nou deja pati": the writer left, with no object after
    the verb (not "salimos a comprar", "we left the shelter"), and it happened ("cuando salimos", "ainda não saímos": no)."""
    if not any_phrase(words, "departed", lang):
        return False  # most messages: one look-up per word
    there, after, before = words_in("there_word", lang), words_in("departed_after", lang), words_in("not_yet", lang)
    for p in _in("departed", lang):
        for k in range(len(words) - len(p) + 1):
            e = k + len(p)
            if tuple(words[k:e]) != p or any(words[j] in before and not any(q in pauses for q in range(j, k))
                                              for j in range(max(0, k - 2), k)):  # (but "nao, ja saimos dai" left)
                continue
            nxt = words[e + 1] if e < len(words) and words[e] in FROM and e + 1 < len(words) else (words[e] if e < len(words) else "")
            if e == len(words) or (e - 1) in pauses or nxt in there or (nxt in after and nxt == words[e]):
                return True
    return False


def moving(words: list[str], lang: str = "") -> bool:
    """ "nos montaron en el bus", "we crossed", "nou lòt bò": on the move, the last town behind them."""
    return any_phrase(words, "moving", lang)


def lost(words: list[str], lang: str = "") -> bool:
    """The writer does not know where they are ("no se donde estamos", "m pa konn ki kote m ye"), not only where in the
    town ("je sais pas ou je suis dans la ville")."""
    if not any_phrase(words, "lost", lang):
        return False  # most messages: one look-up per word, before the scan for where the phrase stands
    town, inside = cue_words("town_word"), cue_words("preposition")

    def in_town(after: list[str]) -> bool:  # "... dans la ville", "... en la ciudad", "... in the city"
        return bool(after) and after[0] in inside and bool(town.intersection(after[1:3]))
    return any(tuple(words[k : k + len(p)]) == p and not in_town(words[k + len(p) : k + len(p) + 3])
               for p in _in("lost", lang) for k in range(len(words) - len(p) + 1))


def dont_know(words: list[str], pauses: Collection[int], lang: str = "") -> bool:
    """The message begins with "I don't know" said alone, the end or a pause after it ("no se, no conozco aqui",
    "idk", "m pa konnen"): an answer to "where are you?", not "no se si hay albergue"."""
    return any(tuple(words[: len(p)]) == p and (len(p) == len(words) or len(p) - 1 in pauses)
               for p in _in("dont_know", lang))


def no_longer_reply(words: list[str], pauses: Collection[int], lang: str = "") -> bool:
    """The whole message is "not anymore", maybe after "no," ("no, ya me movi", "plus maintenant"), or it opens with
    "not there" and a pause ("no estoy ahi, me subieron a un carro")."""
    if len(words) > 1 and words[0] in NO and 0 in pauses:
        words, pauses = words[1:], [k - 1 for k in pauses]
    return tuple(words) in _in("no_longer_reply", lang) or any(
        tuple(words[: len(p)]) == p and (len(p) == len(words) or len(p) - 1 in pauses) for p in _in("left_reply", lang))


def arrived_alone(words: list[str]) -> bool:
    """The message is only "we arrived" ("ya llegamos!!", "nou rive"): somewhere new, not named yet."""
    return tuple(words) in cues("arrived")


# Word beginnings of a deportation in the five languages ("deportaron", "deported", "depòte", "expulsé", "renvoyé", "devolvieron"):
# an agency named then sent the person away from its country.
DEPORTED = ("deport", "depote", "expuls", "renvoy", "devolv")  # (not "depot": a bus depot)


# A deportation feared, not done: an infinitive ("lo van a deportar?", "will they deport him"), a word of the future just
# before ("yo pral depòte l"), or a noun after a word of fear ("medo da deportação"). Not a noun alone, nor "can", "pode",
# nor fear before a verb told ("après mon expulsion par l'ice", "tengo miedo, ICE me deportó": a review).
FEARED = ("deportar", "expulsar", "expulser")
NOT_DONE = frozenset("deport deporten deportem".split())  # ("to deport", "que no lo deporten")
FUTURE = frozenset("will gonna going van vayan vai vao vont pral prale pwal want wanna quieren querem veulent".split())
NOUNS = frozenset("deportation deportacion deportacao expulsion expulsao".split())
FEAR = frozenset("miedo medo scared afraid peur pe".split())
FEARED_WITHIN = 3


def deported(words: list[str]) -> bool:
    """A deportation told as done ("ICE me deportó", "they deported me", "yo depòte m"): the agency's country is
    behind the person. Not one feared ("el ice se llevó a mi esposo, lo van a deportar?": still in the US)."""
    def feared(i: int, w: str) -> bool:
        before = set(words[max(0, i - FEARED_WITHIN) : i])
        return w.startswith(FEARED) or w in NOT_DONE or bool(FUTURE & before) or (w in NOUNS and bool(FEAR & before))
    return any(w.startswith(DEPORTED) and not feared(i, w) for i, w in enumerate(words))


def fled_after(words: list[str], at: int, lang: str, places_at: frozenset[int]) -> tuple[int, int] | None:
    """Where a flight follows the town ("nos amenazaron en X y huimos": fled from there), and where the place it names
    starts, else -1 ("Tapachula. Huimos de Honduras", "Okap, nou kouri kite Pòtoprens")."""
    # "from", "de", "kite", "the" (not "a": "huimos a tegucigalpa" fled the town first, to there)
    skip = {p[0] for kind in ("origin", "of") for p in cues_in(kind, lang) if len(p) == 1} | weights.DEFINITE
    for k in range(at, min(len(words), at + 8)):
        for p in phrases_by_first_word("fled", lang if lang in LANGUAGES else "").get(words[k], ()):
            if tuple(words[k : k + len(p)]) == p:
                j = k + len(p)
                while j < min(len(words), k + len(p) + 2) and words[j] in skip:
                    j += 1
                then, kin = words[j : j + 2], words_in("other_person", lang)
                if then and (then[0] in kin or then[-1] in kin and then[0] in words_in("possessive", lang)):
                    return None  # "fugi do meu marido", "kite mari m": fled a person, not the town
                return k, j if j in places_at else -1
    return None
