"""bot.safety.alarm: the one danger check every path uses."""

import pytest

from bot.safety.alarm import _signs_absent, alarm, is_cry, rumour_asked, tells_detention


def assert_medical(text):
    found = alarm(text)
    assert found is not None and found.kind == "medical_emergency", found


def assert_not_medical(text):
    found = alarm(text)
    assert found is None or found.kind != "medical_emergency", found


@pytest.mark.parametrize("text", ["socorro", "SOCORROOO!!!", "anmwe anmwe", "sos", "socorro por favor", "emergency",
                                  "help me please", "ede m tanpri", "socorro, pf", "SOCORROOO!! ayudenme",
                                  "socorro me ajudem", "au secours aidez moi", "anmwe ede nou", "SOS help someone"])
def test_a_message_that_is_only_a_cry_for_help_raises_the_alarm(text):
    assert is_cry(text)
    assert alarm(text) is not None


@pytest.mark.parametrize("text", ["help", "ayuda", "ajuda", "me ajuda", "ayudenme", "help me", "aidez moi", "ede m", "menu", "sos, donde hay comida", "urgente", ""])
def test_help_alone_or_a_cry_with_a_question_is_no_cry(text):
    # "help" and "ayuda" alone ask for the menu; "sos, donde hay comida" is a question with words of its own
    assert not is_cry(text)


@pytest.mark.parametrize("text", ["mi hijo esta en peligro, ayuda", "on est en danger aidez nous", "estamos em perigo, socorro",
                                  "nou nan danje, ede nou", "lavi m an danje", "we are in danger please",
                                  "ma femme est en danger, il a un couteau", "a gente corre perigo aqui"])
def test_saying_one_is_in_danger_raises_the_alarm_in_every_language(text):
    # as English "in danger" always did: these were ordinary messages in French, Portuguese and Kreyòl
    assert alarm(text) is not None


@pytest.mark.parametrize("text", ["es peligroso cruzar el darien?", "est-ce que la route est dangereuse?",
                                  "é perigoso ir de ônibus?", "eske wout la danjere?"])
def test_asking_whether_a_road_is_dangerous_is_no_alarm(text):
    assert alarm(text) is None


# The WHO's danger signs in a young child (IMCI): not able to feed or drink, vomiting everything, fast or hard
# breathing, fever under two months, sunken eyes with no pee, and a fall from a height. A hot baby that will
# not feed ("tibebe m cho anpil, li pa vle tete") got "I did not understand".
@pytest.mark.parametrize("text", [
    "mi bebe esta caliente y no toma pecho desde anoche", "my baby wont nurse since this morning and is so hot",
    "mon bébé veut pas téter depuis hier et il est chaud", "tibebe m cho anpil, li pa vle tete ditou",
    "meu nenê tá quente e não quer mamar", "bebe a vomi tout sa li bwe", "my son cant keep anything down since yesterday",
    "la nena vomita todo lo que le doy", "mi bebe de 3 semanas tiene 38 de temperatura", "newborn 2 weeks fever 38.2",
    "mon nouveau né a de la fièvre", "bebe m gen 4 semenn li gen lafyev", "minha bebê de 1 mês tá com febre",
    "tiene los ojitos hundidos y no hace pipi", "olhos fundos e fralda seca desde ontem", "je l fon, li pa pipi depi maten",
    "his ribs are sucking in when he breathes", "se le hunden las costillas al respirar",
    "mi niño se cayo del segundo piso", "my daughter fell from the window", "o menino caiu da laje",
    "il est tombé du balcon", "pitit mwen tonbe sot nan twazyèm etaj"])
def test_a_young_childs_danger_signs_raise_the_alarm(text):
    found = alarm(text)
    assert found is not None and found.kind == "medical_emergency", (text, found)


@pytest.mark.parametrize("text", ["ti bebe a pa reponn, li tou mou", "bebe m mou net, li pa reponn"])
def test_a_baby_that_does_not_respond_is_limp_not_out_of_reach(text):
    # the Kreyòl pair for a child not answering the phone read it as a missing child
    assert alarm(text).kind == "medical_emergency"


