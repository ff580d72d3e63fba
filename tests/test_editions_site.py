"""A report series built with scripts/build.py --edition: each edition's pages under its own folder in both
languages, the series' home, the selector's targets, the search over every edition, and every address an earlier
single-edition site published still answering, followed in Chromium."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from edition_fixtures import (DEEP, DIVISION_REMOVED, ITEM_INSERTED, NOTE_DELETED, NUMBERS_CHANGED, TITLE_REWORDED,
                              write_edition)
from helpers import ROOT, read_report

from quality.serve import SiteServer, free_port

from bilingual_report.model import LANGS

EDITS = NUMBERS_CHANGED + ITEM_INSERTED + NOTE_DELETED + DIVISION_REMOVED + TITLE_REWORDED
BOXES = """selector => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length)
    .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom] })"""
SELECTOR = re.compile(r'<nav (?=[^>]*class="edition-switch")[^>]*data-targets="([^"]*)"[^>]*>(.*?)</nav>', re.DOTALL)


def build(*args: str, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), *args, "--site-dir", str(site)],
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    folder = tmp_path_factory.mktemp("series")
    newer = write_edition(folder, "2021", EDITS)
    single = build("--source", str(DEEP), site=folder / "single")
    assert single.returncode == 0, single.stderr
    result = build("--edition", f"2021={newer}", "--edition", f"2020={DEEP}", site=folder / "site")
    assert result.returncode == 0, result.stderr
    return {"site": folder / "site", "single": folder / "single", "log": result.stderr,
            "documents": {"2021": read_report(newer).document, "2020": read_report(DEEP).document}}


def page(site: Path, lang: str, address: str) -> str:
    return (site / ("" if lang == "zh" else "en") / address / "index.html").read_text(encoding="utf-8")


def selector(site: Path, lang: str, address: str) -> tuple[dict, str]:
    """A page's edition selector: the node targets in the file it names, and its links."""
    match = SELECTOR.search(page(site, lang, address))
    assert match, "no edition selector on the page"
    beside = site / ("" if lang == "zh" else "en") / address / unescape(match.group(1))
    return json.loads(beside.read_text(encoding="utf-8")), match.group(2)


def choose_edition(tab, edition: str) -> None:
    """Open the selector (it shows the edition on screen) and follow the link to another, as a reader does."""
    tab.click(".edition-switch summary")
    tab.click(f'.edition-switch a[data-edition="{edition}"]')


def test_each_editions_units_are_on_its_pages_in_both_languages(series):
    for edition, document in series["documents"].items():
        ids_on_pages = {lang: set() for lang in LANGS}
        for lang in LANGS:
            root = series["site"] / ("" if lang == "zh" else "en") / edition
            for html_file in root.glob("*/index.html"):
                if "parallel" not in html_file.parts:
                    ids_on_pages[lang] |= set(re.findall(r'id="([^"]+)"', html_file.read_text(encoding="utf-8")))
        for node, _ in document.walk():
            for lang in LANGS:
                assert node.id in ids_on_pages[lang], (edition, lang, node.id)


def test_the_series_home_lists_the_editions_current_first(series):
    for lang, names in (("zh", ["2021 年版", "2020 年版"]), ("en", ["2021 edition", "2020 edition"])):
        home = page(series["site"], lang, "")
        links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', home.split('id="editions"', 1)[1])
        editions = [(href, text.split(" (")[0]) for href, text in links if not href.endswith("changes/")]
        assert editions[:2] == [("2021/", names[0]), ("2020/", names[1])]
        assert [href for href, _ in links if href.endswith("changes/")] == ["2021/changes/"]


def test_the_selector_leads_to_the_same_place_in_the_other_edition(series):
    targets, links = selector(series["site"], "zh", "2021/section-1")
    assert 'href="../../2020/section-1/"' in links and 'aria-current="page">2021 年版' in links
    assert "<summary>版本：2021 年版</summary>" in links  # the edition shown, which opens the list
    assert "s1-1-2" not in links  # the page carries a link per edition, its targets are in the file beside it
    assert targets["2020"]["s1-1-2"] == "../../2020/section-1/#s1-1-1"          # renumbered: its old number
    assert targets["2020"]["s1-1-2-0-1"] == "../../2020/section-1/#s1-1-1-0-1"  # its paragraph too
    assert targets["2020"]["s1-1-1-1"] == "../../2020/section-1/#s1-1"          # added: its heading
    targets, links = selector(series["site"], "en", "2020/section-2")
    assert 'href="../../2021/"' in links  # the division is gone from 2021: that edition's home
    assert set(targets["2021"].values()) == {"../../2021/"}
    targets, _ = selector(series["site"], "en", "2020/section-1")
    assert targets["2021"]["s1-2-1-2"] == "../../2021/section-1/#s1-2-1"  # a note removed: its heading


