"""Reading as readers do, in Chromium: on a phone and a desktop, in both languages, and on paper."""
from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from helpers import choose_language
from playwright.sync_api import expect

from bilingual_report.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = [360, 1280]
PAGES = ["/section-2/", "/en/section-2/", "/parallel/section-3/", "/en/parallel/section-3/", "/en/", "/en/parallel/",
         "/parallel/full-text/"]

BOXES = """selector => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length)
    .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom] })"""


def overlaps(a, b) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_the_side_by_side_control_covers_neither_text_nor_controls(page, site_url, width, path):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(site_url + path)
    control = page.locator(".md-header .view-switch a")
    expect(control).to_be_visible()
    assert page.locator(".md-content .view-switch").count() == 0  # moved, not copied
    for scrolled in (0, 0.5, 1):
        page.evaluate("share => window.scrollTo(0, share * document.documentElement.scrollHeight)", scrolled)
        page.wait_for_timeout(150)
        box = page.evaluate(BOXES, ".md-header .view-switch a")[0]
        assert 0 <= box[0] and box[2] <= width and box[1] >= 0  # in sight wherever the reader is
        others = page.evaluate(BOXES, ".md-header__button, .md-header__title, .md-search__form, .md-top")
        assert not any(overlaps(box, other) for other in others), (box, others)
        header = page.evaluate(BOXES, ".md-header")[0]
        assert header[1] <= box[1] and box[3] <= header[3]  # inside the header bar: over no line of the text


@pytest.mark.parametrize("start, target, landing", [
    ("/section-3/", "s3-2-1", "/parallel/section-3/"),
    ("/en/parallel/section-3/", "s3-2-1", "/en/section-3/"),
])
def test_the_side_by_side_control_leads_to_the_paragraph_being_read(page, site_url, start, target, landing):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + start)
    page.evaluate("id => document.getElementById(id).scrollIntoView()", target)
    page.wait_for_timeout(200)
    with page.expect_navigation():
        page.click(".md-header .view-switch a")
    url = urlparse(page.url)
    assert url.path == landing and url.fragment.startswith(target.rsplit("-", 1)[0])


def test_chinese_words_in_tables_are_not_broken_on_a_phone(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "/section-2/")
    cells = page.evaluate("""() => [...document.querySelectorAll('.report-table td, .report-table th')].map(cell => {
        const range = document.createRange(); range.selectNodeContents(cell)
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)))
        return [cell.textContent.trim(), lines.size] })""")
    unbreakable = [(text, lines) for text, lines in cells if text and not any(c in text for c in " ，、；（）()")]
    assert len(unbreakable) >= 10 and any("公司" in text for text, _ in unbreakable)
    assert [cell for cell in unbreakable if cell[1] != 1] == []  # 排名, 城市, 绍兴, a company's name: one line each
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # the table scrolls, not the page
    scroller = page.locator(".report-table .table-scroll").first
    caption = page.locator(".report-table caption .caption-text").first
    scroller.evaluate("box => box.scrollLeft = box.scrollWidth")
    box, seen = scroller.bounding_box(), caption.bounding_box()
    assert seen["x"] >= box["x"] - 1 and seen["x"] < box["x"] + box["width"]  # the caption stays in view


@pytest.mark.parametrize("prefix, title", [
    ("/", "2019 年浙江省知识产权保护与发展白皮书"),
    ("/en/", "2019 White Paper on Development and Protection of Intellectual Property in Zhejiang Province"),
])
def test_the_full_text_prints_every_figure_with_the_title_and_page_numbers(page, site_url, prefix, title):
    import pdfplumber

    page.goto(site_url + prefix + "full-text/")
    page.wait_for_load_state("networkidle")
    images = page.evaluate("""[...document.querySelectorAll('.md-content img:not(.chart-phone)')]
        .map(i => i.complete && i.naturalWidth > 0)""")
    assert len(images) >= 6 and all(images)  # loaded without the reader scrolling to them (not the phone's forms)
    page.emulate_media(media="print")
    assert set(page.evaluate("""() => [...document.querySelectorAll('.md-content h2, .md-content h3')]
        .map(h => getComputedStyle(h).breakAfter)""")) == {"avoid"}
    with pdfplumber.open(io.BytesIO(page.pdf(format="A4"))) as pdf:
        count = len(pdf.pages)
        assert count >= 5
        for number, sheet in enumerate(pdf.pages[:3], start=1):
            words = sheet.extract_words()
            top = "".join(w["text"] for w in words if w["bottom"] < 45)
            bottom = " ".join(w["text"] for w in words if w["top"] > sheet.height - 45)
            assert top == title.replace(" ", ""), top
            assert bottom == f"{number} / {count}"


