"""The rule-based danger check on the project's own danger test sets (written apart from the phrases)."""

from pathlib import Path

import pytest
import yaml

from bot import LANGUAGES
from bot.safety.danger import check

SETS = Path(__file__).resolve().parents[1] / "danger"


def load(lang):
    return yaml.safe_load((SETS / f"{lang}.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_recall_is_complete(lang):
    doc = load(lang)
    assert len(doc["danger"]) >= 15
    missed = [d["text"] for d in doc["danger"] if not check(d["text"])]
    assert missed == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_false_alarms_at_most_two_percent(lang):
    ordinary = load(lang)["ordinary"]
    alarms = [t for t in ordinary if check(t)]
    assert len(alarms) / len(ordinary) <= 0.02, alarms


def test_kinds():
    assert check("me violaron anoche").kind == "sexual_violence"
    assert check("quiero morir").kind == "suicide"
    assert check("ayuda nos estan golpeando").kind == "violence"


def test_long_and_odd_messages():
    assert check("") is None
    assert check("😀" * 5000) is None
    assert check("hola " * 2000) is None


def test_a_child_gone_from_where_they_slept():
    # seen in a session with the running bot: "Sorry, I did not understand" to a missing child
    assert check("my daughter 7 yrs is gone from the tent, we in lajas blancas").kind == "missing_child"
    assert check("is the clinic open? my son is not here yet, he comes tomorrow") is None


@pytest.mark.parametrize("text, kind", [
    # kinds a session found missing in messages written by others (these sentences are new)
    ("my brother was shot in the stomach, we are hiding behind a store", "violence"),
    ("a mi esposo le dispararon en la pierna, sangra", "violence"),
    ("two men are banging on the door of our room and want to get in", "violence"),
    ("the raft is taking water and my kids cant swim", "medical_emergency"),
    ("la lancha se esta hundiendo, hay niños", "medical_emergency"),
    ("o barco ta afundando, socorro", "medical_emergency"),
    ("le camion est fermé, plus d air, les enfants étouffent", "medical_emergency"),
    ("gen dife nan kay la, timoun yo bloke anndan", "medical_emergency"),
    ("meu pai perdeu muito sangue no acidente", "medical_emergency"),
    ("acho que é reynosa, trancaram a gente numa casa", "violence"),  # seen with the running bot: no alarm
])
def test_shots_doors_boats_fire_and_air(text, kind):
    found = check(text)
    assert found is not None and found.kind == kind, (text, found)


@pytest.mark.parametrize("text", ["where can i get a flu shot for my son", "la puerta del albergue abre a las 8",
                                  "el barco a capurgana sale a las 7, cuanto cuesta", "o caminhao de doacao chega amanha"])
def test_ordinary_messages_with_those_words(text):
    assert check(text) is None, text


@pytest.mark.parametrize("text", ["my phone is shot, the screen broke", "my son has burns from the sun, is there a clinic",
                                  "queremos entrar al albergue pero la puerta esta cerrada"])
def test_words_of_those_kinds_in_everyday_use(text):
    assert check(text) is None, text


@pytest.mark.parametrize("text", [
    "nos perdimos en el desierto, mi tio ya no aguanta",  # lost in the desert or the jungle, out of water
    "ya no tenemos agua y mi hija no puede caminar",
    "we are lost in the jungle since yesterday, my wife is weak",
    "on s'est perdus dans la jungle avec les enfants",
    "nou pèdi nan forè a depi 2 jou",
])
def test_lost_in_the_desert_or_the_jungle_or_out_of_water(text):
    assert check(text) is not None, text


@pytest.mark.parametrize("text", ["i lost my phone in the jungle, can i get a new sim?", "perdi mi mochila en la selva",
                                  "no hay agua en el albergue, a donde voy", "cuantos dias dura la selva?",
                                  "se perdio mi maleta en el darien", "j'ai perdu mon passeport dans la forêt",
                                  "m pèdi telefòn mwen nan bwa a", "cuanta agua llevo para el desierto? dicen que no hay agua",
                                  "nao tem agua no deserto?"])
def test_a_thing_lost_or_a_question_about_the_jungle_is_no_danger(text):
    assert check(text) is None, text


@pytest.mark.parametrize("text", ["li pap respire", "pitit mwen PAP respire, ede m", "bebe a pa ap respire byen"])
def test_not_breathing_now_in_kreyol(text):
    # "pap" = "pa ap" (is not ...ing now); a reviewer's message raised no alarm before
    found = check(text)
    assert found is not None and found.kind == "medical_emergency", (text, found)


@pytest.mark.parametrize("text", ["estoy en dolores de parto ayuda", "le empezaron los dolores fuertes cada 5 minutos",
                                  "to com dores de parto, sozinha"])
def test_labour_pains_are_an_emergency(text):
    # a reviewer's "estoy en dolores de parto" raised no alarm (and read "Dolores" as a town)
    found = check(text)
    assert found is not None and found.kind == "medical_emergency", (text, found)


def test_every_few_minutes_alone_is_no_labour():
    assert check("el bus pasa cada 10 minutos, donde lo tomo") is None


def test_a_phrase_names_the_kind_before_a_pair():
    # "pa reponn" near "pitit" is also the pair of a child who does not answer; the blue lips say medical
    assert check("pitit mwen gen anpil lafyèv li pa reponn bouch li vin ble").kind == "medical_emergency"


def test_they_wanted_to_kill_me_is_no_suicide():
    # "queriam" (they wanted) is one letter from "queria" (I wanted): never the crisis script for it
    found = check("no meu pais queriam me matar por isso pedi asilo")
    assert found is None or found.kind != "suicide"


@pytest.mark.parametrize("text", ["mi esposo me quiere matar", "un hombre me quiere matar, estoy en el semaforo",
                                  "un tipo me kiere matar", "mi marido me quiere mata"])
def test_someone_who_wants_to_kill_me_is_violence_not_suicide(text):
    # "quiere" (he wants) is one letter from "quiero" (I want): "me quiere matar" got the suicide crisis script
    assert check(text).kind == "violence"
    assert check("me quiero matar").kind == check("me kiero matar").kind == "suicide"


def test_no_new_danger_stem_starts_a_big_towns_name():
    # a stem "mata*" made "matamoros" a danger word, and a danger word is read as a town only when spelt as the town's
    # own name ("Heroica Matamoros"): 40 messages from Matamoros lost their town. The names such stems start today:
    from bot.places.gazetteer import get_gazetteer
    from bot.places.words import is_danger_word

    towns = {name for name, places in get_gazetteer().by_name.items() if " " not in name
             and any(p.population >= 200_000 for p in places)}
    assert {t for t in towns if is_danger_word(t)} <= {
        "balangkiya", "balatimora", "girljanda", "gurinzuboro", "killa", "killikula", "montreal", "montreali", "montrealo",
        "para", "passus", "presno", "quito", "serra"}  # (their spellings as towns still read: "estoy en quito")


@pytest.mark.parametrize("text", ["jai toutes les pilules ici je vais les prendre toutes",
                                  "to com os remedios na mao, vou tomar", "m gen grenn yo la, m pral bwè yo tout",
                                  "ya no aguanto, me voy a tomar todas las pastillas"])
def test_taking_all_the_pills_is_suicide(text):
    assert check(text).kind == "suicide"


@pytest.mark.parametrize("text", ["il faut prendre tous les medicaments prescrits?", "donde compro pastillas para la tos",
                                  "j ai ete violee il y a un an, ca va maintenant, je veux demander l asile"])
def test_ordinary_words_about_pills_or_a_past_harm_raise_no_alarm(text):
    assert check(text) is None


@pytest.mark.parametrize("text", ["hace dos años me secuestraron, sirve para el asilo?",
                                  "two years ago they beat me, now im safe, can i get asylum",
                                  "faz dois anos me espancaram, agora estou bem"])
def test_a_harm_years_ago_in_words_is_over(text):
    # "#" in a phrase is any number, also written as a word ("dos", "two", "dois")
    assert check(text) is None


@pytest.mark.parametrize("text", ["lane pase yo te kidnape m Potoprens, kounye a m Kiritiba, kote m ka jwenn sikoloji?",
                                  "ane pase yo te kidnape m nan Meksik. Kounye a m byen, men m fè move rèv"])
def test_kreyol_now_alone_does_not_bring_a_past_harm_back(text):
    # "kounye a" (now) is no more a sign the harm goes on than bare "ahora" or "now": here it says where or how they are
    assert check(text) is None


@pytest.mark.parametrize("text", ["lane pase gang yo te vle touye m, kounye a yo devan pòt la",
                                  "yo te kidnape pitit mwen ane pase, kounye a yo rele m pou lajan",
                                  "lane pase yo te kidnape pitit mwen, kounye a li disparet ankò"])
def test_kreyol_now_they_says_the_harm_goes_on(text):  # a guard: as "now they", "now he" in English
    assert check(text) is not None


@pytest.mark.parametrize("text", ["ya estoy a salvo pero mi hermana sigue secuestrada y la van a matar",
                                  "je suis en securite mais mon frere est toujours enleve, ils veulent le tuer",
                                  "estou em seguranca mas minha irma ainda sequestrada, vao matar ela"])
def test_safe_myself_but_someone_still_held_is_no_past_harm(text):
    assert check(text) is not None


@pytest.mark.parametrize("text", ["mi niña vomita todo lo q le doy hasta el agua",
                                  "vomita todo lo k come y esta bien decaida"])
def test_sms_shorthand_reads_as_the_word_it_stands_for(text):
    # "q" for "que": the phrase "vomita todo lo que" missed, and only the learned check fired, with no kind
    found = check(text)
    assert found is not None and found.kind == "medical_emergency"


@pytest.mark.parametrize("text", ["mi jefe no me quiere pagar lo de la semana", "trabajando de ambulante en el centro",
                                  "el señor que nos vendía los boletos desapareció", "combien coute le bateau pour capurgana",
                                  "ta rolando q a policia ta parando os onibus", "mi hijo se quedo con la abuela"])
def test_an_everyday_word_is_no_typo_of_a_danger_word(text):
    # "pagar" (pay) is one letter from "pegar" (hit), "ambulante" from "ambulance", "señor" from "menor", "coute"
    # from "coule", "parando" from "parindo", "quedo" from "quemo": each is a word of its own, not a typo
    assert check(text) is None, (text, check(text))


@pytest.mark.parametrize("text", ["me quiere pegar mi pareja", "mi hijo esta sangrndo mucho", "me quiere pegarr",
                                  "nos quieren secuestar", "sequestaram meu irmão"])
def test_a_typo_or_another_form_of_a_danger_word_still_counts(text):
    # not everyday words ("sangrndo"), a letter more at the end ("pegarr"), the r people leave out ("secuestar")
    assert check(text) is not None, text


@pytest.mark.parametrize("text", ["the babys head is coming out help", "ya se le ve la cabeza al bebe y no hay doctor",
                                  "a cabeça ta saindo, socorro", "on voit la tête du bébé, aidez nous",
                                  "tèt pitit la ap soti, ede m"])
def test_the_babys_head_showing_is_a_birth_now(text):
    found = check(text)
    assert found is not None and found.kind == "medical_emergency", (text, found)


@pytest.mark.parametrize("text, kind", [
    ("ya le escribi a mi hermana, este es mi ultimo mensaje, esta noche acabo con esto", "suicide"),
    ("im just a burden to everyone here, they'd all be better off without me", "suicide"),
    ("j'ai acheté une corde hier, je suis un fardeau pour ma famille", "suicide"),
    ("m se yon chay pou fanmi m, se dènye mesaj mwen", "suicide"),
    ("comprei uma corda, sou um peso pra minha família", "suicide"),
    ("the coyote said to cross i must let them have me tonight", "sexual_violence"),
    ("la señora nos pone a atender clientes en la noche pa pagar la deuda", "sexual_violence"),
    ("o patrão disse que é casa de massagem e que tenho que fazer programa", "sexual_violence"),
    ("mon fils dit que le voisin lui fait des choses quand je travaille", "sexual_violence"),
    ("my brother fell and there's foam coming out of his mouth", "medical_emergency"),
    ("la mujer que dijo que me ayudaba se fue y sumiu com o bebe", "missing_child"),
])
def test_warning_signs_said_without_the_word(text, kind):
    found = check(text)
    assert found is not None and found.kind == kind, (text, found)


@pytest.mark.parametrize("text", [
    "i have the pills ready now, i just want someone to know",
    "i have the pills ready. i just wanted somebody to know",  # (the real bot missed "somebody", 2026-12-06)
    "i wrote a letter for my kids, goodbye",
    "giving away all my things, won't need them where i'm going",
    "compré una cuerda, lo vengo pensando hace semanas",
    "j'ai la corde, c'est décidé",
    "tenho a corda aqui, ando pensando nisso",
    "m gen kod la deja, m ap panse a sa depi lontan",
])
def test_the_means_got_ready_or_things_given_away_is_suicide(text):  # warning signs without a word of dying
    found = check(text)
    assert found is not None and found.kind == "suicide", (text, found)


@pytest.mark.parametrize("text", ["gotta get out of nuevo laredo, cartel guys are looking for me",
                                  "os caras da facção tão me procurando", "un gang nous traque depuis tapachula"])
def test_hunted_by_a_cartel_or_a_gang_is_violence(text):
    found = check(text)
    assert found is not None and found.kind == "violence", (text, found)


@pytest.mark.parametrize("text", ["i wrote a letter to my lawyer tonight", "bought a rope for the tent, is that allowed",
                                  "gave away my winter coat, wont need it in miami",
                                  # found by a review (2026-12-06)
                                  "are my pills ready? sorry to bother", "I have to finish it all: forms, fingerprints, photos",
                                  "compré una soga para amarrar las cosas, lo pienso vender",
                                  "comprei uma corda pra amarrar a barraca, penso nisso depois",
                                  "kod la tout pare pou nou tann rad yo",
                                  "gave away all my stuff to the church, goodbye shelter see you",
                                  "ma bande d'amis me cherche pour le souper",
                                  "writing a letter to my mom tonight, she misses me",
                                  # a second review (2026-12-06)
                                  "tonight i finish it, my shift at the restaurant", "got the pills ready for grandma, we leave tonight",
                                  "compre pastillas para la gripa, hace dias lo pienso ir al medico",
                                  "une bande de copains me cherche pour sortir"])
def test_letters_ropes_and_gifts_in_everyday_use_raise_no_alarm(text):
    assert check(text) is None, (text, check(text))


@pytest.mark.parametrize("text", [
    "escuche que en el tren estan asaltando, es cierto? cual ruta es mejor",
    "falaram que em roraima ta tendo sequestro, é verdade?",
    "my cousin was kidnapped in 2021 in honduras, can that help the asylum case",
    "yo te bat mwen nan chili sa gen 3 zan, eske m ka mande azil",
    "minha filha se perdeu na feira mas achamos graças a deus, obrigado",
])
def test_a_rumour_asked_or_a_harm_long_past_raises_no_alarm(text):
    from bot.safety.alarm import alarm

    assert alarm(text) is None, (text, alarm(text))


@pytest.mark.parametrize("pattern, word, slip", [
    ("pegar", "pagar", False), ("socando", "tocando", False), ("naked", "named", False), ("touye", "toute", False),
    ("quieren", "quiere", True), ("sangrando", "sangrado", True), ("bolsa", "volsa", True), ("amenaza", "hamenaza", True),
])
def test_an_everyday_word_counts_as_a_typo_only_for_a_likely_slip(pattern, word, slip):
    from bot.safety.danger import _slip

    assert _slip(pattern, word) is slip


@pytest.mark.parametrize("pattern, word, same", [
    ("manyen", "anyen", False), ("touye", "mouye", False), ("sextorsion", "extorsion", False), ("abused", "bused", False),
    ("sangrando", "sangrado", True), ("kidnape", "cidnape", True), ("amenaza", "hamenaza", True), ("bolsa", "volsa", True),
])
def test_a_typo_keeps_the_first_letter_or_its_sound(pattern, word, same):
    from bot.safety.danger import _same_start

    assert _same_start(pattern, word) is same


@pytest.mark.parametrize("text, kind", [
    # a real word without its first letter, or with another, is another word: no typo of a danger phrase
    ("imigrasyon arete mari m ye nan Boston, m pa konn anyen, m pe yo depòte l", None),  # "anyen, m" no "manyen m"
    ("no they bused us to panama city", None),  # no "abused us"
    ("nou nan Vil Meksik, lapli ap mouye nou", None),  # the rain wets us: no "touye nou"
    ("me escribieron diciendo q tienen a mi sobrino, como se si es extorsion", "violence"),  # no "sextorsion"
    # what those typos had caught by chance, now said by its own words
    ("Kafou Fèy, gang yo antre nan zòn nan, n ap kouri", "violence"),
    ("nou nan yon kamyon, pa gen le, timoun yo ap toufe", "medical_emergency"),
    ("delma 33, bal ap tonbe, nou kouche ate", "violence"),
    ("bis la fè aksidan sou wout la, gen moun ki bloke anndan l", "medical_emergency"),
    ("madanm mwen manje pistach, gòj li ap anfle e l ap sifle pou l respire", "medical_emergency"),
    ("gang yo di y ap touye m si m pa peye", "violence"),
    ("yo menase nou nan gonayiv nou kouri, kounya nou sen mak men menm moun yo ap swiv nou", "violence"),
    ("mari m ki bat mwen chak jou, m pa ka ankò", "violence"),
    ("gòj mwen anfle m pa ka vale anyen depi 2 jou", None),  # a sore throat
    # a non-word with another first letter is a slip of the thumb (a review's: the keys side by side)
    ("lo nataron a mi primo ayer y ahora nos buscan", "violence"),
    ("yo jidnape pitit mwen", "missing_child"),
    ("mi hija esta aangrando mucho despues del parto", "medical_emergency"),
    ("ma fille a ete fiolee", "sexual_violence"),
])
def test_a_real_word_keeps_its_first_letter(text, kind):
    found = check(text)
    assert (found and found.kind) == kind, (text, found)


@pytest.mark.parametrize("text", ["mi niña fue a jugar atras de la carpa, no aparece",
                                  "my son went to the store by the shelter, never came back"])
def test_the_two_words_of_a_pair_may_stand_nine_words_apart(text):
    # six words was too few for how people write: "tifi m 16 an pati ak yon nonm li pa reponn"
    found = check(text)
    assert found is not None and found.kind == "missing_child", (text, found)


@pytest.mark.parametrize("text", [
    "trabajo de mesera y tengo que atender clientes todo el dia, es legal sin papeles?",
    "tengo las pastillas para la presion, cuando las tomo", "hasta aqui llegue con la caravana, donde duermo",
    "we bought a rope to cross the river, is it deep", "this is my last question, thank you",
    "eu paro por aqui, obrigado pela ajuda", "perdi meus dois documentos na rodoviaria",
    "c'est mon dernier jour au refuge, où aller demain", "are my pills ready at the clinic",
])
def test_words_near_a_warning_sign_in_everyday_use(text):
    # a farewell, a rope, the pills, "my last": only together with what makes them a sign
    assert check(text) is None, (text, check(text))


@pytest.mark.parametrize("text", ["m pa resevwa denye mesaj la, eske w ka voye l ankò",
                                  "we need to push the car out of the mud, is there a tow service"])
def test_a_last_message_received_or_a_car_pushed_is_no_alarm(text):
    assert check(text) is None, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    ("immigration let us out this morning at the bus station, where can we sleep", False),  # released
    ("konbyen kòb bato a koute pou rive Capurgana", False),  # "koute" (costs) is no slip of "koule" (sinks)
    ("the man in the house wont let us out, he has our passports", True),
    ("bato a koule, gen moun nan dlo a", True),
])
def test_being_let_out_and_a_price_are_no_alarm(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text", [
    "our little boat flip near the coast, my uncle is not in the boat",
    "chofè a abandone nou nan mitan dezè a, nou pa gen dlo",
    "a enchente chegou no bairro, estamos ilhados com as crianças",
])
def test_a_boat_overturned_left_in_the_desert_or_cut_off_by_a_flood_raise_the_alarm(text):
    assert check(text) is not None and check(text).kind == "medical_emergency", (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    ("el patron no nos deja salir de la finca y no nos paga", True),  # held by the one they work for
    ("the men who brought us here say we have to work for them to pay the trip", True),  # trafficking
    ("el guardia no nos deja salir del albergue despues de las 8", False),  # a shelter's rule
    ("i must work for them until friday and then they pay me", False),  # a job
])
def test_held_or_made_to_work_by_those_who_brought_them(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    ("mi pareja me golpeó ayer en la noche y me dejo sin plata", True),  # "me pegó" alarmed, "me golpeó" did not
    ("hace 3 años mi ex me golpeo, eso cuenta para el asilo?", False),  # long past: "golpeo" is no slip of "golpea" (now)
])
def test_hit_by_a_partner_in_the_past_tense(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    ("cartel men are watching the door of the hotel, we can't go out", True),  # kept in
    ("o coiote que nos trouxe ficou com nossos documentos e quer que a gente trabalhe pra ele", True),  # papers held
    ("ils voulaient nous vendre, on a pu s'echapper cette nuit", True),  # sold
    ("we cant go out today its raining, where can we eat", False),
    ("o patrao ficou com meu passaporte pra fazer o contrato, é normal?", False),
    ("on veut vendre nos affaires pour payer le bus", False),
    # "me garde enfermée" raised nothing: an employer who locks a worker in (the real bot, 2026-12-07)
    ("je suis a goyave guadeloupe, la dame me garde enfermee et prend mon salaire", True),
    ("je garde enfermé mon chien la nuit, il aboie", False),
    # Kreyol "gen tire" (shooting going on) raised nothing (the real bot, 2026-12-07)
    ("nou nan bele nan potoprens, gen tire", True),
    ("kote m ka tire kob pou m voye bay manman m", False),
    # a relative locked in raised nothing in English (the real bot, 2026-12-07)
    ("my sister is in houston they locked her in a house", True),
    ("the coyote keeps us locked in a warehouse", True),
    ("they locked her out of the shelter, where can she sleep", False),
    ("she locked her phone and forgot the code", False),
    # a review, 2026-12-07: a locked phone, an account, a curfew, an emergency contact
    ("they have her locked phone, how do i get the photos", False),
    ("the shelter keeps me locked out if i come after 10pm, where else can i sleep", False),
    ("we locked him in as our emergency contact", False),
    # kept in a room or a house raised nothing (2026-12-07: "en un cuarto y no me dejan salir")
    ("ayuda estoy en el norte de mexico en un cuarto y no me dejan salir", True),
    ("no nos dejan salir de aqui, piden 5 mil dolares a mi familia", True),
    ("yo femen nou nan yon kay, yo pa kite nou soti", True),
    ("no nos dejan salir de la troca, hace mucho calor y hay niños", True),
    ("estoy en un lugar con otros migrantes y no nos dejan salir nos piden dinero a la familia", True),
    ("no me dejan salir de noche del albergue, es normal?", False),
    ("they dont let us go out at night from the shelter, is that allowed?", False),
    ("yo pa kite nou soti nan abri a apre 10 è, èske se nòmal?", False),
    ("no nos dejan salir de la estacion migratoria, cuanto tiempo?", False),
    # a review, 2026-12-07: a curfew, a parent's rule, quarantine, a sick person's room
    ("en el albergue no nos dejan salir del cuarto despues de las 9 pm, a que hora abren en la mañana?", False),
    ("estoy en cuarentena por covid en un cuarto del hotel y no me dejan salir, me pueden dar comida?", False),
    ("my parents dont let me leave the house without papers?", False),
    ("quarantine rules dont let me leave the room", False),
    ("m gen grip, m pa ka soti nan chanm nan", False),
    # a second review: a house to rent, a ride, a job, a parent, a hospital, a shelter's house
    ("quiero rentar una casa mas barata pero el casero no me deja salir del contrato", False),
    ("mi papa no me deja salir en la troca porque no tengo licencia", False),
    ("trabajo en una bodega y no me dejan salir a almorzar", False),
    ("my landlord dont let me leave the lease early, i found a house closer to work", False),
    ("lapli a twò fò nou pa ka soti, nou nan yon kay", False),
    ("nan yon kay pou refijye yo pa kite nou soti lannwit, kote m ka ale", False),
    ("el doctor no me deja salir del hospital, estoy en un cuarto compartido, cuando me dan de alta?", False),
    ("estamos en una casa de seguridad, no podemos salir, ayuda", True),
    ("we are at the stash house in laredo, they want 3000 more", True),
    ("no me dejan salir de esta bodega, estoy en monterrey", True),  # the real bot, 2026-12-07
    # a third review: one person's or a place's rule, a subsidy, a shelter called a "casa de seguridad"
    ("rento en un cuarto compartido y la señora no me deja salir despues de las 10, me puede sacar?", False),
    ("my aunt dont let me go out at night, we live in a house with 8 people, any youth center?", False),
    ("grann mwen pa kite m soti lannwit, nou rete nan yon kay ak 9 moun, ki pwogram ki genyen", False),
    ("el supervisor no me deja salir de esta bodega hasta las 6", False),
    ("me dan auxilio de transporte pero en el trabajo no me dejan salir antes de las 7", False),
    ("en la casa de seguridad para mujeres no podemos salir de noche por las reglas", False),
    # a fourth review: a shelter, the migration, an airport, a hospital
    ("en el albergue no nos dejan salir despues de las 9, dormimos en un cuarto con otras familias", False),
    ("en migracion no nos dejan salir hasta la audiencia, estamos en un cuarto con 40 personas", False),
    ("at the airport they are not letting me leave, im in a room with other passengers", False),
    ("nan lopital la yo pa kite m soti, m nan yon chanm pou kont mwen", False),
    ("en el albergue no nos dejan salir, los coyotes vigilan la puerta", True),
    # a smugglers' or kidnappers' house raised nothing (2026-12-07)
    ("nos tienen en una casa de seguridad en reynosa", True),
    ("texas. in a stash house they wont let us go", True),
    ("hay una casa de seguridad para mujeres en tijuana?", False),
    ("que es una casa de seguridad", False),
])
def test_kept_in_papers_held_or_sold(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    # children dying, said of them as of one ("li ap mouri" alarmed, "timoun yo ap mouri" did not: 2026-12-07)
    ("PILAT NOU YE, NOU BEZWEN DLO, TIMOUN YO AP MOURI", True),
    ("bebe a ap mouri, li pa manje depi 2 jou", True),
    ("timoun yo yap mouri ak lafyèv", True),  # (a second review: cold, fever)
    ("timoun yo ap mouri grangou, nou nan tabarre, kote m ka jwenn manje?", False),  # food asked for (the real bot)
    ("timoun yo yap mouri nan fredi a", True),
    ("pitit mwen ap mouri pou l manje pitza", False),
    ("bebe a ap mouri dòmi, eske gen lopital pre la a pou vaksen li?", False),
    ("fim nan te tèlman komik nou tout t ap mouri ri", False),
    # dying to, dying of sleep, the chickens (a review, 2026-12-07)
    ("timoun yo ap mouri pou ale plaj", False),
    ("bebe a ap mouri dòmi, li fatige", False),
    ("poul yo ap mouri", False),
])
def test_kreyol_children_dying(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    # a man who tried to force her raised nothing (the real bot, 2026-12-07)
    ("m nan gwiyan franse depi 1 mwa, m dòmi deyò, yon nèg eseye fòse m yè swa", True),
    ("mesye a vle fose m, m pe", True),
    ("li vle fose m manje", False),
    ("m ap eseye fose m dòmi", False),
])
def test_kreyol_tried_to_force_her(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    ("ça tire toute la nuit, impossible de sortir", True),
    ("ouvimos tiros perto do abrigo, as crianças estão chorando", True),
    ("o filme que passaram no abrigo tinha muitos tiros", False),
    ("mon bébé de 5 mois a rien mangé depuis hier, il dort tout le temps", True),
    ("timoun nan gen kolera, li pa sispann fè dyare", True),
    ("eske gen kolera nan zon Okap la?", False),  # a question about the area
    ("on a rien mangé depuis hier, ou trouver a manger", False),  # hungry adults: food, not an emergency
])
def test_shooting_outside_a_baby_not_eating_and_cholera(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    ("no room at the shelter, sleeping outside at -18 with my baby in winnipeg", True),
    ("the shelter kicked us out, its freezing tonight", True),  # an ordinary phrase that is a side of the pair still counts
    ("duermo en la calle en chicago y estamos a -12, mis hijos tiemblan", True),
    ("on dort dehors à montréal, il fait moins 20", True),
    ("nou domi nan lari nan boston, gen nej toupatou", True),
    ("dormimos na rua em curitiba, deu geada essa noite", True),
    ("we slept outside in tapachula, its very hot, where to eat", False),  # no frost
    ("hace frio en el albergue a -3, hay cobijas?", False),  # cold indoors: blankets, no emergency
    ("my kids - 3 of them - sleep outside? no, we have a room", False),  # a dash is no minus
])
def test_sleeping_outside_in_a_frost_raises_the_alarm(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text", [
    "la rivière a emporté ma fille pendant la traversée",
    "larivye a pran pitit gason m, ede m",
    "o rio levou meu marido na travessia",
    "ma femme est tombée dans le fleuve",
])
def test_a_river_that_took_someone_raises_the_alarm(text):
    assert check(text) is not None and check(text).kind == "medical_emergency", (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    ("some gang guys want to grab me when i leave the shelter", True),
    ("unos de la mara me andan buscando en la colonia", True),
    ("uns homens de moto tão me seguindo", True),
    ("ma cousine peut venir me prendre à la gare, les mêmes horaires que hier", False),
    ("my cousin will grab me a sim card at the store", False),
    ("can you guys grab me a sim card", False),  # "grab me a": an errand, whoever the guys are
    ("meu celular caiu no rio, onde compro outro?", False),  # a phone, not a person, in the river
    ("meu filho caiu no rio, socorro", True),
    ("nou tande tire toupre kote nou ye a", True),
])
def test_wanted_or_followed_by_armed_men_and_shots_heard(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    ("vimos una pelicula de secuestros en el albergue y los niños no duermen", False),
    ("watched a kidnapping movie with the kids lol", False),
    ("on a regardé un film d'enlèvement, ma fille a eu peur", False),
    ("assistimos um filme de sequestro no abrigo", False),
    ("secuestraron a mi hija despues de la pelicula", True),  # a film named beside a real kidnapping
])
def test_a_film_about_a_kidnapping_is_no_kidnapping(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    ("immigration took our passports at the checkpoint, when do we get them back?", False),
    ("la police garde nos passeports au poste, c'est légal?", False),
    ("the shelter is kicking us out friday, where can we go", False),
    ("my boss took my passport to make copies for the contract, is that ok?", False),
    ("the coyote has our passports and says we owe him 5000", True),
    ("o patrão ficou com meu passaporte e não me paga nada", True),
    ("o patrão ficou com meu passaporte e não me paga faz 2 meses", True),  # "faz 2 meses" of a harm that goes on
    ("o patrao ficou com meu passaporte faz 2 meses mas ja devolveu, posso denunciar?", False),
    ("mon patron garde mon passeport et ne me paye pas", True),
    ("the men kicked us and took our money", True),
    # papers taken and locked in: trafficking, in each language (2026-12-05: the English one raised no alarm)
    ("help pls im in philipsburg st maarten, they took my passport and lock us", True),
    ("nos quitaron el pasaporte y nos encierran en un cuarto", True),
    ("pegaram meu passaporte e trancam a gente no quarto", True),
    ("la policia me quito el pasaporte para revisarlo", False),
    ("i lost my passport and they lock the shelter at 10", False),
    # a review's cases: papers with officials, a debt to a bank or a lawyer, a shelter's curfew (no alarm)
    ("migracion tiene mi pasaporte, tengo una deuda con el banco", False),
    ("mi abogado tiene mi pasaporte, le debo 200 dolares de la consulta", False),
    ("a policia federal pegou meu passaporte pra renovar e o abrigo tranca a porta as 22h", False),
    ("the hotel kept my passport and locks us out after 10pm", False),
    ("o patrao pegou meu passaporte e deixa a gente trancado", True),
    ("the man kept our passports and locks us in", True),
    ("pegaram meu passaporte no aeroporto e a mala ficou trancada", False),  # a suitcase locked, not a person
    ("o abrigo ficou com meu passaporte e o portao fica trancado as 22h", False),
    ("el señor tiene nuestros pasaportes y dice que le debemos el viaje", True),  # debt bondage
])
def test_papers_held_by_officials_or_an_eviction_are_no_emergency(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    # pay or they take a child, in each language (2026-12-06: the Spanish one raised no alarm)
    ("en necocli un señor dice que nos va a quitar a la niña si no pagamos", True),
    ("the landlord says if we dont pay he will take our kids away", True),
    ("si on paie pas ils vont enlever ma fille", True),
    ("yo di si nou pa peye y ap vole pitit mwen", True),
    ("se a gente nao pagar eles vao levar minha filha", True),
    ("si no pagamos se llevan a mi hija", True),  # a second review's cases
    ("si je paye pas ils vont prendre ma fille", True),
    ("si m pa peye yo pral pran pitit mwen", True),
    # a bill or a fine, not a child
    ("si no pagamos el cuarto nos sacan, donde hay albergue", False),
    ("se não pagar a multa vão levar o carro?", False),
    ("if we dont pay the bus fare can we take the kids to the clinic on foot?", False),
    ("si no pagamos el bus no nos van a llevar a la frontera", False),
    ("si on paie pas le bus on peut prendre les enfants?", False),
    ("se nao pagar o onibus como levar o menino ao medico", False),
    # a review's cases (2026-12-06): school, daycare and rent
    ("im in houston, if i dont pay the daycare they wont take my son", False),
    ("if we cant pay the bus who will take our kids to school, we are in dallas", False),
    ("si je paye pas le bus qui va prendre mon fils a l ecole, on est a montreal", False),
    ("se eu nao pagar o aluguel vao levar embora minhas coisas, to em curitiba", False),
    ("moro em boa vista, se nao pagar a van quem vai levar meu filho na escola", False),
    ("si m pa peye lekol la yo p ap pran pitit mwen, m nan santiago", False),
])
def test_a_threat_to_take_a_child_for_money_is_violence(text, alarm):
    found = check(text)
    assert (found is not None) is alarm, (text, found)
    assert not alarm or found.kind in ("violence", "missing_child")  # ("enlever ma fille" is a kidnapping phrase too)