def section(html: str, anchor: str) -> str:
    """The text of a changes page's section, from its heading to the next."""
    part = html.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]
    return unescape(re.sub(r"\s+", " ", re.sub(r"<(?!/?(?:del|ins)\b)[^>]+>", "", part)))


def test_the_changes_page_says_what_changed_in_both_languages(series):
    zh, en = page(series["site"], "zh", "2021/changes"), page(series["site"], "en", "2021/changes")
    assert "自 2020 年版以来的变化" in zh and "Changes since the 2020 edition" in en
    _, links = selector(series["site"], "en", "2021/changes")
    assert 'href="../../2020/"' in links  # the oldest edition has no changes page: its home
    assert "1. Patent quality kept improving." in section(en, "changes-added")
    removed = section(en, "changes-removed")
    assert "II. Protection of intellectual property" in removed and "Note: the trademark data" in removed
    assert "(I) Judicial protection" not in removed  # under the removed division: said once, by the division
    assert "<del>Patents</del><ins>Patent creation and quality</ins>" in section(en, "changes-reworded")
    assert "专利<ins>创造与质量</ins>" in section(zh, "changes-reworded")
    assert "32,000 → 36,000, 15.2% → 12.5%" in section(en, "changes-numbers")
    assert "3.2 万 → 3.6 万, 15.2% → 12.5%" in section(zh, "changes-numbers")
    assert "2. Invention patents grew steadily.: 1. → 2." in section(en, "changes-renumbered")
    assert re.search(r'href="\.\./section-1/#s1-1-2"', en) and re.search(r'href="\.\./\.\./2020/section-2/#s2"', en)
    assert not (series["site"] / "2020" / "changes").exists()  # the first edition has none


def test_search_holds_the_current_edition_and_names_the_others(series):
    for lang, name in (("zh", "2020 年版"), ("en", "2020 edition")):
        search = series["site"] / ("" if lang == "zh" else "en") / "search"
        index = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
        assert {entry["edition"] for entry in index["docs"]} == {"2021"}
        assert index["config"]["editions"] == [{"id": "2020"}]
        assert index["config"]["root"] == ("" if lang == "zh" else "en/")
        older = json.loads((search / "editions" / "2020.json").read_text(encoding="utf-8"))["docs"]
        assert older and all(e["location"].startswith("2020/") and e["title"].startswith(name) for e in older)


def test_every_address_of_the_single_edition_site_still_answers(series):
    single, site = series["single"], series["site"]
    for published in sorted(single.rglob("*")):
        if published.is_file() and published.name not in ("sitemap.xml", "sitemap.xml.gz"):
            relative = published.relative_to(single)
            assert (site / relative).is_file(), relative


def result_paths(tab, base: str, start: str, query: str, older: str = "/2020/") -> list[str]:
    """The results' pages, once the answer holds the older edition's (fetched after the first answer)."""
    tab.goto(f"{base}{start}?q={quote(query)}")
    tab.wait_for_function("older => [...document.querySelectorAll('.md-search-result__list a')]"
                          ".some(a => a.href.includes(older))", arg=older, timeout=10000)
    return [urlparse(a.get_attribute("href")).path
            for a in tab.query_selector_all(".md-search-result__list a.md-search-result__link")]


def test_search_answers_from_the_current_edition_first_then_the_others(series, browser):
    address = f"http://127.0.0.1:{free_port()}"
    with SiteServer(series["site"], int(address.rsplit(":", 1)[1])) as url:
        tab = browser.new_page()
        try:
            base = url.rstrip("/")
            assert set(result_paths(tab, base, "/2021/section-1/", "3.2")) == {"/2020/section-1/"}  # 2020's only
            both = result_paths(tab, base, "/en/2021/", "invention patents")
            assert {p.split("/")[2] for p in both} == {"2021", "2020"}
            assert both == sorted(both, key=lambda p: p.split("/")[2] != "2021")  # the current edition first
            assert {p.split("/")[2] for p in result_paths(tab, base, "/en/2021/", "@2020 invention patents")} \
                == {"2020"}
        finally:
            tab.close()


