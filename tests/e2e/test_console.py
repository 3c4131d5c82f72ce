"""Handover end to end, in a real browser: a person asks for a person on WhatsApp, SMS or Telegram
(real webhook payloads into the real Rasa + action servers), an agent answers in the staff console
(gunicorn, headless Chromium driven by selenium), replies go out through the Twilio REST client and
python-telegram-bot to fake APIs on loopback, and closing gives the conversation back to the bot."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from bot.serve import wait_until_up
from bot.textnorm import fold
from tests.console.conftest import PASSWORD, FakeTwilio
from tests.e2e.test_channels import (
    messages,
    post_telegram,
    post_twilio,
    telegram_update,
    twilio_form,
)
from tools.harness import free_port

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
# Built from parts so that no raw number appears in a file of the project folder.
WHATSAPP_NUMBER = "+52" + "155" + "8765" + "4321"
SMS_NUMBER = "+52" + "155" + "2468" + "1357"
CHAT_ID = 7_000_000_000 + 8642
LIVE = 2.0  # seconds: new messages appear in the inbox within this, without reloading


@pytest.fixture(scope="module")
def console(bot):
    twilio = FakeTwilio().start()
    port = free_port()
    env = {**bot.env, "BOT_CONSOLE_PORT": str(port), "TWILIO_API_URL": twilio.url, "BOT_CONSOLE_WORKERS": "1"}
    log = bot.log.parent / "console.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "console.serve"], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(f"{url}/login/", 60, proc):
        proc.terminate()
        pytest.fail("the console did not start:\n" + log.read_text()[-3000:])
    added = subprocess.run([sys.executable, "-m", "bot.cli", "console", "adduser", "ana", "--role", "agent"],
                           cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    yield {"url": url, "twilio": twilio, "password": added.stdout.strip().splitlines()[-1], "log": log}
    proc.terminate()
    proc.wait(timeout=20)
    twilio.server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and DRIVER):
        pytest.skip("chromium and chromium-driver are not installed (scripts/ci-services installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=412,915",
                "--lang=es"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def by(driver, css):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, css)


def wait_for(driver, condition, timeout):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)


@pytest.fixture(scope="module")
def agent(console, browser):
    """Ana signs in with her one-time password, chooses her own, and keeps the inbox open."""
    browser.get(f"{console['url']}/login/")
    time.sleep(0.5)
    DOCS.mkdir(exist_ok=True)
    browser.save_screenshot(str(DOCS / "console-login.png"))
    by(browser, "#id_username").send_keys("ana")
    by(browser, "#id_password").send_keys(console["password"])
    by(browser, "#login-form button[type=submit]").click()
    wait_for(browser, lambda d: d.current_url.endswith("/password/") and d.find_elements("id", "id_old_password"), 10)
    by(browser, "#id_old_password").send_keys(console["password"])
    by(browser, "#id_new_password1").send_keys(PASSWORD)
    by(browser, "#id_new_password2").send_keys(PASSWORD)
    by(browser, "#password-form button[type=submit]").click()
    wait_for(browser, lambda d: "/inbox/" in d.current_url, 10)
    return browser


class WhatsApp:
    medium, number = "whatsapp", WHATSAPP_NUMBER

    def __init__(self, bot, console):
        self.bot, self.console = bot, console

    def say(self, text: str) -> list[str]:
        r = post_twilio(self.bot, twilio_form(text, f"whatsapp:{self.number}"))
        assert r.status_code == 200
        return messages(r)

    def from_staff(self) -> list[str]:
        to = f"whatsapp:{self.number}" if self.medium == "whatsapp" else self.number
        return self.console["twilio"].bodies_to(to)


class Sms(WhatsApp):
    medium, number = "sms", SMS_NUMBER

    def say(self, text: str) -> list[str]:
        r = post_twilio(self.bot, twilio_form(text, self.number))
        assert r.status_code == 200
        return messages(r)


class Telegram:
    medium = "telegram"

    def __init__(self, bot, console):
        self.bot, self.console = bot, console

    def _sent(self) -> list[str]:
        return [m["text"] for m in self.bot.telegram.messages_to(CHAT_ID)]

    def say(self, text: str) -> list[str]:
        before = len(self._sent())
        assert post_telegram(self.bot, telegram_update(CHAT_ID, text)).status_code == 200
        return self._sent()[before:]

    def from_staff(self) -> list[str]:
        return self._sent()


def text_of(driver, css: str) -> str:
    """An element's text, read in one script call (the page redraws itself every second)."""
    return driver.execute_script("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css)


def open_request_id(driver, medium: str) -> str:
    """The newest request of ``medium`` in the live list (without reloading)."""
    items = driver.execute_script(
        "return [...document.querySelectorAll('#requests li.request')].map(li => [li.dataset.id, li.textContent])")
    ids = [i for i, text in items if f" {medium} " in f" {text.replace('·', ' ')} "]
    return max(ids, key=int) if ids else ""


@pytest.mark.parametrize("channel", [WhatsApp, Telegram, Sms], ids=["whatsapp", "telegram", "sms"])
def test_a_person_asks_for_a_person_and_an_agent_answers(bot, console, agent, channel):
    person = channel(bot, console)
    inbox = f"{console['url']}/inbox/"
    agent.get(inbox)

    # the bot asks for consent, saying who reads and how long it is kept
    consent = fold(" ".join(person.say("quiero hablar con una persona")))  # SMS drops accents (GSM-7)
    assert "sample deployment" in consent and "30 dias" in consent and "si o no" in consent

    # yes: the request reaches the open inbox within 2 s
    confirmed = " ".join(person.say("sí"))
    assert "Listo" in confirmed and "911" in confirmed
    start = time.monotonic()
    request_id = wait_for(agent, lambda d: open_request_id(d, person.medium), LIVE + 1)
    assert time.monotonic() - start <= LIVE

    # claim and reply: the reply goes out through the channel's real API
    agent.get(f"{inbox}?h={request_id}")
    by(agent, "#claim").click()
    wait_for(agent, lambda d: not d.find_elements("id", "claim"), 5)
    reply = f"Hola, soy Ana ({person.medium}). ¿En qué ciudad estás?"
    by(agent, "#reply-text").send_keys(reply)
    by(agent, "#send").click()
    wait_for(agent, lambda d: reply in d.page_source, 5)
    assert reply in person.from_staff()

    # the person's next message appears in the browser within 2 s, and the bot stays quiet
    next_message = f"Estoy en Tapachula, {person.medium}"
    assert person.say(next_message) == []
    start = time.monotonic()
    wait_for(agent, lambda d: next_message in text_of(d, "#conversation"), LIVE + 1)
    assert time.monotonic() - start <= LIVE
    if person.medium == "whatsapp":
        agent.save_screenshot(str(DOCS / "console-inbox.png"))

    # danger during the handover: the bot answers with the emergency line at once; urgent in the inbox
    danger = " ".join(person.say("me quiere matar, tiene un cuchillo"))
    assert "911" in danger
    wait_for(agent, lambda d: "URGENT" in text_of(d, "#requests"), LIVE + 1)

    # closing gives the conversation back to the bot, which tells the person
    by(agent, "#close").click()
    wait_for(agent, lambda d: d.current_url.endswith("/inbox/"), 5)
    assert "menu" in fold(person.from_staff()[-1])
    after = " ".join(person.say("necesito comida en Tapachula"))
    assert "Tapachula" in after


def test_no_raw_address_in_the_console_database_or_logs(bot, console):
    """After close not even the encrypted address remains; the numbers are nowhere in clear."""
    db = Path(bot.env["BOT_CONSOLE_SQLITE_PATH"])
    blobs = b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))
    texts = console["log"].read_text() + bot.log.read_text()
    for raw in (WHATSAPP_NUMBER, SMS_NUMBER, str(CHAT_ID), WHATSAPP_NUMBER[1:], SMS_NUMBER[1:]):
        assert raw.encode() not in blobs and raw not in texts
    assert b"Tapachula, whatsapp" not in blobs  # texts are encrypted
    assert "Tapachula, whatsapp" not in texts and "Hola, soy Ana" not in texts  # and never logged
    out = requests.get(f"{console['url']}/inbox/poll", timeout=5, allow_redirects=False)
    assert out.status_code == 302  # nothing without signing in
