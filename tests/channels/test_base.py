"""The receive sequence every channel shares (bot/channels/base.py), in process: a real Sanic app
with the REST channel's blueprint and a stand-in for Rasa that records what it was given."""

import asyncio

import pytest

pytestmark = pytest.mark.rasa


class FakeRasa:
    def __init__(self, behaviour="echo"):
        self.behaviour, self.seen = behaviour, []

    async def __call__(self, message):
        self.seen.append((message.text, message.sender_id, message.input_channel, message.metadata))
        if self.behaviour == "raise":
            raise RuntimeError("Rasa failed")
        if self.behaviour == "echo":
            await message.output_channel.send_text_message(message.sender_id, f"eco: {message.text}")


class Webhook:
    """One Sanic app (Sanic rewrites its own methods once per process) on a loop of its own; each
    test gets a fresh flood limit and a fresh stand-in for Rasa."""

    def __init__(self):
        import httpx
        from sanic import Sanic

        from bot.channels.rest import PrivateRestInput

        self.loop = asyncio.new_event_loop()
        self.channel = PrivateRestInput()
        self.rasa = FakeRasa()
        Sanic.test_mode = True  # another in-process app may start in this run (see tools/fuzz.py)
        app = Sanic("channel_base_test")
        app.blueprint(self.channel.blueprint(lambda m: self.rasa(m)), url_prefix="/webhooks/rest")
        app.asgi = True
        self.loop.run_until_complete(app._startup())
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")

    def reset(self) -> None:
        from limits.storage import MemoryStorage

        from bot.channels.common import FloodGuard

        self.rasa = FakeRasa()
        self.channel.flood = FloodGuard(limit=2, storage=MemoryStorage())
        self.channel.flood_per_address = FloodGuard(limit=100, storage=MemoryStorage())

    def __call__(self, body: dict) -> tuple[int, object]:
        r = self.loop.run_until_complete(self.client.post("/webhooks/rest/webhook", json=body))
        return r.status_code, r.json()


@pytest.fixture(scope="module")
def webhook():
    hook = Webhook()
    yield hook
    hook.loop.run_until_complete(hook.client.aclose())
    hook.loop.close()


@pytest.fixture
def post(webhook):
    webhook.reset()
    return webhook


def test_the_sender_reaches_rasa_as_a_pseudonym_with_the_channels_metadata(post):
    from bot.privacy.pseudonym import pseudonym

    status, messages = post({"sender": "ana", "message": "hola"})
    assert status == 200 and [m["text"] for m in messages] == ["eco: hola"]
    assert post.rasa.seen == [("hola", pseudonym("rest", "ana"), "rest", {"medium": "rest"})]
    assert "ana" not in str(messages)


def test_a_location_alone_is_the_location_command(post):
    post({"sender": "ana", "message": "", "metadata": {"latitude": 14.9, "longitude": -92.26}})
    text, _, _, metadata = post.rasa.seen[-1]
    assert text == "/inform_place" and metadata == {"medium": "rest", "latitude": 14.9, "longitude": -92.26}


def test_when_rasa_fails_a_person_in_danger_still_gets_the_emergency_number(post):
    post.rasa.behaviour = "raise"
    status, messages = post({"sender": "ana", "message": "me estan golpeando"})
    assert status == 200 and all(m["recipient_id"] != "ana" for m in messages)
    assert "911" in " ".join(m["text"] for m in messages)  # without a country: the route's numbers


def test_the_flood_limit_warns_once_then_drops_without_asking_rasa(post):
    answers = [post({"sender": "ana", "message": f"hola {i}"}) for i in range(4)]
    assert [len(m) for _, m in answers] == [1, 1, 1, 0]
    assert len(post.rasa.seen) == 2  # the notice and the silence never reached Rasa


def test_an_unreadable_body_is_a_400_with_a_reason_and_never_reaches_rasa(post):
    status, body = post({"sender": "ana", "message": "hola", "metadata": {"latitude": "norte"}})
    assert (status, body["error"]) == (400, "invalid_metadata") and post.rasa.seen == []
