"""``python -m tools.fuzz --n 10000``: property-based fuzzing (hypothesis) of the three webhooks
and of the knowledge loader; writes ``results/fuzz.json`` and prints the counts.

* **Webhooks, in process** (``--n`` inputs each): the real channel blueprints (REST, Twilio,
  Telegram) in a Sanic app driven through ASGI, with a fake ``on_new_message`` that answers,
  answers with buttons or a location request, answers nothing, or raises, and a fake Telegram Bot
  API that sometimes fails. Inputs: raw bytes, any JSON, valid-shaped bodies with random content
  (unicode, huge, empty, wrong types, extreme numbers); Twilio forms signed, unsigned and wrongly
  signed; Telegram updates with and without the secret.
* **Webhooks, real server** (``--real-n`` inputs each, default 300): the same strategies against
  ``python -m bot.serve`` (started here on loopback, or ``--url``).
* **Knowledge loader** (``--n`` folders): random bytes, random text, random YAML with the right
  field names, and mutated sample files, in a temporary knowledge folder; ``load_knowledge`` must
  never raise nor hang, must report the problems of a file it cannot use, and the live store's
  ``build`` must accept what it returns.

Every input must end in no 5xx, no crash (an exception logged by Sanic, or raised), no hang
(10 s per input), and a well-formed answer: REST a JSON list, Twilio TwiML (or 403 when the
signature is missing or wrong), Telegram ``{"ok": true}``. Exit status 1 when any input failed.
The webhook strategies are shared with ``tests/fuzz`` and ``tests/e2e/test_fuzz_webhooks.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from bot.knowledge.schema import SERVICE, entry_keys, location_keys

ROOT = Path(__file__).resolve().parents[1]
PUBLIC_URL = "https://bot.example.org"
TWILIO_TOKEN = "fuzz-twilio-auth-token"
TELEGRAM_TOKEN = "123456:FUZZ-TOKEN"
TELEGRAM_SECRET = "fuzz-webhook-secret"
PER_INPUT_TIMEOUT = 10.0
MAX_EXAMPLES_KEPT = 12

# Failures found by this fuzzer whose fix belongs to other files (see the report of the issue
# "Performance, scale-out and reliability"): (target, part of the cause) -> the fix. The tests
# in tests/fuzz turn these into an expected failure (xfail) and fail on anything else. Remove an
# entry once its fix is in.
KNOWN_BUGS: dict[tuple[str, str], str] = {
    # All the failures found so far are fixed (deep JSON/YAML, huge numbers, odd Telegram types,
    # control characters in TwiML, non-list fields, keys that are lists, hours that are numbers).
    # Example entry: ("telegram", "OverflowError"): "bot/channels/telegram.py: catch OverflowError",
}


def known_bug(target: str, cause: str) -> str | None:
    for (where, part), fix in KNOWN_BUGS.items():
        if where == target and part in cause:
            return fix
    return None


def unknown_causes(target: str, result: dict) -> dict:
    """The failures of ``result`` that are not in KNOWN_BUGS."""
    return {cause: n for cause, n in result["causes"].items() if not known_bug(target, cause)}


# --- strategies ------------------------------------------------------------------------------
SPECIAL_TEXTS = [
    "", " ", "\n", "\x00", "\x00\x01\x7f", "necesito un doctor en Tapachula", "I need a shelter", "Tijuana",
    "ayuda nos estan golpeando", "/start", "/delete", "/menu@migrant_help_bot x", "/", "//", "/inform_place",
    "1", "99", "-1", "0", "SÍ", "más", "😀🙏🔥", "‮ltr", "a\u200bb", "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\ufeffhola", "Ⅻ²³٣",
    "%s%n%x", "{0}{}", "${BOT_ACTION_URL}", "<Response><Message>x</Message></Response>", "]]>", "&amp;&#0;",
    "\r\n\r\n", "../../../etc/passwd", "'; drop table events; --", "{\"a\": 1}", "null", "NaN", "1e309",
    "whatsapp:", "whatsapp:+", "+", "+1 000 000 0000", "+52 000", "+999", "tel:+1", "ｗｈａｔｓａｐｐ：＋５２",
    # lone surrogates: "\ud800" in JSON, or the invalid UTF-8 bytes ED A0 80 where text is sent raw
    "\ud800", "hola \udfff", "\udbff\udc00x\ud800",
]
WIDE_INTS = st.one_of(
    st.integers(-(2**31), 2**31),
    st.integers(-(10**30), 10**30),
    st.sampled_from([0, -1, 2**53 + 1, 2**63, -(2**63) - 1, 2**64, 10**400, -(10**400)]),
)
FLOATS = st.floats(allow_nan=True, allow_infinity=True)
_CHARS = st.characters(blacklist_categories=("Cs",))


@functools.cache  # one strategy object per size: hypothesis caches per object
def texts(max_size: int = 120) -> st.SearchStrategy[str]:
    """Unicode text: random, special, ASCII, or (one time in eight, when long text is allowed) huge."""
    huge = st.builds(lambda s, n: s * n, st.text(_CHARS, min_size=1, max_size=4), st.integers(2_000, 60_000))
    random_text = st.text(_CHARS, max_size=max_size)
    ascii_text = st.text(st.characters(max_codepoint=0x7F), max_size=max_size)
    special = st.sampled_from(SPECIAL_TEXTS)
    return st.one_of(random_text, random_text, random_text, special, special, ascii_text, ascii_text,
                     huge if max_size > 50 else special)


@functools.cache
def json_values(max_leaves: int = 12) -> st.SearchStrategy[Any]:
    scalars = st.one_of(st.none(), st.booleans(), WIDE_INTS, FLOATS, texts(40))
    return st.recursive(
        scalars,
        lambda children: st.one_of(st.lists(children, max_size=4),
                                   st.dictionaries(texts(12), children, max_size=4)),
        max_leaves=max_leaves,
    )


def dumps(value: Any, ascii_only: bool = False) -> bytes:
    try:
        return json.dumps(value, allow_nan=True, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    except (ValueError, TypeError, RecursionError):
        return b"{}"


RAW_BODIES = st.one_of(
    st.binary(max_size=300),
    st.sampled_from([b"", b"{", b"[]", b"null", b"{}", b'{"sender": 1' + b"1" * 5000 + b"}",
                     b"[" * 5000 + b"]" * 5000, b'{"sender": "a", "message": "' + b"\xff\xfe" * 10 + b'"}',
                     b'{"sender": "a", "sender": "b", "message": "x"}', b"\xef\xbb\xbf{}",
                     b"From=%2B5215550001&Body=%ED%A0%80", b"From=%2B5215550001&Body=\xff\xfe"]),
)
COORD = st.one_of(FLOATS, WIDE_INTS, texts(20), st.sampled_from(["14.9", "-92.26", "91", "1e400", "nan"]),
                  json_values(3))
REST_SENDERS = st.one_of(texts(40), WIDE_INTS, st.booleans(), st.none(), json_values(3),
                         st.text("abcdef0123456789", min_size=1, max_size=16))


@st.composite
def rest_requests(draw) -> dict:
    """A REST webhook request: {"body": bytes, "headers": {...}}."""
    kind = draw(st.sampled_from(["raw", "json", "shaped", "shaped", "shaped"]))
    if kind == "raw":
        body = draw(RAW_BODIES)
    elif kind == "json":
        body = dumps(draw(json_values()), draw(st.booleans()))
    else:
        doc: dict[str, Any] = {}
        if draw(st.integers(0, 9)):
            doc["sender"] = draw(REST_SENDERS)
        if draw(st.integers(0, 9)):
            doc["message"] = draw(st.one_of(texts(), texts(), st.none(), WIDE_INTS, json_values(3)))
        if draw(st.booleans()):
            doc["metadata"] = draw(st.one_of(
                st.fixed_dictionaries({}, optional={"latitude": COORD, "longitude": COORD, "medium": texts(10),
                                                    "country": texts(5)}),
                json_values(4)))
        doc.update(draw(st.dictionaries(texts(10), json_values(3), max_size=2)))
        body = dumps(doc, draw(st.booleans()))
    content_type = draw(st.sampled_from(["application/json", "application/json; charset=latin-1", "text/plain",
                                         "application/x-www-form-urlencoded", None]))
    return {"body": body, "headers": {"Content-Type": content_type} if content_type else {}}


TWILIO_FIELDS = ["Body", "From", "To", "NumMedia", "MediaContentType0", "MediaUrl0", "Latitude", "Longitude",
                 "Address", "Label", "MessageSid", "AccountSid", "SmsStatus", "ProfileName", "WaId", "ApiVersion",
                 "NumSegments", "ButtonText", "FromCountry"]
TWILIO_SENDERS = st.one_of(
    st.builds(lambda p, n: f"{p}+{n}", st.sampled_from(["", "whatsapp:", "WhatsApp:", "sms:", "messenger:"]),
              st.text("0123456789", min_size=0, max_size=18)),
    texts(30),
    st.just(""),
)


@st.composite
def twilio_requests(draw) -> dict:
    """A Twilio webhook request: {"form": dict | None, "raw": bytes | None, "signature": str, "headers"}."""
    form: dict[str, str] = {}
    if draw(st.integers(0, 9)):
        form["From"] = draw(TWILIO_SENDERS)
    if draw(st.integers(0, 9)):
        form["Body"] = draw(texts())
    for name in draw(st.lists(st.sampled_from(TWILIO_FIELDS[2:]), max_size=6, unique=True)):
        if name in ("Latitude", "Longitude"):
            form[name] = str(draw(st.one_of(FLOATS, WIDE_INTS, texts(12))))
        elif name == "NumMedia":
            form[name] = str(draw(st.one_of(WIDE_INTS, texts(8))))
        else:
            form[name] = draw(texts(60))
    form.update(draw(st.dictionaries(texts(15), texts(40), max_size=3)))
    raw = draw(st.one_of(st.none(), st.none(), st.none(), RAW_BODIES))
    signature = draw(st.sampled_from(["valid", "valid", "valid", "none", "wrong", "other-url"]))
    content_type = draw(st.sampled_from(["application/x-www-form-urlencoded", "application/x-www-form-urlencoded",
                                         "multipart/form-data; boundary=x", "application/json", None]))
    return {"form": form, "raw": raw, "signature": signature, "content_type": content_type}


def twilio_http(case: dict, token: str = TWILIO_TOKEN, public_url: str = PUBLIC_URL) -> tuple[bytes, dict]:
    """The body and headers for a Twilio case, signed as the case says."""
    from urllib.parse import urlencode

    from twilio.request_validator import RequestValidator

    url = f"{public_url}/webhooks/twilio/webhook"
    body = case["raw"] if case["raw"] is not None else urlencode(case["form"], errors="surrogatepass").encode()
    headers = {"Content-Type": case["content_type"]} if case["content_type"] else {}
    params = case["form"] if case["raw"] is None else {}
    def sign(at: str) -> str:
        try:
            return RequestValidator(token).compute_signature(at, params)
        except UnicodeEncodeError:  # a lone surrogate cannot be signed: the bot must answer 400
            return "bm90IGEgc2lnbmF0dXJl"

    if case["signature"] == "valid":
        headers["X-Twilio-Signature"] = sign(url)
    elif case["signature"] == "wrong":
        headers["X-Twilio-Signature"] = "bm90IGEgc2lnbmF0dXJl"
    elif case["signature"] == "other-url":
        headers["X-Twilio-Signature"] = sign(url + "x")
    return body, headers


def _message(draw, depth: int = 0) -> dict:
    message: dict[str, Any] = {
        "message_id": draw(WIDE_INTS),
        "date": draw(st.one_of(st.integers(0, 2_000_000_000), WIDE_INTS)),
        "chat": draw(st.one_of(
            st.fixed_dictionaries({"id": WIDE_INTS, "type": st.sampled_from(["private", "group", "supergroup", "channel"])},
                                  optional={"first_name": texts(20), "title": texts(20)}),
            json_values(3))),
    }
    if draw(st.booleans()):
        message["from"] = draw(st.fixed_dictionaries(
            {"id": WIDE_INTS, "is_bot": st.booleans(), "first_name": texts(20)},
            optional={"language_code": texts(5), "username": texts(10)}))
    kind = draw(st.sampled_from(["text", "text", "location", "media", "caption", "nothing", "junk"]))
    if kind == "text":
        message["text"] = draw(st.one_of(texts(), st.sampled_from(["/start", "/delete", "/language", "/help", "/x@y"])))
        if draw(st.booleans()):
            message["entities"] = draw(st.lists(st.fixed_dictionaries(
                {"type": st.sampled_from(["bot_command", "url", "bold", "x"]), "offset": WIDE_INTS, "length": WIDE_INTS}),
                max_size=2))
    elif kind == "location":
        message["location"] = draw(st.one_of(st.fixed_dictionaries({"latitude": COORD, "longitude": COORD}),
                                             json_values(3)))
    elif kind in ("media", "caption"):
        media = draw(st.sampled_from(["photo", "voice", "audio", "video", "document", "sticker", "video_note"]))
        file = {"file_id": draw(texts(10)), "file_unique_id": draw(texts(10)), "width": draw(WIDE_INTS),
                "height": draw(WIDE_INTS), "duration": draw(WIDE_INTS)}
        message[media] = [file] if media == "photo" else file
        if kind == "caption":
            message["caption"] = draw(texts())
    elif kind == "junk":
        message.update(draw(st.dictionaries(st.sampled_from(["text", "location", "photo", "voice", "caption",
                                                               "reply_to_message", "contact", "poll"]),
                                            json_values(4), max_size=3)))
    if depth == 0 and draw(st.integers(0, 5)) == 0:
        message["reply_to_message"] = _message(draw, depth + 1)
    return message


@st.composite
def telegram_requests(draw) -> dict:
    """A Telegram webhook request: {"body": bytes, "secret": str | None}."""
    kind = draw(st.sampled_from(["raw", "json", "update", "update", "update", "update"]))
    if kind == "raw":
        body = draw(RAW_BODIES)
    elif kind == "json":
        body = dumps(draw(json_values()))
    else:
        update: dict[str, Any] = {"update_id": draw(WIDE_INTS)}
        where = draw(st.sampled_from(["message", "message", "message", "edited_message", "channel_post",
                                      "callback_query", "my_chat_member", "none"]))
        if where == "callback_query":
            update[where] = {"id": draw(texts(8)), "from": {"id": draw(WIDE_INTS), "is_bot": False, "first_name": "x"},
                             "chat_instance": "1", "data": draw(texts(20)), "message": _message(draw)}
        elif where != "none":
            update[where] = _message(draw)
        update.update(draw(st.dictionaries(texts(10), json_values(3), max_size=2)))
        body = dumps(update, draw(st.booleans()))
    secret = draw(st.sampled_from([TELEGRAM_SECRET] * 4 + [None, "", "wrong", TELEGRAM_SECRET + " "]))
    return {"body": body, "secret": secret}


# --- checks --------------------------------------------------------------------------------
def check_rest(status: int, body: bytes, headers: dict) -> str | None:
    """None if the REST answer is acceptable, else what is wrong with it."""
    if status >= 500:
        return f"HTTP {status}"
    if status not in (200, 400):
        return f"unexpected HTTP {status}"
    try:
        data = json.loads(body)
    except ValueError:
        return "answer is not JSON"
    if status == 400:
        return None if isinstance(data, dict) and data.get("error") else "400 without an 'error'"
    if not isinstance(data, list) or not all(isinstance(m, dict) and "recipient_id" in m for m in data):
        return "200 answer is not a list of messages"
    return None


def check_twilio(case: dict, status: int, body: bytes, headers: dict) -> str | None:
    if status >= 500:
        return f"HTTP {status}"
    if status not in (200, 400, 403):
        return f"unexpected HTTP {status}"
    signed = case["signature"] == "valid"
    if not signed and status == 200:
        return f"{case['signature']} signature let in (200)"
    if status == 200:
        if not str(headers.get("content-type", "")).startswith("application/xml"):
            return "200 without application/xml"
        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            return "200 body is not XML"
        if root.tag != "Response":
            return "TwiML root is not <Response>"
    if (signed and status == 403 and case["raw"] is None and case["content_type"] == "application/x-www-form-urlencoded"
            and case["form"].get("From")):
        return "a correctly signed form was refused (403)"
    return None


def check_telegram(right_secret: bool, status: int, body: bytes, headers: dict) -> str | None:
    if status >= 500:
        return f"HTTP {status}"
    if status not in (200, 400, 403):
        return f"unexpected HTTP {status}"
    if not right_secret and status != 403:
        return f"a missing or wrong secret answered {status}, not 403"
    if status == 200:
        try:
            data = json.loads(body)
        except ValueError:
            return "200 body is not JSON"
        if not (isinstance(data, dict) and data.get("ok") is True):
            return "200 without ok: true"
    return None


def telegram_http(case: dict, secret: str = TELEGRAM_SECRET) -> tuple[bytes, dict, bool]:
    """The body, the headers and whether the secret is the right one (``secret`` stands for it)."""
    headers = {"Content-Type": "application/json"}
    given_secret = secret if case["secret"] == TELEGRAM_SECRET else case["secret"]
    if given_secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = given_secret
    return case["body"], headers, given_secret == secret


# --- the in-process app ----------------------------------------------------------------------
@dataclass
class Behaviour:
    """What the fake Rasa and the fake Telegram API do for the current input."""

    reply: str = "text"  # text, long, buttons, location, nothing, raise
    telegram_api: str = "ok"  # ok, error, network


BEHAVIOURS = st.builds(Behaviour, st.sampled_from(["text", "text", "long", "buttons", "location", "nothing", "raise"]),
                       st.sampled_from(["ok", "ok", "ok", "ok", "error", "network"]))


class Harness:
    """The real channel blueprints in a Sanic app, driven in process through ASGI (httpx)."""

    _count = 0

    def __init__(self):
        os.environ.setdefault("BOT_PSEUDONYM_KEY", "fuzz-pseudonym-key-0123456789")
        self.behaviour = Behaviour()
        self.sanic_errors = 0
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self._setup())

    async def _setup(self) -> None:
        import httpx
        from sanic import Sanic
        from telegram import Bot

        from bot.channels.rest import PrivateRestInput
        from bot.channels.telegram import TelegramInput
        from bot.channels.twilio import TwilioInput

        Harness._count += 1
        # several apps start in one test process: Sanic's test mode lets its start-up rewrite ("touchup")
        # its classes again from the originals, instead of failing on its own rewritten code
        Sanic.test_mode = True
        self.app = app = Sanic(f"fuzz_{os.getpid()}_{Harness._count}")
        telegram = TelegramInput(TELEGRAM_TOKEN, TELEGRAM_SECRET, "http://127.0.0.1:9")
        fake_api = FakeTelegramRequest(self)
        telegram.bot = Bot(TELEGRAM_TOKEN, request=fake_api, get_updates_request=FakeTelegramRequest(self))
        channels = [PrivateRestInput(), TwilioInput(TWILIO_TOKEN, PUBLIC_URL), telegram]
        for channel in channels:
            app.blueprint(channel.blueprint(self.on_new_message), url_prefix=urljoin("/webhooks/", channel.url_prefix()))
        app.config.REQUEST_MAX_SIZE = 10_000_000
        app.asgi = True
        await app._startup()
        await app._server_event("init", "before")
        await app._server_event("init", "after")
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")

    async def on_new_message(self, message) -> None:
        out, who, mode = message.output_channel, message.sender_id, self.behaviour.reply
        text = message.text or ""
        if mode == "raise":
            raise RuntimeError("fake Rasa failure")
        if mode == "nothing":
            return
        if mode == "long":
            await out.send_text_message(who, ("Línea con acentos ñ € 😀 y texto: " + text[:200] + "\n") * 150)
        elif mode == "buttons":
            await out.send_response(who, {"text": "elige " + text[:50], "buttons": [
                {"title": text[:30] or "uno", "payload": "1"}, {"title": "dos", "payload": "/menu"}]})
        elif mode == "location":
            await out.send_response(who, {"text": "¿dónde estás?", "custom": {"request_location": text[:40] or "📍"}})
        else:
            await out.send_text_message(who, f"eco: {text[:500]}")

    def post(self, path: str, body: bytes, headers: dict) -> tuple[int, bytes, dict]:
        async def call():
            r = await self.client.post(path, content=body, headers=headers)
            return r.status_code, r.content, dict(r.headers)

        return self.loop.run_until_complete(asyncio.wait_for(call(), PER_INPUT_TIMEOUT))

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.close()


def _fake_telegram_request_class():
    from telegram.request import BaseRequest

    class _Fake(BaseRequest):
        """The Bot API, in memory: getMe and sendMessage succeed, or fail as the behaviour says."""

        def __init__(self, harness: Harness):
            self.harness = harness
            self.calls = 0

        async def initialize(self) -> None:
            return None

        async def shutdown(self) -> None:
            return None

        async def do_request(self, url, method, request_data=None, read_timeout=None, write_timeout=None,
                             connect_timeout=None, pool_timeout=None):
            from telegram.error import NetworkError

            self.calls += 1
            api = self.harness.behaviour.telegram_api
            name = url.rsplit("/", 1)[-1]
            if name != "getMe" and api == "network":
                raise NetworkError("fake network failure")
            if name != "getMe" and api == "error":
                return 400, b'{"ok": false, "error_code": 400, "description": "Bad Request: chat not found"}'
            params = request_data.parameters if request_data is not None else {}
            if name == "getMe":
                result: Any = {"id": 123456, "is_bot": True, "first_name": "Bot", "username": "fuzz_bot"}
            elif name == "sendMessage":
                result = {"message_id": self.calls, "date": int(time.time()),
                          "chat": {"id": int(params.get("chat_id", 0)), "type": "private"}, "text": str(params.get("text", ""))}
            else:
                result = True
            return 200, json.dumps({"ok": True, "result": result}).encode()

    return _Fake


class FakeTelegramRequest:  # replaced by the real subclass on first use (telegram imported lazily)
    def __new__(cls, harness: Harness):
        return _fake_telegram_request_class()(harness)


# --- running ---------------------------------------------------------------------------------
@dataclass
class Tally:
    inputs: int = 0
    status: Counter = field(default_factory=Counter)
    server_errors: int = 0  # 5xx
    crashes: int = 0  # an exception raised to the caller
    hangs: int = 0
    violations: int = 0  # a wrong answer (not 5xx): a 200 that is not TwiML, a bad signature let in, ...
    causes: Counter = field(default_factory=Counter)  # distinct failure -> how many inputs
    examples: list = field(default_factory=list)  # the first input of each distinct failure
    seconds: float = 0.0

    def add(self, status: int | None, problem: str | None, case: Any, kind: str = "") -> None:
        self.inputs += 1
        if status is not None:
            self.status[str(status)] += 1
        if kind == "hang":
            self.hangs += 1
        elif kind == "crash":
            self.crashes += 1
        elif status is not None and status >= 500:
            self.server_errors += 1
        elif problem:
            self.violations += 1
        else:
            return
        cause = (problem or kind)[:160]
        self.causes[cause] += 1
        if self.causes[cause] == 1 and len(self.examples) < MAX_EXAMPLES_KEPT:
            self.examples.append({"problem": cause, "input": _short(case)})

    @property
    def failed(self) -> int:
        return self.server_errors + self.crashes + self.hangs + self.violations

    def as_dict(self) -> dict:
        return {"inputs": self.inputs, "status": dict(sorted(self.status.items())), "5xx": self.server_errors,
                "crashes": self.crashes, "hangs": self.hangs, "violations": self.violations,
                "seconds": round(self.seconds, 1), "causes": dict(self.causes.most_common()), "examples": self.examples}


def _short(case: Any, limit: int = 400) -> str:
    text = repr(case)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


class _ErrorCounter(logging.Handler):
    """Counts the unhandled exceptions Sanic logs, and keeps what and where the last one was."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0
        self.last = ""

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        self.last = record.getMessage()[:120]
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            frames = traceback.extract_tb(exc.__traceback__)
            where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
            self.last = f"{type(exc).__name__}{where}: {str(exc)[:100]}"


