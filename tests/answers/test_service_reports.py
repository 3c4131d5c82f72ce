"""Reading "3 closed" after a list of services, in the five languages, with the typos people make."""

import pytest

from bot.answers.service_reports import SHOWN_KEPT, Report, answer, parse, remember

SAID = {
    # es
    "3 cerrado": (3, "closed"),
    "el 2 está cerrado": (2, "closed"),
    "3 serrado": (3, "closed"),
    "1 ya no existe": (1, "closed"),
    "2 número equivocado": (2, "wrong_number"),
    "1 mal número": (1, "wrong_number"),
    "3 numero equibocado": (3, "wrong_number"),
    "2 se mudó": (2, "moved"),
    "1 dirección equivocada": (1, "moved"),
    # en
    "3 closed": (3, "closed"),
    "number 3 is closed": (3, "closed"),
    "3 clossed": (3, "closed"),
    "1 it doesn't exist anymore": (1, "closed"),
    "3 wrong number": (3, "wrong_number"),
    "2 wrng numbr": (2, "wrong_number"),
    "2 moved": (2, "moved"),
    "1 wrong address": (1, "moved"),
    # fr
    "2 fermé": (2, "closed"),
    "le 3 est fermé": (3, "closed"),
    "3 numéro faux": (3, "wrong_number"),
    "1 mauvais numéro": (1, "wrong_number"),
    "2 a déménagé": (2, "moved"),
    # ht
    "3 fèmen": (3, "closed"),
    "1 li fenmen": (1, "closed"),
    "2 nimewo a pa bon": (2, "wrong_number"),
    "3 nimewo pa mache": (3, "wrong_number"),
    "2 demenaje": (2, "moved"),
    # pt
    "3 fechado": (3, "closed"),
    "2 está fechdo": (2, "closed"),
    "1 número errado": (1, "wrong_number"),
    "3 numero nao existe": (3, "wrong_number"),
    "2 mudou de endereço": (2, "moved"),
    # the number after the words, or written as an ordinal
    "cerrado el 2": (2, "closed"),
    "3º cerrado": (3, "closed"),
    "3rd closed": (3, "closed"),
    "#2 fermé": (2, "closed"),
}


@pytest.mark.parametrize("text", SAID)
def test_a_report_in_each_language(text):
    assert parse(text) == Report(*SAID[text])


@pytest.mark.parametrize("text", [
    "is 3 closed?",  # a question, not a report
    "2 personas",
    "3 necesito comida",
    "2 en Tapachula",
    "3 personas necesitamos un albergue que no esté cerrado hoy en la noche por favor",
    "3 y 4 cerrados",  # two numbers: which one?
    "hola",
    "",
])
def test_anything_else_is_no_report(text):
    assert parse(text) is None


def test_a_number_or_a_kind_alone_are_the_menu_steps():
    assert parse("3") == Report(3, None)
    assert parse("cerrado") == Report(None, "closed")


def test_remember_numbers_pages_as_the_list_does():
    first = remember([], 0, ["a", "b", "c"])
    assert remember(first, 3, ["d", "e"]) == ["a", "b", "c", "d", "e"]  # "more": 4 and 5
    assert remember(first, 0, ["x"]) == ["x"]  # a new search starts again
    assert len(remember([], 0, [str(i) for i in range(99)])) == SHOWN_KEPT


def test_answer_names_the_service_and_keeps_only_id_and_kind(knowledge):
    sid = knowledge.kb.services[0].id
    reply, menu, _ = answer(knowledge.kb, "1 cerrado", [sid], "", None, "es")
    assert reply.report == (sid, "closed") and menu is None
    assert reply.text == f"Gracias por avisar sobre {knowledge.kb.services[0].name}."
    # no list on the screen: no report, whatever the words
    assert answer(knowledge.kb, "1 cerrado", [], "", None, "es") is None
    # a number the list does not have
    reply, *_ = answer(knowledge.kb, "4 closed", [sid], "", None, "en")
    assert reply.report is None and "no service 4" in reply.text


def test_the_menu_steps_with_telegram_buttons(knowledge):
    """A keyboard button sends its number and its label: "1 Está cerrado" is the first kind, not a
    report on the first service."""
    first, second = knowledge.kb.services[0], knowledge.kb.services[1]
    shown = [first.id, second.id]
    reply, menu, chosen = answer(knowledge.kb, f"2 {second.name}", shown, "report", None, "es")
    assert (menu, chosen) == ("report_kind", 2) and "1. Está cerrado" in reply.text and reply.options[0] == "Está cerrado"
    reply, menu, _ = answer(knowledge.kb, "1 Está cerrado", shown, "report_kind", 2, "es")
    assert reply.report == (second.id, "closed") and menu is None
    reply, *_ = answer(knowledge.kb, "2 El número de teléfono está equivocado", shown, "report_kind", 1, "es")
    assert reply.report == (first.id, "wrong_number")
