"""What every reader gives: blocks of one language in reading order, each line placed where it is in its file, and
the pictures the document prints."""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cached_property

from bilingual_report.language.text import join, measured_length

IMAGE_WIDTH = 960  # the width (pixels) a printed figure is made for the web at


@dataclass(frozen=True)
class Place:
    """Where a block's line is in its source: a line of a text, a paragraph or a table row of a Word document."""

    kind: str              # line | paragraph | table | note (a Word footnote or endnote, by its number)
    number: int
    row: int | None = None  # a table's row

    def __str__(self) -> str:
        return f"table {self.number}, row {self.row}" if self.kind == "table" else f"{self.kind} {self.number}"

    @property
    def short(self) -> str:
        """As an outline's column shows it: ¶12, t2.3 for a table's row, n4 for a note."""
        if self.kind == "table":
            return f"t{self.number}.{self.row}"
        return f"n{self.number}" if self.kind == "note" else f"¶{self.number}"


@dataclass(frozen=True)
class Block:
    """Consecutive lines of one language; `lines` holds (position, text) pairs, the position a line number of the
    text (or of the text read from a PDF), or a Word paragraph's place in reading order. A table read as cells
    carries them in `rows`."""

    lang: str
    lines: tuple[tuple[int, str], ...]
    rows: tuple[tuple[str, ...], ...] = ()
    note: bool = False  # a note the source marks as one (a Word footnote), whatever its first words

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    @property
    def last_line(self) -> int:
        return self.lines[-1][0]

    @property
    def texts(self) -> list[str]:
        return [text for _, text in self.lines]

    @cached_property
    def text(self) -> str:
        """The block's lines rejoined (Chinese without a space, English with one)."""
        return join(self.lang, self.texts)

    @cached_property
    def length(self) -> int:
        """The text's length as translations are compared (measured_length)."""
        return measured_length(self.text)


@dataclass(frozen=True)
class PrintedImage:
    """An image printed in the document (a chart as the PDF or the Word document shows it), ready for the web."""

    page: int | None   # a PDF's page; None in a Word document
    line: int          # the position of the block read after it
    data: bytes        # WebP
    size: tuple[int, int]


def webp(picture) -> tuple[bytes, tuple[int, int]]:
    """A picture (Pillow's) as the WebP the pages show, and its size."""
    out = io.BytesIO()
    picture.save(out, "WEBP", quality=85, method=6)
    return out.getvalue(), picture.size


class Position(int):
    """Where a line of the second of two files is: unique across both files (the second file's lines are counted
    after SECOND_FILE), printed as its line number in its own file."""

    line: int
    file: int

    def __new__(cls, line: int, file: int) -> "Position":
        position = super().__new__(cls, file * SECOND_FILE + line)
        position.line, position.file = line, file
        return position

    def __reduce__(self):
        return Position, (self.line, self.file)

    def __str__(self) -> str:
        return str(self.line)

    def __format__(self, spec: str) -> str:
        return format(self.line, spec)


SECOND_FILE = 10_000_000  # more lines than any report's file holds


def file_index(position: int) -> int:
    """Which of a report's files a position is in (0 for the first, or the only one)."""
    return position.file if isinstance(position, Position) else 0


def line_in_file(position: int) -> int:
    return position.line if isinstance(position, Position) else int(position)


def place_name(position: int, places: dict[int, Place], pages: dict[int, tuple[int, str | None]]) -> str | None:
    """Where a position is, as the publisher finds it: a Word document's paragraph or table row, a PDF's page; None
    for a text's line (the line number says it)."""
    if position in places:
        return str(places[position])
    if position in pages:
        return f"page {pages[position][0]}"
    return None
