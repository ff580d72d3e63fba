"""Reading both languages at once, in headless Chromium: the side-by-side pages and the paragraph actions."""
from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from helpers import PAPER, choose_language, read_document
from test_browser import in_viewport

from bilingual_report.model import Heading


def section_nodes(heading):
    """Everything under a heading, in reading order."""
    return [n for child in heading.children
            for n in [child] + (section_nodes(child) if isinstance(child, Heading) else [])]

SECTIONS = range(1, 7)
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def block_ids(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "nodes => nodes.map(n => n.id)")


@pytest.fixture
def clipboard(browser, site_url):
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    yield
    browser.clear_permissions()


def wait_until(page, expression: str, timeout_ms: int = 5000) -> None:
    """Poll a JavaScript expression until true (wait_for_function evaluates strings, which the site's CSP forbids)."""
    for _ in range(timeout_ms // 50):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {timeout_ms} ms: {expression}")


def read_clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def open_actions(page, block_id: str) -> None:
    page.click(f"#{block_id} .para-actions__toggle")
    page.wait_for_selector(f"#actions-{block_id}:not([hidden])")


# -- side-by-side pages ------------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["/", "/en/"])
@pytest.mark.parametrize("number", SECTIONS)
def test_every_block_of_the_section_is_a_row_with_both_languages_side_by_side(page, site_url, prefix, number):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{site_url}{prefix}section-{number}/")
    blocks = block_ids(page, "article [data-cite]")
    headings = block_ids(page, "article h1[id], article h2[id]")
    page.goto(f"{site_url}{prefix}parallel/section-{number}/")
    assert block_ids(page, "article .pair[data-cite]") == blocks
    assert block_ids(page, "article .pair:is(h1, h2)") == headings
    rows = page.eval_on_selector_all("article .pair", """rows => rows.map(row => {
        const [zh, en] = [...row.children].map(cell => cell.getBoundingClientRect());
        return {langs: [...row.children].map(cell => cell.lang), zhTop: zh.top, enTop: en.top,
                zhRight: zh.right, enLeft: en.left,
                filled: [...row.children].every(cell => cell.textContent.trim() || cell.querySelector("img"))};
    })""")
    assert len(rows) >= len(blocks) + len(headings)
    for row in rows:
        assert row["langs"] == ["zh", "en"]
        assert abs(row["zhTop"] - row["enTop"]) < 1, row       # aligned at the top
        assert row["zhRight"] <= row["enLeft"], row             # Chinese on the left, English on the right
        assert row["filled"], row


def test_the_rows_hold_the_paragraph_pairs_of_the_model(page, site_url):
    page.goto(f"{site_url}/en/parallel/section-3/")
    cells = page.eval_on_selector("#s3-3-1", "row => [...row.children].map(c => c.textContent)")
    assert "截至 2019 年底" in cells[0] and "As of the end of November 2019" in cells[1]
    page.evaluate("document.getElementById('figure-4').scrollIntoView()")
    shown = "#figure-4 img.chart-wide"  # at a desktop's width: each language's chart drawn for a column
    wait_until(page, f"[...document.querySelectorAll('{shown}')].every(i => i.complete && i.naturalWidth)")
    charts = page.eval_on_selector_all(shown, "imgs => imgs.map(i => [i.closest('[lang]').lang, "
                                              "new URL(i.src).pathname])")
    assert charts == [["zh", "/en/figures/figure-4-zh.svg"], ["en", "/en/figures/figure-4.svg"]]


@pytest.mark.parametrize("path", [f"{p}parallel/section-{n}/" for p in ("/", "/en/") for n in SECTIONS])
def test_phone_stacks_chinese_then_english_without_horizontal_scroll(page, site_url, path):
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    rows = page.eval_on_selector_all("article div.pair", """rows => rows.map(row => {
        const [zh, en] = [...row.children].map(cell => cell.getBoundingClientRect());
        return [zh.bottom, en.top, zh.left, en.left, en.right];
    })""")
    for zh_bottom, en_top, zh_left, en_left, en_right in rows:
        assert zh_bottom <= en_top + 1 and abs(zh_left - en_left) < 1 and en_right <= PHONE["width"]


@pytest.mark.parametrize("prefix, forth, back", [("/", "中英对照", "只看中文"),
                                                  ("/en/", "Side by side", "English only")])
def test_switching_view_keeps_the_paragraph_both_ways(page, site_url, prefix, forth, back):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{site_url}{prefix}section-2/#s2-1-2")
    with page.expect_navigation():
        page.get_by_role("link", name=forth).click()
    assert page.url == f"{site_url}{prefix}parallel/section-2/#s2-1-2"
    assert in_viewport(page, "s2-1-2")
    page.evaluate("document.getElementById('s2-2-2').scrollIntoView()")
    page.wait_for_timeout(200)
    with page.expect_navigation():
        page.get_by_role("link", name=back).click()
    landed = urlparse(page.url)
    assert landed.path == f"{prefix}section-2/" and landed.fragment == "s2-2-2"
    assert in_viewport(page, "s2-2-2")


def test_language_switch_on_a_side_by_side_page_stays_side_by_side(page, site_url):
    page.goto(f"{site_url}/parallel/section-4/#s4-3-1")
    choose_language(page, "en")
    assert page.url == f"{site_url}/en/parallel/section-4/#s4-3-1"


@pytest.mark.parametrize("prefix", ["/", "/en/"])
def test_side_by_side_pages_are_no_duplicates_for_search(page, site_url, built_site, prefix):
    page.goto(f"{site_url}{prefix}parallel/section-5/")
    canonical = page.get_attribute("link[rel=canonical]", "href")
    assert canonical == f"{site_url}{prefix}section-5/"
    assert page.locator("link[hreflang]").count() == 0  # the canonical page carries the alternates
    for index in (built_site / "search" / "search_index.json", built_site / "en" / "search" / "search_index.json"):
        locations = [doc["location"] for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]]
        assert locations and not any("parallel/" in location for location in locations)
    assert "中英对照" not in (built_site / "search" / "search_index.json").read_text(encoding="utf-8")


