"""Services in the console: the form, validation at the field, 403s, conflicts, comments kept, history."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot import clock
from bot.knowledge.loader import load_knowledge
from console.audit.models import Entry
from tests.console.conftest import staff

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
SID = "co-necocli-hospital"
OLD_PHONE, NEW_PHONE = "+57 000 555 0102", "+57 000 555 0177"


@pytest.fixture
def kb(tmp_path, monkeypatch):
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    monkeypatch.setenv("BOT_KNOWLEDGE_DIR", str(folder))
    return folder


@pytest.fixture
def coordinator(client, db):
    return staff(client, "coco", "coordinator")


def form(client, sid=SID):
    page = client.get(f"/services/{sid}/")
    assert page.status_code == 200
    html = page.content.decode()
    version = re.search(r'name="version" value="([0-9a-f]+)"', html).group(1)
    return html, version


def fields(html: str) -> dict[str, str]:
    """The form's current values, as a browser would send them back."""
    import html as h

    out = dict(re.findall(r'<input id="id_\w+" name="(\w+)" value="([^"]*)"', html))
    out.update(re.findall(r'<textarea id="id_\w+" name="(\w+)" rows="\d">([^<]*)</textarea>', html))
    out["cost"] = re.search(r'<option value="(\w+)" selected>', html).group(1)
    return {k: h.unescape(v) for k, v in out.items()}


def test_list_filters_by_town_category_sample_and_review_date(client, kb, coordinator):
    page = client.get("/services/", {"town": "Necoclí", "category": "medical"}).content.decode()
    assert SID in page and "mx-tapachula" not in page
    assert "co-necocli-cr-punto-playa" in page  # medical too
    assert "data-id" not in client.get("/services/", {"sample": "no"}).content.decode()  # the samples only
    text = (kb / "services/co-necocli.yml").read_text().replace("verified_on: 2026-11-01", "verified_on: 2025-01-01", 1)
    (kb / "services/co-necocli.yml").write_text(text)
    past = client.get("/services/", {"past": "1"}).content.decode()
    assert "co-necocli-cr-punto-playa" in past and SID not in past


def test_a_valid_save_changes_only_those_lines_and_is_audited(client, kb, coordinator):
    path = kb / "services/co-necocli.yml"
    before = path.read_text()
    html, version = form(client)
    values = fields(html)
    assert values["phones"] == OLD_PHONE and values["description_fr"] == ""
    assert 'class="flag missing"' in html  # languages without a text are marked
    response = client.post(f"/services/{SID}/", {**values, "phones": NEW_PHONE, "version": version})
    assert response.status_code == 302, response.content.decode()[:2000]
    after = path.read_text()
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [(f'  - {{number: "{OLD_PHONE}", type: voice}}', f'  - {{number: "{NEW_PHONE}", type: voice}}')]
    assert len(before.splitlines()) == len(after.splitlines())
    assert before.splitlines()[0].startswith("# SAMPLE services")  # comments kept
    result = load_knowledge(kb)
    assert result.ok and next(s for s in result.kb.services if s.id == SID).phones[0].number == NEW_PHONE
    entry = Entry.objects.get(action="knowledge.edit")
    assert entry.username == "coco" and entry.target == f"service:{SID}"
    assert entry.detail["diff"] == {"phones": [OLD_PHONE, NEW_PHONE]}
    history = client.get(f"/services/{SID}/").content.decode()
    assert NEW_PHONE in history and "<del>" + OLD_PHONE in history

    # restore puts the previous value back, and is audited too
    assert client.post(f"/services/{SID}/restore/{entry.pk}").status_code == 302
    assert path.read_text() == before
    assert Entry.objects.filter(action="knowledge.restore").get().detail["diff"] == {"phones": [NEW_PHONE, OLD_PHONE]}


