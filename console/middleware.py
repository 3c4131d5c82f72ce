"""Security headers and the gate every staff page passes."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


class ContentSecurityPolicy:
    """A strict policy: only the console's own script and style files, nothing inline."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Cache-Control", "no-store")  # pages show personal messages
        return response


OPEN_PATHS = ("login", "logout", "static", "set_language")


class StaffGate:
    """A signed-in user must first change a one-time password, then (coordinators, when required)
    set up and pass two-factor authentication, before any other page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        name = request.resolver_match.url_name if request.resolver_match else None
        if not request.user.is_authenticated or name in OPEN_PATHS:
            return None
        target = self._required(request)
        if target and name != target:
            return redirect(target)
        return None

    @staticmethod
    def _required(request) -> str | None:
        from console.accounts.roles import COORDINATOR, role_of

        user = request.user
        profile = getattr(user, "profile", None)
        if profile is not None and profile.must_change_password:
            return "password_change"
        if settings.OTP_REQUIRED_FOR_COORDINATORS and role_of(user) == COORDINATOR and not user.is_verified():
            return "otp"
        return None
