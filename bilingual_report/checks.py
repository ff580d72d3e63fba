"""What the build found unusual in the input, and whether it stops the build: one place for the hook, the build
and the command-line scripts alike."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import InputError, Problem
from .figures import FigureData
from .pair_checks import check_pairs
from .reader import Reading
from .sources.blocks import line_in_file
from .translation_check import TranslationFinding, check_translation


@dataclass(frozen=True)
class Findings:
    """Warnings about the structure, pairs whose two sides do not read as one text, numbers that differ between the
    languages, printed numbers that do not add up."""

    structure: list[Problem]
    pairs: list[Problem]
    translation: list[Problem]
    data: list[Problem]

    def __bool__(self) -> bool:
        return any(problems for _, problems in self.groups())

    def groups(self) -> list[tuple[str, list[Problem]]]:
        return [("structure", self.structure), ("pairs", self.pairs), ("translation", self.translation),
                ("figure data", self.data)]

    def all(self) -> list[Problem]:
        return [problem for _, problems in self.groups() for problem in problems]

    def lines(self) -> list[str]:
        return [f"{name}: {problem}" for name, problems in self.groups() for problem in problems]

    def summary(self) -> str:
        """One line: how many in all, and of each group."""
        total = len(self.all())
        counts = [f"{len(problems)} {name}" for name, problems in self.groups() if problems]
        return f"{total} finding{'s' if total != 1 else ''} ({', '.join(counts)})" if counts else "nothing"


PAIR_HINT = "compare the two languages there: a block may be missing, duplicated or out of place"
NUMBER_HINT = "check the number in both languages"
DATA_HINT = "check the figure's printed numbers against the report"


def located(reading: Reading, finding: TranslationFinding, hint: str) -> Problem:
    """A pair's finding at its Chinese line (or PDF page, or Word paragraph) in its file, naming the English one's."""
    places = reading.places
    zh_line, en_line = finding.lines["zh"][0], finding.lines["en"][0]
    source = reading.file_of(zh_line)
    if zh_line in places and en_line in places:
        return Problem(source, None, f"{places[zh_line]}: {finding.block_id} (English in {places[en_line]}): "
                                     f"{finding.message}", hint)
    if finding.pages:
        zh, en = finding.pages["zh"][0], finding.pages["en"][0]
        where = f"page {zh}: {finding.block_id}" + (f" (English on page {en})" if en != zh else "")
        return Problem(source, None, f"{where}: {finding.message}", hint)
    return Problem(source, line_in_file(zh_line), f"{finding.block_id} (English at line {en_line}): {finding.message}",
                   hint)


def collect(reading: Reading, figures: list[FigureData]) -> Findings:
    pairs = [located(reading, f, PAIR_HINT) for f in check_pairs(reading.document)]
    translation = [located(reading, f, NUMBER_HINT) for f in check_translation(reading.document)]
    data = [Problem(str(figure.path), finding.line, str(finding), DATA_HINT)
            for figure in figures for finding in figure.findings]
    return Findings(reading.warnings, pairs, translation, data)


def enforce(findings: Findings, strict: bool) -> None:
    """With strict checks on, any finding stops the build (an InputError listing them all)."""
    if strict and findings:
        raise InputError(findings.all())
