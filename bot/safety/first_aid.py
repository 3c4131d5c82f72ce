"""What the message says about the situation, for the fitting first-aid advice.

A danger reply always gives the general advice of its kind; when the message itself says heat, cold,
not breathing, bleeding, drowning, a boat sinking, a flood, bleeding after a birth, labour, a pregnancy with pain or
bleeding, a burn, a snake bite, a scorpion sting or frostbite, the matching short advice (IFRC International First Aid,
Resuscitation and Education Guidelines 2020; the flood's, the Red Cross's public flood safety advice; bleeding after a
birth, WHO recommendations on postpartum haemorrhage) comes first. When the message says
it is a baby, the chest compressions are a baby's (two fingers, a third of the chest deep), not an adult's. The words
are data, per language (``bot/safety/situations/<lang>.yml``); every language is checked, as for
the danger phrases.
"""

from __future__ import annotations

import functools
from pathlib import Path

from bot.safety.danger import PHRASES_DIR, PhraseMatcher, load_phrases, message_words

# In the order the advice is given: what kills fastest first.
SITUATIONS = ("not_breathing", "not_breathing_infant", "bleeding", "drowning", "drowning_infant", "sinking", "flood",
              "after_birth", "labour", "pregnancy", "burn", "snake_bite", "scorpion", "heat", "heat_infant", "cold", "cold_infant",
              "frostbite")
# A baby named in the message: the advice that says how to press on the chest, or what it may drink (the
# breast or its milk, never plain water or a sweet drink), takes its baby form.
INFANT = "infant"
FOR_A_BABY = {"not_breathing": "not_breathing_infant", "drowning": "drowning_infant", "heat": "heat_infant",
              "cold": "cold_infant"}
# Labour and a birth just over: the baby they name is not the one the advice is for.
BIRTH = frozenset(("labour", "after_birth"))
# A child's age in weeks or months ("ma fille de 6 mois"): a baby, unless the words speak of a pregnancy or of a
# child in the womb ("mi hija de 7 meses de embarazo"), or the months are a year or more ("mi hijo de 18 meses").
INFANT_AGE, IN_THE_WOMB = "infant_age", "in_the_womb"
MONTHS = ("mes", "moi", "mwa", "month")
# In or out of the water: shaking then is the cold's, no seizure's
WATER = frozenset(("drowning", "sinking", "flood"))
# Frostbite is the cold's too: its body needs warming (the cold's advice, first), its frozen skin no rubbing, no fire.
# Named, it outweighs the sun; its signs (black toes, white and hard skin) count only with a cold word and none of the
# words that rule it out (heat, a fire, a burn, mud, a fever, a beating, a bite: cooled or left alone, never warmed)
FROSTBITE, FROSTBITE_SIGNS, COLD_WORDS, NOT_FROZEN = "frostbite", "frostbite_signs", "cold_words", "not_frozen"
# Blisters are a burn's, unless frostbite is named ("queimaduras pelo frio e bolhas": no cooling under the tap)
BLISTERS = "blisters"
# A burn said in the cold's words ("quemadura por frío", "queimadura de frio") is frostbite: never cooled under the tap
BURN = "burn"
# Frostbite someone died of is no frostbite to treat: "mi esposo murio de congelamiento" told a widow to warm his feet
DIED_OF = "died_of"
# The situations whose advice says what may be drunk (the exception to "nothing by mouth").
WEATHER = frozenset(("heat", "heat_infant", "cold", "cold_infant"))
# "pregnancy" counts only with one of these in the same message: being pregnant is not an emergency.
PREGNANCY_SIGNS = "pregnancy_signs"
# "nobody hurt", "nobody got stung": the word "hurt" ("blessé", "herido") is then no wound, the fire no burn on a
# person, the scorpion seen no sting
UNHURT = "unhurt"
# Someone does not respond or wake ("se desmayó y no despierta"), and no seizure is said: whoever does not respond may
# not breathe, so the reply says when to press on the chest (a mark, like INFANT, not a situation of its own)
UNRESPONSIVE, SEIZURE = "unresponsive", "seizure"
MARKS = frozenset((INFANT, UNRESPONSIVE, SEIZURE))  # what advice_for adds to the situations, beside what happened
# "no responde" is someone who does not respond, or a phone nobody answers ("se lo llevaron y no responde"): it marks
# UNRESPONSIVE where the alarm has a medical kind, never makes one (``out_or_seizing``); with shaking, a seizure
NOT_RESPONDING, SHAKING = "not_responding", "shaking"
# Shaking that is nobody's seizure: someone shaken by the writers to wake ("lo estamos sacudiendo y no responde":
# unresponsive), the writer's ("estoy temblando"), a thing's ("la casa esta temblando", "my hands are shaking"), fear's
# ("temblando de miedo")
SHAKEN = "shaken"
# A seizure's signs said plainly ("espuma por la boca", "eyes rolled back"): a seizure when nothing else is said that
# has its own advice (no breathing, a drowning, a bite: poison's foam is no seizure's). Looser signs ("ojos en blanco",
# "echando espuma", "ap kimen": an eye roll, a washing machine, sea foam) are in the shaking lists: with no response
SIGNS = "seizure_signs"
SIGNS_GIVE_WAY = frozenset(("not_breathing", "drowning", "snake_bite", "scorpion"))
# (not "llamada", "liguei": "hice una llamada al 911" is help called; not "call", "rele": a voice too)
PHONE = frozenset("telefono telefone telefon telephone tel cel celular phone cell portable whatsapp wasap watsap zap mensajes "
                  "mensagens messages mesaj texts calls app aplicacion aplicativo application aplikasyon".split())