def test_loading_a_page_fetches_no_other_editions_search_entries_and_a_query_does(series, browser):
    with SiteServer(series["site"], free_port()) as url:
        tab = browser.new_page()
        fetched = []
        tab.on("request", lambda request: fetched.append(urlparse(request.url).path))
        try:
            tab.goto(url.rstrip("/") + "/en/2021/section-1/")
            tab.wait_for_load_state("networkidle")
            assert "/en/search/search_index.json" in fetched  # the search is set up, with the current edition
            assert not [path for path in fetched if "/search/editions/" in path]
            tab.focus("[data-md-component=search-query]")
            tab.keyboard.type("patents")
            tab.wait_for_function("[...document.querySelectorAll('.md-search-result__list a')]"
                                  ".some(a => a.href.includes('/2020/'))", timeout=10000)
            assert "/en/search/editions/2020.json" in fetched
        finally:
            tab.close()


def test_the_selector_is_on_screen_and_not_on_paper(series, browser):
    with SiteServer(series["site"], free_port()) as url:
        tab = browser.new_page()
        try:
            tab.goto(url.rstrip("/") + "/en/2021/section-1/")
            shown = "getComputedStyle(document.querySelector('.edition-switch')).display"
            assert tab.evaluate(shown) != "none"
            tab.emulate_media(media="print")
            assert tab.evaluate(shown) == "none"
        finally:
            tab.close()


def test_on_a_wide_screen_the_selector_is_in_the_header_and_keeps_the_paragraph_being_read(series, browser):
    with SiteServer(series["site"], free_port()) as url:
        tab = browser.new_page()  # 1280 px wide
        try:
            tab.goto(url.rstrip("/") + "/2021/section-1/")
            assert tab.evaluate("!!document.querySelector('.md-header .edition-switch')")
            assert not tab.evaluate("!!document.querySelector('.md-content .edition-switch')")
            tab.evaluate("document.getElementById('s1-1-2-0-1').scrollIntoView()")  # read to, not linked to
            assert not urlparse(tab.url).fragment
            tab.click(".edition-switch summary")
            tab.keyboard.press("Escape")  # the list closes as a menu does
            assert not tab.evaluate("document.querySelector('.edition-switch details').open")
            with tab.expect_navigation():
                choose_edition(tab, "2020")
            assert urlparse(tab.url).path == "/2020/section-1/" and urlparse(tab.url).fragment == "s1-1-1-0-1"
        finally:
            tab.close()


def test_a_side_by_side_page_leads_to_the_other_editions_side_by_side_page_at_the_same_paragraph(series, browser):
    targets, links = selector(series["site"], "zh", "2021/parallel/section-1")
    assert 'href="../../../2020/parallel/section-1/"' in links
    assert targets["2020"]["s1-1-2-0-1"] == "../../../2020/parallel/section-1/#s1-1-1-0-1"
    with SiteServer(series["site"], free_port()) as url:
        tab = browser.new_page()
        try:
            tab.goto(url.rstrip("/") + "/en/2021/parallel/section-1/#s1-1-2-0-1")
            with tab.expect_navigation():
                choose_edition(tab, "2020")
            assert urlparse(tab.url).path == "/en/2020/parallel/section-1/"
            assert urlparse(tab.url).fragment == "s1-1-1-0-1"
        finally:
            tab.close()


@pytest.mark.parametrize("width", [320, 720])
def test_the_header_with_the_selector_fits_the_screen(series, browser, width):
    """Under the title on a phone, in the header from 720 px (45em): either way no control leaves the screen."""
    with SiteServer(series["site"], free_port()) as url:
        tab = browser.new_page()
        tab.set_viewport_size({"width": width, "height": 640})
        try:
            tab.goto(url.rstrip("/") + "/en/2021/section-1/")
            assert tab.evaluate("!!document.querySelector('.md-header .edition-switch')") == (width >= 720)
            assert tab.evaluate("document.documentElement.scrollWidth") <= width
            boxes = tab.evaluate(BOXES, ".md-header__button:not(.md-logo), .md-header .view-switch a, "
                                        ".md-header__option, .md-header .edition-switch summary")
            assert boxes and all(box[2] <= width + 0.5 for box in boxes)
            with tab.expect_navigation():
                choose_edition(tab, "2020")
            assert urlparse(tab.url).path == "/en/2020/section-1/"
        finally:
            tab.close()