def quiet_logs() -> _ErrorCounter:
    """Silence the bot's expected error logs (the fake Rasa raises on purpose); count Sanic's.

    Call after the Sanic app exists (creating it configures logging again)."""
    for name in ("bot", "bot.channels", "bot.channels.common", "bot.channels.telegram", "telegram", "httpx",
                 "sanic.root", "sanic.access"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    counter = _ErrorCounter()
    error_logger = logging.getLogger("sanic.error")
    for handler in list(error_logger.handlers):
        error_logger.removeHandler(handler)
    error_logger.addHandler(counter)
    error_logger.propagate = False
    return counter


def _settings(n: int):
    return settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
                    suppress_health_check=list(HealthCheck), print_blob=False)


def fuzz_webhooks_in_process(n: int, seed_value: int, targets: tuple[str, ...] = ("rest", "twilio", "telegram")) -> dict:
    harness = Harness()
    errors = quiet_logs()
    results: dict[str, Tally] = {}

    def run_one(tally: Tally, case: Any, path: str, body: bytes, headers: dict, check) -> None:
        before = errors.count
        try:
            status, content, got = harness.post(path, body, headers)
        except asyncio.TimeoutError:
            tally.add(None, "no answer in 10 s", case, "hang")
            return
        except Exception as exc:  # noqa: BLE001 - anything raised is a crash
            tally.add(None, f"{type(exc).__name__}: {exc}"[:200], case, "crash")
            return
        if status >= 500:
            tally.add(status, f"HTTP {status}: {errors.last if errors.count > before else 'no exception logged'}", case)
            return
        tally.add(status, check(status, content, got), case)

    if "rest" in targets:
        tally = results["rest"] = Tally()

        @seed(seed_value)
        @_settings(n)
        @given(rest_requests(), BEHAVIOURS)
        def rest(case, behaviour):
            harness.behaviour = behaviour
            run_one(tally, case, "/webhooks/rest/webhook", case["body"], case["headers"], check_rest)

        started = time.monotonic()
        rest()
        tally.seconds = time.monotonic() - started

    if "twilio" in targets:
        tally = results["twilio"] = Tally()

        @seed(seed_value + 1)
        @_settings(n)
        @given(twilio_requests(), BEHAVIOURS)
        def twilio(case, behaviour):
            harness.behaviour = behaviour
            body, headers = twilio_http(case)
            run_one(tally, case, "/webhooks/twilio/webhook", body, headers,
                    lambda s, b, h: check_twilio(case, s, b, h))

        started = time.monotonic()
        twilio()
        tally.seconds = time.monotonic() - started

    if "telegram" in targets:
        tally = results["telegram"] = Tally()

        @seed(seed_value + 2)
        @_settings(n)
        @given(telegram_requests(), BEHAVIOURS)
        def telegram(case, behaviour):
            harness.behaviour = behaviour
            body, headers, right = telegram_http(case)
            run_one(tally, case, "/webhooks/telegram/webhook", body, headers,
                    lambda s, b, h: check_telegram(right, s, b, h))

        started = time.monotonic()
        telegram()
        tally.seconds = time.monotonic() - started

    harness.close()
    return {name: t.as_dict() for name, t in results.items()}