@pytest.mark.parametrize("text", ["he makes a strange noise when he breathes, help", "nou rale l nan dlo a, kounya l ap touse",
                                  "tibebe a ap touse li pa ka dòmi"])
def test_an_ordinary_word_one_letter_from_a_danger_word_is_no_typo(text):
    # "noise" was read as "noose" (suicide advice for a baby's breathing), Kreyòl "touse" (coughs) as "touye" (kills)
    # or "pouse" (pushed)
    found = alarm(text)
    assert found is None or found.kind == "medical_emergency", found


@pytest.mark.parametrize("text", ["mi hija tiene tos en la noche pero respira bien", "il a un peu de fièvre mais il joue normalement",
                                  "bebe a gen lafyev men l ap tete byen", "my baby has a runny nose but is feeding well",
                                  "meu filho tá com catarro mas respira bem"])
def test_a_childs_signs_said_to_be_absent_raise_no_alarm_from_the_learned_check_alone(text):
    assert alarm(text) is None


@pytest.mark.parametrize("text", ["mi bebe no respira bien, esta morado", "he is not breathing well, lips blue"])
def test_a_danger_phrase_still_counts_with_a_well_word_near(text):
    assert alarm(text) is not None


@pytest.mark.parametrize("text", ["mi bebe no respira bien y esta morada la boquita", "li pa respire byen, bouch li ble",
                                  "my son is not breathing normally, his lips are blue", "meu bebe nao respira bem e ta roxo"])
def test_a_well_word_denied_is_no_sign_absent(text):
    # "respira bien" inside "no respira bien" switched the learned alarm off (a reviewer's finding)
    assert alarm(text) is not None and not _signs_absent(text)


@pytest.mark.parametrize("text, absent", [("meu bebe nao ta mamando bem e ta muito quente", False),
                                          ("tibebe a pa ap tete byen, li cho anpil, li mou", False),
                                          ("he isn't breathing normally", False), ("li touse men n ap jwe", True),
                                          ("tiene tos pero respira bien", True)])
def test_a_negation_up_to_three_words_before_a_well_word_denies_it(text, absent):
    # a reviewer's finding: one word before was too short ("nao ta mamando bem"), "isn't" folds to "isn t", and
    # Kreyòl "n" is "we", no negation
    assert _signs_absent(text) is absent


@pytest.mark.parametrize("text", ["we pay 40 dollars for 1 month in this room", "been here 3 weeks, the temperature drops at night",
                                  "i fell asleep on the train", "se cayó la señal a la altura de Puebla",
                                  "está tan flaco que se le marcan las costillas", "j'ai mal à la tête, pas pu m'endormir",
                                  "lapli ap tonbe sou twati a", "a cozinha tá abrindo, hoje tem costela",
                                  "meu celular caiu do beliche", "bebe m nan, li pèdi apeti", "his eyes are sunken, he is tired"])
def test_everyday_words_near_a_childs_danger_sign_raise_no_alarm(text):
    # false alarms a reviewer found in the first lists of the young child's danger signs
    found = alarm(text)
    assert found is None, (text, found)


@pytest.mark.parametrize("text", ["dicen que hay secuestros en la terminal de matamoros, es verdad?",
                                  "people say there are kidnappings on the road to monterrey, is it true?",
                                  "on dit qu'il y a des enlèvements à la frontière, c'est vrai?",
                                  "yo di gen kidnaping sou wout la, eske se vre?",
                                  "dizem que tem sequestro na estrada, é verdade?",
                                  # "someone said": the EMERGENCY answer came for a question (talk, 2026-12-02)
                                  "someone said they are shooting migrants in sonoyta is that true",
                                  "alguien dijo que hay hombres armados en la terminal, es verdad?",
                                  "i heard they kidnap people at reynosa bus station is that true",
                                  # the question first: the violence answer came for it (talk, 2026-12-02)
                                  "is it true they kidnapping people at the bus station in monterrey? we arrive tomorrow",
                                  "hola, ¿es verdad que secuestran migrantes en la terminal de reynosa?",
                                  "c'est vrai qu'on enlève les gens à la gare de tapachula?",
                                  "eske se vre yo kidnape moun bò estasyon an?",
                                  "é verdade q tão sequestrando gente na rodoviária? chegamos amanhã"])
