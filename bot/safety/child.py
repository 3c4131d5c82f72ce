"""A child writing: someone who says they are under 18 ("tengo 14 y estoy sola", "im 15", "m gen 13 an") gets, after
the answer, a word of caution and a person to write with. A child alone on the route is whom traffickers look for,
and "where are you?" for a list of services is not enough (a 15-year-old whose father ICE took that morning)."""

from __future__ import annotations

import re

from bot.textnorm import fold

# 10 to 17, in figures and in words (folded): younger children rarely write, 18 is of age
_AGE = (r"1[0-7]|diez|once|doce|trece|catorce|quince|dieciseis|diecisiete|diez y (?:seis|siete)"
        r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
        r"|dix|onze|douze|treize|quatorze|quinze|seize|dix sept|dis|onz|douz|trez|katoz|kenz|sez|diset"
        r"|dez|doze|treze|catorze|dezesseis|dezasseis|dezessete|dezassete")
# a number that counts something else ("tengo 15 dolares", "im 15 min away", "tenho 12 reais")
_NOT_AN_AGE = (r"(?! (?:dolares|dolar|pesos|lempiras|quetzales|soles|reales|reais|bolivares|dias|horas|meses|semanas"
               r"|minutos|min|mins|minutes|hours|hrs|days|weeks|months|miles|km|kilometros|dollars|bucks|hijos|ninos"
               r"|personas|people|kids|filhos|pessoas|jours|heures|semaines|mois|enfants|personnes|euros|jou|pitit|moun"
               r"|mil|cuadras|blocks|quadras|percent|por ciento|porciento)\b)")
CHILD = re.compile(
    rf"\b(?:tengo|yo tengo|tenho|eu tenho) (?:{_AGE})(?: anos| anitos| ano)?\b{_NOT_AN_AGE}"
    rf"|\b(?:im|i m|i am|iam) (?:{_AGE})(?:yo|yrs)?(?: years old| yrs old| year old| yo| y o| years| yrs)?\b{_NOT_AN_AGE}"
    rf"|\bj ai (?:{_AGE}) ans\b|\b(?:m|mwen) (?:gen|genyen|ge) (?:{_AGE}) an\b"
    r"|\b(?:soy|somos|sou) menor(?:es)?\b|\b(?:im|i m|i am|we are|were) (?:a )?(?:minor|minors|underage|under age)\b"
    r"|\b(?:je suis|on est|nous sommes) (?:mineur|mineure|mineurs|mineures)\b|\b(?:m|mwen|nou) (?:se )?(?:yon )?mine\b")


def child_writing(text: str) -> bool:
    """The writer says they are a child (any of the five languages: a child may write in the language of the road)."""
    return bool(text) and CHILD.search(fold(text)) is not None
