"""Office hours of the people who answer, from the ``handover`` block of ``knowledge/deployment.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from bot.knowledge.store import default_knowledge_dir

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Hours:
    days: tuple[int, ...]
    opens: time
    closes: time
    zone: ZoneInfo

    def is_open(self, now: datetime) -> bool:
        local = now.astimezone(self.zone)
        return local.weekday() in self.days and self.opens <= local.time() < self.closes

    def next_opening(self, now: datetime) -> datetime:
        """The next moment the office opens (``now`` if it is open)."""
        if self.is_open(now):
            return now
        local = now.astimezone(self.zone)
        for add in range(8):
            day = (local + timedelta(days=add)).date()
            start = datetime.combine(day, self.opens, self.zone)
            if day.weekday() in self.days and start > local:
                return start
        return local


def load(knowledge_dir: Path | None = None) -> Hours:
    path = (knowledge_dir or default_knowledge_dir()) / "deployment.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    block = doc.get("handover") or {}
    days = tuple(DAYS.index(d) for d in block.get("days", DAYS[:5]))
    return Hours(
        days=days,
        opens=time.fromisoformat(str(block.get("opens", "09:00"))),
        closes=time.fromisoformat(str(block.get("closes", "17:00"))),
        zone=ZoneInfo(str(block.get("timezone", "America/Mexico_City"))),
    )


def organisation(knowledge_dir: Path | None = None) -> str:
    """The deployment's name (``organization.name``), for a process that does not load the knowledge."""
    path = (knowledge_dir or default_knowledge_dir()) / "deployment.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    org = doc.get("organization")
    return str(org.get("name", "") if isinstance(org, dict) else org or "")