def test_problems_are_shown_at_their_field_and_nothing_is_written(client, kb, coordinator):
    path = kb / "services/co-necocli.yml"
    before = path.read_text()
    html, version = form(client)
    bad = {**fields(html), "phones": "+57 300 123 4567", "categories": "medical, nope", "verified_on": "2026-13-01",
           "hours": "Mo-Fr 9 to 5", "version": version}
    response = client.post(f"/services/{SID}/", bad)
    assert response.status_code == 400
    page = response.content.decode()
    errors = dict(re.findall(r'<p class="error field-error" data-field="(\w*)">([^<]*)</p>', page))
    assert set(errors) == {"phones", "categories", "verified_on", "hours"}
    assert "looks like a real number" in errors["phones"]
    assert "nope" in errors["categories"] and "YYYY-MM-DD" in errors["verified_on"]
    assert "+57 300 123 4567" in page  # what was typed stays in the form
    assert path.read_text() == before
    assert not Entry.objects.filter(action__startswith="knowledge.").exists()


def test_a_second_save_of_the_same_file_is_refused_with_who_and_when(client, kb, coordinator):
    path = kb / "services/co-necocli.yml"
    html, version = form(client)  # coco opens the form ...
    other = client.__class__()
    staff(other, "lola", "coordinator")  # ... lola opens it too and saves first
    html2, version2 = form(other, "co-necocli-cr-punto-playa")
    assert version2 == version  # same file
    assert other.post("/services/co-necocli-cr-punto-playa/", {**fields(html2), "name": "Cruz Roja (EJEMPLO)",
                                                                "version": version2}).status_code == 302
    saved = path.read_text()
    response = client.post(f"/services/{SID}/", {**fields(html), "phones": NEW_PHONE, "version": version})
    assert response.status_code == 409
    page = response.content.decode()
    assert "lola" in page and "no se guardó nada" in page  # the console speaks Spanish by default
    assert path.read_text() == saved


def test_checked_today_stamps_verified_on_with_the_bot_clock(client, kb, coordinator):
    _, version = form(client)
    with clock.frozen(datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)):
        assert client.post(f"/services/{SID}/checked", {"version": version}).status_code == 302
    assert "verified_on: 2026-11-20" in (kb / "services/co-necocli.yml").read_text()
    assert Entry.objects.get(action="knowledge.checked").detail["diff"] == {"verified_on": ["2026-11-01", "2026-11-20"]}


@pytest.mark.parametrize("role", ["agent", "viewer"])
def test_agents_and_viewers_see_but_cannot_change(client, kb, role):
    staff(client, "someone", role)
    before = (kb / "services/co-necocli.yml").read_text()
    assert client.get("/services/").status_code == 200
    html, version = form(client)
    assert "disabled" in html and 'id="checked-today"' not in html
    entry = Entry.objects.create(username="x", action="knowledge.edit", target=f"service:{SID}",
                                 detail={"diff": {"phones": [NEW_PHONE, OLD_PHONE]}})
    for url, data in ((f"/services/{SID}/", {**fields(html), "phones": NEW_PHONE, "version": version}),
                      (f"/services/{SID}/checked", {"version": version}),
                      (f"/services/{SID}/restore/{entry.pk}", {})):
        assert client.post(url, data).status_code == 403
    assert (kb / "services/co-necocli.yml").read_text() == before


def test_signed_out_is_sent_to_login(client, kb):
    assert client.get("/services/")["Location"].startswith("/login/")
    assert client.post(f"/services/{SID}/checked")["Location"].startswith("/login/")


# --- import from the browser -------------------------------------------------------------------
def upload(client, path: Path):
    with path.open("rb") as f:
        return client.post("/services/import/", {"file": f})


