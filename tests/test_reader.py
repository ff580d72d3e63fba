"""The reader on small made-up inputs: every irregularity of PDF-extracted bilingual text."""
from __future__ import annotations

import pytest
from helpers import EXTRA_EN, EXTRA_ZH, INTRO, ITEM_1, ITEM_2, SECTION_1, read_document, read_report, report_text, write

from bilingual_report.errors import InputError
from bilingual_report.model import Heading, Paragraph


def read(tmp_path, *blocks, **kwargs):
    return read_document(write(tmp_path, report_text(*blocks, **kwargs)))


def nodes(heading):
    """Everything under a heading in reading order, headings included."""
    out = []
    for child in heading.children:
        out.append(child)
        if isinstance(child, Heading):
            out += nodes(child)
    return out


def paragraphs(heading):
    return [n for n in nodes(heading) if isinstance(n, Paragraph)]


def test_structure_and_ids(tmp_path):
    doc = read(tmp_path, *INTRO, *SECTION_1, *ITEM_1, "续段。", "A continuation.",
               "2. 第二项。", "2. Item two.", "二、第二部分", "II. Part two", "1. 甲。", "1. A.")
    assert doc.title == {"zh": "测试报告", "en": "Test Report"}
    assert doc.issuer == {"zh": "测试办公室", "en": "Test Office"}
    assert [(p.id, p.text) for p in doc.intro] == [("intro-1", {"zh": "这是引言。", "en": "This is the introduction."})]
    assert [(s.id, s.number, s.printed("en")) for s in doc.children] == [("s1", 1, "I. Part one"), ("s2", 2, "II. Part two")]
    assert [n.id for n in nodes(doc.children[0])] == ["s1-1", "s1-1-1", "s1-1-2", "s1-2"]
    item = doc.children[0].headings[0]
    assert item.level == "item" and item.number == 1 and item.run_in
    assert item.text == {"zh": "第一项工作取得进展。", "en": "Progress was made in the first task."}
    first, continuation = item.children
    assert first.text["zh"] == "全省共处理案件一千余起，同比增长百分之二十，居全国前列。"
    assert first.text["en"].startswith("The province handled")
    assert continuation.text == {"zh": "续段。", "en": "A continuation."} and continuation.number == 2
    assert not doc.children[0].headings[1].run_in  # "2. 第二项。" is its lead sentence alone


def test_page_break_rejoins_chinese_without_space_and_english_with_one(tmp_path):
    doc = read(tmp_path, *SECTION_1, "1. 第一项。内容被分", "页打断了。", "1. Item one. The content was cut by", "a page break.")
    item = doc.children[0].headings[0]
    assert item.text == {"zh": "第一项。", "en": "Item one."}
    assert item.children[0].text == {"zh": "内容被分页打断了。", "en": "The content was cut by a page break."}
    assert item.lines == {"zh": [13, 15], "en": [17, 19]}


def test_three_way_split_in_either_language(tmp_path):
    doc = read(tmp_path, *SECTION_1, "1. 第一项。一", "二", "三。", "1. Item one. one,", "two,", "three.")
    block = doc.children[0].headings[0].children[0]
    assert block.text == {"zh": "一二三。", "en": "one, two, three."}


def test_heading_cut_by_a_page_break(tmp_path):
    doc = read(tmp_path, "一、第一部分的标题被", "分页打断", "I. The heading of part one, cut by", "a page break",
               *ITEM_1)
    heading = doc.children[0]
    assert {lang: heading.printed(lang) for lang in ("zh", "en")} == {
        "zh": "一、第一部分的标题被分页打断", "en": "I. The heading of part one, cut by a page break"}


def test_standalone_english_lead_sentence_joins_its_paragraph(tmp_path):
    doc = read(tmp_path, *SECTION_1, *ITEM_1,
               "完善机制。省法院开展了很多工作，取得了很大成效，并且继续推进。",
               "The mechanisms were improved.",
               "The provincial court did a great deal of work with great effect and went on with it.")
    block = paragraphs(doc.children[0])[1]
    assert block.id == "s1-1-2"
    assert block.text["en"] == ("The mechanisms were improved. The provincial court did a great deal of work "
                                "with great effect and went on with it.")


