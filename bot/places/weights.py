"""The weights of the evidence for a place reading, and the bars a reading must pass
(:mod:`bot.places.resolve`). Calibrated on tests/places/eval; see the README's place section."""

import math

# Evidence weights, in "points"; a reading needs ACCEPT points to be taken without asking.
W_POPULATION = 0.6  # per power of ten of the population
W_STAFF_PLACE = 2.0  # a stop or alias staff added on purpose ("sps", "tegus", "cdmx")
W_ALTERNATE_NAME = -0.3  # matched one of GeoNames' alternate names, not the town's own name
W_COMMON = -1.6  # per Zipf point the words are more frequent than a town of that size explains
COMMON_SLACK = 0.8
# A name of several words sent alone ("eagle pass", "boa vista"): the words' frequency estimates the phrase's
# from its words as if they went together, above what a town's name of that size explains
PHRASE_SLACK = 1.0
COUNTRY_AFTER_SLACK = 1.0  # "la union el salvador": the town's country right after it explains as much again
FAME_OFFSET = 2.2  # a town of 10^k people is written about as often as a word of Zipf k - 2.2


def fame_zipf(population: int) -> float:
    """How often a town of that size is written, as a word's Zipf frequency (at least 1)."""
    return max(1.0, math.log10(max(population, 10)) - FAME_OFFSET)
W_LONGER = 0.7  # per extra word: "san pedro sula" says more than "sula"
W_CUE = {"current": 2.5, "preposition": 1.2, "of": 0.8, "origin": -4.0, "destination": -3.5}
W_PRESENT_NAME = 0.3  # one word right after a current cue, no article between ("estamos en david")
W_ASKED_ABOUT = -3.5  # "dicen que en X dan papeles", "is it safe in X?": a town asked about, not where they are
W_BETWEEN = -4.0  # "entre tapachula y huixtla": on the road between two towns, at neither
W_OTHER_PERSON = -5.0  # "mi hermano está en X": someone else is there, not the person writing
SAINTS = frozenset("san santa santo sao saint sainte st nuestra nossa".split())
SAINT_WORDS = SAINTS | {"sen", "sent"}  # and Kreyòl's ("Sen Jozef", "Sent An")
# Short words that start many names: a typo of the words after them may be the town ("Del Riyo" is Del Rio)
SHORT_STARTS = SAINTS | {"del", "las", "los", "rio", "sen"}
W_NAME_FOLLOWS = -3.5  # "mi hija Rosario": a person's name
W_DETERMINER = -3.0  # "minha fortaleza", "as canoas", "the mission": a common noun, not a town
W_ARTICLE_NOUN = -1.5
ARTICLE_NOUN_ZIPF = 4.0
NO_DEL_AFTER = frozenset(("en", "in", "nan", "em", "a", "at", "to", "na", "no", "m", "n", "mwen", "nou"))  # "en del rio", "m Del Rio" (Kreyòl: "I am in"): Del Rio; "cerca del" contracts
BIG_CITY = 500_000
DEFINITE = frozenset("la el los las le les the os as l".split())
IN_THE = {"pt": frozenset("na no nas nos".split()), "fr": frozenset(("au", "aux")), "es": frozenset(("al", "del"))}  # "at/of the", one word ("el nombre del pueblo")
# French and Spanish say "à Carrefour", "a Tapachula" but "au Cap" (Le Cap), "al Progreso" (El Progreso): "au", "al"
# before a town whose own name has no article make a common noun; Portuguese gives towns articles ("no Recife")
NAME_ARTICLE = {"au": "le ", "aux": "les ", "al": "el "}
W_ARTICLE_MISSING = -1.0  # a namesake without "Le" after French "au", when another's own name has it (score.py)
# "del" (of the) comes before many names ("virgen del rosario", "villa del carmen"): only the commonest nouns
IN_THE_ZIPF = {"del": 5.0}
ARTICLELESS_TOWNS = frozenset(("fr", "es"))  # towns take no article but their own name's
W_IN_THE = {lang: W_DETERMINER if lang in ARTICLELESS_TOWNS else W_ARTICLE_NOUN for lang in IN_THE}
# Portuguese "a" and "o" are also "the" ("a cascavel", "o rio"); elsewhere "a" is "to" or "at".
POSTPOSED = ("la", "a", "an", "lan", "yo")  # "yo" is also "they": not after a name
W_ARTICLE_AFTER = -3.0  # Kreyòl puts "the" after the noun: "teminal la reynosa"
W_WITHIN_AFTER = 0.8  # "Miami airport, denied entry": a place within the town, named after it
W_NOW_AFTER = 1.5  # "escuintla now": a now-word right after the name
W_NOW = 1.0  # "ahora estamos en", "now we are in": where they are now, not where they were
W_CAPITALISED = 0.8
W_HEADING = 1.7  # "Choluteca. me robaron...": the message starts with the name and a full stop or comma
W_FIRST = 0.8  # "juchitan unos hombres...": a rare word first in the message, no stop after it
W_ALONE = 2.0  # the message is the name (and maybe a preposition)
W_EXPECTED = 1.5  # the bot has just asked where the person is
W_COUNTRY_NAMED = 2.0
TOWN_OF_A_COUNTRY_NAME = 5_000  # "Columbia SC", "mexico missouri": a town named like a country, its state after it (not a hamlet)
W_OTHER_COUNTRY_NAMED = -2.5
W_AGENCY = 1.5  # an agency of the town's country named (countries.yml: agencies), of namesakes in several
W_BORDER_COUNTRY_NAMED = -0.5  # the other country is within BORDER_KM
BORDER_KM = 40.0
W_AT_BORDER = 2.0  # the town lies at the border of a country the message names (to cross, from, across)
W_ADMIN1_NAMED = 2.5
W_REGION_NAMESAKE = -3.5  # a town named like a region it is not in (Darien, Illinois for the Darién)
W_ADMIN1_BESIDE = 1.0
W_PHONE_COUNTRY = 1.5
W_NEAR_PHONE_COUNTRY = 0.5  # within a day or two's travel of the phone's country, across its border
NEIGHBOUR_DWARFED = 5  # ... but not against a namesake five times bigger
DWARFED = 300  # a namesake this many times bigger: in danger the phone's country counts half; and no town named lends
# its country to a namesake so dwarfed (context.py)
SPLIT_DWARFED = 5  # "george town": read as Georgetown too when the town so glued is five times the biggest so spaced
PHONE_DWARFED = 20  # outside danger, the phone's country counts half against a namesake 20 times bigger (was 300:
# "llegamos bien a monterrey" from a Colombian phone took Monterrey, Casanare; 10, 20, 50, 100 tried: 20 best)
W_CONVERSATION_COUNTRY = 2.0
W_NEAR_PREVIOUS = 0.75  # within PREVIOUS_KM of the conversation's last place, and again within NEAR_PREVIOUS_KM
PREVIOUS_KM = 400.0  # a day or two on the road: farther, the last place says little about this one
NEAR_PREVIOUS_KM = 150.0  # about a day: of two namesakes on the road ahead, the nearer
OUTPLACED = 2.0  # a namesake unplaced by the message but this much likelier by the conversation leaves neither taken
OUTPLACED_CONTEXT = W_CONVERSATION_COUNTRY + W_NEAR_PREVIOUS  # (what a last place nearby gives, or an agency with the phone)
W_ROUTE = 0.5
W_LANGUAGE_COUNTRY = 1.0
# the countries of the Americas that speak the language: "estou em salvador" is Bahia, "à ottawa" Ontario, "in
# georgetown" Guyana (English: only the Caribbean's, as the US's and Canada's namesakes are known anyway)
LANGUAGE_COUNTRIES = {"pt": frozenset(("BR",)), "fr": frozenset(("CA", "HT", "GF", "GP", "MQ")),
                      "en": frozenset(("TT", "JM", "GY", "BS", "BB", "BZ", "AG", "GD", "KN", "LC", "VC", "KY", "TC", "VG", "VI", "AI", "BM"))}
