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

from bot.cli import admin, kb
from bot.cli.kb import search_json  # noqa: F401 - the tests compare the bot's answers with it


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bot", description="Migrant help bot: knowledge, privacy and channel tools")
    sub = parser.add_subparsers(dest="group", required=True)

    kbs = sub.add_parser("kb", help="the knowledge base").add_subparsers(dest="command", required=True)
    p = kbs.add_parser("validate", help="check the knowledge folder; prints file:line: problem")
    p.add_argument("dir", nargs="?")
    p.set_defaults(func=kb.cmd_validate)
    p = kbs.add_parser("search", help="the nearest services of a category")
    p.add_argument("--need", required=True, help="category code, e.g. medical")
    p.add_argument("--near", required=True, help="a town, e.g. Tapachula")
    p.add_argument("--lang", default="es")
    p.add_argument("--json", action="store_true")
    p.add_argument("--at", help='what the bot would answer at "YYYY-MM-DD HH:MM", local time of the place')
    p.add_argument("--dir", help="knowledge folder (default BOT_KNOWLEDGE_DIR or knowledge/)")
    p.set_defaults(func=kb.cmd_search)
    p = kbs.add_parser("import", help="import a spreadsheet (CSV/XLSX) or an HSDS 3.0 package")
    p.add_argument("file")
    p.add_argument("--into", help="knowledge folder (default BOT_KNOWLEDGE_DIR or knowledge/)")
    p.set_defaults(func=kb.cmd_import)
    p = kbs.add_parser("export", help="export as an HSDS 3.0 package or a spreadsheet")
    p.add_argument("--format", choices=("hsds", "xlsx"), required=True)
    p.add_argument("target")
    p.add_argument("--dir", help="knowledge folder")
    p.set_defaults(func=kb.cmd_export)
    p = kbs.add_parser("template", help="write the spreadsheet template")
    p.add_argument("file")
    p.set_defaults(func=kb.cmd_template)
    p = kbs.add_parser("report", help="services per town and category, stale entries, missing texts")
    p.add_argument("dir", nargs="?")
    p.set_defaults(func=kb.cmd_report)

    p = sub.add_parser("place", help="what the bot understands as the place in a message")
    p.add_argument("text")
    p.add_argument("--country", help="the country of the sender's phone number (ISO code, e.g. MX)")
    p.add_argument("--lang", help="the conversation's language (es, en, fr, ht, pt); default: the message's, as the bot detects it")
    p.add_argument("--json", action="store_true")
    p.add_argument("--dir", help="knowledge folder (default BOT_KNOWLEDGE_DIR or knowledge/)")
    p.set_defaults(func=kb.cmd_place)

    privacy = sub.add_parser("privacy", help="data protection tasks").add_subparsers(dest="command", required=True)
    p = privacy.add_parser("purge", help="delete conversations older than the retention period")
    p.add_argument("--days", type=int, help="retention in days (default BOT_RETENTION_DAYS or 30)")
    p.add_argument("--endpoints", default="endpoints.yml")
    p.set_defaults(func=admin.cmd_purge)

    telegram = sub.add_parser("telegram", help="Telegram set-up").add_subparsers(dest="command", required=True)
    p = telegram.add_parser("set-webhook", help="register the bot's webhook with its secret token")
    p.add_argument("url", help="the bot's public base URL (https://...)")
    p.set_defaults(func=admin.cmd_set_webhook)

    console = sub.add_parser("console", help="the staff console").add_subparsers(dest="command", required=True)
    p = console.add_parser("adduser", help="create a staff account; prints a one-time password")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=("coordinator", "agent", "viewer"))
    p.set_defaults(func=admin.cmd_adduser)
    p = console.add_parser("purge", help="erase handover texts older than BOT_HANDOVER_RETENTION_DAYS")
    p.add_argument("--days", type=int)
    p.set_defaults(func=admin.cmd_handover_purge)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)