_EXCEPTION_LINE = re.compile(r"^(\w+(?:Error|Exception|Exit)): (.*)$")


def last_exception(log: Path | None, since: int) -> str:
    """The last ``SomeError: message`` line written to the server log after offset ``since``."""
    if log is None:
        return "see the server log"
    try:
        with open(log, "rb") as fh:
            fh.seek(since)
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        return "server log unreadable"
    found = [m for m in (_EXCEPTION_LINE.match(line.strip()) for line in text.splitlines()) if m]
    return f"{found[-1].group(1)}: {found[-1].group(2)[:100]}" if found else "no exception in the server log"


def fuzz_real_server(url: str, n: int, seed_value: int, twilio_token: str = TWILIO_TOKEN,
                     telegram_secret: str = TELEGRAM_SECRET, server_log: Path | None = None) -> dict:
    """The same strategies against a running bot (``url``), ``n`` inputs per webhook.

    With ``server_log`` (the Rasa server's output), a 5xx is reported with the exception logged."""
    import requests

    results: dict[str, Tally] = {}
    session = requests.Session()

    def run_one(tally: Tally, case: Any, path: str, body: bytes, headers: dict, check) -> None:
        since = server_log.stat().st_size if server_log is not None and server_log.exists() else 0
        try:
            r = session.post(f"{url}{path}", data=body, headers=headers, timeout=(5, 90))
        except requests.Timeout:
            tally.add(None, "no answer in 90 s", case, "hang")
            return
        except requests.RequestException as exc:
            tally.add(None, f"{type(exc).__name__}", case, "crash")
            return
        if r.status_code >= 500:
            time.sleep(0.2)  # let the server finish writing the traceback
            tally.add(r.status_code, f"HTTP {r.status_code}: {last_exception(server_log, since)}", case)
            return
        tally.add(r.status_code, check(r.status_code, r.content, {k.lower(): v for k, v in r.headers.items()}), case)

    def cases(strategy):
        return strategy.filter(lambda c: len(c.get("body") or c.get("raw") or b"") < 200_000)

    tally = results["rest"] = Tally()

    @seed(seed_value)
    @_settings(n)
    @given(cases(rest_requests()))
    def rest(case):
        run_one(tally, case, "/webhooks/rest/webhook", case["body"], case["headers"], check_rest)

    tally2 = results["twilio"] = Tally()

    @seed(seed_value + 1)
    @_settings(n)
    @given(twilio_requests().filter(lambda c: sum(len(v) for v in c["form"].values()) < 100_000))
    def twilio(case):
        body, headers = twilio_http(case, twilio_token)
        run_one(tally2, case, "/webhooks/twilio/webhook", body, headers, lambda s, b, h: check_twilio(case, s, b, h))

    tally3 = results["telegram"] = Tally()

    @seed(seed_value + 2)
    @_settings(n)
    @given(cases(telegram_requests()))
    def telegram(case):
        body, headers, right = telegram_http(case, telegram_secret)
        run_one(tally3, case, "/webhooks/telegram/webhook", body, headers,
                lambda s, b, h: check_telegram(right, s, b, h))

    for fn, t in ((rest, tally), (twilio, tally2), (telegram, tally3)):
        started = time.monotonic()
        fn()
        t.seconds = time.monotonic() - started
    return {name: t.as_dict() for name, t in results.items()}


