"""bot.dialogue.handlers: the need asked for when the model and the words disagree, rumours, a greeting with a place."""

import pytest

from bot.dialogue import Menu, State, Turn, respond
from bot.language.catalogue import t

TEXT = "ils veulent nous transférer à Monterrey, on est à Saltillo, y a un refuge ici?"


def _need(knowledge, intent, confidence, text=TEXT):
    _, state = respond(knowledge, "find_services", Turn(text=text, intent=intent, confidence=confidence), State())
    return state.need


def test_an_unsure_need_gives_way_to_the_one_need_the_words_name(knowledge):
    # the model read protection (0.69); "refuge" is the one need the words name
    assert _need(knowledge, "need_protection", 0.69) == "shelter"


def test_a_sure_need_stays(knowledge):
    assert _need(knowledge, "need_protection", 0.95) == "protection"


@pytest.mark.parametrize("text", [
    "my son has high fever since 3 days, no papers",  # was answered with lawyers: the model was sure of legal help
    "mi hijo tiene fiebre hace 3 dias y no tenemos papeles",
    "pitit mwen gen lafyèv depi 3 jou, nou pa gen papye",
])
def test_a_symptom_named_comes_before_a_sure_need_that_can_wait(knowledge, text):
    assert _need(knowledge, "need_legal", 0.97, text) == "medical"
    assert _need(knowledge, "need_protection", 0.97, text) == "protection"  # protection cannot wait either


def test_a_sure_need_with_no_symptom_named_stays(knowledge):
    assert _need(knowledge, "need_legal", 0.97, "is there a legal clinic in el paso") == "legal"
    assert _need(knowledge, "need_legal", 0.97, "im sick of waiting for my asylum papers") == "legal"
    # the sick person is far away: a need for family contact stays
    assert _need(knowledge, "need_family_links", 0.97, "mi mamá está enferma en Venezuela y no contesta") == "family_links"
    # no symptom: a question ("una consulta"), a pregnancy, a broken phone, a sick relative far away
    assert _need(knowledge, "need_legal", 0.97, "Hola una consulta donde puedo encontrar un abogado de inmigracion") == "legal"
    assert _need(knowledge, "need_shelter", 0.97, "we need a shelter tonight my wife is pregnant") == "shelter"
    assert _need(knowledge, "need_connectivity", 0.97, "my phone is broken, where can i charge it") == "connectivity"
    assert _need(knowledge, "need_legal", 0.97, "my mom is sick in honduras and i need a lawyer") == "legal"
    # a need word is no typo of a symptom, and a wound in the soul asks for someone to talk to
    assert _need(knowledge, "need_water_hygiene", 0.97, "kote m ka benyen ak pitit mwen") == "water_hygiene"
    assert _need(knowledge, "need_psychosocial", 0.97, "tengo una herida en el alma, necesito hablar con alguien") == "psychosocial"
    assert _need(knowledge, "need_legal", 0.97, "i wound up in detention last year, i need a lawyer") == "legal"


def test_words_naming_several_needs_or_none_leave_the_model_its_need(knowledge):
    assert _need(knowledge, "need_medical", 0.5, "on a besoin d'un refuge et de nourriture") == "medical"
    assert _need(knowledge, "need_food", 0.5, "aidez nous svp") == "food"


def test_fear_beside_another_need_never_makes_it_psychosocial(knowledge):
    # "tengo miedo" names psychosocial support, but it comes with every need: the model's protection stays
    assert _need(knowledge, "need_protection", 0.69, "quiero denunciar, tengo miedo") == "protection"
    assert _need(knowledge, "need_protection", 0.6, "y a un refuge ici? j'ai peur") == "shelter"


def _rumour(knowledge, text, lang, state=None):
    state = state or State(lang=lang, lang_chosen=True)
    reply, state = respond(knowledge, "rumour", Turn(text=text, intent="rumour", confidence=0.9), state)
    return reply, state


RUMOURS = {"es": "dicen q la migra se lleva a los africanos, es verdad?",
           "en": "ppl say the border closes monday is it true",
           "fr": "les gens disent que la migra ramasse les africains, c vrai?",
           "ht": "yo di imigrasyon ap ranmase moun nan lari a, eske se vre?",
           "pt": "dizem q vao fechar o abrigo, é verdade?"}


