"""Django set-up for the bot's processes, which use the console's models without serving pages."""

from __future__ import annotations

import os
import threading

_lock = threading.Lock()
_ready = False


def ready() -> None:
    """Configure Django once per process (the console's settings, the console's database)."""
    global _ready
    if _ready:
        return
    with _lock:
        if not _ready:
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "console.settings")
            import django

            django.setup(set_prefix=False)
            _ready = True


def migrate() -> None:
    """Apply the console's migrations (at start of the console and of ``bot.serve``)."""
    ready()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
