"""The ``bot`` command: knowledge-base tools for staff, privacy tasks, Telegram set-up.

    bot kb validate [DIR]
    bot kb search --need CODE --near PLACE [--lang L] [--json] [--at "YYYY-MM-DD HH:MM"]
    bot kb import FILE [--into DIR]          (CSV, XLSX, or an HSDS 3.0 package)
    bot kb export --format hsds DIR | --format xlsx FILE
    bot kb template FILE                     (a spreadsheet to fill in)
    bot kb report [DIR]
    bot place TEXT [--country CC] [--json]   (what the bot understands as the place)
    bot privacy purge [--days N]
    bot telegram set-webhook URL
    bot console adduser NAME --role coordinator|agent|viewer
    bot console purge [--days N]             (handover texts past BOT_HANDOVER_RETENTION_DAYS)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bot.knowledge.store import default_knowledge_dir


def _kb_dir(value: str | None) -> Path:
    return Path(value) if value else default_knowledge_dir()


def cmd_validate(args: argparse.Namespace) -> int:
    from bot.knowledge.loader import STALE_AFTER_DAYS, load_knowledge
    from bot.knowledge.staff import past_review
    from bot.places.gazetteer import get_gazetteer

    root = _kb_dir(args.dir)
    result = load_knowledge(root, get_gazetteer())
    for problem in sorted(result.problems, key=lambda p: (p.file, p.line)):
        print(problem)
    kb = result.kb
    summary = (f"{len(kb.services)} services, {len(kb.countries)} countries, {len(kb.rights)} rights texts, "
               f"{len(kb.places)} places: {len(result.errors)} errors, {len(result.warnings)} warnings")
    print(("OK: " if result.ok else "NOT OK: ") + summary, file=sys.stderr if not result.ok else sys.stdout)
    stale = past_review(kb)
    if stale:  # loud, but not an error: old content is the staff's to review, not a broken folder
        print(f"ATTENTION: {len(stale)} entries are past their review date (services after {STALE_AFTER_DAYS} days, "
              "rights texts after 12 months); people may be sent to closed services or told outdated law. "
              "'bot kb report' lists them.", file=sys.stderr)
    return 0 if result.ok else 1


def place_zone(knowledge, place):
    """The time zone of ``place`` (its own, else its country's; UTC when neither is known)."""
    from datetime import timezone

    from bot.knowledge.search import _zone

    country = knowledge.kb.countries.get(place.country)
    return _zone(place.timezone) or _zone(country.timezone if country else "") or timezone.utc


def place_moment(knowledge, place, text: str):
    """``YYYY-MM-DD HH:MM`` read as the local time of ``place``, as an aware datetime."""
    from datetime import datetime

    local = datetime.strptime(text.strip().replace("T", " "), "%Y-%m-%d %H:%M")
    return local.replace(tzinfo=place_zone(knowledge, place))


def _status(h) -> dict:
    status = "unknown" if h.open_now is None else "open" if h.open_now else "closed"
    change = h.change.isoformat(timespec="minutes") if h.change else None
    return {"open_now": h.open_now, "status": status,
            "closes_at": change if h.open_now else None, "opens_at": change if h.open_now is False else None}


def search_json(knowledge, need: str, near: str, lang: str = "es") -> dict:
    """What ``bot kb search --json`` prints (also used by the tests to compare with the bot): the
    services in the bot's order at the clock's moment; ``opens_at``/``closes_at`` in each service's
    local time."""
    from bot import clock

    match = knowledge.places.resolve(near)
    if match.place is None:
        return {
            "place": None,
            "query": near,
            "suggestions": [p.as_slot() for p in match.suggestions],
            "country": match.country or None,
            "results": [],
        }
    place = match.place
    result = knowledge.index.nearest(need, place.latitude, place.longitude, country=place.country)
    return {
        "place": place.as_slot(),
        "need": need,
        "radius_km": result.radius_km,
        "widened": result.widened,
        "at": clock.now().astimezone(place_zone(knowledge, place)).isoformat(timespec="minutes"),
        "results": [
            {
                "id": h.service.id,
                "name": h.service.name,
                "distance_km": round(h.distance_km, 2),
                **_status(h),
                "address": h.service.address,
                "phones": [p.number for p in h.service.phones],
                "hours": list(h.service.hours.text),
                "languages": list(h.service.languages),
                "cost": h.service.cost,
                "categories": list(h.service.categories),
                "sample": h.service.sample,
            }
            for h in result.hits
        ],
    }


def cmd_search(args: argparse.Namespace) -> int:
    from bot import clock

    knowledge = _search_knowledge(args)
    if knowledge is None:
        return 2
    if args.at:
        place = knowledge.places.resolve(args.near).place
        try:
            moment = place_moment(knowledge, place, args.at) if place else None
        except ValueError:
            print(f"--at '{args.at}' is not a time; write it as \"YYYY-MM-DD HH:MM\" (local time of the place)",
                  file=sys.stderr)
            return 2
        if moment is not None:
            with clock.frozen(moment):
                return _search(knowledge, args)
    return _search(knowledge, args)


def _search_knowledge(args: argparse.Namespace):
    from bot.knowledge.store import KnowledgeStore

    store = KnowledgeStore(_kb_dir(args.dir))
    knowledge = store.current()
    if store.last_problems and not knowledge.result.ok:
        print(f"warning: the knowledge folder has {len(knowledge.result.errors)} errors; run 'bot kb validate'",
              file=sys.stderr)
    if args.need not in knowledge.kb.categories:
        print(f"unknown category '{args.need}'; use one of: {', '.join(knowledge.kb.categories)}", file=sys.stderr)
        return None
    return knowledge


def _search(knowledge, args: argparse.Namespace) -> int:
    from bot.answers.services import services_page

    data = search_json(knowledge, args.need, args.near, args.lang)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0 if data["place"] else 1
    if data["place"] is None:
        names = ", ".join(f"{s['name']} ({s['country']})" for s in data["suggestions"]) or "none"
        print(f"unknown place '{args.near}'. Did you mean: {names}", file=sys.stderr)
        return 1
    from bot.places.gazetteer import Place

    place = Place.from_slot(data["place"])
    result = knowledge.index.nearest(args.need, place.latitude, place.longitude, country=place.country)
    reply, _ = services_page(knowledge.kb, result, place, 0, args.lang, "rest")
    print(reply.text)
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from bot.rasa_ext.store_config import tracker_store_from_endpoints

    store = tracker_store_from_endpoints(args.endpoints)
    days = args.days if args.days is not None else store.retention_days
    count = store.purge(days)
    print(f"purged {count} conversations older than {days} days")
    return 0


def cmd_set_webhook(args: argparse.Namespace) -> int:
    import asyncio

    from bot.channels.telegram import set_webhook

    token = os.environ.get("TELEGRAM_BOT_TOKEN", "")
    secret = os.environ.get("TELEGRAM_WEBHOOK_SECRET", "")
    if not token or not secret:
        print("set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET first", file=sys.stderr)
        return 2
    url = args.url.rstrip("/")
    if not url.endswith("/webhooks/telegram/webhook"):
        url += "/webhooks/telegram/webhook"
    ok = asyncio.run(set_webhook(url, token, secret, os.environ.get("TELEGRAM_API_URL", "")))
    print(f"webhook {'set' if ok else 'NOT set'}: {url}")
    return 0 if ok else 1


def cmd_place(args: argparse.Namespace) -> int:
    """What the bot understands as the place in a message, with the same evidence the bot uses."""
    from bot.knowledge.store import KnowledgeStore
    from bot.places.understand import understand
    from bot.safety.danger import check as danger_check

    knowledge = KnowledgeStore(_kb_dir(args.dir)).current()
    country = (args.country or "").upper()
    seen = understand(knowledge, args.text, phone_country=country, danger=danger_check(args.text) is not None,
                      lang=args.lang or "")
    data = seen.as_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    if seen.place is not None:
        p = data["place"]
        print(f"{p['name']}, {p['admin1'] or '-'}, {p['country']} ({p['latitude']}, {p['longitude']})"
              f"{'  [typo]' if seen.match.typo else ''}")
    elif seen.ask:
        print("would ask: " + "; ".join(f"{i}. {c['name']}, {c['admin1'] or '-'}, {c['country']}"
                                        for i, c in enumerate(data["ask"], 1)))
    else:
        print("no place understood")
    print(f"country: {data['country'] or 'unknown'}")
    return 0


def cmd_adduser(args: argparse.Namespace) -> int:
    from bot.handover.db import migrate

    migrate()
    from console.accounts.roles import add_user
    from console.audit.models import record

    try:
        password = add_user(args.name, args.role)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    record(None, f"adduser:{args.role}")
    print(f"account {args.name!r} ({args.role}) created. One-time password, to change at first login:")
    print(password)
    return 0


def cmd_handover_purge(args: argparse.Namespace) -> int:
    from bot.handover import store
    from bot.handover.db import migrate

    migrate()
    days = args.days if args.days is not None else int(os.environ.get("BOT_HANDOVER_RETENTION_DAYS", "30"))
    print(f"erased {store.purge(days)} handover messages older than {days} days")
    return 0


def _staff_tools(name: str):
    from bot.knowledge import staff

    return getattr(staff, name)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bot", description="Migrant help bot: knowledge, privacy and channel tools")
    sub = parser.add_subparsers(dest="group", required=True)

    kb = sub.add_parser("kb", help="the knowledge base").add_subparsers(dest="command", required=True)
    p = kb.add_parser("validate", help="check the knowledge folder; prints file:line: problem")
    p.add_argument("dir", nargs="?")
    p.set_defaults(func=cmd_validate)
    p = kb.add_parser("search", help="the nearest services of a category")
    p.add_argument("--need", required=True, help="category code, e.g. medical")
    p.add_argument("--near", required=True, help="a town, e.g. Tapachula")
    p.add_argument("--lang", default="es")
    p.add_argument("--json", action="store_true")
    p.add_argument("--at", help='what the bot would answer at "YYYY-MM-DD HH:MM", local time of the place')
    p.add_argument("--dir", help="knowledge folder (default BOT_KNOWLEDGE_DIR or knowledge/)")
    p.set_defaults(func=cmd_search)
    p = kb.add_parser("import", help="import a spreadsheet (CSV/XLSX) or an HSDS 3.0 package")
    p.add_argument("file")
    p.add_argument("--into", help="knowledge folder (default BOT_KNOWLEDGE_DIR or knowledge/)")
    p.set_defaults(func=lambda a: _staff_tools("cmd_import")(a))
    p = kb.add_parser("export", help="export as an HSDS 3.0 package or a spreadsheet")
    p.add_argument("--format", choices=("hsds", "xlsx"), required=True)
    p.add_argument("target")
    p.add_argument("--dir", help="knowledge folder")
    p.set_defaults(func=lambda a: _staff_tools("cmd_export")(a))
    p = kb.add_parser("template", help="write the spreadsheet template")
    p.add_argument("file")
    p.set_defaults(func=lambda a: _staff_tools("cmd_template")(a))
    p = kb.add_parser("report", help="services per town and category, stale entries, missing texts")
    p.add_argument("dir", nargs="?")
    p.set_defaults(func=lambda a: _staff_tools("cmd_report")(a))

    p = sub.add_parser("place", help="what the bot understands as the place in a message")
    p.add_argument("text")
    p.add_argument("--country", help="the country of the sender's phone number (ISO code, e.g. MX)")
    p.add_argument("--lang", help="the conversation's language (es, en, fr, ht, pt)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--dir", help="knowledge folder (default BOT_KNOWLEDGE_DIR or knowledge/)")
    p.set_defaults(func=cmd_place)

    privacy = sub.add_parser("privacy", help="data protection tasks").add_subparsers(dest="command", required=True)
    p = privacy.add_parser("purge", help="delete conversations older than the retention period")
    p.add_argument("--days", type=int, help="retention in days (default BOT_RETENTION_DAYS or 30)")
    p.add_argument("--endpoints", default="endpoints.yml")
    p.set_defaults(func=cmd_purge)

    telegram = sub.add_parser("telegram", help="Telegram set-up").add_subparsers(dest="command", required=True)
    p = telegram.add_parser("set-webhook", help="register the bot's webhook with its secret token")
    p.add_argument("url", help="the bot's public base URL (https://...)")
    p.set_defaults(func=cmd_set_webhook)

    console = sub.add_parser("console", help="the staff console").add_subparsers(dest="command", required=True)
    p = console.add_parser("adduser", help="create a staff account; prints a one-time password")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=("coordinator", "agent", "viewer"))
    p.set_defaults(func=cmd_adduser)
    p = console.add_parser("purge", help="erase handover texts older than BOT_HANDOVER_RETENTION_DAYS")
    p.add_argument("--days", type=int)
    p.set_defaults(func=cmd_handover_purge)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
