"""Conversations through the core, with the intent given (no Rasa, no model): what a person would see."""

import pytest

from bot.cli import search_json
from bot.dialogue import State, Turn, respond
from bot.language.catalogue import t
from bot.render.sms import to_gsm7


class Chat:
    def __init__(self, knowledge, medium="rest", phone_country=None):
        self.k, self.state, self.medium, self.phone_country = knowledge, State(), medium, phone_country

    def say(self, text, intent, handler=None, location=None):
        handler = handler or HANDLER.get(intent, "find_services" if intent.startswith("need_") else "fallback")
        turn = Turn(text=text, intent=intent, medium=self.medium, location=location, phone_country=self.phone_country)
        reply, self.state = respond(self.k, handler, turn, self.state)
        return reply


HANDLER = {
    "greet": "greet", "menu": "menu", "help": "help", "choose_language": "language", "more": "more",
    "affirm": "confirm", "deny": "confirm", "choose_option": "option", "inform_place": "place",
    "ask_rights": "rights", "emergency": "emergency", "delete_data": "delete_data",
    "what_do_you_know": "what_do_you_know", "privacy": "privacy", "who_runs": "who_runs",
    "tell_migration": "tell_migration", "is_free": "is_free", "nlu_fallback": "fallback", "goodbye": "goodbye", "rumour": "rumour",
}


def names_in(text, knowledge, need, near):
    return [r["name"] for r in search_json(knowledge, need, near)["results"] if r["name"] in text]


def test_greeting_has_menu_and_privacy_line(knowledge):
    reply = Chat(knowledge).say("hola", "greet")
    assert "Responde con un número" in reply.text and "1. " in reply.text
    assert "no guardo tu número" in reply.text


def test_need_and_place_in_one_message_same_order_as_search(knowledge):
    reply = Chat(knowledge).say("necesito un doctor en Tapachula", "need_medical")
    expected = [r["name"] for r in search_json(knowledge, "medical", "Tapachula")["results"][:3]]
    positions = [reply.text.index(name) for name in expected]
    assert positions == sorted(positions)
    assert "km" in reply.text and "datos de ejemplo" in reply.text


def test_need_then_place_in_english(knowledge):
    chat = Chat(knowledge)
    first = chat.say("I need a shelter", "need_shelter")
    assert "where are you" in first.text.lower() and first.request_location
    second = chat.say("Tapachula", "inform_place")
    expected = search_json(knowledge, "shelter", "Tapachula")["results"][0]["name"]
    assert expected in second.text and "Shelter near Tapachula" in second.text


def test_more_gives_the_next_results(knowledge):
    chat = Chat(knowledge)
    chat.say("necesito un doctor en Tapachula", "need_medical")
    more = chat.say("mas", "more")
    results = search_json(knowledge, "medical", "Tapachula")["results"]
    assert results[3]["name"] in more.text and results[0]["name"] not in more.text


def test_same_need_same_services_in_every_language(knowledge):
    texts = {
        "ht": "mwen bezwen yon doktè nan Tapachula",
        "pt": "preciso de um médico em Tapachula",
        "fr": "j'ai besoin d'un médecin à Tapachula",
        "es": "necesito un doctor en Tapachula",
        "en": "I need a doctor in Tapachula",
    }
    first = search_json(knowledge, "medical", "Tapachula")["results"][0]["name"]
    for lang, text in texts.items():
        chat = Chat(knowledge)
        reply = chat.say(text, "need_medical")
        assert first in reply.text, lang
        assert chat.state.lang == lang


def test_unknown_place_gets_suggestions_or_a_question(knowledge):
    chat = Chat(knowledge)
    chat.say("necesito comida", "need_food")
    reply = chat.say("Tapachulx", "inform_place")
    assert "Tapachula" in reply.text
    reply = Chat(knowledge).say("estoy en Qwzxv", "inform_place")
    assert "No conozco el lugar" in reply.text


def test_on_the_move_after_a_search_the_bot_asks_where_not_sorry(knowledge):
    chat = Chat(knowledge)
    chat.say("necesito comida", "need_food")
    chat.say("estoy en tapachula", "inform_place")
    reply = chat.say("ya nos subieron al bus, no se a donde nos llevan", "nlu_fallback")  # seen: "Perdón, no entendí"
    assert "no entendí" not in reply.text and "Tapachula" not in reply.text and "?" in reply.text, reply.text


@pytest.mark.parametrize("text", ["cuanto cuesta el bus de tapachula a la cdmx?", "mi hermano esta en houston",
                                  "los de necocli dicen q la lancha sale manana, es verdad?"])
def test_towns_named_but_not_where_the_person_is_get_the_question_where(knowledge, text):
    # seen with the running bot: "No conozco el lugar 'hola, cuanto cuesta el bus de tapachula '"
    reply = Chat(knowledge).say(text, "inform_place")
    assert "No conozco el lugar" not in reply.text and "?" in reply.text, reply.text


