"""Whether a message raises the alarm: the one check every path uses (the dialogue, the fallback when
the action server is down, a message held for staff, ``bot place``).

The phrases come first: they name the kind of danger, so the advice fits. A message that is only a cry
for help ("SOCORROOO!!", "anmwe") gets the general emergency answer. A message no phrase matched may
still be a danger the learned check recognises (:mod:`bot.safety.learned`), unless it says the harm is
over, the signs absent ("tiene tos pero respira bien") or its danger words are part of an everyday phrase ("a
kidnapping movie"); its kind then comes from that check, or is left open (the general emergency answer).
"""

from __future__ import annotations

import functools
import re

from bot.datafiles import read_yaml
from bot.safety import first_aid, learned
from bot.safety.child import child_writing
from bot.safety.danger import (
    PHRASES_DIR,
    Danger,
    PhraseMatcher,
    explained,
    is_over,
    load_phrases,
    message_words,
)
from bot.safety.danger import check as phrases
from bot.safety.first_aid import NOT_RESPONDING, out_or_seizing, situations
from bot.textnorm import fold


@functools.cache
def _cries() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """Every language's cries for help ("socorro", "anmwe", "au secours"), longest first, and the
    words that may go with them ("por favor", "tanpri")."""
    cries: set[tuple[str, ...]] = set()
    fillers: set[tuple[str, ...]] = set()
    for path in sorted(PHRASES_DIR.glob("*.yml")):
        doc = read_yaml(path)
        cries.update(tuple(fold(str(c)).split()) for c in doc.get("cries") or ())
        fillers.update(tuple(fold(str(c)).split()) for c in doc.get("cry_fillers") or ())
    return tuple(sorted(cries, key=len, reverse=True)), tuple(sorted(fillers, key=len, reverse=True))


# A well word within three words after one of these is denied: "no respira bien", "li pa ap tete byen", "isn't
# breathing normally" ("isn t"). Not Kreyòl "n" (we): "n ap jwe" is "we play".
NEGATIONS = frozenset(("no", "not", "isnt", "t", "never", "pa", "pas", "ne", "nao", "nunca"))


@functools.cache
def _listed(key: str) -> PhraseMatcher:
    """Every language's phrases under ``key`` of the phrase files: "well" (a child's signs said absent: "respira
    bien", "tete byen"), "rumour" ("dicen que hay"), "rumour_asked" ("es verdad?") and "ahead" ("solo pregunto")."""
    return PhraseMatcher(load_phrases(PHRASES_DIR, (key,))[0])


# "Is it true ...?" opening the message (after a greeting) asks about a rumour, whatever follows it up to the "?".
ASKED_FIRST_WITHIN = 3


def after_rumour(text: str) -> str:
    """What the message says after a rumour of danger it asks about ("tão falando q tem sequestro na rodoviaria, é
    vdd?" is a question about a place, not a danger now): the words after the question, which still count ("people
    say there are kidnappers here, is it true? they just took my son"), or after a question that opens with "is it true"
    ("es verdad que secuestran en la terminal? llegamos mañana"); the whole text when there is no rumour."""
    question, mark, rest = text[:3000].partition("?")
    asked_first = _listed("rumour_asked").found(fold(question).split()[:ASKED_FIRST_WITHIN + 3])
    if mark and any(i < ASKED_FIRST_WITHIN for i, _ in asked_first):  # "is it true they kidnap people at X? ..."
        return rest
    words = fold(text[:3000]).split()
    asked = _listed("rumour_asked").found(words)
    if not asked or not _listed("rumour").found(words):
        return text
    return " ".join(words[max(i + len(p.words) for i, p in asked):])


CLAUSE = re.compile(r"[,.;:!?\n]+")
LEARNED_MIN_WORDS = 3


def beyond_news(text: str) -> str:
    """The message without its clauses that tell the news ("vi no jornal q sequestraram brasileiros em Reynosa, to
    preocupada pq meu primo vai passar por la"): a danger on the news or the radio is not the writer's. The other
    clauses still count ("j'ai vu aux infos qu'il y a des rafles, ils ont pris mon mari")."""
    clauses = CLAUSE.split(text[:3000])
    kept = [c for c in clauses if not _listed("news").found(fold(c).split())]
    return text if len(kept) == len(clauses) else ". ".join(kept)


def _signs_absent(text: str) -> bool:
    """The message says a child's signs are absent ("tiene tos pero respira bien"), not denied ("no respira bien")."""
    words = fold(text[:200]).split()
    return any(not NEGATIONS & set(words[max(0, i - 3) : i]) for i, _ in _listed("well").found(words))