PHONE_WITHIN = 2  # words right before or after "no responde" that make it a phone's ("no responde el cel")
MINE = frozenset("my mi mis meu minha mon ma mes".split())  # "not responding, my phone is dying": the writer's phone
WRITER = frozenset("estoy toy yo i im am je j m mwen to eu estou".split())  # right before "shaking": the writer's own
NOT_A_BODY = frozenset("tierra casa house ground building edificio car carro bus truck camion boat bote lancha barco bato kay "
                       "maison terre sol piso floor manos hands mains maos pared wall".split())
# Words between a subject and its verb ("la casa esta temblando", "kay la ap tranble"), and before a place, not a subject
SKIPPED = frozenset("is are was esta estan estaba ta tao est ap the el la las los a an whole todo toda tout all".split())
PLACE_BEFORE = frozenset("en in on at dans sur no na nan do da em par del de".split())  # "se cayo en la casa, esta temblando"
FEAR = frozenset("miedo fear scared peur medo pe panico panic susto".split())
FEAR_BEFORE = frozenset("de of with ak".split())  # "temblando de miedo", "shaking with fear" (not "tengo miedo": the writer's)
WE = frozenset("we estamos tamos nosotros on nous nou gente".split())
OBJECT_BEFORE, OBJECT_AFTER = frozenset("lo la le les".split()), frozenset("him her them l ele ela".split())
AUXILIARIES = frozenset("esta estamos estan estoy ta tamos toy".split())  # between the object and the verb: "lo estamos sacudiendo"
TO_SHAKE = ("sacud", "secou", "souk", "shak", "sekwe")  # verbs that take an object (not "tiembla", "tremble", "jerking")
SITUATIONS_DIR = Path(__file__).resolve().parent / "situations"


@functools.lru_cache(maxsize=1)
def matcher() -> PhraseMatcher:
    phrases, safe_words = load_phrases(SITUATIONS_DIR, (*SITUATIONS, PREGNANCY_SIGNS, INFANT, INFANT_AGE, IN_THE_WOMB, UNHURT,
                                                        UNRESPONSIVE, SEIZURE, NOT_RESPONDING, SHAKING, SIGNS, FROSTBITE_SIGNS,
                                                        COLD_WORDS, NOT_FROZEN, BLISTERS, DIED_OF))
    return PhraseMatcher(phrases, safe_words)


def advice_for(text: str) -> tuple[str, ...]:
    """What the emergency reply's first aid reads: the :func:`situations`, :data:`INFANT` when the message
    names a baby ("mi bebe de 3 semanas tiene calentura": whatever the advice, it drinks the breast or its milk,
    never sips of water), :data:`UNRESPONSIVE` when someone does not respond or wake (no seizure said), and
    :data:`SEIZURE` when a seizure is (its own advice: nothing in the mouth, nothing hard around, on the side after).
    Marks, not situations: ``situations()`` and its evaluation leave them out."""
    words, hits, said = _read(text)
    found = _marked(said)
    if INFANT_AGE in found and "pregnancy" not in found and IN_THE_WOMB not in found \
            and any(_under_a_year(words, i, p.words) for i, p in hits if p.kind == INFANT_AGE):
        found.add(INFANT)
    if (found & BIRTH or found & {"pregnancy", IN_THE_WOMB}) and not found & set(FOR_A_BABY):
        # "tuvo su bebe y sangra": the mother is the one helped, her heat advice is an adult's; "embarazada, el bebé no
        # se mueve": the baby is unborn (not "baby too hot: the breast")
        found.discard(INFANT)
    said = _ordered(found)
    if SEIZURE in found:  # a seizure's stiff phase looks like no breathing: its own advice says what to do when it stops
        said = tuple(s for s in said if not s.startswith("not_breathing"))
    marks = (INFANT,) * (INFANT in found) + (UNRESPONSIVE,) * (UNRESPONSIVE in found and SEIZURE not in found) \
        + (SEIZURE,) * (SEIZURE in found)
    return (*said, *marks)


