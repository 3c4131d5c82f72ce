"""A handover and its messages. Texts and the reply address are encrypted (bot.handover.crypto).

The Rasa server, the action server and the console all read and write these tables: the state
of a handover lives here, not in any process, so several Rasa servers work together.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Handover(models.Model):
    WAITING, OPEN, CLOSED = "waiting", "open", "closed"
    STATUSES = [(WAITING, "waiting"), (OPEN, "open"), (CLOSED, "closed")]
    OUTCOMES = ["answered", "referred", "no_reply", "not_needed", "deleted", "expired"]

    sender = models.CharField(max_length=128, db_index=True)  # the conversation's pseudonym
    channel = models.CharField(max_length=20)  # twilio, telegram
    medium = models.CharField(max_length=20)  # sms, whatsapp, telegram
    via = models.CharField(max_length=64, blank=True)  # the deployment's own number the person wrote to
    address = models.TextField(blank=True)  # encrypted; erased at close
    lang = models.CharField(max_length=5, blank=True)
    need = models.CharField(max_length=40, blank=True)
    country = models.CharField(max_length=2, blank=True)
    place = models.CharField(max_length=120, blank=True)  # a town, never coordinates
    answered = models.CharField(max_length=200, blank=True)  # what the bot already answered: intent names
    status = models.CharField(max_length=10, choices=STATUSES, default=WAITING, db_index=True)
    urgent = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_person_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True)

    class Meta:
        indexes = [models.Index(fields=["sender", "status"])]


class Message(models.Model):
    PERSON, STAFF = "person", "staff"
    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="messages")
    author = models.CharField(max_length=10, choices=[(PERSON, PERSON), (STAFF, STAFF)])
    text = models.TextField()  # encrypted
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    danger = models.BooleanField(default=False)
    send_error = models.CharField(max_length=200, blank=True)  # why a staff reply did not go out

    class Meta:
        ordering = ["at", "id"]


class Presence(models.Model):
    """When an agent's inbox last asked for news: someone is there while this is recent."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    last_seen = models.DateTimeField(db_index=True)


class NeedCount(models.Model):
    """How many searches for a need in a town ended how, per day: counts only (no person, no
    time finer than a day, no text), summed by every Rasa server into one row. Kept 2 years."""

    OUTCOMES = ("within_25km", "farther", "nothing", "place_not_understood")

    day = models.DateField()
    need = models.CharField(max_length=40)
    country = models.CharField(max_length=2, blank=True, default="")
    town = models.CharField(max_length=120, blank=True, default="")  # a gazetteer town, never a finer place
    outcome = models.CharField(max_length=24)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "need", "country", "town", "outcome"],
                                               name="one_count_per_day_need_town_outcome")]


class ServiceReport(models.Model):
    """How many people said a listed service is closed, has a wrong number or moved, per day:
    counts only (no person, no time finer than a day, no text), summed by every Rasa server."""

    KINDS = ("closed", "wrong_number", "moved")

    day = models.DateField()
    service = models.CharField(max_length=120)  # the service's id in the knowledge folder
    kind = models.CharField(max_length=16)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "service", "kind"], name="one_count_per_day_service_kind")]