def test_asking_whether_a_rumour_of_danger_is_true_is_no_alarm(text):
    assert alarm(text) is None


@pytest.mark.parametrize("text", ["dicen que nos van a matar si no pagamos", "people say there is a man with a gun outside, help",
                                  "c'est vrai, ils ont kidnappé mon frère hier soir",
                                  # a danger after the question still counts (a reviewer's finding)
                                  "dicen que hay hombres armados afuera, es verdad, estan disparando, ayudenos",
                                  "people say there are kidnappers here, is it true? they just took my son",
                                  "is it true they kidnap people here? they just took my son, help",
                                  # Kreyòl "beats me" now ("mari m te konn bat mwen" tells of the past)
                                  "m nan ozetazini, mari m bat mwen, m pa gen kote pou m ale"])
def test_a_threat_reported_or_a_danger_confirmed_still_raises_the_alarm(text):
    # a rumour needs both: its words and the question whether it is true
    assert alarm(text) is not None


@pytest.mark.parametrize("text", [
    "watched a kidnapping movie at the shelter in el paso, my kids cant sleep lol, any park near?",
    "vimos una peli de secuestros en el albergue y mi hija tiene pesadillas, hay psicologo?",
])
def test_a_danger_word_inside_an_everyday_phrase_is_not_brought_back_by_the_learned_check(text):
    # the learned check alone raised "a kidnapping movie ... my kids cant sleep" once the phrase no longer did
    assert alarm(text) is None, alarm(text)


@pytest.mark.parametrize("text", [
    "vi en las noticias que mataron a dos migrantes en coahuila, nosotros vamos para alla la semana que viene",
    "saw on the news a shooting near the border in juarez, my sister lives there, she is ok",
    "j'ai vu aux infos qu'on a kidnappé des migrants à reynosa, on part demain pour la frontière",
    "m tande nan radyo a yo kidnape moun sou wout la, nou poko pati",
    "passou na tv que sequestraram venezuelanos em reynosa, a gente vai passar por la",
])
def test_a_danger_told_as_the_news_is_no_alarm(text):
    assert alarm(text) is None


@pytest.mark.parametrize("text", [
    "vi en las noticias que hay secuestros, y ahorita se llevaron a mi hermano unos hombres armados",
    "on the news they talk about raids. a man with a gun is outside our door right now",
])
def test_a_danger_beside_the_news_still_raises_the_alarm(text):
    assert alarm(text) is not None


@pytest.mark.parametrize("text", [
    "dormimos en la calle en chicago, los albergues llenos, hace un frio que mi hija no siente las manos",
    "we sleep in the car, it is 2 degrees and my son cant feel his feet",
    "il fait -25 dehors et mon mari ne sent plus ses pieds",
    "fredi a twop, m pa santi pye m anko, nou nan lari a",
    "to na rua em curitiba com meu filho, ele ta gelado e nao para de tremer",
    "el guia se fue, se nos acabo el agua y no sabemos donde estamos",
    "we ran out of water 2 days ago and the guide left us, we dont know where we are",
    "meu ex sabe onde eu moro e disse que vai vir me matar hoje",
    "el hombre que me amenazo sabe donde vivo y dice que va a venir esta noche",
])
def test_frostbite_no_water_while_lost_and_a_threat_at_home_raise_the_alarm(text):
    assert alarm(text) is not None