def test_a_rumour_is_neither_confirmed_nor_denied_and_legal_help_is_asked_for(knowledge):
    # "Non. Je ne demande jamais..." (the migration-status answer) read as "no" to the rumour

    for lang, text in RUMOURS.items():
        reply, state = _rumour(knowledge, text, lang)
        assert t(lang, "rumour") in reply.messages and t(lang, "tell_migration", days=30) not in reply.messages, lang
        assert state.need == "legal" and state.menu is Menu.ASK_PLACE, lang


def test_a_rumour_where_the_person_is_lists_the_legal_help_there(knowledge):
    reply, state = _rumour(knowledge, "aqui en tapachula dicen que ya no dan la visa humanitaria es verdad?", "es")
    assert state.place and state.place["name"] == "Tapachula"
    assert "Tapachula" in "\n".join(reply.messages[1:])


def test_a_rumour_about_a_right_gets_what_the_law_says_after_the_warning(knowledge):

    reply, state = _rumour(knowledge, "dicen q ya no dan asilo en la frontera de mexico es verdad?", "es")
    assert reply.messages.index(t("es", "rumour")) < len(reply.messages) - 1
    assert state.rights_topic == "asylum" and state.need != "legal", reply.messages


def test_a_greeting_that_says_where_keeps_the_place_for_what_follows(knowledge):
    # "hola, estoy en tijuana" then a question: the bot asked "¿dónde estás?" (talk, 2026-12-03)
    _, state = respond(knowledge, "greet", Turn(text="hola, estoy en tijuana", intent="greet"), State())
    assert state.place and state.place["name"] == "Tijuana" and state.country == "MX"
    _, state = respond(knowledge, "find_services", Turn(text="necesito comida", intent="need_food"), state)
    assert state.place["name"] == "Tijuana" and state.menu is not Menu.ASK_PLACE


def test_a_danger_the_model_read_as_a_rumour_gets_the_emergency_answer_alone(knowledge):
    # "la lancha se esta llenando de agua ... hay niños" got 123, then "no puedo confirmar noticias", a water-points
    # question and the children's rights offer; the sinking boat's advice, not the heat's

    reply, _ = _rumour(knowledge, "la lancha se esta llenando de agua, salimos de capurgana hace media hora, hay niños", "es")
    text = "\n".join(reply.messages)
    assert "123" in text and t("es", "rumour") not in reply.messages, text
    assert t("es", "first_aid_sinking") in text and t("es", "first_aid_overheated") not in text, text


def test_a_need_named_without_a_right_asked_is_the_need_whatever_the_model_read(knowledge):
    # "Rosario gen lafyev depi yè swa, kisa m ka ba li? nou nan Tapachula" (read as a rights question) got the rights menu
    reply, state = respond(knowledge, "rights", Turn(text="Rosario gen lafyev depi yè swa, kisa m ka ba li? nou nan Tapachula",
                                                     intent="ask_rights", confidence=0.6), State(lang="ht", lang_chosen=True))
    assert state.need == "medical" and state.menu is not Menu.RIGHTS, reply.messages
    reply, state = respond(knowledge, "rights", Turn(text="ki dwa m genyen nan lopital la", intent="ask_rights"),
                           State(lang="ht", lang_chosen=True))
    assert state.rights_topic == "health" or state.menu is Menu.RIGHTS, reply.messages


@pytest.mark.parametrize("lang, text, intent", [
    ("es", "un perro mordio a mi hijo, estamos en tapachula, donde lo llevo", "inform_place"),
    ("ht", "yon chen mode pitit mwen, nou nan tapachula", "need_protection"),
    ("en", "a dog bit my son, where is a clinic", "nlu_fallback"),
])
def test_an_animal_bite_gets_medical_care_and_the_washing_advice(knowledge, lang, text, intent):
    # a bite got the menu or "protection": rabies is prevented by washing now and a vaccine in time
    handler = {"inform_place": "place", "need_protection": "find_services", "nlu_fallback": "fallback"}[intent]
    reply, state = respond(knowledge, handler, Turn(text=text, intent=intent, confidence=0.6), State(lang=lang, lang_chosen=True))
    assert state.need == "medical" and t(lang, "first_aid_animal_bite") in reply.messages, reply.messages


