"""The aligned bilingual document as a tree: headings at any depth over paragraphs, notes, tables and figures.

Every node carries its text in both languages ({"zh": …, "en": …}), the source lines it came from, and an id
made once from its path in the tree, the same in both languages.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Iterator, Union

Bilingual = dict  # {"zh": ..., "en": ...}
LANGS = ("zh", "en")
TABLE_CELL = " "                  # between a table row's cells, where a table is read as text
TABLE_ROW = " · "                 # between its rows


@dataclass
class Paragraph:
    id: str
    text: Bilingual
    lines: Bilingual              # {lang: [line numbers]}
    number: int = 0               # its place among the paragraphs of its heading (or of the introduction)
    note: bool = False            # a note (注：/ Note:)
    page: Bilingual = field(default_factory=dict)  # from a PDF: {lang: [PDF page, printed page number or None]}
    pieces: Bilingual = field(default_factory=dict)  # {lang: [paragraph, …]} where a translation gives two for one
    type: str = "paragraph"

    def words(self, lang: str) -> str:
        """What it says in a language."""
        return self.text[lang]

    def printed_pieces(self, lang: str) -> list[str]:
        """The paragraph as printed in a language: one paragraph, or the two that translate the other's one."""
        return self.pieces.get(lang) or [self.text[lang]]


@dataclass
class Table:
    id: str
    kind: str                     # the caption's kind: figure (图 N) or table (表 N)
    number: int
    caption: Bilingual            # the caption as printed (图 3：… / Table 1 …)
    title: Bilingual              # a title line printed inside the table ({} when it has none)
    rows: Bilingual               # {lang: [[cell, …], …]}, the first row the header
    lines: Bilingual
    page: Bilingual = field(default_factory=dict)
    type: str = "table"

    def words(self, lang: str) -> str:
        """What it says in a language: its caption, its title and its cells, row by row."""
        rows = [TABLE_CELL.join(cell for cell in row if cell) for row in self.rows.get(lang, [])]
        return TABLE_ROW.join([self.caption.get(lang, ""), *([self.title[lang]] if self.title else []), *rows])


@dataclass
class Figure:
    id: str
    number: int
    caption: Bilingual
    lines: Bilingual
    kind: str = "figure"          # the caption's kind: figure (图 N), or table (表 N) for a table printed as an image
    page: Bilingual = field(default_factory=dict)
    printed: Bilingual = field(default_factory=dict)  # from a PDF: {lang: {name, width, height}} of the image printed
    type: str = "figure"

    def words(self, lang: str) -> str:
        """What it says in a language: its caption."""
        return self.caption.get(lang, "")


@dataclass
class Heading:
    id: str
    level: str | None             # the profile level's name (section, item, chapter…); None when unnumbered
    role: str | None              # an unnumbered heading's role (preface, conclusion, appendix); None when numbered
    number: int | None            # the value of its numeral (an unnumbered heading may have one: 附录二)
    label: Bilingual              # the numeral as printed with its marks: 二、 / II. ; 第三章 / Chapter III ; 前言 / Preface
    numeral: Bilingual            # the numeral alone: 二 / II ({} when unnumbered)
    text: Bilingual               # the words after the label (an item's lead sentence; "" for an article)
    reference: Bilingual          # how a citation names it: 第二部分 / Part II
    lines: Bilingual
    run_in: bool = False          # its first paragraph continues its line in the source (an item)
    front: bool = False           # front matter shown on the home page (a preface, a preamble)
    children: list["Node"] = field(default_factory=list)
    type: str = "heading"

    def words(self, lang: str) -> str:
        """What it says in a language, without its number."""
        return self.text[lang]

    def printed(self, lang: str) -> str:
        """The heading as printed: its label and its text."""
        label, text = self.label.get(lang, ""), self.text[lang]
        if not label or not text:
            return label or text
        glue = "" if lang == "zh" and label[-1] in "、）)" else " "
        return f"{label}{glue}{text}"

    @property
    def headings(self) -> list["Heading"]:
        return [child for child in self.children if isinstance(child, Heading)]

    @property
    def blocks(self) -> list["Block"]:
        return [child for child in self.children if not isinstance(child, Heading)]


Block = Union[Paragraph, Table, Figure]
Node = Union[Heading, Paragraph, Table, Figure]


@dataclass
class Document:
    title: Bilingual
    issuer: Bilingual | None      # the issuing office, when the report names one
    front: list[Bilingual]        # short lines printed under the title (an adoption note, a date)
    intro: list[Block]            # what comes before the first heading
    children: list[Heading]       # the top-level divisions, in reading order
    title_lines: Bilingual = field(default_factory=dict)  # {lang: [the lines of the title's blocks]}

    def to_dict(self) -> dict:
        return asdict(self)

    def walk(self) -> Iterator[tuple[Node, tuple[Heading, ...]]]:
        """Every node in reading order, with the headings above it (outermost first)."""
        for block in self.intro:
            yield block, ()
        stack: list[tuple[Node, tuple[Heading, ...]]] = [(h, ()) for h in reversed(self.children)]
        while stack:
            node, parents = stack.pop()
            yield node, parents
            if isinstance(node, Heading):
                stack += [(child, parents + (node,)) for child in reversed(node.children)]

    def paragraphs(self) -> list[Paragraph]:
        return [node for node, _ in self.walk() if isinstance(node, Paragraph)]

    def headings(self) -> list[Heading]:
        return [node for node, _ in self.walk() if isinstance(node, Heading)]


def printed_text(paragraph: Paragraph, parents: tuple[Heading, ...], lang: str) -> str:
    """A paragraph as printed: an item's first paragraph with the item's number and lead before it."""
    text = paragraph.text[lang]
    parent = parents[-1] if parents else None
    if parent and parent.run_in and parent.children and parent.children[0] is paragraph:
        lead = parent.printed(lang)
        return f"{lead}{'' if lang == 'zh' else ' '}{text}" if text else lead
    return text
