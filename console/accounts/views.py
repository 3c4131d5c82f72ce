"""Login (rate-limited by django-axes), first-login password change, two-factor set-up and check."""

from __future__ import annotations

import django_otp
from django import forms
from django.contrib import auth, messages
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.views import PasswordChangeView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from console.audit.models import record


class LoginForm(AuthenticationForm):
    otp_token = forms.CharField(label=gettext_lazy("Two-factor code (if set up)"), required=False, max_length=8,
                                widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():  # authenticate() goes through axes
        user = form.get_user()
        devices = [d for d in TOTPDevice.objects.devices_for_user(user, confirmed=True)]
        device = None
        if devices:
            device = django_otp.match_token(user, form.cleaned_data.get("otp_token") or "")
            if device is None:
                form.add_error("otp_token", _("The two-factor code is wrong."))
                return render(request, "accounts/login.html", {"form": form}, status=400)
        auth.login(request, user)
        if device is not None:
            django_otp.login(request, device)
        record(user, "login")
        return redirect("inbox")
    return render(request, "accounts/login.html", {"form": form}, status=400 if request.method == "POST" else 200)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        record(request.user, "logout")
    auth.logout(request)
    return redirect("login")


class FirstPasswordChange(PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("inbox")

    def form_valid(self, form):
        response = super().form_valid(form)
        profile = getattr(self.request.user, "profile", None)
        if profile is not None:
            profile.must_change_password = False
            profile.save(update_fields=["must_change_password"])
        record(self.request.user, "password_changed")
        messages.success(self.request, _("Your password is changed."))
        return response


class TokenForm(forms.Form):
    token = forms.CharField(label=gettext_lazy("Code from your authenticator app"), max_length=8)


@require_http_methods(["GET", "POST"])
def otp(request: HttpRequest) -> HttpResponse:
    """Set up TOTP (first time) or pass it (a session that was not verified)."""
    if not request.user.is_authenticated:
        return redirect("login")
    device = TOTPDevice.objects.filter(user=request.user).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="default", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                record(request.user, "otp_set_up")
            django_otp.login(request, device)
            return redirect("inbox")
        form.add_error("token", _("The code is wrong."))
    return render(request, "accounts/otp.html", {"form": form, "device": device,
                                                 "secret": None if device.confirmed else device.config_url})
