"""Services edited in the staff console, in a real browser, against the real bot: a coordinator
changes a phone number, the bot's REST answer has it within 5 s, and restore brings the old one back.
The console edits the bot's own knowledge folder (``BOT_KNOWLEDGE_DIR`` of the shared ``bot``)."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid

import pytest
import requests

from bot.serve import wait_until_up
from tests.console.conftest import PASSWORD
from tests.e2e.test_console import DOCS, ROOT, browser, by, wait_for  # noqa: F401 - browser is a fixture
from tools.harness import free_port

pytestmark = pytest.mark.e2e
SID = "co-necocli-hospital"  # the first medical service near Necoclí (bot kb search)
OLD_PHONE, NEW_PHONE = "+57 000 555 0102", "+57 000 555 0188"
LIVE = 5.0  # seconds: the bot answers with a saved change within this


@pytest.fixture(scope="module")
def console(bot):
    port = free_port()
    env = {**bot.env, "BOT_CONSOLE_PORT": str(port), "BOT_CONSOLE_WORKERS": "1"}
    log = bot.log.parent / "console-knowledge.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "console.serve"], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(f"{url}/login/", 60, proc):
        proc.terminate()
        pytest.fail("the console did not start:\n" + log.read_text()[-3000:])
    added = subprocess.run([sys.executable, "-m", "bot.cli", "console", "adduser", "coco", "--role", "coordinator"],
                           cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    yield {"url": url, "password": added.stdout.strip().splitlines()[-1]}
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def coordinator(console, browser):  # noqa: F811 - the imported fixture
    browser.set_window_size(1100, 1900)
    browser.get(f"{console['url']}/login/")
    by(browser, "#id_username").send_keys("coco")
    by(browser, "#id_password").send_keys(console["password"])
    by(browser, "#login-form button[type=submit]").click()
    wait_for(browser, lambda d: d.find_elements("id", "id_old_password"), 10)
    by(browser, "#id_old_password").send_keys(console["password"])
    by(browser, "#id_new_password1").send_keys(PASSWORD)
    by(browser, "#id_new_password2").send_keys(PASSWORD)
    by(browser, "#password-form button[type=submit]").click()
    wait_for(browser, lambda d: "/inbox/" in d.current_url, 10)
    return browser


def answer(bot) -> str:
    r = requests.post(f"{bot.url}/webhooks/rest/webhook", timeout=60,
                      json={"sender": f"kb-{uuid.uuid4().hex[:10]}", "message": "necesito un doctor en Necoclí"})
    assert r.status_code == 200, r.text
    return "\n".join(m.get("text") or "" for m in r.json())


def within(seconds: float, condition) -> float:
    """How long ``condition`` took to hold; fails after ``seconds``."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < seconds, "not within the time allowed"
        time.sleep(0.2)
    return time.monotonic() - start


def set_field(driver, css: str, value: str) -> None:
    field = by(driver, css)
    field.clear()
    field.send_keys(value)


def test_a_coordinator_changes_a_phone_and_the_bot_answers_with_it(bot, console, coordinator):
    path = bot.knowledge / "services" / "co-necocli.yml"
    before = path.read_text()
    assert OLD_PHONE in answer(bot)
    driver = coordinator
    driver.get(f"{console['url']}/services/?town=Necoclí")
    by(driver, f'tr[data-id="{SID}"] a').click()
    wait_for(driver, lambda d: d.find_elements("id", "service-form"), 10)

    # an invalid number: the error is next to the phones, nothing is written
    set_field(driver, "#id_phones", "+57 300 123 4567")
    by(driver, "#save").click()
    wait_for(driver, lambda d: d.find_elements("css selector", '.field-error[data-field="phones"]'), 10)
    assert "looks like a real number" in by(driver, '.field-error[data-field="phones"]').text
    driver.save_screenshot(str(DOCS / "console-service-error.png"))
    assert path.read_text() == before

    # a valid one: only that line of the file changes; within 5 s the bot answers with it
    set_field(driver, "#id_phones", NEW_PHONE)
    by(driver, "#save").click()
    wait_for(driver, lambda d: d.find_elements("css selector", ".messages .success"), 10)
    after = path.read_text()
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [(f'  - {{number: "{OLD_PHONE}", type: voice}}', f'  - {{number: "{NEW_PHONE}", type: voice}}')]
    assert len(after.splitlines()) == len(before.splitlines())
    took = within(LIVE, lambda: NEW_PHONE in answer(bot))
    print(f"the bot answered with the new number {took:.1f} s after the save")
    history = by(driver, "#history").text
    assert "coco" in history and OLD_PHONE in history and NEW_PHONE in history
    whole_page(driver, DOCS / "console-service.png")

    # restore: the file is as it was, and the bot answers with the old number again
    saved_notice = by(driver, ".messages .success")  # the save's notice: the restore's is another page
    by(driver, "#history .restore").click()
    wait_for(driver, lambda d: _gone(saved_notice), 10)
    wait_for(driver, lambda d: d.find_elements("css selector", ".messages .success"), 10)
    assert path.read_text() == before
    within(LIVE, lambda: OLD_PHONE in answer(bot) and NEW_PHONE not in answer(bot))


