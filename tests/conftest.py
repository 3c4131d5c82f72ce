"""Shared fixtures. Core tests use the shipped sample knowledge and never import Rasa."""

from __future__ import annotations

import shutil
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"
# The moment unit tests judge the code at: the clock is frozen here, once, for every test, so
# no test depends on the day it runs (`tests/test_clock_shift.py` checks it with the system
# clock moved a year each way). The shipped content's own age is `bot kb validate`'s business.
FIXED_NOW = datetime(2026, 11, 28, 17, 0, tzinfo=timezone.utc)
TODAY = FIXED_NOW.date()


@pytest.fixture(scope="session", autouse=True)
def fixed_clock():
    """Every test runs at FIXED_NOW unless it freezes another moment with ``clock.frozen``."""
    from bot import clock

    with clock.frozen(FIXED_NOW) as now:
        yield now


@pytest.fixture(scope="session")
def knowledge():
    """The sample knowledge, loaded once (with its search index and place resolver)."""
    from bot.knowledge.store import KnowledgeStore

    return KnowledgeStore(KNOWLEDGE).current()


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample knowledge folder."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """A small knowledge folder: the categories and Mexico, no services."""
    root = tmp_path / "knowledge"
    (root / "countries").mkdir(parents=True)
    shutil.copy(KNOWLEDGE / "categories.yml", root / "categories.yml")
    shutil.copy(KNOWLEDGE / "countries" / "MX.yml", root / "countries" / "MX.yml")
    return root


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


# One real bot (Rasa server + action server) shared by tests/e2e and tests/security.
from tests.stack import bot  # noqa: E402, F401
