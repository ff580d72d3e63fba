"""Read a Word document (.docx) into the reader's blocks: each paragraph one block in its language, its automatic
number rendered as printed, bold runs kept, tables as rows of cells (a merged cell once), the
pictures with the paragraph they stand before, its footnotes and endnotes as notes after the paragraph that refers
to them. Every block is placed by its paragraph's number in the document."""
from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bilingual_report.errors import InputError
from bilingual_report.language.text import language_of
from bilingual_report.sources.blocks import IMAGE_WIDTH, Block, Place, PrintedImage, webp
from bilingual_report.sources.word_numbering import Numbering

IMAGE_MIN = 40     # a picture smaller than this (pixels) is an ornament, not a figure
BOLD_STYLES = ("strong",)
NOTE_KINDS = ("footnote", "endnote")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")  # a note's mark, as Word prints it (no digit to compare)


@dataclass
class DocxText:
    """The document as blocks in reading order, where each came from, and the pictures it prints."""

    blocks: list[Block]
    places: dict[int, Place]        # a block line's position → where it is in the document
    images: list[PrintedImage] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)  # what is in the document but not read, by position
    headings: dict[int, str] = field(default_factory=dict)  # position → how the document sets it as a heading

    @property
    def lines(self) -> list[tuple[int, str]]:
        return [line for block in self.blocks for line in block.lines]


def open_docx(path: Path):
    import docx
    try:
        return docx.Document(str(path))
    except Exception as err:  # python-docx raises several kinds for a damaged package
        raise InputError.single(str(path), None, f"the Word document cannot be read ({type(err).__name__}: {err})",
                                "open it in Word or LibreOffice and save it again as .docx") from None


def style_bold(style) -> bool | None:
    """Whether a style (or the style it is based on) makes its text bold; None when none of them says."""
    while style is not None:
        if style.font.bold is not None:
            return style.font.bold
        if style.name and style.name.lower() in BOLD_STYLES:
            return True
        style = style.base_style
    return None


def marked_text(paragraph, heading: bool, note_mark: Callable[[object], str]) -> str:
    """The paragraph's text, bold runs between ** (a heading's without them: a heading is bold anyway), each
    reference to a note as note_mark gives it; spaces at a bold run's edges stay outside its marks, and a run of
    spaces only does not change what is bold."""
    default = bool(style_bold(paragraph.style))
    pieces: list[tuple[bool, str]] = []
    for item in paragraph.iter_inner_content():
        for run in (item.runs if hasattr(item, "runs") else [item]):  # a hyperlink holds runs
            if not run.text:
                if mark := note_mark(run):
                    pieces.append((False, mark))
                continue
            own = run.bold if run.bold is not None else style_bold(run.style)
            bold = not heading and (own if own is not None else default)
            if pieces and not run.text.strip():
                bold = pieces[-1][0]
            pieces.append((bold, run.text))
    out = []
    for bold, group in itertools.groupby(pieces, key=lambda piece: piece[0]):
        text = "".join(text for _, text in group)
        core = text.strip()
        if bold and core:
            text = text[:len(text) - len(text.lstrip())] + "**" + core + "**" + text[len(text.rstrip()):]
        out.append(text)
    return "".join(out)


def heading_level(paragraph) -> int | None:
    """The outline level Word gives the paragraph (its own or its style's), or None for body text."""
    from docx.oxml.ns import qn
    style = paragraph.style
    ppr = paragraph._p.find(qn("w:pPr"))
    own = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if own is not None:
        return int(own.get(qn("w:val")))
    while style is not None:
        spr = style.element.find(qn("w:pPr"))
        level = spr.find(qn("w:outlineLvl")) if spr is not None else None
        if level is not None:
            return int(level.get(qn("w:val")))
        if style.name and style.name.lower().startswith("heading "):
            return int(style.name.split()[-1]) - 1 if style.name.split()[-1].isdigit() else 0
        style = style.base_style
    return None


def label_joined(label: str, text: str) -> str:
    """A number and its paragraph as printed: a space after a Latin number (1. / (III) / Article 5), none after
    Chinese punctuation (一、 （二）)."""
    if not label:
        return text
    return label + (" " if label[-1:].isascii() and not label.endswith(" ") else "") + text.lstrip()


def pictures(paragraph) -> list[bytes]:
    """The images drawn in a paragraph (inline or anchored pictures)."""
    from docx.oxml.ns import qn
    found = []
    for blip in paragraph._p.iter(qn("a:blip")):
        target = blip.get(qn("r:embed"))
        part = paragraph.part.related_parts.get(target) if target else None
        if part is not None:
            found.append(part.blob)
    return found


def web_image(data: bytes) -> tuple[bytes, tuple[int, int]] | None:
    """The picture as WebP at the web width, or None for an ornament or an image Pillow cannot read."""
    from PIL import Image, UnidentifiedImageError
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError):
        return None
    if min(image.size) < IMAGE_MIN:
        return None
    if image.width > IMAGE_WIDTH:
        image = image.resize((IMAGE_WIDTH, round(image.height * IMAGE_WIDTH / image.width)))
    return webp(image.convert("RGBA" if "A" in image.getbands() else "RGB"))


