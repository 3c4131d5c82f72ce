"""bot.places.typos: a misspelt town is found; everyday words are no misspelt town."""

import pytest

from bot.places.gazetteer import Place
from bot.places.understand import understand
from tests.places.conftest import assert_at, assert_nowhere, where

ESQUIPULAS = Place("Esquipulas", "GT", 14.5667, -89.35, "America/Guatemala", 18000, "Chiquimula")


@pytest.mark.parametrize("text, lang", [("same town. i found the church you said but its closed", "en"),
                                        ("mesma cidade ainda, o cbp one marcou pra janeiro", "pt")])
def test_everyday_words_are_no_typo_of_a_town(knowledge, text, lang):
    # "same town" read as "sage town" (Bardstown, Kentucky), "cidade ainda" as Ciudad Guayana
    seen = understand(knowledge, text, previous=ESQUIPULAS, lang=lang)
    assert seen.place is None or seen.place is ESQUIPULAS, seen.as_json()
    assert seen.where is ESQUIPULAS


@pytest.mark.parametrize("text, name", [("estamos en piedra negra, hay albergue?", "Piedras Negras"),
                                        ("llegamos a nueva laredo", "Nuevo Laredo"), ("estoy en reynoza", "Reynosa")])
def test_a_misspelt_town_is_still_found(knowledge, text, name):
    assert understand(knowledge, text, lang="es").place.name == name


@pytest.mark.parametrize("text, lang, name", [("on nous a volé à uixtla, on a plus rien", "fr", "Huixtla"),
                                              ("a gente esta em manau sem dinheiro", "pt", "Manaus")])
def test_a_misspelt_town_after_a_plain_preposition(knowledge, text, lang, name):
    assert_at(knowledge, text, name, lang=lang)


@pytest.mark.parametrize("text, lang", [("estoy en la kalle con mis hijos", "es"), ("we are at the bus staion", "en"),
                                        ("to na rodoviara esperando", "pt"), ("estoy en migrasion", "es"), ("m nan lopital", "ht")])
def test_a_misspelt_everyday_place_is_no_town(knowledge, text, lang):
    assert understand(knowledge, text, lang=lang).place is None


@pytest.mark.parametrize("text, lang, name", [("estamos en eagle pas, nos soltaron con un papel", "es", "Eagle Pass"),
                                              ("estoy en mon terrey, donde hay albergue", "es", "Monterrey"),
                                              ("moro em b.h. preciso de advogado", "pt", "Belo Horizonte")])
def test_a_name_typed_in_pieces_or_with_a_short_last_word(knowledge, text, lang, name):
    # "eagle pas" was Eagle, Idaho (a three-letter last word was never a typo's end); "mon terrey" and
    # "b.h." (staff's alias "bh") nowhere
    assert_at(knowledge, text, name, lang=lang)


@pytest.mark.parametrize("text, lang", [("m te fe 6 mwa nan kan an, kounya m pa konn sa pou m fe", "ht"),
                                        ("estamos perdidos en el monte y se acaba la bateria", "es")])
def test_short_or_article_pieces_joined_are_no_town(knowledge, text, lang):
    # "te fe" joined is Tefé (Brazil), "el monte" El Monte (California): no one types those in pieces
    assert_nowhere(knowledge, text, lang=lang)


@pytest.mark.parametrize("text, lang, phone, name", [("san pedrosula, deported today from usa", "en", "HN", "San Pedro Sula"),
                                                     ("m nan Sao Pòlo, m vle al Etazini", "ht", "BR", "São Paulo")])
def test_a_misspelt_saints_town(knowledge, text, lang, phone, name):
    # "san", "sao" have three letters: typos were looked for from words of four
    assert_at(knowledge, text, name, lang=lang, phone_country=phone)


@pytest.mark.parametrize("text, phone, name", [("nou Kapougana, bato a pa vle pran nou", "CL", "Capurganá"),
                                               ("m ikik", "CL", "Iquique")])
def test_a_town_written_as_it_sounds_in_kreyol(knowledge, text, phone, name):
    # Kreyòl writes what is heard: no "r" before a consonant, no silent last letters, "ou" for "u"
    assert_at(knowledge, text, name, lang="ht", phone_country=phone)


@pytest.mark.parametrize("text, lang, name", [("au secours un homme nous menace, on est a montreyal", "fr", "Montréal"),
                                              ("m nan montreyal depi 1 an, m bezwen travay", "ht", "Montréal")])
def test_a_misspelt_town_starting_with_a_danger_stem(knowledge, text, lang, name):
    # "montre*" (a danger phrase's stem) made every word starting "montre" a danger word, never a typo
    assert_at(knowledge, text, name, lang=lang, phone_country="HT")


def test_another_languages_danger_stem_starts_a_misspelt_town(knowledge):
    # Portuguese "pedra*" (stones thrown) is no Spanish word of danger: "pedras negras" is Piedras Negras
    assert_at(knowledge, "hay albergue en pedras negras coahuila? somos 2 adultos y un niño", "Piedras Negras",
              lang="es", phone_country="VE")