def test_sentence_complete_paragraphs_stay_apart_when_both_languages_have_them(tmp_path):
    doc = read(tmp_path, *SECTION_1, *ITEM_1, "第一段。", "第二段。", "First paragraph.", "Second paragraph.")
    assert [b.text["en"] for b in paragraphs(doc.children[0])[1:]] == ["First paragraph.", "Second paragraph."]


def test_table_with_title_and_caption(tmp_path):
    table_zh = "榜单\t\t\n排名\t企业\t数量\n1\t甲公司\t24998\n合计\t\t12837"
    table_en = "Ranking\t\t\nRank\tEnterprise\tNumber\n1\tA Co., Ltd.\t24998\ntotal\t\t12837"
    doc = read(tmp_path, *SECTION_1, "正文。", table_zh, "图 3:榜单", "Text.", table_en, "Figure 3: Ranking")
    paragraph, table = doc.children[0].children
    assert paragraph.text["zh"] == "正文。"
    assert table.type == "table" and table.id == "figure-3" and table.number == 3 and table.kind == "figure"
    assert table.title == {"zh": "榜单", "en": "Ranking"}
    assert table.caption == {"zh": "图 3:榜单", "en": "Figure 3: Ranking"}
    assert table.rows["zh"][0] == ["排名", "企业", "数量"]
    assert table.rows["en"][-1] == ["total", "", "12837"]


def test_figure_captions_follow_their_paragraph(tmp_path):
    doc = read(tmp_path, *SECTION_1, *ITEM_1[:1], "图 1：甲", "图 2：乙", ITEM_1[1], "Figure 1 A", "Figure 2 B",
               "2. 第二项。", "2. Item two.")
    kinds = [(b.type, b.id) for b in nodes(doc.children[0])]
    assert kinds == [("heading", "s1-1"), ("paragraph", "s1-1-1"), ("figure", "figure-1"), ("figure", "figure-2"),
                     ("heading", "s1-2")]
    assert nodes(doc.children[0])[2].caption == {"zh": "图 1：甲", "en": "Figure 1 A"}


def test_bom_crlf_and_trailing_spaces_change_nothing(tmp_path):
    blocks = [*INTRO, *SECTION_1, "1. 第一项。内容被分", "页打断了。", "1. Item one. Cut", "here."]
    clean = read_document(write(tmp_path, report_text(*blocks), "clean.txt"))
    noisy_text = "\ufeff" + report_text(*blocks).replace("\n", "   \r\n").replace("\r\n\r\n", "\r\n \t\r\n\r\n")
    noisy = read_document(write(tmp_path, noisy_text.encode("utf-8"), "noisy.txt"))
    strip_lines = lambda d: [(n.id, getattr(n, "text", None)) for n, _ in d.walk()]  # noqa: E731
    assert strip_lines(noisy) == strip_lines(clean)
    assert noisy.title == clean.title and noisy.intro[0].text == clean.intro[0].text


def test_running_header_repeating_the_title_is_dropped(tmp_path):
    doc = read(tmp_path, *SECTION_1, "1. 第一项。内容被", "测试 报告", "Test  Report", "分页打断了。", "1. Item one. Content.")
    assert doc.children[0].headings[0].children[0].text["zh"] == "内容被分页打断了。"


def test_issuer_block_with_both_languages_on_consecutive_lines(tmp_path):
    text = "测试报告\n\nTest Report\n\n测试办公室\nTest Office\n\n" + "\n\n".join([*SECTION_1, *ITEM_1]) + "\n"
    doc = read_document(write(tmp_path, text))
    assert doc.issuer == {"zh": "测试办公室", "en": "Test Office"}