# --- the knowledge loader --------------------------------------------------------------------
KNOWLEDGE_SLOTS = {
    "services/fuzz.yml": "services/mx-tapachula.yml",
    "services/deep/more.yaml": "services/co-necocli.yml",
    "countries/MX.yml": "countries/MX.yml",
    "countries/ZZ.yml": "countries/GT.yml",
    "places/route.yml": "places/route.yml",
    "rights/MX.yml": "rights/MX.yml",
    "categories.yml": "categories.yml",
    "deployment.yml": "deployment.yml",
    "other/unknown.yml": "categories.yml",
}
# Service fields, their sample values and which ones hold a text per language or a list of phones come
# from the schema (bot/knowledge/schema.py); a key the loader does not know is added on purpose.
FIELDS = {
    "services": [*entry_keys(), "needs_review"],
    "location": list(location_keys()),
    "countries": ["code", "name", "phone_prefix", "timezone", "verified_on", "emergency", "red_cross", "crisis_lines",
                  "needs_review"],
    "places": ["name", "kind", "country", "admin1", "latitude", "longitude", "aliases", "alias_of", "timezone"],
    "rights": ["topic", "reviewed_on", "sources", "text", "needs_review"],
    "deployment": ["organization", "retention_days", "data_policy"],
}
PER_LANGUAGE = {f.name for f in SERVICE if f.kind == "texts"} | {"name", "label", "text", "data_policy"}
ITEM_LISTS = {f.name for f in SERVICE if f.kind == "phones"} | {"emergency", "crisis_lines", "sources"}
SAMPLES = sorted({str(v) for f in SERVICE for v in (*f.samples, *f.choices)} | {
    "MX", "GT", "es", "en", "2026-11-01", "America/Mexico_City", "14.9061", "Tapachula"})
