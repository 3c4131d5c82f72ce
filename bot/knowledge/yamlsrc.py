"""YAML loading that remembers line numbers, so staff get ``file:line: problem`` messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class LineDict(dict):
    """A mapping read from YAML that knows the line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence read from YAML that knows the line of each item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


# libyaml's parser (C) when PyYAML was built with it: about ten times faster on large files;
# the constructors below (Python) add the line numbers either way.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word, not a list or mapping", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a knowledge file, with where it is and how to fix it."""

    file: str
    line: int
    message: str
    severity: str = "error"  # or "warning"
    code: str = ""  # what is wrong, for programs and tests (the message is for people and may change)
    field: str = ""  # the field (or column) it is about, when it is about one

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else "warning: "
        return f"{self.file}:{self.line}: {tag}{self.message}"


class YamlError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


MAX_NESTING = 50


def _nesting(text: str) -> int:
    """How deep flow brackets nest ([[[...]]]); block nesting is bounded by indentation anyway."""
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    indents = [len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()]
    return max(deepest, (max(indents) // 2) if indents else 0)


def _first_alias(text: str) -> int | None:
    """The line of the first alias (``*name``), if any: an alias repeats a whole subtree, so a few
    hundred bytes can expand to millions of values ("billion laughs")."""
    if "*" not in text:  # every alias has one: most files need no second pass
        return None
    for event in yaml.parse(text, Loader=_LineLoader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None


def load_yaml(path: Path, display: str | None = None) -> Any:
    """Parse ``path``; mappings and sequences carry their line numbers.

    Raises :class:`YamlError` with the file and line of a syntax error.
    """
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(Problem(name, 1, f"the file is not UTF-8 text ({exc.reason}); save it as UTF-8",
                                       code="not_utf8")) from exc
    depth = _nesting(text)
    if depth > MAX_NESTING:
        raise YamlError(Problem(name, 1, f"the file nests lists or mappings {depth} levels deep; "
                                         f"knowledge files need at most {MAX_NESTING}", code="too_deep"))
    try:
        alias = _first_alias(text)
        if alias is not None:
            raise YamlError(Problem(name, alias, "YAML aliases (*name) are not allowed in knowledge files: "
                                                 "write the value out in full", code="yaml_alias"))
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except RecursionError as exc:
        raise YamlError(Problem(name, 1, "the file nests lists or mappings too deeply", code="too_deep")) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or exc.context or "invalid YAML"
        raise YamlError(
            Problem(name, line, f"this is not valid YAML ({what}); check indentation, colons and quotes", code="yaml_syntax")
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlError(Problem(name, 1, f"this is not valid YAML ({exc})", code="yaml_syntax")) from exc
