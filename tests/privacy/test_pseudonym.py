import logging

import pytest

from bot.privacy import pseudonym as ps
from bot.privacy.logs import install, mask


def test_pseudonyms_are_stable_keyed_and_opaque(monkeypatch):
    monkeypatch.setenv("BOT_PSEUDONYM_KEY", "k" * 32)
    ps.reset_key()
    a = ps.pseudonym("twilio", "+5219998887766")
    assert a == ps.pseudonym("twilio", "+5219998887766")
    assert a != ps.pseudonym("telegram", "+5219998887766")
    assert "5219998887766" not in a
    monkeypatch.setenv("BOT_PSEUDONYM_KEY", "j" * 32)
    ps.reset_key()
    assert ps.pseudonym("twilio", "+5219998887766") != a
    ps.reset_key()


@pytest.mark.parametrize("key", ["", "change-me", "short"])
def test_production_refuses_a_missing_or_weak_key(monkeypatch, key):
    monkeypatch.setenv("BOT_ENV", "production")
    monkeypatch.setenv("BOT_PSEUDONYM_KEY", key)
    with pytest.raises(ps.PseudonymKeyError) as err:
        ps.load_key()
    assert "BOT_PSEUDONYM_KEY" in str(err.value) and "secrets.token_hex" in str(err.value)


def test_country_of_number():
    assert ps.country_of_number("+5219998887766") == "MX"
    assert ps.country_of_number("whatsapp:+50212345678".removeprefix("whatsapp:")) == "GT"
    assert ps.country_of_number("nonsense") is None


def test_log_lines_never_show_phone_numbers(caplog):
    install()
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("message from %s in chat %d", "whatsapp:+5219998887766", 987654321)
    assert "5219998887766" not in caplog.text and "987654321" not in caplog.text
    assert mask("version 3.6.21 on 2026-11-28") == "version 3.6.21 on 2026-11-28"


def test_the_server_refuses_to_start_in_production_without_a_key(monkeypatch):
    pytest.importorskip("rasa")
    from bot.channels.twilio import TwilioInput

    monkeypatch.setenv("BOT_ENV", "production")
    monkeypatch.delenv("BOT_PSEUDONYM_KEY", raising=False)
    ps.reset_key()
    with pytest.raises(ps.PseudonymKeyError):
        TwilioInput.from_credentials({"auth_token": "x"})
    ps.reset_key()


@pytest.mark.parametrize("content", [b"", b"\n", b"short", b"change-me"])
def test_an_empty_or_short_key_file_is_refused(monkeypatch, tmp_path, content):
    key_file = tmp_path / "pseudonym.key"
    key_file.write_bytes(content)
    monkeypatch.setattr(ps, "_KEY_FILE", key_file)
    monkeypatch.delenv("BOT_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("BOT_ENV", raising=False)
    with pytest.raises(ps.PseudonymKeyError) as err:
        ps.load_key()
    assert "pseudonym.key" in str(err.value)


def test_a_good_key_file_is_used(monkeypatch, tmp_path):
    key_file = tmp_path / "pseudonym.key"
    key_file.write_bytes(b"0123456789abcdef" * 4 + b"\n")
    monkeypatch.setattr(ps, "_KEY_FILE", key_file)
    monkeypatch.delenv("BOT_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("BOT_ENV", raising=False)
    assert ps.load_key() == b"0123456789abcdef" * 4
