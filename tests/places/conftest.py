"""What the place tests share: the understanding of one message, and the two assertions on it."""

from bot.places.understand import understand


def where(knowledge, text, **context):
    return understand(knowledge, text, **context)


def assert_nowhere(knowledge, text, **context):
    """The message names no place the person is at."""
    seen = where(knowledge, text, **context)
    assert seen.place is None, seen.as_json()


def assert_at(knowledge, text, name, **context):
    """The message is understood as the town ``name``."""
    seen = where(knowledge, text, **context)
    assert seen.place is not None and seen.place.name == name, seen.as_json()
