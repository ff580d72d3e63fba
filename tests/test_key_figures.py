"""The key figures page: generated from data/key-figures.yml, every value and change checked against the text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from helpers import SECTION_1, profile, read_document, report_text, write

from bilingual_report.config.settings import load_settings
from bilingual_report.datafiles.key_figures import load_key_figures
from bilingual_report.errors import InputError
from bilingual_report.pipeline import site_pages
from bilingual_report.site.layout import SiteLayout

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings(ROOT / "data" / "site.yml", ROOT)
DATA = ROOT / "data" / "key-figures.yml"


@pytest.fixture(scope="module")
def paper():
    return read_document(SETTINGS.sources[0])


def pages(document, key_figures) -> dict[str, str]:
    return site_pages(SiteLayout(document, key_figures=key_figures is not None, figures=False), profile(), SETTINGS, {},
                      key_figures)


def edited(tmp_path: Path, change) -> Path:
    """The real key figures file with one change made to its data."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "key-figures.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_every_key_figure_of_the_data_is_on_both_pages_with_its_source(paper):
    key_figures = load_key_figures(DATA, paper)
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))["figures"]
    assert [f.id for f in key_figures.figures] == [entry["id"] for entry in raw]
    assert 10 <= len(raw) <= 16
    generated = pages(paper, key_figures)
    for lang in ("zh", "en"):
        page = generated[f"{lang}/key-figures.md"]
        cards = re.findall(r'<li id="([a-z0-9-]+)" class="key-figure"', page)
        assert cards == [entry["id"] for entry in raw]
        assert "(key-figures.md)" in generated[f"{lang}/index.md"]
    zh, en = generated["zh/key-figures.md"], generated["en/key-figures.md"]
    assert "16.06万件" in zh and "同比增长 20.21%" in zh and "[出处：第二部分第 1 项第 1 段](section-2.md#s2-1-1)" in zh
    assert "160,600" in en and "up 20.21% year on year" in en
    assert "up 3.6 percentage points year on year" in en and "同比增长 3.6 个百分点" in zh
    assert "more than 8 billion yuan" in en and "超过80亿元" in zh
    assert "[Source: Part IV, item 3, paragraph 1](section-4.md#s4-3-1)" in en
    assert "[Source: Part III, item 3, paragraph 1](section-3.md#s3-3-1)" in en


def test_the_page_follows_the_data(tmp_path):
    text = report_text(*SECTION_1, "1. 受理案件。全省共受理案件 1200 件，同比下降 5%。",
                       "1. Cases received. The province received 1,200 cases, down 5% year-on-year.")
    document = read_document(write(tmp_path, text))
    path = tmp_path / "key.yml"
    path.write_text("""
title: {zh: 一览, en: At a glance}
intro: {zh: 主要数字。, en: The main numbers.}
words:
  zh: {increase: "同比增长 {value}", decrease: "同比下降 {value}", percentage_points: "{value} 个百分点", source: "出处：{reference}"}
  en: {increase: "up {value}", decrease: "down {value}", percentage_points: "{value} points", source: "Source: {reference}"}
figures:
  - id: cases
    label: {zh: 受理案件, en: Cases received}
    value: 1200
    unit: count
    quote: {zh: 全省共受理案件 1200 件, en: "received 1,200 cases"}
    change: {value: -5, unit: percent, quote: {zh: 同比下降 5%, en: "down 5% year-on-year"}}
""", encoding="utf-8")
    generated = pages(document, load_key_figures(path, document))
    assert '<span class="key-figure__value">1,200</span>' in generated["en/key-figures.md"]
    assert '<span class="key-figure__change">down 5%</span>' in generated["en/key-figures.md"]
    assert '<span class="key-figure__change">同比下降 5%</span>' in generated["zh/key-figures.md"]
    assert "[Source: Part I, item 1, paragraph 1](section-1.md#s1-1-1)" in generated["en/key-figures.md"]


@pytest.mark.parametrize("change, needle, message", [
    (lambda d: d["figures"][3].update(value=2526), "zh: PCT 国际专利申请量 2525 件", "the zh quote does not state 2,526"),
    (lambda d: d["figures"][0]["quote"].update(zh="全省有效发明专利16.07万件"), "16.07",
     "the zh quote is not in the report's text"),
    (lambda d: d["figures"][11]["change"].update(value=68, quote={"zh": "同比增长68%",
                                                                  "en": "increased by 68% year-on-year"}),
     "    quote:", "the change of 'criminal-cases-uncovered' is quoted from s4-3-1, its value from s3-2-1"),
    (lambda d: d["figures"][2].update(colour="red"), "colour", "unknown key 'colour'"),
    (lambda d: d["figures"][4].update(id="valid-invention-patents"), "id: valid-invention-patents",
     "another key figure already has the id 'valid-invention-patents'"),
    (lambda d: d["words"]["en"].update(source="Source"), "source: Source", "words.en.source must be text containing {reference}"),
    (lambda d: d["words"]["en"].update(increase="up {value} {valeu}"), "increase: up {value} {valeu}",
     "words.en.increase uses {valeu}, which is not available (available: {value})"),
])
def test_bad_data_names_the_file_and_line(tmp_path, paper, change, needle, message):
    path = edited(tmp_path, change)
    with pytest.raises(InputError) as caught:
        load_key_figures(path, paper)
    text = str(caught.value)
    assert message in text
    line = int(re.search(rf"{re.escape(str(path))}:(\d+):", text).group(1))
    assert needle in path.read_text(encoding="utf-8").splitlines()[line - 1]