@pytest.mark.parametrize("lang, text, intent", [
    ("en", "emerson manitoba, we walked all night, my feet are frozen and black", "inform_place"),
    ("ht", "dwet pye m yo vin nwa ak fret la, nou nan plattsburgh", "need_shelter"),
    # (talking to the bot: read as a rumour)
    ("en", "emerson manitoba, we walked all night across the field, my feet are frozen and black, please", "rumour"),
])
def test_frostbite_gets_medical_care_and_its_own_advice(knowledge, lang, text, intent):
    # frozen, black feet got "OK, you are in Emerson-Franklin" and the menu
    handler = {"inform_place": "place", "need_shelter": "find_services", "rumour": "rumour"}[intent]
    reply, state = respond(knowledge, handler, Turn(text=text, intent=intent, confidence=0.6), State(lang=lang, lang_chosen=True))
    assert state.need == "medical" and t(lang, "first_aid_frostbite") in reply.messages, reply.messages


def test_sorrow_after_frostbite_keeps_emotional_support(knowledge):
    # a review: "since the frostbite took my toes i dont want to go on" got clinics and the frostbite advice
    reply, state = respond(knowledge, "find_services", Turn(text="since the frostbite took my toes i dont want to go on, i feel worthless",
                                                            intent="need_psychosocial", confidence=0.9), State(lang="en", lang_chosen=True))
    assert state.need == "psychosocial" and t("en", "first_aid_frostbite") not in reply.messages, reply.messages


def test_an_emergency_with_frostbite_adds_its_advice_after_the_cold_s(knowledge):
    reply, _ = respond(knowledge, "emergency", Turn(text="pye m nwa, nou mache tout lannwit nan nej la, nou nan plattsburgh",
                                                    intent="emergency", confidence=0.9), State(lang="ht", lang_chosen=True))
    text = "\n".join(reply.messages)
    assert "911" in text and text.index(t("ht", "first_aid_cold")) < text.index(t("ht", "first_aid_frostbite")), text


def test_a_bite_read_as_a_rumour_is_a_need_for_medical_care(knowledge):
    # "un perro me mordio la mano en el albergue, estamos en tapachula, que hago" (read as a rumour) got "I cannot
    # confirm news" and lawyers
    text = "un perro me mordio la mano en el albergue, estamos en tapachula, que hago"
    reply, state = respond(knowledge, "rumour", Turn(text=text, intent="rumour", confidence=0.7), State(lang="es", lang_chosen=True))
    assert state.need == "medical" and t("es", "first_aid_animal_bite") in reply.messages, reply.messages


def test_an_emergency_with_a_bite_adds_the_rabies_advice(knowledge):
    # "mon fils a été mordu par un chien ... où aller?" raised the alarm and said nothing of rabies
    reply, _ = respond(knowledge, "emergency", Turn(text="un chien a mordu mon fils au visage, il saigne beaucoup, on est à montréal",
                                                    intent="emergency", confidence=0.9), State(lang="fr", lang_chosen=True))
    text = "\n".join(reply.messages)
    assert "911" in text and t("fr", "first_aid_animal_bite") in text, text


def test_the_bite_s_advice_is_said_once_when_clinics_follow_the_emergency(knowledge):
    # the rabies advice came twice: in the emergency's answer and again before the list of clinics
    text = "un perro mordio a mi hijo y sangra mucho, necesito un medico, estamos en tapachula"
    reply, state = respond(knowledge, "find_services", Turn(text=text, intent="need_medical", confidence=0.9),
                           State(lang="es", lang_chosen=True))
    body = "\n".join(reply.messages)
    assert "911" in body and state.need == "medical" and body.count(t("es", "first_aid_animal_bite")) == 1, body


def test_on_sms_the_advice_the_emergency_had_no_room_for_still_comes_before_the_clinics(knowledge):
    # a review: the SMS's emergency answer keeps its first lines only; the rabies advice it cut was counted as given
    text = "un perro le mordio la pierna a mi niña, sangra y no para, tiene los pies congelados, en tapachula donde hay clinica"
    reply, state = respond(knowledge, "find_services", Turn(text=text, intent="need_medical", confidence=0.9, medium="sms",
                                                            phone_country="MX"), State(lang="es", lang_chosen=True))
    body = "\n".join(reply.messages)
    assert "911" in body and body.count(t("es", "first_aid_animal_bite")) == 1, body


def test_a_question_on_children_separated_at_the_border_gets_what_the_law_says(knowledge):
    # "is it true they separate kids from parents at the border? ..." got the missing-relatives text and a phone-charging
    # point first, the children's rights text one word away
    text = "is it true they separate kids from parents at the border? we travel with my 2 kids, we're in Piedras Negras"
    reply, state = _rumour(knowledge, text, "en")
    entry = knowledge.kb.rights[("MX", "children")]
    assert any(entry.text["en"][:60] in m for m in reply.messages), reply.messages
    assert state.need != "family_links", reply.messages


