"""``bot kb ...`` and ``bot place``: the knowledge-base commands for staff."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot import clock
from bot.exchange.tabular import describe
from bot.knowledge.store import default_knowledge_dir
from bot.knowledge.yamlsrc import Problem


def kb_dir(value: str | None) -> Path:
    """The knowledge folder a command works on: the one given, else ``BOT_KNOWLEDGE_DIR`` or knowledge/."""
    return Path(value) if value else default_knowledge_dir()


def cmd_validate(args: argparse.Namespace) -> int:
    from bot.knowledge.loader import STALE_AFTER_DAYS, load_knowledge
    from bot.knowledge.report import past_review
    from bot.places.gazetteer import get_gazetteer

    root = kb_dir(args.dir)
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

    store = KnowledgeStore(kb_dir(args.dir))
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


def cmd_place(args: argparse.Namespace) -> int:
    """What the bot understands as the place in a message, with the same evidence the bot uses."""
    from bot.knowledge.store import KnowledgeStore
    from bot.places.understand import understand
    from bot.safety.alarm import alarm as danger_check

    knowledge = KnowledgeStore(kb_dir(args.dir)).current()
    country = (args.country or "").upper()
    from bot.language.detect import detect

    # as the bot does on a conversation's first message: the language the message is written in, if clear
    seen = understand(knowledge, args.text, phone_country=country, danger=danger_check(args.text) is not None,
                      lang=args.lang or detect(args.text).lang or "")
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


def _print_problems(problems: list[Problem]) -> None:
    for p in sorted(problems, key=lambda p: (p.file, p.line)):
        print(describe(p))


def cmd_import(args: argparse.Namespace) -> int:
    into = kb_dir(getattr(args, "into", None))
    from bot.exchange.importer import import_file

    outcome = import_file(Path(args.file), into)
    _print_problems(outcome.problems)
    errors, warnings = len(outcome.problems.errors), len(outcome.problems.warnings)
    if not outcome.ok:
        sys.stdout.flush()
        print(f"NOT imported: {errors} errors, {warnings} warnings. Nothing was written; fix the rows above and "
              "import again.", file=sys.stderr)
        return 1
    print(f"OK: {len(outcome.created) + len(outcome.updated)} services imported into {outcome.target} "
          f"({len(outcome.created)} new, {len(outcome.updated)} updated, {len(outcome.removed)} removed); "
          f"{warnings} warnings. Review the file, check with 'bot kb validate {into}', and commit it to publish.")
    return 0


# --- export and template -------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    from bot.exchange import spreadsheet
    from bot.exchange.hsds.validate import validate_package
    from bot.exchange.hsds.write import NOT_HELD, export_package

    root = kb_dir(getattr(args, "dir", None))
    from bot.knowledge.loader import load_knowledge
    from bot.places.gazetteer import get_gazetteer

    result = load_knowledge(root, get_gazetteer())
    if not result.ok:
        _print_problems(result.errors)
        print(f"NOT exported: the knowledge folder {root} has {len(result.errors)} errors; fix them first "
              "(bot kb validate)", file=sys.stderr)
        return 1
    target = Path(args.target)
    if args.format == "hsds":
        outcome = export_package(result.kb, target, clock.today())
        for note in outcome.notes:
            print(f"note: {note}")
        problems = [p for p in validate_package(target) if not (p.code == "missing" and p.field in NOT_HELD)]
        _print_problems(problems)
        left = f"; {outcome.left_out_samples} sample services left out" if outcome.left_out_samples else ""
        print(f"{'OK' if not problems else 'WITH PROBLEMS'}: {outcome.services} services written to {target} as an "
              f"HSDS 3.0 package{left}")
        return 0 if not problems else 1
    if target.suffix.lower() == ".csv":
        count = spreadsheet.export_csv(result.kb, target)
    elif target.suffix.lower() in (".xlsx", ".xlsm"):
        count = spreadsheet.export_xlsx(result.kb, target)
    else:
        print(f"{target}: give a file name ending in .xlsx (or .csv)", file=sys.stderr)
        return 2
    print(f"OK: {count} services written to {target}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from bot.exchange import spreadsheet

    path = Path(args.file)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        print(f"{path}: give a file name ending in .xlsx or .csv", file=sys.stderr)
        return 2
    if path.exists():
        print(f"{path}: already exists; give a new file name (so a filled sheet is never overwritten)", file=sys.stderr)
        return 1
    spreadsheet.write_template(path)
    print(f"OK: wrote {path} with the columns {', '.join(spreadsheet.COLUMN_NAMES)}. Required: "
          f"{', '.join(spreadsheet.REQUIRED)}. See docs/staff-guide.md.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    root = kb_dir(getattr(args, "dir", None))
    if not root.is_dir():
        print(f"{root}: the knowledge folder does not exist; check the path or BOT_KNOWLEDGE_DIR", file=sys.stderr)
        return 2
    from bot.knowledge.report import report

    print(report(root), end="")
    try:  # the console's aggregate counts, when its database is there (the same table as /reports/)
        from bot.handover.db import ready

        ready()
        from bot.knowledge.loader import load_knowledge
        from console.reports import needs_text, reported_text

        print("\n" + needs_text(), end="")
        print("\n" + reported_text(load_knowledge(root).kb.services), end="")
    except Exception as exc:
        print(f"\n(needs per town: the console's database cannot be read: {type(exc).__name__})")
    return 0