def test_menu_numbers(knowledge):
    chat = Chat(knowledge)
    chat.say("hola", "greet")
    reply = chat.say("2", "choose_option")
    assert "dónde estás" in reply.text.lower()
    reply = chat.say("Tapachula", "inform_place")
    assert "Albergue" in reply.text or "albergue" in reply.text.lower()


def test_language_menu_and_choice_sticks(knowledge):
    chat = Chat(knowledge)
    chat.say("hola", "greet")
    chat.say("idioma", "choose_language")
    reply = chat.say("4", "choose_option")
    assert chat.state.lang == "ht" and chat.state.lang_chosen
    assert "kreyòl" in reply.text.lower()
    chat.say("necesito comida", "need_food")
    assert chat.state.lang == "ht"


@pytest.mark.parametrize("text", ["soy haitiano, llegue de rd, hablo frances, en santiago me pegan, ayuda",
                                  "i speak only french, a man is hitting me, help"])
def test_a_danger_said_with_a_language_is_answered_with_the_emergency_first(knowledge, text):
    # the language intent answered with the language menu and no number (2026-12-05, the real bot)
    reply = Chat(knowledge, phone_country="CL").say(text, "choose_language")
    assert "133" in reply.text or "911" in reply.text, reply.text


def test_shared_location_is_a_place(knowledge):
    chat = Chat(knowledge)
    chat.say("necesito comida", "need_food")
    reply = chat.say("", "inform_place", location=(14.9055, -92.2634))
    assert search_json(knowledge, "food", "Tapachula")["results"][0]["name"] in reply.text


def test_emergency_first_line_has_the_countrys_number(knowledge):
    reply = Chat(knowledge, medium="whatsapp", phone_country="MX").say("ayuda nos estan golpeando", "need_protection")
    assert "911" in reply.messages[0].splitlines()[0]


def test_emergency_without_country_lists_the_route(knowledge):
    reply = Chat(knowledge).say("me violaron", "emergency")
    first = reply.messages[0]
    assert "911" in first and "72" in first
    assert "país" in first.lower()


def test_sexual_violence_never_asks_what_happened(knowledge):
    reply = Chat(knowledge, phone_country="MX").say("me violaron en el camino", "emergency")
    assert "72" in reply.text and "culpa" in reply.text
    assert "?" not in reply.text  # no question at all, least of all about what happened


def test_rights_asylum_mexico(knowledge):
    reply = Chat(knowledge).say("como pido asilo en mexico", "ask_rights")
    assert "COMAR" in reply.text and "30" in reply.text
    assert "Fuente" in reply.text and "Revisado" in reply.text and "no es asesoría legal" in reply.text


def test_delete_my_data_asks_then_erases(knowledge):
    chat = Chat(knowledge)
    chat.say("necesito un doctor en Tapachula", "need_medical")
    assert "BORRAR" in chat.say("borra mis datos", "delete_data").text.upper() or chat.state.menu == "delete_confirm"
    done = chat.say("si", "affirm")
    assert chat.state.erase and chat.state.place is None and "borrada" in done.text


def test_what_do_you_know(knowledge):
    chat = Chat(knowledge)
    chat.say("necesito un doctor en Tapachula", "need_medical")
    reply = chat.say("que sabes de mi", "what_do_you_know")
    assert "Tapachula" in reply.text and "Español" in reply.text


@pytest.mark.parametrize("text", ["", "a" * 10000, "😀😀😀", "🙏"])
def test_odd_messages_get_a_helpful_reply(knowledge, text):
    reply = Chat(knowledge).say(text, "nlu_fallback")
    assert reply.messages and "1." in reply.text


def test_sms_page_fits_three_segments(knowledge):
    from bot.render.sms import is_gsm7, segments

    for need in ("medical", "shelter", "food", "family_links", "legal"):
        chat = Chat(knowledge, medium="sms", phone_country="MX")
        reply = chat.say(f"necesito {need} en Tapachula", f"need_{need}")
        page = reply.messages[-1]
        assert is_gsm7(page) and segments(page) <= 3, (need, segments(page), page)


def test_emergency_then_the_country_gives_its_number(knowledge):
    chat = Chat(knowledge)
    first = chat.say("quiero morir", "emergency")
    assert "¿En qué país" in first.text
    reply = chat.say("estoy en Guatemala", "inform_place")
    assert reply.messages[0].startswith("EMERGENCIA") and "Guatemala" in reply.messages[0].splitlines()[0]


def test_keyboard_button_text_is_the_menu_choice(knowledge):
    chat = Chat(knowledge)
    chat.say("hola", "greet")
    reply = chat.say("8 Otros: agua, cargar teléfono, protección", "need_water_hygiene")
    assert "Otros servicios" in reply.text and chat.state.menu == "other"


