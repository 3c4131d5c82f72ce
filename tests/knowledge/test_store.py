"""Live reload: a change is served without a restart; a broken change keeps the previous knowledge."""

from bot.knowledge.store import KnowledgeStore
from tests.conftest import write
from tests.knowledge.test_loader import SERVICE


def test_reload_and_keep_previous_on_error(kb_copy):
    store = KnowledgeStore(kb_copy, check_every=0)
    n = len(store.current().kb.services)

    added = write(kb_copy / "services" / "zz-new.yml", SERVICE)
    after = store.current()
    assert len(after.kb.services) == n + 1
    assert any(s.id == "test-clinic" for s in after.kb.services)

    # a broken change: the previous knowledge stays live, and the errors are kept for the logs
    write(added, SERVICE + "  - id: broken\n    categories: [nonsense]\n")
    still = store.current()
    assert still is after
    assert any("nonsense" in str(p) for p in store.last_problems)

    added.unlink()
    assert len(store.current().kb.services) == n