@pytest.mark.parametrize("text", ["il me montre des photos porno, j ai peur", "il montrait ses parties aux enfants"])
def test_the_danger_stems_words_stay_no_town(knowledge, text):
    assert_nowhere(knowledge, text, lang="fr", phone_country="HT")


@pytest.mark.parametrize("text, lang", [("we applied in march and still no answer", "en"),
                                        ("mande los papeles en marzo y nada", "es")])
def test_everyday_words_joined_are_no_one_word_town(knowledge, text, lang):
    # "march and" is one letter from "Marchand", Dessalines's other name
    assert_nowhere(knowledge, text, lang=lang, phone_country="VE")


@pytest.mark.parametrize("text, lang, name", [("a gente ta aqui em ciudad acunha, tem abrigo?", "pt", "Ciudad Acuña"),
                                              ("nou rive nan siudad acunha yè", "ht", "Ciudad Acuña")])
def test_a_name_that_sounds_the_same_beats_a_bigger_town_a_few_letters_off(knowledge, text, lang, name):
    # "ciudad acunha" (the Portuguese "nh" for "ñ") was Cancún: "ciudad cancun" is close in spelling
    # and Cancún four times bigger
    assert_at(knowledge, text, name, lang=lang)


def test_another_spelling_followed_by_another_countrys_state_may_be_a_typo(knowledge):
    # "esquintla" is one of the names of Escuintla, Guatemala; with Chiapas after it, it is Escuintla, Chiapas
    seen = understand(knowledge, "estoy en esquintla chiapas, hay cruz roja cerca?", lang="es", phone_country="GT")
    assert seen.place is not None and (seen.place.name, seen.place.country) == ("Escuintla", "MX"), seen.as_json()
    alone = understand(knowledge, "estoy en esquintla", lang="es", phone_country="GT")
    assert alone.place is not None and alone.place.country == "GT", alone.as_json()


@pytest.mark.parametrize("text, name", [
    ("a mi esposo lo tienen detenido en el paso y yo sigo en jaurez con la niña", "Ciudad Juárez"),
    ("estoy sola en el albergue de tapachual y nadie me ayuda", "Tapachula"),
    ("estamos en tijuaan", "Tijuana"),
])
def test_two_letters_typed_in_turn(knowledge, text, name):
    assert_at(knowledge, text, name, lang="es")


def test_a_short_word_is_no_swapped_town(knowledge):
    # Kreyòl "bèlmè" (mother-in-law) is "belem" with two letters swapped
    seen = understand(knowledge, "bèlmè m malad lòtbò okay, si m al wè l m ap pèdi azil la?", lang="ht", phone_country="US")
    assert seen.place is None or seen.place.country != "BR", seen.as_json()


def test_a_misspelt_town_does_not_make_a_town_surely_named_ambiguous(knowledge):
    # "Mariani", a quarter of Carrefour, is one letter from Mariana, Brazil: that typo's reading made the bot ask (and
    # in danger give no town) where the person had said "je suis à Carrefour"
    seen = where(knowledge, "Je suis à Carrefour, près de Mariani, les gangs ont attaqué cette nuit", phone_country="HT",
                 danger=True, lang="fr")
    assert seen.place is not None and seen.place.name == "Carrefour", seen.as_json()


def test_an_x_before_a_consonant_sounds_as_s():
    # Kreyòl writes Huixtla as it sounds: "Wistla"; Tuxtla "Tustla"; "Meksiko" keeps its "ks"
    from bot.places.typos import phonetic

    assert phonetic("wistla") == phonetic("huixtla")
    assert phonetic("tustla") == phonetic("tuxtla")
    assert phonetic("meksiko") == phonetic("mexico")


def test_a_danger_word_may_start_a_misspelt_name_of_two_words(knowledge):
    # "alto" is in a danger phrase: no typo on its own, but the first word of "alto ospicio" (Alto Hospicio)
    assert_at(knowledge, "estoy en alto ospicio", "Alto Hospicio", lang="es", phone_country="VE")


def test_an_everyday_word_with_a_state_right_after_may_be_a_misspelt_town(knowledge):
    # "misión" is an everyday word, but "mision texas" names Mission, Texas; "desde texas" names no town before it
    assert_at(knowledge, "Estoy en Mision Texas con mi hijo, nos soltaron ayer", "Mission", lang="es", phone_country="HN")
    assert_nowhere(knowledge, "Estoy en EEUU pero no se en q ciudad, nos trajeron en avion desde texas",
                   lang="es", phone_country="VE")


@pytest.mark.parametrize("text, lang, name", [
    ("ando en troges el paraiso con unos cubanos, donde se saca el salvoconducto", "es", "Las Trojes"),
    ("acabamos de llegar a juston, el bus nos dejo en la greyhound", "es", "Houston"),
    ("nou nan Siyida Hwarez anba pon an", "ht", "Ciudad Juárez"),
])
def test_a_town_written_as_it_sounds_with_g_j_and_h(knowledge, text, lang, name):
    # Spanish "ge"/"gi" sound like "je"/"ji", and a "j" starting a word like English "h"
    assert_at(knowledge, text, name, lang=lang, phone_country="HT" if lang == "ht" else "VE")


