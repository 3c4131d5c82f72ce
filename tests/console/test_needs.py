"""The aggregate counts of needs met: recorded by the bot's servers, reported per town with "<5"."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from bot import clock
from bot.handover import store
from console.handover.models import NeedCount
from tests.console.conftest import staff

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 20)


def counted(need, country, town, outcome, times):
    for _ in range(times):
        store.count_need(need, country, town, outcome)


@pytest.fixture
def counts():
    with clock.frozen(TODAY):
        counted("food", "MX", "Tapachula", "within_25km", 7)
        counted("shelter", "CO", "Necoclí", "nothing", 4)
        counted("shelter", "CO", "Necoclí", "farther", 2)
        counted("shelter", "CO", "Necoclí", "within_25km", 1)
        counted("legal", "MX", "Tapachula", "nothing", 1)
        counted("food", "", "", "place_not_understood", 3)
        yield


def table(html: str, table_id: str) -> list[list[str]]:
    body = html[html.index(f'id="{table_id}"'):]
    body = body[:body.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>")[1], re.S)
    return [[c.strip().replace("&lt;", "<") for c in re.findall(r"<td>(.*?)</td>", r, re.S)] for r in rows]


def test_counts_are_one_row_per_day_need_town_and_outcome(counts):
    row = NeedCount.objects.get(need="food", town="Tapachula")
    assert row.n == 7 and row.day == TODAY and row.outcome == "within_25km"
    assert NeedCount.objects.count() == 6


def test_the_report_ranks_towns_by_share_without_service_and_hides_small_counts(client, counts):
    staff(client, "vera", "viewer")  # every role sees the reports
    with clock.frozen(TODAY):
        page = client.get("/reports/").content.decode()
        rows = table(page, "needs")
        assert rows == [
            ["CO", "Necoclí", "shelter", "7", "6", "86%", "0"],
            ["MX", "Tapachula", "food", "7", "0", "0%", "0"],
            # under 5 searches: no share, and last whatever it is (100 % for legal)
            ["-", "-", "food", "0", "0", "-", "<5"],
            ["MX", "Tapachula", "legal", "<5", "<5", "-", "0"],
        ]
        # the CSV holds the same table as the page
        data = client.get("/reports/needs.csv").content.decode()
        assert list(csv.reader(io.StringIO(data)))[1:] == rows
        only_co = table(client.get("/reports/", {"country": "CO"}).content.decode(), "needs")
        assert [r[1] for r in only_co] == ["Necoclí"]
        assert "data-empty" in client.get("/reports/", {"to": "2026-11-19"}).content.decode()


def test_counts_are_kept_two_years(counts):
    with clock.frozen(date(2028, 11, 21)):
        assert store.purge_needs() == 6


def test_bot_kb_report_prints_the_same_table(counts, capsys):
    from bot.cli import main as bot_cli

    with clock.frozen(TODAY):
        assert bot_cli(["kb", "report"]) == 0
    out = capsys.readouterr().out
    table = out[out.index("Needs per town"):].splitlines()
    assert table[2].split()[:6] == ["CO", "Necoclí", "shelter", "7", "6", "86%"]
    assert table[5].split()[:5] == ["MX", "Tapachula", "legal", "<5", "<5"]


def test_the_chart_of_requests_per_day_and_need_is_svg_in_the_page_with_small_counts_hidden(client, counts):
    from datetime import timedelta

    staff(client, "vera", "viewer")
    with clock.frozen(TODAY):
        counted("food", "MX", "Tapachula", "within_25km", 2)
    with clock.frozen(TODAY + timedelta(days=1)):
        page = client.get("/reports/", {"from": "2026-11-01", "to": "2026-11-21"}).content.decode()
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert "<script" not in page  # drawn on the server: no script, nothing fetched
    bars = re.findall(r'<g class="series" data-need="(\w+)">(.*?)</g>', svg, re.S)
    assert [need for need, _ in bars] == ["food", "legal", "shelter"]
    food = dict(re.findall(r'data-day="([\d-]+)" data-n="([^"]+)"', dict(bars)["food"]))
    assert food == {"2026-11-20": "12"}  # 7 + 3 not understood + 2
    legal = dict(bars)["legal"]  # one search: hatched, drawn as 5, and the count itself is nowhere
    assert 'data-n="&lt;5"' in legal and 'fill="url(#small)"' in legal and ": 1<" not in legal
    # the country filter applies to the chart too
    with clock.frozen(TODAY):
        co = client.get("/reports/", {"country": "CO"}).content.decode()
    assert re.findall(r'<g class="series" data-need="(\w+)">', co) == ["shelter"]
