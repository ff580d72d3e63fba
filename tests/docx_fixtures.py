"""Write a bilingual source text as a Word document with python-docx, as a publisher's master would be: headings in
Word's heading styles, their numbers from Word's automatic numbering (multi-level lists, articles numbered
throughout), items as numbered list paragraphs, bold runs, tables as real tables (a title row merged across the
columns), a picture above each figure caption, page breaks here and there."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from pdf_fixtures import CAPTION, HAN, chart_image, paragraphs


@dataclass(frozen=True)
class Label:
    """A printed number this fixture writes as Word numbering: the list, the level, its format and text."""

    pattern: re.Pattern
    numbering: str      # which list (one per language and kind)
    level: int
    format: str
    text: str           # lvlText
    heading: int | None  # the heading style's level, or None for a list paragraph of the body


ZH_NUMERAL = "[一二三四五六七八九十百]+"
LABELS = [
    Label(re.compile(rf"^({ZH_NUMERAL})、"), "zh", 0, "chineseCounting", "%1、", 1),
    Label(re.compile(rf"^（({ZH_NUMERAL})）(?=.{{1,40}}$)"), "zh", 1, "chineseCounting", "（%2）", 2),
    Label(re.compile(r"^(\d+)\.(?!\d) ?"), "zh", 2, "decimal", "%3.", None),
    Label(re.compile(r"^（(\d+)）"), "zh", 3, "decimal", "（%4）", None),
    Label(re.compile(r"^([IVX]+)\. "), "en", 0, "upperRoman", "%1.", 1),
    Label(re.compile(r"^\(([IVX]+)\) (?=.{1,80}$)"), "en", 1, "upperRoman", "(%2)", 2),
    Label(re.compile(r"^(\d+)\. "), "en", 2, "decimal", "%3.", None),
    Label(re.compile(r"^\((\d+)\) "), "en", 3, "decimal", "(%4)", None),
    Label(re.compile(rf"^第({ZH_NUMERAL})章\u3000"), "zh-law", 0, "chineseCounting", "第%1章\u3000", 1),
    Label(re.compile(rf"^第({ZH_NUMERAL})节\u3000"), "zh-law", 1, "chineseCounting", "第%2节\u3000", 2),
    Label(re.compile(r"^Chapter ([IVX]+) "), "en-law", 0, "upperRoman", "Chapter %1", 1),
    Label(re.compile(r"^Section (\d+) "), "en-law", 1, "decimal", "Section %2", 2),
    Label(re.compile(rf"^第({ZH_NUMERAL})条\u3000"), "zh-article", 0, "chineseCounting", "第%1条\u3000", None),
    Label(re.compile(r"^Article (\d+) "), "en-article", 0, "decimal", "Article %1", None),
]
UNNUMBERED_HEADINGS = re.compile(r"^(?:前言|结束语|附录\S*|Preface|Conclusion|Appendix [IVX]+)(?:\s|$)")
BOLD = re.compile(r"\*\*(.+?)\*\*")


def numbering_lists(document) -> dict[str, str]:
    """One multi-level list per language and kind in the document's numbering part: the numId of each."""
    root = document.part.numbering_part.element
    levels: dict[str, dict[int, Label]] = {}
    for label in LABELS:
        levels.setdefault(label.numbering, {})[label.level] = label
    ids = {}
    for index, (name, by_level) in enumerate(sorted(levels.items()), start=100):
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(index))
        for level in range(max(by_level) + 1):
            label = by_level.get(level)
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            suffix = "tab" if name.startswith("en") else "nothing"  # Word's default, and Chinese documents' habit
            for tag, value in (("w:start", "1"), ("w:numFmt", label.format if label else "decimal"),
                               ("w:lvlText", label.text if label else f"%{level + 1}."), ("w:suff", suffix)):
                child = OxmlElement(tag)
                child.set(qn("w:val"), value)
                lvl.append(child)
            abstract.append(lvl)
        root.insert(0, abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(index))
        reference = OxmlElement("w:abstractNumId")
        reference.set(qn("w:val"), str(index))
        num.append(reference)
        root.append(num)
        ids[name] = str(index)
    return ids


