"""Aggregate counts of handovers (every role may see them; counts under 5 shown as "<5")."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from console.handover.models import Handover


def _coarse(n: int) -> str:
    return "<5" if 0 < n < 5 else str(n)


@login_required
def report(request):
    rows = (Handover.objects.values("medium", "lang", "need", "outcome").annotate(n=Count("id"))
            .order_by("medium", "lang", "need", "outcome"))
    return render(request, "console/reports.html", {"rows": [{**r, "n": _coarse(r["n"])} for r in rows]})
