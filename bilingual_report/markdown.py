"""Render the Document as Markdown pages in each language: home, one page per section, and the figures page."""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from .figure_exports import alt_text, bar_value
from .figures import FigureData
from .formatting import format_value, trim
from .key_figures import KeyFigure, KeyFigures
from .model import LANGS, Document, Figure, Paragraph, Section, Table
from .text import without_markup

GENERATED_MARK = "# generated from the report's source text by bilingual_report: edit the source, not this file"
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
BOLD = re.compile(r"\*\*(.+?)\*\*")
NUMERIC = re.compile(r"^[\d,.%/+\-]+$")
FIGURES_PAGE = "figures"
FULL_TEXT_PAGE = "full-text"
KEY_FIGURES_PAGE = "key-figures"
PARALLEL_FOLDER = "parallel"


@dataclass(frozen=True)
class Chart:
    """A figure's data with its drawn chart's size in pixels, per language."""

    data: FigureData
    size: dict  # {"zh": (width, height), "en": (width, height)}


def inline_html(text: str) -> str:
    """Source text as safe HTML: everything escaped, **bold** markers turned into <strong>."""
    return BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def heading_text(text: str) -> str:
    """Source text as safe inline Markdown (markup markers dropped, Markdown syntax escaped)."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(without_markup(text), quote=False))


def attribute(text: str) -> str:
    return html.escape(text, quote=True)


DESCRIPTION_LENGTH = {"zh": 90, "en": 200}


def summary(text: str, lang: str) -> str:
    """The start of a text, cut at a word (English) or character (Chinese), for a page description."""
    text = without_markup(text)
    limit = DESCRIPTION_LENGTH[lang]
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if lang == "en" and " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip("，、,;； ") + "…"


def front_matter(title: str, description: str, *, exclude_from_search: bool = False, canonical: str | None = None,
                 wide: bool = False) -> list[str]:
    """YAML front matter: the generated-file mark, the page title and description (JSON strings are valid YAML).

    Themes put both into the page as HTML (the description into an attribute), so they are escaped here.
    canonical names the page (relative to the language's root) that this one only presents differently;
    a wide page hides the navigation and contents sidebars.
    """
    safe_title = html.escape(without_markup(title), quote=False)
    safe_description = html.escape(description, quote=True)
    lines = ["---", GENERATED_MARK, f"title: {json.dumps(safe_title, ensure_ascii=False)}",
             f"description: {json.dumps(safe_description, ensure_ascii=False)}"]
    if exclude_from_search:
        lines += ["search:", "  exclude: true"]
    if canonical:
        lines.append(f"canonical: {json.dumps(canonical)}")
    if wide:
        lines += ["hide:", "  - navigation", "  - toc"]
    return lines + ["---", ""]


def permalink(block_id: str, label: str) -> str:
    return f'<a class="para-link" href="#{block_id}" aria-label="{attribute(label)}">¶</a>'


ACTION_LABELS = ("actions", "copy_link", "copy_citation", "show_other", "hide_other", "copied", "copy_failed",
                 "other_failed")


def action_labels(labels: dict) -> list[str]:
    """The words of the paragraph actions, for the page's script; attributes only, so search never indexes them."""
    words = " ".join(f'data-{key.replace("_", "-")}="{attribute(labels[key])}"' for key in ACTION_LABELS)
    return [f'<div id="report-actions" hidden {words}></div>', ""]


def item_id(section: Section, paragraph: Paragraph) -> str:
    """The id of the heading an item's lead sentence becomes."""
    return f"{section.id}-{paragraph.item}"


def parallel_page(section: Section) -> str:
    """The path of a section's side-by-side page, relative to the language's folder."""
    return f"{PARALLEL_FOLDER}/{section.slug}.md"


def view_switch(href: str, label: str) -> list[str]:
    """The link between a section's page and its side-by-side page; kept out of the search index."""
    return [f'<p class="view-switch" data-search-exclude="" markdown="span">[{heading_text(label)}]({href})</p>', ""]


class PageWriter:
    """Writes the pages of one language."""

    def __init__(self, document: Document, charts: dict[int, Chart], lang: str, labels: dict, style: dict,
                 citations: dict[str, str]):
        self.document = document
        self.charts = charts
        self.lang = lang
        self.labels = labels
        self.style = style
        self.citations = citations
        self.words = style["words"][lang]
        self.page_of = {b.id: s.slug for s in document.sections for b in s.blocks}
        self.page_of.update({p.id: "index" for p in document.intro})

    # -- blocks ------------------------------------------------------------------------------------

    def cite(self, block_id: str) -> str:
        return f'data-cite="{attribute(self.citations[block_id])}"'

    def paragraph(self, block_id: str, text: str, lead: str | None = None) -> list[str]:
        """A paragraph with its permalink; an item's body names the heading its lead sentence went to."""
        lead_attr = f' data-lead="{lead}"' if lead else ""
        return [f'<p id="{block_id}" class="para" {self.cite(block_id)}{lead_attr}>{inline_html(text)} '
                f'{permalink(block_id, self.labels["permalink"])}</p>', ""]

    def table(self, table: Table) -> list[str]:
        lines = [f'<figure id="{table.id}" class="report-table" {self.cite(table.id)}>',
                 *self.table_content(table, permalink(table.id, self.labels["figure_link"])), "</figure>", ""]
        if table.number in self.charts:
            lines += ['<figure class="report-figure report-chart" markdown="span">', self.image(table.number), "</figure>", ""]
            lines += self.figure_notes(table.number)
        return lines

    def table_content(self, table: Table, link: str) -> list[str]:
        """A table as printed, scrollable on its own on a phone, with its note (and the link to it)."""
        lang = self.lang
        rows = table.rows[lang]
        caption = inline_html(table.label[lang])
        squeezed = lambda text: re.sub(r"\s", "", without_markup(text))  # noqa: E731
        if squeezed(table.caption[lang]) not in squeezed(table.label[lang]):
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
            f'<div class="table-scroll" tabindex="0" role="region" aria-label="{attribute(without_markup(table.label[lang]))}">',
            f'<table class="report-data"><caption>{caption}</caption>',
            f"<thead><tr>{cells(rows[0], 'th')}</tr></thead>",
            "<tbody>",
            *(f"<tr>{cells(row, 'td')}</tr>" for row in rows[1:]),
            "</tbody>",
            "</table></div>",
            f'<figcaption class="table-note">{html.escape(self.labels["table_note"])} {link}</figcaption>',
        ]
        return lines

    def figure(self, figure: Figure) -> list[str]:
        lines = [f'<figure id="{figure.id}" class="report-figure" {self.cite(figure.id)} markdown="span">',
                 *self.figure_content(figure, permalink(figure.id, self.labels["figure_link"])), "</figure>", ""]
        return lines + self.figure_notes(figure.number)

    def figure_content(self, figure: Figure, link: str, src: str | None = None) -> list[str]:
        """A figure's chart (when it has data) and caption."""
        chart = [self.image(figure.number, src=src)] if figure.number in self.charts else []
        return chart + [f"<figcaption>{inline_html(figure.caption[self.lang])} {link}</figcaption>"]

    def image(self, number: int, thumbnail: bool = False, src: str | None = None) -> str:
        """A chart as Markdown; src is its path when it is not figures/figure-N.svg next to the page."""
        chart = self.charts[number]
        width, height = chart.size[self.lang]
        alt = heading_text(alt_text(chart.data, self.lang, self.style))
        extra = ' .thumbnail' if thumbnail else ""
        src = src or f"figures/figure-{number}.svg"
        return f'![{alt}]({src}){{ width="{width}" height="{height}" loading="lazy"{extra} }}'

    def figure_notes(self, number: int) -> list[str]:
        if number not in self.charts:
            return []
        data = self.charts[number].data
        lines = []
        for finding in data.findings:
            lines += [f'<p class="figure-finding"><strong>{html.escape(self.words["note"])}</strong>'
                      f'{"：" if self.lang == "zh" else ": "}{html.escape(finding.message[self.lang])}</p>', ""]
        if data.not_in_text:
            lines += [f'<p class="figure-gap"><strong>{html.escape(self.words["not_in_text"])}</strong>'
                      f'{"：" if self.lang == "zh" else ": "}{html.escape(data.not_in_text[self.lang])}</p>', ""]
        return lines + self.data_details(data)

    def data_details(self, data: FigureData) -> list[str]:
        words, lang = self.words, self.lang
        rows = [f"| {words['panel']} | {words['column_label']} | {words['column_value']} | {words['column_source']} |",
                "| --- | --- | --- | --- |"]
        for panel in data.panels:
            for bar in panel.bars:
                value = heading_text(bar_value(bar, panel, lang, self.style))
                if bar.note:
                    value += " \\*"
                sources = []
                if bar.formula:
                    sources.append(f"{heading_text(words['derived'])}{'：' if lang == 'zh' else ': '}{heading_text(bar.formula)}")
                for source in bar.sources:
                    quote = heading_text(source.quote[lang])
                    sources.append(f"[«{quote}»]({self.page_of[source.block_id]}.md#{source.block_id})")
                rows.append(f"| {heading_text(panel.title[lang])} | {heading_text(bar.label[lang])} | {value} | "
                            + "<br>".join(sources) + " |")
        return ['<details class="figure-data" markdown="1">',
                f"<summary>{html.escape(words['data'])}</summary>", "", *rows, "",
                f"[{heading_text(words['download'])}](figures/figure-{data.number}.csv)", "", "</details>", ""]

    # -- pages -------------------------------------------------------------------------------------

    def section_body(self, section: Section, level: int) -> list[str]:
        """A section's heading (at this level), its items one level down, and its blocks."""
        lang = self.lang
        out = [f"{'#' * level} {heading_text(section.heading[lang])} {{#{section.id}}}", ""]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                if block.item is not None:
                    out += [f"{'#' * (level + 1)} {block.item}\\. {heading_text(block.lead[lang])} "
                            f"{{#{item_id(section, block)}}}", ""]
                    if block.body[lang]:
                        out += self.paragraph(block.id, block.body[lang], lead=item_id(section, block))
                else:
                    out += self.paragraph(block.id, getattr(block, lang))
            elif isinstance(block, Table):
                out += self.table(block)
            elif isinstance(block, Figure):
                out += self.figure(block)
        return out

    def section_description(self, section: Section) -> str:
        lang = self.lang
        first = next((b for b in section.blocks if isinstance(b, Paragraph)), None)
        opening = (first.body[lang] if first.item is not None else getattr(first, lang)) if first else ""
        return summary(f"{without_markup(section.heading[lang])}{'：' if lang == 'zh' else ': '}{opening}", lang)

    def section_page(self, section: Section) -> str:
        description = self.section_description(section)
        body = self.section_body(section, 1)
        body[2:2] = view_switch(parallel_page(section), self.labels["parallel_view"])
        return "\n".join(front_matter(section.heading[self.lang], description) + body + action_labels(self.labels))

    def full_text_page(self) -> str:
        """The whole report on one page, for printing and find-in-page; kept out of the search index."""
        document, lang = self.document, self.lang
        out = front_matter(self.labels["full_text"], summary(getattr(document.intro[0], lang), lang)
                           if document.intro else "", exclude_from_search=True)
        out += [f"# {heading_text(document.title[lang])} {{#title}}", "",
                f'<p class="report-issuer">{html.escape(self.labels["issuer"])}: {inline_html(document.issuer[lang])}</p>', ""]
        for paragraph in document.intro:
            out += self.paragraph(paragraph.id, getattr(paragraph, lang))
        for section in document.sections:
            out += self.section_body(section, 2)
        return "\n".join(out + action_labels(self.labels))

    def home_page(self, key_figures: KeyFigures | None) -> str:
        document, lang = self.document, self.lang
        opening = getattr(document.intro[0], lang) if document.intro else document.issuer[lang]
        out = front_matter(self.labels["home"], summary(opening, lang)) + [f"# {heading_text(document.title[lang])} {{#title}}", "",
               f'<p class="report-issuer">{html.escape(self.labels["issuer"])}: {inline_html(document.issuer[lang])}</p>', ""]
        for paragraph in document.intro:
            out += self.paragraph(paragraph.id, getattr(paragraph, lang))
        out += [f"## {heading_text(self.labels['contents'])} {{#contents}}", ""]
        if key_figures:
            out.append(f"- [{heading_text(key_figures.title[lang])}]({KEY_FIGURES_PAGE}.md)")
        out += [f"- [{heading_text(s.heading[lang])}]({s.slug}.md)" for s in document.sections]
        if self.charts:
            out.append(f"- [{heading_text(self.words['figures_page'])}]({FIGURES_PAGE}.md)")
        out.append(f"- [{heading_text(self.labels['full_text'])}]({FULL_TEXT_PAGE}.md)")
        out += ["", f"## {heading_text(self.labels['downloads'])} {{#downloads}}", "",
                f"- [{heading_text(self.labels['download_tmx'])}](downloads/aligned-text.tmx)",
                f"- [{heading_text(self.labels['download_csv'])}](downloads/aligned-text.csv)", ""]
        return "\n".join(out + action_labels(self.labels))

    def key_figure_change(self, figure: KeyFigure, words: dict) -> str:
        change = figure.change
        amount = f"{trim(abs(change.value), 2)}%" if change.unit == "percent" else \
            words["percentage_points"].format(value=trim(abs(change.value), 2))
        return words["increase" if change.value >= 0 else "decrease"].format(value=amount)

    def key_figures_page(self, key_figures: KeyFigures, references: dict[str, str]) -> str:
        """The headline numbers as cards, each with its change and a link to the paragraph that states it."""
        lang = self.lang
        words = key_figures.words[lang]
        out = front_matter(key_figures.title[lang], summary(key_figures.intro[lang], lang))
        out += [f"# {heading_text(key_figures.title[lang])} {{#key-figures}}", "",
                f"<p>{html.escape(key_figures.intro[lang])}</p>", "", '<ul class="key-figures" markdown="1">']
        for figure in key_figures.figures:
            value = format_value(figure.value, figure.unit, lang, self.style["units"], more_than=figure.more_than,
                                 words=self.words)
            block_id = figure.source.block_id
            source = words["source"].format(reference=references[block_id])
            out += [f'<li id="{figure.id}" class="key-figure" markdown="span">',
                    f'<span class="key-figure__label">{html.escape(figure.label[lang])}</span>',
                    f'<span class="key-figure__value">{html.escape(value)}</span>']
            if figure.change:
                out.append(f'<span class="key-figure__change">{html.escape(self.key_figure_change(figure, words))}</span>')
            out += [f'<span class="key-figure__source">[{heading_text(source)}]({self.page_of[block_id]}.md#{block_id})</span>',
                    "</li>"]
        return "\n".join(out + ["</ul>", ""])

    def figures_page(self) -> str:
        words, lang = self.words, self.lang
        captions = {b.number: b for s in self.document.sections for b in s.blocks if isinstance(b, (Figure, Table))}
        out = front_matter(words["figures_page"], summary(words["figures_intro"], lang)) + [f"# {heading_text(words['figures_page'])} {{#figures}}", "",
                                                     f"<p>{html.escape(words['figures_intro'])}</p>", "",
                                                     f"[{heading_text(words['download_all'])}](figures/all-figures.csv)", ""]
        for number, chart in sorted(self.charts.items()):
            block = captions[number]
            caption = block.label[lang] if isinstance(block, Table) else block.caption[lang]
            out += [f"## {heading_text(caption)} {{#figure-{number}}}", "",
                    '<div class="figure-thumbnail" markdown="span">', self.image(number, thumbnail=True), "</div>", "",
                    f"[{heading_text(words['go_to_figure'])}]({self.page_of[block.id]}.md#{block.id}) · "
                    f"[{heading_text(words['download'])}](figures/figure-{number}.csv)", ""]
            out += self.figure_notes(number)
        return "\n".join(out)


def page_writers(document: Document, labels: dict, charts: dict[int, Chart], style: dict,
                 citations: dict[str, dict[str, str]]) -> dict[str, PageWriter]:
    return {lang: PageWriter(document, charts, lang, labels[lang], style, citations[lang]) for lang in LANGS}


def render_pages(writers: dict[str, PageWriter], key_figures: KeyFigures | None,
                 references: dict[str, dict[str, str]]) -> dict[str, str]:
    """Relative path under the docs folder → page text, for every language page (one language per page)."""
    pages: dict[str, str] = {}
    for lang, writer in writers.items():
        pages[f"{lang}/index.md"] = writer.home_page(key_figures)
        if key_figures:
            pages[f"{lang}/{KEY_FIGURES_PAGE}.md"] = writer.key_figures_page(key_figures, references[lang])
        for section in writer.document.sections:
            pages[f"{lang}/{section.slug}.md"] = writer.section_page(section) + "\n"
        if writer.charts:
            pages[f"{lang}/{FIGURES_PAGE}.md"] = writer.figures_page() + "\n"
        pages[f"{lang}/{FULL_TEXT_PAGE}.md"] = writer.full_text_page() + "\n"
    return pages
