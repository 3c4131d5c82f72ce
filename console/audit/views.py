"""The audit log, for coordinators: who did what, when, to which handover (never a text)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from console.accounts.roles import COORDINATOR, role_of
from console.audit.models import Entry


def audit_log(request):
    if not request.user.is_authenticated:
        return redirect("login")
    if role_of(request.user) != COORDINATOR:
        raise PermissionDenied
    return render(request, "console/audit.html", {"entries": Entry.objects.all()[:500]})
