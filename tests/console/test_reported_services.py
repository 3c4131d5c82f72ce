"""What people said is wrong about a service: first in the "to check" list, with the counts."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from bot import clock
from bot.handover import store
from console.handover.models import ServiceReport
from tests.console.test_knowledge import SID, kb  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def order(html: str) -> list[str]:
    return re.findall(r'<tr data-id="([^"]+)"', html)


def test_reported_services_come_first_with_their_counts(client, kb, agent):  # noqa: F811
    for _ in range(3):
        store.count_report(SID, "closed")
    store.count_report(SID, "wrong_number")
    store.count_report("mx-tapachula-urgencias", "moved")
    assert ServiceReport.objects.get(service=SID, kind="closed").n == 3  # one row per day, service and kind
    html = client.get("/services/").content.decode()
    assert order(html)[:2] == [SID, "mx-tapachula-urgencias"]
    row = html.split(f'<tr data-id="{SID}">')[1].split("</tr>")[0]
    assert 'data-kind="closed" data-n="3">' in row and 'data-kind="wrong_number" data-n="1">' in row
    # "to check" lists what is past its review date and what people reported
    to_check = order(client.get("/services/", {"past": "1"}).content.decode())
    assert SID in to_check and "mx-tapachula-urgencias" in to_check


def test_a_check_after_the_reports_answers_them(client, kb, agent):  # noqa: F811
    ServiceReport.objects.create(day=date(2026, 10, 1), service=SID, kind="closed", n=7)  # verified 2026-11-01
    ServiceReport.objects.create(day=clock.today() - timedelta(days=200), service="mx-tapachula-urgencias",
                                 kind="closed", n=2)  # too old
    html = client.get("/services/").content.decode()
    assert 'data-kind="closed"' not in html


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        store.count_report(SID, "rude staff")


def test_reports_are_kept_two_years_like_the_needs():
    with clock.frozen(date(2026, 11, 20)):
        store.count_report(SID, "moved")
    with clock.frozen(date(2028, 11, 19)):
        assert store.purge_needs() == 0
    with clock.frozen(date(2028, 11, 21)):
        assert store.purge_needs() == 1 and not ServiceReport.objects.exists()


def test_bot_kb_report_lists_the_reported_services(capsys):
    from bot.cli import main as bot_cli

    store.count_report(SID, "closed")
    store.count_report(SID, "closed")
    store.count_report(SID, "wrong_number")
    assert bot_cli(["kb", "report"]) == 0
    out = capsys.readouterr().out
    section = out[out.index("Services people reported as wrong"):].splitlines()
    assert section[1].startswith(SID) and section[1].endswith("closed 2, wrong number 1")
