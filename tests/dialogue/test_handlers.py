"""bot.dialogue.handlers: the need asked for, when the model and the message's words disagree."""

from bot.dialogue import State, Turn, respond

TEXT = "ils veulent nous transférer à Monterrey, on est à Saltillo, y a un refuge ici?"


def _need(knowledge, intent, confidence, text=TEXT):
    _, state = respond(knowledge, "find_services", Turn(text=text, intent=intent, confidence=confidence), State())
    return state.need


def test_an_unsure_need_gives_way_to_the_one_need_the_words_name(knowledge):
    # the model read protection (0.69); "refuge" is the one need the words name
    assert _need(knowledge, "need_protection", 0.69) == "shelter"


def test_a_sure_need_stays(knowledge):
    assert _need(knowledge, "need_protection", 0.95) == "protection"


def test_words_naming_several_needs_or_none_leave_the_model_its_need(knowledge):
    assert _need(knowledge, "need_medical", 0.5, "on a besoin d'un refuge et de nourriture") == "medical"
    assert _need(knowledge, "need_food", 0.5, "aidez nous svp") == "food"


def test_fear_beside_another_need_never_makes_it_psychosocial(knowledge):
    # "tengo miedo" names psychosocial support, but it comes with every need: the model's protection stays
    assert _need(knowledge, "need_protection", 0.69, "quiero denunciar, tengo miedo") == "protection"
    assert _need(knowledge, "need_protection", 0.6, "y a un refuge ici? j'ai peur") == "shelter"
