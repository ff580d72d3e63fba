"""The value of a heading's numeral as printed: 12, 二十三, 一百零五, XIV, xiv, Twelve, Twenty-One."""
from __future__ import annotations

import re

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                  "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ENGLISH = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
ENGLISH.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90})
ROMAN_NUMERAL = re.compile(r"^(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def chinese_numeral(text: str) -> int | None:
    total, digit = 0, None
    for char in text:
        if char in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[char]
        elif char in CHINESE_UNITS:
            total += (1 if digit is None else digit) * CHINESE_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def roman_numeral(text: str) -> int | None:
    upper = text.upper()
    if not upper or not ROMAN_NUMERAL.match(upper):
        return None
    total = 0
    for char, following in zip(upper, upper[1:] + " "):
        value = ROMAN[char]
        total += -value if following != " " and ROMAN[following] > value else value
    return total


def english_numeral(text: str) -> int | None:
    """One, Twelve, Twenty-One (up to ninety-nine)."""
    words = text.lower().split("-")
    if not all(word in ENGLISH for word in words) or len(words) > 2:
        return None
    if len(words) == 2 and not (ENGLISH[words[0]] >= 20 and ENGLISH[words[0]] % 10 == 0 and ENGLISH[words[1]] < 10):
        return None
    return sum(ENGLISH[word] for word in words)


def numeral_value(text: str) -> int | None:
    """The number a numeral stands for, or None when it is not a well-formed numeral."""
    if text.isdigit():
        return int(text)
    if text and all(c in CHINESE_DIGITS or c in CHINESE_UNITS for c in text):
        return chinese_numeral(text)
    return roman_numeral(text) if re.fullmatch(r"[IVXLCivxlc]+", text) else english_numeral(text)