def ask(bot, text: str) -> str:
    r = requests.post(f"{bot.url}/webhooks/rest/webhook", timeout=60,
                      json={"sender": f"kb-{uuid.uuid4().hex[:10]}", "message": text})
    assert r.status_code == 200, r.text
    return "\n".join(m.get("text") or "" for m in r.json())


def test_an_uploaded_sheet_is_previewed_then_published_and_the_bot_answers_with_it(bot, console, coordinator,
                                                                                    tmp_path):
    from tests.exchange.conftest import SHEET_ROWS, write_csv

    driver = coordinator
    imported = bot.knowledge / "services" / "import-socios.yml"
    food = "Comedor Hoja (prueba)"  # the first food service near Tapachula once imported (bot kb search)
    assert food not in ask(bot, "necesito comida en Tapachula")

    # one broken row: its error as file:row, and no way to publish
    broken = [list(r) for r in SHEET_ROWS]
    broken[1][3] = "comida"
    driver.get(f"{console['url']}/services/import/")
    by(driver, "#id_file").send_keys(str(write_csv(tmp_path / "socios.csv", broken)))
    by(driver, "#preview").click()
    wait_for(driver, lambda d: d.find_elements("id", "import-errors"), 20)
    assert "socios.csv:3: 'comida' is not a category code" in by(driver, "#import-errors").text
    assert not driver.find_elements("id", "publish") and not imported.exists()

    # the clean sheet: previewed (nothing written yet), published, and the bot answers with it
    driver.get(f"{console['url']}/services/import/")
    by(driver, "#id_file").send_keys(str(write_csv(tmp_path / "socios.csv", SHEET_ROWS)))
    by(driver, "#preview").click()
    wait_for(driver, lambda d: d.find_elements("id", "publish"), 20)
    assert len(driver.find_elements("css selector", "#import-added li")) == 3 and not imported.exists()
    driver.save_screenshot(str(DOCS / "console-import-preview.png"))
    by(driver, "#publish").click()
    wait_for(driver, lambda d: d.find_elements("css selector", ".messages .success"), 20)
    assert imported.exists()
    try:
        within(LIVE, lambda: food in ask(bot, "necesito comida en Tapachula"))
    finally:  # the shared bot's knowledge as the other tests expect it
        imported.unlink()
        within(LIVE, lambda: food not in ask(bot, "necesito comida en Tapachula"))


def test_the_report_counts_searches_per_town_and_the_csv_matches_the_page(bot, console, coordinator):
    """A scripted run: Tapachula has food services within 25 km; near Oaxaca there is no shelter in the
    sample knowledge (the bot offers farther ones). Counts under 5 are shown as "<5"."""
    import csv
    import io

    for _ in range(5):
        assert "Tapachula" in ask(bot, "necesito comida en Tapachula")
    for _ in range(2):
        ask(bot, "necesito un albergue en Oaxaca")
    driver = coordinator
    driver.get(f"{console['url']}/reports/")
    rows = driver.execute_script(
        "return [...document.querySelectorAll('#needs tbody tr')].map(tr => [...tr.cells].map(td => td.textContent))")
    by_key = {(r[1], r[2]): r for r in rows}
    food = by_key[("Tapachula", "food")]
    assert food[3] != "<5" and int(food[3]) >= 5 and food[4] in ("0", "<5")  # found within 25 km
    assert by_key[("Oaxaca", "shelter")][3:6] == ["<5", "<5", "-"]  # two searches: "<5", no share
    # the chart of requests per day and need, drawn by the server: a row per need, small counts hatched
    needs = driver.execute_script(
        "return [...document.querySelectorAll('#needs-chart svg g.series')].map(g => g.dataset.need)")
    assert {"food", "shelter"} <= set(needs)
    shelter = by(driver, '#needs-chart g.series[data-need="shelter"] rect')
    assert shelter.get_attribute("data-n") == "<5" and shelter.get_attribute("fill") == "url(#small)"
    whole_page(driver, DOCS / "console-needs-report.png")
    cookies = {c["name"]: c["value"] for c in driver.get_cookies()}
    data = requests.get(f"{console['url']}/reports/needs.csv", cookies=cookies, timeout=10).text
    assert list(csv.reader(io.StringIO(data)))[1:] == rows


