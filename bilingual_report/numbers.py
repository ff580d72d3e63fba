"""Find the numbers a Chinese or English sentence states, as values: 16.06万 → 160600, 17.2 billion → 1.72e10."""
from __future__ import annotations

import re
from dataclasses import dataclass

ZH_NUMBER = re.compile(r"(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万亿|亿|万|千)?\s*(%|％|个百分点)?")
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
