"""Load YAML keeping the line and column of every value, so that errors can point at them.

A data file is read within limits, so that no file can hang or exhaust the build: its size, how deep it nests, and
how many values it holds once its aliases are expanded (a file of aliases of aliases, "billion laughs", stops at
the limit instead of growing without end). Every text in it may link only to a safe address (links.py).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from bilingual_report.config.bounds import number_problem
from bilingual_report.config.links import unsafe_link
from bilingual_report.errors import InputError, Problem

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
Where = dict  # path tuple → (line, column), both 1-based
MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_VALUES = 100_000  # once aliases are expanded


def expanded_size(root: yaml.Node, name: str) -> int:
    """How many values the node holds with its aliases expanded (each node counted once per use), without expanding
    them; an InputError for a file nested too deeply, or holding too many values, or an alias of itself."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    open_nodes: set[int] = set()
    while stack:
        node, depth, done = stack.pop()
        children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else \
            node.value if isinstance(node, yaml.SequenceNode) else []
        if done:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[id(node)] > MAX_VALUES:
                raise InputError.single(name, node.start_mark.line + 1, f"the file holds more than {MAX_VALUES:,} "
                                        "values once its aliases (*name) are expanded",
                                        "a data file is a few hundred values: write them out, or use fewer aliases")
            continue
        if id(node) in sizes:
            continue
        if depth > MAX_DEPTH:
            raise InputError.single(name, node.start_mark.line + 1, f"the data nests more than {MAX_DEPTH} levels deep",
                                    "check the indentation and the brackets there")
        if id(node) in open_nodes:
            raise InputError.single(name, node.start_mark.line + 1, "an alias refers to the value that holds it",
                                    "an alias (*name) must refer to a value defined before it, outside it")
        open_nodes.add(id(node))
        stack.append((node, depth, True))
        stack += [(child, depth + 1, False) for child in children if id(child) not in sizes]
    return sizes[id(root)]


def load_yaml_with_lines(path: Path) -> tuple[object, Where]:
    name = str(path)
    if not path.is_file():
        raise InputError.single(name, None, "file not found", "check the path")
    if path.stat().st_size > MAX_BYTES:
        raise InputError.single(name, None, f"the file is {path.stat().st_size:,} bytes, more than a data file's "
                                f"{MAX_BYTES:,}", "check that this is the data file")
    try:
        text = path.read_text(encoding="utf-8-sig")
        loader = LOADER(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                expanded_size(node, name)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except UnicodeDecodeError:
        raise InputError.single(name, None, "the file is not valid UTF-8", "save it as UTF-8") from None
    except RecursionError:
        raise InputError.single(name, None, "the data nests too deeply to be read",
                                "check the brackets and the indentation") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "invalid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError([Problem(name, line, f"YAML syntax error: {problem}",
                                  "check the indentation and quoting there", column)]) from None
    where: Where = {}
    problems: list[Problem] = []

    def walk(node, key_path: tuple) -> None:
        where[key_path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, key_path + (key.value,))
                where[key_path + (key.value,)] = (key.start_mark.line + 1, key.start_mark.column + 1)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, key_path + (index,))
        elif isinstance(node.value, str) and (target := unsafe_link(node.value)):
            problems.append(Problem(name, node.start_mark.line + 1, f"a link to «{target[:60]}»: only http, https, "
                                    "mailto and relative links are published", "link to a web page or an e-mail "
                                    "address, or remove the link", node.start_mark.column + 1))

    if node is not None:
        walk(node, ())
    if problems:
        raise InputError(problems)
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

    def number(self, key_path: tuple, value: object, what: str, hint: str = "") -> float | None:
        """The value as a float when it is a number a chart can draw; otherwise a problem saying why, and None."""
        if wrong := number_problem(value):
            self.problem(key_path, f"{what} {wrong}: {value!r:.60}", hint)
            return None
        return float(value)

    def unknown_keys(self, key_path: tuple, raw: dict, allowed: tuple[str, ...], within: str = "") -> None:
        """A problem for every key of a mapping that is not one of the allowed keys (listed in the hint)."""
        for key in sorted(set(raw) - set(allowed), key=str):
            self.problem(key_path + (key,), f"unknown key '{key}'{within}", "allowed: " + ", ".join(allowed))
