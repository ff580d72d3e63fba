"""Text as PDF-to-text tools give it: page numbers, running headers and footers, contents pages, hard wraps,
hyphenated words, radicals and stray spaces are removed or repaired, and the document read is the clean one."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from furniture import Extraction, contents_entry, extract
from helpers import HEAD, PAPER, ROOT, read_report, write
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_tree_properties import trees

from bilingual_report.model import Heading
from bilingual_report.sources.cleanup import Structure, clean, page_sequence

FIXTURES = Path(__file__).parent / "fixtures"


def cleaned(*lines: str):
    """The lines cleaned as a document without headings would be."""
    return clean(list(enumerate(lines, start=1)), Structure(lambda text: False, lambda text: False))


def source_blocks(path: Path, head: int = 4) -> list[str]:
    """A clean source's blocks, each paragraph on one line (as a hard-wrapping tool will re-wrap it)."""
    raw = [b.strip("\n") for b in re.split(r"\n[ \t\u3000]*\n", path.read_text(encoding="utf-8")) if b.strip()]
    out = []
    for index, block in enumerate(raw):
        lines = [line.strip() for line in block.split("\n")]
        if index < head or "\t" in block:
            out.append(block)
        else:
            out.append(("" if re.search(r"[\u4e00-\u9fff]", block) else " ").join(lines))
    return out


def tree_of(path: Path) -> list[tuple]:
    """Ids and texts in reading order (Chinese without spaces: a wrapped line may lose one before a number)."""
    squeeze = lambda text: re.sub(r"\s", "", text)  # noqa: E731
    out = []
    for node, _ in read_report(path).document.walk():
        texts = {lang: node.printed(lang) for lang in ("zh", "en")} if isinstance(node, Heading) else \
            getattr(node, "text", None) or node.caption
        out.append((node.id, squeeze(texts["zh"]), texts["en"]))
    return out


EVERYTHING = dict(wrap={"zh": 36, "en": 78}, hyphenate=True, radicals=True, stray_spaces=True,
                  footer="浙江省知识产权局", header="2019 White Paper on IP in Zhejiang")


@pytest.mark.parametrize("extraction", [
    Extraction(page_number="- {n} -", **EVERYTHING),
    Extraction(page_number="{n}", **EVERYTHING),
    Extraction(page_number="- {n} -", glue_page_numbers=True, wrap={"zh": 30, "en": 70}, hyphenate=True),
    Extraction(page_number="第 {n} 页", page_lines=9, footer="White Paper 2019"),
    Extraction(page_number="Page {n}", header="浙江省知识产权保护与发展白皮书", wrap={"zh": 40, "en": 90}),
    Extraction(page_number="{n} / {total}", page_lines=20, hyphenate=True, wrap={"zh": 28, "en": 60}),
    Extraction(page_number="- {n} -", contents_spaced=True, wrap={"zh": 36, "en": 78}, hyphenate=True),
    Extraction(page_number="- {n} -", footer="office for IPJoint Meeting of Zhejiang Province", footer_every=3,
               wrap={"zh": 36, "en": 78}),
], ids=["dashes", "plain", "glued", "chinese", "page-n", "n-of-total", "spaced-contents", "issuer-at-some-pages"])
def test_the_paper_as_other_tools_extract_it_reads_the_same(tmp_path, extraction):
    clean_tree = tree_of(PAPER)
    contents = [(h.printed("zh"), h.printed("en")) for h in read_report(PAPER).document.children]
    extraction = Extraction(**{**extraction.__dict__, "contents": contents})
    path = write(tmp_path, extract(source_blocks(PAPER), extraction, seed=7), "extracted.txt")
    reading = read_report(path)
    assert reading.warnings == []
    assert tree_of(path) == clean_tree
    printed = 2 + sum(len([line for line in contents_entry(entry, page, extraction.contents_spaced) if line])
                      for lang in (0, 1) for page, entry in enumerate([pair[lang] for pair in contents], start=2))
    assert reading.cleaned.count("page_number") >= 10 and reading.cleaned.count("contents") == printed == \
        (20 if extraction.contents_spaced else 23)


def test_the_summary_line_says_what_was_removed(tmp_path):
    contents = [(h.printed("zh"), h.printed("en")) for h in read_report(PAPER).document.children]
    path = write(tmp_path, extract(source_blocks(PAPER), Extraction(contents=contents, **EVERYTHING), seed=1))
    assert read_report(path).cleaned.summary() == (
        "removed 54 page numbers, 108 running header or footer lines, a contents page of 23 lines; rejoined 60 "
        "hyphenated words; removed 237 stray spaces between Chinese characters; folded 34 radicals to ideographs; "
        "parted 1 pair of words glued together")
    assert read_report(PAPER).cleaned.summary() == ("removed 1 stray space between Chinese characters; "
                                                    "parted 1 pair of words glued together")