@pytest.mark.parametrize("lang, text, handler, situation", [
    ("pt", "só perguntando, o que fazer se alguém for picado por cobra?", "rumour", "snake_bite"),
    ("es", "solo pregunto, que hacer si alguien no respira", "greet", "not_breathing"),
    ("en", "just in case, what do i do if the water starts rising where we sleep?", "fallback", "flood"),
    ("fr", "je demande juste, que faire si quelqu un se noie dans la riviere", "fallback", "drowning"),
    ("ht", "se yon kesyon selman, si dlo a monte kote nou domi a kisa pou n fe", "rumour", "flood"),
])
def test_a_question_asked_ahead_gets_its_first_aid_without_the_alarm(knowledge, lang, text, handler, situation):
    # "só perguntando, ... picado por cobra?" raised no alarm (right) and the model's rumour answered it: "I cannot
    # confirm news"; the first aid is the answer, the number only "if it happens", nothing after it

    state = State(lang=lang, lang_chosen=True, country="CO")
    reply, state = respond(knowledge, handler, Turn(text=text, intent=handler, confidence=0.7), state)
    text = "\n".join(reply.messages)
    assert text.startswith(t(lang, f"first_aid_{situation}")) and "123" in text.splitlines()[-1], text
    assert t(lang, "rumour_asked") not in text, text
    assert state.emergency is None and len(reply.messages) == 1, reply.messages


def test_a_question_asked_ahead_with_a_need_asked_gets_the_first_aid_then_the_list(knowledge):
    text = "solo pregunto, si a alguien le pica una culebra hay hospital en necocli?"
    reply, _ = respond(knowledge, "find_services", Turn(text=text, intent="need_medical", confidence=0.8), State())
    assert "Necoclí" in reply.messages[-1] and "culebra" not in reply.messages[-1], reply.messages
    assert reply.messages[0].startswith("Mordedura de serpiente"), reply.messages


def test_a_question_asked_ahead_naming_only_a_baby_is_never_silent(knowledge):
    # the baby alone is no situation: the handler answers (an empty first-aid reply was sent before)
    reply, _ = respond(knowledge, "fallback", Turn(text="just asking, what if my baby gets a rash", intent="nlu_fallback"),
                       State(lang="en", lang_chosen=True))
    assert reply.messages and all(m.strip() for m in reply.messages), reply.messages


def test_a_place_told_with_one_need_asked_lists_that_need_there(knowledge):
    # "to no rio, na rodoviaria novo rio ... onde posso dormir?" read as a place got "you are in Rio" and the menu
    reply, state = respond(knowledge, "place", Turn(text="to em tapachula, acabei de chegar. onde posso dormir?", intent="inform_place"),
                           State(lang="pt", lang_chosen=True))
    assert state.need == "shelter" and state.place["name"] == "Tapachula", reply.messages
    _, state = respond(knowledge, "place", Turn(text="estoy en tapachula", intent="inform_place"), State(lang="es", lang_chosen=True))
    assert not state.need and state.menu is Menu.MAIN


def test_a_message_is_read_in_its_own_language_after_a_turn_in_another(knowledge):
    # after "tapachula" (answered in Spanish), "entre X et Y" is French: on the road between the two, at neither
    tapachula = {"name": "Tapachula", "admin1": "Chiapas", "country": "MX", "latitude": 14.9, "longitude": -92.27}
    _, state = respond(knowledge, "find_services", Turn(text="on est dans le bus entre Puebla et Mexico, mon bébé a de la fièvre",
                                                        intent="find_services"), State(lang="es", place=tapachula))
    assert not state.place or state.place["name"] != "Puebla", state.place
    _, state = respond(knowledge, "place", Turn(text="maintenant je suis à Mexico, on dort dehors", intent="inform_place"),
                       State(lang="es", place=tapachula))
    assert state.place and state.place["name"] == "Mexico City", state.place  # French "Mexico" is the city


LOST = {"es": "no se donde estamos, necesitamos comida", "en": "we need food, i dont know where we are",
        "fr": "on a besoin de manger, je sais pas ou on est", "ht": "nou bezwen manje, m pa konn ki kote nou ye",
        "pt": "precisamos de comida, nao sei onde estamos"}


