"""Aggregate reports (every role may see them; counts under 5 shown as "<5", in the page and the CSV):
requests for a person, and the needs people searched for per town with how many found nothing within
25 km."""

import csv
from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import HttpResponse
from django.shortcuts import render

from bot import clock
from console.chart import per_day_rows
from console.handover.models import Handover, NeedCount

SEARCHED = ("within_25km", "farther", "nothing")  # outcomes of a search (the place was understood)
NEEDS_HEADER = ["country", "town", "need", "requests", "nothing_within_25km", "share_nothing_within_25km",
                "place_not_understood"]


def _coarse(n: int) -> str:
    return "<5" if 0 < n < 5 else str(n)


@login_required
def report(request):
    rows = (Handover.objects.values("medium", "lang", "need", "outcome").annotate(n=Count("id"))
            .order_by("medium", "lang", "need", "outcome"))
    filters = _filters(request)
    return render(request, "console/reports.html", {
        "rows": [{**r, "n": _coarse(r["n"])} for r in rows], "needs": needs_rows(**filters),
        "days": per_day(**filters), "chart": needs_chart(**filters), "countries": NeedCount.objects.values_list("country", flat=True)
        .distinct().order_by("country"), **filters, "query": request.GET.urlencode(),
    })


def _filters(request) -> dict:
    def day(name: str, default: date) -> date:
        try:
            return date.fromisoformat(request.GET.get(name, ""))
        except ValueError:
            return default

    today = clock.today()
    return {"country": request.GET.get("country", "")[:2], "first": day("from", today - timedelta(days=30)),
            "last": day("to", today)}


def _counts(country: str, first: date, last: date):
    q = NeedCount.objects.filter(day__gte=first, day__lte=last)
    return q.filter(country=country) if country else q


def needs_rows(country: str, first: date, last: date) -> list[dict]:
    """Per town and need: searches, how many found nothing within 25 km (and their share), and
    searches whose place was not understood; the towns with the largest share first."""
    table: dict[tuple, dict] = {}
    for r in _counts(country, first, last).values("country", "town", "need", "outcome").annotate(n=Sum("n")):
        row = table.setdefault((r["country"], r["town"], r["need"]), {"requests": 0, "without": 0, "unclear": 0})
        if r["outcome"] in SEARCHED:
            row["requests"] += r["n"]
            row["without"] += r["n"] if r["outcome"] != "within_25km" else 0
        else:
            row["unclear"] += r["n"]
    out = []
    for (c, town, need), r in table.items():
        share = r["without"] / r["requests"] if r["requests"] else 0.0
        small = r["requests"] < 5
        out.append({"country": c or "-", "town": town or "-", "need": need, "rank": (small, 0.0 if small else -share),
                    "requests": _coarse(r["requests"]), "without": _coarse(r["without"]),
                    # a share of fewer than 5 searches would tell about a person: not shown
                    "share": f"{share:.0%}" if r["requests"] >= 5 else "-", "unclear": _coarse(r["unclear"])})
    # fewer than 5 searches: last, in no order of their share (the order would tell it)
    return sorted(out, key=lambda r: (r["rank"], r["country"], r["town"], r["need"]))


def per_day(country: str, first: date, last: date) -> list[dict]:
    rows = _counts(country, first, last).values("day", "need").annotate(n=Sum("n")).order_by("day", "need")
    return [{"day": r["day"], "need": r["need"], "n": _coarse(r["n"])} for r in rows]


def needs_chart(country: str, first: date, last: date):
    """Requests per day, one row per need (every outcome counts: the place not understood too)."""
    series: dict[str, dict[date, int]] = {}
    for r in _counts(country, first, last).values("day", "need").annotate(n=Sum("n")):
        series.setdefault(r["need"], {})[r["day"]] = r["n"]
    return per_day_rows(series, first, last, "Requests per day and need")


@login_required
def needs_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="needs.csv"'
    w = csv.writer(response)
    w.writerow(NEEDS_HEADER)
    for r in needs_rows(**_filters(request)):
        w.writerow([r["country"], r["town"], r["need"], r["requests"], r["without"], r["share"], r["unclear"]])
    return response


def needs_text(days: int = 30) -> str:
    """The needs table for the terminal (``bot kb report``), the same rows as the page."""
    today = clock.today()
    rows = needs_rows("", today - timedelta(days=days), today)
    if not rows:
        return f"Needs per town, last {days} days: no search counted yet.\n"
    table = [NEEDS_HEADER[:3] + ["searches", "nothing<25km", "share", "place?"]]
    table += [[r["country"], r["town"], r["need"], r["requests"], r["without"], r["share"], r["unclear"]] for r in rows]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(table[0]))]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip() for row in table]
    return f"Needs per town, last {days} days (counts under 5 as <5):\n" + "\n".join(lines) + "\n"


def reported_text(services) -> str:
    """The services people said are wrong (closed, wrong number, moved) since they were last checked,
    most reported first: the terminal's view of the console's "to check" list (``bot kb report``)."""
    from console.knowledge.views import recent_reports

    reported = recent_reports(services, clock.today())
    if not reported:
        return "Services people reported as wrong, last 90 days: none.\n"
    names = {s.id: s.name for s in services}
    rows = sorted(reported.items(), key=lambda item: -sum(item[1].values()))
    lines = [f"{sid}  {names.get(sid, '(no longer in the knowledge)')}: "
             + ", ".join(f"{kind.replace('_', ' ')} {n}" for kind, n in sorted(kinds.items())) for sid, kinds in rows]
    return ("Services people reported as wrong, last 90 days, since their last check (check them, then set "
            "verified_on):\n" + "\n".join(lines) + "\n")
