"""The aligned text as TMX 1.4 and CSV: from the model, one unit per heading and paragraph pair, well-formed."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from helpers import SECTION_1, read_document, report_text, write

from bilingual_report.site.text_exports import aligned_csv_bytes, tmx_bytes, units

ROOT = Path(__file__).resolve().parent.parent
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def paper():
    return read_document(ROOT / "data" / "zhejiang-ip-white-paper-2019.txt")


def test_tmx_follows_the_tmx_1_4_structure(paper):
    root = ElementTree.fromstring(tmx_bytes(paper))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header, body = list(root)
    assert header.tag == "header" and body.tag == "body"
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attribute), attribute
    tus = list(body)
    expected = list(units(paper))
    assert [u.get("tuid") for u in tus] == [unit_id for unit_id, _ in expected]
    assert len(tus) == len(paper.paragraphs()) + len(paper.headings())
    for tu, (unit_id, texts) in zip(tus, expected):
        assert tu.tag == "tu"
        variants = {tuv.get(XML_LANG): tuv.find("seg").text for tuv in tu.findall("tuv")}
        assert variants == {"zh-CN": texts["zh"], "en": texts["en"]}
    by_id = dict(expected)
    assert by_id["s2-1"]["zh"] == "1. 知识产权创造成效显著。" and by_id["s2-1-1"]["zh"].startswith("2019年，全省有效发明专利")
    assert by_id["s1-2"]["en"] == "2. Make great efforts to advance the modernization of the intellectual property " \
                                  "governance system and capacity."


def test_tmx_escapes_markup_and_is_deterministic(tmp_path, paper):
    document = read_document(write(tmp_path, report_text(*SECTION_1, "1. 甲。<b>&乙</b>。", "1. A. <b>&B</b>.")))
    text = tmx_bytes(document).decode("utf-8")
    assert "&lt;b&gt;&amp;乙&lt;/b&gt;" in text and ElementTree.fromstring(text.encode("utf-8")) is not None
    assert tmx_bytes(paper) == tmx_bytes(paper)


def test_csv_has_id_zh_en_per_heading_and_paragraph(paper):
    rows = list(csv.reader(io.StringIO(aligned_csv_bytes(paper).decode("utf-8-sig"))))
    assert rows[0] == ["id", "zh", "en"]
    assert [r[0] for r in rows[1:]] == [unit_id for unit_id, _ in units(paper)]
    assert rows[1][1].startswith("2019 年，浙江省知识产权工作") and rows[1][2].startswith("Under the leadership")