PLAUSIBLE = st.one_of(
    texts(30), WIDE_INTS, FLOATS, st.booleans(), st.none(), st.sampled_from(SAMPLES),
    st.lists(st.sampled_from(SAMPLES), max_size=3),
)


@st.composite
def field_maps(draw, kind: str, depth: int = 0) -> dict:
    names = FIELDS.get(kind, FIELDS["services"])
    out: dict[Any, Any] = {}
    for name in draw(st.lists(st.sampled_from(names), max_size=len(names), unique=True)):
        if name == "location" and depth == 0:
            out[name] = draw(st.one_of(field_maps("location", depth + 1), PLAUSIBLE))
        elif name in ITEM_LISTS and depth == 0:
            out[name] = draw(st.one_of(st.lists(st.dictionaries(
                st.sampled_from(["number", "type", "label", "name", "hours", "source", "title", "url"]), PLAUSIBLE,
                max_size=4), max_size=3), PLAUSIBLE))
        elif name in PER_LANGUAGE and draw(st.booleans()):
            out[name] = draw(st.dictionaries(st.sampled_from(["es", "en", "fr", "ht", "pt", "xx", "*"]), PLAUSIBLE, max_size=4))
        else:
            out[name] = draw(PLAUSIBLE)
    if draw(st.integers(0, 4)) == 0:
        out.update(draw(st.dictionaries(st.one_of(texts(10), WIDE_INTS, st.none()), json_values(3), max_size=2)))
    return out


