"""Kreyòl spellings of Haitian towns' French names: "Croix-des-Bouquets" is written "Kwadebouke", "Camp-Perrin"
"Kanpèren", "Les Anglais" "Lezanglè". Made from the name by the orthography's regular rules, so that the small towns
staff never listed are found too; folded (no accents), glued and word by word. Irregular names ("Okap", "Mibalè")
stay staff's aliases (knowledge/places/route.yml)."""

from __future__ import annotations

import re
import unicodedata

from bot.everyday import is_everyday

_V = "aeiouyéèêëàâîïôöûü"  # vowels, accents kept until the end ("liberté" keeps its é)
_C = f"[^{_V}]"
_LES_VOWEL = re.compile(rf"^les (?=[{_V}h])")
EN, AN = "\x01", "\x02"  # nasal vowels, set before the mute e goes ("dame" is dam, "camp" kan)
_RULES = [
    (r"aï", "ayi"), (r"oï", "oyi"), (r"aë", "aye"), (r"oâ", "wa"), (r"éo", "eyo"),
    (r"^h", ""), (r"eau|au", "o"), (r"tion", "tyon"), (r"ph", "f"), (r"th", "t"), (r"qu", "k"), (r"ç", "s"),
    (r"tien$", "sy" + EN), (r"ien$", "y" + EN), (r"(?<=j)e(?=[ao])", ""), (r"ge(?=[ao])", "j"), (r"c(?=[eiéèêy])", "s"), (r"ch", "\x03"), (r"c", "k"), (r"\x03", "ch"),
    (r"g(?=[eiéèêy])", "j"), (r"gn", "ny"), (r"aill?", "ay"), (r"eill?", "ey"),
    (r"roi", "wa"), (r"r(?=ou|o)", "w"), (r"oi", "wa"), (r"ou(?=[aeiéèê])", "w"), (r"(?<!o)u", "i"),
    (rf"(ain|ein|in|im)(?=[^{_V}nm]|$)", EN), (rf"(an|am|en|em)(?=[^{_V}nm{EN}]|$)", AN),
]


SMALL = {"de": "de", "des": "de", "du": "di", "le": "le", "les": "le", "la": "la", "l": "l", "a": "a", "à": "a",
         "sud": "sid"}  # (its d is heard: "Sen Lwi disid")


def _word(w: str) -> str:
    """One French word as Kreyòl writes it."""
    w = w.lower()
    if w in SMALL:
        return SMALL[w]
    for pattern, repl in _RULES:
        w = re.sub(pattern, repl, w)
    if len(w) > 2 and re.search(r"e(s|nt)?$", w) and not re.search(r"[éèê]$", w):
        w = re.sub(r"e(s|nt)?$", "", w)  # mute e (and its plural): its consonant is heard ("limonade", "désarmes")
    elif len(w) > 2:
        w = re.sub(rf"[stdxz]+$|(?<=[{EN}{AN}])p$", "", w)  # silent final consonants ("bouquets", "paix", "camp"; not "cap")
    w = re.sub(rf"(?<={_C})r$", "", w)  # "pitre": pit
    w = re.sub(rf"(?<=[{_V}{EN}{AN}])r(?=[^{_V}{EN}{AN}]|$)", "", w)  # r after a vowel: "nord", "port" are nò, pò (not "laurent": lowan)
    w = re.sub(r"ai|ei|[èêë]", "e", w)
    w = re.sub(rf"(?<=[{_V}{EN}{AN}])s(?=[aeiouéè{EN}{AN}])", "z", w)
    w = re.sub(rf"(?<={_C})i(?=[aeoéè])", "y", w)
    w = re.sub(rf"(?<={_C})y(?=[^{_V}{EN}{AN}]|$)", "i", w)  # a y between consonants is an i: "abymes" is abim
    w = re.sub(r"([bdfgklmnprstvz])\1", r"\1", w)
    w = w.replace(EN, "en").replace(AN, "an")
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


def kreyol_spellings(name: str) -> set[str]:
    """The folded Kreyòl forms of a French town name, glued and word by word ("kwadebouke", "kwa de bouke")."""
    text = re.sub(r"[-'’]", " ", name.lower())
    forms = [text]
    if _LES_VOWEL.match(text):  # "les anglais": lezangle, and without the article, zangle
        forms = [_LES_VOWEL.sub("le z", text), _LES_VOWEL.sub("z", text)]
    elif re.fullmatch(rf"[{_V}]\w+s", text):  # "abricots", said with its article's liaison: zabriko
        forms.append("z" + text)
    out: set[str] = set()
    for form in forms:
        for words in _variants([w for w in (_word(w) for w in form.split()) if w], form.split()):
            out.update((" ".join(words), re.sub(r"([bdfgklmnprstvz])\1", r"\1", "".join(words))))
    return {f for f in out if len(f.replace(" ", "")) >= 4}


# Words Kreyòl writes two ways: "port" is pò in Pòdepè and pòt in Pòtoprens, "grande" gran or grann ("Grann Rivyè"),
# "petite" ti ("Ti Rivyè", "Tigwav")
_SECOND_FORM = {"port": "pot", "grande": "gran", "grand": "gran", "petite": "ti", "petit": "ti"}
_THIRD_FORM = {"grande": "grann", "grand": "grann"}


