"""Check each pair's translation: the same numbers on both sides."""
from __future__ import annotations

from dataclasses import dataclass

from bilingual_report.language.numbers import number_mismatches
from bilingual_report.language.text import without_markup
from bilingual_report.model import Document, Heading, Paragraph, Table, printed_text


@dataclass(frozen=True)
class TranslationFinding:
    block_id: str
    lines: dict      # {lang: [line numbers]}
    message: str

    def __str__(self) -> str:
        return f"{self.block_id} (zh line {self.lines['zh'][0]}, en line {self.lines['en'][0]}): {self.message}"


def check_translation(document: Document) -> list[TranslationFinding]:
    """Numbers stated on one side only, for every paragraph (an item's first with its lead), every heading whose
    text is not in a paragraph, and every table row."""
    findings: list[TranslationFinding] = []
    for node, parents in document.walk():
        if isinstance(node, Paragraph):
            text = {lang: without_markup(printed_text(node, parents, lang)) for lang in ("zh", "en")}
            findings += [TranslationFinding(node.id, node.lines, problem)
                         for problem in number_mismatches(text["zh"], text["en"])]
        elif isinstance(node, Heading) and not node.run_in:
            findings += [TranslationFinding(node.id, node.lines, problem)
                         for problem in number_mismatches(node.printed("zh"), node.printed("en"))]
        elif isinstance(node, Table):
            for index, (zh_row, en_row) in enumerate(zip(node.rows["zh"], node.rows["en"])):
                findings += [TranslationFinding(node.id, node.lines, f"row {index + 1}: {problem}")
                             for problem in number_mismatches(" ".join(zh_row), " ".join(en_row))]
    return findings
