"""Shared fixtures. Core tests use the shipped sample knowledge and never import Rasa."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"


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


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path