@pytest.mark.parametrize("text", [
    "hace frio en la noche, donde consigo cobijas?",
    "the shelter is full, where else can we sleep tonight?",
    "o motorista sabe onde eu moro, vai me pegar amanha pra ir pro trabalho",
    "sin agua potable en el albergue, donde compro agua?",
])
def test_cold_a_full_shelter_or_a_lift_home_alone_raise_no_alarm(text):
    assert alarm(text) is None


@pytest.mark.parametrize("text", [
    "my brother was robbed and beaten 3 yrs ago in mexico, does that help my asylum case?",
    "what do i do if the police hit me? just in case, we cross next week",
    "nos asaltaron en el bus pero gracias a dios esta bien mi esposo, que hacemos con la denuncia",
    "fui ameaçado pelo agiota mas isso ja passou, agora quero regularizar meus papeis",
    "gang yo te tire sou kay nou an 2019, se sa k fe nou kite, eske sa ka ede pou azil?",
])
def test_a_harm_said_to_be_past_or_only_supposed_is_no_alarm(text):
    assert alarm(text) is None


@pytest.mark.parametrize("text", [
    "ya paso la frontera mi hijo y lo secuestraron",  # "ya pasó" is also "has crossed"
    "a gente ja passou o muro e meu marido desmaiou, nao acorda",
])
def test_crossed_already_is_no_harm_past(text):
    assert alarm(text) is not None


def test_a_kreyol_rumour_told_as_they_told_me_is_asked_about_not_an_alarm():
    # "yo di m ke ... yo separe timoun ak paran yo, se vre?" raised the missing-child alarm (911, "give a photo")
    text = "yo di m ke nan frontyè a yo separe timoun ak paran yo, se vre? nou gen 3 pitit, nou nan Tapachula"
    assert alarm(text) is None and rumour_asked(text)
    assert alarm("yo di m ke yo kidnape moun nan teminal la, se vre? yo fenk kidnape pitit mwen") is not None


@pytest.mark.parametrize("text", ["no sé", "no se", "no", "nao sei", "idk"])
def test_a_word_or_two_that_no_phrase_or_cry_names_raises_no_alarm(text):
    # "no sé" answering "where are you?" was read by the learned check as a danger (0.80): the emergency answer
    assert alarm(text) is None


@pytest.mark.parametrize("text", ["socorro", "no respira", "me violaron", "anmwe", "SOCORROOO!!"])
def test_a_short_danger_still_raises_it(text):
    assert alarm(text) is not None


@pytest.mark.parametrize("text", ["ICE took my husband, i dont know where he is, i have 2 little kids with me in houston",
                                  "la migra se llevo a mi esposo y no se donde esta",
                                  "a mi esposo lo agarró la migra esta mañana, estoy sola con los niños",
                                  "l'ICE a arrêté mon mari ce matin, je ne sais pas où il est",
                                  "ICE arete frè m maten an, m pa konn kote yo mete l",
                                  "o ICE levou meu marido hoje cedo, tô sozinha com as crianças"])
def test_an_adult_taken_by_migration_is_told_as_a_detention(text):
    # the detention's rights text and legal help answer (after the emergency's, when the learned check alarms)
    assert tells_detention(text)


@pytest.mark.parametrize("text", ["CBP took my son into a different room yesterday and now they say he was moved, hes 8",
                                  "ICE took my dad this morning, im 14 and alone with my little sister in the apartment",
                                  "ICE took my husband and they beat him, he is bleeding",
                                  # a review's (2026-12-06): the alarm must stand beside a detention told
                                  "ICE took my husband and my 5 yr old is alone at home i am stuck at work cant leave",
                                  "migracion se llevo a mi esposo y no tiene su insulina es diabetico se me puede morir",
                                  "ICE took my husband but they had no uniform no badge just a van, he dont answer"])
def test_a_child_taken_a_child_alone_or_another_harm_beside_a_detention_still_alarms(text):
    assert alarm(text) is not None, text


@pytest.mark.parametrize("text", ["la migra agarro a mi hermano en tapachula ayer, no sabemos nada",
                                  "migracion se llevo a mi esposo desde ayer no sabemos nada de el"])
