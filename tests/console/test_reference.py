"""Rights texts and country files in the console: every role reads them, with sources and dates; no form."""

from __future__ import annotations

import pytest

from tests.console.conftest import staff
from tests.console.test_knowledge import kb  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def anyone(client, db):
    return staff(client, "vera", "viewer")  # the least of the roles


@pytest.mark.parametrize("role", ["viewer", "agent", "coordinator"])
def test_every_role_reads_them(client, kb, role):  # noqa: F811
    staff(client, f"someone-{role}", role)
    for url in ("/rights/", "/rights/CO/asylum/", "/countries/", "/countries/MX/"):
        assert client.get(url).status_code == 200


def test_the_rights_list_shows_review_and_end_dates(client, kb, anyone):  # noqa: F811
    html = client.get("/rights/").content.decode()
    row = html.split('<tr data-id="HN-')[1:]
    ending = next(r for r in row if "2026-12-31" in r)
    assert "valid-until error" in ending  # ends soon: the amnesty ends on 2026-12-31, within 60 days of the frozen clock
    assert '<tr data-id="INT-asylum">' in html and "<form" not in html.split("<main>")[1].split("</main>")[0]


def test_a_rights_text_with_its_sources_in_every_language(client, kb, anyone):  # noqa: F811
    html = client.get("/rights/CO/asylum/").content.decode()
    assert "Decreto 2840 de 2013" in html and 'href="https://www1.funcionpublica.gov.co/' in html
    assert 'rel="noopener noreferrer"' in html
    assert 'id="reviewed-on">2026-11-28<' in html
    for lang in ("es", "en", "fr", "ht", "pt"):
        assert f'data-lang="{lang}"' in html
    assert "Cancillería" in html
    assert client.get("/rights/CO/nothing/").status_code == 404


def test_a_rights_text_past_its_review_date_is_red(client, kb, anyone):  # noqa: F811
    path = kb / "rights/CO.yml"
    path.write_text(path.read_text().replace("reviewed_on: 2026-11-28", "reviewed_on: 2024-01-02", 1))
    html = client.get("/rights/CO/asylum/").content.decode()
    assert 'id="reviewed-on" class="error">2024-01-02<' in html


def test_country_files_with_numbers_and_sources(client, kb, anyone):  # noqa: F811
    listing = client.get("/countries/").content.decode()
    assert '<tr data-id="MX">' in listing and "911" in listing
    html = client.get("/countries/MX/").content.decode()
    assert "Cruz Roja Mexicana" in html and "800 911 2000" in html
    assert 'href="https://www.gob.mx/policiafederal/' in html and 'id="verified-on">2026-11-28<' in html
    assert client.get("/countries/ZZ/").status_code == 404


def test_signed_out_people_see_nothing(client, kb):  # noqa: F811
    for url in ("/rights/", "/rights/CO/asylum/", "/countries/", "/countries/MX/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("url", ["/rights/", "/rights/CO/asylum/", "/countries/", "/countries/MX/"])
def test_nothing_can_be_posted_to_them(client, kb, anyone, url):  # noqa: F811
    assert client.post(url, {}).status_code in (403, 405)
