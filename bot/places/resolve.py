"""Find the place a person means, in free text or from coordinates.

"estoy en tapachula chiapas", "cd juarez", "Necocli", "tapachla" (a typo) and a shared
location all end as a :class:`Place`. Matching is on folded text (no case, no accents) over
word n-grams, which is a dictionary look-up per n-gram: it stays fast with the 140,000 names of
the gazetteer. Typos are caught by fuzzy matching (rapidfuzz) against names of the same first
letter. Short words that are also town names ("Salud", "Comer") only count as places when the
message is little more than the name, or a preposition ("en", "in", "nan", "em") comes before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.knowledge.model import KnowledgeBase
from bot.places.gazetteer import Gazetteer, Place, haversine_km
from bot.textnorm import fold

MAX_WORDS = 5
# A shared location is kept (place slot) to 2 decimals, about 1 km: enough to rank services,
# too coarse to find the person's door.
COORDINATE_DECIMALS = 2
# Words after which a town name is expected.
CUES = frozenset(
    "en a al de del desde hacia cerca por para in at near to from around vers dans pres nan lan bo kot "
    "em no na perto aqui ici isit".split()
)
# Abbreviations people type for the first word of a town name.
ABBREVIATIONS = {"cd": "ciudad", "cdad": "ciudad", "sta": "santa", "sto": "santo", "sn": "san", "pto": "puerto", "st": "saint"}
# Common words of the five languages that are also the names of small towns somewhere.
COMMON_WORDS = frozenset(
    """
    hola buenas buenos dias tardes noches gracias ayuda ayudar necesito necesita quiero busco donde hay
    un una unos unas el la los las lo le les mi mis tu su sus y o que como cuando cual quien por para con sin
    en de del al a ya si no mas menos muy bien mal aqui alla ahi esta estoy estamos hoy manana ahora
    doctor doctora medico medica hospital clinica salud comida comer agua casa albergue refugio dormir
    abogado familia hijo hija hijos madre padre mama papa nino nina ninos bebe mujer mujeres hombre amigo
    trabajo dinero papeles documentos asilo migracion policia frontera camino calle parque centro iglesia
    esperanza victoria paz libertad union progreso providencia concordia fe gloria luz sol mar rio playa
    hello help need want where food water shelter doctor home house family child children mother father
    please thanks thank yes no more menu language hi good morning night stay sleep work money lawyer
    bonjou bonswa mwen bezwen kote manje dlo doktè doktè fanmi pitit mesi wi non tanpri lopital kay
    bonjour salut aide besoin manger eau maison famille enfant merci oui non plus menu langue medecin avocat
    ola oi obrigado obrigada ajuda preciso comida agua casa familia filho filha sim nao mais menu idioma
    medico advogado abrigo onde tem quero para
    estou estava estamos fico moro cheguei chegamos llegue llegamos ando andamos vivo quedo rive ye suis sommes
    arrive arrivee arrives vers estoy aca perto cerca near here there nearby alguien someone
    asile asilo azil refuge refugio refugiado refugie abri hopital medecin migracion migration imigrasyon
    derecho derechos droit droits dwa direitos rights deportacion deportation avocat
    proteccion protection protecao pwoteksyon alimentacion alimentation nourriture alimentacao higiene hygiene
    atencion soins swen atendimento apoyo soutien sipo apoio legal juridico juridique jiridik telefono telephone
    internet wifi emergencia emergency urgence ijans urgencia violencia violence vyolans ninez enfance
    """.split()
)
ARTICLES = frozenset("l la le les el los las lo o os a as the un une uno una".split())


def is_common(gram: str) -> bool:
    """Whether a word sequence is only common words (articles aside): "l asile", "la esperanza"."""
    words = gram.split()
    while words and words[0] in ARTICLES:
        words = words[1:]
    return not words or all(w in COMMON_WORDS for w in words)


@dataclass
class PlaceMatch:
    """What the text says about a place."""

    place: Place | None = None  # the place understood, when there is one clear answer
    mention: str = ""  # the words that named it (or that looked like a place name)
    suggestions: list[Place] = field(default_factory=list)  # "did you mean ...?"
    country: str = ""  # a country named in the text ("en mexico"), ISO code
    typo: bool = False  # the place was found despite a typo


class PlaceResolver:
    """Resolves places against the gazetteer plus the knowledge base's own places and aliases."""

    def __init__(self, gazetteer: Gazetteer, kb: KnowledgeBase):
        self.gazetteer = gazetteer
        self.kb = kb
        self.extra: dict[str, list[Place]] = {}
        self.countries: dict[str, str] = {}
        self._service_cells: set[tuple[int, int]] = set()
        for s in kb.services:
            self._service_cells.add((round(s.latitude * 2), round(s.longitude * 2)))
        for code, country in kb.countries.items():
            for name in country.name.values():
                self.countries[fold(name)] = code
        for alias, code in (("eeuu", "US"), ("ee uu", "US"), ("usa", "US"), ("estados unidos", "US"),
                            ("eua", "US"), ("etazini", "US"), ("etats unis", "US"), ("mexico", "MX")):
            self.countries.setdefault(alias, code)
        for p in kb.places:
            if p.alias_of:
                targets = self._lookup_gazetteer(fold(p.alias_of), p.country)
                if targets:
                    self.extra.setdefault(fold(p.name), []).extend(targets)
                continue
            tz = p.timezone
            if not tz:
                near = gazetteer.nearest(p.latitude, p.longitude)
                tz = near.timezone if near else ""
            place = Place(p.name, p.country, p.latitude, p.longitude, tz, 0, p.admin1, p.kind or "stop")
            for name in (p.name, *p.aliases):
                self.extra.setdefault(fold(name), []).append(place)
        self._fuzzy_names: dict[str, list[str]] | None = None

    # --- look-ups --------------------------------------------------------------------------
    def _lookup_gazetteer(self, name: str, country: str = "") -> list[Place]:
        found = self.gazetteer.by_name.get(name, [])
        if country:
            found = [p for p in found if p.country == country] or []
        return found

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name`` (folded), best first."""
        found = list(self.extra.get(name, ())) + list(self.gazetteer.by_name.get(name, ()))
        return found

    def _rank(self, places: list[Place], country_hint: str) -> list[Place]:
        def score(p: Place) -> tuple:
            served = (round(p.latitude * 2), round(p.longitude * 2)) in self._service_cells
            return (p.kind != "town" and p.population == 0, served, p.country == country_hint, p.population)

        unique: dict[str, Place] = {}
        for p in places:  # the gazetteer lists the biggest town of a name first: keep it
            unique.setdefault(p.key, p)
        return sorted(unique.values(), key=score, reverse=True)

    def has_services_near(self, place: Place) -> bool:
        return (round(place.latitude * 2), round(place.longitude * 2)) in self._service_cells

    # --- resolving ---------------------------------------------------------------------
    def resolve(self, text: str, country_hint: str = "", expect_place: bool = False) -> PlaceMatch:
        """The place named in ``text``; ``PlaceMatch.place`` is None when there is none.

        ``expect_place`` says the bot has just asked where the person is: then a short message
        is read as a place name even without a preposition, and typos get suggestions.
        """
        raw = fold(text[:500]).split()
        # "cd juarez" -> "ciudad juarez": an abbreviation only when a name follows it
        words = [ABBREVIATIONS.get(w, w) if i + 1 < len(raw) else w for i, w in enumerate(raw)]
        if not words:
            return PlaceMatch()
        short = len([w for w in words if w not in COMMON_WORDS]) <= (4 if expect_place else 2)
        match = PlaceMatch()
        country_words: set[int] = set()
        for n in (3, 2, 1):  # countries first: "asilo en mexico" names a country, not a town
            for i in range(len(words) - n + 1):
                code = self.countries.get(" ".join(words[i : i + n]))
                if code and not country_words & set(range(i, i + n)):
                    match.country = match.country or code
                    country_words.update(range(i, i + n))
        best: tuple[int, int, list[Place], str] | None = None  # (n words, start, places, mention)
        for n in range(min(MAX_WORDS, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                if country_words & set(range(i, i + n)) and len(country_words & set(range(i, i + n))) == n:
                    continue
                gram = " ".join(words[i : i + n])
                cued = i > 0 and words[i - 1] in CUES
                common = is_common(gram)
                if common and not cued:
                    continue
                found = self.candidates(gram)
                if common:  # "en la esperanza": a real town, if it is a sizeable one
                    found = [p for p in found if p.population >= 5000 or p.population == 0]
                if not found:
                    continue
                big = max(p.population for p in found) >= 50_000 or any(p.population == 0 for p in found)
                if n == 1 and not (cued or short or big) or n == 1 and len(gram) < 3:
                    continue
                if best is None or n > best[0]:
                    best = (n, i, found, gram)
            if best:
                break
        if best and match.country and all(p.country != match.country for p in best[2]) and best[0] == 1:
            best = None  # "... en Mexico" with a one-word village elsewhere: the country wins
        if best:
            ranked = self._rank(best[2], match.country or country_hint)
            match.place, match.mention = ranked[0], best[3]
            match.suggestions = ranked[1:4]
            return match
        return self._fuzzy(words, short and expect_place, match, country_hint)

    def _fuzzy(self, words: list[str], short: bool, match: PlaceMatch, country_hint: str) -> PlaceMatch:
        queries: list[str] = []
        for i, w in enumerate(words):
            if w in COMMON_WORDS or not ((i > 0 and words[i - 1] in CUES) or short):
                continue
            for n in (3, 2, 1):
                if i + n <= len(words):
                    queries.append(" ".join(words[i : i + n]))
        queries = [
            q for q in dict.fromkeys(queries)
            if len(q) >= 5 and q not in COMMON_WORDS and q.split()[0] not in self.countries
        ]
        if not queries:
            return match
        names = self._names_by_letter()
        scored: list[tuple[float, Place, str]] = []
        for q in queries[:6]:
            pool = names.get(q[0], [])
            cutoff = 86 if len(q) <= 6 else 80  # one letter in five is too loose a match
            for name, score, _ in process.extract(q, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5):
                for place in self.candidates(name)[:3]:
                    scored.append((score, place, q))
        if not scored:
            return match
        scored.sort(key=lambda t: (round(t[0]), self.has_services_near(t[1]), t[1].population), reverse=True)
        seen: dict[str, Place] = {}
        for _, place, _ in scored:
            seen.setdefault(place.key, place)
        ordered = list(seen.values())
        top_score, top, query = scored[0]
        match.mention = query
        if top_score >= 88 and (self.has_services_near(top) or top.population >= 20_000 or top.kind != "town"):
            match.place, match.typo = top, True
            match.suggestions = ordered[1:4]
        else:
            match.suggestions = ordered[:4]
        return match

    def _names_by_letter(self) -> dict[str, list[str]]:
        if self._fuzzy_names is None:
            buckets: dict[str, list[str]] = {}
            for name in list(self.extra) + list(self.gazetteer.by_name):
                if len(name) >= 4:
                    buckets.setdefault(name[0], []).append(name)
            self._fuzzy_names = buckets
        return self._fuzzy_names

    def at(self, lat: float, lon: float) -> Place:
        """The place for a shared location: the nearest known stop or town, at the point rounded
        to :data:`COORDINATE_DECIMALS` (about 1 km): nothing more precise is ever kept."""
        lat, lon = round(lat, COORDINATE_DECIMALS), round(lon, COORDINATE_DECIMALS)
        best: Place | None = None
        best_d = 5.0  # a stop staff added, when the person is at it
        for places in self.extra.values():
            for p in places:
                d = haversine_km(lat, lon, p.latitude, p.longitude)
                if d < best_d and p.kind != "town":
                    best, best_d = p, d
        town = best or self.gazetteer.nearest(lat, lon)
        name = town.name if town else f"{lat:.2f}, {lon:.2f}"
        country = town.country if town else ""
        tz = town.timezone if town else ""
        return Place(name, country, lat, lon, tz, 0, "", "shared_location")
