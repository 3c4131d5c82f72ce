import pytest


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("estoy en tapachula chiapas", "Tapachula", "MX"),
        ("cd juarez", "Ciudad Juárez", "MX"),
        ("Necocli", "Necoclí", "CO"),
        ("necesito un doctor en Tapachula", "Tapachula", "MX"),
        ("TAPACHULA", "Tapachula", "MX"),
        ("tapachla", "Tapachula", "MX"),  # a typo
        ("mwen bezwen yon doktè nan Tapachula", "Tapachula", "MX"),
        ("je suis à ciudad juárez", "Ciudad Juárez", "MX"),
        ("estoy en tegusigalpa", "Tegucigalpa", "HN"),
        ("san jose costa rica", "San José", "CR"),
        ("estamos en reynosa", "Reynosa", "MX"),  # a town with no sample services: the gazetteer knows it
    ],
)
def test_resolves_free_text(knowledge, text, name, country):
    match = knowledge.places.resolve(text, expect_place=len(text.split()) == 1)
    assert match.place is not None, text
    assert (match.place.name, match.place.country) == (name, country)


@pytest.mark.parametrize("text", ["necesito un doctor", "I need a shelter", "hola", "1", "", "😀😀", "gracias"])
def test_no_place_in_ordinary_messages(knowledge, text):
    assert knowledge.places.resolve(text).place is None


def test_country_only_and_unknown(knowledge):
    match = knowledge.places.resolve("como pido asilo en mexico")
    assert match.place is None and match.country == "MX"
    unknown = knowledge.places.resolve("estoy en Xqwzzyv")
    assert unknown.place is None


def test_shared_location(knowledge):
    place = knowledge.places.at(14.9055, -92.2634)
    assert place.country == "MX" and place.name == "Tapachula"
    assert place.timezone
