"""Typeset a bilingual source as a PDF with WeasyPrint, in one of several layouts: running headers, page numbers,
first-line indents, bold headings, ruled tables kept whole across page breaks."""
from __future__ import annotations

import html
import re
from pathlib import Path

LAYOUTS = {
    "a4": """@page { size: A4; margin: 25mm 20mm; @top-center { content: "REPORT TITLE"; font-size: 9pt; }
             @bottom-center { content: "- " counter(page) " -"; font-size: 9pt; } }
             body { font-size: 11pt; line-height: 1.5; } p { margin: 0 0 8pt 0; text-indent: 2em; }""",
    "letter": """@page { size: letter; margin: 20mm 25mm; @top-right { content: "RUNNING FOOTER"; font-size: 8pt; }
                 @bottom-right { content: "第 " counter(page) " 页"; font-size: 8pt; } }
                 body { font-size: 10pt; line-height: 1.4; } p { margin: 0 0 10pt 0; }
                 p:lang(en) { hyphens: auto; text-align: justify; }""",
}
COMMON = """body { font-family: "WenQuanYi Micro Hei", sans-serif; }
            p.heading { font-size: 1.3em; font-weight: bold; text-indent: 0; }
            table { border-collapse: collapse; margin: 0 0 8pt 0; } tr { break-inside: avoid; }
            td { border: 0.5pt solid black; padding: 2pt 4pt; font-size: 0.85em; }"""
CAPTION = re.compile(r"^(?:图|Figure)\s*\d+")
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[IVX]+\. |（[一二三四五六七八九十]+）|\([IVX]+\) |第\S{1,3}[章节]|Chapter |Section )")
HAN = re.compile(r"[\u4e00-\u9fff]")


def paragraphs(block: str) -> list[str]:
    """A block's paragraphs: its lines joined, or, in a block of two languages (an issuer), each line alone."""
    lines = [line.strip() for line in block.split("\n")]
    if len({bool(HAN.search(line)) for line in lines}) > 1:
        return lines
    return ["".join(lines) if HAN.search(block) else " ".join(lines)]


def chart_image(lang: str) -> str:
    """A small bar chart as a PNG data address, one look per language (as a report prints its charts)."""
    import base64
    import io

    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (480, 240), "white")
    draw = ImageDraw.Draw(picture)
    colour = (0, 114, 178) if lang == "zh" else (213, 94, 0)
    for k, height in enumerate((120, 180, 90)):
        draw.rectangle((60 + 130 * k, 220 - height, 150 + 130 * k, 220), fill=colour)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def chart_svg(lang: str) -> str:
    """A small bar chart drawn as vectors, with its labels as text (as a report's charts often are)."""
    colour = "#0072B2" if lang == "zh" else "#D55E00"
    labels = ["2017年", "2018年", "2019年"] if lang == "zh" else ["2017", "2018", "2019"]
    bars = "".join(f'<rect x="{40 + 110 * k}" y="{200 - h}" width="70" height="{h}" fill="{colour}"/>'
                   f'<text x="{50 + 110 * k}" y="220" font-size="12">{labels[k]}</text>'
                   f'<line x1="{40 + 110 * k}" y1="205" x2="{110 + 110 * k}" y2="205" stroke="black"/>'
                   for k, h in enumerate((100, 160, 80)))
    return f'<svg width="360" height="230" viewBox="0 0 360 230">{bars}</svg>'


def html_of(source: Path, vector: bool = False) -> str:
    """Each block a paragraph, a tab-separated block a ruled table, a figure's caption under its chart (an image, or
    with vector=True a drawing)."""
    parts = []
    for block in (b.strip("\n") for b in re.split(r"\n[ \t\u3000]*\n", source.read_text(encoding="utf-8")) if b.strip()):
        if "\t" in block:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row.split("\t")) + "</tr>"
                           for row in block.split("\n"))
            parts.append(f"<table>{rows}</table>")
            continue
        for text in paragraphs(block):
            lang = "zh" if HAN.search(text) else "en"
            if CAPTION.match(text) and not parts[-1].startswith("<table"):
                parts.append(f"<div>{chart_svg(lang)}</div>" if vector else
                             f'<p><img src="{chart_image(lang)}" style="width: 60%"></p>')
            kind = ' class="heading"' if HEADING.match(text) else ""
            body = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(text))
            parts.append(f'<p lang="{lang}"{kind}>{body}</p>')
    return "".join(parts)


def typeset(source: Path, out: Path, layout: str = "a4", header: str = "", footer: str = "",
            vector: bool = False) -> Path:
    from weasyprint import HTML

    body = html_of(source, vector)
    css = LAYOUTS[layout].replace("REPORT TITLE", header).replace("RUNNING FOOTER", footer) + COMMON
    HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>").write_pdf(out)
    return out


def typeset_columns(source: Path, out: Path) -> Path:
    """The source as a PDF of two columns, the Chinese on the left and its English beside it on the right, each
    Chinese run of blocks on one row with the English run that follows it (rows break across pages)."""
    from weasyprint import HTML

    from bilingual_report.sources.text import split_blocks, text_lines

    runs: list[tuple[str, list[list[str]]]] = []
    for block in split_blocks(text_lines(source.read_text(encoding="utf-8"))):
        if runs and runs[-1][0] == block.lang:
            runs[-1][1].append(block.texts)
        else:
            runs.append((block.lang, [block.texts]))

    def cell(lines: list[str]) -> str:
        if any("\t" in line for line in lines):
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t")) + "</tr>"
                           for line in lines)
            return f"<table>{rows}</table>"
        return f"<p>{html.escape(' '.join(lines))}</p>"

    rows = []
    for (_, zh), (_, en) in zip(runs[::2], runs[1::2]):
        cells = ["".join(cell(lines) for lines in side) for side in (zh, en)]
        rows.append(f'<div class="zh">{cells[0]}</div><div class="en">{cells[1]}</div>')
    css = """@page { size: A4; margin: 20mm 15mm; @bottom-center { content: counter(page); font-size: 9pt; } }
             body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; line-height: 1.45; }
             .grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 10mm; }
             p { margin: 0 0 6pt 0; text-align: justify; } .en p { hyphens: none; }
             table { border-collapse: collapse; margin: 0 0 6pt 0; } td { border: 0.5pt solid black; padding: 1pt 3pt; }"""
    body = f'<div class="grid">{"".join(rows)}</div>'
    HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>").write_pdf(out)
    return out


def typeset_pairs(rows: list[tuple[str, str]], out: Path) -> Path:
    """A table of pairs as a translation agency delivers it: a ruled table of two columns, each row a Chinese cell
    and its English, rows breaking across pages."""
    from weasyprint import HTML

    body = "".join(f"<tr><td>{html.escape(zh)}</td><td>{html.escape(en)}</td></tr>" for zh, en in rows)
    css = """@page { size: A4; margin: 20mm 15mm; @bottom-center { content: counter(page); font-size: 9pt; } }
             body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; line-height: 1.45; }
             table { border-collapse: collapse; width: 100%; table-layout: fixed; }
             td { border: 0.5pt solid black; padding: 3pt 4pt; vertical-align: top; width: 50%; }
             tr { break-inside: avoid; }"""
    HTML(string=f"<html><head><style>{css}</style></head><body><table>{body}</table></body></html>").write_pdf(out)
    return out
