"""Which rights topic a question is about, and whether the words ask about rights at all."""

import pytest

from bot.answers.rights import asks_rights, topic_of


@pytest.mark.parametrize("text, topic", [
    ("est ce que je peux aller a l'hopital sans papiers au mexique", "health"),  # got the topics' menu
    ("me pueden detener si no tengo papeles", "detention"),
    ("how do i ask for asylum in mexico", "asylum"),
    ("kisa k ap pase si imigrasyon depote m", "deportation"),
    # the children a family travels with are not the topic (the text for children alone answered a family)
    ("dicen q en necocli ya no dejan pasar a los venezolanos, es verdad? estamos en turbo con 3 niños", None),
    ("is it true they close the border? we travel with my 2 kids", None),
    ("c vrai que le mexique renvoie tout le monde? on est avec nos enfants", "deportation"),
    ("eske se vre yo fèmen fwontyè a? nou la ak 3 pitit mwen", None),
    ("viajo con mi hija de 5 años, tiene derecho a ir al medico?", "health"),
    ("dicen que te devuelven a guatemala directo, salimos la semana que viene con los niños", "deportation"),
    # ... but the children asked about are
    ("mis hijos pueden ir a la escuela sin papeles", "children"),
    ("o que acontece com meus filhos se me detiverem", "children"),
    ("èske yo ka separe m ak pitit mwen nan fwontyè a", "children"),
    ("ils ont le droit de me séparer de ma famille ?", "children"),
])
def test_the_topic_of_a_question(text, topic):
    assert topic_of(text) == topic


@pytest.mark.parametrize("text, asked", [
    ("tengo derecho a pedir asilo aqui?", True),
    ("what are my rights if ICE stops me", True),
    ("ki dwa m genyen", True),
    ("yo kidnape pitit mwen an nan tapachula", False),
    ("help right now my son is not breathing", False),  # "right" is no "rights"
    ("yo tire m nan bra dwat", False),  # the right arm
    ("sigue derecho por la calle, me robaron los papeles y me golpearon", False),
    ("what can i do, ICE took my husband, i need a lawyer", True),
    ("j'ai le droit de demander l'asile ici?", True),
    # "direito" is also "properly" (2026-12-06: the emergency answer was followed by children's rights)
    ("só Deus salvador pode me ajudar, meu filho não respira direito", False),
    ("minha filha nao respira direito a noite toda", False),
    ("eu tenho direito a atendimento no SUS sem documento?", True),
    ("quais sao os meus direitos se a PF me parar", True),
    ("meu filho tem direito a escola aqui?", True),
    ("posso ter direito ao sus?", True),  # a review's cases
    ("qual direito eu tenho?", True),
    ("quero saber do direito a saude", True),
])
def test_whether_the_words_ask_about_rights(text, asked):
    assert asks_rights(text) is asked


@pytest.mark.parametrize("text", ["ICE took my husband, i have 3 kids", "a mi esposo se lo llevo la migra, que pasa con mis hijos",
                                  "imigrasyon arete frè m", "o ICE levou meu marido"])
def test_an_adult_taken_by_migration_is_the_detention_topic_whatever_else_is_named(text):
    assert topic_of(text) == "detention"


def test_a_deportation_asked_about_after_a_detention_told_is_the_deportation_topic():
    # a review (2026-12-06): "will they deport him?" got the detention text instead of the deportation one
    assert topic_of("ice took my husband, will they deport him? we have 3 kids born here") == "deportation"


@pytest.mark.parametrize("text", ["ICE took my husband yesterday and he never came back home, where is he",
                                  "la migra se llevo a mi esposo y no ha regresado, donde lo tienen?"])
def test_a_detention_with_deportations_everyday_words_is_still_the_detention_topic(text):
    # a second review: "back", "regres" are deportation's stems too, but "where is he?" asks about the detention
    assert topic_of(text) == "detention"
