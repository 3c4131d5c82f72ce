"""The words-based backstop for needs the NLU model could not decide."""

import pytest

from bot.language.needs import (
    URGENCY,
    WORDS_DIR,
    bite_named,
    frostbite_named,
    need_from_words,
    needs_named,
    symptom_named,
)


@pytest.mark.parametrize("lang,text,need", [
    ("fr", "svp aidez moi on est a tapachula ma fille a 2 ans elle vomit depuis hier", "medical"),
    ("es", "mi niño tiene calentura y tos desde el lunes", "medical"),
    ("en", "my wife is pregant and has pain", "medical"),  # typo
    ("ht", "pitit mwen gen lafyev depi yè", "medical"),
    ("pt", "minha filha ta com diarreia", "medical"),
    ("es", "no tenemos donde dormir hoy", "shelter"),
    ("pt", "estamos com fome desde ontem", "food"),
    ("ht", "nou grangou anpil", "food"),
    ("en", "i lost contact with my brother", "family_links"),
    ("fr", "j'ai besoin d'un avocat pour l'asile", "legal"),
    ("es", "necesito cargar el celular", "connectivity"),
    ("fr", "du pain svp", "food"),
    ("es", "no puedo dormir de la angustia", "psychosocial"),
    ("es", "no puedo dormir", "psychosocial"),  # the phrase, not "dormir" (a bed)
    ("es", "no tenemos donde dormir", "shelter"),  # "pain" is bread in French, read in French only
    # a hot baby is a need for medical care ("tibebe m cho anpil" got "I did not understand", "mon bébé a trop
    # chaud" the menu); hot water is not
    ("ht", "tibebe m cho anpil depi maten", "medical"),
    ("ht", "ko li cho, li pa ka dòmi", "medical"),
    ("fr", "mon bébé a trop chaud il dort pas bien", "medical"),
    ("pt", "meu bebe nao quer mamar desde ontem", "medical"),
    ("en", "my little girl is burning up", "medical"),
    ("ht", "kote m ka jwenn dlo cho pou m benyen", "water_hygiene"),
    # a person taken by the immigration police is a need for legal help ("ICE took my husband ..." got "Sorry, I did
    # not understand")
    ("en", "ICE took my husband this morning in houston what do i do", "legal"),
    ("es", "la migra se llevo a mi esposo anoche", "legal"),
    ("ht", "ICE pran mari m, m pa konn kote li ye", "legal"),
    # Kreyol "genyen" (to have) is no typo of "senyen" (to bleed) nor "benyen" (to bathe)
    ("ht", "timoun yo grangou, menm yon ti bonbon nou pa genyen pou ba yo", "food"),
    # a relative who no longer answers the phone is a need for family links ("Yaviza c'est où? mon cousin ne répond
    # plus depuis 3 jours" was answered with shelters)
    ("fr", "Yaviza c'est où? mon cousin ne répond plus depuis 3 jours", "family_links"),
    ("es", "mi esposo no contesta desde el martes", "family_links"),
    ("en", "havent heard from my son in 2 weeks", "family_links"),
    ("pt", "meu irmão não atende faz 3 dias", "family_links"),
    ("ht", "frè m pa reponn telefòn li depi 3 jou", "family_links"),
])
def test_reads_the_need(lang, text, need):
    assert need_from_words(text, lang) == need


@pytest.mark.parametrize("lang,text", [("fr", "mon bébé ne répond plus"), ("es", "mi bebe no responde")])
def test_a_person_who_does_not_respond_is_no_phone_call(lang, text):
    """Unresponsive is an emergency (the safety check's), never a need for family links."""
    assert need_from_words(text, lang) != "family_links"


@pytest.mark.parametrize("lang,text,need", [
    # a clinic of lawyers is legal help, a consultation with a lawyer too: no symptom
    ("es", "clinica legal", "legal"), ("en", "is there a legal clinic in el paso", "legal"),
    ("fr", "clinique juridique", "legal"), ("es", "consulta con un abogado en quito", "legal"),
    ("ht", "sant akèy pou migran", "shelter"),  # a reception centre, no health centre
    ("ht", "kote m ka benyen", "water_hygiene"),  # a need word is no typo of another ("senyen", bleed)
    ("en", "im sick of waiting for my asylum papers", "legal"),  # weariness, no illness
])
def test_no_medical_need_read_in_another_need_s_words(lang, text, need):
    assert need_from_words(text, lang) == need and "medical" not in needs_named(text, lang)


@pytest.mark.parametrize("lang,text", [
    # "un perro mordio a mi hijo, estamos en tapachula, donde lo llevo" got the menu: a bite is care that cannot wait
    ("es", "un perro le mordio la pierna a mi niña"), ("en", "a dog bit my son at the park"),
    ("fr", "un chien a mordu ma fille hier"), ("ht", "yon chen mode pitit mwen"), ("pt", "um cachorro mordeu meu filho"),
])
def test_an_animal_bite_is_a_need_for_medical_care_that_cannot_wait(lang, text):
    assert need_from_words(text, lang) == "medical" and symptom_named(text, lang) and bite_named(text, lang)


