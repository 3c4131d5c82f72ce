"""``bot privacy``, ``bot telegram`` and ``bot console``: tasks of whoever runs the bot."""

from __future__ import annotations

import argparse
import os
import sys


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