@pytest.mark.parametrize("text, alarm", [
    ("the smuggler abandoned us in the jungle, 2 kids with us", True),
    ("el pollero nos abandono en el desierto anoche", True),
    ("le guide nous a laissés dans la forêt hier soir", True),
    ("deixaram a gente no meio do nada, sem comida", True),
    ("nou nan fore a depi 3 jou, pa gen dlo", True),
    ("the rain is so strong the water is coming into our tents, kids are wet", True),
    ("meu filho está com febre alta e não acorda direito", True),
    ("me assaltaram na rodoviaria e to ferido", True),
    ("they left me at the bus station, where is the shelter", False),
    ("my son has a high fever, which clinic is open?", False),
    ("el albergue nos dejo sin cena hoy", False),
])
def test_abandoned_in_the_wild_water_in_the_tents_a_fever_with_a_danger_sign(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text, alarm", [
    ("estoy embarasada de 7 meses y tengo dolores fuertes", True),
    ("my wife is 8 months pregnant, severe pain since morning", True),
    ("minha mulher ta gravida e a bolsa estourou", True),
    ("estoy embarazada, donde hay control prenatal gratis?", False),
    ("im pregnant, is there a clinic for a checkup", False),
])
def test_a_pregnancy_with_strong_pain_raises_the_alarm(text, alarm):
    assert (check(text) is not None) is alarm, (text, check(text))