FIRST_TURN = {
    "es": ("necesito comida", "need_food"),
    "en": ("i need food", "need_food"),
    "fr": ("j'ai besoin de manger", "need_food"),
    "ht": ("mwen bezwen manje", "need_food"),
    "pt": ("preciso de comida", "need_food"),
}


@pytest.mark.parametrize("lang", sorted(FIRST_TURN))
@pytest.mark.parametrize("second", ["Tapachula", "monterrey", "Ciudad Juárez!!", "3", "👍", "location"])
def test_language_stays_on_a_neutral_second_turn(knowledge, lang, second):
    chat = Chat(knowledge, medium="whatsapp")
    chat.say(*FIRST_TURN[lang])
    assert chat.state.lang == lang
    if second == "location":
        chat.say("/inform_place", "inform_place", location=(14.9055, -92.2634))
    else:
        chat.say(second, "inform_place")
    assert chat.state.lang == lang


def test_close_places_are_asked_and_a_number_answers(knowledge):
    chat = Chat(knowledge)
    chat.say("necesito un albergue", "need_shelter")
    reply = chat.say("estoy en san jose", "inform_place")
    assert "1. San José, Costa Rica" in reply.text and "California" in reply.text
    reply = chat.say("1", "choose_option")
    assert "San José" in reply.text and chat.state.place["country"] == "CR"


def test_danger_without_a_place_takes_the_phones_country(knowledge):
    reply = Chat(knowledge, medium="whatsapp", phone_country="MX").say(
        "socorro, um homem está nos ameaçando com uma faca", "emergency")
    assert "911" in reply.text and "(México)" in reply.text and "Estados Unidos" not in reply.text


def test_a_first_message_is_read_in_its_own_language(knowledge):
    # no language is known on a first message: the bot detects it before reading the place, so that
    # "no" is Spanish "not yet" in "todavía no pasamos la bandera" (Colombia, not Panama past the flag)
    reply = Chat(knowledge).say("todavia no pasamos la bandera y mi hija esta desmayada, no despierta", "emergency")
    assert reply.text.startswith("EMERGENCIA (Colombia)"), reply.text


# --- at night, the open service first (issue 19) ------------------------------------------------
def _tapachula(hh):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime(2026, 11, 30, hh, 0, tzinfo=ZoneInfo("America/Mexico_City"))  # a Monday


@pytest.mark.parametrize("medium", ["rest", "sms"])
def test_at_three_in_the_morning_a_24h_service_is_on_the_first_page(knowledge, medium):
    from bot import clock

    with clock.frozen(_tapachula(3)):
        chat = Chat(knowledge, medium)
        reply = chat.say("necesito un doctor en Tapachula", "need_medical")
        more = chat.say("mas", "more")  # on SMS the first page (with the privacy line) may hold one service
        results = search_json(knowledge, "medical", "Tapachula")["results"]
    name = (lambda r: to_gsm7(r["name"])) if medium == "sms" else (lambda r: r["name"])
    shown = [r for r in results if name(r) in reply.text]
    assert shown and shown == results[: len(shown)]
    assert any(r["hours"] == ["24/7"] for r in shown)
    assert "abierto 24 horas" in reply.text
    shown_next = [r for r in results if name(r) in more.text]
    assert shown_next == results[len(shown) : len(shown) + len(shown_next)]
    closed = [r for r in shown + shown_next if r["status"] == "closed"]
    assert closed and all(r["opens_at"] for r in closed)
    # every closed one says when it opens; SMS leaves out the word "cerrado" to save room
    said = (reply.text + more.text).count("cerrado, abre " if medium == "rest" else ", abre ")
    assert said == len(closed) and "cerrado ahora" not in reply.text + more.text


def test_at_ten_on_a_weekday_the_nearest_open_ones_first(knowledge):
    from bot import clock

    with clock.frozen(_tapachula(10)):
        reply = Chat(knowledge).say("necesito un doctor en Tapachula", "need_medical")
        results = search_json(knowledge, "medical", "Tapachula")["results"]
    first_three = results[:3]
    assert all(r["status"] == "open" for r in first_three)
    assert first_three[0]["distance_km"] < first_three[-1]["distance_km"]
    positions = [reply.text.index(r["name"]) for r in first_three]
    assert positions == sorted(positions)


def test_a_search_carries_its_outcome_for_the_aggregate_counts(knowledge):
    """(need, country, town, outcome): counted once per search (not for "more"), never sent."""
    chat = Chat(knowledge)
    first = chat.say("necesito un doctor en Tapachula", "need_medical")
    assert first.outcome == ("medical", "MX", "Tapachula", "within_25km")
    assert "within_25km" not in first.text
    assert chat.say("mas", "more").outcome is None
    lost = Chat(knowledge)
    lost.say("necesito comida", "need_food")
    assert lost.say("en Zzyzxqwv", "inform_place").outcome == ("food", "", "", "place_not_understood")


