"""Word documents as the source: the three reports written with python-docx (heading styles, Word's automatic
numbering, list paragraphs, bold runs, merged title rows, pictures, page breaks) read back to the text's tree;
Word's numbering rendered as printed; problems placed by paragraph; a damaged or old document refused."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest
from docx import Document
from docx_fixtures import with_notes, write_docx
from helpers import HEAD, ITEM_1, ITEM_2, PAPER, ROOT, SECTION_1, read_report
from test_shapes import DEEP, LAW

from bilingual_report.errors import InputError
from bilingual_report.model import Figure, Table
from bilingual_report.sources.word_numbering import chinese_counting, letters, roman


def tree(document) -> list[tuple]:
    return [(node.id, node.type, getattr(node, "text", None) or node.caption, getattr(node, "rows", None))
            for node, _ in document.walk()]


@pytest.mark.parametrize("source", [PAPER, LAW, DEEP], ids=["paper", "law", "deep"])
def test_a_word_document_reads_as_its_text(tmp_path, source):
    text = read_report(source).document
    word = read_report(write_docx(source, tmp_path / "report.docx")).document
    assert (word.title, word.issuer, word.front) == (text.title, text.issuer, text.front)
    assert tree(word) == tree(text)


def test_the_pictures_above_captions_are_the_figures_printed_images(tmp_path):
    reading = read_report(write_docx(PAPER, tmp_path / "report.docx"))
    figures = [node for node, _ in reading.document.walk() if isinstance(node, Figure)]
    assert len(figures) == 5 and all(set(f.printed) == {"zh", "en"} for f in figures)
    assert all(reading.images[f.printed[lang]["name"]][:4] == b"RIFF" for f in figures for lang in ("zh", "en"))
    table = next(node for node, _ in reading.document.walk() if isinstance(node, Table))
    assert table.rows["zh"][0] == ["排名", "企业", "申请量", "城市"] and len(table.rows["zh"]) == len(table.rows["en"])


def test_without_pictures_no_figure_has_a_printed_image(tmp_path):
    reading = read_report(write_docx(PAPER, tmp_path / "report.docx", pictures=False))
    assert not reading.images
    assert all(not node.printed for node, _ in reading.document.walk() if isinstance(node, Figure))


@pytest.mark.parametrize("number, zh", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三"), (100, "一百"),
                                        (105, "一百零五"), (110, "一百一十"), (1001, "一千零一"), (2019, "二千零一十九")])
def test_chinese_counting(number, zh):
    assert chinese_counting(number) == zh


def test_roman_and_letters():
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1999)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIX"]
    assert [letters(n) for n in (1, 26, 27)] == ["A", "Z", "AA"]


def small_document(paragraphs: list[tuple[str, str | None]], path):
    """A document of (text, style) paragraphs after the usual title and issuer."""
    document = Document()
    for line in HEAD:
        document.add_paragraph(line)
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    document.save(str(path))
    return path


def test_a_missing_translation_is_placed_by_paragraph(tmp_path):
    path = small_document([(SECTION_1[0], None), (SECTION_1[1], None), (ITEM_1[0], None), (ITEM_2[0], None),
                           (ITEM_2[1], None)], tmp_path / "report.docx")
    with pytest.raises(InputError) as err:
        read_report(path)
    assert re.search(r"report\.docx: paragraph 7 \(line 7 as read\): .*Chinese", str(err.value)), str(err.value)


def test_bold_runs_and_a_merged_table(tmp_path):
    document = Document()
    for line in HEAD:
        document.add_paragraph(line)
    for line in SECTION_1:
        document.add_paragraph(line)
    for item, lead in zip(ITEM_1, ("1. 第一项工作取得进展。", "1. Progress was made in the first task. ")):
        paragraph = document.add_paragraph()
        paragraph.add_run(lead).bold = True
        paragraph.add_run(item[len(lead):])
    for title, cells in (("表 1 主要数据", [["指标", "数量", "增长"], ["专利", "32000", "15%"], ["", "商标", "12%"]]),
                         ("Table 1 Main data", [["Indicator", "Number", "Growth"], ["Patents", "32000", "15%"],
                                                ["", "Marks", "12%"]])):
        document.add_paragraph(title)
        table = document.add_table(rows=3, cols=3)
        for r, row in enumerate(cells):
            for c, cell in enumerate(row):
                if cell:
                    table.rows[r].cells[c].text = cell
        table.rows[1].cells[0].merge(table.rows[2].cells[0])  # a cell merged down two rows: its text once
    path = tmp_path / "report.docx"
    document.save(str(path))
    doc = read_report(path).document
    item = doc.children[0].children[0]
    assert item.text["zh"] == "**第一项工作取得进展。**" and item.text["en"] == "**Progress was made in the first task.**" and item.children[0].text["zh"].startswith("全省共处理")
    table = next(node for node, _ in doc.walk() if isinstance(node, Table))
    assert table.caption == {"zh": "表 1 主要数据", "en": "Table 1 Main data"}
    assert table.rows["zh"] == [["指标", "数量", "增长"], ["专利", "32000", "15%"], ["", "商标", "12%"]]
    assert table.rows["en"][2] == ["", "Marks", "12%"]


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_word_notes_are_read_as_notes_after_the_paragraph_that_refers_to_them(tmp_path, kind):
    path = small_document([(SECTION_1[0], None), (SECTION_1[1], None), (ITEM_1[0], None), (ITEM_1[1], None),
                           (ITEM_2[0], None), (ITEM_2[1], None)], tmp_path / "report.docx")
    with_notes(path, [(len(HEAD) + 2, "数据来源：省知识产权局。"), (len(HEAD) + 3, "Source: the provincial IP office.")],
               kind)
    reading = read_report(path)
    item = reading.document.children[0].headings[0]
    paragraph, note = item.children
    assert paragraph.text["zh"].endswith("居全国前列。¹") and paragraph.text["en"].endswith("in China.²")
    assert note.note and note.text == {"zh": "¹ 数据来源：省知识产权局。", "en": "² Source: the provincial IP office."}
    following = reading.document.children[0].headings[1]  # the next item, not the note's continuation
    assert following.text["zh"] == "第二项工作继续推进。" and following.children[0].text["zh"].startswith("全省新建")
    assert not [w for w in reading.warnings if "note" in str(w)]


def test_a_reference_to_a_note_the_document_lacks_is_named_with_its_paragraph(tmp_path):
    path = small_document([(SECTION_1[0], None), (SECTION_1[1], None), (ITEM_1[0], None), (ITEM_1[1], None)],
                          tmp_path / "report.docx")
    with_notes(path, [(len(HEAD) + 2, None), (len(HEAD) + 3, None)])
    warnings = [str(w) for w in read_report(path).warnings]
    for paragraph, number in ((len(HEAD) + 3, 1), (len(HEAD) + 4, 2)):
        assert any(re.search(rf"report\.docx: paragraph {paragraph} \(line \d+ as read\): this paragraph refers to "
                             rf"footnote {number}, which the document does not hold", w) for w in warnings), warnings


def test_a_note_in_one_language_only_stops_the_build_naming_it(tmp_path):
    path = small_document([(SECTION_1[0], None), (SECTION_1[1], None), (ITEM_1[0], None), (ITEM_1[1], None)],
                          tmp_path / "report.docx")
    with_notes(path, [(len(HEAD) + 2, "数据来源：省知识产权局。")])
    with pytest.raises(InputError) as err:
        read_report(path)
    assert re.search(r"report\.docx: note 1 \(line \d+ as read\): .*the Chinese note .* has no English counterpart",
                     str(err.value)), str(err.value)


def test_a_paragraph_set_as_a_heading_that_the_profile_does_not_read_as_one_is_named(tmp_path):
    """Word's heading style says heading; the profile knows no heading that starts so: the pair is read as a
    paragraph, and the warning says where and why, in the document and in its PDF."""
    path = small_document([(SECTION_1[0], None), (SECTION_1[1], None), ("重点工作概述", "Heading 2"),
                           ("Overview of the key work", "Heading 2"), (ITEM_1[0], None), (ITEM_1[1], None)],
                          tmp_path / "report.docx")
    warnings = [str(w) for w in read_report(path).warnings]
    assert any(re.search(rf"report\.docx: paragraph {len(HEAD) + 3} \(line \d+ as read\): s1-0-1: «重点工作概述…» is "
                         r"set as a heading \(in Word's outline level 2 \(style «Heading 2»\)\) but does not start "
                         r"as the profile's headings do", w) for w in warnings), warnings
    from libreoffice_fixtures import soffice
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True,
                   timeout=180)
    warnings = [str(w) for w in read_report(tmp_path / "report.pdf").warnings]
    # the Chinese is printed bold only where the machine has a bold Chinese face (else LibreOffice strokes it)
    assert any(re.search(r"report\.pdf: page 1 \(line \d+ as read\): s1-0-1: «(重点工作概述|Overview of the key work)…» "
                         r"is set as a heading "
                         r"\(printed in bold at [\d.]+ pt, larger than the body text's [\d.]+ pt\)", w)
               for w in warnings), warnings


def test_a_damaged_word_document_is_refused_with_its_name(tmp_path):
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<not-word/>")
    with pytest.raises(InputError) as err:
        read_report(path)
    assert "report.docx" in str(err.value) and "cannot be read" in str(err.value) and "Traceback" not in str(err.value)


def test_an_old_word_document_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504)
    with pytest.raises(InputError) as err:
        read_report(path)
    assert "Word 97-2003" in str(err.value) and "save it as .docx" in str(err.value)


def test_build_from_a_word_document(tmp_path):
    source = write_docx(DEEP, tmp_path / "deep.docx")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--source", str(source),
                             "--site-dir", str(site)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    zh = (site / "section-1" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "section-1" / "index.html").read_text(encoding="utf-8")
    assert 'id="s1-1-1-2-1"' in zh and 'id="s1-1-1-2-1"' in en
    assert "比上年提高 2.3 个百分点" in zh.replace("提高2.3", "提高 2.3") and "from the previous year" in en
    appendix = (site / "en" / "appendix-1" / "index.html").read_text(encoding="utf-8")
    assert "<table" in appendix and "Invention patents granted" in appendix


def test_a_note_in_a_tables_cell_is_named_since_it_is_not_read(tmp_path):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    document = Document()
    for line in HEAD + SECTION_1:
        document.add_paragraph(line)
    document.add_paragraph("表 1 主要数据")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [["指标", "数量"], ["专利", "32000"]]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    table.rows[1].cells[1].paragraphs[0].add_run()._r.append(reference)
    document.add_paragraph("Table 1 Main data")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [["Item", "Number"], ["Patents", "32000"]]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.save(str(tmp_path / "report.docx"))
    warnings = [str(w) for w in read_report(tmp_path / "report.docx").warnings]
    assert any(re.search(r"report\.docx: table 1, row 1 \(line \d+ as read\): this table's cells refer to 1 note "
                         r"\(notes in a table are not read", w) for w in warnings), warnings
