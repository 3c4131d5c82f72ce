"""Find the services of a category around a point, in the order that serves the person now.

Services sit in a grid of cells per category, so a search looks only at the cells around the
point: it stays in the millisecond range with 100,000 services. When nothing is near, the radius
widens step by step and the result says so, so the answer can be honest about the distance.

The order (:func:`rank`) is THE order: the bot, ``bot kb search`` and the REST reply all show
``SearchResult.hits`` as they are. Among the services within a short way of the nearest one,
those open now come first, then those with unknown hours, then the closed ones, each group
nearest first; farther ones follow by distance. At 3 a.m. the person reads first what they can
use, and still sees every distance.

A search given the person's country stays in it: a service 8 km away across a border (El Paso
from Ciudad Juárez, Tecún Umán from Ciudad Hidalgo) is out of reach for most people on the move.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import clock
from bot.knowledge.model import KnowledgeBase, Service
from bot.places.gazetteer import Gazetteer, haversine_km

CELL_DEG = 0.25
RADII_KM = (25.0, 100.0, 300.0, 1000.0)
MAX_RESULTS = 30


# Services this much farther than the nearest one still count as "near" for the open-first order:
# twice its distance, and at least 5 km (a short bus ride in a town).
NEAR_FACTOR = 2.0
NEAR_MIN_KM = 5.0
# Where waiting is harmful, a service open 24 hours counts as near at any distance in the result,
# so closed services never push it off the first page.
URGENT_CATEGORIES = ("medical", "shelter", "protection")
_STATUS_ORDER = {True: 0, None: 1, False: 2}


@dataclass(frozen=True)
class Hit:
    service: Service
    distance_km: float
    open_now: bool | None  # None when the hours are not known
    # Local time (naive, the service's zone) when it closes if open, or opens if closed; None if
    # not within reach (open around the clock, or closed with no opening in sight).
    change: datetime | None = None
    local_now: datetime | None = None  # the moment of the search, in the service's zone


def rank(hits: list[Hit], category: str) -> list[Hit]:
    """Hits (nearest first) in the order to show them: see the module's docstring."""
    if not hits:
        return hits
    limit = max(NEAR_FACTOR * hits[0].distance_km, NEAR_MIN_KM)

    def near(h: Hit) -> bool:
        return h.distance_km <= limit or (category in URGENT_CATEGORIES and h.open_now is True and h.service.hours.always)

    first = sorted((h for h in hits if near(h)), key=lambda h: _STATUS_ORDER[h.open_now])  # stable: nearest first
    return first + [h for h in hits if not near(h)]


@dataclass
class SearchResult:
    category: str
    hits: list[Hit] = field(default_factory=list)  # every match within radius_km, in rank() order
    radius_km: float = RADII_KM[0]
    widened: bool = False  # nothing was within the first radius

    def page(self, number: int, size: int = 3) -> list[Hit]:
        return self.hits[number * size : (number + 1) * size]


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


class ServiceIndex:
    """The services of a knowledge base, indexed by category and grid cell."""

    def __init__(self, kb: KnowledgeBase, gazetteer: Gazetteer | None = None):
        self.kb = kb
        self._cells: dict[str, dict[tuple[int, int], list[Service]]] = {}
        self._zones: dict[str, ZoneInfo | None] = {}
        zone_by_cell: dict[tuple[int, int], str] = {}
        zones: dict[str, ZoneInfo | None] = {}
        for s in kb.services:
            cell = self.cell(s.latitude, s.longitude)
            for category in s.categories:
                self._cells.setdefault(category, {}).setdefault(cell, []).append(s)
            tz = s.timezone
            if not tz and gazetteer is not None:
                coarse = (math.floor(s.latitude * 2), math.floor(s.longitude * 2))
                if coarse not in zone_by_cell:
                    town = gazetteer.nearest(s.latitude, s.longitude)
                    zone_by_cell[coarse] = town.timezone if town else ""
                tz = zone_by_cell[coarse]
            if not tz and s.country in kb.countries:
                tz = kb.countries[s.country].timezone
            if tz not in zones:
                zones[tz] = _zone(tz)
            self._zones[s.id] = zones[tz]

    @staticmethod
    def cell(lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG))

    def zone_of(self, service: Service) -> ZoneInfo | None:
        return self._zones.get(service.id)

    def local_time(self, service: Service, now: datetime | None = None) -> datetime:
        """``now`` (default: the clock) in the service's time zone, naive."""
        zone = self._zones.get(service.id)
        now = now or clock.now()
        return (now.astimezone(zone) if zone else now).replace(tzinfo=None)

    def open_now(self, service: Service, now: datetime | None = None) -> bool | None:
        status = service.hours.status(self.local_time(service, now))
        return None if status is None else status.open

    def hit(self, service: Service, distance_km: float, now: datetime, local: datetime | None = None) -> Hit:
        local = local or self.local_time(service, now)
        status = service.hours.status(local)
        if status is None:
            return Hit(service, distance_km, None, None, local)
        return Hit(service, distance_km, status.open, status.change, local)

    def _within(
        self, category: str, lat: float, lon: float, radius_km: float, country: str | None = None
    ) -> list[tuple[float, Service]]:
        cells = self._cells.get(category)
        if not cells:
            return []
        dlat = radius_km / 111.0
        dlon = radius_km / (111.0 * max(0.05, math.cos(math.radians(lat))))
        i0, j0 = self.cell(lat - dlat, lon - dlon)
        i1, j1 = self.cell(lat + dlat, lon + dlon)
        found = []
        if (i1 - i0 + 1) * (j1 - j0 + 1) > len(cells):  # a wide search: walk the occupied cells
            keys = [k for k in cells if i0 <= k[0] <= i1 and j0 <= k[1] <= j1]
        else:
            keys = [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]
        for key in keys:
            for s in cells.get(key, ()):
                if country and s.country != country:
                    continue
                d = haversine_km(lat, lon, s.latitude, s.longitude)
                if d <= radius_km:
                    found.append((d, s))
        return found

    def nearest(
        self,
        category: str,
        lat: float,
        lon: float,
        now: datetime | None = None,
        radii: tuple[float, ...] = RADII_KM,
        country: str | None = None,
    ) -> SearchResult:
        """Services of ``category`` near (lat, lon) in :func:`rank` order at ``now`` (default: the clock),
        widening the radius until some are found; only in ``country`` when it is given."""
        now = now or clock.now()
        for step, radius in enumerate(radii):
            found = self._within(category, lat, lon, radius, country)
            if found:
                found.sort(key=lambda t: (t[0], t[1].id))
                by_zone: dict[ZoneInfo | None, datetime] = {}  # one conversion per zone, not per service
                hits = []
                for d, s in found[:MAX_RESULTS]:
                    zone = self._zones.get(s.id)
                    if zone not in by_zone:
                        by_zone[zone] = self.local_time(s, now)
                    hits.append(self.hit(s, d, now, by_zone[zone]))
                return SearchResult(category, rank(hits, category), radius, widened=step > 0)
        return SearchResult(category, [], radii[-1], widened=True)