def _read(text: str) -> tuple[list[str], list, set[str]]:
    """The message's words, its phrases found, and the kinds they say: whose shaking it is (:func:`_whose_shaking`),
    and no "no responde" of a phone ("no contesta el cel")."""
    words = message_words(text or "")  # "-20" is "belowzero": the cold's advice
    hits = matcher().found(words)
    signs = {k for i, p in hits if p.kind == SIGNS for k in range(i, i + len(p.words))}
    said = set()
    for i, p in hits:
        if p.kind == SHAKING:  # (a loose sign inside a plain one is that one: "tiene los ojos en blanco")
            said.add("" if i in signs else _whose_shaking(words, i, len(p.words)))
        elif not (p.kind == NOT_RESPONDING and _a_phone(words, i, len(p.words))) \
                and not (p.kind == BURN and _overlaps(hits, i, p, FROSTBITE)) \
                and not (p.kind == FROSTBITE and _overlaps(hits, i, p, DIED_OF)):  # ("has burns from the cold", "died of frostbite")
            said.add(p.kind)
    return words, hits, said - {DIED_OF, ""}


def _overlaps(hits: list, i: int, p, kind: str) -> bool:
    """The phrase ``p`` found at ``i`` overlaps one of ``kind``."""
    return any(q.kind == kind and j < i + len(p.words) and i < j + len(q.words) for j, q in hits)


def _marked(found: set[str]) -> set[str]:
    """Someone not responding is unresponsive; shaking too, a seizure ("se esta sacudiendo y no responde"), unless
    it is the cold's shivering; a seizure's signs are one when nothing else is said."""
    signs = SIGNS in found and not found & SIGNS_GIVE_WAY  # ("espuma por la boca, no responde y no respira": pressing)
    if found & {NOT_RESPONDING, UNRESPONSIVE}:  # (out of the water, shaking is the cold's: "lo sacamos del rio, tiembla")
        found |= {UNRESPONSIVE} | ({SEIZURE} if (SHAKING in found or signs) and not found & {"cold", *WATER} else set())
    if signs:
        found.add(SEIZURE)
    return found


def _whose_shaking(words: list[str], i: int, n: int) -> str:
    """:data:`SHAKING` when the shaking at ``i`` may be a seizure, :data:`SHAKEN` when the writers shake someone to wake
    them ("we are shaking him", "lo estamos sacudiendo", "on le secoue", "nou ap souke l"), "" when it is the writer's,
    a thing's or fear's."""
    after = words[i + n : i + n + 2]
    if _writers(words, i) or _a_things(words, i) or (after[:1] and after[0] in NOT_A_BODY) \
            or (len(after) == 2 and after[0] in FEAR_BEFORE and after[1] in FEAR):
        return ""
    verb = words[i + n - 1]
    before = words[i - 1] if i else ""
    clitic = before in OBJECT_BEFORE or (before in AUXILIARIES and i > 1 and words[i - 2] in OBJECT_BEFORE)
    ours = bool(WE.intersection(words[max(0, i - 3) : i])) and after[:1] and after[0] in OBJECT_AFTER
    return SHAKEN if verb.startswith(TO_SHAKE) and (clitic or ours) else SHAKING


def _a_things(words: list[str], i: int) -> bool:
    """The subject right before the shaking at ``i`` is a thing: "la casa esta temblando", "my hands are shaking" (not
    "se cayo en la casa, esta temblando", "he fell on the ground shaking": where the person is)."""
    k = i - 1
    while k >= max(0, i - 4) and words[k] in SKIPPED:
        k -= 1
    if k < 0 or words[k] not in NOT_A_BODY:
        return False
    j = k - 1 if k and words[k - 1] not in SKIPPED else k - 2
    return not (j >= 0 and words[j] in PLACE_BEFORE) and not (k and words[k - 1] in PLACE_BEFORE)


def _a_phone(words: list[str], i: int, n: int) -> bool:
    """The "no responde" at ``i`` is a phone's or an app's: "no contesta el cel", "the app is not responding" (not "not
    responding, my phone is dying")."""
    after = words[i + n : i + n + PHONE_WITHIN]
    return bool(PHONE.intersection(words[max(0, i - PHONE_WITHIN) : i])) or any(
        w in PHONE and not (k and after[k - 1] in MINE) for k, w in enumerate(after))


