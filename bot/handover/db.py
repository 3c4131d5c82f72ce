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


def fresh() -> None:
    """Drop this thread's broken or expired database connection before a unit of work.

    Outside Django's request cycle nobody else does: after a database restart the bot's worker
    threads would otherwise keep failing on a dead connection.
    """
    ready()
    from django.db import close_old_connections

    close_old_connections()


def migrate() -> None:
    """Apply the console's migrations (at start of the console and of ``bot.serve``)."""
    ready()
    from django.core.management import call_command

    _create_postgres_database()
    call_command("migrate", interactive=False, verbosity=0)


def _create_postgres_database() -> None:
    """Scale mode: the console has its own database on the tracker store's server; create it once."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return
    import psycopg2
    from psycopg2 import sql

    conn = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"],
                            dbname="postgres")
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
            if cur.fetchone() is None:
                cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
    finally:
        conn.close()
