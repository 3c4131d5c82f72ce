"""The three roles, as Django auth groups, and the account creation behind ``bot console adduser``."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import Group, User
from django.db import transaction

COORDINATOR, AGENT, VIEWER = "coordinator", "agent", "viewer"
ROLES = (COORDINATOR, AGENT, VIEWER)
INBOX_ROLES = (COORDINATOR, AGENT)  # who may read and answer handovers


def role_of(user: User) -> str | None:
    names = set(user.groups.values_list("name", flat=True))
    return next((r for r in ROLES if r in names), None)


def can_use_inbox(user: User) -> bool:
    return user.is_authenticated and role_of(user) in INBOX_ROLES


@transaction.atomic
def add_user(name: str, role: str) -> str:
    """Create ``name`` with ``role``; returns a one-time password, to change at first login."""
    from console.accounts.models import Profile

    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if User.objects.filter(username=name).exists():
        raise ValueError(f"there is already an account named {name!r}")
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(name, password=password)
    group, _ = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    Profile.objects.create(user=user, must_change_password=True)
    return password
