"""Check each paragraph pair's translation: the same numbers on both sides, and a usual length ratio."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Document, Heading, Paragraph, Table, printed_text
from .numbers import numbers_in, numbers_in_words
from .text import without_markup

RATIO_TOLERANCE = 1.6  # a pair whose length ratio is this far from the document's median is reported


@dataclass(frozen=True)
class TranslationFinding:
    block_id: str
    lines: dict
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
    """Numbers stated on one side only and unusual length ratios, for every paragraph (an item's first with its
    lead), every heading whose text is not in a paragraph, and every table row."""
    findings: list[TranslationFinding] = []
    texts = [(node, {lang: without_markup(printed_text(node, parents, lang)) for lang in ("zh", "en")})
             for node, parents in document.walk() if isinstance(node, Paragraph)]
    ratios = sorted(len(text["en"]) / max(1, len(text["zh"])) for _, text in texts)
    median = ratios[len(ratios) // 2] if ratios else 1.0
    for paragraph, text in texts:
        for problem in number_mismatches(text["zh"], text["en"]):
            findings.append(TranslationFinding(paragraph.id, paragraph.lines, problem))
        ratio = len(text["en"]) / max(1, len(text["zh"]))
        if abs(math.log(ratio / median)) > math.log(RATIO_TOLERANCE):
            findings.append(TranslationFinding(
                paragraph.id, paragraph.lines,
                f"the English is {ratio:.1f} times as long as the Chinese (usually {median:.1f}): "
                "a sentence may be missing on one side"))
    for node, _ in document.walk():
        if isinstance(node, Heading) and not node.run_in:
            for problem in number_mismatches(node.printed("zh"), node.printed("en")):
                findings.append(TranslationFinding(node.id, node.lines, problem))
        elif isinstance(node, Table):
            for index, (zh_row, en_row) in enumerate(zip(node.rows["zh"], node.rows["en"])):
                for problem in number_mismatches(" ".join(zh_row), " ".join(en_row)):
                    findings.append(TranslationFinding(node.id, node.lines, f"row {index + 1}: {problem}"))
    return findings
