"""Character-level rules for Chinese and English text: language of a line, sentence ends, joining fragments."""
from __future__ import annotations

import functools
import re

HAN_RANGE = "\u3400-\u4dbf\u4e00-\u9fff"  # the ideographs (extension A and the unified block)
HAN = re.compile(f"[{HAN_RANGE}\uf900-\ufaff]")  # and the compatibility ideographs
LATIN = re.compile(r"[A-Za-z]")
# Closing marks that may follow a sentence's final punctuation.
TRAILING_CLOSERS = "”’\"')）」』》】*"
SENTENCE_END = {"zh": "。！？!?", "en": ".!?"}


def language_of(line: str) -> str | None:
    """'zh', 'en', or None for a line with neither Han characters nor Latin letters."""
    if not HAN.search(line):
        return "en" if LATIN.search(line) else None
    if not LATIN.search(line):
        return "zh"
    return "zh" if len(HAN.findall(line)) * 4 >= len(LATIN.findall(line)) else "en"


LONG_RUN = re.compile(r"[^\s" + HAN_RANGE + r"]{41,}")  # an unbroken run of letters, digits or marks (a URL, a long word)
LONG_RUN_WEIGHT = 40


def measured_length(text: str) -> int:
    """A text's length as translations are compared: every character, but an unbroken run of more than 40 letters
    or marks (a URL, a code, a long word) counts as 40, so that it weighs no more in one language than a word."""
    return len(LONG_RUN.sub("x" * LONG_RUN_WEIGHT, text)) if len(text) > LONG_RUN_WEIGHT else len(text)


def length_ratio(zh: str, en: str) -> float:
    """The English text's measured length over the Chinese one's (each plus one, so that neither can be zero)."""
    return (measured_length(en) + 1) / (measured_length(zh) + 1)


def collapse(text: str) -> str:
    """Runs of white space (Unicode's, as str.split sees it) as one space, none at the ends."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """Text without any white space (to compare Chinese, or lines, whatever their spacing)."""
    return "".join(text.split())


def join(lang: str, parts: list[str]) -> str:
    """Rejoin fragments cut by page or line breaks: no space in Chinese, one space in English."""
    glue = "" if lang == "zh" else " "
    return collapse(glue.join(collapse(p) for p in parts))


def ends_sentence(lang: str, text: str) -> bool:
    stripped = text.rstrip().rstrip(TRAILING_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END[lang]


def starts_lowercase(text: str) -> bool:
    stripped = text.lstrip("*“‘\"'( ")
    return bool(stripped) and stripped[0].islower()


def without_markup(text: str) -> str:
    """Text with the source's **bold** markers removed."""
    return text.replace("**", "")


@functools.cache
def word_list() -> frozenset[str]:
    """English words from a maintained word list (pyspellchecker's), loaded only when a hyphen must be judged."""
    from spellchecker import SpellChecker
    return frozenset(SpellChecker(distance=1).word_frequency.dictionary)