@pytest.mark.parametrize("name, head", [("deep-report", 4), ("law", 4)])
def test_the_other_shapes_as_extracted_read_the_same(tmp_path, name, head):
    source = FIXTURES / f"{name}.txt"
    extraction = Extraction(page_lines=5, page_number="- {n} -", wrap={"zh": 24, "en": 50}, hyphenate=True,
                            footer="某省知识产权局", radicals=True, stray_spaces=True)
    path = write(tmp_path, extract(source_blocks(source, head), extraction, seed=3, head=head), f"{name}.txt")
    assert tree_of(path) == tree_of(source)
    assert read_report(path).cleaned.count("running_line") >= 3


def test_page_numbers_in_every_form():
    result = cleaned("甲。", "- 3 -", "乙。", "— 4 —", "丙。", "第 5 页", "丁。", "Page 6", "戊。", "7 / 40", "己。")
    assert [line for _, line in result.lines] == ["甲。", "乙。", "丙。", "丁。", "戊。", "己。"]
    assert [(r.kind, r.line, r.text) for r in result.repairs][:2] == [("page_number", 2, "- 3 -"),
                                                                        ("page_number", 4, "— 4 —")]


def test_page_numbers_glued_into_the_text():
    result = cleaned("Zhejiang province seized the - 2 - opportunity of", "关于强化知识- 3 -产权保护")
    assert [line for _, line in result.lines] == ["Zhejiang province seized the opportunity of", "关于强化知识产权保护"]
    assert result.count("page_number") == 2


def test_a_plain_number_is_a_page_number_only_in_the_sequence_of_pages():
    result = cleaned("a", "2", "b", "3", "c", "96", "d", "4", "e")
    assert [line for _, line in result.lines] == ["a", "b", "c", "96", "d", "e"]
    assert result.warnings == [(6, "«96» alone on a line looks like a page number, but it is not in the sequence "
                                   "of the document's pages: kept as text")]
    assert [line for _, line in cleaned("甲", "2019", "乙").lines] == ["甲", "2019", "乙"]  # a year is no page
    assert page_sequence([2, 3, 96, 4, 5]) == {0, 1, 3, 4} and page_sequence([120, 121]) == set()


def test_a_running_footer_in_the_other_language():
    lines = ["测试报告", "Test Report"]
    for page in range(1, 5):
        lines += [f"The text of page {page}", "is long enough to fill", "a page of the report", f"and page {page} goes on",
                  "浙江省知识产权局", f"over the page break {page}."]
    result = cleaned(*lines)
    assert "浙江省知识产权局" not in [line for _, line in result.lines] and result.count("running_line") == 4


def test_a_recurring_heading_is_never_a_running_line(tmp_path):
    blocks = []
    for s, (zh, en) in enumerate([("一", "I"), ("二", "II"), ("三", "III")], start=1):
        blocks += [f"{zh}、部分", f"{en}. Part", "（一）主要成效", "(I) Main results", "- %d -" % s,
                   f"1. 成效{s}。", f"1. Result {s}."]
    reading = read_report(write(tmp_path, "\n\n".join([*HEAD, *blocks]) + "\n"))
    assert [h.id for h in reading.document.headings()].count("s2-1") == 1
    assert reading.cleaned.count("running_line") == 0


@pytest.mark.parametrize("lines, expected, kept", [
    (["the intel-", "lectual property"], ["the intellectual", "property"], False),
    (["up 20% year-on-", "year in 2019"], ["up 20% year-on-year", "in 2019"], False),  # a compound the text has
    (["year-on-year growth", "a four-", "level mechanism"], ["year-on-year growth", "a four-level", "mechanism"], False),
    (["the province's govern-", "ment, and"], ["the province's government,", "and"], False),
    (["Zhejiang's qwx-", "zyv office"], ["Zhejiang's qwxzyv", "office"], True),  # unknown: joined, with a warning
    (["it was an oper- ation of"], ["it was an operation of"], False),  # glued back by the tool
    (["short- and long-term plans"], ["short- and long-term plans"], False),  # a suspended hyphen, as printed
])
def test_hyphenated_words_at_line_ends(lines, expected, kept):
    result = cleaned(*lines)
    assert [line for _, line in result.lines] == expected
    assert bool(result.warnings) == kept


@pytest.mark.parametrize("lines, expected", [
    (["office for IPJoint Meeting of the Province", "an IP office", "a joint office"],
     ["office for IP Joint Meeting of the Province", "an IP office", "a joint office"]),
    (["in the provinceThe number of patents grew", "the province"],
     ["in the province The number of patents grew", "the province"]),
    (["the WIPOLex database of WIPO"], ["the WIPOLex database of WIPO"]),  # «Lex» is no word of the text
    (["the CNIPAGuide for CNIPA", "see CNIPAGuide on guide pages"],
     ["the CNIPAGuide for CNIPA", "see CNIPAGuide on guide pages"]),  # written so twice: a name
    (["an iPhone and a MacBook at the Apple store, iron phone"], ["an iPhone and a MacBook at the Apple store, iron phone"]),
])
def test_two_words_glued_where_a_break_was_lost_are_parted_on_the_texts_evidence(lines, expected):
    result = cleaned(*lines)
    assert [line for _, line in result.lines] == expected
    parted = [line for line, was in zip(expected, lines) if line != was]
    assert [(r.line, r.kind) for r in result.repairs] == [(1, "glued")] * len(parted)
    assert ("parted 1 pair of words glued together" in result.summary()) == bool(parted)