def test_no_clinic_known_still_gives_the_ambulance_number_first(knowledge):
    """Boa Vista has no medical service in the sample knowledge: the person still learns whom to call."""
    reply = Chat(knowledge, phone_country="VE").say("meu filho com febre alta estamos em boa vista", "need_medical")
    text = reply.text
    assert "atendimento médico a menos de" in text  # the need, lower case, inside the sentence
    assert "Se for urgente, ligue 192 (ambulância)" in text and text.index("192") < text.index("Cruz Vermelha")
    shelter = Chat(knowledge).say("preciso de abrigo em boa vista", "need_shelter").text
    assert "192" not in shelter  # the ambulance line is for medical searches only


@pytest.mark.parametrize("lang,ask,report,thanks", [
    ("es", "necesito un doctor en Tapachula", "2 cerrado", "Gracias por avisar sobre"),
    ("en", "I need a doctor in Tapachula", "2 wrong number", "Thank you for telling us about"),
    ("fr", "j'ai besoin d'un médecin à Tapachula", "2 fermé", "Merci de nous avoir prévenus pour"),
    ("ht", "mwen bezwen yon doktè nan Tapachula", "2 nimewo a pa bon", "Mèsi paske ou avèti nou pou"),
    ("pt", "preciso de um médico em Tapachula", "2 fechado", "Obrigado por avisar sobre"),
])
def test_after_a_list_a_number_and_what_is_wrong_reports_that_service(knowledge, lang, ask, report, thanks):
    chat = Chat(knowledge)
    chat.state.lang, chat.state.lang_chosen = lang, True
    chat.say(ask, "need_medical")
    second = search_json(knowledge, "medical", "Tapachula")["results"][1]
    # whatever the model makes of "2 cerrado" (here a menu number), it is a report on the second line
    reply = chat.say(report, "choose_option")
    assert reply.report is not None and reply.report[0] == second["id"]
    assert reply.text == f"{thanks} {second['name']}."
    assert reply.outcome is None and chat.state.menu is None


def test_a_report_after_more_counts_the_numbers_of_the_whole_list(knowledge):
    chat = Chat(knowledge)
    chat.say("necesito un doctor en Tapachula", "need_medical")
    chat.say("mas", "more")
    fourth = search_json(knowledge, "medical", "Tapachula")["results"][3]
    assert chat.say("4 se mudó", "choose_option").report == (fourth["id"], "moved")


def test_reporting_from_the_other_menu(knowledge):
    chat = Chat(knowledge)
    chat.say("necesito un doctor en Tapachula", "need_medical")
    other = chat.say("8", "choose_option")
    number = other.text.split("Avisar que un servicio está mal")[0].strip().splitlines()[-1].split(".")[0]
    which = chat.say(number, "choose_option")
    first = search_json(knowledge, "medical", "Tapachula")["results"][0]
    assert "¿Qué servicio está mal?" in which.text and f"1. {first['name']}" in which.text
    kinds = chat.say("1", "choose_option")
    assert "1. Está cerrado" in kinds.text and "2. El número de teléfono está equivocado" in kinds.text
    done = chat.say("2", "choose_option")
    assert done.report == (first["id"], "wrong_number") and "Gracias" in done.text


def test_without_a_list_a_report_is_explained_and_numbers_keep_their_meaning(knowledge):
    assert Chat(knowledge).say("2 cerrado", "choose_option").report is None  # nothing listed yet: the menu's 2
    chat = Chat(knowledge)
    other = chat.say("8", "choose_option")
    number = other.text.split("Avisar que un servicio está mal")[0].strip().splitlines()[-1].split(".")[0]
    assert "Primero pide un servicio" in chat.say(number, "choose_option").text


def test_danger_comes_before_a_report(knowledge):
    chat = Chat(knowledge, phone_country="MX")
    chat.say("necesito un doctor en Tapachula", "need_medical")
    reply = chat.say("2 cerrado y me golpearon", "choose_option")
    assert reply.report is None and "911" in reply.text


def test_when_the_model_cannot_decide_the_words_name_the_need(knowledge):
    """A sick child described, no need word the model knew: medical care near the town, not "I did not understand"."""
    chat = Chat(knowledge)
    chat.state.lang, chat.state.lang_chosen = "fr", True
    reply = chat.say("svp aidez moi on est a tapachula ma fille a 2 ans elle vomit depuis hier", "nlu_fallback")
    first = search_json(knowledge, "medical", "Tapachula")["results"][0]["name"]
    assert first in reply.text and "pas compris" not in reply.text


def test_without_need_words_the_fallback_still_shows_the_menu(knowledge):
    chat = Chat(knowledge)
    chat.state.lang, chat.state.lang_chosen = "es", True
    assert "no entendí" in chat.say("bueno y eso que", "nlu_fallback").text.lower()


