"""The site hosted under a sub-path (site_url with a path) works as it does at a domain root."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from conftest import copy_project, mkdocs_build
from playwright.sync_api import expect

from quality.links import check_links
from quality.serve import SiteServer, free_port

PREFIX = "/reports/zhejiang-2019/"


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    port = free_port()
    project = copy_project(tmp_path_factory.mktemp("sub-path"))
    result = mkdocs_build(project, env={"SITE_URL": f"http://127.0.0.1:{port}{PREFIX}"})
    assert result.returncode == 0, result.stderr
    with SiteServer(project / "site", port, PREFIX) as url:
        yield project / "site", url


def test_links_resolve_under_the_sub_path(sub_path_site):
    site, url = sub_path_site
    assert [str(b) for b in check_links(site, PREFIX, url)] == []


def test_reading_switching_and_searching_under_the_sub_path(page, sub_path_site):
    _, url = sub_path_site
    page.goto(url)
    with page.expect_navigation():
        page.click(".md-nav__link[href$='section-2/']")
    assert urlparse(page.url).path == PREFIX + "section-2/"
    page.goto(url + "section-3/#s3-2-1")
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(".md-select a[hreflang=en]")
    assert urlparse(page.url).path == PREFIX + "en/section-3/" and urlparse(page.url).fragment == "s3-2-1"
    page.goto(url + "en/?q=pledge")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    paths = {urlparse(a.get_attribute("href")).path for a in page.query_selector_all("a.md-search-result__link")}
    assert PREFIX + "en/section-4/" in paths and all(p.startswith(PREFIX + "en/") for p in paths)
    response = page.goto(url + "en/missing/")
    assert response.status == 404 and page.get_attribute("html", "lang") == "en"
    links = {urlparse(a).path for a in page.eval_on_selector_all(".not-found-pages a", "links => links.map(a => a.href)")}
    assert PREFIX + "en/section-6/" in links and all(p.startswith(PREFIX + "en/") for p in links)
    page.goto(url + "parallel/section-2/#s2-1-2")
    assert urlparse(page.get_attribute("link[rel=canonical]", "href")).path == PREFIX + "section-2/"
    with page.expect_navigation():
        page.click(".view-switch a")
    assert urlparse(page.url).path == PREFIX + "section-2/" and urlparse(page.url).fragment == "s2-1-2"
    page.click(".md-header__button.md-logo")
    assert urlparse(page.url).path.startswith(PREFIX)


def test_a_host_with_one_404_page_answers_in_english_under_the_sub_paths_en(page, sub_path_site):
    site, _ = sub_path_site
    with SiteServer(site, free_port(), PREFIX, languages=()) as url:
        response = page.goto(url + "en/missing/")
        assert response.status == 404
        expect(page.locator(".md-content h1")).to_have_text("Page not found")
        assert page.text_content(".md-content h1") == "Page not found" and page.url == url + "en/missing/"
        links = {urlparse(a).path for a in page.eval_on_selector_all(".not-found-pages a", "links => links.map(a => a.href)")}
        assert PREFIX + "en/section-6/" in links