@pytest.mark.parametrize("text", [
    "el agua sigue subiendo y estamos en el techo con los niños",
    "water is rising fast, we are on the roof",
    "l'eau continue de monter, on est sur le toit",
    "dlo a kontinye monte, nou sou tet kay la",
    "a água continua subindo, subimos no telhado",
    "the boat is filling with water and the kids cant swim",
])
def test_water_rising_where_people_are_is_an_emergency(text):
    assert check(text) is not None


@pytest.mark.parametrize("text", [
    "hay goteras, entra agua por el techo del albergue, a quien le aviso?",
    "is there water on the roof of the shelter? it leaks",
    "que hago si me pica una serpiente? es solo una pregunta",
    "just asking, what do we do if someone drowns in the river",
    "je demande juste: que faire si quelqu'un se noie",
    "so uma pergunta, o que fazer se alguem se afogar",
    "se yon kesyon selman, kisa pou m fe si yon moun ap neye",
    "a mi hija le toca alguna vacuna a los 4 años?",
])
def test_a_leak_a_question_asked_ahead_or_a_vaccine_due_is_no_alarm(text):
    assert check(text) is None


@pytest.mark.parametrize("text, alarmed", [
    ("dormimos en la calle con el niño y hace 44 grados en mexicali", True),
    ("we sleep outside with the baby, its 115 degrees in phoenix", True),
    ("on dort dehors avec le bébé, il fait 42 degrés", True),
    ("nou domi nan lari a ak tibebe a, li fe 45 degre", True),
    ("a gente ta dormindo na rua com um bebê, faz 45 graus", True),
    ("hace 40 grados en hermosillo, hay albergue con aire?", False),  # the heat alone, no night outside
    ("dormi en la calle anoche, hoy hace 20 grados", False),
])
def test_sleeping_outside_in_extreme_heat_is_an_emergency(text, alarmed):
    assert (check(text) is not None) is alarmed


