"""Opening hours: ``["Mo-Fr 08:00-17:00", "Sa 09:00-13:00"]`` or ``["24/7"]``.

The notation is a small subset of OpenStreetMap's ``opening_hours``, chosen because staff can
type it in a spreadsheet cell. A period may run past midnight (``Fr 20:00-02:00``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

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


class HoursError(ValueError):
    """A line of opening hours that cannot be read; the message says how to write it."""


@dataclass(frozen=True)
class Period:
    day: int  # 0 = Monday
    opens: int  # minutes after midnight
    closes: int  # minutes after midnight; <= opens means the next day


@dataclass(frozen=True)
class Hours:
    always: bool = False
    periods: tuple[Period, ...] = ()
    text: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return self.always or bool(self.periods)

    def is_open(self, local: datetime) -> bool:
        """Whether the service is open at ``local`` (a time in the service's own time zone)."""
        if self.always:
            return True
        minute = local.hour * 60 + local.minute
        today = local.weekday()
        yesterday = (today - 1) % 7
        for p in self.periods:
            if p.closes > p.opens:
                if p.day == today and p.opens <= minute < p.closes:
                    return True
            else:  # runs past midnight
                if p.day == today and minute >= p.opens:
                    return True
                if p.day == yesterday and minute < p.closes:
                    return True
        return False

    def describe(self, lang: str) -> str:
        """The hours as staff wrote them, with day names in ``lang``."""
        if self.always:
            return "24/7"
        names = _DAY_NAMES.get(lang, _DAY_NAMES["en"])
        out = []
        for line in self.text:
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


def parse_hours(lines: list[str] | str | None) -> Hours:
    """Read opening hours; raises :class:`HoursError` on a line it cannot read."""
    if lines is None:
        return Hours()
    if isinstance(lines, str):
        lines = [part for part in re.split(r"[;\n]", lines) if part.strip()]
    if not isinstance(lines, (list, tuple)):
        raise HoursError(f"'{lines}' is not opening hours; write them like ['Mo-Fr 08:00-17:00'] or ['24/7']")
    periods: list[Period] = []
    text: list[str] = []
    for raw in lines:
        line = str(raw).strip()
        if not line:
            continue
        if line.lower() in ("24/7", "24h", "24 h", "always"):
            return Hours(always=True, text=("24/7",))
        m = _RULE.match(line)
        if not m:
            raise HoursError(f"'{line}' is not opening hours; write them like 'Mo-Fr 08:00-17:00' or '24/7'")
        days = _parse_days(m.group("days"))
        for time_range in m.group("times").split(","):
            opens, closes = _parse_time_range(time_range)
            if opens == 0 and closes == 24 * 60 and len(days) == 7:
                return Hours(always=True, text=("24/7",))
            periods.extend(Period(d, opens, closes if closes < 24 * 60 else 0) for d in days)
        text.append(line)
    return Hours(periods=tuple(periods), text=tuple(text))