def test_a_misread_need_never_follows_the_emergency(knowledge):
    """The model read "family" in "mi esposa se desmayó": the emergency answer stands alone."""
    reply = Chat(knowledge, phone_country="MX").say(
        "mi esposa desmayo por el calor en el camino estamos cerca de tapachula que hago", "need_family_links")
    assert "911" in reply.text and "Contacto con la familia" not in reply.text


def test_a_need_the_words_confirm_follows_the_emergency(knowledge):
    reply = Chat(knowledge, phone_country="MX").say(
        "nos golpearon y nos robaron todo, no tenemos donde dormir, estamos en tapachula", "need_shelter")
    first = search_json(knowledge, "shelter", "Tapachula")["results"][0]["name"]
    assert "911" in reply.text and first in reply.text
    assert reply.text.index("911") < reply.text.index(first)


def test_in_danger_a_town_the_bot_is_unsure_of_adds_its_countrys_number(knowledge):
    """A Venezuelan phone, a town the message seems to name in Colombia but without the evidence to take
    it: the phone's country's numbers first (never a guessed town), Colombia's fitting number right after."""
    reply = Chat(knowledge, phone_country="VE").say(
        "estamos en florida en una finca y el patron nos amenaza con un arma", "emergency")
    lines = reply.text.splitlines()
    # Florida is a state of the US and a town of Valle del Cauca: the state's number first, the phone's second
    assert "Estados Unidos" in lines[0]
    assert lines[1].startswith("Si estás en otro país – Venezuela")


def test_in_danger_a_town_with_its_department_is_sure(knowledge):
    # "valle" after a Colombian town is Valle del Cauca: Florida, Colombia, is taken, its number first
    reply = Chat(knowledge, phone_country="VE").say(
        "estamos en florida valle en una finca y el patron nos amenaza con un arma", "emergency")
    assert reply.text.startswith("EMERGENCIA (Colombia): llama ya al 123"), reply.text


def test_a_cry_for_help_points_to_no_other_country(knowledge):
    reply = Chat(knowledge, phone_country="MX").say("socorro, um homem está nos ameaçando com uma faca", "emergency")
    # no town guessed ("socorro" was Socorro, Texas, with the US's number); the phone's country first, and only Brazil,
    # where Portuguese is spoken, second (a phone of another country writing Portuguese in danger may be there)
    assert reply.messages[0].startswith("EMERGÊNCIA (México)") and "Estados Unidos" not in reply.text, reply.messages
    assert "outro país – Brasil" in reply.text, reply.messages


def test_the_models_emergency_does_not_count_for_a_harm_the_message_says_is_over(knowledge):
    # the model may call a question about past violence an emergency; the words say it is over
    reply = Chat(knowledge).say("hace 2 años me secuestraron en mexico, eso sirve para el asilo?", "emergency")
    assert "911" not in reply.text and "emergencia" not in reply.text.lower()
    # ...unless they say it goes on
    reply = Chat(knowledge, phone_country="MX").say("hace 2 años me secuestraron y hoy me encontraron otra vez",
                                                    "emergency")
    assert "911" in reply.text


def test_danger_a_town_left_hours_ago_comes_before_the_phone_from_home(knowledge):
    # a Venezuelan number, a Mexican town named: Mexico's number first, Venezuela's on the next line
    reply = Chat(knowledge, medium="whatsapp", phone_country="VE").say(
        "nos tienen encerrados en un camion sin aire, salimos de veracruz hace 4 horas", "emergency")
    lines = reply.messages[0].splitlines()
    assert "911" in lines[0] and "México" in lines[0], lines[:2]
    assert "Venezuela" in lines[1], lines[:2]


@pytest.mark.parametrize("moved, lang", [("ya no estoy en tapachula, me sali ayer. necesito comida", "es"),
                                         ("we left that town yesterday, now i need food", "en"),
                                         ("nou rive", "ht")])
def test_a_person_who_left_the_last_town_is_asked_where_not_sent_back(knowledge, moved, lang):
    chat = Chat(knowledge)
    chat.say("necesito un doctor en Tapachula", "need_medical")
    assert chat.state.place["name"] == "Tapachula"
    reply = chat.say(moved, "need_food")
    assert chat.state.place is None and "Tapachula" not in reply.text, reply.text


@pytest.mark.parametrize("text, lang, asked", [("ya no estoy", "es", "dónde estás"), ("not anymore", "en", "where are you"),
                                              ("no, ya me movi", "es", "dónde estás")])
def test_not_there_any_more_read_as_a_no_asks_where(knowledge, text, lang, asked):
    chat = Chat(knowledge)
    chat.say("necesito comida, estoy en reynosa" if lang == "es" else "i need food, we are in reynosa", "need_food")
    reply = chat.say(text, "deny")  # the model reads the short reply as a "no": the needs menu helped nobody
    assert asked in reply.text.lower() and "Reynosa" not in reply.text and chat.state.place is None, reply.text


