"""``make bench``: performance, measured against baselines in the same run on the same machine.

    python -m tools.bench --out results/bench.json [--skip-train-full] [--quick] [--only PARTS]

Writes ``results/bench.json`` and prints Markdown tables (with the machine) for the README:

* **Two baselines**: a **bare Rasa** with the same ``config.yml`` pipeline and policies, trained here
  on a two-intent bot, served by plain ``rasa run`` and a rasa-sdk action server with one trivial
  action: ``bare`` on Rasa's in-memory tracker store, ``bare_sqlite`` on Rasa's own SQL tracker store
  on an SQLite file (the same kind of store as the full bot: the fair baseline).
* **Latency** (p50/p95) over the REST webhook of the full bot (``bot.serve``'s two processes, the
  trained model, the sample knowledge) and both baselines, taking turns; ``ratios`` holds full/bare
  and full/bare_sqlite (targets against bare_sqlite: p95 <= 1.2x, throughput >= 1.0x at 8 and 32).
* **Throughput** (messages/s) at 1, 8 and 32 concurrent conversations (asyncio + aiohttp).
* **Long conversations** (``long_conversation``): conversations of 40 turns, paced under the flood
  limit, all bots in the same rounds; turn 40 against turn 2 (the same text; target <= 1.2x).
* **Turn profile** (``turn_profile``): a full bot with ``BOT_PROFILE_FILE``
  (:mod:`bot.rasa_ext.profile`) gets the long conversations; per step (channel and HTTP, NLU, tracker
  retrieval and save, policies, the action server call and the JSON it ships, the action itself)
  the p50 over every turn, at turn 2 and at turn 40.
* **Memory drift** (``memory_drift``): 2,000 distinct senders of 3 turns each; resident memory of
  both servers after the first 200 and after all (target: growth <= 1.1x).
* **Search and place resolution** at 1k, 10k and 100k generated services, in process.
* **100,000 services** (``actions_with_services``): an action server on a generated folder of 100
  files: the first start (building the compiled cache), a start on the warm cache until the first
  answer (target <= 10 s) and its peak memory (target <= 300 MB), and how long until a change to one
  file is in the answers (target <= 2 s).
* **Start-up** and **training** time of full and bare (the full model is trained again in a
  temporary folder unless ``--skip-train-full``).

Ratios, not absolute limits: a report, exit status 0 unless the run itself broke. Bounded: every
loop has a count and a timeout; everything listens on loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tools.harness import (
    LOOPBACK,
    ROOT,
    BotProcesses,
    endpoints_problem,
    free_ports,
    literal_endpoints,
    machine,
    peak_rss_mb,
    rss_mb,
    stable_model,
    wait_http,
)

PSEUDONYM_KEY = "bench-pseudonym-key-0123456789abcdef"
# The conversations both bots get: a need and a place in one message, or a need and then a place.
CONVERSATIONS = [
    ["necesito un doctor en Tapachula"],
    ["I need a shelter", "Tijuana"],
    ["necesito comida", "Tapachula"],
    ["I need a doctor in Tijuana"],
    ["necesito un abogado en Ciudad Juarez"],
    ["j'ai besoin d'un médecin à Tapachula"],
    ["necesito un albergue", "Ciudad de Guatemala"],
    ["preciso de comida em Tegucigalpa"],
]
SIZES = (1_000, 10_000, 100_000)
CATEGORIES = ("medical", "shelter", "food", "legal", "psychosocial", "water_hygiene", "connectivity", "protection",
              "family_links")
NEED_WORDS = {"medical": "un doctor", "shelter": "un albergue", "food": "comida", "legal": "un abogado",
              "psychosocial": "apoyo psicologico", "water_hygiene": "agua", "connectivity": "cargar mi celular",
              "protection": "ayuda", "family_links": "llamar a mi familia"}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary_ms(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50_ms": _r(pct(ms, 0.5)), "p95_ms": _r(pct(ms, 0.95)), "max_ms": _r(max(ms) if ms else None),
            "mean_ms": _r(statistics.fmean(ms) if ms else None)}


def _r(x: float | None, digits: int = 2) -> float | None:
    return None if x is None else round(x, digits)


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b not in (None, 0) else None


# --- the bare Rasa baseline --------------------------------------------------------------------
BARE_DOMAIN = """version: "3.1"
intents: [greet, need_help]
actions: [action_reply, action_fallback]
session_config:
  session_expiration_time: 60
  carry_over_slots_to_new_session: true
"""
BARE_NLU = """version: "3.1"
nlu:
- intent: greet
  examples: |
    - hola
    - hello
    - hi
    - buenos dias
    - buenas tardes
    - bonjour
    - bonjou
    - oi
    - good morning
    - hey
    - que tal
    - ola
- intent: need_help
  examples: |
    - necesito un doctor en Tapachula
    - I need a shelter
    - necesito comida
    - I need a doctor in Tijuana
    - necesito un abogado
    - j'ai besoin d'un médecin
    - preciso de comida
    - Tijuana
    - Tapachula
    - necesito un albergue
    - mwen bezwen yon doktè
    - where can I sleep
"""
BARE_RULES = """version: "3.1"
rules:
- rule: greet
  steps:
  - intent: greet
  - action: action_reply
- rule: help
  steps:
  - intent: need_help
  - action: action_reply
"""
BARE_ACTIONS = '''"""The bare baseline's action server: one trivial custom action (and the fallback)."""
from rasa_sdk import Action


class ActionReply(Action):
    def name(self):
        return "action_reply"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text="ok: " + (tracker.latest_message.get("text") or "")[:40])
        return []


class ActionFallback(ActionReply):
    def name(self):
        return "action_fallback"
