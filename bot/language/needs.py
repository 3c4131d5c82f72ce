"""Which service a message asks for, read from its words: the backstop when the NLU model could
not decide ("ma fille a 2 ans elle vomit depuis hier" is a need for medical care, not "I did not
understand").

The words are data (``need_words/<lang>.yml``), read in the person's language only: a word of one
language is often another's ("pain" is bread in French). Symptoms count for medical care. When
several needs are named, the one that cannot wait comes first (``URGENCY``); the person can still
say "menu".
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import replace
from pathlib import Path

from bot.safety.danger import PhraseMatcher, load_phrases
from bot.safety.first_aid import FROSTBITE, situations

URGENCY = ("medical", "protection", "shelter", "food", "water_hygiene", "psychosocial", "family_links", "legal",
           "connectivity")
WORDS_DIR = Path(__file__).resolve().parent / "need_words"
# An animal's bite ("un perro mordio a mi hijo"): medical care that cannot wait (rabies), and its own first aid;
# a bite counts only with an animal whose bite may carry rabies named ("mordedura de vibora" is the snake's advice,
# "the bed bugs bit me" no clinic, "wait a bit me and my kids" no bite)
BITE, BITE_ANIMALS = "bite", "bite_animals"


@functools.cache
def _matcher(lang: str) -> PhraseMatcher:
    phrases, safe_words = load_phrases(WORDS_DIR, (*URGENCY, BITE, BITE_ANIMALS))  # words never read as a typo of a need word
    mine = [p for p in phrases if p.lang == lang]
    # a need word is itself, never a typo of another: "kote m ka benyen" (bathe) is no "senyen" (bleed)
    exact = {p.words[0] for p in mine if len(p.words) == 1 and not p.words[0].endswith("*")}
    return PhraseMatcher(mine, safe_words | exact)


def _hits(text: str, lang: str) -> list:
    """The need phrases in ``text``: an animal's bite as medical care, the animal itself as nothing."""
    hits = _matcher(lang).hits(text)
    bitten = any(p.kind == BITE_ANIMALS for p in hits)
    return [replace(p, kind="medical") if p.kind == BITE else p for p in hits
            if p.kind != BITE_ANIMALS and (p.kind != BITE or bitten)]


def need_from_words(text: str, lang: str) -> str | None:
    """The category the message's words ask for most (the more urgent on a tie), or None."""
    counts = _counts(text, lang)
    if not counts:
        return None
    return max(counts, key=lambda kind: (counts[kind], -URGENCY.index(kind)))


@functools.cache
def _symptoms(lang: str) -> PhraseMatcher:
    phrases, _ = load_phrases(WORDS_DIR, ("symptoms",))
    return PhraseMatcher([p for p in phrases if p.lang == lang], _matcher(lang).safe_words)  # "benyen" is no "senyen"


def symptom_named(text: str, lang: str) -> bool:
    """The message names a symptom ("fiebre", "vomits", "bleeding", an animal's bite): medical care that cannot wait."""
    return bool(_symptoms(lang).hits(text)) or bite_named(text, lang)


def frostbite_named(text: str) -> bool:
    """The message says frostbite ("my toes are black from the cold", "engelures", "pye m nwa nan nej la"), in the first
    aid's words (``bot/safety/situations``): medical care when no other need is named (at -20, "frozen feet, where can
    we sleep" is a shelter), and its first aid with medical care or a shelter (``bot.dialogue.steps``)."""
    return FROSTBITE in situations(text)


def bite_named(text: str, lang: str) -> bool:
    """The message names an animal's bite ("a dog bit my son", "yon chen mode pitit mwen")."""
    hits = _matcher(lang).hits(text)
    return any(p.kind == BITE for p in hits) and any(p.kind == BITE_ANIMALS for p in hits)


def needs_named(text: str, lang: str) -> set[str]:
    """Every category the message's words ask for ("we need a shelter tonight, my son keeps vomiting")."""
    return set(_counts(text, lang))


def _counts(text: str, lang: str) -> Counter:
    hits = list({p.text: p for p in _hits(text, lang)}.values())
    # a word inside a longer phrase belongs to that phrase: "no puedo dormir" is no need for a bed
    inside = {w for p in hits if len(p.words) > 1 for w in p.words}
    counts = Counter(p.kind for p in hits if len(p.words) > 1 or not any(_same(p.words[0], w) for w in inside))
    if not counts and frostbite_named(text):
        counts["medical"] += 1
    return counts


def _same(pattern: str, word: str) -> bool:
    """A word of a phrase is the pattern, or begins with its stem ("clinica*" in "clinica legal")."""
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern
