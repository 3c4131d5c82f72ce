"""What the message says about the situation, in the five languages, the way people type it."""

import pytest

from bot.safety.first_aid import SEIZURE, advice_for, situations

SAID = [
    ("se desmayó por el calor, no despierta", ("heat",)),
    ("mi hijo esta deshidratado y no reacciona", ("heat",)),
    ("hay un hombre con hipotermia, temblando", ("cold",)),
    ("sleeping outside at -20 with my 2 kids", ("cold",)), ("on dort dehors, il fait moins 15", ("cold",)),
    ("le dieron un machetazo y sangra mucho", ("bleeding",)),
    ("se lo llevo el rio y lo sacamos del agua", ("drowning",)),
    ("estoy embarasada de 8 meses y tengo muchos dolores", ("pregnancy",)),  # as typed, with an s
    ("la riviere a emporte mon fils", ("drowning",)), ("larivye a pran pitit mwen", ("drowning",)), ("o rio levou minha filha", ("drowning",)),
    ("lo mordio una culebra en la pierna", ("snake_bite",)),
    ("mi esposa esta embarazada y tiene mucho dolor", ("pregnancy",)),
    ("my friend collapsed from heat stroke", ("heat",)),
    ("my husband is not breathing", ("not_breathing",)),
    ("mi hijo no respira", ("not_breathing",)),
    ("he is bleeding a lot from his leg", ("bleeding",)),
    ("bitten by a snake, arm swelling", ("snake_bite",)),
    ("my wife is pregnant and bleeding", ("pregnancy",)),
    ("il a fait un coup de chaleur", ("heat",)),
    ("elle est enceinte et elle saigne", ("pregnancy",)),
    ("un serpent l'a mordu", ("snake_bite",)),
    ("madanm mwen ansent li gen doule nan vant", ("pregnancy",)),
    ("koulev mode pitit mwen", ("snake_bite",)),
    ("li tonbe nan rivye a li pa respire", ("drowning",)),
    ("ele esta com muito calor e desmaiou", ("heat",)),
    ("minha esposa gravida esta sangrando", ("pregnancy",)),
    ("uma cobra picou meu filho", ("snake_bite",)),
    # a burn is cooled with water, not given the heat's advice; a scorpion is no snake (found talking to the bot)
    ("mi niña se quemo con agua hirviendo, tiene ampollas", ("burn",)),
    ("the tent caught fire and my daughter has burns on her legs", ("burn",)),
    ("my son burned his arm on the stove, skin is peeling", ("burn",)),
    ("mon fils s'est brûlé avec de l'huile bouillante", ("burn",)),
    ("pitit mwen boule ak dlo cho, po l ap dekale", ("burn",)),
    ("pegaram fogo nas barracas, tem gente queimada", ("burn",)),
    ("a mi hijo lo pico un alacran y se le duerme la lengua", ("scorpion",)),
    ("a scorpion stung my son, he is drooling", ("scorpion",)),
    ("un scorpion a piqué ma fille, elle vomit", ("scorpion",)),
    ("yon eskòpyon pike pitit mwen, li ap vomi", ("scorpion",)),
    ("um escorpião picou meu filho de 4 anos", ("scorpion",)),
    # stabbed or shot said with the verb ("me apuñalaron en el estomago" got no advice but "go to a safe place")
    ("me apuñalaron en el estomago, estoy en reynosa", ("bleeding",)), ("lo acuchillaron afuera del albergue", ("bleeding",)),
    ("le dispararon a mi compañero", ("bleeding",)), ("someone shot my brother", ("bleeding",)),
    ("on l'a poignardé devant le refuge", ("bleeding",)), ("kouzen m pran yon bal nan janm", ("bleeding",)),
    ("esfaquearam meu irmão", ("bleeding",)),
]


@pytest.mark.parametrize("text,expected", SAID)
def test_the_situation_is_read_from_the_message(text, expected):
    assert situations(text) == expected


@pytest.mark.parametrize("text", [
    "estoy embarazada, necesito un doctor",  # pregnant, no pain or bleeding: no pregnancy advice
    "estao cobrando a gente na fronteira",  # "cobrar" (to charge) is not "cobra" (snake)
    "necesito agua", "where can I sleep tonight", "mwen bezwen manje", "",
    "yo kidnape pitit mwen an nan tapachula, ki dwa m genyen?",  # "genyen" (to have): got the bleeding advice
    "husband hitting me again he grabbed the knife",  # a knife held is no wound ("knifed", one letter away)
    "hay una balacera, estamos escondidos", "i have a stabbing pain in my chest",  # shots heard, a pain
    "un perro mordio a mi hijo",  # a dog's bite is no snake's ("mordedura" gave the antivenom)
])
def test_ordinary_words_are_no_situation(text):
    assert situations(text) == ()


@pytest.mark.parametrize("text", [
    "ayuda estoy en dolores de parto sola en el albergue", "se le rompio la fuente a mi esposa y no hay carro",
    "my wife is in labor, contractions every 3 minutes", "ma femme accouche, on est dans la rue",
    "madanm mwen ap akouche, dlo l kase", "minha mulher esta em trabalho de parto e sangrando",
])
def test_labour_gets_its_own_advice_not_the_pregnancy_or_bleeding_one(text):
    # "go to a hospital, lie on the left side" does not say what to do when the baby comes first
    assert situations(text) == ("labour",)


@pytest.mark.parametrize("text", [
    "my wife is bleeding a lot after giving birth", "mi esposa dio a luz hace una hora y no para de sangrar",
    "ma femme a accouché hier et elle saigne beaucoup", "madanm mwen fek akouche li ap senyen anpil",
    "minha mulher deu a luz e esta sangrando muito",
    "my sister just had the baby in the truck and keeps bleeding", "tuvo su bebe ayer y esta botando sangre",
    "j'ai accouché il y a 3 jours et le sang coule sans arrêt", "m akouche ye, jodi a m ap pedi anpil san",
    "a moça teve o bebe no onibus e o sangue nao para",
    "madanm mwen fek akouche e san ap koule anpil",  # "san ap koule" is blood flowing, no boat sinking
])
def test_bleeding_after_the_birth_gets_its_own_advice_not_labour_s(text):
    # "if the baby comes first, let it come by itself" does not fit a birth that is over (found talking to the bot)
    assert situations(text) == ("after_birth",)


@pytest.mark.parametrize("text, expected", [
    ("mi esposa esta de parto y sangra mucho", ("labour",)),  # bleeding in labour: still labour's advice
    ("my sister gave birth last week, now she has a fever and is very weak", ()),  # no bleeding said
    ("nos quedamos sin dinero, mi hijo esta quemado de fiebre", ()),  # "quemado de fiebre" is a fever, no burn
    ("me quede sin agua y no tengo nada", ()),  # "quede" is no typo of "queme"
])
def test_a_birth_without_bleeding_a_fever_or_staying_is_not_read_as_those(text, expected):
    assert situations(text) == expected


@pytest.mark.parametrize("text", ["de parte de mi familia gracias, mi hijo sangra mucho", "vant mwen ap tranche anpil, m ap vomi"])
def test_labour_words_are_not_read_in_ordinary_words(text):
    assert "labour" not in situations(text)


def test_the_most_urgent_comes_first_and_overlaps_are_dropped():
    assert situations("se cayo al rio y esta sangrando, hace mucho frio") == ("bleeding", "drowning", "cold")
    # drowning's advice already says what to do without breathing; a snake bite's covers its bleeding
    assert situations("se cayo al rio y no respira") == ("drowning",)
    assert situations("le mordio una serpiente y sangra") == ("snake_bite",)


@pytest.mark.parametrize("text", ["the raft is taking water, help", "la lancha se esta hundiendo", "nou sou bato a, dlo ap antre",
                                  "o barco ta afundando", "le bateau coule, aidez nous"])
def test_a_boat_sinking_gets_its_own_advice(text):
    assert "sinking" in situations(text)


@pytest.mark.parametrize("lang, no_response", [("es", "no responde"), ("en", "not responding"), ("fr", "ne réagit pas"),
                                               ("ht", "pa reponn"), ("pt", "não responder")])
def test_chest_compressions_only_for_someone_who_does_not_respond(lang, no_response):
    # "mon fils ne respire plus bien" (a child breathing badly, awake) must not be told to push on his chest
    from bot.language.catalogue import t

    for key in ("first_aid_not_breathing", "first_aid_drowning", "first_aid_not_breathing_infant", "first_aid_drowning_infant"):
        assert no_response in t(lang, key).lower(), (lang, key)


@pytest.mark.parametrize("text, expected", [
    ("my baby is not breathing", ("not_breathing_infant",)), ("ayuda mi bebe no respira", ("not_breathing_infant",)),
    ("el bebé no respira, esta morado", ("not_breathing_infant",)), ("mon bébé ne respire plus", ("not_breathing_infant",)),
    ("bebe m pa respire, ede m", ("not_breathing_infant",)), ("tibebe a pa respire", ("not_breathing_infant",)),
    ("meu bebê não está respirando", ("not_breathing_infant",)), ("o recém-nascido parou de respirar", ("not_breathing_infant",)),
    ("mi bebé se cayó al río", ("drowning_infant",)), ("my baby fell in the water and is not breathing", ("drowning_infant",)),
    ("mi bebe esta helado y temblando", ("cold_infant",)), ("my baby has heat stroke", ("heat_infant",)),
])
def test_a_baby_gets_a_babys_chest_compressions(text, expected):
    # pushing "hard and fast" with the hands is an adult's; a baby's chest takes two fingers
    assert situations(text) == expected


@pytest.mark.parametrize("text", ["mi papa no respira, no bebe nada desde ayer", "ele não bebe e não respira direito",
                                  "mi hijo no respira", "ma fille ne respire pas"])
def test_drinks_is_no_baby(text):
    # Spanish and Portuguese "bebe" is also "drinks": an adult who "no bebe" keeps the adult advice
    assert situations(text) == ("not_breathing",)


@pytest.mark.parametrize("lang, fingers", [("es", "dos dedos"), ("en", "two fingers"), ("fr", "deux doigts"),
                                           ("ht", "de dwèt"), ("pt", "dois dedos")])
def test_the_babys_advice_says_two_fingers(lang, fingers):
    from bot.language.catalogue import t

    for key in ("first_aid_not_breathing_infant", "first_aid_drowning_infant"):
        assert fingers in t(lang, key), (lang, key)
        assert fingers not in t(lang, key.removesuffix("_infant"))


@pytest.mark.parametrize("text, advice", [("mi bebe de 3 semanas tiene calentura", ("infant",)),
                                          ("my wife is bleeding", ("bleeding",)),
                                          ("my baby is not breathing", ("not_breathing_infant", "infant")),
                                          # "bb", as people text "baby" in four languages ("mon bb de 2 mois il tète plus"
                                          # got the adult's sips of water)
                                          ("mon bb ne respire plus", ("not_breathing_infant", "infant")),
                                          ("mi bb tiene calentura", ("infant",)), ("meu bb caiu no rio", ("drowning_infant", "infant"))])
def test_the_advice_knows_a_baby_named_even_with_no_situation(text, advice):
    assert advice_for(text) == advice


@pytest.mark.parametrize("text", ["ma fille de 6 mois respire très vite et ses côtes rentrent", "my son is 4 months old and burning",
                                  "mi hijo de 2 meses tiene calentura", "minha filha de 3 semanas ta com febre",
                                  "pitit mwen ki gen 5 mwa ap vomi tout bagay"])
def test_a_child_of_some_weeks_or_months_is_a_baby(text):
    # "ma fille de 6 mois" got the adult's "petites gorgées d'eau"
    assert "infant" in advice_for(text)


@pytest.mark.parametrize("text", ["mi esposa esta embarazada de 7 meses y sangra", "ma femme est enceinte de 6 mois, elle a mal",
                                  "my wife is 7 months pregnant and bleeding", "minha esposa ta gravida de 7 meses e sangrando",
                                  "madanm mwen ansent 7 mwa li senyen", "hace 6 meses que llegamos y mi hija se desmayo",
                                  # a daughter's pregnancy, a child in the womb, a child of a year and a half (a reviewer's)
                                  "mi hija de 7 meses de embarazo se desmayo y no respira",
                                  "minha filha com 7 meses de gravidez desmaiou", "ma fille a 8 mois de grossesse elle saigne",
                                  "mwen gen yon pitit 7 mwa nan vant mwen li pa bouje", "mi hijo de 18 meses no respira",
                                  "my 18 month old is not breathing"])
def test_months_of_a_pregnancy_or_a_stay_are_no_baby(text):
    assert "infant" not in advice_for(text)


@pytest.mark.parametrize("text", [
    "o bote virou no meio do rio, tem pessoas na agua",  # the verb after the boat, as people write it
    "la lancha se volteo cerca de la playa",
    "our boat flip in the waves",
])
def test_a_boat_overturned_in_any_word_order_is_the_boat_in_danger(text):
    assert "sinking" in situations(text) or "drowning" in situations(text), situations(text)


@pytest.mark.parametrize("text", [
    "sleeping in the car, 5 degrees, my husband's toes turning black",
    "no siento los pies, dormimos en la banqueta en denver",
    "il dort dehors, il sent plus ses pieds",
    "m pa santi pye m, m dòmi nan lari a",
    "meu filho ta gelado e nao para de tremer, estamos na rua",
])
def test_frostbite_and_a_shivering_child_get_the_cold_advice(text):
    # (the bot added "If too hot: shade, cool with water" to frostbite)
    assert situations(text) == ("cold",)


@pytest.mark.parametrize("text", [
    "my sons toes are black from the cold, we crossed at night",
    "tenemos los pies congelados y negros, caminamos toda la noche en la nieve",
    "mes orteils sont noirs, on a marché toute la nuit dans la neige",
    "dwet pye m yo vin nwa ak frèt la",
    "meus dedos do pé estão pretos, andamos a noite toda na neve",
])
def test_frostbite_gets_its_own_advice_after_the_cold_s(text):
    # frozen feet are rubbed with snow or held to a fire: its own advice says not to; the body needs the cold's first
    assert situations(text) == ("cold", "frostbite")


@pytest.mark.parametrize("text", [
    # a review: feet black from the desert's heat, a burn: cooled, never warmed; black from grease: nothing
    "meu filho desmaiou no calor do deserto, os pes estao pretos e queimados",
    "le cayo aceite hirviendo en los pies, tiene los pies negros y hace frio",
    # a second review: a burn in everyday words, black feet from a camp fire or hot sand, with a cold word
    "mon fils a marche dans le feu de camp, ses pieds sont noirs, il fait froid",
    "caminamos en la arena caliente todo el dia, en la noche hace frio y mi hijo tiene los pies negros y ampollas",
    "my son stepped in the camp fire his toes are black we r in the snow",
])
def test_heat_or_a_burn_rules_frostbite_out(text):
    assert "frostbite" not in situations(text) and "cold" not in situations(text), situations(text)


@pytest.mark.parametrize("text", [
    # talking to the bot: read as a need for medical care, a widow was told how to warm her husband's feet
    "mi esposo murio de congelamiento en el cerro, no se que hacer, estoy sola con los niños",
    "mon mari est mort de ses gelures, je suis seule avec les enfants",
    "meu marido morreu de congelamento na estrada, estou sozinha",
])
def test_frostbite_someone_died_of_is_none_to_treat(text):
    assert "frostbite" not in situations(text), situations(text)


def test_frostbite_of_the_living_beside_a_death_is_still_treated():
    assert "frostbite" in situations("mi amigo murio de congelamiento y yo tengo los pies congelados, ayuda")


def test_black_fingers_without_the_cold_are_no_frostbite():
    assert situations("mis dedos negros de la grasa del tren donde me puedo bañar") == ()


@pytest.mark.parametrize("text", ["estou com queimadura de frio nos pes", "tiene quemaduras por frio en las manos",
                                  "quemaduras del frio en los pies", "queimaduras pelo frio e bolhas nos pes",
                                  "he has burns from the cold on his hands", "ficamos no sol pra esquentar mas os pes congelaram na neve"])
def test_a_burn_said_in_the_cold_s_words_is_frostbite_never_cooled_under_the_tap(text):
    assert situations(text) == ("cold", "frostbite")


@pytest.mark.parametrize("text, expected", [
    ("mi cuñada tuvo su bebe en el hotel y esta botando mucha sangre", ("after_birth",)),
    ("ya viene el bebe, se le rompio la fuente", ("labour",)),
    ("esta dando a luz y el bebe no respira", ("not_breathing_infant", "labour", "infant")),
])
def test_in_a_birth_the_advice_is_the_mother_s_unless_the_baby_is_in_danger(text, expected):
    # the baby named in a birth got the baby's heat advice ("breast or bottle, no water") meant for the mother
    assert advice_for(text) == expected


@pytest.mark.parametrize("text", [
    "ils ont brulé nos tentes cette nuit mais personne n'a été blessé, on a peur",
    "quemaron las carpas anoche, nadie salio herido pero tenemos miedo",
    "they set fire to the camp, nobody got hurt but we lost everything",
    "yo boule kay la, pesonn pa blese, men nou pa gen kote pou n dòmi",
    "tacaram fogo no abrigo, ninguem se feriu, mas perdemos tudo",
    "hay un alacran en el baño del albergue, nadie fue picado, es peligroso?",
    "a snake came into the tent, nobody was bitten, is it poisonous?",
])
def test_nobody_hurt_said_outright_is_no_wound_burn_or_sting(text):
    # "blessé", "herido", "fire", "alacrán" alone would give the advice to press on a wound, cool a burn, treat a sting
    assert situations(text) == ()


@pytest.mark.parametrize("text, expected", [
    ("mi hijo esta herido y sangra mucho, nadie nos ayuda", ("bleeding",)),
    ("a scorpion stung my daughter, nobody else is here", ("scorpion",)),
])
def test_a_harm_said_beside_no_denial_stays_read(text, expected):  # a guard
    assert situations(text) == expected


@pytest.mark.parametrize("text", [
    "ayudaa estamos en la frontera de pisiga, mi bebe esta muy frio y no llora",
    "my baby is cold and not moving",
    "mon bébé est tout froid et ne bouge plus",
    "meu bebe ta frio e nao chora",
])
def test_a_baby_said_to_be_cold_gets_the_cold_advice_never_the_heat(text):
    # "mi bebe esta muy frio" got "Bebé con mucho calor: ... un paño mojado": cooling a chilled baby (found talking to the bot)
    assert "cold_infant" in advice_for(text), advice_for(text)


@pytest.mark.parametrize("text, marked", [
    ("mi hermana se desmayo y no despierta, estamos en tapachula", True),
    ("my friend collapsed at the bus station, he wont wake up", True),
    ("manman m endispoze li pa reponn", True),
    ("meu filho desmaiou e nao acorda", True),
    ("mon mari a perdu connaissance", True),
    # a seizure's jerks look like it, and pressing on the chest then harms
    ("my son is having a seizure, shaking on the floor, not responding", False),
    ("pitit mwen an gen konvilsyon li pa reponn", False),
    # awake
    ("mi hijo se quemo con aceite, esta llorando", False),
])
def test_someone_who_does_not_respond_is_marked(text, marked):
    from bot.safety.first_aid import UNRESPONSIVE

    assert (UNRESPONSIVE in advice_for(text)) is marked


@pytest.mark.parametrize("text", [
    "estoy embarazada de 8 meses y el bebe no se mueve en mi panza desde ayer",  # the unborn baby: go to hospital
    "mwen ansent 8 mwa tibebe a pa bouje nan vant mwen depi maten",
    "a mi esposo le dio un ataque al corazon y no responde",  # a heart attack is no seizure: compressions
])
def test_the_unborn_and_the_heart_attack(text):
    from bot.safety.first_aid import UNRESPONSIVE

    said = advice_for(text)
    assert (UNRESPONSIVE in said) is ("corazon" in text), said


def test_a_kreyol_babys_age_without_gen():
    assert "infant" in advice_for("pitit mwen 4 mwa li pa reveye li fret anpil")  # the baby's two fingers


@pytest.mark.parametrize("text", [
    "sou gravida de 7 meses e o bebe nao se mexe na barriga estou em pacaraima",
    "mwen ansent 8 mwa tibebe a pa bouje nan vant mwen depi maten",
])
def test_an_unborn_baby_that_stopped_moving_is_the_pregnancys_sign_not_a_baby_to_help(text):
    said = advice_for(text)
    assert "pregnancy" in said and "infant" not in said, said


@pytest.mark.parametrize("text", ["my son is having a seizure shaking on the floor", "mi hijo tiene fiebre y convulsiona",
                                  "pitit mwen an gen konvilsyon", "minha filha teve uma convulsao", "il fait une crise d'epilepsie",
                                  "he is seizing", "esta convulcionando", "li konvilse", "ele ta com convulçao"])
def test_a_seizure_is_marked_but_is_no_situation_of_the_evaluation(text):
    from bot.safety.first_aid import SEIZURE

    assert SEIZURE in advice_for(text) and SEIZURE not in situations(text)


@pytest.mark.parametrize("text", ["esta convulsionando y no respira", "li gen kriz malkadi li pa respire"])
def test_no_compressions_during_a_seizure(text):  # its stiff phase looks like no breathing
    assert not any(s.startswith("not_breathing") for s in advice_for(text)), advice_for(text)


def test_having_epilepsy_is_no_seizure_now():  # the unconscious man hit by a car gets the compressions
    from bot.safety.first_aid import SEIZURE, UNRESPONSIVE

    said = advice_for("mi hermano es epileptico, lo atropello un carro y esta inconsciente")
    assert SEIZURE not in said and UNRESPONSIVE in said


@pytest.mark.parametrize("text", ["mi esposo se esta sacudiendo y no responde", "my wife is shaking all over and not responding",
                                  "li ap tranble li pa reponn", "mon mari tremble de partout et ne repond pas",
                                  "ele ta se debatendo e nao responde"])
def test_shaking_and_not_responding_is_a_seizure(text):
    # a seizure told in plain words got the compressions: its jerks look like no breathing (a review, 2026-12-07)
    assert SEIZURE in advice_for(text) and not any(s.startswith("not_breathing") for s in advice_for(text))


def test_shivering_from_the_cold_and_not_responding_is_no_seizure():
    assert SEIZURE not in advice_for("mi hijo esta temblando de frio y no responde")


@pytest.mark.parametrize("text", ["estoy temblando, se llevaron a mi esposo y no responde el telefono",
                                  "i m shaking so much, ICE took my husband and he is not responding",
                                  "m ap tranble, yo arete mari m, li pa reponn telefon"])
def test_the_writer_shaking_with_fear_is_no_seizure(text):
    # a second review: the writer's own shaking made a kidnapped husband's silence a seizure
    assert SEIZURE not in advice_for(text)


@pytest.mark.parametrize("text", ["mari m ap tranble li pa reponn", "manman mwen ap souke, li pa reponn"])
def test_kreyol_m_after_a_person_is_my_so_the_shaking_is_theirs(text):
    assert SEIZURE in advice_for(text)


@pytest.mark.parametrize("text", ["esta tieso y echando espuma por la boca", "se le pusieron los ojos en blanco",
                                  "un jeune fait une crise par terre, il a de la mousse a la bouche",
                                  "ele ta com os olhos revirados", "li ap kimen nan bouch"])
def test_a_seizure_told_by_its_signs_gets_its_advice_not_the_compressions(text):
    # "tieso y echando espuma" got the compressions (a review, 2026-12-07)
    said = advice_for(text)
    assert SEIZURE in said and not any(s.startswith("not_breathing") for s in said), said


@pytest.mark.parametrize("text", ["mi hijo no contesta el cel, se cayo y sangra", "his phone is not responding, he is shaking"])
def test_a_phone_that_does_not_answer_marks_nobody_unresponsive(text):
    from bot.safety.first_aid import UNRESPONSIVE

    assert not {UNRESPONSIVE, SEIZURE} & set(advice_for(text)), advice_for(text)


@pytest.mark.parametrize("text", ["mi hijo tomo veneno esta echando espuma por la boca y no respira",
                                  "tiene los ojos en blanco y no respira", "the baby eyes rolled back and shes not breathing"])
def test_a_seizures_sign_beside_no_breathing_keeps_the_compressions(text):
    # a review: the signs made a seizure, whose advice waits for it to stop; poison's foam is no seizure's
    said = advice_for(text)
    assert SEIZURE not in said and any(s.startswith("not_breathing") for s in said), said


@pytest.mark.parametrize("text", ["we are shaking him and he is not responding", "mi esposo la esta sacudiendo y no responde",
                                  "lo sacamos del rio esta temblando y no responde"])
def test_shaken_to_wake_or_shaking_from_the_water_is_unresponsive_not_a_seizure(text):
    from bot.safety.first_aid import UNRESPONSIVE

    said = advice_for(text)
    assert UNRESPONSIVE in said and SEIZURE not in said, said


def test_sea_foam_is_no_seizure():
    assert SEIZURE not in advice_for("lanme a ap kimen anpil bato a ap koule")


@pytest.mark.parametrize("text", ["mi hijo esta temblando tengo miedo no responde", "il tremble j ai peur il repond pas",
                                  "mi esposo tiembla y no responde, hice una llamada al 911 y nada",
                                  "my wife is shaking and not responding my phone is almost dead",
                                  "mi hijo puso los ojos en blanco y no responde", "meu pai ta espumando e nao responde",
                                  "pitit mwen an je l vire li pa reponn", "minha filha ta tremendo ela nao responde",
                                  "a mi hijo le tiembla todo el cuerpo y no responde",
                                  "mi esposo se cayo en la casa esta temblando y no responde",
                                  "he fell on the ground shaking and not responding",
                                  "she is foaming at the mouth with blood and her eyes rolled back"])
def test_a_seizure_stays_one_beside_the_writers_fear_a_call_for_help_a_pronoun_or_a_place(text):
    # a second review (2026-12-07): the first mends' fear, phone, object and thing words hid these seizures
    assert SEIZURE in advice_for(text), advice_for(text)


@pytest.mark.parametrize("text", ["tiene los ojos en blanco, no responde y no respira",
                                  "my brother took pills foaming at the mouth not responding not breathing"])
def test_a_sign_with_no_response_and_no_breathing_keeps_the_compressions(text):
    # the last read-through: a sign beside "no responde" made a seizure again, whose advice waits for it to stop
    said = advice_for(text)
    assert SEIZURE not in said and any(s.startswith("not_breathing") for s in said), said


@pytest.mark.parametrize("text", ["mi hija tiene fiebre tiene frio y ahora esta temblando y no responde",
                                  "hace frio aqui en la selva, mi esposa se sacude y no responde que hago"])
def test_a_fever_s_chills_or_the_weather_s_cold_leave_the_seizure(text):
    # a review (2026-12-07): the writers' "tiene frio", "hace frio" as the cold took the seizure's advice from a
    # feverish child and from a seizure in a cold night; tried and dropped
    assert SEIZURE in advice_for(text) and "cold" not in advice_for(text)


def test_blood_in_the_foam_of_a_stabbing_keeps_the_bleeding_advice():
    assert advice_for("lo acuchillaron en el pecho y tiene espuma con sangre por la boca") == ("bleeding",)
