"""Figure data: provenance checked against the text, derivations, consistency checks, charts and their cache."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import read_document

from bilingual_report.config.settings import load_chart_style
from bilingual_report.datafiles.figures import load_figures, one_digit_apart, share_finding, total_finding
from bilingual_report.errors import InputError
from bilingual_report.site.chart_cache import ImageCache
from bilingual_report.site.chart_cache import charts as cached_charts

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "zhejiang-ip-white-paper-2019.txt"
STYLE = load_chart_style(ROOT / "data" / "chart-style.yml")


@pytest.fixture(scope="module")
def paper():
    return read_document(SOURCE)


@pytest.fixture(scope="module")
def figures(paper):
    return load_figures(ROOT / "data" / "figures", paper, STYLE["words"])


def figure_folder(tmp_path: Path, text: str, number: int = 1) -> Path:
    """The real figure files, with figure `number` replaced by `text`."""
    folder = tmp_path / "figures"
    folder.mkdir()
    for path in (ROOT / "data" / "figures").glob("*.yml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / f"figure-{number}.yml").write_text(text, encoding="utf-8")
    return folder


FIGURE_5 = """figure: 5
title: {zh: 专利质押, en: Patent pledges}
facts:
  amount:
    value: 17200000000
    quote: {zh: 全省专利权质押登记金额达到172亿元, en: "reached 17.2 billion Yuan"}
  growth:
    value: 68
    percent: true
    quote: {zh: 达到172亿元，同比增长68%, en: "reached 17.2 billion Yuan, increased by 68% year-on-year"}
panels:
  - title: {zh: 金额, en: Amount}
    unit: yuan
    bars:
      - label: {zh: 2018年, en: "2018"}
        formula: amount / (1 + growth / 100)
      - label: {zh: 2019年, en: "2019"}
        fact: amount
"""


def problems_for(tmp_path, paper, text, number=5) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_figures(figure_folder(tmp_path, text, number), paper, STYLE["words"])
    return [str(p) for p in caught.value.problems]


def test_every_figure_of_the_paper_has_data(figures):
    assert [f.number for f in figures] == [1, 2, 3, 4, 5, 6]
    assert all(bar.sources for f in figures for panel in f.panels for bar in panel.bars)


def test_derived_values_and_bounds(figures):
    by_number = {f.number: f for f in figures}
    patents_2018 = by_number[1].panels[0].bars[0]
    assert patents_2018.value == pytest.approx(160600 / 1.2021)
    assert patents_2018.formula == "160,600 / (1 + 20.21 / 100)"
    trademark_pledges = by_number[6].panels[0].bars
    assert all(bar.more_than for bar in trademark_pledges)
    assert [s.block_id for s in by_number[4].panels[0].bars[0].sources] == ["s3-2-1"]


def test_the_mistyped_row_of_the_ranking_is_found(figures):
    ranking = next(f for f in figures if f.number == 3)
    assert len(ranking.findings) == 1
    message = ranking.findings[0].message
    assert "12,837" in message["en"] and "35,337" in message["en"] and "2,498" in message["en"]
    assert "印刷的合计为 12837，但各项之和为 35337" in message["zh"]
    flagged = [bar for bar in ranking.panels[0].bars if bar.note]
    assert [bar.value for bar in flagged] == [24998]


def test_consistency_checks():
    words = STYLE["words"]
    assert total_finding(1, 100, [40, 60], [{"zh": "a", "en": "a"}] * 2, words) is None
    found = total_finding(1, 100, [45, 78], [{"zh": "a", "en": "a"}, {"zh": "b", "en": "b"}], words)
    assert found.suspect is None and found.message["en"] == "The printed total is 100, but the items add up to 123."
    misprint = total_finding(1, 4790, [2292, 24998], [{"zh": "甲", "en": "a"}, {"zh": "乙", "en": "b"}], words)
    assert misprint.suspect == 1 and "「乙」一项印作 24998，若为 2498 则合计相符" in misprint.message["zh"]
    assert share_finding(1, 106.61, 29538, 27706, words) is None  # 106.612…% printed as 106.61
    assert share_finding(1, 50.0, 1, 3, words).message["zh"] == "印刷的比例为 50%，但 1 ÷ 3 = 33.33%。"
    assert one_digit_apart(24998, 2498) and one_digit_apart(123, 128) and not one_digit_apart(100, 1)


def test_a_quote_not_in_the_text(tmp_path, paper):
    text = FIGURE_5.replace("全省专利权质押登记金额达到172亿元", "全省专利质押金额达到172亿元")
    problems = problems_for(tmp_path, paper, text)
    assert any("figure-5.yml:6:" in p and "the zh quote is not in the report's text" in p for p in problems), problems


def test_a_quote_that_does_not_state_the_value(tmp_path, paper):
    problems = problems_for(tmp_path, paper, FIGURE_5.replace("value: 17200000000", "value: 17300000000"))
    assert any("figure-5.yml:" in p and "does not state 17,300,000,000" in p for p in problems), problems


def test_quotes_from_different_paragraphs(tmp_path, paper):
    text = FIGURE_5.replace('en: "reached 17.2 billion Yuan"}', 'en: "totally received 27,706 cases"}')
    problems = problems_for(tmp_path, paper, text)
    assert any("not in the same paragraph pair" in p for p in problems), problems


@pytest.mark.parametrize("formula, message", [
    ("amount / (1 + grow / 100)", "no fact named 'grow'"),
    ("amount / (1 + growth / 100", "not an arithmetic expression"),
    ("__import__('os')", "only numbers, fact names"),
    ("amount / 0", "division by zero"),
])
def test_bad_derivations(tmp_path, paper, formula, message):
    problems = problems_for(tmp_path, paper, FIGURE_5.replace("amount / (1 + growth / 100)", formula))
    assert any("figure-5.yml:16:" in p and message in p for p in problems), problems
    assert not any("has no data file" in p for p in problems)


def test_schema_errors_name_file_line_and_column(tmp_path, paper):
    text = FIGURE_5.replace("unit: yuan", "unit: dollars").replace("title: {zh: 金额, en: Amount}",
                                                                  "title: {zh: 金额, en: Amount, 2019}")
    problems = problems_for(tmp_path, paper, text)
    assert any("figure-5.yml:13:5: unit must be one of" in p for p in problems), problems
    assert any("figure-5.yml:12:" in p and "keys other than zh and en" in p for p in problems), problems


def test_yaml_syntax_error_has_line_and_column(tmp_path, paper):
    problems = problems_for(tmp_path, paper, "figure: 5\ntitle: {zh: a, en: b\n")
    assert problems and "figure-5.yml:3:1: YAML syntax error" in problems[0]


def test_caption_without_data_and_data_without_caption(tmp_path, paper):
    folder = figure_folder(tmp_path, FIGURE_5.replace("figure: 5", "figure: 9"), 5)
    with pytest.raises(InputError) as caught:
        load_figures(folder, paper, STYLE["words"])
    text = str(caught.value)
    assert "figure-5.yml:1: the text has no caption for figure 9" in text
    assert "figure 5 («Figure 5 2019 Status of Patent-pledged financing in Zhejiang province») has no data file" in text


def charts(figures, style, folder):
    cache = ImageCache(folder)
    return cached_charts(figures, style, cache), cache.drawn


def test_charts_are_deterministic_and_cached(tmp_path, figures):
    first, drawn = charts(figures[:2], STYLE, tmp_path)
    assert drawn == 8  # two figures, two languages, wide and for a phone
    again, drawn_again = charts(figures[:2], STYLE, tmp_path)
    assert drawn_again == 0 and again == first
    fresh, _ = charts(figures[:2], STYLE, tmp_path / "other")
    assert fresh == first  # drawn anew, byte for byte the same
    for form in ("wide", "phone"):
        svg = first[(1, "zh", form)].data.decode("utf-8")
        points = re.search(r'<svg[^>]*width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()
        assert [round(float(p) * 4 / 3) for p in points] == list(first[(1, "zh", form)].size)  # as the pages give it
        assert "<text" not in svg and "Date" not in svg  # text as paths, no timestamp
    # drawn for a phone: narrow enough for a 360-pixel screen's column at its own size (its text the body's size)
    assert all(first[(n, lang, "phone")].size[0] <= 330 for n in (1, 2) for lang in ("zh", "en"))
    assert all(first[(n, lang, "wide")].size[0] > 500 for n in (1, 2) for lang in ("zh", "en"))


def test_a_style_change_redraws_only_what_it_affects(tmp_path, figures):
    charts(figures[:1], STYLE, tmp_path)
    changed = {**STYLE, "colors": {**STYLE["colors"], "stated": "#000000"}}
    _, drawn = charts(figures[:1], changed, tmp_path)
    assert drawn == 4


def test_matplotlib_is_not_imported_when_nothing_changed(tmp_path):
    script = f"""
