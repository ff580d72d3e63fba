"""Word's automatic numbering rendered as printed: each numbered paragraph's label (一、 （二） 1. (III) Article 5)
from the document's numbering definitions, counted as Word counts them."""
from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

ZH_DIGITS = "零一二三四五六七八九"
ZH_LEGAL = "零壹贰叁肆伍陆柒捌玖"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def chinese_counting(n: int, digits: str = ZH_DIGITS, units: str = "十百千") -> str:
    """一 … 十 十一 … 二十 … 一百零五 … 九千九百九十九 (Word's chineseCounting)."""
    if n <= 0:
        return digits[0]
    if n < 10:
        return digits[n]
    if n < 20 and digits is ZH_DIGITS:
        return units[0] + (digits[n % 10] if n % 10 else "")
    out, zero = "", False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // power % 10
        if digit:
            out += (digits[0] if zero else "") + digits[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def letters(n: int) -> str:
    """A … Z, AA … ZZ (Word repeats the letter)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
    "decimalEnclosedCircle": lambda n: CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n),
    "upperRoman": roman,
    "lowerRoman": lambda n: roman(n).lower(),
    "upperLetter": letters,
    "lowerLetter": lambda n: letters(n).lower(),
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "japaneseCounting": chinese_counting,
    "ideographDigital": lambda n: "".join(ZH_DIGITS[int(d)] for d in str(n)),
    "chineseLegalSimplified": lambda n: chinese_counting(n, ZH_LEGAL, "拾佰仟"),
    "ideographTraditional": lambda n: HEAVENLY_STEMS[(n - 1) % 10],
    "ordinal": lambda n: f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}",
    "none": lambda n: "",
}


@dataclass(frozen=True)
class Level:
    start: int
    format: str
    text: str       # lvlText: "%1、", "（%2）", "Article %1"
    restart: int | None  # lvlRestart: the level (0-based) whose numbering restarts this one; None for any above
    legal: bool     # isLgl: the other levels' numbers as decimals


def value_of(element, tag: str, default: str | None = None) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else default


def read_level(lvl) -> Level:
    restart = value_of(lvl, "w:lvlRestart")
    return Level(int(value_of(lvl, "w:start", "0")), value_of(lvl, "w:numFmt", "decimal"),
                 value_of(lvl, "w:lvlText", "") or "", None if restart is None else int(restart) - 1,
                 lvl.find(qn("w:isLgl")) is not None)


class Numbering:
    """The labels of numbered paragraphs, counted in document order."""

    def __init__(self, document):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, level → start override)
        self.styles: dict[str, tuple[str, int]] = {}  # style id → (numId, level) that the style numbers with
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            root = None
        if root is not None:
            self.read_definitions(root)
        self.read_styles(document)

    def read_definitions(self, root) -> None:
        for abstract in root.findall(qn("w:abstractNum")):
            levels = {int(lvl.get(qn("w:ilvl"))): read_level(lvl) for lvl in abstract.findall(qn("w:lvl"))}
            self.abstract[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            overrides = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = value_of(override, "w:startOverride")
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl")))] = int(start)
            self.nums[num.get(qn("w:numId"))] = (value_of(num, "w:abstractNumId"), overrides)

    def read_styles(self, document) -> None:
        for style in document.styles.element.findall(qn("w:style")):
            ppr = style.find(qn("w:pPr"))
            num = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num is not None and value_of(num, "w:numId"):
                self.styles[style.get(qn("w:styleId"))] = (value_of(num, "w:numId"), int(value_of(num, "w:ilvl", "0")))

    def number_of(self, paragraph) -> tuple[str, int] | None:
        """The (numId, level) a paragraph is numbered with, its own or its style's; None for an unnumbered one."""
        ppr = paragraph.find(qn("w:pPr"))
        num = ppr.find(qn("w:numPr")) if ppr is not None else None
        style = value_of(ppr, "w:pStyle")
        from_style = self.styles.get(style) if style else None
        if num is None:
            return from_style
        num_id = value_of(num, "w:numId") or (from_style[0] if from_style else None)
        level = value_of(num, "w:ilvl")
        level = int(level) if level is not None else (from_style[1] if from_style else 0)
        return (num_id, level) if num_id and num_id != "0" else None

    def label(self, paragraph) -> str:
        """The paragraph's label as printed ("" for an unnumbered paragraph); counts it."""
        numbered = self.number_of(paragraph)
        if numbered is None or numbered[0] not in self.nums:
            return ""
        num_id, level = numbered
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for overridden, start in overrides.items():
                counters[overridden] = start - 1
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            restart = levels.get(deeper).restart if deeper in levels else None
            if restart is None or restart >= level:
                del counters[deeper]
        text = levels[level].text
        for shown in range(level + 1):
            if f"%{shown + 1}" in text and shown in levels:
                value = counters.get(shown, levels[shown].start)
                fmt = "decimal" if levels[level].legal and shown != level else levels[shown].format
                text = text.replace(f"%{shown + 1}", FORMATS.get(fmt, str)(value))
        return "" if levels[level].format == "bullet" else text
