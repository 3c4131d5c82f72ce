"""bot.places.written: a town's name written with the article fused before it ("au Cap", "al Progreso") or
its saint in another language ("São José, na Costa Rica"); and the everyday nouns so written ("au carrefour")."""

import pytest

from tests.places.conftest import assert_at, assert_nowhere, where


@pytest.mark.parametrize("text", ["on attend au carrefour près du marché, le bus ne vient pas",
                                  "je dors au terminal depuis deux jours", "on se retrouve au pont, il fait froid"])
def test_french_au_and_an_everyday_noun_is_no_town(knowledge, text):
    assert_nowhere(knowledge, text, lang="fr", phone_country="MX")


def test_french_au_carrefour_in_danger_gives_no_haitian_number(knowledge):
    # at the crossroads, not Carrefour, Haiti: with no phone, no country at all (the route's numbers)
    seen = where(knowledge, "nous sommes au carrefour devant la pharmacie, mon fils a disparu", lang="fr", danger=True)
    assert seen.place is None and seen.country is None and seen.other_country is None, seen.as_json()


def test_spanish_al_before_a_town_whose_name_has_el(knowledge):
    # "al paraíso" is "a El Paraíso": the Honduran town by the road from Danlí, not Paraíso, Tabasco
    danli = knowledge.places.candidates("danli")[0]
    assert_at(knowledge, "ya llegamos al paraiso, donde hay comida?", "El Paraíso", lang="es", previous=danli)


@pytest.mark.parametrize("text, name", [("on est au Cap depuis hier, on a faim", "Cap-Haïtien"),
                                        ("je suis aux Cayes avec mes enfants", "Les Cayes"),
                                        ("je suis à carrefour chez ma tante, je cherche du travail", "Carrefour")])
def test_french_towns_whose_name_takes_the_article_or_none(knowledge, text, name):
    assert_at(knowledge, text, name, lang="fr", phone_country="HT")


@pytest.mark.parametrize("text, lang, name, country", [
    ("on est au lamentin, on cherche un logement", "fr", "Le Lamentin", "MQ"),  # not Guadeloupe's Lamentin
    ("au secours je suis au lamentin, un homme me frappe", "fr", "Le Lamentin", "MQ"),  # (France's numbers, not Haiti's)
    ("on est à lamentin en guadeloupe, on cherche un logement", "fr", "Lamentin", "GP"),
    ("on vit aux gonaives depuis 2 ans, on a besoin de manger", "fr", "Gonaïves", "HT"),  # "aux": no article's namesake
    ("llegamos al retiro y nos robaron", "es", "Retiro", "CO"),  # GeoNames drops many names' "El": not Spanish "al"
    ("je suis au borgne on veut me tuer", "fr", "Borgne", "HT"),  # named "le borgne" itself (a second review)
    ("je vis au limbe, j'ai besoin d'aide pour manger", "fr", "Lenbe", "HT"),
])
def test_au_before_a_name_of_namesakes_is_the_one_whose_name_has_le(knowledge, text, lang, name, country):
    seen = where(knowledge, text, lang=lang, phone_country="VE" if lang == "es" else "HT", danger="secours" in text or "tuer" in text)
    assert seen.place is not None and (seen.place.name, seen.place.country) == (name, country), seen.as_json()


@pytest.mark.parametrize("text, lang, name, country", [
    ("a gente tá em São José, na Costa Rica, sem dinheiro", "pt", "San José", "CR"),  # a saint in the writer's tongue
    ("estoy en san paulo, brasil, busco trabajo", "es", "São Paulo", "BR"),
    ("chegamos em são josé, faltam 20 km pra casa", "pt", "São José", "BR"),  # no country named: the name as written
])
def test_a_saints_town_written_the_other_languages_way(knowledge, text, lang, name, country):
    seen = where(knowledge, text, lang=lang, phone_country="BR" if lang == "pt" else "VE")
    assert seen.place is not None and (seen.place.name, seen.place.country) == (name, country), seen.as_json()


