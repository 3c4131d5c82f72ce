"""Which of the five languages a message is in, sensible even on one-word messages.

Marker words decide short messages ("hola", "bonjou", "oi"); longer ones also ask py3langid,
restricted to the supported languages. Haitian Creole and French share many words, so the
markers that only Kreyòl uses ("mwen", "bezwen", "bonjou", "kote") weigh more.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

from bot import DEFAULT_LANGUAGE, LANGUAGES
from bot.datafiles import read_yaml
from bot.textnorm import fold

# Words that point to one language (after folding: no accents, lowercase).
MARKERS: dict[str, str] = {
    "es": "hola buenas buenos necesito necesitamos donde estoy estamos quiero queremos ayuda ayudame gracias "
    "favor medico medica comida albergue tengo tenemos hay puedo puedes como cual hijo hija ninos nino "
    "mi mis yo somos usted ustedes gratis abogado cerca dormir comer llamar familia idioma espanol "
    "xq pq porque tambien aqui alla ahora hoy mas si senor senora dias tardes noches una unos el los las "
    "del al con pero para esta estan soy vivir agua casa derecho derechos asilo migracion borrar datos mis "
    "socorro auxilio",
    "en": "hi hello hey need needs where im i am is are the a an my we you your please pls thanks thank "
    "doctor food shelter help want can could near nearby how what who yes yeah english sleep eat call "
    "family lawyer free here there now today more delete data rights asylum water phone charge u r",
    "fr": "bonjour bonsoir salut je j suis besoin ou est merci beaucoup vous avez aide aidez medecin manger "
    "dormir famille enfant enfants oui francais avec pour dans chez svp stp plait c qu ce cette les des "
    "une un le la mon ma mes nous sommes ici maintenant avocat droit droits gratuit supprimer donnees "
    "quoi comment pourquoi jsuis chui trouver ou est il y a",
    "ht": "bonjou bonswa mwen m bezwen kote nan yon pou li nou ou w yo gen genyen mesi anpil tanpri doktè "
    "dokte manje dlo dòmi domi fanmi pitit kijan kisa poukisa kounye kounya ede ed wi non pa konn vle "
    "sa ki ak avek lopital kay la isit lakay ayiti kreyol kreyòl avoka dwa gratis efase done mwen an te ap "
    "map vin ale pale bay tout rele anmwe sekou",
    "pt": "oi ola obrigado obrigada preciso precisamos onde estou estamos quero ajuda voce vc voces nao sim "
    "medico comida abrigo tenho temos posso pode meu minha meus minhas um uma com para perto aqui agora "
    "hoje portugues familia filho filha criancas dormir comer ligar advogado direitos asilo gratis apagar "
    "dados tb tbm pq bom dia tarde noite tudo bem ta to tem pra amanha",
}
# Words too common across languages to count.
_SHARED = {"a", "la", "de", "en", "no", "si", "para", "pa", "te", "ce", "est", "un", "une", "com"}
_INDEX: dict[str, set[str]] = {}
for _lang, _words in MARKERS.items():
    for _w in _words.split():
        _INDEX.setdefault(fold(_w), set()).add(_lang)
for _w in _SHARED:
    _INDEX.pop(_w, None)

# Names of the languages, as people write them to choose one.
LANGUAGE_WORDS = {
    "es": {"espanol", "castellano", "spanish", "espagnol", "panyol", "espanhol", "es"},
    "en": {"english", "ingles", "anglais", "angle", "en", "inglish"},
    "fr": {"francais", "french", "frances", "franse", "fransè", "fr"},
    "ht": {"kreyol", "creole", "creol", "criollo", "haitiano", "kreyol ayisyen", "ayisyen", "crioulo", "ht"},
    "pt": {"portugues", "portuguese", "portugais", "potige", "pt"},
}


@dataclass(frozen=True)
class Detection:
    lang: str | None  # None when the message gives no clue
    confident: bool  # strong enough to switch away from the language in use


NLU_DIR = Path(__file__).resolve().parents[1] / "data" / "nlu"


@functools.lru_cache(maxsize=1)
def _word_model() -> tuple[dict[str, dict[str, int]], dict[str, int], int]:
    """Word counts per language from the bot's own NLU training data (a naive Bayes model).

    The examples are written as people type (shorthand, typos, no accents), which is exactly what
    a general-purpose detector misses on short messages.
    """
    counts: dict[str, dict[str, int]] = {lang: {} for lang in LANGUAGES}
    for lang in LANGUAGES:
        for path in sorted((NLU_DIR / lang).glob("*.yml")):
            doc = read_yaml(path)
            for block in doc.get("nlu") or []:
                for line in str(block.get("examples") or "").splitlines():
                    for w in fold(line.strip().lstrip("-")).split():
                        if not w.isdigit():
                            counts[lang][w] = counts[lang].get(w, 0) + 1
    totals = {lang: sum(c.values()) for lang, c in counts.items()}
    vocabulary = len({w for c in counts.values() for w in c})
    return counts, totals, vocabulary


def _word_probs(words: list[str]) -> dict[str, float] | None:
    """P(language | words) from the training-data word model; None when no word is known."""
    counts, totals, vocabulary = _word_model()
    known = [w for w in words if any(w in counts[lang] for lang in LANGUAGES)]
    if not known:
        return None
    logp = {
        lang: sum(math.log((counts[lang].get(w, 0) + 0.1) / (totals[lang] + 0.1 * vocabulary)) for w in known)
        for lang in LANGUAGES
    }
    top = max(logp.values())
    exp = {lang: math.exp(v - top) for lang, v in logp.items()}
    total = sum(exp.values())
    return {lang: v / total for lang, v in exp.items()}


@functools.lru_cache(maxsize=1)
def _langid():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
        ident.set_languages(list(LANGUAGES))
        return ident
    except Exception:  # pragma: no cover - the markers still work without it
        return None


def detect(text: str) -> Detection:
    """The language of ``text`` among es, en, fr, ht, pt.

    Three voices, each a probability over the five languages: the word model trained on the
    bot's NLU data, the marker words, and (from three words on) py3langid.
    """
    words = fold(text).split()
    if not words:
        return Detection(None, False)
    votes: list[tuple[float, dict[str, float]]] = []
    nb = _word_probs(words)
    if nb:
        votes.append((1.0, nb))
    markers = dict.fromkeys(LANGUAGES, 0.0)
    for w in words:
        langs = _INDEX.get(w)
        if langs:
            for lang in langs:
                markers[lang] += 1.0 / len(langs)
    if sum(markers.values()):
        total = sum(markers.values())
        votes.append((1.0, {lang: v / total for lang, v in markers.items()}))
    if len(words) >= 3:
        ident = _langid()
        if ident is not None:
            lang, prob = ident.classify(text)
            rest = (1 - prob) / (len(LANGUAGES) - 1)
            votes.append((0.7, {code: prob if code == lang else rest for code in LANGUAGES}))
    if not votes:
        return Detection(None, False)
    weight = sum(w for w, _ in votes)
    combined = {lang: sum(w * v[lang] for w, v in votes) / weight for lang in LANGUAGES}
    ranked = sorted(combined.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top - second < 0.05:
        return Detection(None, False)
    return Detection(best, top - second >= 0.3)


def language_of(text: str) -> str:
    """The language ``text`` is written in, else the default (a number, a name, an emoji)."""
    return detect(text or "").lang or DEFAULT_LANGUAGE


def chosen_language(text: str) -> str | None:
    """The language a person names ("english", "kreyòl", "en español") or picks by number (1-5)."""
    folded = fold(text)
    words = folded.split()
    for lang, names in LANGUAGE_WORDS.items():
        if folded in names or any(w in names and len(w) > 2 for w in words):
            return lang
    return None


def language_by_number(text: str) -> str | None:
    folded = fold(text)
    if folded.isdigit() and 1 <= int(folded) <= len(LANGUAGES):
        return LANGUAGES[int(folded) - 1]
    return None


def decide(text: str, current: str | None, chosen: bool) -> str:
    """The language to answer in: the one chosen, else the one detected, else the current one.

    A chosen language sticks; a detected one changes only when the person clearly writes in
    another language.
    """
    if chosen and current:
        return current
    found = detect(text)
    if current is None:
        return found.lang or DEFAULT_LANGUAGE
    if found.lang and found.lang != current and found.confident:
        return found.lang
    return current
