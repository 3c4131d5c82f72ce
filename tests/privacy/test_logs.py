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


def test_an_operating_system_error_keeps_its_code_not_its_file_name(caplog):
    """A server that cannot bind says why (a CI run was lost to 'message withheld'); the file name an
    OSError may carry (a person's upload, say) stays out."""
    install()
    name = "/nonexistent/me estan golpeando.txt"  # (the line that opens it is quoted, not this one)
    try:
        try:
            open(name)
        except FileNotFoundError as exc:
            raise OSError(98, "Address already in use") from exc
    except OSError:
        with caplog.at_level(logging.ERROR):
            logging.getLogger("test").exception("Unable to start server")
    text = caplog.text
    assert "[Errno 98] Address already in use" in text and "[Errno 2] No such file or directory" in text
    assert "golpeando" not in text