@st.composite
def yaml_documents(draw, slot: str) -> bytes:
    kind = slot.split("/")[0].removesuffix(".yml")
    if kind in ("services", "places"):
        doc: Any = {kind: draw(st.lists(field_maps(kind), max_size=4))}
    elif kind == "rights":
        doc = {"country": draw(PLAUSIBLE), "entries": draw(st.lists(field_maps("rights"), max_size=3))}
    elif kind == "categories":
        doc = {"categories": draw(st.dictionaries(st.one_of(st.sampled_from(["medical", "food", "Bad-Code"]), texts(10)),
                                                  st.one_of(st.fixed_dictionaries({"label": st.one_of(
                                                      PLAUSIBLE, st.dictionaries(st.sampled_from(["es", "en", "zz"]),
                                                                                 PLAUSIBLE, max_size=3))}),
                                                      PLAUSIBLE), max_size=4))}
    else:
        doc = draw(field_maps(kind if kind in FIELDS else "countries"))
    if draw(st.integers(0, 5)) == 0:
        doc = draw(st.one_of(json_values(8), st.just(doc).map(lambda d: list(d.items()) if isinstance(d, dict) else d)))
    try:
        return yaml.safe_dump(doc, allow_unicode=draw(st.booleans()), sort_keys=False).encode("utf-8", "surrogatepass")
    except (yaml.YAMLError, ValueError, RecursionError):
        return b"{}"


