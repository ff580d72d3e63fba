"""Read the publisher's text file and cut it into single-language blocks with their line numbers."""
from __future__ import annotations

import re
from pathlib import Path

from bilingual_report.errors import InputError
from bilingual_report.language.text import language_of
from bilingual_report.sources.blocks import Block

LINE_BREAK = re.compile(r"\r\n|\r|\n")
OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")  # Word 97-2003 (.doc), and other Office files of that age


def read_text(path: Path) -> str:
    """The file's text, or an InputError saying why it cannot be read as a UTF-8 text file."""
    name = str(path)
    if not path.exists():
        raise InputError.single(name, None, "file not found", "check the path given to the converter")
    if not path.is_file():
        raise InputError.single(name, None, "not a regular file", "give the path of the .txt file")
    data = path.read_bytes()
    if not data.strip():
        raise InputError.single(name, None, "the file is empty", "export the report's text into it")
    if data.startswith(OLE_SIGNATURE):
        raise InputError.single(name, None, "this is a Word 97-2003 document (.doc), which cannot be read",
                                "open it in Word, WPS or LibreOffice and save it as .docx")
    if b"\x00" in data:
        raise InputError.single(name, None, "this is a binary file, not text",
                                "give the UTF-8 text extracted from the PDF")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        hint = "save it as UTF-8"
        try:
            data.decode("gb18030")
            hint = f"it looks like GB18030/GBK: convert it with `iconv -f GB18030 -t UTF-8 {name} > converted.txt`"
        except UnicodeDecodeError:
            pass
        raise InputError.single(name, line, "the file is not valid UTF-8", hint) from None


ITEM_NUMBER_ONLY = re.compile(r"^\**(?:\d+\s*[.．、]|[（(]\d+[）)])\**$")  # "1." or "(1)" left alone by a page break


def text_lines(text: str) -> list[tuple[int, str]]:
    """The text's lines with their numbers (from 1), page feeds as spaces, trailing spaces dropped."""
    return [(number, line.replace("\f", " ").rstrip()) for number, line in enumerate(LINE_BREAK.split(text), start=1)]


def split_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """A text's blocks: its runs of lines separated by blank lines, each as blocks_of() makes it."""
    groups: list[list[tuple[int, str]]] = [[]]
    for number, line in lines:
        if line.strip():
            groups[-1].append((number, line))
        elif groups[-1]:
            groups.append([])
    return blocks_of([group for group in groups if group])


def blocks_of(groups: list[list[tuple[int, str]]]) -> list[Block]:
    """Runs of lines (a text's between blank lines, a PDF's paragraphs) as blocks of one language: a run whose
    lines change language is split there.

    A run with no letters at all takes a neighbour's language: an item number left alone by a page
    break ("1.") belongs to the text after it; anything else (a page number, the end of a sentence) to
    the text before it.
    """
    raw = [[(number, line, language_of(line)) for number, line in group] for group in groups]
    known = [next((lang for _, _, lang in block if lang), None) for block in raw]
    for index, lang in enumerate(known):
        if lang is None:
            before = next((l for l in reversed(known[:index]) if l), None)
            after = next((l for l in known[index + 1:] if l), None)
            alone_number = all(ITEM_NUMBER_ONLY.match(line.strip()) for _, line, _ in raw[index])
            known[index] = (after or before) if alone_number else (before or after) or "zh"
    blocks: list[Block] = []
    for block, block_lang in zip(raw, known):
        run_lang, run = None, []
        for number, line, lang in block:
            lang = lang or run_lang or block_lang
            if run and lang != run_lang:
                blocks.append(Block(run_lang, tuple(run)))
                run = []
            run_lang = lang
            run.append((number, line))
        blocks.append(Block(run_lang, tuple(run)))
    return blocks
