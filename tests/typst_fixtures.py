"""Typeset a bilingual source text as a PDF with Typst, a typesetter unlike WeasyPrint: its own fonts for English
(Libertinus Serif, with ligatures), justified and hyphenated English, a running header, a page number footer, bold
headings, ruled tables that may break across pages."""
from __future__ import annotations

import re
from pathlib import Path

from pdf_fixtures import CAPTION, HAN, HEADING, paragraphs

SPECIAL = re.compile(r"([\\*_#$@<>\[\]`~\"'=+/-])")
BOLD = re.compile(r"\*\*(.+?)\*\*")
LAYOUTS = {
    "justified": '#set page(paper: "a5", margin: (x: 16mm, y: 20mm), header: align(center, text(size: 8pt)[REPORT]),'
                 ' footer: context align(center, text(size: 8pt)[#counter(page).display()]))\n'
                 '#set par(justify: true, first-line-indent: 2em, spacing: 0.9em)\n',
    "narrow": '#set page(width: 140mm, height: 200mm, margin: 18mm, footer: context align(right, text(size: 8pt)'
              '[第 #counter(page).display() 页]))\n#set par(justify: true, spacing: 1.1em)\n',
}


def escaped(text: str) -> str:
    """Plain text as Typst markup (no list, heading, emphasis, smart quote or code it did not mean), **bold** kept."""
    pieces = [SPECIAL.sub(r"\\\1", piece) for piece in BOLD.split(text)]
    return "".join("*" + piece + "*" if index % 2 else piece for index, piece in enumerate(pieces) if piece)


def table(block: str, repeat_header: bool) -> str:
    """A ruled table; its title row and first row repeated at the top of each page it continues on, if asked."""
    rows = [line.split("\t") for line in block.split("\n")]
    width = max(len(row) for row in rows)
    cells, header = [], 0
    for index, row in enumerate(rows):
        filled = [cell for cell in row if cell.strip()]
        if len(filled) == 1 and width > 1:  # a title row across the table
            cells.append(f"table.cell(colspan: {width})[{escaped(filled[0])}]")
        else:
            cells.append(", ".join(f"[{escaped(cell)}]" for cell in row + [""] * (width - len(row))))
        if index == header and len(filled) == 1:
            header += 1
    header += 1  # the row of column names
    body = ", ".join(cells[header:])
    head = f"table.header({', '.join(cells[:header])}), " if repeat_header else ", ".join(cells[:header]) + ", "
    return f"#table(columns: {width}, stroke: 0.5pt, {head}{body})\n"


def write_typst_pdf(source: Path, target: Path, layout: str = "justified") -> Path:
    import typst
    out = [LAYOUTS[layout], '#set text(font: ("Libertinus Serif", "WenQuanYi Micro Hei"), size: 10.5pt)\n']
    for block in (b for b in source.read_text(encoding="utf-8").split("\n\n") if b.strip()):
        if "\t" in block:
            out.append(table(block, layout == "narrow"))
            continue
        for line in (line.strip() for line in paragraphs(block)):
            if not line:
                continue
            lang = "zh" if HAN.search(line) else "en"
            body = escaped(line)
            if HEADING.match(line) and not CAPTION.match(line) and len(line) < 80:
                body = f"#text(size: 1.25em, weight: \"bold\")[{body}]"
            out.append(f"#par(first-line-indent: 0em)[#text(lang: \"{lang}\", hyphenate: {str(lang == 'en').lower()})"
                       f"[{body}]]\n\n" if HEADING.match(line) else f"#text(lang: \"{lang}\")[{body}]\n\n")
    markup = target.with_suffix(".typ")
    markup.write_text("".join(out), encoding="utf-8")
    target.write_bytes(typst.compile(str(markup), font_paths=["/usr/share/fonts"]))
    return target