def is_cry(text: str) -> bool:
    """The message is only a cry for help, maybe repeated, with "please": "SOCORROOO!!", "anmwe anmwe"."""
    words = re.sub(r"(\w)\1{2,}", r"\1", fold(text[:200])).split()  # "socorrooo", "sooos"
    cries, fillers = _cries()
    seen = False
    while words:
        cry = next((c for c in cries if tuple(words[: len(c)]) == c), None)
        if cry is not None:
            words, seen = words[len(cry):], True
            continue
        filler = next((f for f in fillers if tuple(words[: len(f)]) == f), None)
        if filler is None:
            return False
        words = words[len(filler):]
    return seen


def rumour_asked(text: str) -> bool:
    """A danger heard of and asked about: its words alone would raise the alarm, the question takes it back
    ("é verdade que tão sequestrando gente na rodoviária?"), or told as the news ("m tande nan radyo a yo kidnape moun
    Reynosa, eske nou ka ale?"). "Es verdad que me pueden deportar?" is no rumour."""
    text = text or ""
    heard = after_rumour(text) != text or beyond_news(text) != text
    return heard and phrases(text) is not None and alarm(text) is None


def asked_ahead(text: str) -> bool:
    """The message says it asks ahead, no harm now ("só perguntando, o que fazer se alguém for picado por cobra?",
    "just in case"): no alarm, but the first aid of the situation it names is the answer."""
    return bool(_listed("ahead").found(message_words(text or "")))


DETAINED_WITHIN = 4  # words between "ICE took" and "my husband" ("la migra se llevó esta mañana a mi esposo")


def tells_detention(text: str) -> bool:
    """A migration authority took or holds an adult ("ICE took my husband", "a mi esposo lo agarró la migra",
    "imigrasyon arete frè m"), no child writes and nobody is said left alone ("mi bebe se quedo solo en el cuarto"): the
    detention's rights text and legal help answer. The learned check's alarm still stands (a review found it the only one
    for "... and my 5 yr old is alone at home", "no uniform no badge just a van", "no tiene su insulina"): the rights
    text is then one word away."""
    words = message_words(text or "")
    detained = _listed("detained").found(words)
    if not detained or child_writing(text) or _listed("left_alone").found(words):
        return False
    adults = _listed("adults").found(words)
    return any(i + len(d.words) <= j <= i + len(d.words) + DETAINED_WITHIN or i - DETAINED_WITHIN <= j + len(a.words) <= i
               for i, d in detained for j, a in adults)


def _detention_explains(text: str, found: Danger) -> bool:
    """A missing person's pair of mere time and news ("ayer … no sabemos nada") beside a detention of an adult, no child
    named: the person is with the migration ("la migra agarró a mi hermano ayer, no sabemos nada"), and the
    missing-child advice (tell the migration staff, the police) would mislead. Someone not back ("... y mi carajito no
    ha vuelto", "didnt come home"), a child or another adult named ("mi suegra salió a buscarlo") still alarms."""
    sides = found.phrase.split(" … ")
    return (found.kind == "missing_child" and len(sides) == 2 and all(_listed("unknown_since").found(message_words(s)) for s in sides)
            and tells_detention(text) and not _listed("children").found(words := message_words(text))
            and len({i for i, _a in _listed("adults").found(words)}) == 1)  # (not "... mi tio se quedo en el monte")


def _seizure_explains(text: str, found: Danger) -> bool:
    """A missing child's pair whose second side is only "does not respond" ("pitit … pa reponn"), where the child
    shakes: a seizure ("pitit mwen an ap souke li pa reponn") or the cold, not a child out of reach."""
    last = found.phrase.split(" … ")[-1].split()
    return found.kind == "missing_child" and first_aid.child_shaking(text) \
        and any(p.kind == NOT_RESPONDING and len(p.words) == len(last) for _, p in first_aid.matcher().found(last))


def alarm(text: str) -> Danger | None:
    text = after_rumour(beyond_news(text or ""))  # (the news first: after_rumour may return the words without punctuation)
    found = phrases(text)
    if found is not None and _detention_explains(text, found):
        found = None  # (the learned check still reads it: "... and my 5 yr old is alone at home")
    if found is not None and _seizure_explains(text, found):
        found = Danger("medical_emergency", found.phrase, found.lang)
    if found is not None or not (text or "").strip():
        return found
    if is_cry(text):
        return Danger("", "cry", "")  # no kind said: the general answer, then the menu
    # a word or two says too little for the learned check: "no sé" (answering "where are you?") read as 0.80 danger;
    # the phrases and the cries cover the short dangers (none of the danger sets' own short ones needed it)
    kind = learned.likely(text) if len(message_words(text)) >= LEARNED_MIN_WORDS else None
    if kind is None and first_aid.collapsed(text):
        kind = ""  # "my wife is shaking and not responding": no phrase, the learned check unsure; medical below
    if kind is None or is_over(text) or _signs_absent(text) or explained(text):
        return None
    if not kind and (situations(text) or out_or_seizing(text)):
        # "my wife is bleeding", "my husband fell down at work and he dont wake up": the kind unsure, the first aid
        # is medical (the compressions are given to medical emergencies only)
        kind = "medical_emergency"
    return Danger(kind, "", "")
