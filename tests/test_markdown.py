"""The Markdown writer: source text lands as text (never markup), ids and permalinks in both languages."""
from __future__ import annotations

from pathlib import Path

import markdown
from helpers import SECTION_1, profile, read_document, report_text, write

from bilingual_report.config.settings import load_settings
from bilingual_report.errors import InputError
from bilingual_report.pipeline import site_pages
from bilingual_report.site.layout import SiteLayout
from bilingual_report.site.markup import inline_html
from bilingual_report.site.markup import inline_text as heading_text

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings(ROOT / "data" / "site.yml", ROOT)


def pages_of(doc) -> dict[str, str]:
    return site_pages(SiteLayout(doc, key_figures=False, figures=False), profile(), SETTINGS, {}, None)


def test_markup_in_the_source_is_escaped():
    assert inline_html('<script>alert(1)</script> <img src=x onerror="alert(1)"> & **bold**') == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=\"alert(1)\"&gt; &amp; <strong>bold</strong>")


def test_heading_text_survives_markdown_as_text():
    text = "1. *stars* _under_ [link](http://x) `code` # <b>&"
    rendered = markdown.markdown("## " + heading_text(text))
    assert rendered == "<h2>1. *stars* _under_ [link](http://x) `code` # &lt;b&gt;&amp;</h2>"


def test_pages_share_ids_across_languages(tmp_path):
    doc = read_document(write(tmp_path, report_text(
        *SECTION_1, "1. 第一项。<script>alert(1)</script>内容。", "1. Item one. <img src=x onerror=alert(1)> content.",
        "续段。", "More.")))
    pages = pages_of(doc)
    zh, en = pages["zh/section-1.md"], pages["en/section-1.md"]
    for page in (zh, en):
        assert '{#s1}' in page and '{#s1-1}' in page and 'id="s1-1-1"' in page and 'id="s1-1-2"' in page
        assert 'href="#s1-1-2"' in page
        assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in zh
    assert "&lt;img src=x onerror=alert(1)&gt;" in en
    assert pages["zh/index.md"].count("(section-1.md)") == 1


def test_side_by_side_page_pairs_every_block_and_is_no_duplicate(tmp_path):
    doc = read_document(write(tmp_path, report_text(
        *SECTION_1, "1. 第一项。内容。", "1. Item one. Content.", "续段。", "More.")))
    pages = pages_of(doc)
    for lang, back in (("zh", "只看中文"), ("en", "English only")):
        page = pages[f"{lang}/parallel/section-1.md"]
        assert 'canonical: "section-1"' in page
        assert "hide:\n  - navigation\n  - toc" in page
        assert f'[{back}](../section-1.md)' in page
        assert '<h2 id="s1-1" class="pair"><span lang="zh">1. 第一项。</span> <span lang="en">1. Item one.</span></h2>' in page
        for block_id, zh, en in (("s1-1-1", "内容。", "Content."), ("s1-1-2", "续段。", "More.")):
            row = page[page.index(f'<div id="{block_id}" class="pair"'):]
            row = row[:row.index("</div>")]
            assert f'<p lang="zh" class="para">{zh}' in row and f'<p lang="en" class="para">{en}' in row
            assert row.count('class="para-link"') == 1  # one permalink per row, in the page's language
        assert pages[f"{lang}/section-1.md"].count("(parallel/section-1.md)") == 1


def test_label_templates_are_checked(tmp_path):
    text = (ROOT / "data" / "site.yml").read_text(encoding="utf-8")
    bad = text.replace('citation: ["{issuer}. ", "{title}. ", "{year}. ", "{reference}. ", "{url}", " (accessed {accessed})."]',
                       'citation: ["{issuer}. ", "{title}. ", "{year}. ", "{reference}. ", "{page}", " (accessed {accessed})."]')
    assert bad != text
    (tmp_path / "site.yml").write_text(bad, encoding="utf-8")
    try:
        load_settings(tmp_path / "site.yml", ROOT)
    except InputError as err:
        message = str(err)
    else:
        raise AssertionError("a citation template with an unknown field was accepted")
    line = next(n for n, row in enumerate(bad.splitlines(), 1) if "{page}" in row)
    assert f"site.yml:{line}:" in message
    assert "languages.en.citation uses {page}, which is not available" in message
