"""Make a bilingual source text into a PDF the way most government offices do: a Word document (python-docx's,
as docx_fixtures writes it) exported by LibreOffice Writer, in three page layouts: A5 with `第 N 页` footers and
table rows that break across a page (Word's and LibreOffice's default); a narrower page whose tables keep their
rows whole and repeat their title and header rows on every page they continue on (Word's "repeat as header
row"); and an official document's A4 (justified, first lines indented, no space between paragraphs)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx_fixtures import write_docx

SOFFICE_TIMEOUT = 180  # seconds: a cold LibreOffice start and an export of a few dozen pages


def page_footer(section, before: str, after: str) -> None:
    """A centred footer: the page's number (Word's PAGE field) between two texts."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(before)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(after)


def row_property(row, tag: str) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement(tag))


def title_and_header_rows(table) -> int:
    """How many rows open the table: its title row (one cell across) and the row of column names after it."""
    first = table.rows[0]
    return 2 if len({cell._tc for cell in first.cells}) == 1 and len(table.rows) > 2 else 1


def tables_fit(document) -> None:
    """Each table as wide as the text, its columns alike (as Word's "fit to window" makes them)."""
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        columns = len(table.columns)
        for column in table.columns:
            column.width = width // columns
        for row in table.rows:
            for cell in row.cells:
                cell.width = width // columns


def rows_break(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(148), Mm(210)
    section.left_margin = section.right_margin = Mm(15)
    section.top_margin = section.bottom_margin = Mm(18)
    page_footer(section, "第 ", " 页")
    tables_fit(document)


def rows_whole_headers_repeated(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(130), Mm(180)
    section.left_margin = section.right_margin = Mm(14)
    section.top_margin = section.bottom_margin = Mm(16)
    document.styles["Normal"].font.size = Pt(9)
    page_footer(section, "- ", " -")
    tables_fit(document)
    for table in document.tables:
        for index, row in enumerate(table.rows):
            row_property(row, "w:cantSplit")
            if index < title_and_header_rows(table):
                row_property(row, "w:tblHeader")


def official_document(document) -> None:
    """As a government office sets a document out (GB/T 9704): justified text, each paragraph's first line indented
    by two characters and no space between paragraphs, a fixed line height, numbers as «— N —» at the foot."""
    from docx.enum.text import WD_LINE_SPACING
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    page_footer(section, "— ", " —")
    for style in ("Normal", "List Paragraph"):
        paragraph_format = document.styles[style].paragraph_format
        paragraph_format.space_before = paragraph_format.space_after = Pt(0)
        paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph_format.line_spacing = Pt(22)
        paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph_format.first_line_indent = Pt(24)
        document.styles[style].font.size = Pt(12)
    for paragraph in document.paragraphs:
        if paragraph._p.xpath(".//w:drawing"):  # a picture's line as tall as the picture, not cut to the text's
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            paragraph.paragraph_format.first_line_indent = Pt(0)
    tables_fit(document)


def tables_unruled(document) -> None:
    """Tables without rules (Word's plain table style): their cells print as lines of text."""
    for table in document.tables:
        table.style = document.styles["Normal Table"]


LAYOUTS = {"rows-break": rows_break, "headers-repeated": rows_whole_headers_repeated, "official": official_document}
UNREADABLE = {"tables-unruled": tables_unruled}  # layouts the reader must refuse, naming where


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice Writer is missing: `make tools` installs it (libreoffice-writer-nogui)"
    return found


def write_libreoffice_pdf(source: Path, target: Path, layout: str) -> Path:
    """The source text as a Word document in the layout, exported to PDF by LibreOffice Writer."""
    document = write_docx(source, target.with_suffix(".docx"), layout={**LAYOUTS, **UNREADABLE}[layout])
    profile = target.parent / "libreoffice-profile"  # its own, so that runs side by side never share one
    subprocess.run([soffice(), f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(target.parent), str(document)],
                   check=True, capture_output=True, timeout=SOFFICE_TIMEOUT)
    return target
