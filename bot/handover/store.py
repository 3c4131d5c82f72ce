"""The handover state, in the console's database: open, hold messages, attach the address, close, erase.

Synchronous (Django ORM): the Rasa side calls these in a worker thread. Nothing here logs a
text, an address or a pseudonym.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bot import clock
from bot.handover import crypto
from bot.handover.db import fresh, ready

ONLINE_WITHIN = timedelta(minutes=2)  # an inbox polls every second; two minutes of silence = gone
WHATSAPP_WINDOW = timedelta(hours=24)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _models():
    ready()
    from console.handover import models

    return models


@dataclass
class Opened:
    id: int
    agents_online: bool


def find_active(sender: str):
    """The waiting or open handover of this conversation, or None."""
    m = _models()
    return m.Handover.objects.filter(sender=sender).exclude(status=m.Handover.CLOSED).order_by("-id").first()


def agents_online() -> bool:
    m = _models()
    return m.Presence.objects.filter(last_seen__gte=_now() - ONLINE_WITHIN).exists()


def open_request(sender: str, channel: str, medium: str, lang: str = "", need: str = "",
                 country: str = "", place: str = "", answered: str = "") -> Opened:
    """Record a request the person consented to (one per conversation at a time)."""
    m = _models()
    fresh()
    crypto._fernet()  # refuse without a key, before storing anything
    h = find_active(sender)
    if h is None:
        h = m.Handover.objects.create(sender=sender, channel=channel, medium=medium, lang=lang[:5], need=need[:40],
                                      country=(country or "")[:2], place=(place or "")[:120],
                                      answered=answered[:200], last_person_at=_now())
    return Opened(h.id, agents_online())


def attach_address(sender: str, address: str, via: str = "") -> bool:
    """Keep the encrypted reply address of a handover that has none yet (right after the yes)."""
    m = _models()
    h = m.Handover.objects.filter(sender=sender, address="").exclude(status=m.Handover.CLOSED).first()
    if h is None:
        return False
    h.address, h.via = crypto.encrypt(address), via[:64]
    h.save(update_fields=["address", "via"])
    return True


def hold(handover_id: int, text: str, danger: bool) -> None:
    """Put one of the person's messages in the inbox; danger makes the request urgent."""
    m = _models()
    h = m.Handover.objects.get(pk=handover_id)
    m.Message.objects.create(handover=h, author=m.Message.PERSON, text=crypto.encrypt(text), danger=danger)
    h.last_person_at = _now()
    h.urgent = h.urgent or danger
    h.save(update_fields=["last_person_at", "urgent"])


def close(handover_id: int, outcome: str) -> None:
    """Close: the reply address is erased at once; the texts stay until the retention period."""
    m = _models()
    m.Handover.objects.filter(pk=handover_id).update(status=m.Handover.CLOSED, outcome=outcome[:20], address="",
                                                     closed_at=_now())


def erase(sender: str) -> int:
    """"Delete my data": close every handover of this conversation and erase its messages."""
    m = _models()
    handovers = m.Handover.objects.filter(sender=sender)
    m.Message.objects.filter(handover__in=handovers).delete()
    return handovers.update(status=m.Handover.CLOSED, outcome="deleted", address="", sender="", closed_at=_now())


def purge(days: int) -> int:
    """Erase texts older than ``days``; closed handovers then keep only counts for the reports.

    A handover nobody closed and the person has not written to for ``days`` is closed too, so
    that no reply address outlives the retention period and the bot answers the person again.
    """
    m = _models()
    cutoff = _now() - timedelta(days=days)
    m.Handover.objects.exclude(status=m.Handover.CLOSED).filter(last_person_at__lt=cutoff).update(
        status=m.Handover.CLOSED, outcome="expired", address="", closed_at=_now())
    deleted, _ = m.Message.objects.filter(at__lt=cutoff).delete()
    m.Handover.objects.filter(status=m.Handover.CLOSED, closed_at__lt=cutoff).update(sender="", address="")
    purge_needs()
    return deleted


def whatsapp_window_open(last_person_at: datetime | None, now: datetime | None = None) -> bool:
    """WhatsApp allows free text only within 24 hours of the person's last message."""
    return last_person_at is not None and (now or _now()) - last_person_at < WHATSAPP_WINDOW


NEEDS_KEPT_DAYS = 2 * 365


def count_need(need: str, country: str, town: str, outcome: str) -> None:
    """Add one to today's count of ``need`` in ``town`` ending in ``outcome`` (an aggregate only)."""
    m = _models()
    _add_one(m.NeedCount, {"day": clock.today(), "need": need[:40], "country": (country or "")[:2],
                           "town": (town or "")[:120], "outcome": outcome})


def count_report(service: str, kind: str) -> None:
    """Add one to today's count of people saying ``service`` is ``kind`` (closed, wrong_number, moved)."""
    m = _models()
    if kind not in m.ServiceReport.KINDS:
        raise ValueError(f"unknown kind of report: {kind!r}")
    _add_one(m.ServiceReport, {"day": clock.today(), "service": service[:120], "kind": kind})


def _add_one(model, key: dict) -> None:
    """One more in the row ``key`` of an aggregate table, whichever server writes first."""
    from django.db import IntegrityError, transaction
    from django.db.models import F

    fresh()
    with transaction.atomic():
        if model.objects.filter(**key).update(n=F("n") + 1):
            return
        try:
            with transaction.atomic():
                model.objects.create(**key, n=1)
        except IntegrityError:  # another server created it first
            model.objects.filter(**key).update(n=F("n") + 1)


def purge_needs() -> int:
    """Drop counts (needs, reports on services) older than two years."""
    m = _models()
    fresh()
    cutoff = clock.today() - timedelta(days=NEEDS_KEPT_DAYS)
    return (m.NeedCount.objects.filter(day__lt=cutoff).delete()[0]
            + m.ServiceReport.objects.filter(day__lt=cutoff).delete()[0])
