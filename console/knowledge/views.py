"""Services in the console: every signed-in role may look; only coordinators change (403 otherwise).

A save goes through :func:`console.knowledge.files.prepare` (``bot kb validate``'s rules on a copy of
the folder), then an atomic write that is refused when the file changed since the form was opened;
each change is in the audit log with its field-by-field diff, which "restore" plays backwards."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bot import LANGUAGES, clock
from bot.knowledge.loader import COSTS, STALE_AFTER_DAYS, load_knowledge
from console.accounts.roles import COORDINATOR, role_of
from console.audit.models import Entry, record
from console.handover.models import ServiceReport
from console.knowledge import files

REFERRALS = ("walk_in", "appointment", "referral")  # knowledge/README.md; the loader keeps any text


def _may_change(request) -> None:
    if role_of(request.user) != COORDINATOR:
        raise PermissionDenied


def _past_review(verified_on, sample: bool, today: dt.date) -> bool:
    if verified_on is None:
        return not sample
    return (today - verified_on).days > STALE_AFTER_DAYS


@login_required
@require_GET
def service_list(request):
    kb = load_knowledge(files.root()).kb
    today = clock.today()
    town, category = request.GET.get("town", ""), request.GET.get("category", "")
    past, sample = request.GET.get("past") == "1", request.GET.get("sample", "")
    reports = recent_reports(kb.services, today)
    rows = []
    for s in sorted(kb.services, key=lambda s: (s.country, s.place, s.name)):
        stale = _past_review(s.verified_on, s.sample, today)
        reported = reports.get(s.id, {})
        if ((town and s.place != town) or (category and category not in s.categories)
                or (past and not stale and not reported)
                or (sample == "yes" and not s.sample) or (sample == "no" and s.sample)):
            continue
        rows.append({"s": s, "stale": stale, "reports": [(k, reported[k]) for k in ServiceReport.KINDS
                                                         if reported.get(k)]})
    # what people said is wrong comes first, the most reported first (the sort keeps town order otherwise)
    rows.sort(key=lambda r: -sum(n for _, n in r["reports"]))
    return render(request, "knowledge/services.html", {
        "rows": rows, "towns": sorted({s.place for s in kb.services if s.place}),
        "categories": sorted(kb.categories), "town": town, "category": category, "past": past, "sample": sample,
    })


def recent_reports(services, today: dt.date) -> dict[str, dict[str, int]]:
    """Per service id, how many people said it is closed / has a wrong number / moved, in the last
    90 days and not before the day it was last checked (a check answers the reports before it)."""
    checked = {s.id: s.verified_on for s in services}
    out: dict[str, dict[str, int]] = {}
    rows = (ServiceReport.objects.filter(day__gte=today - dt.timedelta(days=STALE_AFTER_DAYS))
            .values("service", "kind", "day").annotate(total=Sum("n")))
    for r in rows:
        if checked.get(r["service"]) and r["day"] < checked[r["service"]]:
            continue
        by_kind = out.setdefault(r["service"], {})
        by_kind[r["kind"]] = by_kind.get(r["kind"], 0) + r["total"]
    return out


def _form_context(request, located, values, errors=None, warnings=()):
    sid = str(located.entry.get("id"))
    def texts(key: str) -> list[dict]:
        return [{"lang": lang, "name": f"{key}_{lang}", "value": values.get(f"{key}_{lang}", ""),
                 "errors": (errors or {}).get(f"{key}_{lang}", [])} for lang in LANGUAGES]

    return {
        "sid": sid, "file": located.rel, "version": located.version, "v": values, "texts": texts("description"),
        "requirements": texts("requirements"), "referrals": REFERRALS,
        "errors": errors or {}, "general": (errors or {}).get("", []), "warnings": warnings, "costs": COSTS,
        "hours_editable": files.hours_editable(located.entry), "can_change": role_of(request.user) == COORDINATOR,
        "history": Entry.objects.filter(target=f"service:{sid}")[:50],
    }


@login_required
def service_form(request, sid: str):
    located = files.find(sid)
    if located is None:
        raise Http404
    if request.method != "POST":
        return render(request, "knowledge/service.html", _form_context(request, located, files.values(located.entry)))
    _may_change(request)
    new = {f: request.POST.get(f, "") for f in files.ALL_FIELDS if f in request.POST}
    if not files.hours_editable(located.entry):
        new.pop("hours", None)
    return _save(request, sid, new, request.POST.get("version", ""), "knowledge.edit")


def _conflict_message(located) -> str:
    """Who changed the file last, when the console did it; else the file's own time."""
    last = Entry.objects.filter(action__startswith="knowledge.", detail__file=located.rel).first()
    if last and last.detail.get("version") == located.version:
        return _("This file was changed by %(who)s at %(when)s since you opened the form; nothing was saved. "
                 "Reload to see their change.") % {"who": last.username, "when": last.at.strftime("%Y-%m-%d %H:%M:%S UTC")}
    when = dt.datetime.fromtimestamp(located.path.stat().st_mtime, dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    return _("This file was changed outside the console at %(when)s since you opened the form; nothing was saved. "
             "Reload to see the change.") % {"when": when}


def _save(request, sid: str, new: dict[str, str], version: str, action: str, form_on_error: bool = True):
    edit = files.prepare(sid, new)
    if edit is None:
        raise Http404
    located = edit.located
    if version and version != located.version:
        messages.error(request, _conflict_message(located))
        context = _form_context(request, located, {**files.values(located.entry), **new})
        return render(request, "knowledge/service.html", context, status=409)
    if not edit.checked.ok:
        if not form_on_error:
            messages.error(request, "; ".join(m for ms in edit.checked.errors.values() for m in ms))
            return redirect("service", sid=sid)
        context = _form_context(request, located, {**files.values(located.entry), **new}, edit.checked.errors)
        return render(request, "knowledge/service.html", context, status=400)
    if not edit.diff:
        messages.info(request, _("Nothing changed."))
        return redirect("service", sid=sid)
    try:
        files.write(located.path, edit.text, located.version)
    except files.Conflict:
        messages.error(request, _conflict_message(files.find(sid) or located))
        return redirect("service", sid=sid)
    record(request.user, action, target=f"service:{sid}",
           detail={"file": located.rel, "version": files.digest(edit.text), "diff": edit.diff})
    messages.success(request, _("Saved. The bot answers with it within a few seconds."))
    return redirect("service", sid=sid)


@login_required
@require_POST
def checked_today(request, sid: str):
    _may_change(request)
    return _save(request, sid, {"verified_on": clock.today().isoformat()}, request.POST.get("version", ""),
                 "knowledge.checked", form_on_error=False)


@login_required
@require_POST
def restore(request, sid: str, pk: int):
    """Put back the values a change replaced (only the fields it changed)."""
    _may_change(request)
    entry = get_object_or_404(Entry, pk=pk, target=f"service:{sid}")
    old = {f: pair[0] for f, pair in (entry.detail or {}).get("diff", {}).items()}
    return _save(request, sid, old, "", "knowledge.restore", form_on_error=False)


@login_required
@require_POST
def checked_selection(request):
    """"Checked today" on the services ticked in the list: one stamp (and audit entry) each."""
    _may_change(request)
    today, done, failed = clock.today().isoformat(), 0, []
    for sid in request.POST.getlist("sid")[:500]:
        edit = files.prepare(sid, {"verified_on": today})
        if edit is None or not edit.checked.ok:
            failed.append(sid)
            continue
        if edit.diff:
            try:
                files.write(edit.located.path, edit.text, edit.located.version)
            except files.Conflict:
                failed.append(sid)
                continue
            record(request.user, "knowledge.checked", target=f"service:{sid}",
                   detail={"file": edit.located.rel, "version": files.digest(edit.text), "diff": edit.diff})
        done += 1
    if done:
        messages.success(request, _("%(n)d services marked as checked today.") % {"n": done})
    if failed:
        messages.error(request, _("Not changed (open each to see why): %(ids)s") % {"ids": ", ".join(failed)})
    return redirect(request.POST.get("next") if str(request.POST.get("next", "")).startswith("/services/")
                    else "services")