@pytest.mark.parametrize("text", [
    "el señor de la casa le toca las partes a mi hija de noche, estamos en cucuta, que hago",
    "el tio le tocaba a mi hijo en la cama",
])
def test_a_child_touched_is_sexual_violence_whatever_the_tense(text):
    assert check(text).kind == "sexual_violence"


def test_a_phrase_word_beginning_with_star_is_read_as_written():
    # "water starts rising" was read as "water*ts rising" (the placeholder for "*" was "star") and never matched
    from bot.safety.danger import phrase_words

    assert phrase_words("water starts rising") == ("water", "starts", "rising")
    assert phrase_words("flood* # degrees") == ("flood*", "#", "degrees")


@pytest.mark.parametrize("text", [
    "llevamos 2 dias en el desierto sin agua, mi esposa ya no camina",
    "on est perdus dans le désert, plus d'eau depuis hier",
    "estamos no deserto sem agua faz um dia",
    "my son got bit by a snake on the trail, his leg is swelling",
    "a mi niño lo pico una culebra en el camino",
    "una culebra pico a mi hijo en la pierna y no podemos caminar",
    "mordedura de vibora en la mano de mi hija, estamos en el darien",  # the noun, and Kreyol's "te" between (a review)
    "yon koulev te mode m nan pye, kote lopital",
    "il fait -18, on est dehors et les enfants grelottent",
    "its minus 20 and we are outside, the baby is shivering",
    "fredi a two fo, nou nan lari a ak 2 timoun",
    "ta -10, o abrigo ta lotado e vamos dormir na rua com as crianças",
])
def test_no_water_in_the_desert_a_snake_bite_in_any_order_and_shivering_below_zero_raise_the_alarm(text):
    assert check(text) is not None


