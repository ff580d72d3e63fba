"""Search: the index each language gets, the search worker's matching and ranking (run in Chromium on small
made-up entries), and the site's search box on the paper, measured with the query set of search_queries.yml."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from helpers import ROOT, read_document
from playwright.sync_api import expect

from quality.search_quality import SearchEvaluator, load_queries, summary, type_query

from bilingual_report.model import LANGS, Heading
from bilingual_report.site.layout import SiteLayout
from bilingual_report.site.search_index import search_index

QUERIES = load_queries(Path(__file__).parent / "search_queries.yml")
PREFIXES = {"zh": "", "en": "en/"}


# --- the index -------------------------------------------------------------------------------------------------

def fixture_index(fixture: str):
    """A fixture report's tree, its layout, and the index of each language."""
    document = read_document(ROOT / "tests" / "fixtures" / fixture)
    layout = SiteLayout(document, key_figures=False, figures=False)
    return document, layout, {lang: search_index(document, layout, lang)["docs"] for lang in LANGS}


@pytest.mark.parametrize("fixture", ["deep-report.txt", "law.txt"])
def test_index_has_every_node_once_at_its_place(fixture):
    document, layout, indexes = fixture_index(fixture)
    nodes = [node for node, _ in document.walk()]
    for docs in indexes.values():
        places = [d for d in docs if "#" in d["location"]]
        assert [d["location"].split("#")[1] for d in places] == [n.id for n in nodes]
        for node, entry in zip(nodes, places):
            assert entry["location"] == layout.url_of(layout.page_of(node.id), node.id)
            assert entry.get("heading", False) == isinstance(node, Heading)
            assert entry["text"] and "**" not in entry["text"] + entry["title"]
        pages = [d["location"] for d in docs if "#" not in d["location"]]
        assert pages == list(dict.fromkeys(layout.url_of(layout.page_of(node.id)) for node in nodes))
        assert set(pages) <= {"", *[layout.url_of(d.slug) for d in layout.divisions]}


