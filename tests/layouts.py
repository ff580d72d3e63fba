"""A report's interleaved text laid out as other publishers lay it out: the Chinese half then the English half, or
one file per language; with a translation's paragraph split in two, or two paragraphs joined, as real translations
move paragraph boundaries."""
from __future__ import annotations

import re
from pathlib import Path

from bilingual_report.language.text import ends_sentence
from bilingual_report.sources.text import split_blocks, text_lines

SENTENCE_END = {"zh": re.compile(r"(?<=[。！？])(?=[^”’）》])"), "en": re.compile(r"(?<=[a-z0-9)][.!?]) (?=[A-Z])")}


def streams(text: str) -> dict[str, list[str]]:
    """The text's blocks in each language, in reading order (page-break fragments and all)."""
    found: dict[str, list[str]] = {"zh": [], "en": []}
    for block in split_blocks(text_lines(text)):
        found[block.lang].append("\n".join(block.texts))
    return found


def halves(blocks: dict[str, list[str]], first: str = "zh") -> str:
    second = "en" if first == "zh" else "zh"
    return "\n\n".join(blocks[first] + blocks[second]) + "\n"


def write_files(folder: Path, blocks: dict[str, list[str]]) -> tuple[Path, Path]:
    """The Chinese file and the English file."""
    paths = []
    for lang in ("zh", "en"):
        path = folder / f"report-{lang}.txt"
        path.write_text("\n\n".join(blocks[lang]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


NUMBERED = re.compile(r"[\d（(第图表注]|(?:Article|Chapter|Section|Figure|Table|Note)\b|[IVX]+\.")


def whole_paragraphs(lang: str, blocks: list[str], plain: bool = False) -> list[int]:
    """The blocks that are whole paragraphs, items or articles (the block before ends a sentence, and so do they;
    no table, note or caption); only those with no number, if plain."""
    return [k for k in range(1, len(blocks)) if ends_sentence(lang, blocks[k - 1]) and ends_sentence(lang, blocks[k])
            and "\t" not in blocks[k] and "\n" not in blocks[k] and not re.match(r"注|Note|图|Figure|表|Table", blocks[k])
            and not (plain and NUMBERED.match(blocks[k]))]


def split(lang: str, blocks: list[str], index: int) -> list[str] | None:
    """The blocks with the paragraph at index cut in two at its sentence end nearest the middle (None: one
    sentence only)."""
    text = blocks[index]
    cuts = [m.start() for m in SENTENCE_END[lang].finditer(text) if 0 < m.start() < len(text) - 1]
    if not cuts:
        return None
    cut = min(cuts, key=lambda c: abs(c - len(text) / 2))
    return blocks[:index] + [text[:cut].strip(), text[cut:].strip()] + blocks[index + 1:]


def joined(lang: str, blocks: list[str], index: int) -> list[str]:
    """The blocks with the paragraph at index and the next one made one."""
    glue = "" if lang == "zh" else " "
    return blocks[:index] + [blocks[index] + glue + blocks[index + 1]] + blocks[index + 2:]


def rows_of_pairs(text: str) -> list[tuple[str, str]]:
    """An interleaved text as the rows of a table of pairs: each Chinese run's blocks beside the English run's."""
    runs: list[tuple[str, list[str]]] = []
    for block in split_blocks(text_lines(text)):
        if runs and runs[-1][0] == block.lang:
            runs[-1][1].append(block.text)
        else:
            runs.append((block.lang, [block.text]))
    rows = []
    for (_, zh), (_, en) in zip(runs[::2], runs[1::2]):
        size = max(len(zh), len(en))
        rows += list(zip(zh + [""] * (size - len(zh)), en + [""] * (size - len(en))))
    return rows
