"""Apply the migrations, then serve the console with gunicorn.

    python -m console.serve        (BOT_CONSOLE_HOST, default 127.0.0.1; BOT_CONSOLE_PORT, default 8000)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "console.settings")
    from bot.handover.db import migrate

    migrate()
    host = os.environ.get("BOT_CONSOLE_HOST", "127.0.0.1")
    port = os.environ.get("BOT_CONSOLE_PORT", "8000")
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    args = [gunicorn, "console.wsgi:application", "--bind", f"{host}:{port}", "--chdir", str(ROOT),
            "--workers", os.environ.get("BOT_CONSOLE_WORKERS", "2"), "--threads", "4",
            "--worker-class", "gthread", "--access-logfile", "-", "--log-level", "warning"]
    # Access log lines hold paths and status codes only: no message text, no address.
    os.execv(gunicorn, args)


if __name__ == "__main__":
    sys.exit(main())
