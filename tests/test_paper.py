"""The 2019 white paper itself: structure found, every block kept, wording exactly as printed, ids as before."""
from __future__ import annotations

import re

import pytest
from helpers import PAPER, read_report

from bilingual_report.model import Figure, Heading, Paragraph, Table, printed_text
from bilingual_report.sources.text import read_text, split_blocks, text_lines

SOURCE = PAPER


@pytest.fixture(scope="module")
def reading():
    return read_report(SOURCE)


@pytest.fixture(scope="module")
def paper(reading):
    return reading.document


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_front_matter(paper):
    assert paper.title["zh"] == "2019 年浙江省知识产权保护与发展白皮书"
    assert paper.title["en"] == ("2019 White Paper on Development and Protection of Intellectual Property "
                                 "in Zhejiang Province")
    assert paper.issuer == {"zh": "浙江省知识产权强省建设工作联席会议办公室",
                            "en": "office for IP Joint Meeting of Zhejiang Province"}
    assert paper.front == []
    assert len(paper.intro) == 1 and paper.intro[0].text["en"].endswith("aspects of intellectual property work.")


def test_six_sections_with_their_items_and_no_warning(reading, paper):
    assert reading.scheme.name == "official" and reading.warnings == []
    # the issuer's two words the extraction glued (IPJoint), the running header's space
    assert [(r.kind, r.line) for r in reading.cleaned.repairs] == [("glued", 12), ("space", 14)]
    assert [(s.level, s.number) for s in paper.children] == [("section", n) for n in range(1, 7)]
    items = [[h.number for h in s.headings] for s in paper.children]
    assert items == [[1, 2, 3], [1, 2, 3], [1, 2, 3, 4], [1, 2, 3], [1, 2], [1, 2]]
    assert all(h.level == "item" and h.run_in and not h.headings for s in paper.children for h in s.headings)
    assert paper.children[2].printed("zh") == "三、深化完善知识产权保护机制，努力推进最优营商环境建设"
    assert [s.label["en"] for s in paper.children] == ["I.", "II.", "III.", "IV.", "V.", "VI."]
    assert [s.numeral["zh"] for s in paper.children] == ["一", "二", "三", "四", "五", "六"]
    item = paper.children[1].headings[0]
    assert (item.label, item.text["zh"]) == ({"zh": "1.", "en": "1."}, "知识产权创造成效显著。")


def test_figures_and_the_table_in_reading_order(paper):
    found = [(n.type, n.number) for n, _ in paper.walk() if isinstance(n, (Figure, Table))]
    assert found == [("figure", 1), ("figure", 2), ("table", 3), ("figure", 4), ("figure", 5), ("figure", 6)]
    table = next(n for n, _ in paper.walk() if isinstance(n, Table))
    assert table.id == "figure-3" and table.kind == "figure"
    assert table.title["zh"] == "2019年浙江企业专利申请量十强榜单"
    assert len(table.rows["zh"]) == len(table.rows["en"]) == 12  # header, ten enterprises, total
    assert table.rows["zh"][-1] == ["合计", "", "12837", "/"] and table.rows["en"][1][2] == "24998"


def test_unnumbered_paragraphs_continue_their_item(paper):
    by_id = {p.id: p for p in paper.paragraphs()}
    assert by_id["s2-1-2"].text["zh"].startswith("创业创新主体内生动力持续释放。")
    assert by_id["s2-2-2"].text["zh"].endswith("局推进高校知识产权规范化管理体系建设工作。")
    lead_joined = by_id["s3-1-2"]
    assert lead_joined.text["en"].startswith("The diversified mechanisms for solving intellectual property disputes "
                                             "were improved. Zhejiang Provincial Higher People's Court")
    assert lead_joined.lines["en"] == [160, 162, 164]


def test_every_source_block_is_in_the_model(paper):
    blocks = split_blocks(text_lines(read_text(SOURCE)))
    used = {n for node, _ in paper.walk() for lang in ("zh", "en") for n in node.lines[lang]}
    front = {3, 5, 7, 11, 12, 14, 16}  # title, issuer, running header
    missing = [b.first_line for b in blocks if b.first_line not in used | front]
    assert missing == []


def test_wording_is_exactly_as_printed(paper):
    source = squeeze(read_text(SOURCE))
    for node, parents in paper.walk():
        if isinstance(node, Paragraph):
            for lang in ("zh", "en"):
                assert squeeze(printed_text(node, parents, lang)) in source, node.id
    by_id = {p.id: p for p in paper.paragraphs()}
    assert "关于强化知识产权保护的意見" in by_id["s1-1-1"].text["zh"]  # the one traditional character, kept
    assert "intergral part" in by_id["s1-1-1"].text["en"]  # a typo of the original, kept


# Every id the site had before the document became a tree: its paragraphs, headings and figures.
IDS_BEFORE = (["intro-1"] + [f"s{s}" for s in range(1, 7)]
              + [f"s{s}-{i}" for s, n in zip(range(1, 7), [3, 3, 4, 3, 2, 2]) for i in range(1, n + 1)]
              + ["s1-1-1", "s1-2-1", "s1-3-1", "s2-1-1", "s2-1-2", "s2-2-1", "s2-2-2", "s2-3-1", "s3-1-1", "s3-1-2",
                 "s3-2-1", "s3-3-1", "s3-4-1", "s4-1-1", "s4-2-1", "s4-3-1", "s5-1-1", "s5-2-1", "s6-1-1", "s6-2-1"]
              + [f"figure-{n}" for n in range(1, 7)])


def test_ids_are_unique_and_the_same_as_before(paper):
    ids = [node.id for node, _ in paper.walk()]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(IDS_BEFORE)
    assert all(isinstance(node, Heading) == bool(re.fullmatch(r"s\d+(-\d+)?", node.id)) for node, _ in paper.walk())
