"""PDFs as other producers make them: Typst (its own fonts with ligatures, justified and hyphenated English whose
every hyphen is mapped to a soft one, hanging indents for numbered items, tables that repeat their header rows on
each page) and LibreOffice Writer exporting a Word document (list paragraphs with no space between them, numbers
followed by a tab, table rows broken by a page, title and header rows repeated, an official document's justified
paragraphs told apart only by their indents), in two and three layouts, for the three
reports, each read back to its text's tree; and the glyph, space, cell and table-continuation rules one by one."""
from __future__ import annotations

import re

import pytest
from helpers import PAPER, read_report
from libreoffice_fixtures import LAYOUTS as OFFICE_LAYOUTS
from libreoffice_fixtures import write_libreoffice_pdf
from test_cleanup import cleaned
from test_shapes import DEEP, LAW
from typst_fixtures import LAYOUTS, write_typst_pdf

from bilingual_report.errors import InputError
from bilingual_report.model import Table
from bilingual_report.sources.pdf import (PdfReader, cell_text, glyphs, hanging_start, lead_width, line_text,
                                          side_language)

HAN = "\u4e00-\u9fff，。；：、（）“”"
BESIDE_HAN = re.compile(rf"\s+(?=[{HAN}])|(?<=[{HAN}])\s+")


def comparable(lang: str, text: str) -> str:
    """Typst sets a space between Chinese and Latin letters or digits where the text may have none, and draws the
    bold of a CJK font without a bold face by stroking it (no font name says bold): the Chinese is compared
    without those spaces and bold marks; the English as it is."""
    return BESIDE_HAN.sub("", text.replace("**", "")) if lang == "zh" else text


def tree(document) -> list[tuple]:
    nodes = []
    for node, _ in document.walk():
        text = getattr(node, "text", None) or node.caption
        rows = {lang: [[comparable(lang, c) for c in row] for row in node.rows[lang]] for lang in node.rows} \
            if isinstance(node, Table) else None
        nodes.append((node.id, node.type, {lang: comparable(lang, text[lang]) for lang in text}, rows))
    return nodes


def read_as_its_text(pdf, source):
    """The PDF's reading, once its tree (every id, text and cell) and title are those of the source's text."""
    text = read_report(source).document
    reading = read_report(pdf)
    assert tree(reading.document) == tree(text)
    assert reading.document.title == text.title
    return reading


@pytest.fixture(scope="module")
def typst_pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("typst")
    return {(source.stem, layout): write_typst_pdf(source, folder / f"{source.stem}-{layout}.pdf", layout)
            for source in (PAPER, LAW, DEEP) for layout in LAYOUTS}


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("source", [PAPER, LAW, DEEP], ids=["paper", "law", "deep"])
def test_a_typst_pdf_reads_as_its_text(typst_pdfs, source, layout):
    reading = read_as_its_text(typst_pdfs[(source.stem, layout)], source)
    assert reading.cleaned.count("invisible") == 0  # no soft hyphen left to remove: each was read as what it is


def test_the_producers_faults_are_counted_with_their_pages(typst_pdfs):
    summary = read_report(typst_pdfs[("zhejiang-ip-white-paper-2019", "narrow")]).cleaned.summary()
    assert re.search(r"read \d+ ligatures as their letters \(pages [\d, -]+\)", summary), summary
    assert re.search(r"read \d+ soft hyphens drawn in the PDF as hyphens \(pages [\d, -]+\)", summary), summary
    assert re.search(r"dropped the header rows tables repeat on 2 pages \(pages 8-9\)", summary), summary


@pytest.fixture(scope="module")
def office_pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("libreoffice")
    return {(source.stem, layout): write_libreoffice_pdf(source, folder / f"{source.stem}-{layout}.pdf", layout)
            for source in (PAPER, LAW, DEEP) for layout in OFFICE_LAYOUTS}


@pytest.mark.parametrize("layout", list(OFFICE_LAYOUTS))
@pytest.mark.parametrize("source", [PAPER, LAW, DEEP], ids=["paper", "law", "deep"])
def test_a_word_document_exported_by_libreoffice_reads_as_its_text(office_pdfs, source, layout):
    read_as_its_text(office_pdfs[(source.stem, layout)], source)


def test_libreoffices_table_breaks_are_repaired_and_counted_with_their_pages(office_pdfs):
    """The paper's ten-company table crosses a page in both layouts: a row cut in two by the break is rejoined;
    with rows kept whole, the title and header rows LibreOffice repeats on the next page are dropped."""
    broken = read_report(office_pdfs[(PAPER.stem, "rows-break")]).cleaned.summary()
    assert re.search(r"rejoined 1 table row cut by a page break \(page \d+\)", broken), broken
    repeated = read_report(office_pdfs[(PAPER.stem, "headers-repeated")]).cleaned
    assert re.search(r"dropped the header rows tables repeat on \d+ pages \(pages [\d, -]+\)", repeated.summary())
    assert repeated.count("table_row") == 0