SPECIAL_FILES = [
    b"", b"\n", b"---\n---\n", b"services:\n", b"services: null\n", b"services: []\n", b"services: {}\n",
    b"services:\n- 1\n- [2]\n- null\n", b"\xff\xfe\x00s\x00", b"\xef\xbb\xbfservices: []\n", b"\t\tservices:\n\t- x",
    b"services: !!python/object:os.system {}\n", b"services: &a [*a]\n", b"a: &a [1]\nb: *a\nc: *b\n",
    b"services:\n- &s {id: a}\n- *s\n- <<: *s\n", b"[" * 2000 + b"]" * 2000, b"{a: " * 2000 + b"1" + b"}" * 2000,
    b"x: " + b"y" * 50_000, b"a: 1\na: 2\n", b"? [1, 2]\n: x\n", b"services:\n  - id: a\n    id: b\n",
    b"%YAML 9.9\n---\nx: 1\n", b"!!binary AAAA\n",
    b"l0: &l0 [x, x, x, x, x, x, x, x, x]\nl1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]\n"
    b"l2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]\nl3: &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]\n"
    b"l4: &l4 [*l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3]\nl5: &l5 [*l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4]\n"
    b"services: [{id: a, name: b, categories: *l5, languages: *l5, population: *l5, needs_review: *l5,"
    b" location: {latitude: 1, longitude: 1, country: MX}}]\n",
]


_SAMPLES: dict[str, list[str]] = {}


def _sample_lines(name: str) -> list[str]:
    if name not in _SAMPLES:
        _SAMPLES[name] = (ROOT / "knowledge" / name).read_text(encoding="utf-8").splitlines(keepends=True)
    return _SAMPLES[name]