# -- paragraph actions -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path, block, expected", [
    ("/section-2/", "s2-1-2", "/section-2/#s2-1-2"),
    ("/en/section-2/", "figure-3", "/en/section-2/#figure-3"),
    ("/en/parallel/section-3/", "s3-3-1", "/en/section-3/#s3-3-1"),   # the language page, not the view
])
def test_copy_link(page, site_url, clipboard, path, block, expected):
    page.goto(site_url + path)
    open_actions(page, block)
    page.click(f"#actions-{block} [data-action=link]")
    wait_until(page, f"document.querySelector('#{block} .para-status').textContent !== ''")
    assert read_clipboard(page) == site_url + expected


@pytest.mark.parametrize("path, block, expected", [
    ("/section-2/", "s2-1-2", "浙江省知识产权强省建设工作联席会议办公室. 2019 年浙江省知识产权保护与发展白皮书[EB/OL]. "
                              "(2020)[{iso}]: 第二部分第 1 项第 2 段. {site}/section-2/#s2-1-2"),
    ("/en/section-4/", "figure-5", "office for IP Joint Meeting of Zhejiang Province. 2019 White Paper on Development "
                                   "and Protection of Intellectual Property in Zhejiang Province. 2020. Figure 5. "
                                   "{site}/en/section-4/#figure-5 (accessed {words})."),
    ("/en/", "intro-1", "office for IP Joint Meeting of Zhejiang Province. 2019 White Paper on Development and "
                        "Protection of Intellectual Property in Zhejiang Province. 2020. Introduction, paragraph 1. "
                        "{site}/en/#intro-1 (accessed {words})."),
])
def test_copy_citation_in_the_page_language(page, site_url, clipboard, path, block, expected):
    page.goto(site_url + path)
    open_actions(page, block)
    page.click(f"#actions-{block} [data-action=cite]")
    wait_until(page, f"document.querySelector('#{block} .para-status').textContent !== ''")
    iso, words = page.evaluate("""() => { const d = new Date(); return [d.getFullYear() + '-' +
        String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'),
        d.toLocaleDateString('en', {year: 'numeric', month: 'long', day: 'numeric'})] }""")
    assert read_clipboard(page) == expected.format(site=site_url, iso=iso, words=words)
    assert page.text_content(f"#{block} .para-status") in ("已复制到剪贴板", "Copied to the clipboard")