@pytest.mark.parametrize("text, lang, asked", [("nou rive", "ht", "ki kote ou ye"), ("we arrived", "en", "where are you")])
def test_we_arrived_is_asked_where_not_read_as_a_place(knowledge, text, lang, asked):
    chat = Chat(knowledge)
    chat.say("i need food, we are in tapachula" if lang == "en" else "m bezwen manje, m nan tapachula", "need_food")
    reply = chat.say(text, "inform_place")  # what the model says of a message this short
    assert asked in reply.text.lower() and text not in reply.text, reply.text


def test_a_person_still_there_gets_the_last_towns_services(knowledge):
    chat = Chat(knowledge)
    chat.say("necesito un doctor en Tapachula", "need_medical")
    reply = chat.say("y donde hay comida?", "need_food")
    assert chat.state.place["name"] == "Tapachula" and "Tapachula" in reply.text


def test_a_danger_only_the_learned_check_sees_gets_the_emergency_answer(knowledge):
    # no phrase matches and the intent given is a need: the numbers still come first
    reply = Chat(knowledge, phone_country="MX").say(
        "un tipo le ofrecio trabajo a mi hija de 15 y se fue con el anoche, no contesta", "need_family_links")
    assert "911" in reply.messages[0].splitlines()[0]


def test_after_a_learned_alarm_the_need_asked_for_still_follows(knowledge):
    # the learned check may be wrong: a false alarm costs the person one line, not the answer
    chat = Chat(knowledge, phone_country="MX")
    reply = chat.say("un tipo le ofrecio trabajo a mi hija de 15 y se fue con el anoche, no contesta, estamos en tapachula",
                     "need_family_links")
    assert "911" in reply.messages[0].splitlines()[0]
    assert len(reply.messages) > 1


@pytest.mark.parametrize("text, intent", [
    ("el niño tiene diarrea y vomito desde ayer y ya no tiene fuerza, estamos en huixtla", "need_legal"),
    ("my daughter keeps vomiting and she is very weak and pale, we are in mcallen", "need_legal"),
])
def test_after_a_learned_alarm_no_list_of_another_need_than_the_words_name(knowledge, text, intent):
    # "mi niña vomita todo... estamos en huixtla" read as a legal need: the alarm, then a list of legal clinics
    reply = Chat(knowledge).say(text, intent)
    assert "911" in reply.messages[0].splitlines()[0]
    assert len(reply.messages) == 1, reply.messages


def test_after_a_learned_alarm_the_need_asked_for_among_others_still_follows(knowledge):
    # the words name medical care and a shelter; the model read the shelter: its list follows the alarm
    reply = Chat(knowledge).say("we need a shelter tonight, my son keeps vomiting and is very weak, we are in mcallen",
                                "need_shelter")
    assert "911" in reply.messages[0].splitlines()[0] and len(reply.messages) > 1, reply.messages


def test_a_cry_for_help_alone_gets_the_emergency_numbers_then_the_menu(knowledge):
    reply = Chat(knowledge, phone_country="MX").say("SOCORROOO!!", "help")
    assert "911" in reply.messages[0].splitlines()[0]
    assert len(reply.messages) > 1  # what "help" answers still follows


@pytest.mark.parametrize("text, intent_words, city", [
    ("me deportaron a tegucigalpa ayer, no tengo donde dormir", "DERECHOS", "Tegucigalpa"),
    ("they deported me to san pedro sula yesterday, i have nowhere to sleep", "RIGHTS", "San Pedro Sula"),
])
def test_a_bed_tonight_comes_before_the_rights_text_and_the_text_is_one_word_away(knowledge, text, intent_words, city):
    chat = Chat(knowledge)
    first = chat.say(text, "ask_rights")  # the model reads deportation; the words say a bed tonight
    assert city in first.text and chat.state.rights_topic == "deportation"
    assert "Fuente" not in first.text and "Source" not in first.text  # not the rights text yet
    assert intent_words in first.text
    later = chat.say(intent_words.lower(), "ask_rights")
    assert ("Fuente" in later.text or "Source" in later.text) and ("Revisado" in later.text or "Reviewed" in later.text)


def test_a_health_rights_question_gets_the_rights_text_not_a_clinic(knowledge):
    reply = Chat(knowledge).say("tengo derecho a ir al medico en mexico sin papeles? estoy enfermo", "ask_rights")
    assert "Fuente" in reply.text


def test_the_intent_model_alone_raises_no_alarm(knowledge):
    # DIET read "emergency" (0.88) in a wait for a bus; the phrases and the learned check said no
    reply = Chat(knowledge).say("on attend au terminal depuis hier soir, le bus ne vient pas", "emergency")
    assert "URGENCE" not in reply.text and "911" not in reply.text
    assert "danger" in reply.text  # the menu's last line: say it if you are in danger


def test_the_intent_model_alone_with_a_shared_location_gets_the_place(knowledge):
    chat = Chat(knowledge, medium="whatsapp")
    reply = chat.say("", "emergency", location=(14.9045, -92.2575))  # Tapachula
    assert "911" not in reply.text and "Tapachula" in reply.text and "no entendí" not in reply.text


