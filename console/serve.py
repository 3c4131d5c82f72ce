"""Apply the migrations, then serve the console with gunicorn.

    python -m console.serve        (BOT_CONSOLE_HOST, default 127.0.0.1; BOT_CONSOLE_PORT, default 8000)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def purge_old_texts() -> None:
    """Handover texts past the retention period go at every start (and daily with ``bot console purge``)."""
    from bot.handover import store
    from bot.handover.settings import handover_retention_days

    store.purge(handover_retention_days())


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "console.settings")
    from bot.handover.db import migrate
    from console.settings import PRODUCTION

    if PRODUCTION and not os.environ.get("BOT_CONSOLE_SECRET_KEY"):
        print("BOT_CONSOLE_SECRET_KEY must be set when BOT_ENV=production (a long random secret).", file=sys.stderr)
        return 2

    migrate()
    purge_old_texts()
    host = os.environ.get("BOT_CONSOLE_HOST", "127.0.0.1")
    port = os.environ.get("BOT_CONSOLE_PORT", "8000")
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    args = [gunicorn, "console.wsgi:application", "--bind", f"{host}:{port}", "--chdir", str(ROOT),
            "--workers", os.environ.get("BOT_CONSOLE_WORKERS", "2"), "--threads", "4",
            "--worker-class", "gthread", "--log-level", "warning"]
    # No access log: even paths say which handover staff opened (the audit log keeps that).
    os.execv(gunicorn, args)


if __name__ == "__main__":
    sys.exit(main())
