"""Logged tracebacks keep where an error happened, never what it said (a message, a body)."""

import logging

from bot.privacy.logs import install


def test_a_logged_traceback_withholds_every_exception_message(caplog):
    install()
    person, body = "necesito un doctor, me llamo Ana", '{"message": "me estan golpeando"}'
    try:
        try:
            raise KeyError(person)
        except KeyError as exc:
            raise RuntimeError(body) from exc
    except RuntimeError:
        with caplog.at_level(logging.ERROR):
            logging.getLogger("test").exception("action_find_services failed")
    text = caplog.text
    assert "action_find_services failed" in text and "RuntimeError" in text and "KeyError" in text
    assert "test_logs.py" in text  # where it failed
    assert "Ana" not in text and "golpeando" not in text


def test_a_syntax_error_does_not_quote_its_source(caplog):
    install()
    source = "secret = 'me estan " + "golpeando' +"
    try:
        compile(source, "<message>", "exec")
    except SyntaxError:
        with caplog.at_level(logging.ERROR):
            logging.getLogger("test").exception("could not compile")
    assert "SyntaxError" in caplog.text and "golpeando" not in caplog.text