def test_a_person_says_a_listed_service_is_wrong_and_staff_see_it_first(bot, console, coordinator):
    """Over the real REST webhook, in three languages and with a typo: "2 cerrado" after a list is
    counted against the second service of that list; the console lists it first with the counts."""
    def conversation(first: str, then: str) -> tuple[str, str]:
        sender = f"kb-{uuid.uuid4().hex[:10]}"
        replies = []
        for text in (first, then):
            r = requests.post(f"{bot.url}/webhooks/rest/webhook", timeout=60, json={"sender": sender, "message": text})
            assert r.status_code == 200, r.text
            replies.append("\n".join(m.get("text") or "" for m in r.json()))
        return replies[0], replies[1]

    listed, thanks = conversation("necesito un doctor en Necoclí", "2 cerrado")
    second = next(line[3:] for line in listed.splitlines() if line.startswith("2. "))
    assert thanks == f"Gracias por avisar sobre {second}."
    _, thanks = conversation("I need a doctor in Necoclí", "2 wrong numbr")
    assert thanks == f"Thank you for telling us about {second}."
    _, thanks = conversation("mwen bezwen yon doktè nan Necoclí", "2 fèmen")
    assert thanks == f"Mèsi paske ou avèti nou pou {second}."
    # a number that is not a report is still the menu's
    _, menu = conversation("necesito un doctor en Necoclí", "2")
    assert "Gracias" not in menu

    driver = coordinator
    driver.get(f"{console['url']}/services/?past=1")
    first = by(driver, "#services tbody tr")
    assert second in first.text
    counts = {e.get_attribute("data-kind"): e.get_attribute("data-n") for e in first.find_elements("css selector", ".report")}
    assert counts == {"closed": "2", "wrong_number": "1"}
    driver.save_screenshot(str(DOCS / "console-reported-services.png"))


def test_rights_texts_and_country_files_are_read_in_the_console(console, coordinator):
    driver = coordinator
    driver.get(f"{console['url']}/rights/")
    ending = by(driver, 'tr[data-id="HN-deportation"] td.valid-until')
    assert "2026-12-31" in ending.text and "error" in ending.get_attribute("class")  # ends soon, or ended
    by(driver, 'tr[data-id="CO-asylum"] a').click()
    wait_for(driver, lambda d: d.find_elements("id", "rights-entry"), 10)
    assert by(driver, "#reviewed-on").text == "2026-11-28"
    assert "Decreto 2840 de 2013" in by(driver, "#sources").text
    assert len(driver.find_elements("css selector", "#rights-entry p.text")) == 5
    assert not driver.find_elements("css selector", "main form")  # read-only
    whole_page(driver, DOCS / "console-rights.png")
    driver.get(f"{console['url']}/countries/")
    by(driver, 'tr[data-id="MX"] a').click()
    wait_for(driver, lambda d: d.find_elements("id", "country"), 10)
    assert "911" in by(driver, "#emergency").text and "Cruz Roja Mexicana" in by(driver, "#red-cross").text


def whole_page(driver, path) -> None:
    """A screenshot of the whole page, not only the window (the service form is long)."""
    width, height = driver.get_window_size()["width"], driver.get_window_size()["height"]
    full = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, max(height, full + 140))
    try:
        driver.save_screenshot(str(path))
    finally:
        driver.set_window_size(width, height)


def _gone(element) -> bool:
    """The page that held ``element`` has been replaced (the click's request has been answered)."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as exc:  # asked while the page is being replaced, Chrome may say it this way
        if "does not belong to the document" in str(exc):
            return True
        raise