@st.composite
def mutated_samples(draw, slot: str) -> bytes:
    """A slice of a real file (its first two lines, then 5-80 lines from anywhere), edited 1-6 times."""
    source = _sample_lines(KNOWLEDGE_SLOTS[slot])
    start = draw(st.integers(0, max(0, len(source) - 20)))
    lines = list(source[:2]) + list(source[start:start + draw(st.integers(5, 80))])
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "char", "indent", "insert", "value"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "char" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:k] + draw(st.sampled_from([":", "-", " ", "\t", "'", '"', "#", "[", "{", "&", "*", "!",
                                                             "é", "\x00", "\n", ""])) + lines[i][k + 1:]
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "  ", "    ", "\t"])) + lines[i].lstrip()
        elif op == "insert":
            lines.insert(i, draw(texts(50)) + "\n")
        elif op == "value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {json.dumps(draw(json_values(3)), allow_nan=True)}\n"
    return "".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def knowledge_folders(draw) -> dict:
    """{"base": bool, "files": {slot: bytes}}: a folder to load."""
    files: dict[str, bytes] = {}
    for slot in draw(st.lists(st.sampled_from(sorted(KNOWLEDGE_SLOTS)), min_size=1, max_size=3, unique=True)):
        files[slot] = draw(st.one_of(
            st.binary(max_size=500),
            st.text(_CHARS, max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
            st.sampled_from(SPECIAL_FILES),
            yaml_documents(slot), yaml_documents(slot),
            mutated_samples(slot), mutated_samples(slot),
        ))
    return {"base": draw(st.booleans()), "files": files}


class _Timeout(Exception):
    pass


def _alarm(*_: Any) -> None:
    raise _Timeout()


def expect_problem(slot: str, content: bytes) -> bool:
    """True when the file cannot be used at all, so the loader must report something."""
    from bot.knowledge.yamlsrc import _LineLoader  # the bot's own parser (libyaml or not)

    try:
        doc = yaml.load(content.decode("utf-8"), Loader=_LineLoader)  # noqa: S506 - a SafeLoader
    except Exception:  # noqa: BLE001 - whatever the parser refuses, the bot must report
        return True
    if slot.startswith("other/"):
        return True  # a file the bot does not read: a warning
    return not isinstance(doc, dict)


def check_load(result: Any, files: dict[str, bytes]) -> str | None:
    from bot.knowledge.loader import LoadResult
    from bot.knowledge.yamlsrc import Problem

    if not isinstance(result, LoadResult):
        return f"returned {type(result).__name__}, not a LoadResult"
    for p in result.problems:
        if not (isinstance(p, Problem) and isinstance(p.file, str) and isinstance(p.line, int) and p.line >= 0
                and isinstance(p.message, str) and p.message and p.severity in ("error", "warning")
                and p.code):  # programs decide by the code, never by the wording
            return f"malformed problem {p!r}"[:200]
    for slot, content in files.items():
        name = Path(slot).name
        if expect_problem(slot, content) and not any(Path(p.file).name == name for p in result.problems):
            return f"{slot}: unusable file without any problem reported"
    return None


def fuzz_loader(n: int, seed_value: int, timeout_s: int = PER_INPUT_TIMEOUT) -> dict:
    from bot.knowledge.loader import load_knowledge
    from bot.knowledge.store import build
    from bot.places import get_gazetteer

    gazetteer = get_gazetteer()
    logging.getLogger("bot").setLevel(logging.CRITICAL)
    tally = Tally()
    extra = Counter()
    work = Path(tempfile.mkdtemp(prefix="bot-fuzz-kb-"))
    base = {name: (ROOT / "knowledge" / name).read_bytes() for name in ("categories.yml", "countries/MX.yml")}
    previous = signal.signal(signal.SIGALRM, _alarm)

    @seed(seed_value + 3)
    @_settings(n)
    @given(knowledge_folders())
    def loader(case):
        root = work / "knowledge"
        shutil.rmtree(root, ignore_errors=True)
        for name, content in {**(base if case["base"] else {}), **case["files"]}.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        signal.alarm(int(timeout_s))
        stage = "load_knowledge"
        try:
            result = load_knowledge(root, gazetteer)
            stage = "build"
            build(result)
            signal.alarm(0)
            stage = "the fuzzer's own check"
            problem = check_load(result, case["files"])
        except _Timeout:
            tally.add(None, f"{stage} took more than {timeout_s} s", case, "hang")
            return
        except BaseException as exc:  # noqa: BLE001 - anything raised is a crash
            signal.alarm(0)
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            tally.add(None, f"{stage} raised {type(exc).__name__} at {where}: {str(exc)[:120]}", case, "crash")
            return
        extra["with_problems" if result.problems else "without_problems"] += 1
        extra["with_errors" if result.errors else "without_errors"] += 1
        tally.add(None, problem, case)

    started = time.monotonic()
    try:
        loader()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        shutil.rmtree(work, ignore_errors=True)
    tally.seconds = time.monotonic() - started
    return {**tally.as_dict(), **dict(extra)}


# --- the real bot ----------------------------------------------------------------------------
def start_real_bot(work: Path):
    """``bot.serve``'s two processes on loopback, with the fuzz credentials."""
    from bot.serve import commands, server_env
    from tools.harness import BotProcesses, free_ports, stable_model

    port, actions_port = free_ports(2)
    knowledge = work / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    model = stable_model(ROOT / "models" / "bot.tar.gz", work)
    env = server_env(actions_port, {
        "BOT_PSEUDONYM_KEY": "fuzz-pseudonym-key-0123456789", "BOT_KNOWLEDGE_DIR": str(knowledge),
        "BOT_SQLITE_PATH": str(work / "rasa.db"), "BOT_ACTION_URL": f"http://127.0.0.1:{actions_port}/webhook",
        "TWILIO_AUTH_TOKEN": TWILIO_TOKEN, "BOT_PUBLIC_URL": PUBLIC_URL, "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET, "TELEGRAM_API_URL": "http://127.0.0.1:9",
        "BOT_FLOOD_PER_ADDRESS": "1000000",  # every fuzz request comes from 127.0.0.1
    })
    actions_cmd, rasa_cmd = commands(port, actions_port, str(model), str(ROOT / "endpoints.yml"))
    return BotProcesses(actions_cmd, rasa_cmd, env, work, port, actions_port, name="fuzz").start()


def print_summary(results: dict) -> None:
    rows = []
    for group, parts in results.items():
        if group in ("machine", "n", "seed", "ok", "seconds"):
            continue
        for name, r in (parts.items() if group != "loader" else [("load_knowledge", parts)]):
            rows.append((group, name, r["inputs"], r["5xx"], r["crashes"], r["hangs"], r["violations"], r["seconds"]))
    print("| target | input | inputs | 5xx | crashes | hangs | wrong answers | seconds |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(str(x) for x in row) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="inputs per in-process webhook and loader folders")
    parser.add_argument("--real-n", type=int, default=300, help="inputs per webhook against the real server (0: skip)")
    parser.add_argument("--url", default="", help="a running bot to use for --real-n (else one is started)")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--only", default="rest,twilio,telegram,loader,real")
    parser.add_argument("--out", default=str(ROOT / "results" / "fuzz.json"))
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    from tools.harness import machine

    started = time.monotonic()
    results: dict[str, Any] = {"machine": machine(), "n": args.n, "seed": args.seed}
    targets = tuple(t for t in ("rest", "twilio", "telegram") if t in only)
    if targets:
        results["in_process"] = fuzz_webhooks_in_process(args.n, args.seed, targets)
        print(f"webhooks in process: {json.dumps({k: (v['inputs'], v['5xx'], v['crashes'], v['hangs'], v['violations']) for k, v in results['in_process'].items()})}", flush=True)
    if "loader" in only:
        results["loader"] = fuzz_loader(args.n, args.seed)
        print(f"loader: {results['loader']['inputs']} folders, {results['loader']['crashes']} raised", flush=True)
    if "real" in only and args.real_n > 0:
        bot = None
        work = Path(tempfile.mkdtemp(prefix="bot-fuzz-real-"))
        try:
            url = args.url
            if not url:
                bot = start_real_bot(work)
                url = bot.url
            results["real_server"] = fuzz_real_server(url, args.real_n, args.seed,
                                                      server_log=bot.rasa.log if bot is not None else None)
        finally:
            if bot is not None:
                bot.stop()
            shutil.rmtree(work, ignore_errors=True)
    results["seconds"] = round(time.monotonic() - started, 1)
    failed = sum(r["5xx"] + r["crashes"] + r["hangs"] + r["violations"]
                 for group in ("in_process", "real_server") for r in results.get(group, {}).values())
    if "loader" in results:
        failed += results["loader"]["crashes"] + results["loader"]["hangs"] + results["loader"]["violations"]
    results["ok"] = failed == 0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    print_summary(results)
    print(f"{'no failures' if failed == 0 else f'{failed} failing inputs'}; details in {out}")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
