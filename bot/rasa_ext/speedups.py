"""Rasa 3.6, minus a cost it pays on every action call. Installed by :mod:`bot.rasa_ext.server`.

``RemoteAction._validate_action_result`` checks each action server answer with
``jsonschema.validate(answer, schema)``, which first checks the (large) schema itself and builds a
validator: about 30 ms of CPU per call on this project's machine, more than the action takes. The
same schema is checked here once, and its validator kept: the same answers pass and fail, with
Rasa's own error message (measured by ``make bench``, ``turn_profile``).
"""

from __future__ import annotations

import functools
from typing import Any

_installed = False


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """Rasa's ``_validate_action_result``, with the validator built once."""
    from jsonschema import ValidationError, exceptions
    from rasa.shared.constants import DOCS_BASE_URL

    error = exceptions.best_match(_validator().iter_errors(result))
    if error is None:
        return True
    assert isinstance(error, ValidationError)
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the Action "
        f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    """Patch the Rasa server process (before the app starts); idempotent."""
    global _installed
    if _installed:
        return
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = validate_action_result
    _installed = True