def test_built_index_per_language_points_at_ids_of_searched_pages(built_site):
    for lang, prefix in PREFIXES.items():
        index = json.loads((built_site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        pages = {d["location"].split("#")[0] for d in index["docs"]}
        assert pages == {"", *[f"section-{n}/" for n in range(1, 7)]}  # no full text, side by side, figures
        for doc in index["docs"]:
            page, _, anchor = doc["location"].partition("#")
            if anchor:
                html = (built_site / prefix / page / "index.html").read_text(encoding="utf-8")
                assert f'id="{anchor}"' in html, doc["location"]
        words = " ".join(d.get("text", "") for d in index["docs"])
        assert ("质押" in words) == (lang == "zh") and ("pledge" in words) == (lang == "en")


def test_every_page_uses_the_report_search(built_site):
    for path in list(built_site.glob("**/index.html")) + [built_site / "404.html", built_site / "en/404.html"]:
        html = path.read_text(encoding="utf-8")
        assert re.search(r'"search": "[^"]*assets/javascripts/search-worker\.js"', html), path
        assert "search.highlight" not in html  # Material's own marking would fight the report's
    english_page = (built_site / "en/section-1/index.html").read_text(encoding="utf-8")
    assert '"base": "../../en/"' in english_page  # where the English index is loaded from, and results link to


# --- the worker, on made-up entries -----------------------------------------------------------------------------

ENTRIES = [
    {"location": "a/", "title": "A"},
    {"location": "a/#zh-1", "title": "一、数字", "text": "全省商标有效注册量达 250.4 万件，新增注册商标 61 万件；"
     "专利权质押登记金额达到172亿元，同比增长 63.3%；PCT 国际专利申请量 2525 件。"},
    {"location": "a/#en-1", "title": "I. Numbers", "text": "Valid registered trademarks reached 2,504,000 and 610,000 "
     "were new; patent right pledges reached 17.2 billion Yuan, up 63.3%; PCT applications were 2,525."},
    {"location": "b/", "title": "B"},
    {"location": "b/#h-1", "title": "B", "text": "二、商业秘密保护", "heading": True},
    {"location": "b/#zh-2", "title": "二、商业秘密保护", "text": "全省创建省级商业秘密保护示范区 7 个。"},
    {"location": "b/#zh-3", "title": "二、商业秘密保护", "text": "加强保护工作，示范引领，城区试点，商业秘密得到重视。"},
    {"location": "b/#h-2", "title": "B", "text": "Trade secrets", "heading": True},
    {"location": "b/#en-2", "title": "Trade secrets", "text": "Demonstration areas were set up for trade secrets."},
    {"location": "b/#en-3", "title": "Trade secrets", "text": "The protection of trade secrets demonstration areas went on."},
    {"location": "b/#en-4", "title": "Trade secrets", "text": "The Trademark Office opened; a patent was granted."},
]

WORKER_SEARCH = """async ([url, docs, queries]) => {
  const worker = new Worker(url)
  const next = () => new Promise(resolve => worker.addEventListener("message", e => resolve(e.data), {once: true}))
  worker.postMessage({type: 0, data: {config: {lang: ["zh"]}, docs, options: {}}})
  await next()
  const results = []
  for (const query of queries) {
    worker.postMessage({type: 2, data: query})
    results.push((await next()).data.items)
  }
  worker.terminate()
  return results
}"""


@pytest.fixture
def search(page, site_url):
    """Results of queries from the site's worker over the made-up entries: per query, the groups of items."""
    page.goto(site_url + "/")

    def run(*queries: str, docs: list[dict] = ENTRIES) -> list[list[list[dict]]]:
        return page.evaluate(WORKER_SEARCH, [site_url + "/assets/javascripts/search-worker.js", docs, list(queries)])
    return run


def places(groups: list[list[dict]]) -> list[str]:
    """The entries found, in the order shown: each group's page first, then its entries."""
    return [urlsplit(item["location"]).fragment for group in groups for item in group[1:]]


@pytest.mark.parametrize("query, found", [
    ("250.4万", ["zh-1", "en-1"]), ("2504000", ["zh-1", "en-1"]), ("2,504,000", ["zh-1", "en-1"]),
    ("250.4", ["zh-1"]), ("61万件", ["zh-1"]), ("610000", ["zh-1", "en-1"]), ("61万", ["zh-1", "en-1"]),
    ("172亿元", ["zh-1"]), ("172亿", ["zh-1", "en-1"]), ("17.2 billion", ["zh-1", "en-1"]),
    ("17200000000", ["zh-1", "en-1"]), ("63.3%", ["zh-1", "en-1"]), ("63.3", ["zh-1", "en-1"]),
    ("2525", ["zh-1", "en-1"]), ("2,525", ["zh-1", "en-1"]), ("2525 件", ["zh-1"]), ("61 万", ["zh-1", "en-1"]),
])
def test_a_number_is_found_in_any_form(search, query, found):
    assert sorted(places(search(query)[0])) == sorted(found)


def partial(groups: list[list[dict]]) -> bool:
    """Whether the results are marked as holding only part of the query (every page's title says so)."""
    marks = ['class="search-partial"' in group[0]["title"] for group in groups]
    assert len(set(marks)) <= 1
    return bool(marks and marks[0])


def test_every_part_of_a_query_must_be_there_where_an_entry_holds_them_all(search):
    plain, = search("商业秘密 示范区")
    assert places(plain) == ["zh-2"] and not partial(plain)


def test_a_query_no_entry_holds_whole_shows_those_holding_most_of_it_marked_partial(search):
    mixed, missing, run, none = search("trade secrets 7", "商业秘密 专利", "商业秘密排名", "ranking")
    assert partial(mixed) and sorted(places(mixed)) == ["en-2", "en-3", "h-2"]  # two words of three; not zh-2's 7
    assert partial(missing) and sorted(places(missing)) == ["h-1", "zh-1", "zh-2", "zh-3"]  # one word of two each
    assert partial(run) and sorted(places(run)) == ["h-1", "zh-2", "zh-3"]  # 商业秘密, four characters of six
    assert none == []  # no word of the query anywhere: nothing, and nothing marked
    marked = search("商业秘密 专利")[0][0][1]
    assert "<mark>" in marked["text"] or "<mark>" in marked["title"]


def test_chinese_is_never_matched_by_single_characters(search):
    whole, reordered, word = search("商业秘密保护示范区", "示范区商业秘密", "示范区")
    assert places(whole) == ["zh-2"]  # zh-3 holds 商业秘密, 保护, 示范 and 区, but 区 only as one character
    assert places(reordered) == ["zh-2"]
    assert places(word) == ["zh-2"]


def test_only_the_last_word_is_a_prefix_while_typing(search):
    typing, typed, inside = search("trade", "trade ", "trade secrets")
    # the words themselves first; then Trademark (en-4) on that page, and the page of trademarks (en-1)
    assert places(typing) == ["h-2", "en-2", "en-3", "en-4", "en-1"]
    assert "en-4" not in places(typed)
    assert "en-4" not in places(inside)


def test_plurals_match_their_singular(search):
    assert "en-4" in places(search("patents")[0])
    assert places(search("demonstration area")[0]) == ["en-2", "en-3"]


def test_the_query_as_typed_ranks_first_and_headings_never_outrank_a_paragraph_holding_every_word(search):
    phrase, partly_in_heading = search("trade secrets demonstration areas", "protection trade secrets")
    assert places(phrase) == ["en-3", "en-2"]
    assert places(partly_in_heading) == ["en-3"]


def test_results_link_to_the_place_with_the_words_found_and_a_snippet_from_it(search):
    groups = search("商业秘密保护示范区")[0]
    page, entry = groups[0]
    assert page["location"] == "b/" and page["title"] == "B"
    link = urlsplit(entry["location"])
    assert link.path == "b/" and link.fragment == "zh-2" and parse_qs(link.query)["h"] == ["商业秘密保护示范区"]
    assert entry["title"] == "二、商业秘密保护"
    assert entry["text"] == "全省创建省级<mark>商业秘密保护示范区</mark> 7 个。"
    number = search("2504000")[0][0][1]
    assert parse_qs(urlsplit(number["location"]).query)["h"] == ["250.4 万"]
    heading = search("商业秘密")[0][0][1]
    assert heading["location"].endswith("#h-1") and heading["title"] == "二、<mark>商业秘密</mark>保护"


# --- the site's search box, on the paper ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", PREFIXES)
def test_query_set_answers(page, site_url, lang):
    """At least 95% of the queries answered by the first result and within the first five; none unanswered."""
    evaluator = SearchEvaluator(page, site_url, PREFIXES)
    outcomes = [evaluator.outcome(lang, query) for query in QUERIES[lang]]
    measured = summary(outcomes)
    assert len(outcomes) >= 40
    assert measured["first_right"] >= 0.95, measured["missed"]
    assert measured["top5_right"] >= 0.95, measured
    assert measured["zero_result"] == [] and measured["wrong_language"] == 0, measured


@pytest.mark.parametrize("start, query, target, marked", [
    ("/section-5/", "250.4万", "/section-2/#s2-1-1", "250.4 万"),
    ("/en/", "17200000000", "/en/section-4/#s4-3-1", "17.2 billion"),
    ("/en/section-1/", "Madrid trademark", "/en/section-2/#s2-1-1", "Madrid"),
])
def test_a_result_opens_its_paragraph_with_the_words_marked(page, site_url, start, query, target, marked):
    page.goto(site_url + start)
    type_query(page, query)
    first = page.wait_for_selector(".md-search-result__list a.md-search-result__link[href*='#']", timeout=10000)
    with page.expect_navigation():
        first.click()
    link = urlsplit(page.url)
    assert f"{link.path}#{link.fragment}" == target
    fragment = link.fragment
    assert marked in page.eval_on_selector_all(f"[id='{fragment}'] mark[data-search-match]",
                                               "marks => marks.map(m => m.textContent)")


@pytest.mark.parametrize("fixture, lang, query, answer", [
    ("law.txt", "zh", "质押融资", "支持专利权质押融资"),
    ("law.txt", "zh", "专利导航", "开展专利导航"),
    ("law.txt", "zh", "2021年3月1日", "本条例自 2021 年 3 月 1 日起施行"),
    ("law.txt", "zh", "资助", "可以给予资助"),
    ("law.txt", "en", "pledge financing", "Pledge financing of patent rights"),
    ("law.txt", "en", "come into force", "shall come into force"),
    ("law.txt", "en", "subsidies", "given subsidies"),
    ("deep-report.txt", "zh", "3.2万件", "全省发明专利授权 3.2 万件"),
    ("deep-report.txt", "zh", "32000", "全省发明专利授权 3.2 万件|发明专利授权 32000"),  # the table prints it so
    ("deep-report.txt", "zh", "高校发明专利", "高校发明专利授权 4100 件"),
    ("deep-report.txt", "zh", "有效注册商标 96万", "有效注册商标达到 96 万件|有效注册商标 960000"),
    ("deep-report.txt", "en", "32,000", "granted 32,000 invention patents"),
    ("deep-report.txt", "en", "960000", "valid registered trademarks to 960,000|Valid registered trademarks 960000"),
    ("deep-report.txt", "en", "15000 cases", "received 15,000 new intellectual property cases"),
    ("deep-report.txt", "en", "Utility model patents", "Utility model patents remained stable"),
])
def test_other_reports_answer_their_queries_first(search, fixture, lang, query, answer):
    """answer: the words of the entries that answer the query (one or more, | between them)."""
    docs = fixture_index(fixture)[2][lang]
    expected = {d["location"] for words in answer.split("|") for d in docs if words in d.get("text", "")}
    assert len(expected) == len(answer.split("|"))
    first = search(query, docs=docs)[0][0][1]
    assert first["location"].split("?")[0] + "#" + urlsplit(first["location"]).fragment in expected


@pytest.mark.parametrize("start, arrival, query, answer", [
    ("/", "input method", "质押融资", "/section-4/"),        # an IME's committed word: text, no key released
    ("/en/", "paste", "pledge financing", "/en/section-4/"),  # a paste or autofill: the value set at once
    ("/section-2/", "paste", "商业秘密", "/section-3/"),
])
def test_a_query_that_arrives_without_a_key_searches(page, site_url, start, arrival, query, answer):
    page.goto(site_url + start)
    page.click("label.md-search__icon, .md-search__input")
    if arrival == "input method":
        page.keyboard.insert_text(query)  # dispatches input events only, as an IME's commit does
    else:
        page.fill(".md-search__input", query)
    page.wait_for_selector(".md-search-result__list a.md-search-result__link[href*='#']", timeout=10000)
    paths = {urlsplit(a).path for a in page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "links => links.map(a => a.href)")}
    assert answer in paths
    assert page.text_content(".md-search-result__meta") not in ("键入以开始搜索", "Type to start searching")


@pytest.mark.parametrize("start, query, words", [
    ("/", "商业秘密保护排名", "没有同时包含所有词的结果，以下结果包含部分词语"),
    ("/en/", "trademarks per ten thousand people", "No result has every word; these have most of them"),
])
def test_a_query_no_paragraph_holds_whole_says_its_results_are_partial(page, site_url, start, query, words):
    page.goto(site_url + start)
    page.click("label.md-search__icon, .md-search__input")
    page.fill(".md-search__input", query)
    page.wait_for_selector(".md-search-result__list a.md-search-result__link[href*='#']", timeout=10000)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(words, timeout=5000)
    page.fill(".md-search__input", query.split()[0][:4])  # a query the text holds whole: no such words
    expect(meta).not_to_have_text(words, timeout=5000)
