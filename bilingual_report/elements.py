"""Parse a run of same-language blocks into headings, paragraphs, captions and tables, rejoining page-break fragments."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .source import ITEM_NUMBER_ONLY, Block
from .text import ends_sentence, join, starts_lowercase

CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

HEADING = {
    "zh": re.compile(r"^\**([一二三四五六七八九十]+)、"),
    "en": re.compile(r"^\**([IVXLC]+)\.\s"),
}
ITEM = {
    "zh": re.compile(r"^\**(\d+)\s*[.．、](?!\d)"),
    "en": re.compile(r"^\**(\d+)\.(?!\d)(?:\s|$)"),
}
CAPTION = {
    "zh": re.compile(r"^图\s*(\d+)(?!\d)"),
    "en": re.compile(r"^Figure\s*(\d+)(?!\d)", re.IGNORECASE),
}
CAPTION_MAX_LENGTH = 200
ZH_CONTINUATION_START = "，。、；：”’）》】"


def chinese_numeral(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        return CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(units, 0)
    return CHINESE_DIGITS[text]


def roman_numeral(text: str) -> int:
    total = 0
    for char, following in zip(text, text[1:] + " "):
        value = ROMAN[char]
        total += -value if following != " " and ROMAN[following] > value else value
    return total


@dataclass
class Element:
    """One heading, paragraph, caption or table in one language, with the source lines it came from."""

    kind: str
    lang: str
    parts: list[str]
    lines: list[int]
    number: int | None = None
    soft_start: bool = False  # a paragraph that may be the page-break continuation of the one before it
    rows: list[list[str]] = field(default_factory=list)
    _text: str = field(default="", repr=False, compare=False)
    _text_for: int = field(default=-1, repr=False, compare=False)

    @property
    def text(self) -> str:
        # Cached by the parts it was made from: parse_run appends fragments after reading it.
        key = len(self.parts)
        if self._text_for != key:
            self._text, self._text_for = join(self.lang, self.parts), key
        return self._text

    def merged(self, following: list["Element"]) -> "Element":
        parts, lines = list(self.parts), list(self.lines)
        for other in following:
            parts += other.parts
            lines += other.lines
        return replace(self, parts=parts, lines=lines, _text_for=-1)


def is_table(block: Block) -> bool:
    return len(block.lines) >= 2 and sum("\t" in text for text in block.texts) >= 2


def parse_table(block: Block) -> Element:
    """A table block: an optional title line (one cell), then tab-separated rows."""
    rows = [[cell.strip() for cell in text.split("\t")] for text in block.texts]
    title = ""
    if len([c for c in rows[0] if c]) == 1 and len(rows) > 1:
        title = next(c for c in rows[0] if c)
        rows = rows[1:]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    return Element("table", block.lang, [title] if title else [], [block.first_line], rows=rows)


def continues(previous: Element, block_text: str) -> bool:
    """Whether a plain block is surely the rest of the previous heading or paragraph."""
    if previous.kind not in ("heading", "paragraph"):
        return False
    if ITEM_NUMBER_ONLY.match(previous.text) or not ends_sentence(previous.lang, previous.parts[-1]):
        return True
    if previous.lang == "en":
        return starts_lowercase(block_text)
    return block_text[:1] in ZH_CONTINUATION_START


def parse_run(blocks: list[Block]) -> list[Element]:
    elements: list[Element] = []
    for block in blocks:
        lang = block.lang
        previous = elements[-1] if elements else None
        if is_table(block):
            table = parse_table(block)
            if previous and previous.kind == "table" and not table.parts:
                previous.rows += table.rows  # a table cut by a page break
                previous.lines += table.lines
            else:
                elements.append(table)
            continue
        text = join(lang, block.texts)
        line = block.first_line
        if match := HEADING[lang].match(text):
            numeral = match.group(1)
            number = chinese_numeral(numeral) if lang == "zh" else roman_numeral(numeral)
            elements.append(Element("heading", lang, [text], [line], number))
        elif (match := CAPTION[lang].match(text)) and len(text) <= CAPTION_MAX_LENGTH:
            elements.append(Element("caption", lang, [text], [line], int(match.group(1))))
        elif match := ITEM[lang].match(text):
            elements.append(Element("paragraph", lang, [text], [line], int(match.group(1))))
        elif previous and continues(previous, text):
            previous.parts.append(text)
            previous.lines.append(line)
        else:
            soft = previous is not None and previous.kind == "paragraph"
            elements.append(Element("paragraph", lang, [text], [line], None, soft_start=soft))
    return elements
