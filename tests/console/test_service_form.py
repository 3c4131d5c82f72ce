"""The service form has every field of the knowledge format, each checked as ``bot kb validate`` checks it."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Service
from console.knowledge import files
from tests.console.test_knowledge import SID, coordinator, fields, form, kb  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_the_form_has_every_field_of_a_service():
    internal = {"id", "file", "line"}  # the id is the service's name in the files and the history
    model = {f.name for f in dataclasses.fields(Service)} - internal
    in_form = {f.rsplit("_", 1)[0] if f in files.TEXT_FIELDS else f for f in files.ALL_FIELDS}
    assert model <= in_form and in_form - model == {"needs_review"}  # a field of the file, not of the model


def test_the_rest_of_the_fields_are_saved_where_the_format_puts_them(client, kb, coordinator):  # noqa: F811
    path = kb / "services/co-necocli.yml"
    html, version = form(client)
    values = fields(html)
    assert values["latitude"] and values["longitude"] and values["place"] == "Necoclí"
    changed = {
        "organization": "Hospital municipal (ejemplo)", "latitude": "8,4301", "longitude": "-76.7801",
        "languages": "es, en, ht", "population": "all, families", "requirements_es": "Ningún documento.",
        "requirements_ht": "Pa gen papye.", "email": "urgencias@example.org", "url": "https://example.org/urgencias",
        "hours": "24/7\n2026-12-25 08:00-20:00", "source": "llamada al hospital, 2026-11-20", "needs_review": "ht",
    }
    response = client.post(f"/services/{SID}/", {**values, **changed, "referral": "walk_in", "sample": "yes",
                                                  "version": version})
    assert response.status_code == 302, response.content.decode()[:3000]
    s = next(s for s in load_knowledge(kb).kb.services if s.id == SID)
    assert (s.latitude, s.longitude, s.organization) == (8.4301, -76.7801, "Hospital municipal (ejemplo)")
    assert s.languages == ("es", "en", "ht") and s.population == ("all", "families")
    assert s.requirements["es"] == "Ningún documento." and s.requirements["ht"] == "Pa gen papye."
    assert (s.email, s.url, s.referral, s.sample) == ("urgencias@example.org", "https://example.org/urgencias",
                                                      "walk_in", True)
    assert s.hours.always and [e.first for e in s.hours.exceptions] == [date(2026, 12, 25)]
    text = path.read_text()
    assert "    latitude: 8.4301\n" in text and "  languages: [es, en, ht]\n" in text
    # the other services of the file are as they were
    assert text.split("- id: co-necocli-hospital")[0] == (kb / "services/co-necocli.yml").read_text().split(
        "- id: co-necocli-hospital")[0]


@pytest.mark.parametrize("field,value,says", [
    ("latitude", "40.0", "outside CO"),  # the latitude of Spain with Necoclí's longitude
    ("longitude", "abc", "longitude"),
    ("country", "Colombia", "ISO 3166"),
    ("languages", "es, spanish", "ISO 639-1"),
    ("hours", "24/7\n2026-13-40 closed", ""),
])
def test_a_problem_is_shown_at_its_field_and_nothing_is_written(client, kb, coordinator, field, value, says):  # noqa: F811
    path = kb / "services/co-necocli.yml"
    before = path.read_text()
    html, version = form(client)
    response = client.post(f"/services/{SID}/", {**fields(html), field: value, "version": version})
    assert response.status_code == 400
    page = response.content.decode()
    errors = page.split(f'data-field="{field}">')[1:]
    assert errors, page[page.index("<main>"):][:3000]
    assert says in errors[0].split("</p>")[0]
    assert path.read_text() == before


@pytest.mark.parametrize("role", ["agent", "viewer"])
def test_every_knowledge_route_refuses_a_change_from_agents_and_viewers(client, kb, role):  # noqa: F811
    """Each route under services/, rights/ and countries/ (a new one included, without touching this
    test): a POST from an agent or a viewer is refused (403; 405 where the page has no form) and
    no file of the knowledge folder changes."""
    from django.urls import reverse

    from console import urls
    from console.audit.models import Entry
    from tests.console.conftest import staff

    staff(client, "someone", role)
    entry = Entry.objects.create(username="x", action="knowledge.edit", target=f"service:{SID}",
                                 detail={"diff": {"name": ["Old", "New"]}})
    args = {"sid": SID, "pk": entry.pk, "kind": "xlsx", "country": "CO", "topic": "asylum", "code": "MX"}
    before = {p: p.read_bytes() for p in kb.rglob("*") if p.is_file()}
    routes = [u for u in urls.urlpatterns if str(u.pattern).startswith(("services/", "rights/", "countries/"))]
    assert len(routes) >= 12
    for route in routes:
        kwargs = {k: args[k] for k in route.pattern.converters}
        url = reverse(route.name, kwargs=kwargs)
        status = client.post(url, {"sid": SID, "name": "Changed", "version": "x", "token": "x"}).status_code
        read_only = route.name in ("services", "kb_export", "rights", "rights_entry", "countries", "country")
        assert status == (405 if read_only else 403), (url, status)
    assert {p: p.read_bytes() for p in kb.rglob("*") if p.is_file()} == before
