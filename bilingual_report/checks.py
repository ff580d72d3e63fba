"""What the build found unusual in the input, and whether it stops the build: one place for the hook, the build
and the command-line scripts alike."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import InputError, Problem
from .figures import FigureData
from .reader import Reading
from .translation_check import check_translation


@dataclass(frozen=True)
class Findings:
    """Warnings about the structure, numbers that differ between the languages, printed numbers that do not add up."""

    structure: list[Problem]
    translation: list[Problem]
    data: list[Problem]

    def __bool__(self) -> bool:
        return bool(self.structure or self.translation or self.data)

    def groups(self) -> list[tuple[str, list[Problem]]]:
        return [("structure", self.structure), ("translation", self.translation), ("figure data", self.data)]

    def lines(self) -> list[str]:
        return [f"{name}: {problem}" for name, problems in self.groups() for problem in problems]

    def summary(self) -> str:
        """One line: how many of each."""
        counts = [f"{len(problems)} {name}" for name, problems in self.groups() if problems]
        return ", ".join(counts) if counts else "nothing"


def collect(reading: Reading, source: str, figures: list[FigureData]) -> Findings:
    translation = [Problem(source, f.lines["zh"][0], f"{f.block_id} (English at line {f.lines['en'][0]}): {f.message}")
                   for f in check_translation(reading.document)]
    data = [Problem(str(figure.path), None, str(finding)) for figure in figures for finding in figure.findings]
    return Findings(reading.warnings, translation, data)


def enforce(findings: Findings, strict: bool) -> None:
    """With strict checks on, any finding stops the build (an InputError listing them all)."""
    if strict and findings:
        raise InputError([*findings.structure, *findings.translation, *findings.data])