@pytest.mark.parametrize("text", [
    "on est a Valencia, Carabobo, on attend l'argent pour partir",  # "cara*" (the face) read "Carabobo"
    "m tande nan radyo gen yon bato ki koule bo Jeremi, eske w konn non moun yo?",
    "nou deyo a, li fe bon jodi a",
])
def test_a_state_named_like_a_body_part_or_the_radio_s_news_is_no_alarm(text):
    from bot.safety.alarm import alarm

    assert alarm(text) is None


@pytest.mark.parametrize("text, alarmed", [
    ("we saw a snake on the trail, a bit scary but we are ok", False),  # "a bit" is no bite (found in the final read)
    ("my daughter was bit by a snake near the river", True),
    ("we saw a snake so we moved bit by bit along the ridge", False),  # "bit by bit" (found in a final read)
    ("my son was bit by the snake we saw by the river", True),
    ("depi lane pase mari m ap bat mwen chak jou", True),  # since last year: it goes on
    ("lane pase yo te bat mwen nan Tapachula, kisa pou m fe pou azil", False),
])
def test_a_bit_is_no_bite_and_since_last_year_goes_on(text, alarmed):
    from bot.safety.alarm import alarm

    assert (alarm(text) is not None) == alarmed


@pytest.mark.parametrize("text", [
    "vimos una culebra en el camino, caminamos 3 horas y pico mas",  # "y pico": and a bit
    "hay muchas culebras en la picada? vamos mañana",  # "la picada": a trail
    "vimos una culebra en la trocha, caminamos 3 horas y pico a pie",  # "y pico a pie": and a bit, on foot
    "il fait -5, je tremble un peu mais on est au refuge",
    "ta -2 aqui, to tremendo mas to dentro do abrigo",
])
def test_a_trail_a_bit_more_or_shivering_inside_is_no_alarm(text):
    from bot.safety.alarm import alarm

    assert alarm(text) is None


