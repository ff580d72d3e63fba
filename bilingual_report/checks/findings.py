"""What the build found unusual in the input, and whether it stops the build: one place for the hook, the build
and the command-line scripts alike."""
from __future__ import annotations

from dataclasses import dataclass

from bilingual_report.checks.pair_checks import check_pairs
from bilingual_report.checks.translation_check import TranslationFinding, check_translation
from bilingual_report.datafiles.figures import FigureData
from bilingual_report.errors import InputError, Problem
from bilingual_report.model import Figure
from bilingual_report.sources.blocks import line_in_file, place_name
from bilingual_report.structure.reader import Reading


@dataclass(frozen=True)
class Findings:
    """Warnings about the structure, pairs whose two sides do not read as one text, numbers that differ between the
    languages, printed numbers that do not add up, figures with no chart."""

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


def at_line(reading: Reading, line: int, message: str, hint: str) -> Problem:
    """A finding at a line (or PDF page, or Word paragraph) of its file."""
    place = place_name(line, reading.places, reading.pages)
    if place is None:
        return Problem(reading.file_of(line), line_in_file(line), message, hint)
    return Problem(reading.file_of(line), None, f"{place}: {message}", hint)


def located(reading: Reading, finding: TranslationFinding, hint: str) -> Problem:
    """A pair's finding at its Chinese line (or PDF page, or Word paragraph) in its file, naming the English one's."""
    zh_line, en_line = finding.lines["zh"][0], finding.lines["en"][0]
    zh, en = (place_name(line, reading.places, reading.pages) for line in (zh_line, en_line))
    other_file = "" if reading.file_of(en_line) == reading.file_of(zh_line) else f" of {reading.file_of(en_line)}"
    english = (f"English in {en}" if en and not en.startswith("page") else f"English on {en}" if en
               else f"English at line {en_line}") + other_file
    same = zh is not None and en == zh and not other_file
    return at_line(reading, zh_line, f"{finding.block_id}{'' if same else f' ({english})'}: {finding.message}", hint)


def without_chart(reading: Reading, figures: list[FigureData]) -> list[Problem]:
    """The figures whose page can show only their caption: no chart printed in the source, no data to draw one."""
    charted = {figure.number for figure in figures}
    return [at_line(reading, node.lines["zh"][0],
                    f"figure {node.number} («{node.caption['zh']}») has no chart: the source gives only its caption, "
                    "and no figure data is given for it; its page says the chart was not provided",
                    f"give its data as figure-{node.number}.yml in a figures folder, the one figures: names in "
                    "data/site.yml")
            for node, _ in reading.document.walk()
            if isinstance(node, Figure) and node.kind == "figure" and not node.printed and node.number not in charted]


def collect(reading: Reading, figures: list[FigureData]) -> Findings:
    pairs = [located(reading, f, PAIR_HINT) for f in check_pairs(reading.document)]
    translation = [located(reading, f, NUMBER_HINT) for f in check_translation(reading.document)]
    data = [Problem(str(figure.path), finding.line, str(finding), DATA_HINT)
            for figure in figures for finding in figure.findings]
    return Findings(reading.warnings, pairs, translation, without_chart(reading, figures) + data)


def enforce(findings: Findings, strict: bool) -> None:
    """With strict checks on, any finding stops the build (an InputError listing them all)."""
    if strict and findings:
        raise InputError(findings.all())