import sys
from pathlib import Path
from bilingual_report.pipeline import generate
from bilingual_report.config.settings import load_settings
settings = load_settings(Path({str(ROOT / 'data' / 'site.yml')!r}), Path({str(ROOT)!r}))
first = generate(settings, Path({str(tmp_path)!r}))
print(first.charts_drawn, 'matplotlib' in sys.modules)
"""
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
            for _ in range(2)]
    assert runs[0] == ["26", "True"]  # 6 figures in 2 languages and 2 forms, and 2 social cards
    assert runs[1] == ["0", "False"]


def test_a_figure_with_neither_a_chart_nor_data_is_a_finding_and_its_page_says_so(tmp_path):
    """Another report's text, built without figure data: each figure caption is named with its line, and the page
    says the chart was not provided, in both languages (a table's caption, 图 3, is none of them)."""
    from helpers import read_report

    from bilingual_report.checks.findings import collect

    source = tmp_path / "another.txt"
    source.write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    findings = collect(read_report(source), []).data
    captions = {n: i + 1 for i, line in enumerate(source.read_text(encoding="utf-8").splitlines())
                for n in range(1, 7) if line.startswith(f"图 {n}")}
    assert [(f.line, f.message.split(" («")[0]) for f in findings] == [
        (captions[n], f"figure {n}") for n in (1, 2, 4, 5, 6)]
    assert all(f.path == str(source) and "figure-" in f.hint for f in findings)
    result = subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "--source", str(source),
                             "--site-dir", str(tmp_path / "site")], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and "5 figure data" in result.stdout + result.stderr
    for prefix, words in (("", "本图未随报告文本提供"), ("en/", "The chart itself was not provided")):
        page = (tmp_path / "site" / prefix / "section-2/index.html").read_text(encoding="utf-8")
        assert page.count(f'<span class="figure-missing">{words}') == 2  # figures 1 and 2; figure 3 is a table
