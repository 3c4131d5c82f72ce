from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot import clock
from bot.knowledge.hours import parse_hours
from bot.knowledge.model import KnowledgeBase, Service
from bot.knowledge.search import ServiceIndex
from bot.places.gazetteer import get_gazetteer, haversine_km

MX = ZoneInfo("America/Mexico_City")
TAPACHULA = (14.90541, -92.25891)


def local(day: int, hh: int, mm: int = 0) -> datetime:
    """A moment in Tapachula's time; 2026-11-30 is a Monday."""
    return datetime(2026, 11, 30, hh, mm, tzinfo=MX) + timedelta(days=day)


def service(sid: str, km_north: float, hours: list[str] | None, category: str = "medical") -> Service:
    return Service(id=sid, name=sid, categories=(category,), latitude=TAPACHULA[0] + km_north / 111.2,
                   longitude=TAPACHULA[1], country="MX", hours=parse_hours(hours), timezone="America/Mexico_City")


def order(services: list[Service], at: datetime, category: str = "medical") -> list[str]:
    with clock.frozen(at):
        return [h.service.id for h in ServiceIndex(KnowledgeBase(services=services)).nearest(category, *TAPACHULA).hits]


def test_every_hit_has_its_distance_and_the_nearest_group_comes_first(knowledge):
    place = knowledge.places.resolve("Tapachula").place
    result = knowledge.index.nearest("medical", place.latitude, place.longitude)
    assert len(result.hits) >= 3
    near = max(2 * min(h.distance_km for h in result.hits), 5.0)
    assert all(h.distance_km <= near for h in result.hits[:3])
    for hit in result.hits:
        assert "medical" in hit.service.categories
        assert abs(haversine_km(place.latitude, place.longitude, hit.service.latitude, hit.service.longitude) - hit.distance_km) < 1e-6
    assert not result.widened


def test_widens_radius_honestly(knowledge):
    # Huixtla is ~40 km from Tapachula and has no services of its own in the sample data
    place = knowledge.places.resolve("Huixtla").place
    result = knowledge.index.nearest("shelter", place.latitude, place.longitude)
    assert result.widened and result.radius_km > 25
    assert result.hits and result.hits[0].distance_km > 25


def test_open_now_uses_the_services_time_zone(knowledge):
    service = next(s for s in knowledge.kb.services if s.hours.known and not s.hours.always)
    index: ServiceIndex = knowledge.index
    zone = index.zone_of(service)
    assert zone is not None
    answers = {index.open_now(service, datetime(2026, 11, 23, h, 0, tzinfo=timezone.utc)) for h in range(24)}
    assert answers == {True, False}


def test_scales_to_many_services():
    import random

    from bot.knowledge.model import KnowledgeBase, Service

    rnd = random.Random(1)
    services = [Service(id=f"s{i}", name=f"S{i}", categories=("food",), latitude=rnd.uniform(-30, 30),
                        longitude=rnd.uniform(-110, -40), country="MX") for i in range(20000)]
    index = ServiceIndex(KnowledgeBase(services=services), get_gazetteer())
    result = index.nearest("food", 14.9, -92.26)
    brute = sorted(services, key=lambda s: haversine_km(14.9, -92.26, s.latitude, s.longitude))[:3]
    assert [h.service.id for h in result.hits[:3]] == [s.id for s in brute]


DAYTIME = ["Mo-Fr 08:00-17:00"]


def test_open_first_then_unknown_then_closed_each_nearest_first():
    services = [service("closed-near", 0.2, ["Sa 08:00-12:00"]), service("unknown", 0.5, None),
                service("open-far", 2.0, DAYTIME), service("open-near", 1.0, DAYTIME),
                service("closed-far", 3.0, ["Su 08:00-12:00"])]
    assert order(services, local(0, 10)) == ["open-near", "open-far", "unknown", "closed-near", "closed-far"]


