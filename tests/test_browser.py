"""The site in headless Chromium: the language switch keeps the paragraph; search stays in the page's language."""
from __future__ import annotations

from urllib.parse import quote, urlparse

import pytest
from helpers import choose_language

SECTIONS = [f"section-{n}/" for n in range(1, 7)]


def in_viewport(page, element_id: str) -> bool:
    return page.evaluate("""id => { const box = document.getElementById(id).getBoundingClientRect();
                                     return box.top >= 0 && box.top < window.innerHeight; }""", element_id)


@pytest.mark.parametrize("start, locale, expected", [
    ("/section-3/#s3-2-1", "en", "/en/section-3/#s3-2-1"),
    ("/en/section-3/#s3-1-2", "zh", "/section-3/#s3-1-2"),
    ("/en/section-2/#figure-3", "zh", "/section-2/#figure-3"),
    ("/#intro-1", "en", "/en/#intro-1"),
])
def test_switch_keeps_the_linked_paragraph(page, site_url, start, locale, expected):
    page.goto(site_url + start)
    choose_language(page, locale)
    assert page.url == site_url + expected
    assert in_viewport(page, expected.split("#")[1])


@pytest.mark.parametrize("start, target, locale, prefix", [
    ("/en/section-2/", "s2-2-1", "zh", "/section-2/"),
    ("/section-3/", "s3-3-1", "en", "/en/section-3/"),
])
def test_switch_keeps_the_paragraph_scrolled_to(page, site_url, start, target, locale, prefix):
    page.goto(site_url + start)
    page.evaluate("id => document.getElementById(id).scrollIntoView()", target)
    page.wait_for_timeout(200)
    choose_language(page, locale)
    landed = urlparse(page.url)
    assert landed.path == prefix and landed.fragment in (target, target.rsplit("-", 1)[0])
    assert in_viewport(page, target)


SEARCHES = [
    ("/section-1/", "质押融资", "/section-4/"),
    ("/section-1/", "商业秘密", "/section-3/"),
    ("/section-1/", "2525", "/section-2/"),
    ("/section-1/", "16.06", "/section-2/"),
    ("/", "马德里", "/section-2/"),
    ("/en/section-1/", "pledge", "/en/section-4/"),
    ("/en/section-1/", "trade secrets", "/en/section-3/"),
    ("/en/section-1/", "Madrid", "/en/section-2/"),
    ("/en/section-1/", "2,525", "/en/section-2/"),
    ("/en/", "12837", "/en/section-2/"),
]


@pytest.mark.parametrize("start, query, expected", SEARCHES)
def test_search_finds_the_section_in_the_page_language(page, site_url, start, query, expected):
    page.goto(f"{site_url}{start}?q={quote(query)}")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.wait_for_timeout(300)
    paths = {urlparse(a.get_attribute("href")).path
             for a in page.query_selector_all(".md-search-result__list a.md-search-result__link")}
    assert expected in paths
    english = start.startswith("/en/")
    assert all(p.startswith("/en/") == english for p in paths), paths


def test_search_typed_into_the_box(page, site_url):
    page.goto(site_url + "/section-5/")
    page.click("label.md-search__icon, .md-search__input")
    page.fill(".md-search__input", "商业秘密")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert page.query_selector_all(".md-search-result__item")


def test_no_request_leaves_the_site_and_lang_is_set(page, site_url):
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith((site_url, "data:", "blob:")) else None)
    for prefix, lang in (("/", "zh"), ("/en/", "en")):
        for path in [""] + SECTIONS:
            page.goto(site_url + prefix + path)
            page.wait_for_load_state("networkidle")
            assert page.get_attribute("html", "lang") == lang
    assert outside == []


@pytest.mark.parametrize("prefix", ["/", "/en/"])
def test_charts_load_and_data_downloads(page, site_url, prefix):
    page.goto(f"{site_url}{prefix}section-2/")
    sizes = []
    for image in page.locator(".md-content img:not(.chart-phone)").all():  # a phone's chart loads on a phone
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(), timeout=10000)
        sizes.append(image.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width]"))
    assert len(sizes) == 3 and all(natural > 100 and shown > 100 for natural, shown in sizes)
    page.click("details.figure-data summary >> nth=0")
    link = page.locator("details.figure-data[open] a[href$='figure-1.csv']")
    assert link.is_visible()
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.body().startswith("\ufefffigure,".encode("utf-8"))


def test_printing_shows_the_text_without_navigation(page, site_url):
    page.goto(site_url + "/en/full-text/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.para-link']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}
    assert page.locator("#s6-2-1").is_visible()
