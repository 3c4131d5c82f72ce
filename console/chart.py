"""A chart of counts per day, one row per series, drawn on the server as inline SVG: no script, no
library from the internet, and the console's content security policy (nothing inline but markup)
holds. Counts under 5 are drawn as 5 and hatched, so the chart tells no more than the "<5" tables."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SMALL = 5  # counts under this are drawn at this height, hatched
WIDTH, LABEL_W, ROW_H, GAP, AXIS_H = 760, 130, 46, 10, 22
MAX_DAYS = 400


def _coarse(n: int) -> str:
    return f"<{SMALL}" if 0 < n < SMALL else str(n)


def per_day_rows(series: dict[str, dict[date, int]], first: date, last: date, title: str) -> SafeString:
    """Bars per day from ``first`` to ``last`` for each series (e.g. each need), each row on its own
    scale with its largest count written at its left; every bar has a tooltip with its day and count."""
    last = min(last, first + timedelta(days=MAX_DAYS - 1))
    days = max((last - first).days + 1, 1)
    names = sorted(series)
    plot_w = WIDTH - LABEL_W - 8
    bar_w = plot_w / days
    height = AXIS_H + len(names) * (ROW_H + GAP) + 4
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
           f'aria-labelledby="chart-title" class="chart">',
           f'<title id="chart-title">{escape(title)}</title>',
           '<defs><pattern id="small" width="4" height="4" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><rect width="4" height="4" fill="#f1c4cc"/>'
           '<line x1="0" y1="0" x2="0" y2="4" stroke="#b00020" stroke-width="1.5"/></pattern></defs>']
    if not names:
        out.append(f'<text x="{LABEL_W}" y="{AXIS_H + 16}" fill="#555" font-size="13">-</text></svg>')
        return mark_safe("".join(out))
    # the days: first and last, and a tick each week (Mondays) when there is room
    out.append(f'<text x="{LABEL_W}" y="14" font-size="11" fill="#555">{first:%Y-%m-%d}</text>')
    out.append(f'<text x="{WIDTH - 8}" y="14" font-size="11" fill="#555" text-anchor="end">{last:%Y-%m-%d}</text>')
    for i in range(days):
        day = first + timedelta(days=i)
        if day.weekday() == 0 and days <= 120:
            x = LABEL_W + i * bar_w
            out.append(f'<line x1="{x:.1f}" y1="{AXIS_H - 4}" x2="{x:.1f}" y2="{height - 4}" stroke="#eee"/>')
    for row, name in enumerate(names):
        counts = series[name]
        top = AXIS_H + row * (ROW_H + GAP)
        base = top + ROW_H
        peak = max([max(n, SMALL) for n in counts.values() if n] or [SMALL])
        out.append(f'<g class="series" data-need="{escape(name)}">')
        out.append(f'<text x="0" y="{top + ROW_H / 2 + 4:.1f}" font-size="13" font-weight="600">{escape(name)}</text>')
        out.append(f'<text x="{LABEL_W - 6}" y="{top + 10}" font-size="10" fill="#555" '
                   f'text-anchor="end">{peak}</text>')
        out.append(f'<line x1="{LABEL_W}" y1="{base}" x2="{WIDTH - 8}" y2="{base}" stroke="#999"/>')
        for i in range(days):
            day = first + timedelta(days=i)
            n = counts.get(day, 0)
            if not n:
                continue
            drawn = max(n, SMALL)
            h = ROW_H * drawn / peak
            x = LABEL_W + i * bar_w + (0.5 if bar_w > 3 else 0)
            fill = "url(#small)" if n < SMALL else "#b00020"
            out.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{max(bar_w - 1, 1):.1f}" height="{h:.1f}" '
                       f'fill="{fill}" data-day="{day:%Y-%m-%d}" data-n="{escape(_coarse(n))}">'
                       f'<title>{day:%Y-%m-%d} {escape(name)}: {escape(_coarse(n))}</title></rect>')
        out.append("</g>")
    out.append("</svg>")
    return mark_safe("".join(out))
