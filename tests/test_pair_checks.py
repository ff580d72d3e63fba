"""The plausibility of each pair on made-up reports: lengths, sentence edges, repeats, the text's end, titles;
and the characters no report prints."""
from __future__ import annotations

import pytest
from helpers import ITEM_1, ITEM_2, PAPER, SECTION_1, read_document, read_report, report_text, write
from test_shapes import DEEP, LAW

from bilingual_report.checks.pair_checks import check_pairs, repeated
from bilingual_report.errors import InputError

# Enough ordinary pairs for the document's own ratio (about 2.4 English characters per Chinese one here).
ITEM_3 = ["3. 第三项工作成效明显。全省培训专业人员五千余人次，举办公益讲座三百余场。",
          "3. The third task showed clear results. The province trained more than five thousand professionals "
          "and held more than three hundred public lectures."]
ITEM_4 = ["4. 第四项工作稳步开展。各地建立协作机制，案件办理周期缩短三成。",
          "4. The fourth task proceeded steadily. Every city set up a cooperation mechanism, and cases were "
          "handled in thirty percent less time."]
BODY = [*SECTION_1, *ITEM_1, *ITEM_2, *ITEM_3, *ITEM_4]


def findings(tmp_path, *blocks):
    return [str(f) for f in check_pairs(read_document(write(tmp_path, report_text(*blocks))))]


def test_ordinary_pairs_have_no_findings(tmp_path):
    assert findings(tmp_path, *BODY, "二、第二部分", "II. Part two", "这是结尾。", "This is the end.") == []


@pytest.mark.parametrize("source", [PAPER, LAW, DEEP], ids=["paper", "law", "deep"])
def test_the_project_reports_have_no_pair_findings(source):
    assert [str(f) for f in check_pairs(read_document(source))] == []


def test_a_pair_out_of_the_documents_proportion_names_both_lines(tmp_path):
    long_english = ITEM_4[1] + (" Courts heard appeals in every county, and mediators settled disputes at markets."
                                " Customs officers seized goods at the ports, while schools taught pupils about"
                                " patents. Banks lent money against trademarks, and insurers covered the risks of"
                                " litigation for small firms. Libraries opened patent reading rooms in each city,"
                                " and universities licensed their inventions to local companies at low prices.")
    found = findings(tmp_path, *SECTION_1, *ITEM_1, *ITEM_2, *ITEM_3, ITEM_4[0], long_english)
    assert len(found) == 1 and found[0].startswith("s1-4-1 (zh line 25, en line 27): the English is "), found
    assert "the English holds text the other language does not" in found[0]


def test_a_chinese_paragraph_much_longer_than_its_english(tmp_path):
    found = findings(tmp_path, *SECTION_1, *ITEM_1, *ITEM_2, ITEM_3[0] + "法院审理了各县的上诉案件，调解员在市场调解纠纷。海关在港口查扣货物，学校向学生讲授专利知识。"
                     "银行以商标为质押发放贷款，保险公司为小企业承保诉讼风险。图书馆在各市开设专利阅览室，高校以低价向本地"
                     "企业许可其发明。各地还建立了快速维权中心，为企业提供一站式服务。行业协会制定了自律公约，电商平台完善了"
                     "投诉处理机制，展会主办方设立了维权工作站，律师事务所为中小企业提供免费咨询。", ITEM_3[1], *ITEM_4)
    assert any("the Chinese holds text the other language does not" in f for f in found), found


def test_one_side_stopping_mid_sentence(tmp_path):
    cut = ITEM_2[1][:ITEM_2[1].index(", bringing")]
    found = findings(tmp_path, *SECTION_1, *ITEM_1, ITEM_2[0], cut, *ITEM_3, *ITEM_4)
    assert any(f.startswith("s1-2-1 (zh line 17, en line 19): the English stops mid-sentence («…") for f in found), found


def test_one_side_starting_mid_sentence(tmp_path):
    found = findings(tmp_path, *BODY, "，覆盖全省所有县市，服务企业一万余家。", "It covers every county of the province, "
                     "serving more than ten thousand enterprises.")
    assert any("the Chinese starts mid-sentence («，覆盖全省所有县市" in f for f in found), found


def test_an_english_continuation_starting_lowercase(tmp_path):
    found = findings(tmp_path, *BODY, "此外，全省服务企业一万余家。", "and more than ten thousand enterprises "
                     "were served in the province.")
    assert any("the English starts mid-sentence" in f for f in found), found


def test_both_sides_stopping_on_a_word_in_a_long_paragraph(tmp_path):
    zh = ("全省持续推进知识产权保护体系建设，法院审理了各县的上诉案件，调解员在市场调解纠纷，海关在港口查扣货物，"
          "学校向学生讲授专利知识，银行以商标为质押发放贷款，保险公司为小企业承保诉讼风险，图书馆在各市开设专利阅览室，"
          "高校以低价向本地企业许可其发明，各地还建立了快速维权中心，为企业提供一站式服务，行业协会制定了自律公约，"
          "电商平台完善了投诉处理机制并且")
    en = ("The province went on building its system for protecting intellectual property: courts heard appeals in "
          "every county, mediators settled disputes at markets, customs officers seized goods at the ports, schools "
          "taught pupils about patents, banks lent money against trademarks, and insurers covered the risks of "
          "litigation for small firms, while libraries opened patent reading rooms and")
    found = findings(tmp_path, *BODY, zh, en, "二、第二部分", "II. Part two", "这是结尾。", "This is the end.")
    assert any("both languages stop in the middle of a sentence" in f for f in found), found


