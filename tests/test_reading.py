"""Reading as readers do, in Chromium: on a phone and a desktop, in both languages, and on paper."""
from __future__ import annotations

import io
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

WIDTHS = [360, 1280]
PAGES = ["/section-2/", "/en/section-2/", "/parallel/section-3/", "/en/parallel/section-3/"]

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
    images = page.evaluate("[...document.querySelectorAll('.md-content img')].map(i => i.complete && i.naturalWidth > 0)")
    assert len(images) >= 6 and all(images)  # loaded without the reader scrolling to them
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