ROUTE_KM = 200.0  # "on the route": this close to a stop or alias staff listed in knowledge/places
W_TYPO = -0.3  # a misspelt name counts a little less than the name written right (was -0.5: "à uixtla", "ya casi en huistla" fell just short)
W_AREA_OF = -2.0  # "la région de X": around the town, weaker than a town named as the place itself
W_NEAR_OTHER = 2.0  # within NEAR_OTHER_KM of another town the message names (where they came from, go to)
NEAR_OTHER_KM = 150.0
# A town's sound this close to a name in the state named right after it is that town ("kolombis ohayo"): the state
# leaves few towns to choose from, so a looser match than a typo's anywhere
STATE_SOUND_RATIO = 75
W_SAME_COUNTRY_OTHER = 1.0  # farther, but in the country of another town the message names (of namesakes in two)
W_NAMED_AGAIN = 1.0  # the town named again by other words: a landmark staff listed in it, its nickname
W_INSIDE_LONGER = 1.5  # "rosario" inside "villa del rosario": the longer name wins unless far behind
W_STATE_OF_NEIGHBOUR = -2.0  # "Juárez, Chihuahua": Chihuahua is the state of the town before it
MAX_NAMESAKES = 20  # the biggest towns of one name; hundreds of hamlets called "San José" add only time
SAME_PLACE_KM = 30.0  # two readings this close are one place (GeoNames lists some towns twice)
ACCEPT = 3.5
ACCEPT_IN_DANGER = 3.5
RARE_NAME_POPULATION = 5_000
NAME_WORD_ZIPF = 3.5  # a longer town's extra word rarer than this in every language names ("Panama City Beach")
EVERYDAY_ALIAS_ZIPF = 5.0  # a staff alias this common a word ("okay": Les Cayes) needs "in" or a capital before it
HERE_POPULATION = 50_000  # a town this big, said to be where the person is, outweighs the other towns named
# Closer than this, two readings in two countries are asked about: the other country means other
# emergency numbers and other laws (about 10x in population). Within one country the better reading
# is taken: a question costs the person a turn, a wrong namesake there only the distances.
MARGIN = 0.6
# A place said to be here this surely (no typo, past a current cue) answers "where are you?" over the intent the model
# read ("ya volvimos a valensia" as a goodbye); not Kreyòl sayings read as towns ("m nan men bondye": South Gate)
SAID_HERE = ACCEPT + 1.0
SUGGEST = 1.5  # below ACCEPT but above this: offered as "did you mean"
