"""Scale mode: the console's own database on the tracker store's PostgreSQL server, created and
migrated at start, shared by separate processes (as by several Rasa servers)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.harness import Postgres, ensure_services

pytestmark = pytest.mark.scale
ROOT = Path(__file__).resolve().parents[2]
KEY = "0bE2Q3uT1cBEo-0yKZ6pq9wm8i9c9I2mD0V5Zc3YwXg="


def run(code: str, env: dict) -> str:
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip()


def test_console_database_on_the_tracker_store_server():
    reason = ensure_services()
    if reason:
        pytest.skip(f"needs PostgreSQL: {reason}")
    pg = Postgres()
    try:
        pg.start()
        pg.create_db()  # the tracker store's database, as in scale mode
        env = {**os.environ, **pg.env, "BOT_ENDPOINTS": str(ROOT / "endpoints.scale.yml"), "BOT_HANDOVER_KEY": KEY,
               "PYTHONPATH": str(ROOT)}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        run("from bot.handover.db import migrate; migrate(); migrate()", env)  # creates `console` once
        run("from bot.handover import store; h = store.open_request('p', 'twilio', 'sms', 'es');"
            "store.hold(h.id, 'hola desde el servidor A', False)", env)
        seen = run("from bot.handover import store, crypto; h = store.find_active('p');"
                   "print(crypto.decrypt(h.messages.get().text))", env)
        assert seen == "hola desde el servidor A"
        with pg.connect() as conn, conn.cursor() as cur:
            cur.execute("SELECT datname FROM pg_database")
            assert "console" in {r[0] for r in cur.fetchall()}
    finally:
        pg.close()