def test_actions_by_keyboard(page, site_url, clipboard):
    page.goto(site_url + "/en/section-3/")
    page.focus("#s3-4-1 .para-link")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Paragraph actions"
    page.keyboard.press("Enter")
    assert page.get_attribute("#s3-4-1 .para-actions__toggle", "aria-expanded") == "true"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Copy citation"
    page.keyboard.press("Space")
    wait_until(page, "document.querySelector('#s3-4-1 .para-status').textContent !== ''")
    assert "Part III, item 4, paragraph 1. " + site_url + "/en/section-3/#s3-4-1 (accessed " in read_clipboard(page)
    page.keyboard.press("Escape")
    assert page.is_hidden("#actions-s3-4-1")
    assert page.evaluate("document.activeElement.classList.contains('para-actions__toggle')")


def tap(page, selector: str) -> None:
    """A real touch (touchstart/touchend, no mouse), as a finger on a phone gives."""
    box = page.locator(selector).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    session.detach()


def test_other_language_in_place_by_touch_on_a_phone(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/section-2/")
    page.evaluate("document.querySelector('#s2-1-1 .para-actions__toggle').scrollIntoView({block: 'center'})")
    tap(page, "#s2-1-1 .para-actions__toggle")
    page.wait_for_selector("#actions-s2-1-1:not([hidden])")
    tap(page, "#actions-s2-1-1 [data-action=other]")
    other = page.wait_for_selector("#s2-1-1 + .para-other")
    assert other.get_attribute("lang") == "en"
    text = other.text_content()
    assert text.startswith("1. Remarkable results were achieved in intellectual property creation.")
    assert "160,600 new valid patents for invention" in text and "¶" not in text
    assert page.url == site_url + "/section-2/"
    assert page.get_attribute("#actions-s2-1-1 [data-action=other]", "aria-expanded") == "true"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tap(page, "#actions-s2-1-1 [data-action=other]")
    page.wait_for_selector("#s2-1-1 + .para-other", state="detached")
    assert page.text_content("#actions-s2-1-1 [data-action=other]") == "显示英文"


def test_other_language_of_a_table_and_a_figure(page, site_url):
    page.goto(site_url + "/en/section-2/")
    open_actions(page, "figure-3")
    page.click("#actions-figure-3 [data-action=other]")
    table = page.wait_for_selector("#figure-3 + .para-other")
    assert table.get_attribute("lang") == "zh"
    assert "浙江绍兴苏泊尔生活电器有限公司" in table.text_content()
    assert page.eval_on_selector_all(".para-other [id]", "nodes => nodes.length") == 0
    open_actions(page, "figure-1")
    page.click("#actions-figure-1 [data-action=other]")
    figure = page.wait_for_selector("#figure-1 + .para-other")
    figure.scroll_into_view_if_needed()
    assert "图 1：浙江省有效发明专利状况" in figure.text_content()
    wait_until(page, "document.querySelector('#figure-1 + .para-other img').naturalWidth > 0")
    assert urlparse(page.get_attribute("#figure-1 + .para-other img", "src")).path == "/figures/figure-1.svg"


@pytest.mark.parametrize("prefix", ["/", "/en/"])
def test_every_paragraph_figure_and_table_has_its_actions(page, site_url, prefix):
    document = read_document(PAPER)
    for section in document.children:
        page.goto(f"{site_url}{prefix}section-{section.number}/")
        targets = block_ids(page, "article [data-cite]")
        assert targets == [node.id for node in section_nodes(section) if not isinstance(node, Heading)]
        assert page.eval_on_selector_all("article [data-cite] .para-actions", "nodes => nodes.length") == len(targets)
    page.goto(f"{site_url}{prefix}")
    assert block_ids(page, "article [data-cite]") == [p.id for p in document.intro]


@pytest.mark.parametrize("path, block", [("/section-2/", "s2-1-2"), ("/en/section-2/", "figure-3")])
def test_open_actions_and_the_other_language_pass_axe(page, site_url, path, block):
    from quality.axe import axe_violations
    page.goto(site_url + path)
    open_actions(page, block)
    page.click(f"#actions-{block} [data-action=other]")
    page.wait_for_selector(f"#{block} + .para-other")
    page.click(f"#actions-{block} [data-action=link]")  # the status line is shown too
    wait_until(page, f"document.querySelector('#{block} .para-status').textContent !== ''")
    assert axe_violations(page) == []
