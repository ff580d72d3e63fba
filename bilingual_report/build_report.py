"""What a build tells the publisher, as lines of text: the problems that stop it, or what was cleaned from the text
and what the checks found (grouped, each with its file and line or page and what to do), then one summary line.
Every build route prints these same lines: the MkDocs hook, scripts/build.py, `make serve`, scripts/convert.py."""
from __future__ import annotations

import os
from pathlib import Path

from bilingual_report.checks.findings import Findings
from bilingual_report.errors import Problem
from bilingual_report.structure.reader import Reading

STRICT_HINT = "strict_checks: true in data/site.yml, or scripts/build.py --strict, makes them stop the build"


def shown(path: str) -> str:
    """A path as the publisher typed it: relative to the current folder when it is inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def problem_line(problem: Problem, severity: str) -> str:
    return f"{severity}: {str(Problem(shown(problem.path), problem.line, problem.message, problem.hint, problem.column))}"


def error_lines(problems: list[Problem]) -> list[str]:
    """One line per problem that stops the build, then how many."""
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return [problem_line(p, "error") for p in problems] + [f"{count} in the report's input, listed above"]


def finding_lines(findings: Findings, reading: Reading, sources: tuple[Path, ...]) -> list[str]:
    """The layout found and what was cleaned, each group of findings with its count and lines, then the one-line
    summary."""
    lines = [f"report text: {reading.layout_described}; {reading.cleaned.summary()} "
             f"(`scripts/convert.py {' '.join(shown(str(s)) for s in sources)} --outline` lists each with its line)"]
    for name, problems in findings.groups():
        if problems:
            lines.append(f"{name} ({len(problems)}):")
            lines += ["  " + problem_line(p, "warning") for p in problems]
    if findings:
        lines.append(f"report checks: {findings.summary()}, listed above; the site was built with them ({STRICT_HINT})")
    else:
        lines.append("report checks: nothing found")
    return lines
