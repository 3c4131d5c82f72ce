"""Rights answers: the text for a topic and country, its source and review date, and legal help."""

from __future__ import annotations

from bot import clock
from bot.answers.reply import Reply
from bot.answers.services import service_brief
from bot.knowledge.model import KnowledgeBase, RightsEntry, pick
from bot.knowledge.search import ServiceIndex
from bot.language.catalogue import t
from bot.places.gazetteer import Place
from bot.safety.alarm import tells_detention
from bot.textnorm import fold

# Words that point to a rights topic, in the five languages (folded).
TOPIC_WORDS = {
    "detention": "deten detien detuv arrest encerr estacion carcel preso presa jail detain detention custody "
    "agarr atrap kenbe arete prizon prison arret detenu detido detencao preso cadeia",
    "deportation": "deport devolv regres retorno expuls sacar mandar send back renvoy renvoi rapatri depote voye retou "
    "remand devolver devuelv deportacao repatri",
    "children": "nino nina menor menores hijo hija hijos child children kid minor enfant mineur pitit timoun "
    "crianca criancas menor filho filha adolescente separ",
    "health": "salud hospital hopital medic doctor clinica atencion health care medical sante soin lopital "
    "swen sante saude atendimento sus",
    "asylum": "asilo refugi refugee asylum asile refije azil refugio solicitar protection proteccion comar",
}
DEPORT_STEMS = ("deport", "depot", "expuls", "renvoi", "renvoy")  # a deportation asked about by its name
CHILD_STEMS = tuple(w for w in TOPIC_WORDS["children"].split() if w != "separ")  # the child words themselves
# Words that ask about rights themselves, not only name a child or a hospital as the topic words do: after an
# emergency answer the rights text follows only when one of them is said. Whole words or pairs ("derecho" is also
# "straight on", "dwat" and "droit" the right arm, "direito" also "properly": "não respira direito"), then stems
# that are no everyday word's start.
RIGHTS_WORDS = frozenset("derechos rights droits dwa direitos asilo asylum asile azil refijye legal".split())
RIGHTS_PAIRS = frozenset({("derecho", "a"), ("droit", "a"), ("droit", "de"), ("droit", "d"),  # not "bras droit"
                          ("tenho", "direito"), ("tem", "direito"), ("temos", "direito"), ("o", "direito"),
                          ("meu", "direito"), ("nosso", "direito"), ("ter", "direito"), ("do", "direito"),
                          ("qual", "direito"), ("direito", "ao")})  # not "respira direito a noite toda"
RIGHTS_STEMS = ("deport", "depote", "abogad", "lawyer", "attorney", "avocat", "avoka", "advogad", "refugiad")


def asks_rights(text: str) -> bool:
    """Whether the words ask about rights ("tengo derecho a", "can i ask for asylum"), not only tell of a child."""
    words = fold(text).split()
    return any(w in RIGHTS_WORDS or w.startswith(RIGHTS_STEMS) for w in words) or \
        not RIGHTS_PAIRS.isdisjoint(zip(words, words[1:]))


# "estamos en turbo con 3 niños": children the person travels with are who, not what the question is about (the
# text for children alone would answer a family's rumour about the border). Companions, then at most two words
# that say whose or how many.
WITH_WORDS = frozenset("con with avec ak com junto".split())
WHOSE_WORDS = frozenset("mi mis my mon ma mes meu meus minha minhas nuestro nuestros nuestras our nos nou los las "
                        "the les os as yo mwen dos tres two three deux trois de twa kat duas quatro cuatro four "
                        "quatre".split())
HAPPEN_WORDS = frozenset("pasa pasara pasaria sucede ocurre acontece acontecera rive happens happen arrive arrivera "
                         "passe".split())  # "¿qué pasa con mis hijos?" asks about them


def _companion(words: list[str], i: int) -> bool:
    """Whether the child word at ``i`` is one the person travels with ("con mis 3 hijos", "avec mes enfants")."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if words[j] in WITH_WORDS:
            return j == 0 or words[j - 1] not in HAPPEN_WORDS
        if not (words[j] in WHOSE_WORDS or words[j].isdigit()):
            return False
    return False


def topic_of(text: str) -> str | None:
    """The rights topic a question is about, or None when it does not say. A person taken by ICE or "la migra" is a
    detention, whatever else is named ("ICE took my husband, i have 3 kids"), unless a deportation is asked about."""
    words = fold(text).split()
    words = [w for i, w in enumerate(words) if not (w.startswith(CHILD_STEMS) and _companion(words, i))]
    scores: dict[str, int] = {}
    for topic, stems in TOPIC_WORDS.items():
        for stem in stems.split():
            if any(w.startswith(stem) for w in words):
                scores[topic] = scores.get(topic, 0) + 1
    if tells_detention(text) and not any(w.startswith(DEPORT_STEMS) for w in words):
        return "detention"  # (not "he never came back", "me mandaron un papel": deportation's other stems)
    if not scores:
        return None
    order = list(TOPIC_WORDS)  # ties go to the more specific topic
    return max(scores, key=lambda k: (scores[k], -order.index(k)))


def find_entry(kb: KnowledgeBase, topic: str, country: str) -> RightsEntry | None:
    """The entry for ``topic`` in ``country``; never one past its ``valid_until`` (checked at answer time:
    the knowledge loaded yesterday is still in memory today)."""
    entry = kb.rights.get((country, topic))
    return None if entry is None or entry.expired(clock.today()) else entry


def format_entry(entry: RightsEntry, lang: str) -> str:
    sources = "; ".join(f"{s.title}{' ' + s.url if s.url else ''}" for s in entry.sources)
    date = entry.reviewed_on.isoformat() if entry.reviewed_on else "?"
    return "\n".join(
        [
            pick(entry.text, lang),
            t(lang, "rights_disclaimer"),
            t(lang, "rights_source", sources=sources, date=date),
        ]
    )


def rights_answer(kb: KnowledgeBase, topic: str, country: str, lang: str) -> Reply:
    """The rights text for ``topic`` in ``country``, falling back to international law."""
    entry = find_entry(kb, topic, country) if country else None
    reply = Reply()
    if entry is None:
        fallback = find_entry(kb, topic, "INT")
        if country and country in kb.countries:
            reply.add(t(lang, "rights_none", country=pick(kb.countries[country].name, lang)))
        if fallback is None:
            reply.add(t(lang, "rights_legal_ask"))
            return reply
        entry = fallback
    reply.add(format_entry(entry, lang))
    return reply


def rights_asking_country(kb: KnowledgeBase, topic: str, lang: str) -> Reply:
    """Without a country: the international baseline at once, then the question which country."""
    return rights_answer(kb, topic, "INT", lang).add(t(lang, "rights_which_country"))


def legal_help(index: ServiceIndex, place: Place | None, country: str, lang: str) -> str:
    """The nearest legal service (within 100 km of the place, in the country of the answer), else the
    question whether the person wants legal help."""
    if place is not None and place.country == country:
        result = index.nearest("legal", place.latitude, place.longitude, radii=(25.0, 100.0), country=place.country)
        if result.hits:
            return f"{t(lang, 'rights_legal_offer')} {service_brief(result.hits[0], lang, with_distance=False)}"
    return t(lang, "rights_legal_ask")
