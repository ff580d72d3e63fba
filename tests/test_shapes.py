"""Reports of other shapes than the 2019 paper: deeper outlines, front and back matter, notes, tables captioned
above them, a law; what is unusual is reported with its line, what cannot be right stops the read."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, read_document, read_report, report_text, write

from bilingual_report.errors import InputError
from bilingual_report.model import Figure, Heading, Paragraph, Table

FIXTURES = Path(__file__).parent / "fixtures"
LAW = FIXTURES / "law.txt"
DEEP = FIXTURES / "deep-report.txt"


@pytest.mark.parametrize("name", ["deep-report", "law"])
def test_outline_as_checked_in(name):
    """The outline of each fixture, as detected: a change in detection shows as a diff of the file."""
    result = subprocess.run([sys.executable, "scripts/convert.py", f"tests/fixtures/{name}.txt", "--outline"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (FIXTURES / f"{name}.outline").read_text(encoding="utf-8")


def test_a_deeper_outline_with_front_and_back_matter():
    reading = read_report(DEEP)
    document = reading.document
    assert reading.scheme.name == "official" and reading.warnings == []
    assert [(h.id, h.level, h.role, h.front) for h in document.children] == [
        ("preface", None, "preface", True), ("s1", "section", None, False), ("s2", "section", None, False),
        ("conclusion", None, "conclusion", False), ("appendix-1", None, "appendix", False)]
    patents, trademarks = document.children[1].headings
    assert (patents.id, patents.level, patents.label, patents.text) == (
        "s1-1", "subsection", {"zh": "（一）", "en": "(I)"}, {"zh": "专利", "en": "Patents"})
    # items restart in every subsection: each has its own 1.
    assert [h.id for h in patents.headings] + [h.id for h in trademarks.headings] == ["s1-1-1", "s1-1-2", "s1-2-1"]
    first = patents.headings[0]
    assert [(h.id, h.level, h.text["en"]) for h in first.headings] == [
        ("s1-1-1-1", "subitem", "Patents of universities."), ("s1-1-1-2", "subitem", "Patents of enterprises.")]
    assert first.children[0].id == "s1-1-1-0-1"  # the item's own paragraph, before its sub-items
    enterprises = first.headings[1].children[0]
    assert enterprises.text["zh"].endswith("比上年提高2.3 个百分点。")  # rejoined across a page break
    assert enterprises.text["en"].endswith("up 2.3 percentage points from the previous year.")
    note = trademarks.headings[0].children[1]
    assert note.note and note.id == "s1-2-1-2" and note.text["en"].startswith("Note: the trademark data")
    appendix = document.children[4]
    assert appendix.label == {"zh": "附录一", "en": "Appendix I"} and appendix.text == {"zh": "主要数据", "en": "Main Data"}
    table, table_note = appendix.children
    assert isinstance(table, Table) and (table.id, table.kind, table.number) == ("table-1", "table", 1)
    assert table.caption["en"] == "Table 1 Main Intellectual Property Data of the Province in 2020"
    assert table.rows["en"][2] == ["Valid registered trademarks", "960000", "12.1%"]
    assert table_note.note and table_note.id == "appendix-1-1"


def test_a_law():
    reading = read_report(LAW)
    document = reading.document
    assert reading.scheme.name == "legal" and reading.warnings == []
    assert document.issuer is None  # the adoption note is not an issuing office
    assert document.front == [{"zh": "（2015 年 9 月 25 日某省第十二届人民代表大会常务委员会第二十二次会议通过"
                                     " 2020 年 11 月 27 日修订）",
                               "en": "(Adopted at the 22nd Session of the Standing Committee of the 12th People's "
                                     "Congress of the Province on 25 September 2015 and revised on 27 November 2020)"}]
    assert [h.id for h in document.headings()] == ["s1", "s1-1", "s1-2", "s2", "s2-1", "s2-1-3", "s2-1-4", "s2-2",
                                                    "s2-2-5", "s3", "s3-6"]
    article = document.children[1].headings[0].headings[0]
    assert (article.label["zh"], article.label["en"], article.text["zh"], article.number) == ("第三条", "Article 3", "", 3)
    assert [p.text["en"] for p in article.children] == [
        "The people's governments at or above the county level shall support the following activities:",
        "(1) patent navigation by universities and research institutions;",
        "(2) patent management systems set up by enterprises."]  # an article's enumeration stays its text


@pytest.mark.parametrize("blocks, expected", [
    (["一、甲", "I. A", "1. 甲。", "1. A.", "3. 乙。", "3. B."], ":17: item 3 comes where item 2 was expected"),
    (["一、甲", "I. A", "（一）乙", "(I) B", "1. 甲。", "1. A.", "二、丙", "II. C", "1. 丁。", "1. D."],
     ":25: item 1 comes directly under a section, without a subsection: a level is skipped"),
    (["一、甲", "I. A", "1. 甲。", "1. A.", "第三条 总则", "Article 3 General", "2. 乙。", "2. B."],
     ":17: «第三条 总则» looks like a heading of the legal numbering, which this document does not otherwise use"),
])
def test_unusual_structure_is_a_warning_with_its_line(tmp_path, blocks, expected):
    reading = read_report(write(tmp_path, report_text(*blocks)))
    assert any(expected in str(warning) for warning in reading.warnings), [str(w) for w in reading.warnings]


def test_a_heading_of_another_scheme_stays_text(tmp_path):
    document = read_document(write(tmp_path, report_text(
        "一、甲", "I. A", "1. 甲。", "1. A.", "第三条 总则", "Article 3 General", "2. 乙。", "2. B.")))
    assert [h.id for h in document.headings()] == ["s1", "s1-1", "s1-2"]
    assert document.children[0].headings[0].children[0].text["zh"] == "第三条 总则"  # the space after its number kept


@pytest.mark.parametrize("blocks, expected", [
    (["一、甲", "I. A", "二、乙", "II. B", "二、丙", "II. C"], ":17: section 2 appears twice (first at line 13)"),
    (["第一章 总则", "Chapter I General", "第一条 甲。", "Article 1 A.", "第二章 乙", "Chapter II B", "第一条 乙。",
      "Article 1 B."], ":21: article 1 appears twice (first at line 13)"),  # articles are numbered through the law
])
def test_structure_that_cannot_be_right_is_an_error(tmp_path, blocks, expected):
    with pytest.raises(InputError) as caught:
        read_document(write(tmp_path, report_text(*blocks)))
    assert expected in str(caught.value)


def test_a_table_captioned_below_with_a_table_caption(tmp_path):
    document = read_document(write(tmp_path, report_text(
        "一、甲", "I. A", "指标\t数量\n专利\t12", "表 2 数据", "Indicator\tNumber\nPatents\t12", "Table 2 Data")))
    table = document.children[0].children[0]
    assert (table.id, table.kind, table.caption["zh"]) == ("table-2", "table", "表 2 数据")


def test_a_table_caption_without_a_table_is_a_figure(tmp_path):
    document = read_document(write(tmp_path, report_text("一、甲", "I. A", "表 1 数据", "Table 1 Data", "1. 甲。", "1. A.")))
    figure = document.children[0].children[0]
    assert isinstance(figure, Figure) and (figure.id, figure.kind) == ("table-1", "table")


def build(source: Path, site: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--source", str(source),
                           "--site-dir", str(site)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def test_any_report_builds_with_one_command(tmp_path):
    site = tmp_path / "site"
    result = build(LAW, site)
    assert result.returncode == 0, result.stderr
    for prefix, title, heading in (("", "某省专利促进条例", "第二章 专利创造与运用"),
                                   ("en/", "Regulations of the Province on the Promotion of Patents",
                                    "Chapter II Creation and Use of Patents")):
        page = (site / prefix / "chapter-2/index.html").read_text(encoding="utf-8")
        assert f"<title>{heading} - {title}</title>" in page
        assert '<h3 id="s2-1-3">' in page  # chapter > section > article
        assert (site / prefix / "parallel/chapter-2/index.html").exists()
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert 'href="chapter-1/"' in home and 'href="chapter-2/#s2-1"' in home  # sections listed under their chapter
        assert not (site / prefix / "figures").exists() and not (site / prefix / "key-figures").exists()
    english = (site / "en/chapter-2/index.html").read_text(encoding="utf-8")
    assert 'data-cite="Regulations of the Province on the Promotion of Patents. Chapter II, Section 1, Article 3, ' \
           'paragraph 2. {url} (accessed {accessed})."' in english
    chinese = (site / "chapter-2/index.html").read_text(encoding="utf-8")
    assert 'data-cite="某省专利促进条例[EB/OL]. [{accessed}]: 第二章第一节第三条第 2 段. {url}"' in chinese
    index = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert any("patent navigation" in doc.get("text", "") and doc["location"].startswith("chapter-2/#s2-1-3")
               for doc in index["docs"])
    assert not list((ROOT / "docs" / "zh").glob("chapter-*.md"))  # another report's pages stay out of docs/


def test_a_failed_build_of_another_report_leaves_the_site_and_says_why(tmp_path):
    site = tmp_path / "site"
    assert build(DEEP, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    broken = write(tmp_path, DEEP.read_text(encoding="utf-8").replace("(II) Trademarks\n", "(III) Trademarks\n"), "bad.txt")
    result = build(broken, site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"bad\.txt:45: in section 1 \(一、知识产权创造…\), cannot pair", result.stderr), result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert not list(tmp_path.glob(".site-build-*"))


def test_the_tree_reaches_every_page_kind(tmp_path):
    site = tmp_path / "site"
    assert build(DEEP, site).returncode == 0
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="preface">前言<a class="headerlink"' in home and 'id="preface-1"' in home  # front matter on the home
    assert 'href="conclusion/"' in home and 'href="appendix-1/"' in home
    appendix = (site / "en/appendix-1/index.html").read_text(encoding="utf-8")
    assert ('<figure id="table-1" class="report-table" data-cite="Provincial Intellectual Property Office. Report on '
            'the Development of Intellectual Property in the Province in 2020. Table 1. {url} '
            '(accessed {accessed})."') in appendix
    full = (site / "en/full-text/index.html").read_text(encoding="utf-8")
    for node_id in ("preface-1", "s1-1-1-2-1", "conclusion-1", "table-1", "appendix-1-1"):
        assert f'id="{node_id}"' in full
    parallel = (site / "parallel/section-1/index.html").read_text(encoding="utf-8")
    assert '<h4 id="s1-1-1-1" class="pair"><span lang="zh">（1）高校专利。</span>' in parallel
    assert all(isinstance(n, (Heading, Paragraph, Table)) for n, _ in read_document(DEEP).walk())


def test_english_headings_in_another_numbering_style_or_without_their_number(tmp_path):
    reading = read_report(write(tmp_path, report_text(
        "一、总体情况", "1. Overall situation", "1. 工作进展。全省共处理案件一千余起。",
        "(1) Progress of the work. The province handled more than one thousand cases.",
        "二、下一步工作", "Next steps", "1. 继续推进。全省将继续推进工作。", "(1) Going on. The province will go on.")))
    first, second = reading.document.children
    assert (first.id, first.label["en"], first.text["en"], first.reference["en"]) == (
        "s1", "1.", "Overall situation", "Part 1")
    assert first.headings[0].label["en"] == "(1)" and first.headings[0].text["en"] == "Progress of the work."
    assert (second.id, second.label["en"], second.printed("en"), second.reference["en"]) == (
        "s2", "", "Next steps", "Part 2")
    assert [str(w).split(": ", 1)[1] for w in reading.warnings] == [
        "the English of «二、下一步工作» is printed without its number: «Next steps» (number it as the Chinese is numbered)"]


def test_parts_and_chapters_above_the_official_numbering_and_numbers_in_words(tmp_path):
    reading = read_report(write(tmp_path, report_text(
        "第一部分 总体情况", "Part One Overall Situation", "一、主要成效", "I. Main Results", "1. 甲。", "1. A.",
        "第二部分 下一步工作", "Part Two Next Steps", "一、继续推进", "I. Going On", "1. 乙。", "1. B.")))
    document = reading.document
    assert reading.scheme.name == "official" and reading.warnings == []
    assert [(h.id, h.level, h.numeral["en"]) for h in document.children] == [("s1", "part", "One"), ("s2", "part", "Two")]
    assert [h.id for h in document.headings()] == ["s1", "s1-1", "s1-1-1", "s2", "s2-1", "s2-1-1"]
    assert document.children[1].headings[0].reference == {"zh": "第一部分", "en": "Part I"}
    chapter = read_document(write(tmp_path, report_text("第二十一章 附则", "Chapter Twenty-One Supplementary Provisions",
                                                        "本规定自发布之日起施行。", "These provisions take effect."),
                                  "chapter.txt")).children[0]
    assert (chapter.id, chapter.number, chapter.text["en"]) == ("s21", 21, "Supplementary Provisions")


def test_a_page_break_before_a_reference_to_an_article_is_no_heading(tmp_path):
    long_zh = "县级以上人民政府应当加强对专利工作的领导，将专利事业纳入国民经济和社会发展规划，建立健全专利工作协调机制，" * 3
    long_en = ("The people's governments at or above the county level shall strengthen their leadership over patent "
               "work and include it in the plans for economic and social development ") * 2
    document = read_document(write(tmp_path, report_text(
        "第一章 总则", "Chapter I General Provisions", "第一条 为了促进专利运用，制定本条例。", "Article 1 These Regulations are made.",
        "第二条 " + long_zh + "并依照", "第三条的规定执行。", "Article 2 " + long_en + "as provided in", "Article 3 hereof.")))
    assert [h.id for h in document.headings()] == ["s1", "s1-1", "s1-2"]
    assert document.children[0].headings[1].children[0].text["zh"].endswith("并依照第三条的规定执行。")
    assert document.children[0].headings[1].children[0].text["en"].endswith("as provided in Article 3 hereof.")