def test_bold_markers_across_a_page_break(tmp_path):
    doc = read(tmp_path, *SECTION_1, "1. **第一项", "加粗。**内容。", "1. **Item one", "in bold.** Content.")
    item = doc.children[0].headings[0]
    assert item.text == {"zh": "**第一项加粗。**", "en": "**Item one in bold.**"}
    assert item.children[0].text == {"zh": "内容。", "en": "Content."}


def test_only_some_sections(tmp_path):
    reading = read_report(write(tmp_path, report_text("三、第三部分", "III. Part three", *ITEM_1)))
    doc = reading.document
    assert [s.id for s in doc.children] == ["s3"] and paragraphs(doc.children[0])[0].id == "s3-1-1"
    assert [str(w) for w in reading.warnings] == [f"{tmp_path / 'report.txt'}:9: section 3 comes where section 1 was "
                                                  "expected (a numbering gap: check for a missing or misnumbered heading)"]


@pytest.mark.parametrize("blocks, expected", [
    ([*SECTION_1, *ITEM_1, EXTRA_ZH, *ITEM_2],
     "report.txt:17: in section 1 (一、第一部分…), the Chinese paragraph at line 17 has no English counterpart"),
    ([*SECTION_1, *ITEM_1, EXTRA_EN, *ITEM_2],
     "report.txt:17: in section 1 (一、第一部分…), the English paragraph at line 17 has no Chinese counterpart"),
    ([*SECTION_1, *ITEM_1, ITEM_2[0], EXTRA_EN, ITEM_2[1]],
     "report.txt:19: in section 1 (一、第一部分…), the English paragraph at line 19 has no Chinese counterpart"),
    ([*SECTION_1, *ITEM_1, ITEM_2[0]], "report.txt:17: the Chinese text at lines 17-17 has no English translation"),
    ([*SECTION_1, ITEM_1[0], ITEM_2[1]], "report.txt:13: in section 1 (一、第一部分…), cannot pair the Chinese "
     "blocks at line 13 (1 item) with the English blocks at line 15 (1 item)"),
    ([*SECTION_1, "图 1：甲", "Figure 2 B"], "cannot pair the Chinese blocks at line 13 (1 caption)"),
    (["一、第一部分", *ITEM_1], "report.txt:9: in section 1 (一、第一部分…), the Chinese section at line 9 has no English"),
])
def test_unpairable_input_names_section_and_lines(tmp_path, blocks, expected):
    with pytest.raises(InputError) as caught:
        read(tmp_path, *blocks)
    assert expected in str(caught.value)


def test_all_pairing_problems_are_reported_together(tmp_path):
    with pytest.raises(InputError) as caught:
        read(tmp_path, *SECTION_1, *ITEM_1, EXTRA_ZH, *ITEM_2, "二、第二部分", "II. Part two",
             *ITEM_1, EXTRA_EN, *ITEM_2)
    assert [p.line for p in caught.value.problems] == [17, 31]


def test_table_without_caption_is_an_error(tmp_path):
    with pytest.raises(InputError, match="this table has no caption before or after it"):
        read(tmp_path, *SECTION_1, "表\t\n甲\t1\n乙\t2", "Table\t\nA\t1\nB\t2")


def test_duplicate_item_numbers_are_an_error(tmp_path):
    with pytest.raises(InputError, match=r"report.txt:17: item 1 appears twice under «一、第一部分» \(first at line 13\)"):
        read(tmp_path, *SECTION_1, *ITEM_1, *ITEM_1)


@pytest.mark.parametrize("content, expected", [
    (None, "file not found"),
    (b"", "the file is empty"),
    (b"  \n\n \r\n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("测试报告\n\nTest Report\n".encode("gb18030"), "iconv -f GB18030 -t UTF-8"),
    (b"Test Report\n\n\xe6\xb5\x8b\n", "the text starts in English"),
])
def test_unreadable_files(tmp_path, content, expected):
    path = tmp_path / "report.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert expected in str(caught.value)
    assert str(caught.value).startswith(str(path))