def test_radicals_fold_without_touching_punctuation():
    result = cleaned("⼯作⻔户，（全⾓）：１２３")
    assert result.lines == [(1, "工作门户，（全角）：１２３")]
    assert result.count("character") == 3


def test_stray_spaces_between_chinese_characters():
    result = cleaned("知识产权 保护　工作 2019 年 PCT 申请")
    assert result.lines == [(1, "知识产权保护工作 2019 年 PCT 申请")]


def test_a_contents_page_that_does_not_match_the_text_is_kept_and_reported():
    result = cleaned("目录", "甲乙丙 ..... 3", "丁戊己 ..... 5", "", "一、全然不同的标题", "正文。")
    assert result.lines[0] == (1, "目录") and result.count("contents") == 0
    assert result.warnings[0][0] == 1 and "look like a contents page" in result.warnings[0][1]
    matched = cleaned("目录", "一、总则 ..... 3", "二、附则", "（续）..... 5", "", "一、总则", "正文。", "二、附则（续）", "正文。")
    assert [line for _, line in matched.lines] == ["", "一、总则", "正文。", "二、附则（续）", "正文。"]


def test_outline_lists_each_repair_and_cleaned_shows_the_text(tmp_path):
    contents = [(h.printed("zh"), h.printed("en")) for h in read_report(PAPER).document.children]
    path = write(tmp_path, extract(source_blocks(PAPER), Extraction(contents=contents, **EVERYTHING), seed=1))
    outline = subprocess.run([sys.executable, "scripts/convert.py", str(path), "--outline"], capture_output=True,
                             text=True, cwd=ROOT)
    assert outline.returncode == 0, outline.stderr
    assert "cleaned: removed 54 page numbers" in outline.stdout
    assert re.search(r"line \d+: page number removed «- 2 -»", outline.stdout)
    assert re.search(r"line \d+: running header or footer removed «浙江省知识产权局»", outline.stdout)
    assert re.search(r"line \d+: word rejoined at a line end: «\w+»", outline.stdout)
    text = subprocess.run([sys.executable, "scripts/convert.py", str(path), "--cleaned"], capture_output=True,
                          text=True, cwd=ROOT).stdout
    assert "- 2 -" not in text and "浙江省知识产权局\n" not in text and "目录" not in text


COMMON = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@COMMON
@given(data=st.data())
def test_random_trees_with_furniture_at_random_page_breaks_read_the_same(tmp_path, data):
    tree = data.draw(trees())
    blocks = [*HEAD] + [text for pair in tree.blocks for text in pair]
    clean_path = write(tmp_path, "\n\n".join(blocks) + "\n", "clean.txt")
    extraction = Extraction(
        page_lines=data.draw(st.integers(3, 12)),
        page_number=data.draw(st.sampled_from(["- {n} -", "{n}", "第 {n} 页", "Page {n}", "— {n} —", "{n} / {total}"])),
        header=data.draw(st.sampled_from([None, "测试报告 2020", "Test Report"])),
        footer=data.draw(st.sampled_from([None, "测试办公室", "Test Office of the Province"])),
        wrap=data.draw(st.sampled_from([None, {"zh": 20, "en": 40}, {"zh": 33, "en": 71}])),
        hyphenate=data.draw(st.booleans()), radicals=data.draw(st.booleans()), stray_spaces=data.draw(st.booleans()))
    text = extract(blocks, extraction, seed=data.draw(st.integers(0, 99)))
    body = text.split("\n", 8)[-1]  # after the title and the issuer, which a footer may repeat
    for running in (extraction.header, extraction.footer):
        assume(running is None or body.count(running) >= 2)  # a line repeated at page breaks, not a line once
    path = write(tmp_path, text, "extracted.txt")
    assert tree_of(path) == tree_of(clean_path)


def test_the_space_after_a_heading_number_is_no_stray_space(tmp_path):
    reading = read_report(FIXTURES / "law.txt")
    assert reading.cleaned.summary() == "nothing to clean"  # 第一章　总则, 第一条　…
    spaced = read_report(write(tmp_path, "\n\n".join([*HEAD, "一、全面 强化", "I. Strengthen", "1. 甲 乙。", "1. A B."])))
    assert spaced.document.children[0].printed("zh") == "一、全面强化" and spaced.cleaned.count("space") == 2


def test_a_repeated_line_that_continues_a_broken_word_is_text_not_a_footer():
    # a sentence said twice, wrapped the same way, each time beside a page number: its second line is text
    result = cleaned("一、甲", "", "I. A", "", "事项。", "", "Matter 2: The provin-", "- 1 -",
                     "cial regulator acted for the protection", "of property. The provin-", "- 2 -",
                     "cial regulator acted for the protection", "of property.", "- 3 -", "More text.")
    assert [line for _, line in result.lines].count("cial regulator acted for the protection") == 0  # rejoined
    assert "provincial regulator acted for the protection" in " ".join(line for _, line in result.lines)
    assert result.count("running_line") == 0
