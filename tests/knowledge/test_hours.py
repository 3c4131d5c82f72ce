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


# --- exceptions by date, and when the state changes --------------------------------------------

def test_a_holiday_closes_the_day_and_the_next_opening_skips_it():
    h = parse_hours(["Mo-Fr 08:00-17:00", "2026-11-24 closed"])  # Tuesday closed
    assert h.is_open(at(0, 10)) and not h.is_open(at(1, 10)) and h.is_open(at(2, 10))
    status = h.status(at(0, 18))
    assert not status.open and status.change == at(2, 8)


def test_short_hours_on_a_date_replace_the_weekly_ones():
    h = parse_hours(["Mo-Fr 08:00-17:00", "2026-11-27 08:00-12:00"])  # Friday
    assert h.status(at(4, 11)).change == at(4, 12)
    assert not h.is_open(at(4, 13))
    assert h.status(at(4, 13)).change == at(7, 8)  # the next Monday


def test_a_temporary_closure_ends_the_day_after_its_last_date():
    h = parse_hours(["Mo-Sa 08:00-20:00", "2026-11-23..2026-11-25 closed"])
    assert not h.is_open(at(2, 10))
    assert h.status(at(0, 10)).change == at(3, 8)  # opens on the Thursday
    assert h.is_open(at(3, 10))  # the day after the closure: the weekly hours again


def test_a_long_closure_still_says_when_it_opens():
    h = parse_hours(["24/7", "2026-11-23..2027-01-10 closed"])
    status = h.status(at(0, 10))
    assert not status.open and status.change == datetime(2027, 1, 11, 0, 0)
    assert h.status(datetime(2027, 1, 11, 9)).open


def test_open_says_when_it_closes_across_midnight_and_never_for_24h():
    assert parse_hours(["Fr 20:00-02:00"]).status(at(4, 23)).change == at(5, 2)
    assert parse_hours(["Mo-Su 08:00-24:00", "Mo-Su 00:00-02:00"]).status(at(0, 23)).change == at(1, 2)
    assert parse_hours(["24/7"]).status(at(0, 3)).change is None
    assert parse_hours([]).status(at(0, 3)) is None  # unknown hours: no status


def test_exceptions_are_kept_as_written_but_not_described_as_weekly_hours():
    h = parse_hours("Mo-Fr 08:00-17:00; 2026-12-25 closed (Navidad)")
    assert h.text == ("Mo-Fr 08:00-17:00", "2026-12-25 closed (Navidad)")
    assert h.describe("es") == "Lu-Vi 08:00-17:00"
    assert h.exceptions[0].closed


@pytest.mark.parametrize("bad, hint", [
    ("2026-12-25", "closed"), ("2026-12-31..2026-12-01 closed", "earlier date"),
    ("2026-13-01 closed", "YYYY-MM-DD"), ("2026-12-24 8-12", "08:00"),
])
def test_bad_exceptions_say_how_to_fix(bad, hint):
    with pytest.raises(HoursError) as err:
        parse_hours(["Mo-Fr 08:00-17:00", bad])
    assert hint in str(err.value)
