"""`bot place` and the running bot agree on a sample of the held-out place set (REST webhook)."""

import json
import subprocess
import sys

import pytest
import yaml

from bot import LANGUAGES
from tests.conftest import ROOT
from tests.e2e.test_rest import say, sender

pytestmark = pytest.mark.e2e


def sample(per_language: int = 3) -> list[tuple[str, str]]:
    """Messages that ask for a need and say where, without a phone or an earlier turn (REST has neither)."""
    out = []
    for lang in LANGUAGES:
        items = yaml.safe_load((ROOT / "tests" / "places" / "eval" / f"{lang}.yml").read_text())["messages"]
        chosen = [m["text"] for m in items if "need" in (m.get("kinds") or []) and "danger" not in m["kinds"]
                  and not m.get("phone_country") and not m.get("previous_place") and isinstance(m.get("expect"), dict)]
        out += [(lang, text) for text in chosen[:per_language]]
    return out


@pytest.mark.parametrize("lang, text", sample())
def test_bot_place_and_the_bot_agree(bot, lang, text):
    cli = subprocess.run([sys.executable, "-m", "bot.cli", "place", text, "--json"], env=bot.env,
                         capture_output=True, text=True, check=True)
    understood = json.loads(cli.stdout)
    reply = say(bot, sender(), text)
    if understood["place"]:
        assert understood["place"]["name"] in reply, (understood, reply)
    elif understood["ask"]:
        assert all(c["name"] in reply for c in understood["ask"]), (understood, reply)
