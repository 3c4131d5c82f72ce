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