@pytest.mark.parametrize("text, lang", [("nous sommes à castries, sainte-lucie, avec 3 enfants, où dormir ce soir?", "fr"),
                                        ("we are in bridgetown barbados, need a place to sleep tonight", "en")])
def test_no_service_and_no_red_cross_known_there_offers_a_person(knowledge, text, lang):
    # "Aucun résultat ... de Montréal" was all, when the knowledge had no Canadian entry to name
    reply = Chat(knowledge).say(text, "need_shelter")
    assert t(lang, "handover_offer", org=knowledge.kb.deployment.organization) in reply.messages[-1], reply.messages


def test_canada_has_its_emergency_number_and_red_cross(knowledge):
    # people on the route reach Montréal and Toronto: the route's numbers were all a danger there got
    reply = Chat(knowledge).say("toronto downtown, shelters full, sleeping outside at -20 with my 2 kids", "need_shelter")
    text = "\n".join(reply.messages)
    assert "(Canada)" in text and "911" in text and "Canadian Red Cross" in text and "Guatemala 122" not in text, text
    assert "Cold:" in text, text  # the cold's first aid, read from "-20"


def test_no_service_where_the_red_cross_is_known_names_it_and_offers_no_person(knowledge):
    reply = Chat(knowledge).say("estamos en la union el salvador, hay comida?", "need_food")
    text = "\n".join(reply.messages)
    assert "Cruz Roja" in text and t("es", "handover_offer", org=knowledge.kb.deployment.organization) not in text
    reply = Chat(knowledge).say("we are in montevideo, need a place to sleep tonight", "need_shelter")
    assert "Cruz Roja Uruguaya" in "\n".join(reply.messages), reply.messages


@pytest.mark.parametrize("text, lang, country, number", [
    ("estamos en la paz bolivia y a mi esposo lo apuñalaron, esta sangrando", "es", "Bolivia", "110"),
    ("nou nan Georgetown Guyana, yo tire sou nou", "ht", "Giyana", "911"),
    ("je suis à Cayenne, un homme me menace avec un couteau", "fr", "Guyane", "17"),
    ("im in kingston jamaica, a man is beating my sister", "en", "Jamaica", "119"),
])
def test_a_danger_in_a_country_of_the_route_south_and_east_gets_that_countrys_numbers(knowledge, text, lang, country, number):
    # Bolivia, Guyana, French Guiana, Jamaica... had no file: a danger there got the numbers of the route's other countries
    reply = Chat(knowledge).say(text, "emergency")
    first = reply.messages[0].split("\n")[0]
    assert country in first and number in first, reply.messages


def test_a_first_aid_situation_is_no_learned_only_alarm(knowledge):
    # "meu bebê caiu no rio" raised only the learned check; the intent model read "need_connectivity", and a
    # "where can you charge your phone?" question followed the drowned baby's advice
    reply = Chat(knowledge).say("meu bebê caiu no rio e está gelado, tremendo", "need_connectivity")
    assert len(reply.messages) == 1, reply.messages


def test_a_babys_emergency_with_no_situation_named_still_gives_a_babys_advice(knowledge):
    # "mi bebe de 3 semanas tiene calentura": no first-aid situation matched, so the reply added the adult's
    # "sips of water" for a baby of three weeks; a baby named is kept for the next reply when the country is asked
    reply = Chat(knowledge).say("mi bebe de 3 semanas tiene calentura y esta muy caliente, estamos en huixtla", "emergency")
    assert t("es", "first_aid_heat_infant") in reply.text and t("es", "first_aid_overheated") not in reply.text
    chat = Chat(knowledge)
    chat.say("my baby is 3 weeks old and has a fever of 38.5", "emergency")
    later = chat.say("we are in mexico", "inform_place")
    assert t("en", "first_aid_heat_infant") in later.text and t("en", "first_aid_overheated") not in later.text


@pytest.mark.parametrize("text", [
    "yo kidnape pitit mwen an nan tapachula, yo mande 3000 dola",
    "secuestraron a mi hijo en reynosa, piden dinero",
])
def test_after_an_alarm_no_rights_text_the_words_do_not_ask_for(knowledge, text):
    # the model read a question on children's rights ("pitit", "hijo"): the alarm alone, no text on minors
    reply = Chat(knowledge).say(text, "ask_rights")
    assert "911" in reply.messages[0].splitlines()[0]
    assert len(reply.messages) == 1, reply.messages


def test_after_an_alarm_a_rights_question_asked_still_gets_its_text(knowledge):
    reply = Chat(knowledge).say("me quieren matar en tapachula, tengo derecho a pedir asilo aqui?", "ask_rights")
    assert "911" in reply.messages[0].splitlines()[0] and "Fuente" in reply.text, reply.messages


