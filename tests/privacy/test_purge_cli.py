"""``bot privacy purge`` on the real SQLite store configured in endpoints.yml."""


import pytest

from bot import clock
from tests.privacy.test_tracker_store import rows, tracker_with

pytestmark = pytest.mark.rasa


async def test_purge_command(tmp_path, monkeypatch, capsys):
    from rasa.shared.core.domain import Domain

    from bot.cli import main
    from bot.rasa_ext.tracker_store import PrivateSQLTrackerStore

    db = tmp_path / "rasa.db"
    monkeypatch.setenv("BOT_SQLITE_PATH", str(db))
    store = PrivateSQLTrackerStore(domain=Domain.load("bot/domain"), dialect="sqlite", db=str(db))
    store._last_purge = float("inf")
    await store.save(tracker_with("yesterday", "hola", when=clock.epoch() - 86400))
    await store.save(tracker_with("last-year", "hola", when=clock.epoch() - 365 * 86400))

    assert main(["privacy", "purge", "--days", "30", "--endpoints", "endpoints.yml"]) == 0
    assert "purged 1 conversations" in capsys.readouterr().out
    assert {r[0] for r in rows(db)} == {"yesterday"}

    assert main(["privacy", "purge", "--days", "0", "--endpoints", "endpoints.yml"]) == 0
    assert rows(db) == []