@pytest.mark.parametrize("text, alarmed", [
    ("socorro meu bebe se queimou com oleo quente, estamos em pacaraima", True),  # found talking to the bot: no alarm
    ("minha filha se queimou no fogo do acampamento", True),
    ("a agua fervendo ta pronta pro cafe", False),
])
def test_a_baby_burned_with_hot_oil_raises_the_alarm_in_portuguese(text, alarmed):
    from bot.safety.alarm import alarm

    assert (alarm(text) is not None) == alarmed


@pytest.mark.parametrize("text, alarmed", [
    ("saw a scorpion in the shelter bathroom, is it dangerous? nobody got stung", False),
    ("vi um escorpiao no banheiro do abrigo, e perigoso? ninguem foi picado", False),
    ("il y a un scorpion dans la tente, personne n'a été piqué, c'est dangereux ?", False),
    ("un scorpion a piqué ma fille, elle vomit", True),
])
def test_a_scorpion_seen_is_no_sting(text, alarmed):
    # "scorpion" alone was a French danger word: any message naming one raised the alarm
    from bot.safety.alarm import alarm

    assert (alarm(text) is not None) == alarmed


@pytest.mark.parametrize("text", [
    "mi mujer dio a luz anoche y esta sangrando mucho, ya lleno 2 toallas",
    "she had the baby this morning and now shes passing big clots of blood",
    "ma soeur a accouché hier soir et elle saigne encore beaucoup",
    "madanm mwen fek akouche epi l ap senyen san rete",
    "minha esposa teve nenem ontem e ta com muito sangramento",
    "ma fille s'est renversé l'eau bouillante, la peau part",
    "yon eskopyon pike pitit mwen nan pye",
    "bato a ap pran dlo, gen timoun ladan l",
    "a agua ta entrando na casa, ja ta na cintura das criancas",
])
def test_bleeding_after_a_birth_a_scald_a_sting_a_boat_or_water_rising_raise_the_alarm(text):
    # emergencies a helper wrote that raised no alarm: no number, no first aid (2026-12-03)
    assert check(text) is not None