def test_a_moved_page_sends_the_reader_to_its_edition_with_the_fragment(series, browser):
    address = f"http://127.0.0.1:{free_port()}"
    with SiteServer(series["site"], int(address.rsplit(":", 1)[1])) as url:
        tab = browser.new_page()
        try:
            tab.goto(url.rstrip("/") + "/en/section-2/#s2-1-1-1")
            tab.wait_for_url("**/en/2020/section-2/**")
            assert urlparse(tab.url).path == "/en/2020/section-2/" and urlparse(tab.url).fragment == "s2-1-1-1"
            tab.goto(url.rstrip("/") + "/2021/section-1/#s1-1-2-0-1")
            with tab.expect_navigation():
                choose_edition(tab, "2020")
            assert urlparse(tab.url).path == "/2020/section-1/" and urlparse(tab.url).fragment == "s1-1-1-0-1"
            tab.route("**/edition-targets.json", lambda route: route.fulfill(status=404))
            tab.goto(url.rstrip("/") + "/2021/section-1/#s1-1-2-0-1")
            with tab.expect_navigation():  # the targets cannot be had: the page's counterpart
                choose_edition(tab, "2020")
            assert urlparse(tab.url).path == "/2020/section-1/" and not urlparse(tab.url).fragment
        finally:
            tab.close()


@pytest.mark.parametrize("args, message", [
    (["--edition", "2021"], "each --edition is ID=FILE or ID=FILE,FILE"),
    (["--edition", "20 21=x.txt"], "must be letters, digits"),
    (["--edition", f"2021={DEEP}", "--edition", f"2021={DEEP}"], "the edition id 2021 is given twice"),
    (["--edition", "2021=missing.txt"], "missing.txt: file not found"),
    (["--edition", f"en={DEEP}", "--edition", f"2020={DEEP}"], "the edition id en is also a name the site uses"),
    (["--edition", f"section-1={DEEP}", "--edition", f"2020={DEEP}"],
     "the edition id section-1 is also a name the site uses"),
])
def test_a_wrong_edition_is_named_without_a_traceback(tmp_path, args, message):
    result = build(*args, site=tmp_path / "site")
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_broken_edition_stops_the_build_naming_its_file(tmp_path):
    broken = tmp_path / "2021.txt"
    broken.write_text(DEEP.read_text(encoding="utf-8").replace("Conclusion\n", "", 1), encoding="utf-8")
    result = build("--edition", f"2021={broken}", "--edition", f"2020={DEEP}", site=tmp_path / "site")
    assert result.returncode == 1 and "2021.txt:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_series_of_a_word_document_and_a_pdf_is_one_site_with_its_selector(tmp_path, browser):
    from docx_fixtures import write_docx
    from pdf_fixtures import typeset

    newer = write_docx(write_edition(tmp_path, "2021", EDITS), tmp_path / "2021.docx")
    older = typeset(DEEP, tmp_path / "2020.pdf")
    result = build("--edition", f"2021={newer}", "--edition", f"2020={older}", site=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for edition, source in (("2021", newer), ("2020", older)):
        document = read_report(source).document
        for lang in LANGS:
            root = tmp_path / "site" / ("" if lang == "zh" else "en") / edition
            on_pages = "".join(path.read_text(encoding="utf-8") for path in root.glob("*/index.html")
                               if path.parent.name != "parallel")
            assert all(f'id="{node.id}"' in on_pages for node, _ in document.walk()), (edition, lang)
    targets, _ = selector(tmp_path / "site", "en", "2021/section-1")
    assert targets["2020"]["s1-1-2"] == "../../2020/section-1/#s1-1-1"  # renumbered, across the two formats
    with SiteServer(tmp_path / "site", free_port()) as url:
        tab = browser.new_page()
        try:
            tab.goto(url.rstrip("/") + "/en/2021/section-1/#s1-1-2-0-1")
            with tab.expect_navigation():
                choose_edition(tab, "2020")
            assert urlparse(tab.url).path == "/en/2020/section-1/" and urlparse(tab.url).fragment == "s1-1-1-0-1"
        finally:
            tab.close()