@pytest.mark.parametrize("text, name", [("estamos en san pedro sulaa sin nada", "San Pedro Sula"),
                                        ("orlandoo, kote m ka jwenn manje", "Orlando"),  # not Orland Park
                                        ("we are in tallahassee", "Tallahassee")])  # a name that ends so stays itself
def test_a_last_letter_held_is_the_name(knowledge, text, name):
    assert_at(knowledge, text, name)


@pytest.mark.parametrize("text, lang", [("on est au cap depuis hier, ma fille a de la fièvre", "fr"),
                                        ("m nan kap ayisyen, m bezwen yon doktè", "ht")])
def test_cap_haitien_by_the_names_people_use(knowledge, text, lang):
    assert_at(knowledge, text, "Cap-Haïtien", phone_country="HT", lang=lang)


def test_kreyol_kap_is_who_is_not_cap_haitien(knowledge):
    assert_nowhere(knowledge, "moun kap vann manje yo di nou ale", phone_country="HT", lang="ht")


@pytest.mark.parametrize("text", ["m rete okay, nou bezwen manje", "nou rive okay yè swa, timoun yo grangou"])
def test_staffs_okay_after_a_verb_of_staying_or_arriving_is_les_cayes(knowledge, text):
    # a cue of two words is no bare pronoun ("m okay, mesi" is "I am okay")
    assert_at(knowledge, text, "Les Cayes", phone_country="HT", lang="ht")


@pytest.mark.parametrize("text, phone", [("au Cap, y a-t-il un bureau de l'OIM pour les rapatriés ?", "HT"),
                                         ("on est au cap depuis hier", "VE")])
def test_au_cap_is_staffs_le_cap_alias(knowledge, text, phone):
    # staff's "le cap" is Cap-Haïtien; "au" is "à le": the alias counts as staff's, not as the everyday "cap"
    assert_at(knowledge, text, "Cap-Haïtien", lang="fr", phone_country=phone)


@pytest.mark.parametrize("text, lang, name", [("m te nan Santo Domingo, kounye a m nan Kap", "ht", "Cap-Haïtien"),
                                              ("je viens d'atterrir à MIA avec le parole, je connais personne", "fr", "Miami")])
def test_an_alias_typed_as_staff_wrote_it(knowledge, text, lang, name):
    assert_at(knowledge, text, name, lang=lang, phone_country="HT")


@pytest.mark.parametrize("text, lang", [("gen yon fanm nan kay la k ap vann jen fi yo, m pe pale", "ht"),
                                        ("pos si, mia hija esta bien, gracias", "es")])
def test_an_alias_typed_otherwise_is_the_everyday_word(knowledge, text, lang):
    # Kreyòl "k ap" joined is no "Kap", Spanish "mia" no "MIA"
    assert_nowhere(knowledge, text, lang=lang, phone_country="HT")


@pytest.mark.parametrize("text", ["J'habite au François, c'est loin de Fort-de-France", "on est au François chez une cousine"])
def test_a_first_name_with_the_towns_article_fused_is_the_town(knowledge, text):
    # "au François" is Le François: no one says "au" before a man's name (the name's commonness made it no town)
    assert_at(knowledge, text, "Le François", lang="fr", phone_country="MQ")


@pytest.mark.parametrize("text", ["au secours je suis au quartier, des hommes me menacent avec un couteau",
                                  "on est au quartier depuis hier"])
def test_a_common_noun_after_au_stays_a_noun_after_a_cue_of_being_there(knowledge, text):
    # "au quartier" (the neighbourhood) was The Quarter, Anguilla: the list of every country's numbers in danger
    seen = where(knowledge, text, lang="fr", phone_country="GP", danger="secours" in text)
    assert seen.place is None and seen.country == "GP", seen.as_json()


@pytest.mark.parametrize("text", ["je parle a francois de mon probleme", "je parle au Robert demain", "j'ai payé au marin",
                                  "le di el dinero al pollero y nos dejo al paso"])
def test_a_name_or_noun_after_au_with_no_place_cue_stays_a_word(knowledge, text):  # a guard
    assert where(knowledge, text, lang="es" if "dinero" in text else "fr").place is None
