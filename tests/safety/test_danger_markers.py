"""The danger check's pairs (two words of a kind near each other) and over/now words (a harm that
is past, unless it goes on), on a small phrase file of its own: the mechanism, apart from the
languages' phrase lists."""

import textwrap

from bot.safety.danger import DangerDetector, load_markers, load_phrases


def detector(tmp_path):
    (tmp_path / "xx.yml").write_text(textwrap.dedent("""
        lang: xx
        violence: [me pegan, secuestr*, "echa* nos"]
        pairs:
          missing_child:
            - [[hijo, "mi nin*"], [perdi*, "no aparece"]]
            - [[hijo, ninos], ["no se donde"], 2]
        over: ["hace # anos", "# years ago", "ya estoy a salvo"]
        now: [ahorita, hoy]
        ordinary: ["echa* nos del albergue"]
        adult_taken: ["se llevaron a mi esposo"]
    """), encoding="utf-8")
    phrases, safe = load_phrases(tmp_path)
    return DangerDetector(phrases, safe, *load_markers(tmp_path, safe))


def test_two_words_of_a_kind_near_each_other(tmp_path):
    d = detector(tmp_path)
    assert d.check("mi hijo de 5 anos no aparece").kind == "missing_child"
    assert d.check("no aparece mi nino desde la manana").kind == "missing_child"
    # too far apart: seven words between them are no longer one statement
    assert d.check("mi hijo esta bien y comio y duerme ya pero el perro no aparece") is None
    assert d.check("perdi mi celular") is None  # one half alone is nothing


def test_a_third_number_bounds_how_far_the_first_side_may_follow_a_taken_adults_lost_words(tmp_path):
    d = detector(tmp_path)
    assert d.check("no se donde esta mi hijo").kind == "missing_child"  # right after
    assert d.check("mi hijo, no se donde esta").kind == "missing_child"  # before: the window alone
    assert d.check("no se donde se llevaron los coyotes a los ninos").kind == "missing_child"  # no adult taken first
    assert d.check("mi esposo y yo no se donde se llevaron a los ninos").kind == "missing_child"  # an adult, not taken
    # an adult taken first, the children further on: another clause, the husband is the one taken
    assert d.check("se llevaron a mi esposo, no se donde esta, tengo 3 ninos") is None


def test_a_harm_that_is_over_is_no_danger_unless_it_goes_on(tmp_path):
    d = detector(tmp_path)
    assert d.check("me secuestraron") is not None
    assert d.check("hace 2 anos me secuestraron, sirve para el asilo?") is None
    assert d.check("me pegan, ya estoy a salvo?") is None
    assert d.check("hace 2 anos me secuestraron y hoy me encontraron otra vez") is not None
    assert d.check("hace anos me pegan y ahorita me pegan de nuevo") is not None
    assert d.check("hace dos horas me secuestraron") is not None  # '#' is a number only
    assert d.check("me secuestraron 3 years ago") is None  # a phrase may start with a number


def test_a_danger_phrase_inside_an_ordinary_phrase_does_not_count(tmp_path):
    d = detector(tmp_path)
    assert d.check("quieren echarnos nos del albergue manana") is None
    assert d.check("echaron nos a la calle") is not None  # the phrase alone still counts
    assert d.check("echaron nos del albergue y me pegan") is not None  # another phrase beside it counts
