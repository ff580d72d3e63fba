"""The 2019 white paper itself: structure found, every block kept, wording exactly as printed."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilingual_report.model import Figure, Paragraph, Table
from bilingual_report.reader import read_document
from bilingual_report.source import read_text, split_blocks

SOURCE = Path(__file__).resolve().parent.parent / "data" / "zhejiang-ip-white-paper-2019.txt"


@pytest.fixture(scope="module")
def paper():
    return read_document(SOURCE)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_front_matter(paper):
    assert paper.title["zh"] == "2019 年浙江省知识产权保护与发展白皮书"
    assert paper.title["en"] == ("2019 White Paper on Development and Protection of Intellectual Property "
                                 "in Zhejiang Province")
    assert paper.issuer == {"zh": "浙江省知识产权强省建设工作联席会议办公室",
                            "en": "office for IPJoint Meeting of Zhejiang Province"}
    assert len(paper.intro) == 1 and paper.intro[0].en.endswith("aspects of intellectual property work.")


def test_six_sections_with_their_items(paper):
    assert [s.number for s in paper.sections] == [1, 2, 3, 4, 5, 6]
    items = [[b.item for b in s.blocks if isinstance(b, Paragraph) and b.item] for s in paper.sections]
    assert items == [[1, 2, 3], [1, 2, 3], [1, 2, 3, 4], [1, 2, 3], [1, 2], [1, 2]]
    assert paper.sections[2].heading["zh"] == "三、深化完善知识产权保护机制，努力推进最优营商环境建设"
    assert all(s.heading["en"].startswith(f"{numeral}. ") for s, numeral in
               zip(paper.sections, ["I", "II", "III", "IV", "V", "VI"]))


def test_figures_and_the_table_in_reading_order(paper):
    found = [(b.type, b.number) for s in paper.sections for b in s.blocks if isinstance(b, (Figure, Table))]
    assert found == [("figure", 1), ("figure", 2), ("table", 3), ("figure", 4), ("figure", 5), ("figure", 6)]
    table = next(b for s in paper.sections for b in s.blocks if isinstance(b, Table))
    assert len(table.rows["zh"]) == len(table.rows["en"]) == 12  # header, ten enterprises, total
    assert table.rows["zh"][-1] == ["合计", "", "12837", "/"] and table.rows["en"][1][2] == "24998"


def test_unnumbered_paragraphs_continue_their_item(paper):
    by_id = {p.id: p for p in paper.paragraphs()}
    assert by_id["s2-1-2"].zh.startswith("创业创新主体内生动力持续释放。")
    assert by_id["s2-2-2"].zh.endswith("局推进高校知识产权规范化管理体系建设工作。")
    lead_joined = by_id["s3-1-2"]
    assert lead_joined.en.startswith("The diversified mechanisms for solving intellectual property disputes were "
                                     "improved. Zhejiang Provincial Higher People's Court")
    assert lead_joined.lines["en"] == [160, 162, 164]


def test_every_source_block_is_in_the_model(paper):
    blocks = split_blocks(read_text(SOURCE))
    used = {n for p in paper.paragraphs() for lang in ("zh", "en") for n in p.lines[lang]}
    used |= {n for s in paper.sections for lang in ("zh", "en") for n in s.lines[lang]}
    used |= {n for s in paper.sections for b in s.blocks if not isinstance(b, Paragraph)
             for lang in ("zh", "en") for n in b.lines[lang]}
    front = {3, 5, 7, 11, 12, 14, 16}  # title, issuer, running header
    missing = [b.first_line for b in blocks if b.first_line not in used | front]
    assert missing == []


def test_wording_is_exactly_as_printed(paper):
    source = squeeze(read_text(SOURCE))
    for paragraph in paper.paragraphs():
        assert squeeze(paragraph.zh) in source, paragraph.id
        assert squeeze(paragraph.en) in source, paragraph.id
    by_id = {p.id: p for p in paper.paragraphs()}
    assert "关于强化知识产权保护的意見" in by_id["s1-1-1"].zh  # the one traditional character, kept
    assert "intergral part" in by_id["s1-1-1"].en  # a typo of the original, kept


def test_ids_are_unique_and_shaped_by_position(paper):
    ids = [p.id for p in paper.paragraphs()] + [b.id for s in paper.sections for b in s.blocks
                                                  if not isinstance(b, Paragraph)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"intro-\d+|s\d+-\d+-\d+|figure-\d+", i) for i in ids)
