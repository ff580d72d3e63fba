"""Check each pair's translation: the same numbers on both sides."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Document, Heading, Paragraph, Table, printed_text
from .numbers import numbers_in, numbers_in_words
from .text import without_markup

@dataclass(frozen=True)
class TranslationFinding:
    block_id: str
    lines: dict      # {lang: [line numbers]}
    message: str

    def __str__(self) -> str:
        return f"{self.block_id} (zh line {self.lines['zh'][0]}, en line {self.lines['en'][0]}): {self.message}"


def number_mismatches(zh: str, en: str) -> list[str]:
    """What one side states as a number that the other side does not state, in digits or in words."""
    zh_numbers = {(n.value, n.percent): n.text for n in reversed(numbers_in("zh", zh))}
    en_numbers = {(n.value, n.percent): n.text for n in reversed(numbers_in("en", en))}
    zh_words, en_words = numbers_in_words("zh", zh), numbers_in_words("en", en)
    problems = []
    for key in sorted(set(zh_numbers) - set(en_numbers)):
        if not (not key[1] and key[0] in en_words):
            problems.append(f"«{zh_numbers[key]}» is in the Chinese only")
    for key in sorted(set(en_numbers) - set(zh_numbers)):
        if not (not key[1] and key[0] in zh_words):
            problems.append(f"«{en_numbers[key]}» is in the English only")
    return problems


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
