"""Render the Document as one Markdown page per section and a home page, in each language."""
from __future__ import annotations

import html
import json
import re

from .model import LANGS, Document, Figure, Paragraph, Section, Table
from .text import without_markup

GENERATED_MARK = "# generated from the report's source text by bilingual_report: edit the source, not this file"
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
BOLD = re.compile(r"\*\*(.+?)\*\*")
NUMERIC = re.compile(r"^[\d,.%/+\-]+$")


def inline_html(text: str) -> str:
    """Source text as safe HTML: everything escaped, **bold** markers turned into <strong>."""
    return BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def heading_text(text: str) -> str:
    """Source text as safe Markdown heading text (markup markers dropped, Markdown syntax escaped)."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(without_markup(text), quote=False))


def attribute(text: str) -> str:
    return html.escape(text, quote=True)


def paragraph_html(block_id: str, content: str, labels: dict) -> str:
    link = f'<a class="para-link" href="#{block_id}" aria-label="{attribute(labels["permalink"])}">¶</a>'
    return f'<p id="{block_id}" class="para">{content} {link}</p>'


def table_html(table: Table, lang: str, labels: dict) -> str:
    rows = table.rows[lang]
    head, body = rows[0], rows[1:]
    caption = inline_html(table.label[lang])
    if re.sub(r"\s", "", without_markup(table.caption[lang])) not in re.sub(r"\s", "", without_markup(table.label[lang])):
        caption = f"{inline_html(table.caption[lang])}<br>{caption}"
    def cells(row: list[str], tag: str) -> str:
        out = []
        for cell in row:
            attrs = ' scope="col"' if tag == "th" else ""
            if NUMERIC.match(cell):
                attrs += ' class="num"'
            out.append(f"<{tag}{attrs}>{inline_html(cell)}</{tag}>")
        return " ".join(out)  # whitespace between cells keeps their words apart in the search index

    lines = [
        f'<figure id="{table.id}" class="report-table">',
        '<div class="table-scroll" tabindex="0" role="region" aria-label="' + attribute(without_markup(table.label[lang])) + '">',
        f'<table class="report-data"><caption>{caption}</caption>',
        f"<thead><tr>{cells(head, 'th')}</tr></thead>",
        "<tbody>",
        *(f"<tr>{cells(row, 'td')}</tr>" for row in body),
        "</tbody>",
        "</table></div>",
        f'<figcaption class="table-note">{html.escape(labels["table_note"])} '
        f'<a class="para-link" href="#{table.id}" aria-label="{attribute(labels["figure_link"])}">¶</a></figcaption>',
        "</figure>",
    ]
    return "\n".join(lines)


def figure_html(figure: Figure, lang: str, labels: dict) -> str:
    return (f'<figure id="{figure.id}" class="report-figure"><figcaption>{inline_html(figure.caption[lang])} '
            f'<a class="para-link" href="#{figure.id}" aria-label="{attribute(labels["figure_link"])}">¶</a>'
            f"</figcaption></figure>")


def front_matter(title: str) -> list[str]:
    """YAML front matter: the generated-file mark, then the page title (a JSON string is valid YAML)."""
    return ["---", GENERATED_MARK, f"title: {json.dumps(without_markup(title), ensure_ascii=False)}", "---", ""]


def section_page(section: Section, lang: str, labels: dict) -> str:
    out = front_matter(section.heading[lang]) + [f"# {heading_text(section.heading[lang])} {{#{section.id}}}", ""]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            if block.item is not None:
                out += [f"## {block.item}\\. {heading_text(block.lead[lang])} {{#{section.id}-{block.item}}}", ""]
                if block.body[lang]:
                    out += [paragraph_html(block.id, inline_html(block.body[lang]), labels), ""]
            else:
                out += [paragraph_html(block.id, inline_html(getattr(block, lang)), labels), ""]
        elif isinstance(block, Table):
            out += [table_html(block, lang, labels), ""]
        elif isinstance(block, Figure):
            out += [figure_html(block, lang, labels), ""]
    return "\n".join(out)


def home_page(document: Document, lang: str, labels: dict) -> str:
    out = front_matter(labels["home"]) + [f"# {heading_text(document.title[lang])} {{#title}}", "",
           f'<p class="report-issuer">{html.escape(labels["issuer"])}: {inline_html(document.issuer[lang])}</p>', ""]
    for paragraph in document.intro:
        out += [paragraph_html(paragraph.id, inline_html(getattr(paragraph, lang)), labels), ""]
    out += [f"## {heading_text(labels['contents'])} {{#contents}}", ""]
    out += [f"- [{heading_text(s.heading[lang])}]({s.slug}.md)" for s in document.sections]
    return "\n".join(out) + "\n"


def render_pages(document: Document, labels: dict) -> dict[str, str]:
    """Relative path under the docs folder → page text, for every generated page of both languages."""
    pages: dict[str, str] = {}
    for lang in LANGS:
        pages[f"{lang}/index.md"] = home_page(document, lang, labels[lang])
        for section in document.sections:
            pages[f"{lang}/{section.slug}.md"] = section_page(section, lang, labels[lang]) + "\n"
    return pages