'''


def write_bare_project(folder: Path, action_url: str) -> None:
    (folder / "data").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "config.yml", folder / "config.yml")  # the same pipeline and policies
    (folder / "domain.yml").write_text(BARE_DOMAIN)
    (folder / "data" / "nlu.yml").write_text(BARE_NLU)
    (folder / "data" / "rules.yml").write_text(BARE_RULES)
    (folder / "bare_actions.py").write_text(BARE_ACTIONS)
    (folder / "credentials.yml").write_text("rest:\n")
    literal_endpoints(folder / "endpoints.yml", action_url, None)


def rasa_env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    env.update({"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"})
    env.update(extra or {})
    return env


def train(cmd_args: list[str], cwd: Path, out: Path, name: str, timeout: float) -> float:
    """Train with ``rasa train`` in ``cwd`` with an empty cache; returns the seconds it took."""
    rasa = str(Path(sys.executable).parent / "rasa")
    cache = cwd / f".cache-{name}"
    env = rasa_env({"RASA_CACHE_DIRECTORY": str(cache)})
    started = time.monotonic()
    done = subprocess.run([rasa, "train", *cmd_args, "--out", str(out), "--fixed-model-name", name],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise RuntimeError(f"rasa train ({name}) failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    shutil.rmtree(cache, ignore_errors=True)
    return seconds


def start_bare(work: Path, model: Path, sqlite: bool = False) -> BotProcesses:
    """The bare bot on Rasa's in-memory tracker store, or (``sqlite``) on Rasa's own SQL tracker
    store on an SQLite file: the same kind of store the full bot uses, without its privacy code."""
    port, actions_port = free_ports(2)
    name = "bare_sqlite" if sqlite else "bare"
    folder = work / name
    write_bare_project(folder, f"http://{LOOPBACK}:{actions_port}/webhook")
    if sqlite:
        with (folder / "endpoints.yml").open("a") as fh:
            fh.write(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {work / 'bare-rasa.db'}\n")
    rasa = str(Path(sys.executable).parent / "rasa")
    actions_cmd = [rasa, "run", "actions", "--actions", "bare_actions", "--port", str(actions_port)]
    rasa_cmd = [rasa, "run", "--model", str(model), "--port", str(port), "--interface", LOOPBACK, "--enable-api",
                "--credentials", str(folder / "credentials.yml"), "--endpoints", str(folder / "endpoints.yml")]
    env = rasa_env({"PYTHONPATH": str(folder)})
    return BotProcesses(actions_cmd, rasa_cmd, env, work, port, actions_port, cwd=folder, name=name).start()


def start_full(work: Path, model: Path, notes: list[str], more_env: dict | None = None,
               name: str = "full") -> BotProcesses:
    from bot.serve import commands, server_env

    port, actions_port = free_ports(2)
    knowledge = work / "knowledge"
    if not knowledge.exists():
        shutil.copytree(ROOT / "knowledge", knowledge)
    extra = {"BOT_PSEUDONYM_KEY": PSEUDONYM_KEY, "BOT_KNOWLEDGE_DIR": str(knowledge),
             "BOT_SQLITE_PATH": str(work / f"{name}-rasa.db"), "BOT_ACTION_URL": f"http://{LOOPBACK}:{actions_port}/webhook",
             "TELEGRAM_API_URL": f"http://{LOOPBACK}:9", "BOT_FLOOD_PER_ADDRESS": "1000000", **(more_env or {})}
    env = server_env(actions_port, extra)
    endpoints = ROOT / "endpoints.yml"
    problem = endpoints_problem(endpoints, env)
    if problem:
        notes.append(f"endpoints.yml not usable as shipped ({problem}); the bench used the same tracker store "
                     "with literal values")
        endpoints = literal_endpoints(work / f"{name}-endpoints.yml", extra["BOT_ACTION_URL"],
                                      Path(extra["BOT_SQLITE_PATH"]))
    actions_cmd, rasa_cmd = commands(port, actions_port, str(model), str(endpoints), LOOPBACK)
    return BotProcesses(actions_cmd, rasa_cmd, env, work, port, actions_port, name=name).start()


# --- talking to a bot ----------------------------------------------------------------------------
def post(url: str, sender: str, text: str, timeout: float = 120) -> tuple[float, list[dict]]:
    import requests

    started = time.perf_counter()
    r = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=timeout)
    elapsed = time.perf_counter() - started
    r.raise_for_status()
    return elapsed, r.json()


def looks_answered(messages: list[dict], text: str) -> bool:
    """A real answer (not the apology the channel gives when Rasa or the actions fail)."""
    from bot.language.catalogue import t

    body = "\n".join(m.get("text") or "" for m in messages)
    apologies = {t(lang, "unavailable") for lang in ("es", "en", "fr", "ht", "pt")}
    return bool(body.strip()) and body.strip() not in apologies


def latency(urls: dict[str, str], turns: int, warmup: int = 4) -> dict[str, dict]:
    """``turns`` sequential REST turns per bot over the CONVERSATIONS, each conversation its own sender.

    The bots take turns conversation by conversation (bare, full, bare, full...), so that whatever
    else the machine does at the time weighs on both alike."""
    samples: dict[str, list[float]] = {name: [] for name in urls}
    by_text: dict[str, dict[str, list[float]]] = {name: {} for name in urls}
    answered = dict.fromkeys(urls, 0)
    n = 0
    conv = 0
    while n < turns + warmup:
        script = CONVERSATIONS[conv % len(CONVERSATIONS)]
        for name, url in urls.items():
            sender = f"bench-{name}-{conv}-{random.random():.6f}"
            for turn, text in enumerate(script):
                elapsed, messages = post(url, sender, text)
                if n + turn >= warmup:
                    samples[name].append(elapsed)
                    by_text[name].setdefault(f"{turn + 1}: {text}", []).append(elapsed)
                    answered[name] += looks_answered(messages, text)
        n += len(script)
        conv += 1
    return {name: {**summary_ms(samples[name]), "answered": answered[name],
                   "p50_ms_by_turn": {k: _r(pct([x * 1000 for x in v], 0.5)) for k, v in by_text[name].items()}}
            for name in urls}


# One long conversation: a cycle of 19 messages, so that turn 2 and turn 40 get the same text.
LONG_CONVERSATION = [
    "hola", "necesito un doctor en Tapachula", "más", "necesito comida", "Tijuana", "menu", "I need a shelter",
    "Tapachula", "necesito un abogado en Ciudad Juarez", "más", "j'ai besoin d'un médecin à Tapachula", "menu",
    "preciso de comida em Tegucigalpa", "necesito un albergue", "Ciudad de Guatemala", "ayuda", "más",
    "necesito agua en Tijuana", "gracias",
]
LONG_TURNS = 40
# a sender may send 20 messages a minute (the flood limit): a round of turns takes at least this long
LONG_ROUND_S = 3.1


def long_conversations(urls: dict[str, str], conversations: int, turns: int = LONG_TURNS) -> dict[str, dict]:
    """``conversations`` conversations of ``turns`` turns per bot, all advancing one turn per round
    (bots and conversations in turn, so that the machine's load weighs on all alike); the latency of
    each turn, and turn ``turns`` against turn 2 (the same text)."""
    senders = {name: [f"bench-long-{name}-{c}-{random.random():.6f}" for c in range(conversations)] for name in urls}
    by_turn: dict[str, list[list[float]]] = {name: [[] for _ in range(turns)] for name in urls}
    answered = dict.fromkeys(urls, 0)
    for turn in range(turns):
        started = time.monotonic()
        text = LONG_CONVERSATION[turn % len(LONG_CONVERSATION)]
        for c in range(conversations):
            for name, url in urls.items():
                elapsed, messages = post(url, senders[name][c], text)
                by_turn[name][turn].append(elapsed * 1000)
                answered[name] += looks_answered(messages, text)
        rest = LONG_ROUND_S - (time.monotonic() - started)
        if rest > 0 and turn < turns - 1:
            time.sleep(rest)
    out = {}
    for name in urls:
        p50 = [pct(v, 0.5) for v in by_turn[name]]
        out[name] = {"conversations": conversations, "turns": turns, "answered": answered[name],
                     "turn_2_p50_ms": _r(p50[1]), f"turn_{turns}_p50_ms": _r(p50[-1]),
                     "turn_last_over_turn_2": ratio(p50[-1], p50[1]),
                     "first_5_p50_ms": _r(pct([x for v in by_turn[name][:5] for x in v], 0.5)),
                     "last_5_p50_ms": _r(pct([x for v in by_turn[name][-5:] for x in v], 0.5)),
                     "p50_ms_by_turn": [_r(x) for x in p50]}
        out[name]["last_5_over_first_5"] = ratio(out[name]["last_5_p50_ms"], out[name]["first_5_p50_ms"])
    return out


PROFILE_KEYS = ("nlu_ms", "tracker_get_ms", "policy_ms", "action_call_ms", "tracker_save_ms")


def turn_profile(work: Path, model: Path, notes: list[str], conversations: int) -> dict:
    """Where a turn of the full bot spends its time: a second full bot with ``BOT_PROFILE_FILE``
    (``bot.rasa_ext.profile``) gets long conversations; each step's p50 per turn, at turn 2 and at
    turn 40, and the JSON body that the Rasa server sends the action server."""
    path = work / "profile.jsonl"
    bot = start_full(work, model, notes, {"BOT_PROFILE_FILE": str(path)}, name="profiled")
    try:
        post(bot.url, "bench-profile-warm", "hola")
        path.unlink(missing_ok=True)
        Path(str(path) + ".actions").unlink(missing_ok=True)
        client = long_conversations({"profiled": bot.url}, conversations)["profiled"]
        client_ms = [ms for ms in client["p50_ms_by_turn"]]
    finally:
        bot.stop()
    rasa = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    actions_path = Path(str(path) + ".actions")
    actions = [json.loads(line) for line in actions_path.read_text().splitlines()] if actions_path.exists() else []
    turns = client["turns"]
    # sequential: record i is turn i % turns of conversation i // turns... per round, so turn = i // conversations
    per_turn: list[list[dict]] = [[] for _ in range(turns)]
    for i, rec in enumerate(rasa[: turns * conversations]):
        per_turn[i // conversations].append(rec)

    def step(records: list[dict], key: str) -> float | None:
        return _r(pct([r.get(key, 0.0) for r in records], 0.5))

    def breakdown(records: list[dict], client_p50: float | None) -> dict:
        out = {key: step(records, key) for key in ("total_ms", *PROFILE_KEYS)}
        known = sum(out[k] or 0 for k in PROFILE_KEYS)
        out["processor_other_ms"] = _r((out["total_ms"] or 0) - known)
        out["channel_and_http_ms"] = _r((client_p50 or 0) - (out["total_ms"] or 0))
        out["client_ms"] = _r(client_p50)
        out["action_body_bytes"] = step(records, "action_body_bytes")
        out["events_in_tracker"] = step(records, "events")
        return out

    everything = [r for recs in per_turn for r in recs]
    return {
        "conversations": conversations, "turns": turns, "turns_recorded": len(rasa),
        "all_turns": breakdown(everything, pct([x for x in client_ms if x is not None], 0.5)),
        "turn_2": breakdown(per_turn[1], client_ms[1]),
        f"turn_{turns}": breakdown(per_turn[-1], client_ms[-1]),
        "action_server": {"calls": len(actions), "sdk_p50_ms": _r(pct([a.get("sdk_ms", 0) for a in actions], 0.5)),
                          "action_p50_ms": _r(pct([a.get("action_ms", 0) for a in actions], 0.5)),
                          "sdk_p95_ms": _r(pct([a.get("sdk_ms", 0) for a in actions], 0.95))},
        "keys": "total_ms: Rasa's MessageProcessor.handle_message; nlu_ms: the NLU parse; tracker_get_ms / "
                "tracker_save_ms: the tracker store; policy_ms: the policies' predictions; action_call_ms: remote "
                "action calls (request body, HTTP round trip, reading the answer); processor_other_ms: the rest of "
                "the processor; channel_and_http_ms: the client's time minus the processor's (HTTP, Sanic, the "
                "channel's checks, pseudonym and flood limit); action_body_bytes: the JSON sent to the action server",
    }


async def _senders(url: str, senders: int, offset: int, concurrency: int, turns: int = 3) -> int:
    import aiohttp

    queue = iter(range(offset, offset + senders))
    errors = 0

    async def worker(session) -> None:
        nonlocal errors
        for s in queue:
            script = CONVERSATIONS[s % len(CONVERSATIONS)]
            for turn in range(turns):
                text = script[turn % len(script)]
                try:
                    async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": f"bench-drift-{s}",
                                                                                  "message": text},
                                            timeout=aiohttp.ClientTimeout(total=180)) as r:
                        errors += r.status != 200 or not looks_answered(await r.json(), text)
                except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                    errors += 1

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    return errors


def memory_drift(bot: BotProcesses, senders: int, first: int = 200, concurrency: int = 8) -> dict:
    """``senders`` distinct senders of 3 turns each: resident memory after the first ``first`` and after
    all (target: the end within 10 % of the first)."""
    started = time.monotonic()
    errors = asyncio.run(_senders(bot.url, first, 0, concurrency))
    after_first = {"rasa_mb": rss_mb(bot.rasa.pid), "actions_mb": rss_mb(bot.actions.pid)}
    errors += asyncio.run(_senders(bot.url, senders - first, first, concurrency))
    after_all = {"rasa_mb": rss_mb(bot.rasa.pid), "actions_mb": rss_mb(bot.actions.pid)}
    return {"senders": senders, "turns_each": 3, "first": first, "not_answered": errors,
            "seconds": _r(time.monotonic() - started, 1), f"after_{first}": after_first, "after_all": after_all,
            "rasa_growth": ratio(after_all["rasa_mb"], after_first["rasa_mb"]),
            "actions_growth": ratio(after_all["actions_mb"], after_first["actions_mb"]), "target_growth": 1.1}


async def _throughput(url: str, concurrency: int, messages: int, time_limit: float) -> dict:
    import aiohttp

    done, errors, latencies = 0, 0, []
    counter = iter(range(10**9))
    deadline = time.monotonic() + time_limit

    async def worker(session, w: int) -> None:
        nonlocal done, errors
        while done < messages and time.monotonic() < deadline:
            conv = next(counter)
            sender = f"bench-tp{concurrency}-{w}-{conv}-{random.random():.6f}"
            for text in CONVERSATIONS[conv % len(CONVERSATIONS)]:
                started = time.perf_counter()
                try:
                    async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                            timeout=aiohttp.ClientTimeout(total=180)) as r:
                        body = await r.json()
                        ok = r.status == 200 and looks_answered(body, text)
                except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                    ok = False
                latencies.append(time.perf_counter() - started)
                done += 1
                errors += not ok

    started = time.monotonic()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:
        await asyncio.gather(*(worker(session, w) for w in range(concurrency)))
    seconds = time.monotonic() - started
    return {"concurrency": concurrency, "messages": done, "seconds": _r(seconds), "msg_per_s": _r(done / seconds),
            "not_answered": errors, "latency": summary_ms(latencies)}


def throughput(url: str, concurrency: int, messages: int, time_limit: float = 240) -> dict:
    return asyncio.run(_throughput(url, concurrency, messages, time_limit))


def throughput_messages(concurrency: int, turns: int) -> int:
    return max(concurrency * 6, 60)


def first_reply_s(bot: BotProcesses) -> float:
    """From the start of the processes until the first message is answered (lazy loading included)."""
    elapsed, _ = post(bot.url, "bench-first", "necesito un doctor en Tapachula", timeout=600)
    return (bot.startup_s or 0) + elapsed


def memory(bot: BotProcesses) -> dict:
    return {"rasa_mb": peak_rss_mb(bot.rasa.pid), "actions_mb": peak_rss_mb(bot.actions.pid)}


# --- generated services ----------------------------------------------------------------------------
def towns_for_services(kb, gazetteer, min_population: int = 20_000) -> list:
    countries = set(kb.countries)
    return [p for p in gazetteer.places if p.country in countries and p.population >= min_population]


def generate_services(n: int, towns: list, rng: random.Random) -> list:
    from bot.knowledge.hours import parse_hours
    from bot.knowledge.model import Phone, Service

    hours = [parse_hours(h) for h in (["Mo-Fr 08:00-17:00"], ["24/7"], ["Mo-Sa 09:00-13:00", "Mo-Fr 15:00-18:00"])]
    out = []
    for i in range(n):
        town = towns[rng.randrange(len(towns))]
        lat = town.latitude + rng.uniform(-0.08, 0.08)
        lon = town.longitude + rng.uniform(-0.08, 0.08)
        cats = tuple(sorted(set(rng.sample(CATEGORIES, rng.choice((1, 1, 2, 3))))))
        out.append(Service(
            id=f"gen-{i:06d}", name=f"Servicio generado {i} (EJEMPLO)", categories=cats, latitude=lat, longitude=lon,
            country=town.country, organization="Organización de ejemplo",
            description={"es": "Servicio generado para la prueba de carga.", "en": "Generated for the load test."},
            address=f"Calle Ejemplo {i % 500}, {town.name}", place=town.name,
            phones=(Phone("+1 000 555 0100"),), hours=hours[i % len(hours)], timezone=town.timezone,
            languages=("es", "en"), cost="free", sample=True))
    return out


def search_bench(queries: int, sizes: tuple[int, ...], seed: int = 7) -> dict:
    """Resolution and search time per query at each size, in process."""
    import dataclasses

    from bot.knowledge.loader import load_knowledge
    from bot.knowledge.search import ServiceIndex
    from bot.places import PlaceResolver, get_gazetteer

    gazetteer = get_gazetteer()
    base = load_knowledge(ROOT / "knowledge", gazetteer).kb
    towns = towns_for_services(base, gazetteer)
    rng = random.Random(seed)
    everywhere = [p for p in gazetteer.places if p.population >= 5_000]
    # the same queries at every size: 80 % in towns with services, 20 % anywhere in the Americas
    planned = []
    for q in range(queries):
        town = towns[rng.randrange(len(towns))] if q % 5 else everywhere[rng.randrange(len(everywhere))]
        need = CATEGORIES[rng.randrange(len(CATEGORIES))]
        planned.append((f"necesito {NEED_WORDS[need]} en {town.name}", need))
    out: dict[str, Any] = {"queries": queries, "sizes": {}}
    all_services = generate_services(max(sizes), towns, random.Random(seed + 1))
    for size in sizes:
        kb = dataclasses.replace(base, services=all_services[:size])
        started = time.perf_counter()
        index = ServiceIndex(kb, gazetteer)
        index_s = time.perf_counter() - started
        started = time.perf_counter()
        resolver = PlaceResolver(gazetteer, kb)
        resolver_s = time.perf_counter() - started
        for text, _ in planned[:20]:  # warm the fuzzy-name buckets and caches
            resolver.resolve(text)
        resolve_t, search_t, total_t, found = [], [], [], 0
        for text, need in planned:
            t0 = time.perf_counter()
            match = resolver.resolve(text)
            t1 = time.perf_counter()
            hits = 0
            if match.place is not None:
                hits = len(index.nearest(need, match.place.latitude, match.place.longitude).hits)
            t2 = time.perf_counter()
            resolve_t.append(t1 - t0)
            search_t.append(t2 - t1)
            total_t.append(t2 - t0)
            found += hits > 0
        out["sizes"][str(size)] = {"index_build_s": _r(index_s, 3), "resolver_build_s": _r(resolver_s, 3),
                                   "resolve": summary_ms(resolve_t), "search": summary_ms(search_t),
                                   "total": summary_ms(total_t), "queries_with_results": found}
        log(f"search at {size}: total p95 {out['sizes'][str(size)]['total']['p95_ms']} ms")
    lo, hi = str(min(sizes)), str(max(sizes))
    for part in ("resolve", "search", "total"):
        out[f"growth_{part}_p95"] = ratio(out["sizes"][hi][part]["p95_ms"], out["sizes"][lo][part]["p95_ms"])
    out["size_ratio"] = max(sizes) // min(sizes)
    return out


_PLACES_PROBE = """
import json, resource, sys, time
from pathlib import Path
import yaml
from bot.places.gazetteer import get_gazetteer
from bot.knowledge.loader import load_knowledge
def rss(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
base = rss()
g = get_gazetteer()
kb = load_knowledge(Path(sys.argv[1]) / "knowledge", g).kb
after_gazetteer = rss()
if sys.argv[2] == "resolver":
    from bot.places.resolve import PlaceResolver
    from bot.places.understand import understand
    r = PlaceResolver(g, kb)
    texts = []
    for lang in ("es", "en", "fr", "ht", "pt"):
        doc = yaml.safe_load((Path(sys.argv[1]) / "tests/places/eval" / f"{lang}.yml").read_text())
        texts += [(m["text"], m.get("phone_country") or "") for m in doc["messages"]]
    for t, c in texts[:50]:
        r.resolve(t, phone_country=c)
    times = []
    for t, c in texts:
        t0 = time.process_time(); r.resolve(t, phone_country=c); times.append(time.process_time() - t0)
    times.sort()
    print(json.dumps({"n": len(times), "p50_ms": times[len(times) // 2] * 1000,
                      "p95_ms": times[int(len(times) * 0.95)] * 1000, "max_ms": times[-1] * 1000,
                      "rss_mb": rss(), "gazetteer_mb": after_gazetteer - base}))
else:
    print(json.dumps({"rss_mb": rss(), "gazetteer_mb": after_gazetteer - base}))
"""


def places_bench() -> dict:
    """Place resolution on the held-out messages with the full gazetteer, and its memory.

    Times are the process's CPU time per message, so that other work on the machine does not count.

    Baseline in the same run: a process that loads the gazetteer and the knowledge only (what any
    resolver needs); the ratio is the resolver's own memory (word frequencies, sound keys, caches).
    """
    runs = {}
    for kind in ("baseline", "resolver"):
        out = subprocess.run([sys.executable, "-c", _PLACES_PROBE, str(ROOT), kind], cwd=ROOT, capture_output=True,
                             text=True, timeout=600, check=True)
        runs[kind] = json.loads(out.stdout.strip().splitlines()[-1])
    r, b = runs["resolver"], runs["baseline"]
    return {"messages": r["n"], "resolve_p50_ms": _r(r["p50_ms"], 3), "resolve_p95_ms": _r(r["p95_ms"], 3),
            "resolve_max_ms": _r(r["max_ms"], 2), "target_p95_ms": 5.0,
            "process_rss_mb": _r(r["rss_mb"], 1), "baseline_rss_mb": _r(b["rss_mb"], 1),
            "memory_ratio": ratio(r["rss_mb"], b["rss_mb"])}


def write_service_yaml(folder: Path, n: int, seed: int = 11, per_file: int = 1000) -> int:
    """A knowledge folder: the shipped countries, categories, places, rights, and ``n`` services."""
    from bot.knowledge.loader import load_knowledge
    from bot.places import get_gazetteer

    gazetteer = get_gazetteer()
    kb = load_knowledge(ROOT / "knowledge", gazetteer).kb
    towns = towns_for_services(kb, gazetteer)
    prefixes = {code: c.phone_prefix for code, c in kb.countries.items()}
    folder.mkdir(parents=True, exist_ok=True)
    for part in ("categories.yml", "deployment.yml", "countries", "places", "rights"):
        src = ROOT / "knowledge" / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, folder / part)
    services = folder / "services"
    services.mkdir(parents=True)
    rng = random.Random(seed)
    written = 0
    for start in range(0, n, per_file):
        lines = ["# Generated by tools.bench for the memory benchmark: invented services.", "services:"]
        for i in range(start, min(n, start + per_file)):
            town = towns[rng.randrange(len(towns))]
            cats = ", ".join(sorted(set(rng.sample(CATEGORIES, rng.choice((1, 1, 2, 3))))))
            lines += [
                f"- id: gen-{i:06d}",
                f"  name: Servicio generado {i} (EJEMPLO)",
                "  organization: Organización de ejemplo",
                f"  categories: [{cats}]",
                "  description:",
                "    es: Servicio generado para la prueba de carga.",
                "    en: Generated service for the load test.",
                "  location:",
                f"    address: Calle Ejemplo {i % 500}, {town.name}",
                f"    place: \"{town.name}\"",
                f"    country: {town.country}",
                f"    latitude: {town.latitude + rng.uniform(-0.05, 0.05):.5f}",
                f"    longitude: {town.longitude + rng.uniform(-0.05, 0.05):.5f}",
                "  phones:",
                f"  - {{number: \"+{prefixes.get(town.country, '1')} 000 555 {i % 10000:04d}\", type: voice}}",
                f"  hours: [\"{('Mo-Fr 08:00-17:00', '24/7', 'Mo-Sa 09:00-13:00')[i % 3]}\"]",
                f"  timezone: {town.timezone}",
                "  languages: [es, en]",
                "  cost: free",
                "  verified_on: 2026-11-01",
                "  source: generated for the benchmark (not a real service)",
                "  sample: true",
            ]
            written += 1
        (services / f"gen-{start // per_file:04d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


def action_request(text: str, intent: str) -> dict:
    """What Rasa sends the action server for one turn (enough for ``action_find_services``)."""
    return {
        "next_action": "action_find_services", "sender_id": "bench-memory", "version": "3.6.2", "domain": {},
        "tracker": {"sender_id": "bench-memory", "slots": {}, "latest_message": {
            "text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [],
            "metadata": {"medium": "rest"}}, "events": [], "latest_input_channel": "rest",
            "latest_action_name": "action_listen", "active_loop": {}, "paused": False, "followup_action": None},
    }


NEW_SERVICE = """- id: bench-new-service
  name: Comedor recién agregado (EJEMPLO)
  categories: [food]
  location: {address: Calle 1, place: Tapachula, country: MX, latitude: 14.9, longitude: -92.26}
  phones: [{number: "+52 000 555 0199"}]
  hours: ["24/7"]
  languages: [es]
  cost: free
  verified_on: 2026-11-01
  source: generated for the benchmark (not a real service)
  sample: true
"""


def _answer_texts(port: int, text: str, timeout: float = 60) -> list[str]:
    import requests

    r = requests.post(f"http://{LOOPBACK}:{port}/webhook", json=action_request(text, "need_food"), timeout=timeout)
    r.raise_for_status()
    return [m.get("text") or "" for m in r.json().get("responses", [])]


def _start_actions(work: Path, folder: Path, cache: Path, name: str, timeout: float) -> tuple[Any, int, float, float]:
    """An action server on ``folder``; (process, port, seconds until it answered its first message, the
    time of that answer after the health check said up)."""
    from bot.serve import commands, server_env
    from tools.harness import Proc

    unused, port = free_ports(2)
    env = server_env(port, {"BOT_PSEUDONYM_KEY": PSEUDONYM_KEY, "BOT_KNOWLEDGE_DIR": str(folder),
                            "BOT_CACHE_DIR": str(cache), "BOT_SQLITE_PATH": str(work / "unused.db")})
    actions_cmd, _ = commands(unused, port, "unused", "unused")
    started = time.monotonic()
    proc = Proc(actions_cmd, work / f"actions-{name}.log", env, ROOT).start()
    if not wait_http(f"http://{LOOPBACK}:{port}/health", 300, proc.popen):
        proc.stop()
        raise RuntimeError("the action server did not start:\n" + proc.tail())
    up = time.monotonic()
    texts: list[str] = []
    while time.monotonic() - up < timeout:
        try:  # a first load longer than Sanic's 60 s response timeout answers 503: ask again
            texts = _answer_texts(port, "necesito comida en Tapachula", timeout)
            break
        except Exception:  # noqa: BLE001 - the server is still loading; bounded by the timeout
            if not proc.alive():
                break
            time.sleep(0.5)
    if not any("Tapachula" in t for t in texts):
        proc.stop()
        raise RuntimeError(f"the action server on {folder} did not answer with services:\n{texts}\n{proc.tail()}")
    done = time.monotonic()
    return proc, port, done - started, done - up


def actions_with_services(work: Path, n: int, timeout: float) -> dict:
    """An action server on a knowledge folder of ``n`` services in 100 files: the first start (the
    cache is built), a start on the warm cache (until the first message is answered, and its peak
    memory), and how long a change to one of the files takes to be answered with."""
    folder = work / f"knowledge-{n}"
    cache = work / f"cache-{n}"
    started = time.monotonic()
    written = write_service_yaml(folder, n, per_file=max(1, n // 100))
    generate_s = time.monotonic() - started
    size_mb = sum(p.stat().st_size for p in folder.rglob("*.yml")) / 1e6
    out: dict[str, Any] = {"services_written": written, "files": len(list((folder / "services").glob("*.yml"))),
                           "yaml_mb": _r(size_mb, 1), "generate_s": _r(generate_s, 1),
                           "targets": {"warm_first_answer_s": 10, "warm_peak_mb": 300, "reload_one_file_s": 2}}
    proc, port, total, _ = _start_actions(work, folder, cache, f"{n}-cold", timeout)
    out["cold"] = {"first_answer_s": _r(total, 1), "peak_mb": peak_rss_mb(proc.pid)}
    proc.stop()
    out["cache_mb"] = _r(sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 1e6, 1)
    proc, port, total, after_up = _start_actions(work, folder, cache, f"{n}-warm", timeout)
    try:
        import requests

        warm = {"first_answer_s": _r(total, 2), "first_answer_after_health_s": _r(after_up, 2),
                "peak_mb": peak_rss_mb(proc.pid)}
        times = []
        for i in range(20):
            t0 = time.perf_counter()
            requests.post(f"http://{LOOPBACK}:{port}/webhook", timeout=60, json=action_request(
                f"necesito comida en {('Tapachula', 'Tijuana', 'Lima')[i % 3]}", "need_food")).raise_for_status()
            times.append(time.perf_counter() - t0)
        warm["action_after_load"] = summary_ms(times)
        warm["rss_mb"] = rss_mb(proc.pid)
        for line in proc.log.read_text(errors="replace").splitlines():
            if "knowledge loaded from" in line and " services" in line:
                try:
                    warm["services_loaded"] = int(line.split("knowledge loaded from", 1)[1].split(":", 1)[1]
                                                  .split("services")[0].strip())
                except (IndexError, ValueError):
                    pass
        out["warm"] = warm
        # one file of the hundred changes: how long until the answers have the new service
        target = sorted((folder / "services").glob("*.yml"))[42 % out["files"]]
        with target.open("a", encoding="utf-8") as fh:
            fh.write(NEW_SERVICE)
        changed = time.monotonic()
        seen = None
        while time.monotonic() - changed < 120:
            if any("recién agregado" in t for t in _answer_texts(port, "necesito comida en Tapachula")):
                seen = time.monotonic() - changed
                break
            time.sleep(0.05)
        out["reload_one_file_s"] = _r(seen, 2)
        out["peak_mb_after_reload"] = peak_rss_mb(proc.pid)
    finally:
        proc.stop()
    return out


# --- the table -------------------------------------------------------------------------------------
def _fmt(x: Any, unit: str = "") -> str:
    if x is None:
        return "n/a"
    if isinstance(x, float):
        x = f"{x:,.1f}" if abs(x) >= 10 else f"{x:,.2f}"
    elif isinstance(x, int):
        x = f"{x:,}"
    return f"{x}{unit}"


def print_table(results: dict, file=sys.stdout) -> None:
    m = results["machine"]
    when = results.get("finished", "")[:10]
    print(f"Benchmarks of {when} on {m['nproc']} CPUs ({m['cpu_model']}), {m['ram_gb']} GB RAM, {m['os']}, "
          f"Python {m['python']}. Baselines measured in the same run (`make bench`, `results/bench.json`).", file=file)
    print(file=file)
    full, bare, sq = results.get("full", {}), results.get("bare", {}), results.get("bare_sqlite", {})
    print("Full bot: `bot.serve`'s Rasa server and action server with the trained model, the sample knowledge and "
          "the SQLite tracker store. Bare Rasa: the same `config.yml` trained on a two-intent bot, plain `rasa run` "
          "and a rasa-sdk action server with one trivial action, on Rasa's in-memory tracker store (\"bare\") and on "
          "Rasa's own SQL tracker store on SQLite (\"bare SQLite\", the fair baseline). All get the same messages "
          f"over the REST webhook, taking turns ({results['settings']['turns']} sequential turns each for the latency).",
          file=file)
    print(file=file)
    print("| measure | full bot | bare | bare SQLite | full / bare | full / bare SQLite | target |", file=file)
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |", file=file)

    def row(name, a, b, c, target=""):
        print(f"| {name} | {_fmt(a)} | {_fmt(b)} | {_fmt(c)} | {_fmt(ratio(a, b), 'x')} | {_fmt(ratio(a, c), 'x')} | "
              f"{target} |", file=file)

    def lat(bot, key):
        return bot.get("latency", {}).get(key)

    row("REST latency p50 (ms)", lat(full, "p50_ms"), lat(bare, "p50_ms"), lat(sq, "p50_ms"))
    row("REST latency p95 (ms)", lat(full, "p95_ms"), lat(bare, "p95_ms"), lat(sq, "p95_ms"), "<= 1.2x bare SQLite")
    tps = {name: {t["concurrency"]: t["msg_per_s"] for t in bot.get("throughput", [])}
           for name, bot in (("full", full), ("bare", bare), ("sq", sq))}
    for c in sorted(tps["full"]):
        row(f"throughput, {c} concurrent conversation{'s' if c > 1 else ''} (msg/s)", tps["full"][c],
            tps["bare"].get(c), tps["sq"].get(c), ">= 1.0x bare SQLite" if c in (8, 32) else "")
    longs = {name: bot.get("long_conversation", {}) for name, bot in (("full", full), ("bare", bare), ("sq", sq))}
    if longs["full"]:
        turns = longs["full"]["turns"]
        for key, label in (("turn_2_p50_ms", "turn 2 of a long conversation, p50 (ms)"),
                           (f"turn_{turns}_p50_ms", f"turn {turns} of the same conversations, p50 (ms)")):
            row(label, longs["full"].get(key), longs["bare"].get(key), longs["sq"].get(key))
        print(f"| turn {turns} / turn 2 | {_fmt(longs['full'].get('turn_last_over_turn_2'), 'x')} | "
              f"{_fmt(longs['bare'].get('turn_last_over_turn_2'), 'x')} | "
              f"{_fmt(longs['sq'].get('turn_last_over_turn_2'), 'x')} | | | full <= 1.2x |", file=file)
    row("start-up until the webhook answers (s)", full.get("startup_s"), bare.get("startup_s"), sq.get("startup_s"))
    row("start-up until the first reply (s)", full.get("first_reply_s"), bare.get("first_reply_s"),
        sq.get("first_reply_s"))
    for key, label in (("rasa_mb", "peak RSS, Rasa server (MB)"), ("actions_mb", "peak RSS, action server (MB)")):
        row(label, full.get("memory", {}).get(key), bare.get("memory", {}).get(key), sq.get("memory", {}).get(key))
    row("training time (s)", full.get("train_s"), bare.get("train_s"), None)
    prof = results.get("turn_profile")
    if prof:
        print(file=file)
        print(f"Where a turn of the full bot goes (`BOT_PROFILE_FILE`, {prof['conversations']} conversations of "
              f"{prof['turns']} turns, p50 per step in ms; `results/bench.json` \"turn_profile\"):", file=file)
        print(file=file)
        last = f"turn_{prof['turns']}"
        print(f"| step | every turn | turn 2 | {last.replace('_', ' ')} |", file=file)
        print("| --- | ---: | ---: | ---: |", file=file)
        labels = (("client_ms", "the whole REST turn, seen by the client"),
                  ("channel_and_http_ms", "HTTP, Sanic and the REST channel (pseudonym, flood limit)"),
                  ("total_ms", "Rasa's processor (all below)"), ("nlu_ms", "NLU parse"),
                  ("tracker_get_ms", "tracker retrieval (SQLite)"), ("policy_ms", "policies"),
                  ("action_call_ms", "action server call (request, HTTP, answer)"),
                  ("tracker_save_ms", "tracker save (SQLite)"), ("processor_other_ms", "rest of the processor"),
                  ("action_body_bytes", "JSON sent to the action server (bytes)"),
                  ("events_in_tracker", "events in the tracker"))
        for key, label in labels:
            print(f"| {label} | {_fmt(prof['all_turns'].get(key))} | {_fmt(prof['turn_2'].get(key))} | "
                  f"{_fmt(prof[last].get(key))} |", file=file)
        a = prof.get("action_server", {})
        print(f"| in the action server: rasa-sdk with the action / the action alone | "
              f"{_fmt(a.get('sdk_p50_ms'))} / {_fmt(a.get('action_p50_ms'))} | | |", file=file)
    drift = results.get("memory_drift")
    if drift:
        print(file=file)
        first = drift["first"]
        print(f"Memory over {drift['senders']:,} distinct senders of {drift['turns_each']} turns each (full bot, "
              f"resident MB after the first {first} and after all; target: growth <= 1.1x):", file=file)
        print(file=file)
        print(f"| process | after {first} | after {drift['senders']:,} | growth |", file=file)
        print("| --- | ---: | ---: | ---: |", file=file)
        for key, label in (("rasa", "Rasa server"), ("actions", "action server")):
            print(f"| {label} | {_fmt(drift[f'after_{first}'][key + '_mb'])} | {_fmt(drift['after_all'][key + '_mb'])} | "
                  f"{_fmt(drift[key + '_growth'], 'x')} |", file=file)
    search = results.get("search")
    if search:
        print(file=file)
        print(f"Search and place resolution in process, {search['queries']} queries per size "
              "(\"necesito ... en <town>\": resolve the town, then the nearest services):", file=file)
        print(file=file)
        print("| services | index build (s) | resolve p50 / p95 (ms) | search p50 / p95 (ms) | total p50 / p95 (ms) |",
              file=file)
        print("| ---: | ---: | ---: | ---: | ---: |", file=file)
        for size, s in search["sizes"].items():
            print(f"| {int(size):,} | {_fmt(s['index_build_s'])} | {_fmt(s['resolve']['p50_ms'])} / "
                  f"{_fmt(s['resolve']['p95_ms'])} | {_fmt(s['search']['p50_ms'])} / {_fmt(s['search']['p95_ms'])} | "
                  f"{_fmt(s['total']['p50_ms'])} / {_fmt(s['total']['p95_ms'])} |", file=file)
        print(f"| growth {search['size_ratio']}x services | | {_fmt(search['growth_resolve_p95'], 'x')} | "
              f"{_fmt(search['growth_search_p95'], 'x')} | {_fmt(search['growth_total_p95'], 'x')} (target: p95 <= 5 ms "
              "at 100k, sublinear) |", file=file)
    big = results.get("actions_with_services")
    if big and big.get("warm"):
        warm, t = big["warm"], big["targets"]
        print(file=file)
        print(f"Action server on a knowledge folder of {big['services_written']:,} services in {big['files']} files "
              f"({_fmt(big['yaml_mb'])} MB of YAML; compiled cache {_fmt(big.get('cache_mb'))} MB):", file=file)
        print(file=file)
        print("| measure | value | target |", file=file)
        print("| --- | ---: | --- |", file=file)
        print(f"| first start, cache empty: until the first answer (s) | {_fmt(big['cold']['first_answer_s'])} | |",
              file=file)
        print(f"| first start, cache empty: peak RSS (MB) | {_fmt(big['cold']['peak_mb'])} | |", file=file)
        print(f"| start on the warm cache: until the first answer (s) | {_fmt(warm['first_answer_s'])} | "
              f"<= {t['warm_first_answer_s']} s |", file=file)
        print(f"| start on the warm cache: peak RSS (MB) | {_fmt(warm['peak_mb'])} | <= {t['warm_peak_mb']} MB |",
              file=file)
        print(f"| action p95 after the load (ms) | {_fmt(warm['action_after_load']['p95_ms'])} | |", file=file)
        print(f"| one file of {big['files']} changed: until answers have it (s) | {_fmt(big.get('reload_one_file_s'))} | "
              f"<= {t['reload_one_file_s']} s |", file=file)
        print(f"| peak RSS including the reload (MB) | {_fmt(big.get('peak_mb_after_reload'))} | |", file=file)
    for note in results.get("notes", []):
        print(f"\nNote: {note}", file=file)


def ratios(results: dict) -> dict:
    """The full bot against each baseline (``bare``: in-memory tracker store; ``bare_sqlite``: SQLite)."""
    out: dict[str, Any] = {}
    full = results.get("full") or {}
    for base in ("bare", "bare_sqlite"):
        bare = results.get(base) or {}
        if not full.get("latency") or not bare.get("latency"):
            continue
        key = "vs_" + base
        out[key] = {
            "latency_p50": ratio(full["latency"]["p50_ms"], bare["latency"]["p50_ms"]),
            "latency_p95": ratio(full["latency"]["p95_ms"], bare["latency"]["p95_ms"]),
            "startup": ratio(full.get("startup_s"), bare.get("startup_s")),
            **{f"throughput_{f['concurrency']}": ratio(f["msg_per_s"], b["msg_per_s"])
               for f, b in zip(full.get("throughput", []), bare.get("throughput", []))},
        }
        if full.get("memory") and bare.get("memory"):
            out[key]["rasa_memory"] = ratio(full["memory"]["rasa_mb"], bare["memory"]["rasa_mb"])
            out[key]["actions_memory"] = ratio(full["memory"]["actions_mb"], bare["memory"]["actions_mb"])
    long = full.get("long_conversation")
    if long:
        out["full_turn_40_over_turn_2"] = long["turn_last_over_turn_2"]
    if results.get("memory_drift"):
        out["full_memory_drift"] = {k: results["memory_drift"][k] for k in ("rasa_growth", "actions_growth")}
    return out


# --- main ----------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "results" / "bench.json"))
    parser.add_argument("--skip-train-full", action="store_true", help="do not time a training of the full model")
    parser.add_argument("--turns", type=int, default=200, help="measured turns per bot for the latency")
    parser.add_argument("--queries", type=int, default=500, help="queries per size for the search benchmark")
    parser.add_argument("--memory-services", type=int, default=100_000, help="services for the memory benchmark (0: skip)")
    parser.add_argument("--long-conversations", type=int, default=8,
                        help=f"conversations of {LONG_TURNS} turns per bot (turn 40 against turn 2)")
    parser.add_argument("--drift-senders", type=int, default=2000, help="distinct senders for the memory drift")
    parser.add_argument("--quick", action="store_true", help="small counts, for trying the bench itself")
    parser.add_argument("--only", default="places,search,bare,full,long,drift,profile,memory,train", help="comma-separated parts to run")
    args = parser.parse_args(argv)
    if args.quick:
        args.turns, args.queries, args.memory_services = 12, 100, min(args.memory_services, 5_000)
        args.long_conversations, args.drift_senders = 2, min(args.drift_senders, 400)
    parts = set(args.only.split(","))
    random.seed(1)
    results: dict[str, Any] = {"machine": machine(), "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                               "settings": {"turns": args.turns, "queries": args.queries,
                                            "memory_services": args.memory_services, "conversations": CONVERSATIONS},
                               "notes": []}
    work = Path(tempfile.mkdtemp(prefix="bot-bench-"))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)

    def save() -> None:
        results["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        out.write_text(json.dumps(results, indent=2, ensure_ascii=False))

    try:
        if "places" in parts:
            log("place resolution on the held-out messages, full gazetteer")
            results["places"] = places_bench()
            log(f"places: p95 {results['places']['resolve_p95_ms']} ms, memory x{results['places']['memory_ratio']}")
            save()
        if "search" in parts:
            log("search and place resolution at " + ", ".join(f"{s:,}" for s in SIZES) + " services")
            results["search"] = search_bench(args.queries, SIZES)
            save()
        bots: dict[str, BotProcesses] = {}
        try:
            if "bare" in parts:
                log("bare Rasa baseline: training")
                bare_dir = work / "bare"
                write_bare_project(bare_dir, "http://127.0.0.1:9/webhook")
                seconds = train(["--domain", "domain.yml", "--data", "data", "--config", "config.yml"],
                                bare_dir, bare_dir / "models", "bare", 1800)
                results["bare"] = {"train_s": _r(seconds, 1)}
                log(f"bare trained in {results['bare']['train_s']} s; starting it")
                bots["bare"] = start_bare(work, bare_dir / "models" / "bare.tar.gz")
                results["bare"]["startup_s"] = _r(bots["bare"].startup_s, 1)
                results["bare"]["first_reply_s"] = _r(first_reply_s(bots["bare"]), 1)
                bots["bare_sqlite"] = start_bare(work, bare_dir / "models" / "bare.tar.gz", sqlite=True)
                results["bare_sqlite"] = {"startup_s": _r(bots["bare_sqlite"].startup_s, 1),
                                          "first_reply_s": _r(first_reply_s(bots["bare_sqlite"]), 1)}
            if "full" in parts:
                log("full bot: waiting for a stable models/bot.tar.gz, then starting it")
                model = stable_model(ROOT / "models" / "bot.tar.gz", work)
                bots["full"] = start_full(work, model, results["notes"])
                results["full"] = {"startup_s": _r(bots["full"].startup_s, 1),
                                   "first_reply_s": _r(first_reply_s(bots["full"]), 1)}
            log("latency: " + ", ".join(bots) + " in turn")
            for name, measured in latency({name: b.url for name, b in bots.items()}, args.turns).items():
                results[name]["latency"] = measured
            save()
            if "long" in parts:
                log(f"long conversations ({LONG_TURNS} turns, paced under the flood limit): " + ", ".join(bots))
                for name, measured in long_conversations({n: b.url for n, b in bots.items()},
                                                         args.long_conversations).items():
                    results[name]["long_conversation"] = measured
                save()
            for name in bots:
                results[name]["throughput"] = []
            for c in (1, 8, 32):
                for name, bot in bots.items():
                    log(f"{name}: throughput at {c} concurrent conversations")
                    results[name]["throughput"].append(throughput(bot.url, c, throughput_messages(c, args.turns)))
            for name, bot in bots.items():
                results[name]["memory"] = memory(bot)
            save()
            if "drift" in parts and "full" in bots and args.drift_senders:
                log(f"full bot: memory over {args.drift_senders:,} distinct senders of 3 turns")
                results["memory_drift"] = memory_drift(bots["full"], args.drift_senders)
                save()
        finally:
            for bot in bots.values():
                bot.stop()
        if "profile" in parts and "full" in parts:
            log("full bot with BOT_PROFILE_FILE: where a turn's time goes")
            results["turn_profile"] = turn_profile(work, model, results["notes"], args.long_conversations)
            save()
        results["ratios"] = ratios(results)
        save()
        if "memory" in parts and args.memory_services:
            log(f"action server with {args.memory_services:,} services in YAML (loading takes a while)")
            results["actions_with_services"] = actions_with_services(work, args.memory_services, 1800)
            save()
        if "train" in parts and not args.skip_train_full:
            log("full model: timing a training in a temporary folder (a few minutes)")
            seconds = train(["--domain", str(ROOT / "bot" / "domain"), "--data", str(ROOT / "bot" / "data"),
                             "--config", str(ROOT / "config.yml")], work, work / "full-models", "bot", 3600)
            results.setdefault("full", {})["train_s"] = _r(seconds, 1)
            if results.get("bare", {}).get("train_s"):
                results.setdefault("ratios", {})["train"] = ratio(seconds, results["bare"]["train_s"])
            save()
    finally:
        save()
        shutil.rmtree(work, ignore_errors=True)
    print_table(results)
    print(f"\n(written to {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
