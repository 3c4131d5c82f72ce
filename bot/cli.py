"""The ``bot`` command: knowledge-base tools for staff, privacy tasks, Telegram set-up.

    bot kb validate [DIR]
    bot kb search --need CODE --near PLACE [--lang L] [--json]
    bot kb import FILE [--into DIR]          (CSV, XLSX, or an HSDS 3.0 package)
    bot kb export --format hsds DIR | --format xlsx FILE
    bot kb template FILE                     (a spreadsheet to fill in)
    bot kb report [DIR]
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


def search_json(knowledge, need: str, near: str, lang: str = "es") -> dict:
    """What ``bot kb search --json`` prints (also used by the tests to compare with the bot)."""
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
    result = knowledge.index.nearest(need, place.latitude, place.longitude)
    return {
        "place": place.as_slot(),
        "need": need,
        "radius_km": result.radius_km,
        "widened": result.widened,
        "results": [
            {
                "id": h.service.id,
                "name": h.service.name,
                "distance_km": round(h.distance_km, 2),
                "open_now": h.open_now,
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
    from bot.answers.services import services_page
    from bot.knowledge.store import KnowledgeStore

    store = KnowledgeStore(_kb_dir(args.dir))
    knowledge = store.current()
    if store.last_problems and not knowledge.result.ok:
        print(f"warning: the knowledge folder has {len(knowledge.result.errors)} errors; run 'bot kb validate'",
              file=sys.stderr)
    if args.need not in knowledge.kb.categories:
        print(f"unknown category '{args.need}'; use one of: {', '.join(knowledge.kb.categories)}", file=sys.stderr)
        return 2
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
    result = knowledge.index.nearest(args.need, place.latitude, place.longitude)
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
