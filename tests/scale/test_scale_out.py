"""Any Rasa server can take any turn of a conversation: context lives in PostgreSQL, turns are
serialised by the Redis lock store, and concurrent conversations neither lose nor cross replies."""

from __future__ import annotations

import asyncio
import time
import uuid

import aiohttp
import pytest

from tests.scale.conftest import new_sender

pytestmark = pytest.mark.scale

# What a person types for each need. (Not "necesito proteccion": the place resolver reads
# "proteccion" as the town of Protección, Honduras; a bug reported separately.)
NEEDS = {
    "medical": "necesito un doctor",
    "shelter": "necesito un albergue",
    "food": "necesito comida",
    "legal": "necesito un abogado",
    "water_hygiene": "necesito agua potable",
    "psychosocial": "necesito apoyo psicologico",
    "connectivity": "necesito cargar mi celular",
}
# Towns that resolve to one place whatever country the conversation was in before.
TOWNS = ["Tapachula", "Tijuana", "Ciudad Juarez", "Ciudad de Mexico", "Ciudad de Guatemala", "San Pedro Sula",
         "Tegucigalpa", "Necocli", "Oaxaca", "Puebla", "Managua", "Lajas Blancas", "Guadalajara"]
CONVERSATIONS = 50
TURNS = 10


class Oracle:
    """What the bot must say, computed with the same knowledge in this process."""

    def __init__(self, k):
        from bot.answers.menus import category_label

        self.k = k
        self.label = {need: category_label(k.kb, need, "es").lower() for need in NEEDS}
        self.places = {}
        for town in TOWNS:
            found = {(m.place.name, m.place.country) if m.place else None
                     for m in (k.places.resolve(town, hint, True) for hint in ("", "MX", "GT", "HN", "NI", "CO", "PA"))}
            assert len(found) == 1 and None not in found, (town, found)
            self.places[town] = k.places.resolve(town, "", True).place

    def services(self, need: str, town: str) -> tuple[str, list[str]]:
        """The place name and the markers (name, address) of the first service the bot must list, or
        of its "nothing within ... km" sentence (the search stays in the town's country: Managua)."""
        place = self.places[town]
        result = self.k.index.nearest(need, place.latitude, place.longitude, country=place.country)
        if not result.hits:
            return place.name, [f"{self.label[need]} a menos de {round(result.radius_km)} km"]
        first = result.hits[0].service
        return place.name, [f"1. {first.name}", first.address]

    def check(self, reply: str, need: str, town: str | None) -> str | None:
        """None when ``reply`` is right for (need, town), else what is wrong."""
        if town is None:
            return None if self.label[need] in reply.lower() else f"no question about '{self.label[need]}'"
        name, markers = self.services(need, town)
        missing = [m for m in [name, *markers] if m and m not in reply]
        return f"missing {missing} for {need} near {town}" if missing else None


def script(i: int) -> list[tuple[str, str, str | None]]:
    """Conversation ``i``: 10 turns (text, need, town the reply must be about), alternating a need
    and a town, each combination distinct from the other conversations' at the same turn."""
    needs, turns = list(NEEDS), []
    town = None
    for k in range(TURNS // 2):
        need = needs[(i + k) % len(needs)]
        turns.append((NEEDS[need], need, town))
        town = TOWNS[(i + 3 * k) % len(TOWNS)]
        turns.append((town, need, town))
    return turns


@pytest.fixture(scope="module")
def oracle(knowledge_snapshot):
    return Oracle(knowledge_snapshot)


def test_turns_alternate_between_servers_and_keep_the_context(cluster, oracle):
    who = new_sender("alt")
    first = cluster.say(cluster.a, who, "necesito comida")
    assert oracle.check(first, "food", None) is None, first
    reply = cluster.say(cluster.b, who, "Tapachula")
    assert oracle.check(reply, "food", "Tapachula") is None, reply
    # need on B, place on A, next page on B: the page offset travels too
    who = new_sender("alt")
    assert oracle.check(cluster.say(cluster.b, who, "necesito un doctor"), "medical", None) is None
    assert oracle.check(cluster.say(cluster.a, who, "Tapachula"), "medical", "Tapachula") is None
    place = oracle.places["Tapachula"]
    hits = oracle.k.index.nearest("medical", place.latitude, place.longitude, country=place.country).hits
    more = cluster.say(cluster.b, who, "más")
    assert len(hits) > 3 and f"4. {hits[3].service.name}" in more, more
    # the conversation is in the shared PostgreSQL store, without message text
    pseudonym = cluster.rest(cluster.a, who, "hola")[1][0]["recipient_id"]
    with cluster.postgres.connect() as db, db.cursor() as cur:
        cur.execute("select count(*), string_agg(data, ' ') from events where sender_id = %s", (pseudonym,))
        count, blob = cur.fetchone()
    assert count > 0 and "necesito un doctor" not in blob


def test_50_concurrent_conversations_lose_and_cross_no_reply(cluster, oracle):
    for text, need, _ in script(0)[:1]:
        assert oracle.check(cluster.say(cluster.a, new_sender("warm"), text), need, None) is None
    run = uuid.uuid4().hex[:6]
    problems: list[str] = []
    replies = 0

    async def conversation(session: aiohttp.ClientSession, i: int) -> None:
        nonlocal replies
        sender = f"scale-c{i}-{run}"
        for turn, (text, need, town) in enumerate(script(i)):
            server = cluster.servers[(i + turn) % 2]
            async with session.post(f"{server}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                    timeout=aiohttp.ClientTimeout(total=180)) as r:
                if r.status != 200:
                    problems.append(f"conversation {i} turn {turn}: HTTP {r.status}")
                    return
                messages = await r.json()
            replies += 1
            recipients = {m.get("recipient_id") for m in messages}
            if len(recipients) != 1:
                problems.append(f"conversation {i} turn {turn}: replies for {len(recipients)} recipients")
            said = "\n".join(m.get("text") or "" for m in messages)
            wrong = oracle.check(said, need, town)
            if wrong:
                problems.append(f"conversation {i} turn {turn} on {'AB'[(i + turn) % 2]} ({text!r}): {wrong}; "
                                f"the bot said {said[:160]!r}")

    async def main() -> None:
        connector = aiohttp.TCPConnector(limit=CONVERSATIONS)
        async with aiohttp.ClientSession(connector=connector) as session:
            await asyncio.wait_for(asyncio.gather(*(conversation(session, i) for i in range(CONVERSATIONS))), 900)

    started = time.monotonic()
    asyncio.run(main())
    elapsed = time.monotonic() - started
    assert problems == [], f"{len(problems)} wrong replies, e.g. {problems[:5]}"
    assert replies == CONVERSATIONS * TURNS
    print(f"{replies} turns in {elapsed:.1f} s ({replies / elapsed:.1f} messages/s over two Rasa servers)")