def test_a_sheet_with_a_broken_row_shows_file_row_and_cannot_be_published(client, kb, coordinator, tmp_path):
    from tests.exchange.conftest import SHEET_ROWS, write_csv

    broken = [list(r) for r in SHEET_ROWS]
    broken[1][3] = "comida"  # not a category, line 3
    before = sorted(p.name for p in (kb / "services").iterdir())
    response = upload(client, write_csv(tmp_path / "socios.csv", broken))
    assert response.status_code == 400
    page = response.content.decode()
    assert "socios.csv:3: &#x27;comida&#x27; is not a category code" in page
    assert 'id="publish"' not in page
    token = client.session["kb_import"]["token"]
    assert client.post("/services/import/publish", {"token": token}).status_code == 302
    assert sorted(p.name for p in (kb / "services").iterdir()) == before  # nothing written


def test_a_clean_sheet_previews_then_publishes(client, kb, coordinator, tmp_path):
    from tests.exchange.conftest import SHEET_ROWS, write_csv

    path = write_csv(tmp_path / "socios.csv", SHEET_ROWS)
    page = upload(client, path).content.decode()
    added = page[page.index('id="import-added"'):page.index('id="import-changed"')]
    assert 'id="publish"' in page and added.count("data-id=") == 3
    assert not list((kb / "services").glob("import-*"))  # a preview writes nothing
    token = re.search(r'name="token" value="(\w+)"', page).group(1)
    assert client.post("/services/import/publish", {"token": token})["Location"] == "/services/"
    ids = {s.id for s in load_knowledge(kb).kb.services}
    assert {"comedor-hoja", "clinica-hoja-prueba-tapachula"} <= ids
    assert Entry.objects.get(action="knowledge.import").detail["created"]

    # the same sheet with one changed phone: previewed as a change, field by field
    rows = [list(r) for r in SHEET_ROWS]
    rows[1][12] = "+52 962 555 0159"
    page = upload(client, write_csv(path, rows)).content.decode()
    changed = page[page.index('id="import-changed"'):]
    assert "comedor-hoja" in changed and "phones" in changed and "555 0159" in changed


@pytest.mark.parametrize("role", ["agent", "viewer"])
def test_agents_and_viewers_cannot_upload_or_publish(client, kb, role, tmp_path):
    from tests.exchange.conftest import SHEET_ROWS, write_csv

    staff(client, "someone", role)
    assert upload(client, write_csv(tmp_path / "socios.csv", SHEET_ROWS)).status_code == 403
    assert client.post("/services/import/publish", {"token": "x"}).status_code == 403


def test_export_downloads_xlsx_and_an_hsds_zip(client, kb, db):
    import io
    import zipfile

    from openpyxl import load_workbook

    staff(client, "vera", "viewer")  # reading, so every role
    sheet = client.get("/services/export/xlsx")
    assert sheet.status_code == 200 and 'filename="services.xlsx"' in sheet["Content-Disposition"]
    ws = load_workbook(io.BytesIO(b"".join(sheet.streaming_content)))["services"]
    assert ws.max_row - 1 == len(load_knowledge(kb).kb.services)
    package = client.get("/services/export/hsds")
    names = zipfile.ZipFile(io.BytesIO(b"".join(package.streaming_content))).namelist()
    assert any(n.endswith("services.csv") for n in names) and any(n.endswith("datapackage.json") for n in names)
    assert client.get("/services/export/pdf").status_code == 404


def test_checked_today_on_a_selection(client, kb, coordinator):
    ids = [SID, "co-necocli-cr-punto-playa"]
    with clock.frozen(datetime(2026, 11, 21, 10, 0, tzinfo=timezone.utc)):
        assert client.post("/services/checked", {"sid": ids})["Location"] == "/services/"
    text = (kb / "services/co-necocli.yml").read_text()
    assert text.count("verified_on: 2026-11-21") == 2
    assert sorted(e.target for e in Entry.objects.filter(action="knowledge.checked")) == sorted(f"service:{i}" for i in ids)


def test_agents_cannot_check_a_selection(client, kb, agent):
    assert client.post("/services/checked", {"sid": [SID]}).status_code == 403