CHART_FONT_PT = yaml.safe_load((ROOT / "data" / "chart-style.yml").read_text(encoding="utf-8"))["font_size"]


@pytest.mark.parametrize("path", ["/section-2/", "/en/section-2/", "/figures/", "/en/figures/"])
def test_charts_on_a_phone_are_drawn_for_it_their_text_the_body_texts_size(page, site_url, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + path)
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    shown = page.evaluate("""() => [...document.querySelectorAll('a.chart-zoom img')].filter(i => i.getClientRects().length)
        .map(i => [i.className, i.getBoundingClientRect().width, Number(i.getAttribute('width'))])""")
    assert len(shown) >= 3 and {kind for kind, _, _ in shown} == {"chart-phone"}
    for _, rendered, natural in shown:
        assert CHART_FONT_PT * 4 / 3 * rendered / natural >= body - 0.05, (rendered, natural, body)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.set_viewport_size({"width": 1280, "height": 800})
    kinds = page.evaluate("""() => [...document.querySelectorAll('a.chart-zoom img')]
        .filter(i => i.getClientRects().length).map(i => i.className)""")
    assert kinds and set(kinds) == {"chart-wide"}


@pytest.mark.parametrize("width, path, words", [
    (1280, "/section-2/", ("放大", "缩小", "关闭")),
    (360, "/en/figures/", ("Zoom in", "Zoom out", "Close")),
])
def test_a_chart_opens_full_size_zooms_and_closes_with_escape(page, site_url, width, path, words):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(site_url + path)
    link = page.locator("a.chart-zoom").first
    link.scroll_into_view_if_needed()
    natural = int(link.locator("img.chart-wide").get_attribute("width"))
    link.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.chart-viewer[open]")
    expect(dialog).to_be_visible()
    image = dialog.locator("img")
    expect(image).to_have_attribute("src", link.evaluate("a => a.href"))
    assert abs(image.bounding_box()["width"] - natural) <= 1  # full size, whatever the screen
    assert dialog.get_attribute("aria-label").startswith(link.locator("img").first.get_attribute("alt")[:10])
    zoom_in, zoom_out, close = (dialog.get_by_role("button", name=word) for word in words)
    zoom_in.click()
    assert abs(image.bounding_box()["width"] - natural * 1.5) <= 1
    zoom_out.click()
    zoom_out.click()
    assert abs(image.bounding_box()["width"] - natural / 1.5) <= 1
    page.keyboard.press("Escape")
    expect(page.locator("dialog.chart-viewer")).to_have_count(0)
    assert page.evaluate("document.activeElement.classList.contains('chart-zoom')")
    link.click()
    page.locator("dialog.chart-viewer").get_by_role("button", name=words[2]).click()
    expect(page.locator("dialog.chart-viewer")).to_have_count(0)


SCROLLED_PAST = """id => { const box = document.getElementById(id).getBoundingClientRect()
    return (document.querySelector('.md-header').getBoundingClientRect().bottom - box.top) / box.height }"""


@pytest.mark.parametrize("start, locale, landing", [("/en/section-2/", "zh", "/section-2/"),
                                                    ("/section-3/", "en", "/en/section-3/")])