def numbered(paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(level)), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        numpr.append(child)
    ppr.append(numpr)


def add_runs(paragraph, text: str, page_break: bool) -> None:
    """The text as runs, **bold** ones bold; a page break inside the paragraph when asked."""
    pieces = BOLD.split(text)
    for index, piece in enumerate(pieces):
        if piece:
            paragraph.add_run(piece).bold = index % 2 == 1 or None
    if page_break:
        paragraph.runs[-1].add_break(__import__("docx").enum.text.WD_BREAK.PAGE) if paragraph.runs else None


def picture(lang: str) -> io.BytesIO:
    import base64
    return io.BytesIO(base64.b64decode(chart_image(lang).split(",", 1)[1]))


def label_of(text: str, lang: str, law: bool) -> tuple[Label, str] | None:
    for label in LABELS:
        if label.numbering.split("-")[0] != lang or ("law" in label.numbering or "article" in label.numbering) != law:
            continue
        if match := label.pattern.match(text):
            return label, text[match.end():]
    return None


def write_docx(source: Path, target: Path, pictures: bool = True, breaks_every: int = 7,
               layout: Callable[[object], None] | None = None) -> Path:
    """The source text as a Word document; `layout` sets its pages and tables up before it is saved."""
    text = source.read_text(encoding="utf-8")
    law = "第一条" in text
    document = Document()
    ids = numbering_lists(document)
    for count, block in enumerate(b for b in text.split("\n\n") if b.strip()):
        if "\t" in block:
            write_table(document, block)
            continue
        for line in (line.strip() for line in paragraphs(block)):
            lang = "zh" if HAN.search(line) else "en"
            found = label_of(line, lang, law)
            if pictures and CAPTION.match(line):
                document.add_paragraph().add_run().add_picture(picture(lang), width=Inches(3))
            if found:
                label, rest = found
                style = f"Heading {label.heading}" if label.heading else "List Paragraph"
                paragraph = document.add_paragraph(style=style)
                numbered(paragraph, ids[label.numbering], label.level)
                add_runs(paragraph, rest.replace("**", "") if label.heading else rest, count % breaks_every == 3)
            elif UNNUMBERED_HEADINGS.match(line):
                add_runs(document.add_paragraph(style="Heading 1"), line, False)
            else:
                add_runs(document.add_paragraph(), line, count % breaks_every == 5)
    if layout:
        layout(document)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


def write_table(document, block: str) -> None:
    rows = [line.split("\t") for line in block.split("\n")]
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = document.styles["Table Grid"]
    for index, row in enumerate(rows):
        cells = [cell for cell in row if cell.strip()]
        if len(cells) == 1 and width > 1:  # a title row: one cell across the table
            merged = table.rows[index].cells[0].merge(table.rows[index].cells[width - 1])
            merged.text = cells[0]
            continue
        for column, cell in enumerate(row):
            table.rows[index].cells[column].text = cell


def with_notes(path: Path, notes: list[tuple[int, str | None]], kind: str = "footnote") -> Path:
    """The Word document with a note (Word's footnotes, or endnotes) referred to at the end of each given paragraph
    (by its index among the document's paragraphs); a note's text None refers to a note the document lacks."""
    from xml.sax.saxutils import escape

    from docx import Document
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document(str(path))
    body = []
    for number, (index, text) in enumerate(notes, start=1):
        reference = OxmlElement(f"w:{kind}Reference")
        reference.set(qn("w:id"), str(number))
        document.paragraphs[index].add_run()._r.append(reference)
        if text is not None:
            body.append(f'<w:{kind} w:id="{number}"><w:p><w:r><w:{kind}Ref/></w:r>'
                        f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:{kind}>')
    separators = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
                  f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                  f'</w:p></w:{kind}>')
    xml = (f'<w:{kind}s xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{separators}'
           + "".join(body) + f"</w:{kind}s>")
    content_type, reltype = (CT.WML_FOOTNOTES, RT.FOOTNOTES) if kind == "footnote" else (CT.WML_ENDNOTES, RT.ENDNOTES)
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, reltype)
    document.save(str(path))
    return path
