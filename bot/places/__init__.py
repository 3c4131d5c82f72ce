"""Places: the town gazetteer and resolving free text or coordinates to a place."""

from bot.places.gazetteer import Gazetteer, Place, get_gazetteer, haversine_km
from bot.places.resolve import PlaceMatch, PlaceResolver

__all__ = ["Gazetteer", "Place", "PlaceMatch", "PlaceResolver", "get_gazetteer", "haversine_km"]