@pytest.mark.parametrize("text, kind", [
    # an adult taken beside a child named is no missing child: its advice (tell the migration staff) could hurt
    ("la migra se llevó a mi papá, estoy con mi hermanita sola, que hago", None),
    ("se llevaron a mi hijo en la terminal", "missing_child"),  # a child taken still is
    ("mi hermanito se perdió en el mercado", "missing_child"),
])
def test_an_adult_taken_beside_a_child_is_no_missing_child(text, kind):
    found = check(text)
    assert (found.kind if found else None) == kind, (text, found)


@pytest.mark.parametrize("text", ["ICE took my husband i dont know where he is, i have 3 kids",
                                  "my husband was taken by ICE, i have 3 kids",
                                  "ICE pran mari m, m pa konn kote li ye, m gen 3 timoun",
                                  "a imigração levou meu marido, não sei onde ele está, tenho 3 filhos"])
def test_an_adult_taken_beside_the_children_one_has_is_no_missing_child(text):
    # the missing-child advice (tell the police or migration staff) to a person whose husband ICE took could hurt
    found = check(text)
    assert found is None or found.kind != "missing_child", found


@pytest.mark.parametrize("text", ["i dont know where my son is", "dont know where my 2 kids are",
                                  "we dont know where the coyotes took our kids", "não sei onde estão os meus filhos",
                                  "ninguem sabe onde esta o meu filho", "m pa konn kote li ye, madanm mwen ak 2 pitit nou yo",
                                  # an adult named, not taken; or taken, and the children taken too (second review)
                                  "dad here, i dont know where the guards took my 7 year old", "mae aqui, nao sei onde esta o meu bebe",
                                  "my wife and i dont know where the men took our son", "se vre, m pa konn kote li ye depi ayè, pitit mwen an",
                                  "levaram meu marido e nao sei onde levaram os meus filhos",
                                  "my daughter was taken by two men", "pitit mwen an m pa konn kote li ye",
                                  "m pa konn kote pitit mwen ye", "meu filho não sei onde está", "não sei onde está meu filho"])
