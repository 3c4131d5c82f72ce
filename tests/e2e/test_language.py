"""The language stays put when the second turn is only a town or a shared location (WhatsApp,
Telegram), in all five languages, against the real servers."""

import pytest

from bot.language.catalogue import t
from tests.e2e.test_channels import (
    messages,
    post_telegram,
    post_twilio,
    telegram_update,
    twilio_form,
)

pytestmark = pytest.mark.e2e

FIRST = {"es": "necesito comida", "en": "i need food", "fr": "j'ai besoin de manger",
         "ht": "mwen bezwen manje", "pt": "preciso de comida"}


def sample_notice(lang: str) -> str:
    """A line every answer with the sample services carries, in the answer's language."""
    return t(lang, "sample_notice")


@pytest.mark.parametrize("lang", sorted(FIRST))
def test_whatsapp_shared_location_keeps_the_language(bot, lang):
    sender = "whatsapp:+52" + "155" + "7000" + f"{sorted(FIRST).index(lang):04d}"
    post_twilio(bot, twilio_form(FIRST[lang], sender))
    r = post_twilio(bot, twilio_form("", sender, Latitude="14.9055", Longitude="-92.2634"))
    text = "\n".join(messages(r))
    assert "Tapachula" in text and sample_notice(lang) in text, text


@pytest.mark.parametrize("lang", sorted(FIRST))
def test_telegram_town_name_alone_keeps_the_language(bot, lang):
    chat = 7_100_000_000 + sorted(FIRST).index(lang)
    post_telegram(bot, telegram_update(chat, FIRST[lang]))
    post_telegram(bot, telegram_update(chat, "Tapachula"))
    text = bot.telegram.messages_to(chat)[-1]["text"]
    assert "Tapachula" in text and sample_notice(lang) in text, text