def test_a_table_printed_without_rules_stops_the_build_at_its_caption(tmp_path):
    """Its cells would be read as a paragraph under a caption with nothing: debris, not a table."""
    pdf = write_libreoffice_pdf(DEEP, tmp_path / "deep-unruled.pdf", "tables-unruled")
    with pytest.raises(InputError) as err:
        read_report(pdf)
    assert re.search(r"deep-unruled\.pdf: page \d+ \(line \d+ as read\): table-1: «表 ?1 2020 ?年全省知识产权主要数据» is a "
                     r"table's caption, but no ruled table and no image stands beside it", str(err.value)), str(err.value)


def chars(text: str, x: float = 0.0, size: float = 10.0, gap: float = 0.0) -> list[dict]:
    """Characters of a line as pdfplumber gives them, each 0.5 em wide, `gap` points apart."""
    out = []
    for char in text:
        out.append({"text": char, "x0": x, "x1": x + size / 2, "size": size, "fontname": "Serif"})
        x += size / 2 + gap
    return out


@pytest.mark.parametrize("given, expected, repairs", [
    (["O", "\ufb03", "c", "e"], "Office", [("ligature", "\ufb03")]),
    (["O", "ffi", "ffi", "ffi", "c", "e"], "Office", [("ligature", "ffi")]),
    (["fi", "fi", "n", "a", "n", "c", "e"], "finance", [("ligature", "fi")]),
    (["f", "o", "u", "r", "\u00ad", "l", "e", "v", "e", "l"], "four-level", [("soft_hyphen", "\u00ad")]),
    (["O", "f", "f", "i", "c", "e"], "Office", []),
])
def test_glyphs_read_as_the_letters_they_print(given, expected, repairs):
    line = []
    for k, text in enumerate(given):
        line.append({"text": text, "x0": 5.0 * k, "x1": 5.0 * k + 5, "size": 10.0, "fontname": "Serif"})
    read, found = glyphs(line)
    assert "".join(c["text"] for c in read) == expected and found == repairs


def body_line(text: str, x1: float, base: float, size: float = 10.0) -> dict:
    """A line of body text as the reader measures it (from x = 0; `x1` where it stops)."""
    from bilingual_report.language.text import language_of
    return {"text": text, "x0": 0.0, "x1": x1, "base": base, "size": size, "hang": None,
            "lead": lead_width(chars(text, size=size), []), "lang": language_of(text)}


@pytest.mark.parametrize("text, width", [
    ("15.2%。", 30.0),  # a number and its mark go down to the next line together
    ("增长", 5.0),       # one Han character
    ("增。长", 10.0),     # with the mark that may not start a line
    ("Zhejiang-based brands", 70.0),  # a word, up to the space
])
def test_what_a_line_starts_with_that_cannot_be_broken(text, width):
    """Characters half an em wide (5 points): the first piece a line break could not have cut."""
    assert lead_width(chars(text), [72.5]) == pytest.approx(width)


@pytest.mark.parametrize("next_text, expected", [("15.2%。", False), ("增长率达到", True)])
def test_a_chinese_line_short_by_less_than_the_next_lines_first_word_is_full(next_text, expected):
    """Chinese lines fill the measure: one stopping 33 points short before «15.2%。» (30 points wide, which cannot
    be broken) was full; the same line before a Han character, which would have fitted, ended its paragraph."""
    previous = body_line("发明专利授权三点二万件，同比增长", 332.0, 100.0)
    line = dict(body_line(next_text, 50.0, 113.0), lang="zh")  # digits alone: the line before's language
    assert PdfReader.new_paragraph(previous, line, (0.0, 365.0), {None: 1.3, "zh": 1.3}, 10.0) is expected


def test_a_line_of_digits_alone_goes_on_with_the_paragraph_in_its_language():
    """«23» wrapped alone onto a line of an English paragraph is the paragraph's, not a change of language."""
    previous = body_line("obtained 61 clues for the intellectual property infringement of", 330.0, 100.0)
    line = dict(body_line("23", 10.0, 113.0), lang="en")
    assert PdfReader.new_paragraph(previous, line, (0.0, 365.0), {None: 1.3, "en": 1.3}, 10.0) is False


def test_a_space_character_of_the_pdf_is_a_space_however_narrow_the_gap():
    line = chars("ofArbitration", gap=0.0)
    space_at = (line[1]["x1"] + line[2]["x0"]) / 2
    assert line_text(line, [space_at]) == "of Arbitration"
    assert line_text(line) == "ofArbitration"
    assert line_text(chars("of Arbitration".replace(" ", ""), gap=2.0)) == "o f A r b i t r a t i o n"


def test_a_hanging_indent_starts_where_the_text_after_the_number_does():
    line = chars("3.") + chars("Innovate", x=20.0)
    assert hanging_start(line, []) == 20.0
    assert hanging_start(chars("Innovation"), []) is None


