"""How a service's state reads: open, closing soon, or closed and when it opens, per language."""

from datetime import datetime

import pytest

from bot.answers.services import status_text
from bot.knowledge.hours import parse_hours
from bot.knowledge.model import Service
from bot.knowledge.search import Hit

MONDAY_3AM = datetime(2026, 11, 30, 3, 0)  # local time of the service


def hit(hours: list[str], now: datetime = MONDAY_3AM) -> Hit:
    h = parse_hours(hours)
    s = Service(id="s", name="S", categories=("medical",), latitude=14.9, longitude=-92.26, country="MX", hours=h)
    status = h.status(now)
    if status is None:
        return Hit(s, 1.0, None, None, now)
    return Hit(s, 1.0, status.open, status.change, now)


@pytest.mark.parametrize("lang, text", [
    ("es", "cerrado, abre hoy a las 08:00"), ("en", "closed, opens today 08:00"),
    ("fr", "fermé, ouvre aujourd'hui à 08:00"), ("ht", "fèmen, ap louvri jodi a a 08:00"),
    ("pt", "fechado, abre hoje às 08:00"),
])
def test_closed_says_when_it_opens_today(lang, text):
    assert status_text(hit(["Mo-Fr 08:00-17:00"]), lang) == text


@pytest.mark.parametrize("lang, text", [
    ("es", "cerrado, abre mañana a las 09:00"), ("en", "closed, opens tomorrow 09:00"),
    ("fr", "fermé, ouvre demain à 09:00"), ("ht", "fèmen, ap louvri demen a 09:00"),
    ("pt", "fechado, abre amanhã às 09:00"),
])
def test_closed_says_tomorrow(lang, text):
    assert status_text(hit(["Tu 09:00-13:00"]), lang) == text


@pytest.mark.parametrize("lang, text", [
    ("es", "cerrado, abre el jueves a las 10:00"), ("en", "closed, opens Thursday 10:00"),
    ("fr", "fermé, ouvre jeudi à 10:00"), ("ht", "fèmen, ap louvri jedi a 10:00"),
    ("pt", "fechado, abre quinta-feira às 10:00"),
])
def test_closed_says_the_weekday_within_a_week(lang, text):
    assert status_text(hit(["Th 10:00-14:00"]), lang) == text


@pytest.mark.parametrize("lang, text", [
    ("es", "cerrado, abre el 15 dic a las 08:00"), ("en", "closed, opens Dec 15 08:00"),
    ("fr", "fermé, ouvre le 15 déc. à 08:00"), ("pt", "fechado, abre dia 15 dez às 08:00"),
])
def test_a_closure_says_the_date_it_ends(lang, text):
    assert status_text(hit(["Mo-Fr 08:00-17:00", "2026-11-30..2026-12-14 closed"]), lang) == text


@pytest.mark.parametrize("lang, text", [("es", "abierto, cierra a las 20:00"), ("en", "open, closes 20:00"),
                                        ("fr", "ouvert, ferme à 20:00"), ("pt", "aberto, fecha às 20:00")])
def test_closing_soon_says_when(lang, text):
    assert status_text(hit(["Mo-Sa 08:00-20:00"], datetime(2026, 11, 30, 18, 30)), lang) == text


def test_open_long_enough_or_around_the_clock_says_only_open():
    assert status_text(hit(["Mo-Sa 08:00-20:00"], datetime(2026, 11, 30, 10)), "es") == "abierto ahora"
    assert status_text(hit(["24/7"]), "es") == "abierto 24 horas"
    assert status_text(hit([]), "es") == ""


def test_on_sms_the_time_alone_says_open_or_closed():
    assert status_text(hit(["Tu 09:00-13:00"]), "es", compact=True) == "abre mañana a las 09:00"
    assert status_text(hit(["Mo-Sa 08:00-20:00"], datetime(2026, 11, 30, 19)), "en", compact=True) == "closes 20:00"