def word_notes(document) -> dict[tuple[str, str], str]:
    """The text of each footnote and endnote, by (kind, its id), its paragraphs joined by a space (Word's separators
    left out)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    notes = {}
    for kind, reltype in (("footnote", RT.FOOTNOTES), ("endnote", RT.ENDNOTES)):
        part = next((rel.target_part for rel in document.part.rels.values()
                     if rel.reltype == reltype and not rel.is_external), None)
        if part is None:
            continue
        for note in parse_xml(part.blob).iter(qn(f"w:{kind}")):
            if note.get(qn("w:type")) in (None, "normal"):
                texts = ("".join(t.text or "" for t in p.iter(qn("w:t"))).strip() for p in note.iter(qn("w:p")))
                notes[(kind, note.get(qn("w:id")))] = " ".join(text for text in texts if text)
    return notes


def cell_rows(table) -> list[list[str]]:
    """A table's rows of cell texts (a cell merged across columns once, a cell continued down a column empty)."""
    from docx.oxml.ns import qn
    rows = []
    for tr in table._tbl.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            span = tc.grid_span
            continued = tc.tcPr is not None and tc.tcPr.find(qn("w:vMerge")) is not None \
                and tc.tcPr.find(qn("w:vMerge")).get(qn("w:val")) in (None, "continue")
            text = "" if continued else " ".join(
                "".join(t.text or "" for t in p.iter(qn("w:t"))).strip() for p in tc.iter(qn("w:p"))).strip()
            cells += [text] + [""] * (span - 1)
        rows.append(cells)
    return rows


class DocxReader:
    def __init__(self, path: Path):
        self.path = path
        self.blocks: list[Block] = []
        self.places: dict[int, Place] = {}
        self.images: list[PrintedImage] = []
        self.warnings: list[tuple[int, str]] = []
        self.headings: dict[int, str] = {}
        self.position = 0
        self.notes: dict[tuple[str, str], str] = {}
        self.referred: list[tuple[str, str]] = []  # the notes referred to, in reading order: their marks' numbers

    def place(self, where: Place) -> int:
        self.position += 1
        self.places[self.position] = where
        return self.position

    def read(self) -> DocxText:
        from docx.oxml.ns import qn
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        document = open_docx(self.path)
        numbering = Numbering(document)
        self.notes = word_notes(document)
        paragraph_number = table_number = 0
        for element in document.element.body.iterchildren():
            if element.tag == qn("w:p"):
                paragraph_number += 1
                paragraph = Paragraph(element, document._body)
                self.paragraph(paragraph, numbering.label(element), paragraph_number)
            elif element.tag == qn("w:tbl"):
                table_number += 1
                self.table(Table(element, document._body), table_number)
        if not self.blocks:
            raise InputError.single(str(self.path), None, "the Word document holds no text",
                                    "check that this is the report's document")
        return DocxText(self.blocks, self.places, self.images, self.warnings, self.headings)

    def paragraph(self, paragraph, label: str, number: int) -> None:
        for data in pictures(paragraph):
            if web := web_image(data):
                self.images.append(PrintedImage(None, self.position + 1, *web))
        level = heading_level(paragraph)
        referred = len(self.referred)
        text = label_joined(label, marked_text(paragraph, level is not None, self.note_mark))
        lines = [line.rstrip() for line in text.replace("\r", "\n").replace("\v", "\n").split("\n")]
        lines = [line for line in lines if line.strip()]
        if not lines:
            return
        block_lines: list[tuple[int, str]] = []
        lang, first = None, self.position + 1
        for line in lines:
            line_lang = language_of(line) or lang or (self.blocks[-1].lang if self.blocks else "zh")
            if block_lines and line_lang != lang:
                self.blocks.append(Block(lang, tuple(block_lines)))
                block_lines = []
            lang = line_lang
            block_lines.append((self.place(Place("paragraph", number)), line))
        self.blocks.append(Block(lang, tuple(block_lines)))
        if level is not None:
            self.headings[first] = f"in Word's outline level {level + 1} (style «{paragraph.style.name}»)"
        for number, note in enumerate(self.referred[referred:], start=referred + 1):
            self.note(note, number, lang, first)

    def note_mark(self, run) -> str:
        """The mark of a note a run refers to ("" for a run that refers to none): its number, in the order the
        document refers to its notes, as Word numbers them (footnotes and endnotes in one sequence)."""
        from docx.oxml.ns import qn
        for kind in NOTE_KINDS:
            reference = run._r.find(qn(f"w:{kind}Reference"))
            if reference is not None:
                self.referred.append((kind, reference.get(qn("w:id"))))
                return str(len(self.referred)).translate(SUPERSCRIPT)
        return ""

    def note(self, note: tuple[str, str], number: int, lang: str, paragraph: int) -> None:
        """A note after the paragraph that refers to it, in its own language, led by its mark."""
        text = self.notes.get(note)
        if not text:
            self.warnings.append((paragraph, f"this paragraph refers to {note[0]} {number}, which the document does "
                                             f"not hold (or holds empty); open it in Word and check the note"))
            return
        line = (self.place(Place("note", number)), f"{str(number).translate(SUPERSCRIPT)} {text}")
        self.blocks.append(Block(language_of(text) or lang, (line,), note=True))

    def table(self, table, number: int) -> None:
        rows = cell_rows(table)
        rows = [row for row in rows if any(cell.strip() for cell in row)]
        if not rows:
            return
        lang = language_of(" ".join(cell for row in rows for cell in row)) or "zh"
        lines = tuple((self.place(Place("table", number, row)), "\t".join(cells))
                      for row, cells in enumerate(rows, start=1))
        self.blocks.append(Block(lang, lines, rows=tuple(tuple(row) for row in rows)))
        if notes := sum(len(table._tbl.xpath(f".//w:{kind}Reference")) for kind in NOTE_KINDS):
            self.warnings.append((lines[0][0], f"this table's cells refer to {notes} note{'s' if notes > 1 else ''} "
                                               "(notes in a table are not read: not on the site); move each "
                                               "under the table as a paragraph of its own (注： / Note:)"))


def read_docx(path: Path) -> DocxText:
    return DocxReader(path).read()
