"""HSDS schedules <-> our hours notation (``Mo-Fr 08:00-17:00``, ``2026-12-25 closed``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot import clock
from bot.exchange.candidates import parse_day
from bot.exchange.hsds.spec import DAY_CODES
from bot.exchange.tabular import Problems, Row
from bot.knowledge.hours import HoursError, parse_hours

_OUR_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")

_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:([AaPp])\.?\s*[Mm]\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$")


def parse_time(text: str) -> tuple[int | None, str]:
    """``08:00``, ``08:00:00``, ``8:00 AM``, ``09:00-05:00`` -> (minutes after midnight, UTC offset text)."""
    m = _TIME.match(text.strip())
    if not m:
        return None, ""
    hour, minute = int(m.group(1)), int(m.group(2))
    half = (m.group(4) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None, ""
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None, ""
    return hour * 60 + minute, m.group(5) or ""


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def days_text(days: list[int]) -> str:
    """``[0, 1, 2, 3, 4]`` -> ``Mo-Fr``; ``[5, 6]`` -> ``Sa,Su``."""
    days = sorted(set(days))
    parts, i = [], 0
    while i < len(days):
        j = i
        while j + 1 < len(days) and days[j + 1] == days[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{_OUR_DAYS[days[i]]}-{_OUR_DAYS[days[j]]}")
        else:
            parts.extend(_OUR_DAYS[d] for d in days[i : j + 1])
        i = j + 1
    return ",".join(parts)


def hours_lines(periods: list[tuple[list[int], int, int]]) -> list[str]:
    """(days, opens, closes) -> our hours notation, merging days with the same times."""
    by_times: dict[tuple[int, int], list[int]] = {}
    for days, opens, closes in periods:
        by_times.setdefault((opens, closes), []).extend(days)
    by_days: dict[tuple[int, ...], list[str]] = {}
    for (opens, closes), days in by_times.items():
        key = tuple(sorted(set(days)))
        by_days.setdefault(key, []).append(f"{hhmm(opens)}-{hhmm(closes)}")
    lines = []
    for days, ranges in by_days.items():
        if len(days) == 7 and ranges == ["00:00-24:00"]:
            return ["24/7"]
        lines.append(f"{days_text(list(days))} {','.join(sorted(ranges))}")
    return lines


@dataclass
class Rule:
    row: Row
    days: list[int]
    opens: int
    closes: int
    timezone: str
    dated: str = ""  # an exception by date in our notation ("2026-12-25 closed"); then days/opens/closes are unused


def dated_exception(row: Row, file: str, problems: Problems) -> Rule | None:
    """A schedule row without freq and byday but with valid_from: that date (to valid_to) only.

    With opens_at/closes_at it gives the hours of those dates, without them it closes them: a
    holiday or a temporary closure (``2026-12-01..2026-12-15 closed`` in our notation).
    """
    first, _ = parse_day(row.text("valid_from"))
    last, _ = parse_day(row.text("valid_to"))
    if first is None:
        return None
    span = first.isoformat() + (f"..{last.isoformat()}" if last and last != first else "")
    opens_text, closes_text = row.text("opens_at"), row.text("closes_at")
    what = "closed"
    if opens_text or closes_text:
        (opens, _), (closes, _) = parse_time(opens_text), parse_time(closes_text)
        if opens is None or closes is None:
            problems.error(file, row.line, f"opens_at '{opens_text}' / closes_at '{closes_text}' are not times; "
                           "write them as HH:MM (for example 08:00), or leave both empty for a closure", code="bad_hours", field="hours")
            return None
        what = f"{hhmm(opens)}-{hhmm(closes if closes not in (0, 23 * 60 + 59) else 24 * 60)}"
    try:
        parse_hours([f"{span} {what}"])
    except HoursError as exc:
        problems.error(file, row.line, str(exc), code="bad_hours", field="hours")
        return None
    return Rule(row, [], 0, 0, row.text("timezone"), f"{span} {what}")


def read_schedule(row: Row, file: str, problems: Problems, today: date) -> Rule | None:
    freq = row.text("freq").upper()
    if freq and freq not in ("WEEKLY", "MONTHLY"):
        problems.error(file, row.line, f"freq '{row.text('freq')}' must be WEEKLY (or MONTHLY)", code="bad_schedule", field="hours")
        return None
    if freq == "MONTHLY":
        problems.warn(file, row.line, "a MONTHLY schedule cannot be shown as weekly opening hours; it is left out "
                      "(write the days in the service description)", code="left_out", field="hours")
        return None
    valid_to, _ = parse_day(row.text("valid_to"))
    if valid_to and valid_to < today:
        problems.warn(file, row.line, f"this schedule ended on {valid_to} (valid_to); it is left out", code="left_out", field="hours")
        return None
    if not freq and not row.text("byday") and row.text("valid_from"):
        return dated_exception(row, file, problems)
    opens_text, closes_text = row.text("opens_at"), row.text("closes_at")
    if not opens_text and not closes_text:
        if row.text("description"):
            problems.warn(file, row.line, "this schedule has no opens_at/closes_at, so its description is not read; "
                          "add opens_at and closes_at (HH:MM) for the bot to tell whether it is open", code="left_out", field="hours")
        return None
    ok = True
    times = []
    for column, text in (("opens_at", opens_text), ("closes_at", closes_text)):
        if not text:
            problems.error(file, row.line, f"'{column}' is empty; write the time as HH:MM (for example 08:00)", code="bad_hours", field="hours")
            ok = False
            continue
        minutes, offset = parse_time(text)
        if minutes is None:
            problems.error(file, row.line, f"{column} '{text}' is not a time; write it as HH:MM (for example 17:30)", code="bad_hours", field="hours")
            ok = False
        elif offset:
            problems.warn(file, row.line, f"{column} '{text}' has a UTC offset; opening hours are read as the local "
                          "time at the service, so the offset is ignored", code="utc_offset_ignored", field="hours")
        times.append(minutes)
    days: list[int] = []
    byday = row.text("byday")
    if not byday:
        problems.warn(file, row.line, "byday is empty; the times are read as every day of the week", code="every_day", field="hours")
        days = list(range(7))
    for token in [t.strip().upper() for t in byday.split(",") if t.strip()]:
        if token in DAY_CODES:
            days.append(DAY_CODES.index(token))
        elif re.match(r"^[+-]?\d+(MO|TU|WE|TH|FR|SA|SU)$", token):
            problems.error(file, row.line, f"byday '{byday}' counts weeks of the month ({token}), which only a "
                           "MONTHLY schedule can; for weekly hours write two-letter days like MO,TU,WE", code="bad_schedule", field="hours")
            ok = False
            break
        else:
            problems.error(file, row.line, f"byday '{byday}' is not a list of days: '{token}' is not one of "
                           f"{','.join(DAY_CODES)}; write two-letter days separated by commas, like MO,TU,WE", code="bad_schedule", field="hours")
            ok = False
            break
    if not ok or len(times) != 2 or None in times:
        return None
    opens, closes = times
    if closes in (23 * 60 + 59, 0) or (opens == closes == 0):
        closes = 24 * 60
    if opens == closes:
        problems.error(file, row.line, f"opens_at and closes_at are both {opens_text}; write the closing time", code="bad_hours", field="hours")
        return None
    try:
        parse_hours([f"{days_text(days)} {hhmm(opens)}-{hhmm(closes)}"])
    except HoursError as exc:
        problems.error(file, row.line, str(exc), code="bad_hours", field="hours")
        return None
    return Rule(row, days, opens, closes, row.text("timezone"))


def zone_offsets(name: str) -> set[float]:
    """The UTC offsets (hours) of a time zone in January and July."""
    try:
        zone = ZoneInfo(name)
    except Exception:
        return set()
    year = clock.today().year
    out = set()
    for month in (1, 7):
        delta = zone.utcoffset(datetime(year, month, 15))
        if delta is not None:
            out.add(delta.total_seconds() / 3600)
    return out
