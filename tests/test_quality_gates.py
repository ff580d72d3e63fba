"""The deterministic quality gates on every page of both languages: axe-core, the Nu Html Checker, links and
anchors, the Content-Security-Policy, external requests and lang attributes."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from quality.axe import axe_violations
from quality.links import check_links
from quality.nu import nu_errors


def page_paths(site: Path) -> list[str]:
    return sorted("/" + p.relative_to(site).as_posix().removesuffix("index.html")
                  for p in site.rglob("*.html"))


def test_no_broken_link_or_anchor(built_site, site_address):
    assert [str(b) for b in check_links(built_site, "/", site_address + "/")] == []


def test_every_page_is_valid_html(built_site):
    assert nu_errors(sorted(built_site.rglob("*.html"))) == {}


def test_every_page_passes_axe_under_its_security_policy(page, built_site, site_url):
    violations, blocked = {}, []
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    for path in page_paths(built_site):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        found = axe_violations(page)
        if found:
            violations[path] = found
    assert violations == {}
    assert blocked == []


def test_search_and_language_switch_work_under_the_security_policy(page, site_url):
    blocked = []
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(site_url + "/en/section-4/?q=pledge")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.goto(site_url + "/section-1/#s1-2-1")
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(".md-select a[hreflang=en]")
    assert page.url.endswith("/en/section-1/#s1-2-1")
    assert blocked == []


@pytest.mark.parametrize("path, lang, title, contents", [
    ("/no-such-page/", "zh", "找不到这个页面", "/section-1/"),
    ("/en/deep/no-such-page/", "en", "Page not found", "/en/section-1/"),
])
def test_missing_pages_get_the_404_page_of_their_language(page, site_url, path, lang, title, contents):
    response = page.goto(site_url + path)
    assert response.status == 404 and page.get_attribute("html", "lang") == lang
    assert page.text_content(".md-content h1") == title
    links = page.eval_on_selector_all(".not-found-pages a", "links => links.map(a => a.href)")
    assert len(links) >= 8 and site_url + contents in links
    with page.expect_navigation():
        page.click(f".not-found-pages a[href$='{contents}']")
    assert page.url == site_url + contents and page.text_content("h1").startswith(("一、", "I."))


def test_hosting_files(built_site, site_address):
    assert (built_site / "robots.txt").read_text(encoding="utf-8").endswith(f"Sitemap: {site_address}/sitemap.xml\n")
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'hreflang="en" href="{site_address}/en/section-1/"' in sitemap
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert f"{site_address}/en/key-figures/" in locations and len(locations) == 20
    assert not any("/parallel/" in location for location in locations)  # views of other pages: not indexed
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
    page = (built_site / "en/section-1/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{site_address}/en/section-1/">' in page
    for lang, url in (("zh", "/section-1/"), ("x-default", "/section-1/"), ("en", "/en/section-1/")):
        assert f'<link rel="alternate" href="{site_address}{url}" hreflang="{lang}">' in page
    assert f'<meta property="og:image" content="{site_address}/en/social-card.png">' in page
    assert (built_site / "en/social-card.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert '<meta http-equiv="Content-Security-Policy"' in page and "unsafe-inline'; img-src" in page
    assert "script-src 'self' 'sha256-" in page and "'unsafe-inline' 'sha" not in page


@pytest.mark.parametrize("path, lang, title", [
    ("/en/no-such-page/", "en", "Page not found"),
    ("/en/section-1/missing/deeper/", "en", "Page not found"),
    ("/english-is-no-folder/", "zh", "找不到这个页面"),
])
def test_a_host_with_one_404_page_still_answers_in_the_readers_language(page, built_site, path, lang, title):
    """GitHub Pages serves the root 404.html for every missing address: under /en/ the reader still gets the
    English page, at the address they typed, with English links."""
    from quality.serve import SiteServer, free_port

    with SiteServer(built_site, free_port(), languages=()) as url:
        response = page.goto(url.rstrip("/") + path)
        assert response.status == 404
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator(".md-content h1")).to_have_text(title)
        page.wait_for_timeout(300)  # a replacement, where one is due, has had its time
        assert page.get_attribute("html", "lang") == lang and page.text_content(".md-content h1") == title
        assert page.url == url.rstrip("/") + path
        links = page.eval_on_selector_all(".not-found-pages a", "links => links.map(a => new URL(a.href).pathname)")
        assert links and all(link.startswith("/en/") for link in links) == (lang == "en")