def test_switching_language_inside_a_long_paragraph_lands_where_the_reader_was_in_it(page, site_url, start, locale,
                                                                                        landing):
    page.set_viewport_size({"width": 360, "height": 400})
    page.goto(site_url + start)
    block, top, height = page.evaluate("""() => { const tallest = [...document.querySelectorAll('p.para[id]')]
        .sort((a, b) => b.offsetHeight - a.offsetHeight)[0]; const r = tallest.getBoundingClientRect()
        return [tallest.id, r.top + scrollY, r.height] }""")
    assert height > 400  # taller than the screen
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    page.evaluate("y => window.scrollTo(0, y)", top + 0.4 * height - header)
    page.wait_for_timeout(200)
    assert abs(page.evaluate(SCROLLED_PAST, block) - 0.4) < 0.02
    expect(page.locator(".md-header .language-button__name")).to_have_text("简体中文" if locale == "zh" else "English")
    choose_language(page, locale)
    page.wait_for_timeout(300)
    assert urlparse(page.url).path == landing and urlparse(page.url).fragment == block
    assert abs(page.evaluate(SCROLLED_PAST, block) - 0.4) < 0.05  # as far into the paragraph, not at its start


@pytest.mark.parametrize("path, title", [("/section-2/", "本节链接"), ("/en/section-2/", "Link to this section")])
def test_heading_permalinks_are_titled_in_the_pages_language(built_site, path, title):
    page = (built_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
    titles = set(re.findall(r'<a class="headerlink" href="#[^"]+" title="([^"]+)"', page))
    assert titles == {title}


@pytest.mark.parametrize("prefix, lang, title", [
    ("", "zh", "2019 年浙江省知识产权保护与发展白皮书"),
    ("en/", "en", "2019 White Paper on Development and Protection of Intellectual Property in Zhejiang Province"),
])
def test_the_report_is_offered_to_reference_managers(built_site, site_url, prefix, lang, title):
    page = (built_site / prefix / "section-3/index.html").read_text(encoding="utf-8")
    meta = dict(re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)"', page))
    assert meta["citation_title"] == title and meta["citation_publication_date"] == "2020"
    assert meta["citation_author"] and meta["citation_language"] == lang
    assert meta["citation_public_url"] == f"{site_url}/{prefix}section-3/"
    home = f"{site_url}/{prefix}"
    bib = (built_site / prefix / "downloads/citation.bib").read_text(encoding="utf-8")
    assert bib.startswith("@techreport{") and f"title = {{{{{title}}}}}" in bib and f"url = {{{home}}}" in bib
    ris = (built_site / prefix / "downloads/citation.ris").read_bytes().decode("utf-8")  # RIS lines end in CR LF
    assert ris.startswith("TY  - RPRT\r\n") and f"TI  - {title}\r\n" in ris and ris.endswith("ER  - \r\n")
    csl, = json.loads((built_site / prefix / "downloads/citation.json").read_text(encoding="utf-8"))
    assert csl["type"] == "report" and csl["title"] == title and csl["issued"] == {"date-parts": [[2020]]}
    assert csl["URL"] == home and csl["author"][0]["literal"] == meta["citation_author"]
    index = (built_site / prefix / "index.html").read_text(encoding="utf-8")
    assert all(f'href="downloads/citation.{ext}"' in index for ext in ("bib", "ris", "json"))


def test_bibtex_escapes_what_tex_would_read_as_markup():
    from bilingual_report.site.citation_exports import Work, bibtex_bytes

    text = bibtex_bytes(Work("R&D at 50% {draft} #1_a", "Office ~ A^B", None, None, "en")).decode("utf-8")
    assert r"title = {{R\&D at 50\% \{draft\} \#1\_a}}" in text
    assert r"institution = {{Office \textasciitilde{} A\textasciicircum{}B}}" in text and "year" not in text


def test_the_home_page_says_when_the_report_was_published_and_links_the_issuers_original(tmp_path):
    from bilingual_report.config.settings import load_settings
    from bilingual_report.pipeline import generate

    site = (ROOT / "data" / "site.yml").read_text(encoding="utf-8")
    pages = generate(load_settings(ROOT / "data" / "site.yml", ROOT), tmp_path).files
    assert '<p class="report-publication">2020 年发布</p>' in pages["zh/index.md"]
    assert '<p class="report-publication">Published in 2020</p>' in pages["en/index.md"]
    (tmp_path / "data").mkdir()
    for name in ("profile.yml", "chart-style.yml", "key-figures.yml"):
        (tmp_path / "data" / name).write_bytes((ROOT / "data" / name).read_bytes())
    shutil.copytree(ROOT / "data" / "figures", tmp_path / "data" / "figures")
    shutil.copy(ROOT / "data" / "zhejiang-ip-white-paper-2019.txt", tmp_path / "data")
    (tmp_path / "data" / "site.yml").write_text(site + "official: https://example.org/report.pdf\n", encoding="utf-8")
    pages = generate(load_settings(tmp_path / "data" / "site.yml", tmp_path), tmp_path / "cache").files
    assert '2020 年发布 · <a href="https://example.org/report.pdf">发布单位的原版（PDF）</a>' in pages["zh/index.md"]
    (tmp_path / "data" / "site.yml").write_text(site + "official: javascript:alert(1)\n", encoding="utf-8")
    with pytest.raises(InputError, match="'official' must be the web address"):
        load_settings(tmp_path / "data" / "site.yml", tmp_path)


@pytest.mark.parametrize("path, toggle", [("/key-figures/", "切换到浅色模式"), ("/en/section-2/", "Switch to the light scheme"),
                                          ("/en/figures/", "Switch to the light scheme")])
def test_a_dark_system_gets_the_dark_scheme_readable_and_a_toggle_in_the_pages_language(page, site_url, path, toggle):
    from quality.axe import axe_violations

    forget = "Object.keys(localStorage).filter(k => k.includes('__palette')).forEach(k => localStorage.removeItem(k))"
    page.emulate_media(color_scheme="dark")
    try:
        page.goto(site_url + path)
        page.evaluate(forget)  # a scheme kept from an earlier page of the site (this browser's) would win
        page.reload()
        page.wait_for_load_state("networkidle")
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        assert axe_violations(page) == []  # every text, the report's own included, contrasts enough
        label = page.locator(f"label.md-header__button[title='{toggle}']")
        expect(label).to_be_visible()
        label.click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    finally:  # the reader's choice is kept for the site: forget it, for the tests after this one
        page.evaluate(forget)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_home_page_and_the_full_text_have_side_by_side_pages(built_site, site_url, prefix):
    full = (built_site / prefix / "full-text/index.html").read_text(encoding="utf-8")
    pairs = (built_site / prefix / "parallel/full-text/index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([^"]+)"[^>]*data-cite', full))
    assert len(ids) >= 20 and ids <= set(re.findall(r'<div id="([^"]+)" class="pair"', pairs))  # every paragraph
    assert f'<link rel="canonical" href="{site_url}/{prefix}full-text/">' in pairs
    home = (built_site / prefix / "index.html").read_text(encoding="utf-8")
    together = (built_site / prefix / "parallel/index.html").read_text(encoding="utf-8")
    assert 'class="view-switch"' in home and 'href="parallel/"' in home
    assert 'href="../parallel/full-text/"' in full
    assert f'<link rel="canonical" href="{site_url}/{prefix}parallel/">' in together  # not the root (Lighthouse)
    assert '<h1 id="title" class="pair"><span lang="zh">2019 年浙江省知识产权保护与发展白皮书</span>' in together
    assert 'id="intro-1" class="pair"' in together and 'href="../"' in together


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("path", ["/en/parallel/section-1/", "/parallel/", "/en/full-text/"])
def test_the_header_fits_a_small_phone(page, site_url, width, path):
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    boxes = page.evaluate(BOXES, ".md-header__button:not(.md-logo), .md-header .view-switch a, .md-header__option")
    assert all(box[2] <= width + 0.5 for box in boxes)