def test_a_child_beside_dont_know_where_is_still_a_missing_child(text):
    assert check(text).kind == "missing_child", text


@pytest.mark.parametrize("text", ["les gangs me menacent", "les bandits nous menacent depuis hier",
                                  "la pandilla nos esta amenazando", "me estan amenazando los de la mara"])
def test_a_gangs_threat_alone_is_violence(text):
    # said to the real bot: "... maintenant je suis en Haïti et les gangs me menacent" got no emergency answer
    assert check(text).kind == "violence", text


def test_a_landlords_threat_to_evict_is_no_violence():
    assert check("mon propriétaire me menace de m'expulser") is None


@pytest.mark.parametrize("text", ["vamos en la lancha de necocli a capurgana y el motor se apago, entra agua",
                                  "we left necocli on the boat this morning, now the engine died and water coming in",
                                  "saímos de necoclí de barco, o motor parou e está entrando água"])
def test_a_boats_engine_dead_and_water_coming_in_is_an_emergency(text):
    # said to the real bot: the boat ten words from the water raised no alarm (and the model asked to delete the chat)
    assert check(text) is not None, text


@pytest.mark.parametrize("text", ["venimos de venezuela hace 3 meses, estamos en lima, mi esposo me golpeo y estoy sangrando",
                                  "from tapachula last month, now my wife is having contractions and bleeding",
                                  "we came from monterrey last month, my husband is beating me",
                                  "venimos de tapachula hace 2 meses, ahora unos hombres nos tienen encerrados en una bodega",
                                  # a pair's side before the time stood for the harm, which the time then dated: Kreyòl
                                  # "san" (blood) in San Pedro Sula; "on", "a" (found talking to the bot)
                                  "we left san pedro sula a month ago, now men with guns stopped our bus",
                                  "on a quitté les gonaives il y a un mois, maintenant on est à ouanaminthe et des hommes armés nous menacent"])
def test_a_time_that_dates_the_road_does_not_make_a_harm_told_after_it_past(text):
    # a review (2026-12-06): "hace 3 meses" after the road silenced the danger phrases of a later clause
    assert check(text) is not None, text


@pytest.mark.parametrize("text", ["ya no tengo esperanza, me quiero morir. sali de barquisimeto hace un año y estoy sola",
                                  "i want to die. we left venezuela 2 years ago",
                                  "m vle touye tet mwen. nou kite ayiti sa gen 3 zan"])
def test_a_time_that_dates_the_road_does_not_make_a_harm_told_before_it_past(text):
    # a place set's (2026-12-06): the year since leaving home silenced the wish to die told before it
    assert check(text) is not None, text


@pytest.mark.parametrize("text", ["salimos de honduras hace 2 años, porque las maras nos amenazaban de muerte",
                                  "we left honduras in 2019 because they threatened to kill us",
                                  "salimos de honduras hace 2 años. alla me secuestraron, sirve para el asilo?",
                                  "salimos de honduras hace 2 años, las maras mataron a mi hermano, puedo pedir asilo?",
                                  "hace 2 años me secuestraron, sirve para el asilo?"])
def test_a_harm_told_as_why_one_left_or_for_asylum_stays_past(text):
    assert check(text) is None, text


@pytest.mark.parametrize("text", ["as gangues ameaçam a gente aqui em tapachula", "eles ameaçam minha filha"])
def test_a_threat_in_the_portuguese_present_alarms(text):
    assert check(text).kind == "violence"


@pytest.mark.parametrize("text", ["a falta de documento ameaça minha permanência no brasil?",
                                  "a chuva ameaça nossa barraca, onde tem abrigo em boa vista"])
def test_a_thing_that_threatens_papers_or_a_tent_is_no_violence(text):  # (a review)
    assert check(text) is None


def test_there_after_a_place_named_is_that_place_not_back_home():
    # "there" opening a clause is back home (the harm past); further on, the place just named: now
    assert check("i am in Sao Paulo, came from Angola last month, at the Casa do Migrante, a man there touches me at night")
    assert check("venimos de honduras hace 3 meses, alla nos secuestraron") is None


@pytest.mark.parametrize("text, kind", [
    ("gen moun k ap tire, m pe", "violence"),  # people shooting ("y ap tire" said it; "k ap tire" did not)
    ("gen nèg kap tire nan katye a, nou kache anba kabann", "violence"),
    ("yo k ap tire sou nou", "violence"),
    # drawing money, water, telling stories (a review): no shooting without fear, hiding or bullets beside it
    ("moun k ap tire lajan nan bank lan anpil", None),
    ("gen moun k ap tire kont nan lakou a", None),
    ("moun kap tire dlo nan pi a", None),
])
def test_kreyol_people_shooting(text, kind):
    found = check(text)
    assert (found and found.kind) == kind, (text, found)


@pytest.mark.parametrize("text, kind", [
    ("meu marido apanhou da policia em pacaraima", "violence"),  # "apanhar de/da": to be beaten by
    ("saimos de pacaraima, meu marido apanhou de uns caras", "violence"),
    ("apanhamos dos guardas na fronteira", "violence"),
    ("minha filha apanhou muito do padrasto", "violence"),
    # to catch a bus, a cold (a review: "apanhamos", "filho apanhou" alone fired)
    ("ele apanhou o onibus das 8 pra manaus", None),
    ("apanhamos o onibus para boa vista, preciso de abrigo", None),
    ("meu filho apanhou gripe, estamos em manaus", None),
])
def test_portuguese_beaten(text, kind):
    found = check(text)
    assert (found and found.kind) == kind, (text, found)