def test_an_adult_held_by_migration_is_not_a_missing_person(text):
    # "ayer … no sabemos nada" (someone gone and not back) gave the missing-child advice (tell the migration staff)
    # for a brother the migration had taken: the detention answers
    assert alarm(text) is None and tells_detention(text), text


@pytest.mark.parametrize("text", ["la migra se llevo a mi esposo ayer y mi hijo no ha vuelto, no sabemos nada",
                                  "unos hombres se llevaron a mi hermano ayer, no sabemos nada",
                                  # a review's: someone not back, whatever the child is called
                                  "la migra se llevo a mi esposo ayer y mi carajito no ha vuelto de la escuela no sabemos nada",
                                  "ICE took my wife yesterday and my 14yo didnt come home, we dont know anything",
                                  "imigrasyon arete mari m ye, fi m nan pa tounen lakay depi ye",
                                  # a second review's: another adult named is the one missing
                                  "migracion agarro a mi papa ayer, mi tio se quedo en el monte, no sabemos nada",
                                  "la migra se llevo a mi esposo ayer, mi suegra salio a buscarlo en la noche y no sabemos nada"])
def test_a_child_named_or_no_migration_keeps_the_missing_persons_alarm(text):
    assert alarm(text) is not None, text


@pytest.mark.parametrize("text", ["migracion se llevo a mi esposo, mi bebe de 1 año se quedo solo en el cuarto",
                                  "ICE pran madanm mwen, pitit mwen 3 an rete pou kont li lakay"])
def test_someone_left_alone_by_a_detention_is_no_mere_detention(text):
    # a second review: a child left alone got 1,600 characters of law and nothing about the child
    assert not tells_detention(text)


@pytest.mark.parametrize("text", ["my husband fell down at work and he dont wake up, we in houston",
                                  "my dad collapsed on the sidewalk, what do we do"])
def test_someone_who_does_not_wake_is_a_medical_emergency_when_the_learned_check_says_no_kind(text):
    # the learned check raised the alarm with no kind: the reply had 911 and no first aid (the compressions are given
    # to medical emergencies only)
    assert alarm(text).kind == "medical_emergency"


@pytest.mark.parametrize("text", ["unos hombres se llevaron a mi esposo en una camioneta y no responde su telefono",
                                  "the police took my brother and he is not responding to my calls",
                                  "yo pran mari m nan yon machin, li pa reponn"])
def test_someone_taken_who_does_not_answer_the_phone_is_no_medical_emergency(text):
    # "no responde" is also a phone nobody answers: a review found chest compressions for a kidnapped husband
    assert_not_medical(text)


def test_shaking_said_with_a_phone_nobody_answers_makes_no_medical_emergency():
    assert_not_medical("estoy temblando, se llevaron a mi esposo y no responde el telefono")


@pytest.mark.parametrize("text", ["we in texas in houston my wife is shaking and not responding",
                                  "ma fille tremble et ne répond plus, on est à cayenne",
                                  "minha filha esta tremendo e nao responde",
                                  "mari m ap tranble li pa reponn"])
def test_someone_shaking_who_does_not_respond_raises_the_medical_alarm(text):
    # no phrase and no learned alarm: the bot said "OK, you are in Houston" and showed the menu (2026-12-07)
    assert_medical(text)


def test_a_child_shaking_who_does_not_respond_is_a_seizure_not_a_missing_child():
    # "pitit … pa reponn" read as a child out of reach: "tell the police" instead of the seizure's advice
    assert alarm("pitit mwen an ap souke li pa reponn, nou okap").kind == "medical_emergency"


@pytest.mark.parametrize("text", ["se llevaron a mi hijo, esta temblando y no contesta",  # the child named gone
                                  "pitit mwen an pa tounen depi maten, li pa reponn"])
def test_a_child_gone_keeps_the_missing_childs_alarm(text):
    assert alarm(text).kind == "missing_child"


