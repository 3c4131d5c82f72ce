from __future__ import annotations

from django.conf import settings
from django.db import models


class Entry(models.Model):
    """One staff action. ``handover`` is an id, not a key: the entry outlives the handover's texts."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150)  # kept when the account is deleted
    action = models.CharField(max_length=40)
    handover = models.BigIntegerField(null=True, blank=True)
    target = models.CharField(max_length=200, blank=True, default="", db_index=True)  # e.g. "service:<id>"
    detail = models.JSONField(null=True, blank=True)  # knowledge edits: file, version and field-by-field diff

    class Meta:
        ordering = ["-at"]


def record(user, action: str, handover: int | None = None, target: str = "", detail: dict | None = None) -> Entry:
    """Log one action of ``user`` (may be None for actions of the system)."""
    return Entry.objects.create(user=user if getattr(user, "pk", None) else None,
                                username=getattr(user, "username", "") or "-", action=action, handover=handover,
                                target=target, detail=detail)
