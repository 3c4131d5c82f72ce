"""Opening hours: ``["Mo-Fr 08:00-17:00", "Sa 09:00-13:00"]`` or ``["24/7"]``, with exceptions by date.

The notation is a small subset of OpenStreetMap's ``opening_hours``, chosen because staff can
type it in a spreadsheet cell. A period may run past midnight (``Fr 20:00-02:00``).

A line that starts with a date is an exception to the weekly hours on that date, or on every
date of a range (both ends included): ``2026-12-25 closed`` (a holiday),
``2026-12-01..2026-12-15 closed`` (a temporary closure), ``2026-12-24 08:00-12:00`` (short
hours). On those dates the exception replaces the weekly hours; the day after, they apply again.
Exceptions live in the same list as the weekly hours, so the spreadsheet's hours cell, the YAML
and the HSDS export carry them without another field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
_DAY_NAMES = {
    "es": ("Lu", "Ma", "Mi", "Ju", "Vi", "Sa", "Do"),
    "en": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"),
    "fr": ("Lu", "Ma", "Me", "Je", "Ve", "Sa", "Di"),
    "ht": ("Len", "Mad", "Mèk", "Jed", "Van", "Sam", "Dim"),
    "pt": ("Seg", "Ter", "Qua", "Qui", "Sex", "Sáb", "Dom"),
}
_RULE = re.compile(r"^\s*(?P<days>[A-Za-z,\- ]+?)\s+(?P<times>\d.*)$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")
_EXCEPTION = re.compile(r"^(?P<first>\d{4}-\d{1,2}-\d{1,2})(?:\s*\.\.\s*(?P<last>\d{4}-\d{1,2}-\d{1,2}))?\s*(?P<what>.*)$")
_CLOSED_WORDS = ("closed", "off", "cerrado", "fermé", "ferme", "fechado", "fèmen", "femen")
DAY = 24 * 60
# How far ahead "opens at" looks: a week of weekly hours, or past a temporary closure.
_LOOKAHEAD_DAYS = (2, 8, 400)
_OPEN_LOOKAHEAD_DAYS = 8


class HoursError(ValueError):
    """A line of opening hours that cannot be read; the message says how to write it."""


@dataclass(frozen=True)
class Period:
    day: int  # 0 = Monday
    opens: int  # minutes after midnight
    closes: int  # minutes after midnight; <= opens means the next day


@dataclass(frozen=True)
class DateException:
    """Hours that replace the weekly ones from ``first`` to ``last`` (included); no ranges: closed."""

    first: date
    last: date
    ranges: tuple[tuple[int, int], ...] = ()  # (opens, closes) in minutes; closes <= opens: next day

    @property
    def closed(self) -> bool:
        return not self.ranges


@dataclass(frozen=True)
class Status:
    """Open or not at a moment, and when that changes (local time of the service; None: not within reach)."""

    open: bool
    change: datetime | None


@dataclass(frozen=True)
class Hours:
    always: bool = False
    periods: tuple[Period, ...] = ()
    text: tuple[str, ...] = ()  # every line as written, exceptions included (exports round-trip)
    exceptions: tuple[DateException, ...] = ()

    @property
    def known(self) -> bool:
        return self.always or bool(self.periods)

    def ranges_on(self, day: date) -> list[tuple[int, int]]:
        """The (opens, closes) ranges that start on ``day``: an exception's, else the weekly ones."""
        for e in self.exceptions:
            if e.first <= day <= e.last:
                return list(e.ranges)
        if self.always:
            return [(0, DAY)]
        return [(p.opens, p.closes) for p in self.periods if p.day == day.weekday()]

    def _spans(self, first: date, days: int) -> list[list[int]]:
        """Opening spans starting on ``first`` .. ``first + days - 1``, in minutes from ``first``'s
        midnight (integers: this runs for every hit of every search), touching ones merged."""
        spans = []
        for k in range(days):
            base = k * DAY
            for opens, closes in self.ranges_on(first + timedelta(days=k)):
                spans.append((base + opens, base + (closes if closes > opens else closes + DAY)))
        spans.sort()
        merged: list[list[int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return merged

    def status(self, local: datetime) -> Status | None:
        """Open or closed at ``local`` (naive or aware, in the service's zone) and until when; None if unknown.

        An open service's closing time is looked for within a week (beyond: ``change`` is None); a
        closed one's opening time up to 400 days ahead, past any temporary closure.
        """
        if not self.known:
            return None
        if self.always and not self.exceptions:
            return Status(True, None)
        first = local.date() - timedelta(days=1)
        midnight = datetime.combine(first, time())
        minute = DAY + local.hour * 60 + local.minute
        for days in _LOOKAHEAD_DAYS:  # most answers are found within two days: look farther only then
            horizon = (days + 1) * DAY
            for start, end in self._spans(first, days + 1):
                if start <= minute < end:
                    if end < horizon:
                        return Status(True, midnight + timedelta(minutes=end))
                    if days >= _OPEN_LOOKAHEAD_DAYS:
                        return Status(True, None)
                    break  # open up to the horizon: look farther for the closing time
                if start > minute:
                    return Status(False, midnight + timedelta(minutes=start))
        return Status(False, None)

    def is_open(self, local: datetime) -> bool:
        """Whether the service is open at ``local`` (a time in the service's own time zone)."""
        status = self.status(local)
        return bool(status and status.open)

    def describe(self, lang: str) -> str:
        """The weekly hours as staff wrote them, with day names in ``lang`` (exceptions left out)."""
        if self.always:
            return "24/7"
        names = _DAY_NAMES.get(lang, _DAY_NAMES["en"])
        out = []
        for line in self.text:
            if _EXCEPTION.match(line):
                continue
            out.append(
                re.sub(
                    r"\b(Mo|Tu|We|Th|Fr|Sa|Su)\b",
                    lambda m: names[DAYS.index(m.group(1).lower())],
                    line,
                    flags=re.IGNORECASE,
                )
            )
        return "; ".join(out)


def _parse_days(spec: str) -> list[int]:
    days: list[int] = []
    for part in spec.replace(" ", "").lower().split(","):
        if not part:
            continue
        if "-" in part:
            start, _, end = part.partition("-")
            if start not in DAYS or end not in DAYS:
                raise HoursError(f"'{part}' is not a day range; use two-letter days such as Mo-Fr")
            i, j = DAYS.index(start), DAYS.index(end)
            days.extend(DAYS.index(DAYS[k % 7]) for k in range(i, i + ((j - i) % 7) + 1))
        else:
            if part not in DAYS:
                raise HoursError(f"'{part}' is not a day; use Mo, Tu, We, Th, Fr, Sa or Su")
            days.append(DAYS.index(part))
    return days


def _parse_time_range(spec: str) -> tuple[int, int]:
    m = _TIME.match(spec.strip())
    if not m:
        raise HoursError(f"'{spec.strip()}' is not a time range; write it as 08:00-17:00")
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59:
        raise HoursError(f"'{spec.strip()}' has an impossible time; hours go 00-24, minutes 00-59")
    opens, closes = h1 * 60 + m1, h2 * 60 + m2
    if opens == closes:
        raise HoursError(f"'{spec.strip()}' opens and closes at the same time")
    return opens, min(closes, 24 * 60)


def _parse_date(text: str, line: str) -> date:
    try:
        return date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))
    except ValueError:
        raise HoursError(f"'{text}' in '{line}' is not a date; write it as YYYY-MM-DD") from None


