"""The core never imports Rasa, TensorFlow or the channels (DESIGN.md: dependencies point down)."""

import subprocess
import sys

CORE = [
    "bot.knowledge.loader", "bot.knowledge.store", "bot.knowledge.search", "bot.places.resolve",
    "bot.language.detect", "bot.language.catalogue", "bot.safety.danger", "bot.render.sms",
    "bot.answers.services", "bot.answers.safety", "bot.answers.rights", "bot.dialogue",
    "bot.privacy.pseudonym", "bot.privacy.logs", "bot.cli",
    "bot.handover.crypto", "bot.handover.store", "bot.handover.hours", "bot.handover.replies", "bot.handover.db",
]


def test_core_modules_import_no_rasa():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk', 'tensorflow', 'sanic', 'telegram', 'twilio'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_staff_console_imports_no_rasa():
    """The console (Django) sends through twilio and python-telegram-bot, but never loads Rasa."""
    code = (
        "import os, sys, django\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'console.settings'\n"
        "django.setup()\n"
        "import console.urls, console.handover.views, bot.handover.send\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk', 'tensorflow', 'sanic'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
