"""Numbers written the way each language writes them: 16.06万件 / 160,600; 172亿元 / 17.2 billion yuan."""
from __future__ import annotations

import math


def significant(value: float, digits: int = 4) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def exact(value: float, step: float) -> bool:
    """Whether the value is a whole number of steps, so that 万/亿 with two decimals loses no digit."""
    return abs(value / step - round(value / step)) < 1e-9


def trim(number: float, decimals: int) -> str:
    text = f"{number:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_value(value: float, unit: str, lang: str, units: dict, *, derived: bool = False,
                 more_than: bool = False, words: dict | None = None) -> str:
    """A value with its unit, rounded to 4 significant digits when derived, with 'about'/'more than' when due."""
    if derived:
        value = significant(value)
    unit_word = units[unit][lang]
    if unit == "percent":
        text = f"{trim(value, 2)}%"
    elif lang == "zh":
        if abs(value) >= 1e8 and (derived or exact(value, 1e6)):
            text = f"{trim(value / 1e8, 2)}亿{unit_word}"
        elif abs(value) >= 1e4 and (derived or exact(value, 1e2)):
            text = f"{trim(value / 1e4, 2)}万{unit_word}"
        else:
            text = f"{trim(value, 2).replace(',', '')}{unit_word}"
    else:
        if abs(value) >= 1e9 and unit == "yuan":
            text = f"{trim(value / 1e9, 2)} billion"
        elif abs(value) >= 1e6 and unit == "yuan":
            text = f"{trim(value / 1e6, 2)} million"
        else:
            text = trim(value, 2)
        text = f"{text} {unit_word}".strip()
    if words:
        if more_than:
            text = f"{words['more_than']}{'' if lang == 'zh' else ' '}{text}"
        elif derived:
            text = f"{words['about']}{'' if lang == 'zh' else ' '}{text}"
    return text
