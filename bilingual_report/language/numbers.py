"""Find the numbers a Chinese or English sentence states, as values: 16.06万 → 160600, 17.2 billion → 1.72e10."""
from __future__ import annotations

import re
from dataclasses import dataclass

ZH_NUMBER = re.compile(r"(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(?:余|多)?\s*(万亿|亿|万|千)?\s*(%|％|个百分点)?")
EN_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
                       r"(?:\s*(%|percent(?:age points?)?\b|billion\b|million\b|thousand\b))?",
                       re.IGNORECASE)
ZH_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
EN_SCALE = {"billion": 1e9, "million": 1e6, "thousand": 1e3}


@dataclass(frozen=True)
class Number:
    value: float
    percent: bool
    text: str


def numbers_in(lang: str, text: str) -> list[Number]:
    found: list[Number] = []
    if lang == "zh":
        for match in ZH_NUMBER.finditer(text):
            digits, scale, percent = match.groups()
            value = float(digits.replace(",", "")) * ZH_SCALE.get(scale or "", 1)
            found.append(Number(round(value, 6), bool(percent), match.group(0).strip()))
    else:
        for match in EN_NUMBER.finditer(text):
            whole, fraction, unit = match.groups()
            unit = (unit or "").lower()
            value = float(whole.replace(",", "") + (fraction or "")) * EN_SCALE.get(unit, 1)
            found.append(Number(round(value, 6), unit == "%" or unit.startswith("percent"), match.group(0).strip()))
    return found


def states(lang: str, text: str, value: float, percent: bool = False) -> bool:
    """Whether the text states this value (to the precision printed)."""
    for number in numbers_in(lang, text):
        if number.percent == percent and abs(number.value - value) <= 1e-9 * max(1.0, abs(value)):
            return True
    return False


ZH_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "首": 1}
ZH_NUMERAL_RUN = re.compile(r"[一二两三四五六七八九十百千万首]+")
EN_WORDS = {word: value for value, words in enumerate([
    (), ("one", "first", "single"), ("two", "second", "both", "double"), ("three", "third"), ("four", "fourth"),
    ("five", "fifth"), ("six", "sixth"), ("seven", "seventh"), ("eight", "eighth"), ("nine", "ninth"),
    ("ten", "tenth"), ("eleven", "eleventh"), ("twelve", "twelfth")]) for word in words}
EN_WORDS.update({"hundred": 100, "thousand": 1000})
EN_WORD = re.compile(r"[A-Za-z]+")


def _zh_numeral(run: str) -> float | None:
    """十 → 10, 二十五 → 25, 百 → 100, 万 → 10000, 首 → 1; None for what is not a plain numeral."""
    if run in ("百", "千", "万"):
        return {"百": 100, "千": 1000, "万": 10000}[run]
    total, digit = 0, None
    for char in run:
        if char in ZH_NUMERALS:
            digit = ZH_NUMERALS[char]
        elif char in "十百千":
            total += (digit if digit is not None else 1) * {"十": 10, "百": 100, "千": 1000}[char]
            digit = None
        else:
            return None
    return float(total + (digit or 0))


def numbers_in_words(lang: str, text: str) -> set[float]:
    """Numbers written as words or Chinese numerals (第七, 两期, four, 5th is in numbers_in)."""
    if lang == "zh":
        values = set()
        for run in ZH_NUMERAL_RUN.findall(text):
            value = _zh_numeral(run)
            if value is not None:
                values.add(value)
            values |= {float(ZH_NUMERALS[c]) for c in run if c in ZH_NUMERALS}
        return values
    return {float(EN_WORDS[w.lower()]) for w in EN_WORD.findall(text) if w.lower() in EN_WORDS}


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
