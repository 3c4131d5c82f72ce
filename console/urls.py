from pathlib import Path

from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import include, path
from django.views.decorators.cache import cache_control

from console.accounts import views as accounts
from console.audit.views import audit_log
from console.handover import views as handover
from console.knowledge import imports, reference
from console.knowledge import views as knowledge
from console.reports import needs_csv, report

STATIC = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"console.js": "text/javascript", "console.css": "text/css"}


@cache_control(max_age=300)
def static(request, name: str):
    """The console's two static files (no collectstatic, no build step)."""
    if name not in STATIC_FILES:
        raise Http404
    return FileResponse(open(STATIC / name, "rb"), content_type=STATIC_FILES[name])


urlpatterns = [
    path("", lambda request: redirect("inbox")),
    path("login/", accounts.login, name="login"),
    path("logout/", accounts.logout, name="logout"),
    path("password/", accounts.FirstPasswordChange.as_view(), name="password_change"),
    path("otp/", accounts.otp, name="otp"),
    path("inbox/", handover.inbox, name="inbox"),
    path("inbox/poll", handover.poll, name="poll"),
    path("inbox/<int:pk>/claim", handover.claim, name="claim"),
    path("inbox/<int:pk>/reply", handover.reply, name="reply"),
    path("inbox/<int:pk>/close", handover.close, name="close"),
    path("reports/", report, name="reports"),
    path("reports/needs.csv", needs_csv, name="needs_csv"),
    path("audit/", audit_log, name="audit"),
    path("services/", knowledge.service_list, name="services"),
    path("services/checked", knowledge.checked_selection, name="services_checked"),
    path("services/import/", imports.upload, name="kb_import"),
    path("services/import/publish", imports.publish, name="kb_publish"),
    path("services/export/<str:kind>", imports.export, name="kb_export"),
    path("services/<str:sid>/", knowledge.service_form, name="service"),
    path("services/<str:sid>/checked", knowledge.checked_today, name="service_checked"),
    path("services/<str:sid>/restore/<int:pk>", knowledge.restore, name="service_restore"),
    path("rights/", reference.rights_list, name="rights"),
    path("rights/<str:country>/<str:topic>/", reference.rights_entry, name="rights_entry"),
    path("countries/", reference.country_list, name="countries"),
    path("countries/<str:code>/", reference.country_detail, name="country"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("static/<str:name>", static, name="static"),
]
