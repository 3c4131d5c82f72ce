"""The shape of ``bot/``: no two packages import each other, and no module grows past about 500 lines.

Dependencies point one way (DESIGN.md): ``exchange`` uses ``knowledge``, the CLI uses both, and
nothing in ``knowledge`` knows the formats it is exchanged in. Imports inside functions count too:
a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

BOT = ROOT / "bot"
MAX_LINES = 500
# Being split on other branches of issue 15 (the dialogue contract; place resolution): drop them from
# here when those land.
SPLIT_ELSEWHERE: set[str] = set()


def _package(module: str) -> str:
    """``bot.knowledge.loader`` -> ``knowledge``; a top-level module is a room of its own."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _module_of(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    """Package -> the other packages of ``bot`` its modules import."""
    graph: dict[str, set[str]] = {}
    for path in BOT.rglob("*.py"):
        source = _package(_module_of(path))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names if node.module == "bot"]
            for name in names:
                target = _package(name) if name.startswith("bot.") else ""
                is_room = (BOT / target).is_dir() or (BOT / f"{target}.py").is_file()
                if target and is_room and target != source:
                    graph.setdefault(source, set()).add(target)
    return graph


def test_no_two_packages_import_each_other():
    graph = import_graph()
    cycles = sorted({tuple(sorted((a, b))) for a, targets in graph.items() for b in targets
                     if a in graph.get(b, set())})
    assert cycles == [], f"packages that import each other: {cycles}"


def test_knowledge_knows_nothing_of_the_exchange_formats_or_the_cli():
    graph = import_graph()
    assert "exchange" not in graph.get("knowledge", set())
    assert "cli" not in graph.get("knowledge", set()) | graph.get("exchange", set())


def test_no_module_in_bot_is_over_500_lines():
    long = {str(p.relative_to(ROOT)): n for p in BOT.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
            and str(p.relative_to(ROOT)) not in SPLIT_ELSEWHERE}
    assert long == {}, f"split these along their ideas: {long}"