@pytest.mark.parametrize("lang", sorted(LOST))
def test_a_person_who_does_not_know_where_they_are_is_told_how_to_say_it(knowledge, lang):
    # "where are you? write the town" cannot be answered by someone who just said they do not know it

    reply, state = respond(knowledge, "find_services", Turn(text=LOST[lang], intent="need_food", confidence=0.9),
                           State(lang=lang, lang_chosen=True))
    assert t(lang, "place_lost") in reply.messages and reply.request_location, lang
    assert state.need == "food" and state.menu is Menu.ASK_PLACE


def test_i_do_not_know_after_where_are_you_keeps_the_need(knowledge):
    # read as a "no" ("deny"), it showed the main menu and the search was lost

    _, state = respond(knowledge, "find_services", Turn(text="necesito comida", intent="need_food", confidence=0.9),
                       State(lang="es", lang_chosen=True))
    assert state.menu is Menu.ASK_PLACE
    reply, state = respond(knowledge, "confirm", Turn(text="no se, no conozco aqui", intent="deny", confidence=0.8), state)
    assert t("es", "place_lost") in reply.messages and state.need == "food" and state.menu is Menu.ASK_PLACE
    reply, state = respond(knowledge, "place", Turn(text="tapachula", intent="inform_place", confidence=0.9), state)
    assert state.place["name"] == "Tapachula" and state.menu is not Menu.ASK_PLACE


# answers to "where are you?" that the intent model read as something else
ANSWERED = {
    "es": ("necesito un albergue", "need_shelter", "ya volvimos a valensia", "goodbye", "Valencia"),
    "pt": ("preciso de comida", "need_food", "obrigado, to em boa vista", "goodbye", "Boa Vista"),
    "fr": ("j'ai besoin d'un médecin", "need_medical", "bonjour on est a cayenne", "greet", "Cayenne"),
    "ht": ("m bezwen manje", "need_food", "wi nou nan santo domingo", "affirm", "Santo Domingo"),
    "en": ("I need a lawyer", "need_legal", "thanks, we are in el paso now", "goodbye", "El Paso"),
}


@pytest.mark.parametrize("lang", sorted(ANSWERED))
def test_a_place_answering_where_are_you_wins_over_the_intent(knowledge, lang):
    # "ya volvimos a valensia" after "where are you?" was a goodbye: "Cuídate", and the search was lost
    first, need, answer, intent, town = ANSWERED[lang]
    _, state = respond(knowledge, "find_services", Turn(text=first, intent=need, confidence=0.9),
                       State(lang=lang, lang_chosen=True))
    assert state.menu is Menu.ASK_PLACE, lang
    handler = {"goodbye": "goodbye", "greet": "greet", "affirm": "confirm"}[intent]
    reply, state = respond(knowledge, handler, Turn(text=answer, intent=intent, confidence=0.8), state)
    assert state.place and state.place["name"] == town, (lang, reply.text)
    assert town in reply.text and state.need == need.removeprefix("need_"), lang


@pytest.mark.parametrize("text, lang, phone, danger, country", [
    ("gracias, adios", "es", "MX", "me estan golpeando, ayuda", "(México)"),
    ("gracias, adios, saludos a santiago", "es", "MX", "me estan golpeando, ayuda", "(México)"),
    ("gracias, saludos a rosario, adios", "es", "MX", "me estan golpeando, ayuda", "(México)"),
    ("mesi anpil, m nan men bondye, orevwa", "ht", "HT", "y ap bat mwen, ede m", "(Ayiti)"),  # "in God's hands"
    ("mesi, nou nan mizè", "ht", "HT", "y ap bat mwen, ede m", "(Ayiti)"),
])
def test_a_goodbye_naming_no_place_surely_said_to_be_here_after_where_are_you_is_a_goodbye(knowledge, text, lang, phone,
                                                                                          danger, country):
    # the names in a goodbye are people ("saludos a santiago"), Kreyòl sayings read as towns ("nan men": South Gate):
    # taken as the place, another country's numbers answered the next danger (found by two reviews)

    first = {"es": "necesito comida", "ht": "m bezwen manje"}[lang]
    _, state = respond(knowledge, "find_services", Turn(text=first, intent="need_food", confidence=0.9, phone_country=phone),
                       State(lang=lang, lang_chosen=True))
    reply, state = respond(knowledge, "goodbye", Turn(text=text, intent="goodbye", confidence=0.9, phone_country=phone), state)
    assert reply.messages == [t(lang, "goodbye")] and not state.place, text
    reply, _ = respond(knowledge, "emergency", Turn(text=danger, intent="emergency", confidence=0.9, phone_country=phone), state)
    assert country in reply.messages[0], reply.messages[0]


