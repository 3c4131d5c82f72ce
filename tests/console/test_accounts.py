"""Accounts: roles, the one-time password, login rate limiting, two-factor, security headers."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from bot.cli import main as bot_cli
from console.accounts.roles import add_user, role_of
from console.audit.models import Entry
from tests.console.conftest import PASSWORD, staff

pytestmark = pytest.mark.django_db


def test_adduser_prints_a_one_time_password_that_must_be_changed(client, capsys):
    assert bot_cli(["console", "adduser", "maria", "--role", "coordinator"]) == 0
    password = capsys.readouterr().out.strip().splitlines()[-1]
    user = User.objects.get(username="maria")
    assert role_of(user) == "coordinator" and user.profile.must_change_password
    response = client.post("/login/", {"username": "maria", "password": password})
    assert response.status_code == 302
    # every page sends to the password change until it is done
    assert client.get("/inbox/")["Location"] == "/password/"
    response = client.post("/password/", {"old_password": password, "new_password1": PASSWORD,
                                          "new_password2": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.profile.must_change_password
    assert client.get("/inbox/").status_code == 200
    assert bot_cli(["console", "adduser", "maria", "--role", "agent"]) == 2  # no second account of that name


def test_unknown_role_is_refused():
    with pytest.raises(ValueError):
        add_user("x", "admin")


def test_login_is_locked_after_five_failures_for_that_account_and_address(client):
    add_user("pedro", "agent")
    for _ in range(5):
        client.post("/login/", {"username": "pedro", "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
    user = User.objects.get(username="pedro")
    user.set_password(PASSWORD)
    user.save()
    locked = client.post("/login/", {"username": "pedro", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert locked.status_code == 429
    # another address is not locked out by someone else's failures
    other = client.post("/login/", {"username": "pedro", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302


def test_viewers_never_see_the_inbox(client, db):
    staff(client, "vera", "viewer")
    assert client.get("/inbox/").status_code == 403
    assert client.get("/inbox/poll").status_code == 403
    assert client.get("/reports/").status_code == 200


def test_signed_out_is_sent_to_login(client, db):
    assert client.get("/inbox/")["Location"].startswith("/login/")


@override_settings(OTP_REQUIRED_FOR_COORDINATORS=True)
def test_coordinators_must_set_up_two_factor_when_required(client, db):
    user = staff(client, "coco", "coordinator")
    assert client.get("/inbox/")["Location"] == "/otp/"
    client.get("/otp/")
    device = TOTPDevice.objects.get(user=user)
    assert client.post("/otp/", {"token": "000000"}).status_code == 200  # wrong code: stays
    time.sleep(1.1)  # django-otp throttles after a failure (1 s, then doubling)
    code = f"{totp(device.bin_key):06d}"
    assert client.post("/otp/", {"token": code})["Location"] == "/inbox/"
    assert client.get("/inbox/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    # next time, the login itself asks for the code
    client.logout()
    assert client.post("/login/", {"username": "coco", "password": PASSWORD}).status_code == 400


@override_settings(OTP_REQUIRED_FOR_COORDINATORS=True)
def test_agents_do_not_need_two_factor(client, db):
    staff(client, "agnes", "agent")
    assert client.get("/inbox/").status_code == 200


def test_pages_carry_a_strict_policy_and_csrf(client, db):
    response = client.get("/login/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert "csrfmiddlewaretoken" in response.content.decode()
    strict = type(client)(enforce_csrf_checks=True)
    assert strict.post("/login/", {"username": "a", "password": "b"}).status_code == 403


def test_interface_in_spanish_and_english(client, db):
    assert "Iniciar sesión" in client.get("/login/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Sign in" in client.get("/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_logins_are_audited(client):
    add_user("lu", "agent")
    user = User.objects.get(username="lu")
    user.set_password(PASSWORD)
    user.save()
    client.post("/login/", {"username": "lu", "password": PASSWORD})
    assert Entry.objects.filter(username="lu", action="login").exists()


def test_only_coordinators_read_the_audit_log(client, db):
    staff(client, "agus", "agent")
    assert client.get("/audit/").status_code == 403
    assert 'href="/audit/"' not in client.get("/reports/").content.decode()
    client.logout()
    staff(client, "cora", "coordinator")
    page = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and "Audit log" in page.content.decode()
    assert 'href="/audit/"' in client.get("/reports/").content.decode()
