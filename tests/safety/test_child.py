"""bot.safety.child: a child who says so gets a caution and a person after the answer, in every language."""

import pytest

from bot.dialogue import State, Turn, respond
from bot.language.catalogue import t
from bot.safety.child import child_writing


@pytest.mark.parametrize("text", [
    "la migra se llevo a mi papa, tengo 14 y estoy sola con mi hermanito", "soy menor de edad y no tengo a nadie",
    "ICE picked up my dad this morning, im 15 and alone with my little sister", "im 17yo", "we are minors",
    "j'ai 14 ans et je suis seule à la gare", "m gen 13 an, manman m pa la", "m se yon minè",
    "tenho 16 anos e to sozinho na rodoviaria", "tengo 15, estoy solo"])
def test_a_child_who_says_so(text):
    assert child_writing(text)


@pytest.mark.parametrize("text", [
    "tengo 15 dolares nada mas", "im 15 min away from the shelter", "tengo 12 horas sin comer", "tengo 3 hijos",
    "tengo 40 años", "i am 12 weeks pregnant", "tenho 12 semanas de gravidez", "mi hijo tiene 14 y esta solo",
    "my son is 15", "j'ai 14 euros"])
def test_a_number_that_is_no_age_or_not_the_writers(text):
    assert not child_writing(text)


CHILDREN = {"es": "la migra se llevo a mi papa, tengo 14 y estoy sola con mi hermanito, q hacemos",
            "en": "ICE picked up my dad this morning, im 15 and alone with my little sister, what do we do",
            "fr": "la police a pris ma mère, j'ai 13 ans, je suis seul avec mon petit frère",
            "ht": "imigrasyon pran papa m, m gen 14 an, m pou kont mwen ak ti sè m",
            "pt": "a imigração levou minha mãe, tenho 15 anos e tô sozinha com meu irmão"}


@pytest.mark.parametrize("lang", sorted(CHILDREN))
def test_after_the_answer_a_child_gets_a_caution_and_a_person(knowledge, lang):
    reply, _ = respond(knowledge, "find_services", Turn(text=CHILDREN[lang], intent="need_protection", confidence=0.9),
                       State(lang=lang, lang_chosen=True))
    offer = t(lang, "handover_offer", org=knowledge.kb.deployment.organization)
    assert reply.messages[-2:] == [t(lang, "child_writer"), offer]
    assert reply.text.count(offer) == 1


def test_a_child_in_danger_gets_the_emergency_first_and_the_person_offered_once(knowledge):
    reply, _ = respond(knowledge, "emergency", Turn(text="tengo 15 años y me quiero matar", intent="emergency",
                                                    confidence=0.9, phone_country="MX"), State(lang="es", lang_chosen=True))
    offer = t("es", "handover_offer", org=knowledge.kb.deployment.organization)
    assert reply.messages[-1] == t("es", "child_writer") and reply.text.count(offer) == 1
    assert reply.text.index("911") < reply.text.index(t("es", "child_writer"))
