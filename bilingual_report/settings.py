"""Load and check the site settings file (data/site.yml): the source text's path and the labels per language."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError, Problem
from .model import LANGS

REQUIRED_LABELS = ("home", "contents", "issuer", "permalink", "figure_link", "table_note")


@dataclass(frozen=True)
class Settings:
    source: Path
    labels: dict[str, dict[str, str]]


def load_yaml(path: Path):
    """Parsed YAML, or an InputError with the file, line and column of the syntax error."""
    if not path.is_file():
        raise InputError.single(str(path), None, "file not found", "check the path")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError.single(str(path), None, "the file is not valid UTF-8", "save it as UTF-8") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "invalid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError([Problem(str(path), line, f"YAML syntax error: {problem}",
                                  "check indentation and quoting there", column)]) from None


def load_settings(path: Path, root: Path) -> Settings:
    data = load_yaml(path)
    name = str(path)
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise InputError.single(name, 1, "expected a mapping with 'source' and 'languages'",
                                "see the README's section on data/site.yml")
    source = data.get("source")
    if not isinstance(source, str) or not source:
        problems.append(Problem(name, None, "'source' must be the path of the report's text file",
                                "for example: source: data/report.txt"))
    languages = data.get("languages")
    if not isinstance(languages, dict):
        languages = {}
        problems.append(Problem(name, None, "'languages' must map zh and en to their labels"))
    for lang in LANGS:
        labels = languages.get(lang)
        if not isinstance(labels, dict):
            problems.append(Problem(name, None, f"languages.{lang} is missing", f"add the {lang} labels"))
            continue
        for key in REQUIRED_LABELS:
            if not isinstance(labels.get(key), str) or not labels[key].strip():
                problems.append(Problem(name, None, f"languages.{lang}.{key} is missing or not text",
                                        f"add `{key}: …` under languages.{lang}"))
    if problems:
        raise InputError(problems)
    return Settings(root / source, {lang: dict(languages[lang]) for lang in LANGS})