def test_not_knowing_where_one_is_leaves_the_last_town_but_a_bare_i_do_not_know_does_not(knowledge):
    state = State(lang="es", lang_chosen=True, country="MX", place={"name": "Tapachula", "admin1": "Chiapas", "country": "MX",
                                                        "lat": 14.9, "lon": -92.26})
    _, kept = respond(knowledge, "fallback", Turn(text="no se", intent="nlu_fallback", confidence=0.4), state)
    assert kept.place and kept.place["name"] == "Tapachula"
    _, moved = respond(knowledge, "find_services", Turn(text="nos bajaron del bus, no se donde estamos, hay comida?",
                                                        intent="need_food", confidence=0.9), kept)
    assert moved.place is None and moved.country == "MX"


@pytest.mark.parametrize("lang, asked, answer", [("en", "I need a doctor", "no idea"), ("es", "necesito un doctor", "no sé"),
                                                 ("pt", "preciso de um médico", "nem sei"), ("fr", "je cherche un médecin", "aucune idée")])
def test_i_do_not_know_keeps_the_conversations_language(knowledge, lang, asked, answer):
    # "no idea" is Spanish words too: it turned an English conversation Spanish and showed the menu

    _, state = respond(knowledge, "find_services", Turn(text=asked, intent="need_medical", confidence=0.9), State(lang=lang))
    reply, state = respond(knowledge, "fallback", Turn(text=answer, intent="nlu_fallback", confidence=0.3), state)
    assert state.lang == lang and t(lang, "place_lost") in reply.messages


@pytest.mark.parametrize("text, lang", [("left this morning, we are on the road now", "en"),
                                        ("ya salimos y vamos caminando por la carretera", "es")])
def test_a_sentence_naming_no_place_is_asked_where_not_called_an_unknown_place(knowledge, text, lang):

    reply, state = respond(knowledge, "place", Turn(text=text, intent="inform_place", confidence=0.9),
                           State(lang=lang, lang_chosen=True))
    assert not any(m.startswith(t(lang, "place_unknown", mention="")[:10]) for m in reply.messages), reply.messages
    assert state.menu is Menu.ASK_PLACE and reply.request_location
    # a short unknown name still gets "I do not know the place"
    reply, _ = respond(knowledge, "place", Turn(text="Xqzville", intent="inform_place", confidence=0.9),
                       State(lang=lang, lang_chosen=True))
    assert any("Xqzville" in m for m in reply.messages), reply.messages


@pytest.mark.parametrize("text, intent, lang, words", [
    ("ICE arete mari m maten an nan Boston, m pa konn kote li ye", "need_legal", "ht", "fanmi"),
    ("o ICE levou meu marido hoje cedo, to em Framingham com as crianças, o que eu faço", "greet", "pt", "familiar"),
])
def test_an_adult_taken_by_migration_gets_the_detention_text_and_how_to_find_him(knowledge, text, intent, lang, words):
    # "no legal advice within 1000 km", or "where are you?", helped nobody whose husband ICE had just taken (2026-12-06)
    handler = "find_services" if intent.startswith("need_") else intent
    reply, state = respond(knowledge, handler, Turn(text=text, intent=intent, phone_country="US"), State(lang=lang, lang_chosen=True))
    said = "\n".join(reply.messages)
    assert "locator.ice.gov" in said and words in said, said


def test_after_the_learned_alarm_beside_a_detention_its_rights_are_one_word_away(knowledge):
    # the learned check's alarm stands (a review: it was the only one for "... my 5 yr old is alone at home"); 1,500
    # characters of law after it would bury the emergency's answer (22 SMS)

    text = "ICE took my husband, i dont know where he is, i have 2 little kids with me in houston"
    reply, state = respond(knowledge, "find_services", Turn(text=text, intent="need_family_links", phone_country="US"),
                           State(lang="en", lang_chosen=True))
    said = "\n".join(reply.messages)
    assert "911" in said and t("en", "rights_later", topic=t("en", "rights_topic_detention")) in said, said
    assert "locator.ice.gov" not in said and state.rights_topic == "detention"