def _writers(words: list[str], i: int) -> bool:
    """The shaking at ``i`` is the writer's: "estoy temblando", "i m shaking", "m ap tranble" (not "pitit mwen an ap souke",
    nor "mari m ap tranble", where Kreyòl's "m" after a person is "my")."""
    k = i - 1 if i and words[i - 1] != "ap" else i - 2  # (Kreyòl's "ap" goes between: "m ap tranble")
    return k >= 0 and words[k] in WRITER and not (
        words[k] in ("m", "mwen") and any(j + len(p.words) == k for j, p in _people().found(words)))


@functools.cache
def _people() -> PhraseMatcher:
    """The people the danger phrases name ("mari", "manman", "pitit"): before them Kreyòl's "m" is "my"."""
    return PhraseMatcher(load_phrases(PHRASES_DIR, ("adults", "children"))[0])


def collapsed(text: str) -> bool:
    """A seizure is said (its name, its signs, or someone shaking who does not respond: "my wife is shaking and not
    responding"; not the writer's shaking, nor shivering with cold), or someone shaken by the writers to wake, or
    shaking out of the water, does not respond ("we are shaking him and he is not responding", "lo sacamos del rio,
    esta temblando y no responde"). One reading of the message: the alarm asks it of most messages."""
    return _collapsed(_read(text)[2])


def _collapsed(said: set[str]) -> bool:
    return (bool(said & {SHAKING, SHAKEN}) and NOT_RESPONDING in said) or SEIZURE in _marked(set(said))


def out_or_seizing(text: str) -> bool:
    """Someone is said to be unconscious, not to wake, or to have a seizure, or is shaken and does not respond: a
    medical emergency whatever else the message says (not "no responde" alone, nor the writer's shaking with it:
    "estoy temblando, se llevaron a mi esposo y no responde su telefono")."""
    said = _read(text)[2]
    return bool(said & {UNRESPONSIVE, SEIZURE}) or _collapsed(said)


def child_shaking(text: str) -> bool:
    """A child is the one said to shake while not responding ("pitit mwen an ap souke li pa reponn", "pitit mwen ap
    tranble anba fredi a li pa reponn"; not "pitit mwen pa reponn, madanm mwen ap tranble": the mother shakes)."""
    words, hits, said = _read(text)
    if NOT_RESPONDING not in said:
        return False
    people = sorted(_people().found(words), key=lambda hit: hit[0])
    return any((p.kind == SIGNS or _whose_shaking(words, i, len(p.words)) == SHAKING)
               and (named := [q for j, q in people if j < i]) and named[-1].kind == "children"
               for i, p in hits if p.kind in (SHAKING, SIGNS))


def _under_a_year(words: list[str], at: int, phrase: tuple[str, ...]) -> bool:
    """ "hija de 6 meses", "3 weeks old" (not "hijo de 18 meses": a child's compressions, not a baby's)."""
    k = at + phrase.index("#")
    number, unit = words[k], words[k + 1] if k + 1 < len(words) else ""
    return not (number.isdigit() and int(number) >= 12 and unit.startswith(MONTHS))


def situations(text: str) -> tuple[str, ...]:
    """The situations ``text`` describes, in the order their advice should be given."""
    return _ordered(_read(text)[2])


def _ordered(found: set[str]) -> tuple[str, ...]:
    found = set(found)
    if UNHURT in found:
        found -= {"bleeding", "burn", "snake_bite", "scorpion"}
    if PREGNANCY_SIGNS not in found:
        found.discard("pregnancy")
    if "after_birth" in found and "bleeding" in found:
        found -= {"bleeding", "labour", "pregnancy"}  # the birth is over: not "if the baby comes first", not pressing a wound
    else:
        found.discard("after_birth")  # a birth with no bleeding said is no emergency of its own
    if "drowning" in found:
        found.discard("not_breathing")  # the drowning advice says what to do when they do not breathe
    if "labour" in found:
        found.discard("pregnancy")  # labour's advice says go now, and what to do if the baby comes first
    if "labour" in found or "pregnancy" in found or "snake_bite" in found:
        found.discard("bleeding")  # their own advice covers the bleeding; pressing hard on the place does not fit
    if FROSTBITE in found:
        found.discard("heat")  # "we sat in the sun to warm up, his toes are frostbitten": frozen, never cooled
    elif FROSTBITE_SIGNS in found and found & {"cold", COLD_WORDS} \
            and not found & {"heat", "burn", BLISTERS, NOT_FROZEN, "snake_bite", "scorpion"}:
        found.add(FROSTBITE)  # (black feet from a camp fire, hot sand, the desert's sun, mud: cooled or nothing, never warmed)
    if BLISTERS in found and FROSTBITE not in found:
        found.add("burn")
    if FROSTBITE in found:
        found.add("cold")
    if INFANT in found:
        found = {FOR_A_BABY.get(s, s) for s in found}
    return tuple(s for s in SITUATIONS if s in found)