@pytest.mark.parametrize("lang,text", [
    ("es", "la policia nos pidio una mordida"),  # a bribe
    # a review: no animal whose bite carries rabies, no rabies advice ("wait a bit me" is no bite, "se morio" no "mordio")
    ("en", "wait a bit me and my kids need a shelter in reynosa"), ("es", "se morio mi esposo en el camino, necesito ayuda legal"),
    ("es", "mordedura de vibora en la mano de mi hija"), ("ht", "yon koulev te mode m nan pye"),
    ("en", "the bed bugs bit me all night"), ("en", "my son bit another kid at the shelter"),
    ("es", "los zancudos me picaron y me mordieron, donde hay albergue"),
])
def test_no_bite_without_an_animal_that_carries_rabies(lang, text):
    assert not bite_named(text, lang) and not symptom_named(text, lang)
    assert need_from_words(text, lang) != "medical" or any(w in text for w in ("doctor", "lopital", "vibora"))


def test_a_fever_is_no_bite():
    assert symptom_named("mi hijo tiene fiebre", "es") and not bite_named("mi hijo tiene fiebre", "es")


def test_medical_first_when_several_needs_tie():
    assert need_from_words("mi hijo tiene fiebre y no hay comida", "es") == "medical"


@pytest.mark.parametrize("lang,text", [("es", "hola buenas"), ("en", "ok thanks"), ("fr", "merci beaucoup"),
                                       ("ht", "mesi anpil"), ("pt", "tudo bem")])
def test_no_need_words_no_guess(lang, text):
    assert need_from_words(text, lang) is None


def test_every_language_has_every_need():
    import yaml

    for path in WORDS_DIR.glob("*.yml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(URGENCY) <= set(doc), path.name


@pytest.mark.parametrize("text, need", [
    ("ayuda x favor mi bb de 2 meses no quiere tomar pecho y esta bien caliente, toy en tapachula sola", None),
    ("mi papa tiene dolor en el pecho y no puede respirar, estamos en el albergue de el paso", "medical"),
])
def test_an_everyday_word_is_no_typo_of_a_need_word(text, need):
    # "tomar pecho" read as "comar" (legal) and "techo" (shelter): after a baby's alarm, a list of legal clinics
    assert need_from_words(text, "es") == need


def test_sleep_is_no_pain_in_portuguese():
    # "dor*" (pain) caught "dormir" (to sleep): "onde posso dormir?" was a need for medical care too
    assert need_from_words("onde posso dormir hoje?", "pt") == "shelter"
    assert need_from_words("meu filho ta com dor de barriga", "pt") == "medical"


@pytest.mark.parametrize("lang,text", [
    # "emerson manitoba, we walked all night, my feet are frozen and black" got "OK, you are in Emerson" and the menu
    ("en", "emerson manitoba, we walked all night, my feet are frozen and black"),
    ("es", "mi hijo tiene los dedos negros por el frio"), ("fr", "mon fils a des engelures aux mains"),
    ("ht", "pye m nwa, nou mache tout lannwit nan nej la"), ("pt", "estou com queimadura de frio nos pes"),
])
def test_frostbite_is_a_need_for_medical_care_when_no_other_is_named(lang, text):
    assert frostbite_named(text) and need_from_words(text, lang) == "medical"
    # (not a symptom that overrides the need asked for: "frozen feet, where can we sleep, its -20" is a shelter)
    assert need_from_words(text + ", where can we sleep tonight", "en") != "medical" or lang != "en"


@pytest.mark.parametrize("lang,text", [
    ("es", "las cosas se pusieron negras en el albergue"), ("pt", "as coisas ficaram pretas no abrigo"),  # idioms
    ("en", "we are so cold, is there a shelter open tonight"), ("en", "my hands are black from the oil at work"),
    # a review: black feet from mud, heat, a burn; no cold word said
    ("ht", "pye m nwa ak labou kote m ka benyen"), ("pt", "meu filho desmaiou no calor do deserto, os pes estao pretos e queimados"),
    ("en", "my brother has heatstroke in the desert, his feet are black and blistered from the cold night"),
])
def test_the_cold_or_a_dark_idiom_is_no_frostbite(lang, text):
    assert not frostbite_named(text) and need_from_words(text, lang) != "medical"


@pytest.mark.parametrize("lang,text", [
    # talking to the bot: "since the frostbite took my toes i dont want to go on, i feel worthless" got clinics
    ("en", "since the frostbite took my toes i dont want to go on, i feel worthless"),
    ("es", "perdi los dedos por el frio y ya no valgo nada"),
])
def test_feeling_worthless_is_a_need_for_emotional_support_not_a_clinic(lang, text):
    assert need_from_words(text, lang) == "psychosocial"
