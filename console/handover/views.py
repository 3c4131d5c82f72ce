"""The inbox: requests (urgent first, then longest waiting), a conversation, claim, reply, close."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bot.handover import crypto, store
from bot.handover.send import SendError, send
from bot.language.catalogue import t
from console.accounts.roles import can_use_inbox
from console.audit.models import record
from console.handover.models import Handover, Message, Presence
from console.handover.saved import saved_replies

MAX_REPLY = 1500


def inbox_role(view):
    """Signed in as an agent or coordinator (viewers see reports, never messages)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('login')}?next={request.path}")
        if not can_use_inbox(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _queue():
    return (Handover.objects.exclude(status=Handover.CLOSED)
            .order_by("-urgent", F("last_person_at").asc(nulls_last=True), "created_at"))


def _summary(h: Handover, now) -> dict:
    waiting = int((now - (h.last_person_at or h.created_at)).total_seconds() // 60)
    return {"id": h.id, "urgent": h.urgent, "status": h.status, "medium": h.medium, "lang": h.lang,
            "need": h.need, "place": h.place, "country": h.country, "waiting_min": waiting, "answered": h.answered,
            "claimed_by": h.claimed_by.username if h.claimed_by else "",
            "url": reverse("inbox") + f"?h={h.id}"}


def _messages(h: Handover) -> list[dict]:
    return [{"id": m.id, "author": m.author, "text": crypto.decrypt(m.text), "danger": m.danger,
             "at": timezone.localtime(m.at).strftime("%H:%M"), "error": m.send_error,
             "staff": m.staff.username if m.staff else ""} for m in h.messages.select_related("staff")]


@inbox_role
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    selected = None
    if request.GET.get("h", "").isdigit():
        selected = Handover.objects.filter(pk=int(request.GET["h"])).exclude(status=Handover.CLOSED).first()
        if selected is not None:
            record(request.user, "view", selected.id)
    context = {
        "requests": [_summary(h, now) for h in _queue().select_related("claimed_by")],
        "selected": selected,
        "conversation": _messages(selected) if selected else [],
        "whatsapp_closed": bool(selected and selected.medium == "whatsapp"
                                and not store.whatsapp_window_open(selected.last_person_at, now)),
        "saved": saved_replies(selected.lang if selected else "es"),
        "outcomes": [o for o in Handover.OUTCOMES if o not in ("deleted", "expired")],
    }
    return render(request, "handover/inbox.html", context)


@inbox_role
@require_GET
def poll(request: HttpRequest) -> JsonResponse:
    """What the page needs to refresh itself (polled every second); marks the agent as present."""
    now = timezone.now()
    Presence.objects.update_or_create(user=request.user, defaults={"last_seen": now})
    data: dict = {"requests": [_summary(h, now) for h in _queue().select_related("claimed_by")]}
    if request.GET.get("h", "").isdigit():
        h = Handover.objects.filter(pk=int(request.GET["h"])).first()
        data["conversation"] = _messages(h) if h and h.status != Handover.CLOSED else []
        data["closed"] = h is None or h.status == Handover.CLOSED
    return JsonResponse(data)


@inbox_role
@require_POST
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    h = get_object_or_404(Handover.objects.exclude(status=Handover.CLOSED), pk=pk)
    h.claimed_by, h.status = request.user, Handover.OPEN
    h.save(update_fields=["claimed_by", "status"])
    record(request.user, "claim", h.id)
    return redirect(reverse("inbox") + f"?h={h.id}")


def _deliver(h: Handover, text: str) -> str:
    """Send ``text`` to the person; the reason it failed, or ''."""
    try:
        send(h.medium, crypto.decrypt(h.address), h.via, text)
    except SendError as exc:
        return str(exc)[:200]
    return ""


@inbox_role
@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    h = get_object_or_404(Handover.objects.exclude(status=Handover.CLOSED), pk=pk)
    back = redirect(reverse("inbox") + f"?h={h.id}")
    text = (request.POST.get("text") or "").strip()[:MAX_REPLY]
    if not text:
        return back
    if h.medium == "whatsapp" and not store.whatsapp_window_open(h.last_person_at):
        messages.error(request, _("WhatsApp allows free text only within 24 hours of the person's last message. "
                                  "Nothing was sent; wait until the person writes again."))
        return back
    if h.claimed_by_id is None:
        h.claimed_by, h.status = request.user, Handover.OPEN
        h.save(update_fields=["claimed_by", "status"])
    error = _deliver(h, text)
    Message.objects.create(handover=h, author=Message.STAFF, text=crypto.encrypt(text), staff=request.user,
                           send_error=error)
    record(request.user, "reply_failed" if error else "reply", h.id)
    if error:
        messages.error(request, _("The message was NOT sent: %(reason)s") % {"reason": error})
    return back


@inbox_role
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    h = get_object_or_404(Handover.objects.exclude(status=Handover.CLOSED), pk=pk)
    outcome = request.POST.get("outcome", "")
    if outcome not in Handover.OUTCOMES:
        outcome = "answered"
    # the person hears that the bot is back, while the address is still known
    error = _deliver(h, t(h.lang or "es", "handover_closed", org=_organisation()))
    if error:
        messages.warning(request, _("Closed, but the person could not be told: %(reason)s") % {"reason": error})
    store.close(h.id, outcome)
    record(request.user, "close", h.id)
    return redirect("inbox")


def _organisation() -> str:
    from bot.handover.hours import organisation

    return organisation()
