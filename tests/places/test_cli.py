"""`bot place`: what staff (and outside checks) see of the bot's understanding of a place."""

import json

from bot.cli import main


def run(capsys, *argv):
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_json_shape_with_a_place(capsys):
    data = json.loads(run(capsys, "place", "estoy en Tapachula, Chiapas", "--json"))
    assert data["place"]["name"] == "Tapachula" and data["place"]["admin1"] == "Chiapas"
    assert data["place"]["country"] == "MX" and data["country"] == "MX" and data["ask"] == []
    assert abs(data["place"]["latitude"] - 14.9) < 0.1 and abs(data["place"]["longitude"] + 92.26) < 0.1


def test_json_shape_without_a_place_uses_the_phone_country(capsys):
    data = json.loads(run(capsys, "place", "socorro nos quieren matar", "--country", "mx", "--json"))
    assert data == {"place": None, "ask": [], "country": "MX"}


def test_json_lists_the_choices_it_would_ask(capsys):
    data = json.loads(run(capsys, "place", "estoy en la paz", "--json"))
    assert data["place"] is None and len(data["ask"]) >= 2
    assert all(set(c) == {"name", "admin1", "country", "latitude", "longitude"} for c in data["ask"])


def test_plain_output_for_staff(capsys):
    out = run(capsys, "place", "necesito comida en cd juarez")
    assert "Ciudad Juárez, Chihuahua, MX" in out and "country: MX" in out