def test_farther_services_keep_the_distance_order():
    # the nearest is 3 km away, so "near" reaches 6 km; an open service at 8 km does not jump ahead
    services = [service("closed-3km", 3.0, ["Sa 08:00-12:00"], "food"), service("open-8km", 8.0, DAYTIME, "food"),
                service("closed-9km", 9.0, ["Sa 08:00-12:00"], "food"), service("open-5km", 5.0, DAYTIME, "food")]
    assert order(services, local(0, 10), "food") == ["open-5km", "closed-3km", "open-8km", "closed-9km"]


@pytest.mark.parametrize("category, first", [("medical", "hospital-24h"), ("shelter", "hospital-24h"),
                                             ("protection", "hospital-24h"), ("food", "closed-1")])
def test_where_waiting_harms_a_24h_service_is_never_behind_closed_ones(category, first):
    services = [service(f"closed-{i}", 0.1 * i, DAYTIME, category) for i in range(1, 6)]
    services.append(service("hospital-24h", 15.0, ["24/7"], category))
    ids = order(services, local(0, 3), category)
    assert ids[0] == first
    assert ids.index("hospital-24h") == (0 if first == "hospital-24h" else 5)


def test_at_three_in_tapachula_the_emergency_department_comes_first(knowledge):
    with clock.frozen(local(0, 3)):
        hits = knowledge.index.nearest("medical", *TAPACHULA).hits
    assert hits[0].service.hours.always and hits[0].open_now
    assert all(h.open_now is False and h.change is not None for h in hits[1:])  # each says when it opens


def test_at_ten_on_a_weekday_the_nearest_open_ones_come_first(knowledge):
    with clock.frozen(local(0, 10)):
        hits = knowledge.index.nearest("medical", *TAPACHULA).hits
    open_ones = [h for h in hits if h.open_now]
    assert len(open_ones) >= 2 and hits[: len(open_ones)] == open_ones
    assert [h.distance_km for h in open_ones] == sorted(h.distance_km for h in open_ones)
    assert not hits[0].service.hours.always  # a nearer clinic before the hospital


def test_a_temporary_closure_stops_counting_the_day_after_it_ends():
    clinic = service("clinic", 0.3, ["Mo-Sa 08:00-20:00", "2026-12-01..2026-12-03 closed"])
    other = service("other", 1.0, ["Mo-Sa 08:00-20:00"])
    last_day, day_after = local(3, 10), local(4, 10)
    with clock.frozen(last_day):
        hit = ServiceIndex(KnowledgeBase(services=[clinic])).nearest("medical", *TAPACHULA).hits[0]
    assert hit.open_now is False and hit.change == local(4, 8).replace(tzinfo=None)
    assert order([clinic, other], last_day) == ["other", "clinic"]
    assert order([clinic, other], day_after) == ["clinic", "other"]


def test_open_now_changes_with_the_clock_not_the_real_time():
    clinic = service("clinic", 0.3, DAYTIME)
    index = ServiceIndex(KnowledgeBase(services=[clinic]))
    with clock.frozen(local(0, 10)):
        assert index.open_now(clinic) is True
    with clock.frozen(local(0, 10) + timedelta(hours=8)):
        assert index.open_now(clinic) is False


def test_a_search_in_a_country_never_crosses_the_border(knowledge):
    """El Paso, Texas: the sample medical services sit 8 km away in Ciudad Juárez, Mexico, out of
    reach for a person in the US. With the country given none of them is offered."""
    el_paso = next(p for p in knowledge.places.candidates("el paso") if p.country == "US")
    anywhere = knowledge.index.nearest("medical", el_paso.latitude, el_paso.longitude)
    assert anywhere.hits and {h.service.country for h in anywhere.hits[:3]} == {"MX"}
    in_us = knowledge.index.nearest("medical", el_paso.latitude, el_paso.longitude, country="US")
    assert all(h.service.country == "US" for h in in_us.hits)