@pytest.mark.parametrize("text", ["mon mari est sans connaissance", "mi esposo esta inconciente",
                                  "tuvo un desmallo, esta en el piso", "se le pusieron los ojos en blanco y esta tieso",
                                  "esta tieso y echando espuma por la boca", "mi hijo esta estrebuchando"])
def test_unconscious_misspelt_or_a_seizure_told_by_its_signs_raises_the_medical_alarm(text):
    assert_medical(text)


@pytest.mark.parametrize("text", ["my hands are shaking and my phone is not responding",
                                  "je tremble, mon mari ne répond plus au téléphone",
                                  "the app is not responding and the bus is shaking"])
def test_shaking_beside_a_phone_or_an_app_that_does_not_respond_is_no_medical_emergency(text):
    assert_not_medical(text)


@pytest.mark.parametrize("text", ["we are shaking him and he is not responding", "lo estamos sacudiendo y no responde ayuda",
                                  "nou ap souke l li pa reponn", "on le secoue il repond pas",
                                  "lo sacamos del rio esta temblando y no responde",
                                  "pitit mwen ap tranble anba fredi a li pa reponn"])
def test_someone_shaken_to_wake_or_shaking_out_of_the_water_or_the_cold_who_does_not_respond_is_medical(text):
    # a review (2026-12-07): shaken by the writers to wake, read as a seizure; from the river, the seizure advice
    # pushed the drowning's out; a child shaking with cold and not responding read as a missing child
    assert_medical(text)


@pytest.mark.parametrize("text", ["pitit mwen an pa reponn depi maten, madanm mwen ap tranble",
                                  "tifi m nan pa tounen lekol li pa reponn, manman l ap tranble"])
def test_a_missing_child_stays_missing_when_someone_else_shakes(text):
    assert alarm(text).kind == "missing_child"


@pytest.mark.parametrize("text", ["mi hija esta temblando de miedo y su papa no contesta desde que lo agarro migracion",
                                  "la casa esta temblando y mi hermano no contesta",
                                  "mis manos estan temblando y mi esposo no responde desde ayer",
                                  "tranbleman de te a, kay la ap tranble, manman m pa reponn",
                                  "puso los ojos en blanco cuando le dije que no habia cupo", "la lavadora esta echando espuma",
                                  "il tremble il repond pas au telephone"])
def test_fear_a_thing_shaking_an_eye_roll_or_foam_is_no_seizure(text):
    assert_not_medical(text)


@pytest.mark.parametrize("text", ["mi hijo esta temblando tengo miedo no responde", "pitit mwen ap kimen li pa reponn",
                                  "mi esposo esta echando espuma y no responde",
                                  "mi esposo tiembla y no responde, hice una llamada al 911 y nada"])
def test_a_seizure_beside_fear_a_sign_or_a_call_for_help_raises_the_medical_alarm(text):
    assert_medical(text)


@pytest.mark.parametrize("text", ["minha mae caiu e apagou", "meu pai ta desacordado",
                                  # a person who "apagou" and does not respond (the real bot: the rumour answer)
                                  "ele apagou do nada e nao responde, estamos em pacaraima", "minha mae apagou e nao acorda"])
def test_someone_gone_out_in_portuguese_plain_words_is_medical(text):
    # "desacordado" and "caiu e apagou" raised nothing (2026-12-07)
    assert_medical(text)


@pytest.mark.parametrize("text", ["a luz apagou, nao tem energia no abrigo", "ele apagou as mensagens do celular",
                                  # a review: "apagou e nao", "apagou do nada" made phones and shootings medical
                                  "meu celular apagou e nao liga mais, como falo com minha familia",
                                  "estao atirando, a luz apagou do nada e estamos escondidos",
                                  "meu celular apagou do nada, nao responde", "o coiote apagou e nao respondeu minhas mensagens"])
def test_a_light_or_a_message_gone_off_is_no_emergency(text):
    assert_not_medical(text)