@pytest.mark.parametrize("cell, text", [
    ("Zhe\u00ad\njiang Shaoxing", "Zhejiang Shaoxing"), ("Sino-\nRomania", "Sino-Romania"),
    ("Tech-\nnology Co.", "Technology Co."), ("year-\non-year", "year-on-year"), ("four\u00adlevel", "four-level"),
    ("Netease (Hangzhou)\nNetwork Co.", "Netease (Hangzhou) Network Co."),
])
def test_a_cells_lines_as_one_text(cell, text):
    assert cell_text(cell) == text


def test_a_table_going_on_over_a_page_drops_its_repeated_header_and_rejoins_a_cut_row(tmp_path):
    reader = PdfReader(tmp_path / "x.pdf")
    title, header = ["十强榜单", "", ""], ["排名", "企业", "城市"]
    reader.table([title, header, ["1", "浙江绍兴苏泊尔", "绍兴"], ["2", "网易（杭州）网络有限", "杭州"]], (1, "1"))
    reader.end_paragraph()  # the page break
    reader.table([title, header, ["", "公司", ""], ["3", "宁波方太厨具有限公司", "宁波"]], (2, "2"))
    [table] = reader.blocks()
    assert table.rows == (tuple(title), tuple(header), ("1", "浙江绍兴苏泊尔", "绍兴"), ("2", "网易（杭州）网络有限公司", "杭州"),
                          ("3", "宁波方太厨具有限公司", "宁波"))
    assert [reader.pages[n][0] for n, _ in table.lines] == [1, 1, 1, 1, 2]  # each row placed on its page
    assert [(r.kind, r.page) for r in reader.repairs] == [("table_header", 2), ("table_row", 2)]


def test_two_tables_with_text_between_stay_two(tmp_path):
    reader = PdfReader(tmp_path / "x.pdf")
    reader.table([["指标", "数量"], ["专利", "1"]], (1, "1"))
    reader.line("注：数据来自统计局。", (1, "1"))
    reader.table([["指标", "数量"], ["商标", "2"]], (2, "2"))
    assert [len(block.rows) for block in reader.blocks()] == [2, 0, 2] and not reader.repairs


def test_a_compounds_hyphen_before_a_capital_keeps_no_space():
    result = cleaned("the China-Israel TCM Center, Sino-", "Romania TCM Center and the four-", "level system.")
    assert " ".join(text for _, text in result.lines if text) == \
        "the China-Israel TCM Center, Sino-Romania TCM Center and the four-level system."


CHROMIUM_CSS = "body { font-size: 11pt; line-height: 1.5; } p { margin: 0 0 8pt 0; text-align: justify; } " \
               "p:lang(en) { hyphens: auto; }"


@pytest.fixture(scope="module")
def chromium_pdfs(browser, tmp_path_factory):
    """The three reports printed to PDF by Chromium (the suite's browser): justified, hyphenated English, a header
    and a page number."""
    from pdf_fixtures import COMMON, html_of
    folder = tmp_path_factory.mktemp("chromium")
    out = {}
    page = browser.new_page()
    try:
        for source in (PAPER, LAW, DEEP):
            page.set_content(f"<html><head><style>{CHROMIUM_CSS}{COMMON}</style></head><body>{html_of(source)}</body></html>")
            out[source.stem] = folder / f"{source.stem}.pdf"
            page.pdf(path=str(out[source.stem]), format="A4", display_header_footer=True,
                     margin={"top": "25mm", "bottom": "25mm", "left": "20mm", "right": "20mm"},
                     header_template='<div style="font-size:8px;width:100%;text-align:center">REPORT</div>',
                     footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                                     '<span class="pageNumber"></span></div>')
    finally:
        page.close()
    return out


@pytest.mark.parametrize("source", [PAPER, LAW, DEEP], ids=["paper", "law", "deep"])
def test_a_chromium_printed_pdf_reads_as_its_text(chromium_pdfs, source):
    """Chromium fakes the bold of a font without a bold face (the CJK font these pages use for all text) with a
    font subset whose name does not say bold: its bold runs are read as plain text, compared so here."""
    def unbolded(nodes):
        return [(i, t, {lang: text.replace("**", "") for lang, text in texts.items()}, rows) for i, t, texts, rows in nodes]

    reading = read_report(chromium_pdfs[source.stem])
    assert unbolded(tree(reading.document)) == unbolded(tree(read_report(source).document))


def rows_of(*texts: str) -> list[dict]:
    return [dict(char, top=12.0 * row) for row, text in enumerate(texts) for char in chars(text)]


def test_one_side_of_a_gap_down_the_page_is_a_column_only_if_most_of_its_rows_are_in_one_language():
    """A table's cells or a justified line's wide space leave a gap down a page with both languages on each side:
    no column of one language there; a column whose rows are all Chinese is one."""
    assert side_language(rows_of("指标", "发明专利授权", "Indicator", "Invention patents", "Note: the growth")) is None
    assert side_language(rows_of("第一条 为了促进专利的创造", "和运用，保护专利权人的", "合法权益。", "1")) == "zh"
