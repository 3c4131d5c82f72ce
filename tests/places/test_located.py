"""``bot.places.located``: a reading counts only when the message itself places it."""

import pytest

from bot.places.understand import understand
from tests.places.conftest import assert_at, assert_nowhere, where


@pytest.mark.parametrize(
    "text, name",
    [
        ("we just arrived lajas blancas", "Lajas Blancas"),  # a strong "here" cue, even before a small town
        ("estoy en la terminal de Reynosa", "Reynosa"),  # a landmark of a city
        ("Tapachula", "Tapachula"),  # the name alone is its own clause
        ("necesito comida. Tapachula", "Tapachula"),
    ],
)
def test_the_message_places_the_town(knowledge, text, name):
    assert_at(knowledge, text, name)


@pytest.mark.parametrize(
    "text",
    [
        "fre m nan nouyok",  # someone else's place, whatever else is said
        "m okay, mesi",  # staff's "okay" (Les Cayes) after "m" is "I am well"
        "necesito un centro de salud",  # "salud" is a word, not La Salud
        "estamos al puente, ayuda",  # Spanish towns take no article but their own: "al puente" is a bridge
    ],
)
def test_words_alone_never_place_a_town(knowledge, text):
    assert_nowhere(knowledge, text)


def test_where_someone_comes_from_is_not_where_they_are(knowledge):
    seen = where(knowledge, "im from san pedro sula honduras")
    assert seen.place is None or seen.place.name != "San Pedro Sula", seen.as_json()


def test_a_staff_alias_first_with_a_landmark_after_is_placed(knowledge):
    # "mc allen" (staff's McAllen) at the start, then the bus station: placed; "gwo mon" (a big hill, staff's Gros
    # Morne) at the start of a sentence about walking is not
    seen = understand(knowledge, "mc allen bus staton, anyone know where the respite center is?", phone_country="HN", lang="en")
    assert seen.place is not None and seen.place.name == "McAllen", seen.as_json()
    seen = understand(knowledge, "gwo mon nan te two di pou timoun yo, nou mache 3 jou nan fore a", phone_country="HT", lang="ht")
    assert seen.place is None, seen.as_json()


@pytest.mark.parametrize("text, phone, country", [
    # a road named after a town is no landmark in it: a city's size does not make "la route de X" that city
    # (Saint-Laurent, Québec, for a child bleeding on the road to Saint-Laurent-du-Maroni)
    ("on est sur la route de saint-laurent, mon fils saigne", "GF", "GF"),
    ("on est sur la route de saint-laurent, mon fils saigne", "HT", "HT"),
])
def test_a_road_named_after_a_city_is_not_in_it(knowledge, text, phone, country):
    from bot.places.understand import understand

    seen = understand(knowledge, text, phone_country=phone, danger=True, lang="fr")
    assert seen.place is None and seen.country == country, seen.as_json()


@pytest.mark.parametrize("text, lang, phone, name, country", [
    # a name typed with its hyphens is a name, however everyday its words ("fort", "france")
    ("fort-de-france je suis à la rue avec mes enfants, ma fille fait une crise d'asthme", "fr", "HT", "Fort-de-France", "MQ"),
    # the town the message opens with, then one it is only near
    ("ouanaminthe près du pont de dajabon, les militaires dominicains ont frappé mon frère", "fr", "HT", "Ouanaminthe", "HT"),
    ("tijuana, in the camp near el chaparral. cartel men want to take my son", "en", "HT", "Tijuana", "MX"),
    ("chihuahua cerca de juarez, me quieren matar", "es", "HN", "Ciudad Juárez", "MX"),  # a state opening: near its town
    ("dajabon pre pon wanament la, solda yo bat nou", "ht", "DO", "Dajabón", "DO"),  # a town across the border
    # a country named between the two; an everyday word's namesake beside the town it is near ("bonfim": good end)
    ("Letícia, na Colômbia, do lado de Tabatinga, vim de Manaus e roubaram minha mochila com faca", "pt", "BR", "Leticia", "CO"),
    ("bonfim, do lado de lethem, roubaram tudo e me bateram", "pt", "GY", "Bonfim", "BR"),
    ("dajabon, ayiti, pre wanament, yo bat mwen", "ht", "HT", "Ouanaminthe", "HT"),  # the country between is the other's
    # two hyphened words are no name on their own: Bel-Air is a Port-au-Prince neighbourhood, not Maryland's (a review)
    ("je suis a bel-air, port-au-prince, on tire partout", "fr", "HT", "Port-au-Prince", "HT"),
    # a name typed with its capitals ("by Eagle Pass"), however everyday its words
    ("we are at the river by Eagle Pass, water is strong, my wife fell in", "en", "VE", "Eagle Pass", "US"),
])
def test_the_town_the_person_is_in_in_danger(knowledge, text, lang, phone, name, country):
    seen = understand(knowledge, text, phone_country=phone, danger=True, lang=lang)
    assert seen.place is not None and (seen.place.name, seen.country) == (name, country), seen.as_json()


def test_only_a_whole_hyphened_token_is_typed_as_a_name(knowledge):  # a guard
    # "saint-bernard" is half of Saint-Bernard-de-Lacolle, no Saint Bernard, Ohio
    seen = understand(knowledge, "saint-bernard-de-lacolle, on vient de new york, la police nous a arrêtés au passage",
                      phone_country="US", lang="fr")
    assert seen.place is None or seen.place.country == "CA", seen.as_json()


@pytest.mark.parametrize("text, lang, phone, name", [
    # a town cried as the message's first clause is where the person is, as one with a full stop (2026-12-07)
    ("pacaraima! queremos ir a boa vista pero aqui en la calle un hombre se quiso llevar a mi hija", "es", "VE", "Pacaraima"),
    ("el paso!! my husband was beaten by a gang outside the shelter and now he doesnt wake up", "en", "VE", "El Paso"),
    ("santa marta!! nos robaron", "es", "CO", "Santa Marta"),
])
def test_a_town_cried_first_is_where_the_person_is(knowledge, text, lang, phone, name):
    assert_at(knowledge, text, name, phone_country=phone, danger=True, lang=lang)


@pytest.mark.parametrize("text, lang, phone", [
    ("VICTORIA!! ayudame", "es", "MX"), ("esperanza! no me dejes, me duele", "es", "MX"),
    ("socorro! me estan golpeando", "es", "MX"), ("jesus! me robaron todo", "es", "MX"),
])
def test_a_cried_name_or_word_is_no_town(knowledge, text, lang, phone):  # a guard
    assert_nowhere(knowledge, text, phone_country=phone, danger=True, lang=lang)


@pytest.mark.parametrize("text, lang, phone, name, country", [
    ("en el amatillo nos tienen retenidos, ayuda", "es", "HN", "El Amatillo", "HN"),
    ("llegamos a sapzurro en lancha, mi hija tiene fiebre", "es", "VE", "Sapzurro", "CO"),
])
def test_a_crossing_or_village_staff_listed_is_understood(knowledge, text, lang, phone, name, country):
    # route stops GeoNames' cities500 lacks, added to knowledge/places/route.yml (2026-12-07)
    seen = where(knowledge, text, phone_country=phone, lang=lang)
    assert seen.place is not None and (seen.place.name, seen.place.country) == (name, country), seen.as_json()
