"""Render the document's nodes in one language: headings, paragraphs, notes, tables, figures with their charts,
notes and data. Pages (pages.py) and side-by-side pages (parallel.py) are assembled from these."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bilingual_report.datafiles.figures import FigureData
from bilingual_report.language.text import squeezed, without_markup
from bilingual_report.model import Figure, Heading, Node, Paragraph, Table
from bilingual_report.site import markup
from bilingual_report.site.chart_cache import FORMS
from bilingual_report.site.figure_exports import alt_text, bar_value
from bilingual_report.site.layout import SiteLayout
from bilingual_report.site.markup import attribute, inline_html, inline_text

NUMERIC = re.compile(r"^[\d,.%/+\-]+$")


@dataclass(frozen=True)
class Chart:
    """A figure's data with its drawn chart's size in pixels, per language and form (chart_cache.FORMS)."""

    data: FigureData
    size: dict  # {("zh", "wide"): (width, height), ("zh", "phone"): …, ("en", "wide"): …, …}


def permalink(block_id: str, label: str) -> str:
    return f'<a class="para-link" href="#{block_id}" aria-label="{attribute(label)}">¶</a>'


class BlockRenderer:
    """Renders nodes in one language for pages `root` away from the language's root ("" or "../")."""

    def __init__(self, lang: str, labels: dict, style: dict, charts: dict[int, Chart], citations: dict[str, str],
                 layout: SiteLayout, root: str = ""):
        self.lang = lang
        self.labels = labels
        self.style = style
        self.words = style["words"][lang]
        self.charts = charts
        self.citations = citations
        self.layout = layout
        self.root = root

    def at(self, root: str) -> "BlockRenderer":
        """The same renderer for pages in a sub-folder (`root` is the way back up, e.g. "../")."""
        return BlockRenderer(self.lang, self.labels, self.style, self.charts, self.citations, self.layout, root)

    def colon(self, text: str) -> str:
        return f"{text}{self.labels['colon']}"

    def cite(self, block_id: str) -> str:
        return f'data-cite="{attribute(self.citations[block_id])}"'

    # -- a heading and everything under it -------------------------------------------------------------

    def tree(self, heading: Heading, depth: int) -> list[str]:
        """A heading at this depth (1 is the page's <h1>), then its blocks and its headings one level down."""
        out = markup.heading(depth, heading.printed(self.lang), heading.id)
        for index, child in enumerate(heading.children):
            if isinstance(child, Heading):
                out += self.tree(child, depth + 1)
            else:
                lead = heading.id if heading.run_in and index == 0 else None
                out += self.block(child, lead)
        return out

    def block(self, node: Node, lead: str | None = None) -> list[str]:
        if isinstance(node, Paragraph):
            return self.paragraph(node, lead)
        if isinstance(node, Table):
            return self.table(node)
        return self.figure(node)

    def paragraph(self, paragraph: Paragraph, lead: str | None = None) -> list[str]:
        """A paragraph with its permalink; the first paragraph of an item names the heading its lead went to."""
        if not paragraph.text[self.lang]:
            return []
        lead_attr = f' data-lead="{lead}"' if lead else ""
        kind = "para report-note" if paragraph.note else "para"
        first, *more = paragraph.printed_pieces(self.lang)
        # A translation that gives two paragraphs for one: the second follows the first, under the same id.
        return [f'<p id="{paragraph.id}" class="{kind}" {self.cite(paragraph.id)}{lead_attr}>{inline_html(first)} '
                f'{permalink(paragraph.id, self.labels["permalink"])}</p>',
                *(f'<p class="{kind}" data-part-of="{paragraph.id}">{inline_html(piece)}</p>' for piece in more), ""]

    # -- tables and figures ----------------------------------------------------------------------------

    def table(self, table: Table) -> list[str]:
        lines = [f'<figure id="{table.id}" class="report-table" {self.cite(table.id)}>',
                 *self.table_content(table, permalink(table.id, self.labels["figure_link"])), "</figure>", ""]
        if table.number in self.charts and table.kind == "figure":
            lines += [f'<figure class="report-figure report-chart" {markup.markdown_inside()}>', self.image(table.number),
                      "</figure>", ""]
            lines += self.figure_notes(table.number)
        return lines

    def table_content(self, table: Table, link: str) -> list[str]:
        """A table as printed, scrollable on its own on a phone, with its note (and the link to it)."""
        lang = self.lang
        rows = table.rows[lang]
        caption = inline_html(table.caption[lang])
        title_in_caption = squeezed(without_markup(table.title.get(lang, ""))) in squeezed(without_markup(table.caption[lang]))
        if table.title and not title_in_caption:
            caption = f"{inline_html(table.title[lang])}<br>{caption}"

        def cells(row: list[str], tag: str) -> str:
            out = []
            for cell in row:
                attrs = ' scope="col"' if tag == "th" else ""
                if NUMERIC.match(cell):
                    attrs += ' class="num"'
                out.append(f"<{tag}{attrs}>{inline_html(cell)}</{tag}>")
            return " ".join(out)  # whitespace between cells keeps their words apart in the search index

        return [
            f'<div class="table-scroll" tabindex="0" role="region" aria-label="{attribute(without_markup(table.caption[lang]))}">',
            f'<table class="report-data"><caption><span class="caption-text">{caption}</span></caption>',
            f"<thead><tr>{cells(rows[0], 'th')}</tr></thead>",
            "<tbody>",
            *(f"<tr>{cells(row, 'td')}</tr>" for row in rows[1:]),
            "</tbody>",
            "</table></div>",
            f'<figcaption class="table-note">{html.escape(self.labels["table_note"])} {link}</figcaption>',
        ]

    def figure(self, figure: Figure) -> list[str]:
        lines = [f'<figure id="{figure.id}" class="report-figure" {self.cite(figure.id)} {markup.markdown_inside()}>',
                 *self.figure_content(figure, permalink(figure.id, self.labels["figure_link"])), "</figure>", ""]
        if figure.printed.get(self.lang) and self.charted(figure):  # the printed chart shown, the redrawn one at hand
            lines += [f'<details class="figure-redrawn" {markup.markdown_inside("block")}>',
                      f"<summary>{html.escape(self.words['redrawn'])}</summary>", "", self.image(figure.number), "",
                      "</details>", ""]
        return lines + (self.figure_notes(figure.number) if self.charted(figure) else [])

    def charted(self, node: Figure | Table) -> bool:
        return node.kind == "figure" and node.number in self.charts

    def figure_content(self, figure: Figure, link: str, chart_lang: str | None = None) -> list[str]:
        """A figure's chart as the PDF prints it, or else as drawn from its data (or else a word that it was not
        provided), and its caption; chart_lang picks the copy of that language's drawn chart kept in the other
        language's folder."""
        printed = figure.printed.get(self.lang)
        if printed:
            size = (printed["width"] // 2, printed["height"] // 2)
            chart = [markup.chart(without_markup(figure.caption[self.lang]),
                                  {"wide": (self.root + self.layout.printed_chart(printed["name"]), size)},
                                  self.viewer_words)]
        else:
            chart = [self.image(figure.number, chart_lang=chart_lang) if self.charted(figure)
                     else f'<span class="figure-missing">{html.escape(self.words["no_chart"])}</span>']
        return chart + [f"<figcaption>{inline_html(figure.caption[self.lang])} {link}</figcaption>"]

    def image(self, number: int, chart_lang: str | None = None) -> str:
        """A figure's drawn chart, for a column of text and for a phone, opening full size when followed."""
        chart = self.charts[number]
        lang = chart_lang or self.lang
        sources = {form: (self.root + self.layout.chart(number, chart_lang, form), chart.size[(lang, form)])
                   for form in FORMS}
        return markup.chart(alt_text(chart.data, lang, self.style), sources, self.viewer_words)

    @property
    def viewer_words(self) -> dict[str, str]:
        """The words of the controls of a chart opened full size."""
        return {key: self.words[key] for key in ("zoom_in", "zoom_out", "close")}

    def figure_notes(self, number: int) -> list[str]:
        data = self.charts[number].data
        lines = []
        for finding in data.findings:
            lines += [f'<p class="figure-finding"><strong>{html.escape(self.colon(self.words["note"]))}</strong>'
                      f'{html.escape(finding.message[self.lang])}</p>', ""]
        if data.not_in_text:
            lines += [f'<p class="figure-gap"><strong>{html.escape(self.colon(self.words["not_in_text"]))}</strong>'
                      f'{html.escape(data.not_in_text[self.lang])}</p>', ""]
        return lines + self.data_details(data)

    def data_details(self, data: FigureData) -> list[str]:
        words, lang = self.words, self.lang
        rows = [f"| {words['panel']} | {words['column_label']} | {words['column_value']} | {words['column_source']} |",
                "| --- | --- | --- | --- |"]
        for panel in data.panels:
            for bar in panel.bars:
                value = inline_text(bar_value(bar, panel, lang, self.style))
                if bar.note:
                    value += " \\*"
                sources = []
                if bar.formula:
                    sources.append(inline_text(self.colon(words["derived"])) + inline_text(bar.formula))
                for source in bar.sources:
                    sources.append(markup.link(f"«{source.quote[lang]}»",
                                               self.layout.link_to_node(source.block_id, self.root)))
                rows.append(f"| {inline_text(panel.title[lang])} | {inline_text(bar.label[lang])} | {value} | "
                            + "<br>".join(sources) + " |")
        return [f'<details class="figure-data" {markup.markdown_inside("block")}>',
                f"<summary>{html.escape(words['data'])}</summary>", "", *rows, "",
                markup.link(words["download"], self.root + self.layout.chart_data(data.number)), "", "</details>", ""]
