"""The flood limit is shared: with two Rasa servers behind a load balancer, a sender gets 20
answers in all (not 20 from each), then one notice, then silence; Telegram's duplicate check is
shared the same way (both count in the Redis of the lock store)."""

from __future__ import annotations

import pytest

from bot.language.catalogue import t
from tests.scale.conftest import new_sender

pytestmark = pytest.mark.scale
LIMIT = 20


def test_a_flood_split_across_two_servers_is_counted_once(cluster):
    sender = new_sender("flood")
    notice = t("es", "rate_limited")
    replies = [cluster.rest(cluster.servers[i % 2], sender, "/menu")[1] for i in range(LIMIT + 4)]
    texts = [[m.get("text") for m in r] for r in replies]
    assert all(r and notice not in r for r in texts[:LIMIT])
    assert texts[LIMIT] == [notice]
    assert texts[LIMIT + 1:] == [[], [], []]