def test_a_block_holding_its_text_twice(tmp_path):
    doubled = ITEM_3[0] + ITEM_3[0][2:]
    found = findings(tmp_path, *SECTION_1, *ITEM_1, *ITEM_2, doubled, ITEM_3[1], *ITEM_4)
    assert any(f.startswith("s1-3-1 (zh line 21, en line 23): the Chinese holds the same text twice") for f in found), found


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "In 2019 the province trained five thousand people and held three hundred public lectures in its cities"
           " and counties. Courts heard appeals. In 2019 the province trained five thousand people and held three"
           " hundred public lectures in its cities and counties.", True),
    ("en", "In 2019 the province trained five thousand people and held three hundred public lectures in its cities"
           " and counties. Courts heard appeals, and in 2019 the province trained five thousand more people.", False),
    ("zh", "全省培训专业人员五千余人次，举办公益讲座三百余场，覆盖所有设区市和县。法院审理上诉案件。"
           "全省培训专业人员五千余人次，举办公益讲座三百余场，覆盖所有设区市和县。", True),
    ("zh", "全省培训专业人员五千余人次，举办公益讲座三百余场，覆盖所有设区市和县。法院审理上诉案件。"
           "全省培训专业人员五千余人次，另有讲座。", False),
])
def test_repeated_stretches(lang, text, expected):
    """A stretch of 100 English or 30 Chinese characters held twice is found; a shorter one is a text's own."""
    piece = repeated(lang, text)
    assert (piece is not None) == expected
    assert piece is None or text.replace(" ", "").count(piece.replace(" ", "")) == 2


def test_a_title_out_of_proportion(tmp_path):
    head = ["测试报告", "Test Report on the Protection of Intellectual Property in the Province, with a Long Subtitle "
            "Taken In", "测试办公室", "Test Office"]
    text = report_text(*BODY, head=head)
    found = [str(f) for f in check_pairs(read_document(write(tmp_path, text)))]
    assert any(f.startswith("title (zh line 1, en line 3): the English title is") for f in found), found


@pytest.mark.parametrize("end, message", [
    (["5. 第五项工作全面推进，推动了相关", "5. The fifth task went on in full and promoted the constru"],
     "the text ends in the middle of a word («…constru»)"),
    (["二、第二部分", "II. Part two"], "the text ends with a heading («二、第二部分» / «II. Part two») with nothing under it"),
    (["表 1 2020 年全省主要数据", "Table 1 Main Data of the Province in 20"],
     "the text ends with a table's caption («表 1 2020 年全省主要数据» / «Table 1 Main Data of the Province in 20») "
     "and no table under it"),
    (["这是结尾。", "This is where the text"], "the text ends mid-sentence in the English («…This is where the text»)"),
])
def test_a_text_cut_short_stops_the_read_with_its_line(tmp_path, end, message):
    with pytest.raises(InputError) as err:
        read_report(write(tmp_path, report_text(*BODY, *end)))
    assert message in str(err.value) and "report.txt:" in str(err.value) and "cut short" in str(err.value)


def test_a_text_ending_without_a_sentence_end_in_either_language_is_a_warning(tmp_path):
    found = findings(tmp_path, *BODY, "这是结尾", "This is the end")
    assert any("the text ends without a sentence's end in either language" in f for f in found), found


@pytest.mark.parametrize("character", ["\u202e", "\u200b", "\x1b", "\x7f", "\ufeff", "\uffff", "\u2066", "\u00ad"])
def test_invisible_characters_are_removed_and_counted(tmp_path, character):
    zh, en = ITEM_1
    text = report_text(*SECTION_1, zh[:10] + character + zh[10:], en[:30] + character + en[30:], *ITEM_2)
    reading = read_report(write(tmp_path, text))
    item = reading.document.children[0].children[0]
    assert all(character not in item.children[0].text[lang] for lang in ("zh", "en"))
    assert item.children[0].text["zh"] == ITEM_1[0].split("。", 1)[1]
    assert "removed 2 control or invisible format characters" in reading.cleaned.summary()


def test_a_lost_character_is_refused_with_its_line(tmp_path):
    zh, en = ITEM_1
    with pytest.raises(InputError) as err:
        read_report(write(tmp_path, report_text(*SECTION_1, zh, en[:30] + "\ufffd" + en[30:], *ITEM_2)))
    assert "report.txt:15: a character was lost when the text was extracted (U+FFFD" in str(err.value)


@pytest.mark.parametrize("head, tail, joined", [
    ("Provinci", "al", "Provincial"), ("intellec", "tual", "intellectual"), ("enterpri", "ses", "enterprises"),
])
def test_a_word_cut_by_a_line_break_without_a_hyphen_is_rejoined(tmp_path, head, tail, joined):
    en = f"1. Progress was made. The {head}\n{tail} office handled more than one thousand cases in the year."
    doc = read_document(write(tmp_path, report_text(*SECTION_1, "1. 第一项工作取得进展。全省处理案件一千余起。", en, *ITEM_2)))
    assert f" {joined} office" in doc.children[0].children[0].children[0].text["en"]


@pytest.mark.parametrize("first, second", [("the", "office"), ("a", "province"), ("U.S", "office")])
def test_two_words_at_a_line_break_stay_two(tmp_path, first, second):
    en = f"1. Progress was made. Cases in {first}\n{second} rose to more than one thousand in the year."
    doc = read_document(write(tmp_path, report_text(*SECTION_1, "1. 第一项工作取得进展。全省处理案件一千余起。", en, *ITEM_2)))
    assert f"{first} {second} rose" in doc.children[0].children[0].children[0].text["en"]