def _variants(words: list[str], french: list[str]) -> list[list[str]]:
    """The word list, the same with the first French word in its other Kreyòl forms (a few keys), and each with
    "de l'" glued to its noun as Kreyòl writes it ("Petite-Rivière-de-l'Artibonite" is "Ti Rivyè Latibonit")."""
    first = french[0] if french else ""
    out = [words]
    if len(words) == len(french) and first in _SECOND_FORM:
        out += [[form, *words[1:]] for form in (_SECOND_FORM[first], _THIRD_FORM.get(first)) if form]
    out += [glued for w in out for keep in (False, True) if (glued := _glue_de_l(w, keep)) != w]
    return out + [glued for w in out if (glued := _glue_di(w)) != w]


def _glue_di(words: list[str]) -> list[str]:
    """ "sen lwi di no" -> "sen lwi dino": "du" glued to the word after it, as Kreyòl often writes it ("dinò", "disid")."""
    out: list[str] = []
    for w in words:
        if out and out[-1] == "di" and w not in ("de", "di", "le", "la", "l", "a"):
            out[-1] = "di" + w
        else:
            out.append(w)
    return out


def _glue_de_l(words: list[str], keep_de: bool = False) -> list[str]:
    """ "de l atibonit" -> "latibonit" (``keep_de``: "de latibonit", "Sen Michèl de Latalay")."""
    out: list[str] = []
    k = 0
    while k < len(words):
        if words[k] == "de" and k + 2 < len(words) and words[k + 1] == "l":
            out += ["de", "l" + words[k + 2]] if keep_de else ["l" + words[k + 2]]
            k += 3
        else:
            out.append(words[k])
            k += 1
    return out


# Spanish and Portuguese names as Haitians write them by ear: "Boa Vista" is "Bwa Vista", "Porto Alegre" "Pòtoalèg",
# "Huaquillas" "Wakiya", "Valparaíso" "Valparezo", "Curitiba" "Kouritiba". Only for the big towns of the
# route (gazetteer.IBERIAN_SPELT), where Haitians go: each rule's form, and the u also as Kreyòl's "ou".
_IBERIAN_NASAL = [("ão", "an"), ("ãe", "en"), ("õe", "on"), ("ã", "an"), ("õ", "on"), ("ç", "s"), ("ñ", "ny")]
_IBERIAN_RULES = [
    (r"^h(?![u])", ""), (r"^hu(?=[aeio])", "w"), (r"gu(?=[ei])", "g"), (r"gu(?=[ao])", "gw"), (r"qu", "k"),
    (r"c(?=[ei])", "s"), (r"ch", "\x03"), (r"c", "k"), (r"\x03", "ch"), (r"ll", "y"), (r"nh", "ny"), (r"lh", "y"),
    (r"z", "s"), (r"[ou]a", "wa"), (r"ue", "we"), (r"ui", "wi"), (r"(?<=[^aeiouw])i(?=[aeou])", "y"), (r"au", "o"), (r"[ae]i", "e"),
    (r"(?<=[aeiou])s(?=[aeiou])", "z"),
]


_SMALL_WORDS = frozenset("el la lo los las de del da do das dos e y o a en em".split())  # too short for wordfreq's list


def _iberian_word(w: str, lang: str) -> set[str]:
    for a, b in _IBERIAN_NASAL:
        w = w.replace(a, b)
    w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    for pattern, repl in _IBERIAN_RULES:
        w = re.sub(pattern, repl, w)
    forms = {w, re.sub(r"(?<=[aeiou])r(?=[^aeiouwy])", "", w)}  # "porto": pòto, as Kreyòl drops an r before a consonant
    forms |= {re.sub(r"(?<=[aeiou])s$", "", f) for f in forms}  # "huaquillas": wakiya
    if lang == "pt":
        forms |= {re.sub(r"(?<=[^aeiou])re$", "", f) for f in forms}  # "alegre": alèg (not "trindade": "trindad", Trinidad misspelt)
    forms |= {f.replace("u", "ou") for f in forms}  # (not "i", French's u: "Sucre" would be Kreyòl "sikre", sweetened)
    return {re.sub(r"([bdfgklmnprstvz])\1", r"\1", f) for f in forms}


def iberian_spellings(name: str, lang: str) -> set[str]:
    """The folded forms Kreyòl writers give a Spanish (``lang`` "es") or Portuguese ("pt") town name, glued and
    word by word ("bwa vista", "bwavista")."""
    words = [w for w in re.sub(r"[-'’]", " ", name.lower()).split() if w]
    out: set[str] = set()
    combos: list[list[str]] = [[]]
    for w in words:
        combos = [c + [f] for c in combos for f in sorted(_iberian_word(w, lang))][:64]
    for c in combos:
        out.update((" ".join(c), "".join(c)))
    # never everyday words ("balsa" from Balsas: "atravessamos o rio na balsa"; "la tina" from Las Tunas, a bathtub)
    return {f for f in out if len(f.replace(" ", "")) >= 5 and f.replace(" ", "").isalpha()
            and not all(is_everyday(w) or w in _SMALL_WORDS for w in f.split())}
