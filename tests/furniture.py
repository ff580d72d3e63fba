"""Turn a clean bilingual source into text as a PDF-to-text tool gives it: lines hard-wrapped, English words
hyphenated at line ends, pages numbered, running headers and footers, a contents page, radicals for some
ideographs and stray spaces between Chinese characters."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bilingual_report.language.text import language_of

RADICALS = {"工": "\u2f2f", "人": "\u2f08", "大": "\u2f24", "门": "\u2ed4"}  # as a PDF producer maps them
HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Extraction:
    """How a tool extracted the PDF: each kind of debris on or off, and the page number's form."""

    page_lines: int = 14                  # text lines per page
    page_number: str = "- {n} -"          # or "{n}", "第 {n} 页", "Page {n}", "{n} / {total}"
    glue_page_numbers: bool = False       # the page number glued into the text line instead of on its own
    header: str | None = None             # a running header line on every page
    footer: str | None = None             # a running footer line on every page (in either language)
    wrap: dict | None = None              # line width per language: {"zh": 36, "en": 78}
    hyphenate: bool = False               # English words of 9 letters or more broken at a line end
    contents: list[tuple[str, str]] | None = None  # (zh entry, en entry) of a contents page after the title
    contents_spaced: bool = False         # entries separated by blank lines, long English ones wrapped at 70
    footer_every: int = 1                 # the footer printed at one page break in this many
    radicals: bool = False                # some ideographs as Kangxi / supplement radicals
    stray_spaces: bool = False            # a space inside some Chinese lines


def wrap_english(text: str, width: int, hyphenate: bool) -> list[str]:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            room = width - len(line) - 2
            if hyphenate and re.fullmatch(r"[a-z]{9,}[,.;]?", word) and room >= 4:
                cut = max(4, min(room, len(word) - 4))
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            if "-" in word.strip("-") and room >= word.index("-") + 1:  # a compound, broken after its hyphen
                head, _, tail = word.partition("-")
                lines.append(f"{line} {head}-")
                line = tail
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line]


def wrap(text: str, extraction: Extraction) -> list[str]:
    if not extraction.wrap:
        return [text]
    lang = language_of(text) or "zh"
    width = extraction.wrap[lang]
    if lang == "en":
        return wrap_english(text, width, extraction.hyphenate)
    return [text[i:i + width] for i in range(0, len(text), width)]


def spoil_chinese(line: str, extraction: Extraction, rng: random.Random) -> str:
    if language_of(line) != "zh":
        return line
    if extraction.radicals:
        line = "".join(RADICALS.get(c, c) if rng.random() < 0.5 else c for c in line)
    if extraction.stray_spaces and len(line) > 6:
        spots = [i for i in range(1, len(line)) if HAN.match(line[i - 1]) and HAN.match(line[i])]
        if spots:
            i = rng.choice(spots)
            line = line[:i] + rng.choice([" ", "\u3000"]) + line[i:]
    return line


def contents_entry(entry: str, page: int, spaced: bool = False) -> list[str]:
    """A contents line with dot leaders and its page; a long entry wraps over two lines (spaced: at 70 characters,
    the leader and the page on the last line only, a blank line after the entry)."""
    if spaced:
        if language_of(entry) == "en" and len(entry) > 70:
            cut = entry.rfind(" ", 0, 70)
            return [entry[:cut], f"{entry[cut + 1:]} {'.' * 6} {page}", ""]
        return [f"{entry} {'.' * 6} {page}", ""]
    if len(entry) <= 30:
        return [f"{entry} {'.' * 12} {page}"]
    if language_of(entry) == "en":
        cut = entry.rfind(" ", 0, 40)
        return [entry[:cut], f"{entry[cut + 1:]} {'.' * 8} {page}"]
    return [entry[:20], f"{entry[20:]} {'.' * 8} {page}"]


def extract(blocks: list[str], extraction: Extraction, seed: int = 0, head: int = 4) -> str:
    """The blocks (title and issuer first, `head` of them, kept as they are) as the tool would give them."""
    rng = random.Random(seed)
    lines: list[str] = []
    body_start = 0
    for index, block in enumerate(blocks):
        if index == head:
            if extraction.contents:
                for title, entries in (("目录", [zh for zh, _ in extraction.contents]),
                                       ("Contents", [en for _, en in extraction.contents])):
                    lines += [title, ""]
                    for page, entry in enumerate(entries, start=2):
                        lines += contents_entry(entry, page, extraction.contents_spaced)
                    lines.append("")
            body_start = len(lines)
        if index < head or "\t" in block:
            lines += [block, ""]
            continue
        lines += [spoil_chinese(line, extraction, rng) for line in wrap(block, extraction)] + [""]
    out, count, page = [], 0, 1
    total = 1 + len(lines) // extraction.page_lines
    for index, line in enumerate(lines):
        out.append(line)
        count += bool(line)
        if count >= extraction.page_lines and line and index > body_start and index + 1 < len(lines):
            page += 1
            count = 0
            number = extraction.page_number.format(n=page, total=total)
            if extraction.glue_page_numbers:
                out[-1] = f"{out[-1]} {number} "
            footer = extraction.footer if page % extraction.footer_every == 0 else None
            furniture = [f for f in (footer, None if extraction.glue_page_numbers else number, extraction.header) if f]
            out += furniture
    return "\n".join(out) + "\n"
