"""bot.answers.places: how the bot names places when it asks which one."""

from bot.answers.places import place_choices
from bot.places.gazetteer import Place

LA_PAZ_BO = Place("La Paz", "BO", -16.5, -68.15, "America/La_Paz", 812799, "La Paz")
LA_PAZ_MX = Place("La Paz", "MX", 24.14, -110.31, "America/Mazatlan", 171485, "Baja California Sur")


def test_a_choice_names_the_country_even_one_the_knowledge_has_no_file_for(knowledge):
    # "1. La Paz, BO" read as a code to a person choosing where they are
    reply = place_choices(knowledge.kb, [LA_PAZ_BO, LA_PAZ_MX], True, "es")
    assert "1. La Paz, Bolivia; 2. La Paz, Baja California Sur, México" in reply.text, reply.messages
    assert reply.options == ["La Paz, Bolivia", "La Paz, Baja California Sur, México"]