def test_a_town_asked_about_in_portuguese_without_accents_is_answered_in_portuguese(knowledge):
    # "em Monterrey tem albergue? estamos indo pra lá amanhã" was answered in Spanish: the words were folded before
    # the detector saw them ("la", "amanha": Spanish-looking), and "tem", "pra", "indo" were no Portuguese markers
    for text in ("em Monterrey tem albergue? estamos indo pra lá amanhã", "em monterrey tem albergue? estamos indo pra la amanha"):
        _, state = respond(knowledge, "find_services", Turn(text=text, intent="need_shelter"), State())
        assert state.lang == "pt", text


@pytest.mark.parametrize("text, lang, country_word", [
    ("la migra agarro a mi hermano en tapachula ayer, no sabemos nada", "es", "INM"),
    ("imigrasyon arete frè m nan Miyami, m pa konn sa pou m fè", "ht", "ICE"),
    ("a imigração prendeu meu irmão em newark hoje", "pt", "ICE"),
])
def test_a_detention_told_with_its_town_is_that_countrys_law(knowledge, text, lang, country_word):
    # the international text and "which country?" answered a detention whose town was named (the relative's town is
    # where the detention happened: its country's law, legal help near it)
    reply, state = respond(knowledge, "fallback", Turn(text=text, intent="nlu_fallback"), State(lang=lang, lang_chosen=True))
    said = "\n".join(reply.messages)
    assert country_word in said and state.menu is not Menu.RIGHTS_COUNTRY, said


def test_a_detentions_town_is_not_where_the_writer_is(knowledge):
    # a review: read as a danger for the whole turn, "imigrasyon arete frè m nan Miyami" moved a person in Cap-Haïtien
    # to Miami, and the next danger got the US's numbers
    state = State(lang="ht", lang_chosen=True)
    _, state = respond(knowledge, "place", Turn(text="m nan Okap", intent="inform_place", phone_country="HT"), state)
    _, state = respond(knowledge, "fallback", Turn(text="imigrasyon arete fre m nan Miyami", intent="nlu_fallback",
                                                   phone_country="HT"), state)
    reply, _ = respond(knowledge, "emergency", Turn(text="gen bandi k ap tire bo lakay mwen, m pe", intent="emergency",
                                                    phone_country="HT"), state)
    assert "116" in reply.messages[0], reply.messages


def test_a_town_asked_about_from_another_country_lists_that_towns_services(knowledge):
    # a second review: "Guatemala es grande, ¿en qué ciudad estás?" answered a question about Tapachula's shelter
    reply, state = respond(knowledge, "find_services", Turn(text="hay albergue en tapachula? estamos en guatemala todavia",
                                                            intent="need_shelter", phone_country="GT"), State(lang="es", lang_chosen=True))
    assert "Tapachula" in "\n".join(reply.messages) and state.place is None, reply.messages


def test_the_rights_of_a_detention_by_ice_are_the_united_states_wherever_the_writer_is(knowledge):
    reply, _ = respond(knowledge, "fallback", Turn(text="ICE took my husband in houston, im in monterrey mexico now",
                                                   intent="nlu_fallback"), State(lang="en", lang_chosen=True))
    assert "ICE" in "\n".join(reply.messages) and "INM" not in "\n".join(reply.messages), reply.messages


def test_the_rights_of_a_detention_by_ice_are_the_united_states_whatever_the_phone(knowledge):
    reply, _ = respond(knowledge, "rights", Turn(text="o ICE levou meu marido hoje cedo, quais sao os direitos dele",
                                                 intent="ask_rights", phone_country="MX"), State(lang="pt", lang_chosen=True))
    assert "locator.ice.gov" in "\n".join(reply.messages), reply.messages


@pytest.mark.parametrize("town", ["Cap-Haïtien", "Croix-des-Bouquets", "Pointe-à-Pitre"])
def test_a_hyphenated_town_alone_keeps_the_conversations_language(knowledge, town):
    # a review (2026-12-06): the town's words reached the detector ("cap", "haitien") and a Kreyòl talk went French
    _, state = respond(knowledge, "find_services", Turn(text="m bezwen manje pou pitit mwen yo", intent="need_food",
                                                          phone_country="HT"), State())
    assert state.lang == "ht"
    _, state = respond(knowledge, "place", Turn(text=town, intent="inform_place", phone_country="HT"), state)
    assert state.lang == "ht", town