def test_the_services_of_a_town_arrived_at_later_are_shown_and_it_is_not_kept_as_the_place(knowledge):
    chat = Chat(knowledge, phone_country="VE")
    reply = chat.say("hay comida en tapachula? llegamos mañana con 3 niños", "need_food")
    assert "Tapachula" in reply.text and chat.state.place is None, reply.text


@pytest.mark.parametrize("text, intent, lang", [
    ("m se yon chay pou fanmi m, m pa vle viv ankò", "need_family_links", "ht"),
    ("quiero morir, mi familia estaria mejor sin mi y no tengo que comer", "need_food", "es"),
])
def test_a_suicide_alarm_gets_the_crisis_words_and_a_person_and_nothing_after(knowledge, text, intent, lang):
    # the family-links advice once followed "m se yon chay pou fanmi m" and buried the crisis words
    reply = Chat(knowledge, phone_country="HT" if lang == "ht" else "MX").say(text, intent)
    assert t(lang, "handover_offer", org=knowledge.kb.deployment.organization) in reply.messages[-1], reply.messages
    assert "familylinks" not in reply.text and "EJEMPLO" not in reply.text, reply.messages


@pytest.mark.parametrize("text, intent, lang", [
    ("is it true they kidnapping people at the bus station in monterrey? we arrive tomorrow", "nlu_fallback", "en"),
    ("é verdade q tão sequestrando gente na rodoviária de boa vista? chegamos amanhã", "need_legal", "pt"),
    ("dicen que hay secuestros en la terminal de reynosa, es verdad?", "emergency", "es"),
    # told as the news: "Padon, m pa konprann" and the menu answered it (talk, 2026-12-03)
    ("m tande nan radyo a yo kidnape moun sou wout Reynosa, nou nan Monterrey, eske nou ka ale?", "emergency", "ht"),
    ("vi no jornal que sequestraram gente na rodoviaria de reynosa, da pra passar por la?", "nlu_fallback", "pt"),
])
def test_a_rumour_of_danger_asked_about_gets_who_knows_the_area_and_no_emergency_answer(knowledge, text, intent, lang):
    # "Sorry, I did not understand" and the menu answered the first (talk, 2026-12-02); legal aid the second
    chat = Chat(knowledge)
    reply = chat.say(text, intent)
    assert reply.messages[0] == t(lang, "privacy_short") and t(lang, "rumour_asked") == reply.messages[1], reply.messages
    assert chat.state.need == "protection" and "911" not in reply.text and "190" not in reply.text, reply.messages


def test_a_town_named_when_the_model_alone_says_emergency_is_taken(knowledge):
    # the model's "emergency" with no danger became "Sorry, I did not understand", the town unheard
    chat = Chat(knowledge)
    reply = chat.say("nou nan Monterrey kounya, nou pa konn kote pou n ale", "emergency")
    assert chat.state.place and chat.state.place["name"] == "Monterrey", reply.messages
    assert t("ht", "fallback") not in reply.messages, reply.messages


def test_a_need_asked_beside_a_rumour_is_answered_after_it(knowledge):
    reply = Chat(knowledge).say("is it true they kidnap people at the station? where can we sleep in tapachula", "need_shelter")
    assert t("en", "rumour_asked") in reply.text and "Tapachula" in reply.text, reply.messages


def test_a_question_whether_a_right_is_true_is_no_rumour(knowledge):
    reply = Chat(knowledge).say("es verdad que me pueden deportar si voy al hospital?", "ask_rights")
    assert t("es", "rumour_asked") not in reply.text, reply.messages


def test_after_a_danger_answer_a_list_far_away_does_not_follow(knowledge):
    # shelters 742 km away followed the missing-child advice (talk, 2026-12-02); a list in town still follows
    far = Chat(knowledge).say("my boys werent in the tent when i came back, we are at the shelter in reynosa", "need_shelter")
    assert "911" in far.text and "km" not in far.text, far.messages
    near = Chat(knowledge).say("mi esposo se desmayo y no tenemos donde dormir en tapachula", "need_shelter")
    assert "911" in near.messages[0] and "Albergue comunitario" in near.text, near.messages


@pytest.mark.parametrize("lang, text", [
    ("es", "me pego otra vez, estoy escondida en el baño"),
    ("en", "he hit me again im hiding in the bathroom"),
    ("fr", "il m'a encore frappée, je suis cachée dans les toilettes"),
    ("ht", "li bat mwen ankò, m kache nan twalèt la"),
    ("pt", "ele me bateu de novo, to escondida no banheiro"),
])
def test_a_person_hiding_in_the_bathroom_is_asked_nothing_about_bathrooms(knowledge, lang, text):
    # the model read water and hygiene: "where are you?" for a shower followed the emergency answer (talk, 2026-12-05)
    reply = Chat(knowledge, phone_country="MX").say(text, "need_water_hygiene")
    assert "911" in reply.messages[0] and len(reply.messages) == 1, reply.messages
