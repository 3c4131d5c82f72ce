"""The action answer check with its validator built once: the same answers pass and fail as with
Rasa's own check."""

import pytest

pytestmark = pytest.mark.rasa

GOOD = {"events": [{"event": "slot", "name": "lang", "value": "es"}],
        "responses": [{"text": "hola", "buttons": [{"title": "1", "payload": "1"}]}]}
BAD = [{"events": [{"event": "no such event"}]}, {"events": "not a list"}, {"responses": [1]}]


def test_same_verdicts_as_rasa():
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    from bot.rasa_ext.speedups import validate_action_result

    action = RemoteAction("action_x", None)
    assert RemoteAction._validate_action_result(action, GOOD) is True
    assert validate_action_result(action, GOOD) is True
    for answer in BAD:
        with pytest.raises(ValidationError) as theirs:
            RemoteAction._validate_action_result(action, answer)
        with pytest.raises(ValidationError) as ours:
            validate_action_result(action, answer)
        assert ours.value.message == theirs.value.message
        assert "Failed to validate Action server response" in ours.value.message


def test_install_replaces_the_check():
    from rasa.core.actions.action import RemoteAction

    from bot.rasa_ext import speedups

    original = RemoteAction._validate_action_result
    try:
        speedups._installed = False
        speedups.install()
        assert RemoteAction._validate_action_result is speedups.validate_action_result
    finally:
        RemoteAction._validate_action_result = original
        speedups._installed = False