def parse_exception(line: str) -> DateException:
    """``2026-12-25 closed``, ``2026-12-01..2026-12-15 closed`` or ``2026-12-24 08:00-12:00``."""
    m = _EXCEPTION.match(line.strip())
    if not m:
        raise HoursError(f"'{line}' is not an exception; write it like '2026-12-25 closed' or "
                         "'2026-12-01..2026-12-15 closed' or '2026-12-24 08:00-12:00'")
    first = _parse_date(m.group("first"), line)
    last = _parse_date(m.group("last"), line) if m.group("last") else first
    if last < first:
        raise HoursError(f"'{line}' ends before it starts; write the earlier date first (FROM..TO)")
    what = m.group("what").strip()
    if not what:
        raise HoursError(f"'{line}' does not say what happens on that date; add 'closed' or the hours, "
                         "like '2026-12-24 08:00-12:00'")
    if what.split()[0].lower().strip("(),.") in _CLOSED_WORDS:  # anything after 'closed' is a note
        return DateException(first, last)
    ranges = []
    for time_range in what.split(","):
        opens, closes = _parse_time_range(time_range)
        ranges.append((opens, closes if closes < DAY else 0))
    return DateException(first, last, tuple(ranges))


def parse_hours(lines: list[str] | str | None) -> Hours:
    """Read opening hours; raises :class:`HoursError` on a line it cannot read."""
    if lines is None:
        return Hours()
    if isinstance(lines, str):
        lines = [part for part in re.split(r"[;\n]", lines) if part.strip()]
    if not isinstance(lines, (list, tuple)):
        raise HoursError(f"'{lines}' is not opening hours; write them like ['Mo-Fr 08:00-17:00'] or ['24/7']")
    always = False
    periods: list[Period] = []
    exceptions: list[DateException] = []
    text: list[str] = []
    for raw in lines:
        line = (raw.isoformat() if isinstance(raw, date) else str(raw)).strip()
        if not line:
            continue
        if re.match(r"^\d{4}-", line):
            exceptions.append(parse_exception(line))
            text.append(line)
            continue
        if line.lower() in ("24/7", "24h", "24 h", "always"):
            always = True
            continue
        m = _RULE.match(line)
        if not m:
            raise HoursError(f"'{line}' is not opening hours; write them like 'Mo-Fr 08:00-17:00' or '24/7'")
        days = _parse_days(m.group("days"))
        for time_range in m.group("times").split(","):
            opens, closes = _parse_time_range(time_range)
            if opens == 0 and closes == DAY and len(days) == 7:
                always = True
            periods.extend(Period(d, opens, closes if closes < DAY else 0) for d in days)
        text.append(line)
    if always:  # 24/7 says it all; the weekly lines beside it add nothing
        return Hours(always=True, text=("24/7", *(x for x in text if _EXCEPTION.match(x))), exceptions=tuple(exceptions))
    return Hours(periods=tuple(periods), text=tuple(text), exceptions=tuple(exceptions))
