from datetime import datetime

import pytest

from bot.knowledge.hours import HoursError, parse_hours


def at(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2026, 11, 23 + day, hh, mm)  # 2026-11-23 is a Monday


def test_weekday_hours():
    h = parse_hours(["Mo-Fr 08:00-17:00", "Sa 09:00-13:00"])
    assert h.is_open(at(0, 8)) and h.is_open(at(4, 16, 59))
    assert not h.is_open(at(0, 17)) and not h.is_open(at(6, 10))
    assert h.is_open(at(5, 12)) and not h.is_open(at(5, 13))


def test_past_midnight():
    h = parse_hours(["Fr 20:00-02:00"])
    assert h.is_open(at(4, 23)) and h.is_open(at(5, 1, 30))
    assert not h.is_open(at(5, 2)) and not h.is_open(at(4, 19))


def test_always_and_lists():
    assert parse_hours(["24/7"]).always
    assert parse_hours("Mo-Su 00:00-24:00").always
    h = parse_hours(["Tu,Th 10:00-14:00, 16:00-18:00"])
    assert h.is_open(at(1, 17)) and not h.is_open(at(1, 15)) and not h.is_open(at(2, 11))


@pytest.mark.parametrize("bad", ["Mo-Fr 8-17", "Lunes 08:00-17:00", "Mo 25:00-26:00", "Mo 08:00-08:00", "whenever"])
def test_bad_hours_say_how_to_fix(bad):
    with pytest.raises(HoursError) as err:
        parse_hours([bad])
    assert "08:00" in str(err.value) or "Mo" in str(err.value) or "impossible" in str(err.value) or "same time" in str(err.value)


def test_describe_in_language():
    h = parse_hours(["Mo-Fr 08:00-17:00"])
    assert h.describe("es") == "Lu-Vi 08:00-17:00"
    assert h.describe("pt") == "Seg-Sex 08:00-17:00"
