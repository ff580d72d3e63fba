"""Load YAML keeping the line and column of every value, so that errors can point at them."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError, Problem

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
Where = dict  # path tuple → (line, column), both 1-based


def load_yaml_with_lines(path: Path) -> tuple[object, Where]:
    name = str(path)
    if not path.is_file():
        raise InputError.single(name, None, "file not found", "check the path")
    try:
        text = path.read_text(encoding="utf-8-sig")
        loader = LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except UnicodeDecodeError:
        raise InputError.single(name, None, "the file is not valid UTF-8", "save it as UTF-8") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "invalid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError([Problem(name, line, f"YAML syntax error: {problem}",
                                  "check the indentation and quoting there", column)]) from None
    where: Where = {}

    def walk(node, key_path: tuple) -> None:
        where[key_path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, key_path + (key.value,))
                where[key_path + (key.value,)] = (key.start_mark.line + 1, key.start_mark.column + 1)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, key_path + (index,))

    if node is not None:
        walk(node, ())
    return data, where


class LocatedYaml:
    """A YAML file read with the line of every value, collecting problems that point at them."""

    def __init__(self, path: Path):
        self.path = path
        self.problems: list[Problem] = []
        self.data, self.where = load_yaml_with_lines(path)

    def problem(self, key_path: tuple, message: str, hint: str = "") -> None:
        """A problem at the innermost key of key_path that the file has."""
        line, column = None, None
        for depth in range(len(key_path), -1, -1):
            if key_path[:depth] in self.where:
                line, column = self.where[key_path[:depth]]
                break
        self.problems.append(Problem(str(self.path), line, message, hint, column))

    def unknown_keys(self, key_path: tuple, raw: dict, allowed: tuple[str, ...], within: str = "") -> None:
        """A problem for every key of a mapping that is not one of the allowed keys (listed in the hint)."""
        for key in sorted(set(raw) - set(allowed), key=str):
            self.problem(key_path + (key,), f"unknown key '{key}'{within}", "allowed: " + ", ".join(allowed))
