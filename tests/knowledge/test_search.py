from datetime import datetime, timezone

from bot.knowledge.search import ServiceIndex
from bot.places.gazetteer import get_gazetteer, haversine_km


def test_nearest_first_with_distances(knowledge):
    place = knowledge.places.resolve("Tapachula").place
    result = knowledge.index.nearest("medical", place.latitude, place.longitude)
    assert len(result.hits) >= 3
    distances = [h.distance_km for h in result.hits]
    assert distances == sorted(distances)
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
