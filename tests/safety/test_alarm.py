"""bot.safety.alarm: the one danger check every path uses."""

import pytest

from bot.safety.alarm import alarm, is_cry


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
