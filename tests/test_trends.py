"""A series whose editions state the same key figures (by id, in data/site.yml's editions): the page of each
indicator across the editions, in both languages, with its chart, its values linked to each edition's paragraph,
and its data as CSV."""
from __future__ import annotations

import re

import pytest
from conftest import copy_project, project_build

EDITIONS = ("editions:\n"
            '  - {id: "2020", source: data/report-2020.txt, key_figures: data/key-figures-2020.yml, published: 2021}\n'
            '  - {id: "2019", source: data/zhejiang-ip-white-paper-2019.txt, figures: data/figures, '
            "key_figures: data/key-figures.yml, published: 2020}\n")


def next_year(text: str) -> str:
    return text.replace("16.06万", "18.20万").replace("160,600", "182,000").replace("value: 160600", "value: 182000")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("trends") / "project")
    data = project / "data"
    (data / "report-2020.txt").write_text(next_year((data / "zhejiang-ip-white-paper-2019.txt").read_text("utf-8")),
                                          encoding="utf-8")
    (data / "key-figures-2020.yml").write_text(next_year((data / "key-figures.yml").read_text("utf-8")), "utf-8")
    settings = (data / "site.yml").read_text(encoding="utf-8")
    (data / "site.yml").write_text(settings.replace("strict_checks:", EDITIONS + "strict_checks:"), encoding="utf-8")
    result = project_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_each_indicator_is_shown_across_the_editions_in_both_languages(site):
    for folder, value_2020, value_2019 in (("", "18.2万件", "16.06万件"), ("en/", "182,000", "160,600")):
        page = (site / folder / "trends" / "index.html").read_text(encoding="utf-8")
        row = r'<tr><td><a href="\.\./{}/section-2/#s2-1-1">[^<]+</a></td><td class="num">{}</td></tr>'
        assert re.search(row.format("2020", value_2020), page), folder
        assert re.search(row.format("2019", value_2019), page), folder
        assert (site / folder / "trends" / "valid-invention-patents.svg").read_bytes().startswith(b"<?xml")
        assert (site / folder / "2019" / "section-2" / "index.html").read_text("utf-8").count('id="s2-1-1"') == 1
    data = (site / "en" / "trends" / "valid-invention-patents.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(",")[2:4] for line in data[1:]] == [["2019 edition", "160600"], ["2020 edition", "182000"]]
    assert 'href="trends/"' in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_the_series_home_shows_the_current_editions_key_figures_linked_into_its_folder(site):
    for folder, value in (("", "18.2万件"), ("en/", "182,000")):
        home = (site / folder / "index.html").read_text(encoding="utf-8")
        cards = home.split('id="key-figures"', 1)[1]
        assert cards.count('class="key-figure"') >= 3 and value in cards.split("</li>", 1)[0], folder
        assert 'href="2020/section-2/#s2-1-1"' in cards and 'href="2019/' not in cards, folder
