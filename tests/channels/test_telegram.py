"""What the Telegram channel makes of a message (Bot API JSON, parsed by python-telegram-bot)."""

import pytest

pytestmark = pytest.mark.rasa


def message(**content):
    from telegram import Message

    data = {"message_id": 1, "date": 1764480000, "chat": {"id": 70001, "type": "private"},
            "from": {"id": 70001, "is_bot": False, "first_name": "Ana"}, **content}
    return Message.de_json(data, None)


VOICE = {"voice": {"file_id": "v1", "file_unique_id": "u1", "duration": 3}}
PHOTO = {"photo": [{"file_id": "p1", "file_unique_id": "u2", "width": 90, "height": 90}]}
DOCUMENT = {"document": {"file_id": "d1", "file_unique_id": "u3"}}


@pytest.mark.parametrize("content, words", [
    ({"text": " necesito comida "}, "necesito comida"),
    ({"text": "/start"}, "/greet"),
    ({"text": "/delete@migrant_help_bot now"}, "/delete_data"),
    ({"text": "/unknown"}, "/menu"),
    ({**PHOTO, "caption": "¿qué dice esto?"}, "¿qué dice esto?"),
    (VOICE, ""),
    ({"location": {"latitude": 14.9, "longitude": -92.26}}, ""),
])
def test_the_words_for_rasa(content, words):
    from bot.channels.telegram import words as words_of

    assert words_of(message(**content)) == words


@pytest.mark.parametrize("content, kind", [(VOICE, "voice"), (PHOTO, "photo"), (DOCUMENT, "document"),
                                           ({"text": "hola"}, "other")])
def test_what_was_sent_instead_of_text(content, kind):
    from bot.channels.telegram import attachment_kind

    assert attachment_kind(message(**content)) == kind