@pytest.mark.parametrize("text, name", [("tamos en paso canoa del lado de panama esperando el bus", "Paso Canoas"),
                                        ("Llegue a peña blanca pero no me dejan pasar a nicaragua", "Peñas Blancas")])
def test_a_stop_staff_listed_written_without_its_plural(knowledge, text, name):
    # hamlets are called "Paso Canoa" (Oaxaca) and "Peña Blanca": the border crossings staff listed are meant
    assert_at(knowledge, text, name, lang="es", phone_country="VE")


@pytest.mark.parametrize("text, lang, phone", [("que es mejor texas o florida para pedir asilo?", "es", "HN"),
                                               ("donde esta mejor florida o texas", "es", "VE"),
                                               ("best place florida for asylum?", "en", "GH"),
                                               ("men burnt texas house we ran", "en", "GH")])
def test_an_everyday_or_danger_word_before_a_state_is_no_town_of_another_state(knowledge, text, lang, phone):
    # only after "in"/"en", and only a town of the state named right after ("mision texas"): no Manor or Pace
    assert_nowhere(knowledge, text, lang=lang, phone_country=phone)


@pytest.mark.parametrize("text, phone, name, country", [
    ("vivo en peña blanca santa cruz de yojoa", "HN", "Peña Blanca", "HN"),
    ("estoy en paso canoa oaxaca", "MX", "Paso Canoa", "MX"),
])
def test_a_village_whose_state_is_named_is_no_stop_of_a_plural_name(knowledge, text, phone, name, country):
    seen = where(knowledge, text, lang="es", phone_country=phone)
    assert seen.place is not None and (seen.place.name, seen.place.country) == (name, country), seen.as_json()


@pytest.mark.parametrize("text, phone", [("soy de honduras, estoy en peña blanca con mis hijos, mi marido me pega", "HN"),
                                         ("vivo en aguas calientes", "MX")])
def test_no_border_stop_of_another_country_for_a_village_of_the_phones_or_a_city_glued(knowledge, text, phone):
    seen = where(knowledge, text, lang="es", phone_country=phone)
    assert seen.place is None or seen.place.country == phone, seen.as_json()


def test_in_danger_a_village_spelling_is_no_border_stop_of_another_country(knowledge):
    # no phone country (the web chat): "peña blanca" in danger gave Costa Rica's emergency number
    seen = where(knowledge, "estoy en peña blanca con mis hijos, mi marido me pega", lang="es", danger=True)
    assert seen.place is None or seen.place.country != "CR", seen.as_json()


def test_gua_and_hua_sound_alike(knowledge):
    assert_at(knowledge, "estamos en guaquillas nos robaron las mochilas en el puente internacional", "Huaquillas",
              phone_country="VE", lang="es", danger=True)


def test_a_country_s_name_in_a_town_s_name_is_no_everyday_word(knowledge):
    assert_at(knowledge, "nou nan asis brazil bò fwontyè a, nou soti peru", "Assis Brasil", phone_country="BR", lang="ht")


@pytest.mark.parametrize("text, town", [
    ("nou Akounya", "Ciudad Acuña"),  # "ñ" is Kreyòl "ny", and the town is said without "Ciudad"
    ("akouna, bò larivyè a, tout moun ap dòmi atè", "Ciudad Acuña"),
    ("Managwa, nou sot Pòtoprens nan avyon", "Managua"),  # "gua" is Kreyòl "gwa"
])
def test_kreyol_writes_spanish_names_as_they_sound(knowledge, text, town):
    assert_at(knowledge, text, town, phone_country="HT", lang="ht")


def test_a_silent_h_the_name_lacks_is_no_spelling_of_it(knowledge):
    assert_nowhere(knowledge, "hakuna matata mes amis", phone_country="HT", lang="ht")  # no Acuña
    assert_at(knowledge, "juston texas, nou bezwen manje", "Houston", phone_country="HT", lang="ht")  # a "j" said "h"


@pytest.mark.parametrize("text, phone", [("Chuy me pego otra vez, estoy escondida en el baño", "MX"),
                                         ("madanm mwen disparet depi yè aswè, non l se Natali Jozef", "MX")])
def test_in_danger_a_near_spelling_with_no_cue_gives_no_second_country(knowledge, text, phone):
    # "Chuy" (a man's name) was a near spelling of Chuí: "if you are in Brazil, 190" under Mexico's 911
    seen = understand(knowledge, text, phone_country=phone, danger=True, lang="ht" if "mwen" in text else "es")
    assert seen.country == phone and seen.other_country is None, seen.as_json()


@pytest.mark.parametrize("text", ["m nan bele nan potoprens, yo boule kay la", "nou nan bele nan potoprens kounya"])
def test_no_misspelt_name_ends_in_a_preposition(knowledge, text):
    # "bele nan" was read as Belém misspelt, over Port-au-Prince named after it (2026-12-07)
    assert_at(knowledge, text, "Port-au-Prince", phone_country="HT", lang="ht")
