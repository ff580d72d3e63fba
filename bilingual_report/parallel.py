"""The side-by-side page of a section: each Chinese block and its English counterpart on one row."""
from __future__ import annotations

import html

from .markdown import (PARALLEL_FOLDER, PageWriter, action_labels, front_matter, inline_html, item_id,
                       permalink, view_switch)
from .model import LANGS, Figure, Paragraph, Section, Table
from .text import without_markup

class ParallelPageWriter:
    """Writes the side-by-side pages whose surrounding words are in one language (the page's language)."""

    def __init__(self, writers: dict[str, PageWriter], lang: str):
        self.writers = writers
        self.lang = lang
        self.labels = writers[lang].labels

    def chart_path(self, number: int, lang: str) -> str:
        """A chart from the side-by-side page: the page language's own, or the copy of the other one's next to it."""
        suffix = "" if lang == self.lang else f"-{lang}"
        return f"../figures/figure-{number}{suffix}.svg"

    def link(self, block_id: str, lang: str, label_key: str) -> str:
        """The permalink, in the page language's cell only, so that each row has one."""
        return permalink(block_id, self.labels[label_key]) if lang == self.lang else ""

    def heading_row(self, tag: str, row_id: str, texts: dict[str, str]) -> list[str]:
        cells = " ".join(f'<span lang="{lang}">{html.escape(without_markup(texts[lang]), quote=False)}</span>'
                         for lang in LANGS)
        return [f'<{tag} id="{row_id}" class="pair">{cells}</{tag}>', ""]

    def row(self, block_id: str, cells: list[str], markdown: bool = False) -> list[str]:
        cite = self.writers[self.lang].cite(block_id)
        md = ' markdown="1"' if markdown else ""
        return [f'<div id="{block_id}" class="pair" {cite}{md}>', *cells, "</div>", ""]

    def paragraph_row(self, section: Section, paragraph: Paragraph) -> list[str]:
        out = []
        if paragraph.item is not None:
            out += self.heading_row("h2", item_id(section, paragraph),
                                    {lang: f"{paragraph.item}. {paragraph.lead[lang]}" for lang in LANGS})
            texts = paragraph.body
            if not any(texts.values()):
                return out
        else:
            texts = {lang: getattr(paragraph, lang) for lang in LANGS}
        cells = [f'<p lang="{lang}" class="para">{inline_html(texts[lang])}'
                 f'{" " + self.link(paragraph.id, lang, "permalink") if lang == self.lang else ""}</p>'
                 for lang in LANGS]
        return out + self.row(paragraph.id, cells)

    def table_row(self, table: Table) -> list[str]:
        cells = []
        for lang in LANGS:
            cells += [f'<figure class="report-table" lang="{lang}">',
                      *self.writers[lang].table_content(table, self.link(table.id, lang, "figure_link")), "</figure>"]
        out = self.row(table.id, cells)
        if table.number in self.writers[self.lang].charts:
            charts = []
            for lang in LANGS:
                image = self.writers[lang].image(table.number, src=self.chart_path(table.number, lang))
                charts += [f'<figure class="report-figure report-chart" lang="{lang}" markdown="span">',
                           image, "</figure>"]
            out += ['<div class="pair" markdown="1">', *charts, "</div>", ""]
        return out

    def figure_row(self, figure: Figure) -> list[str]:
        cells = []
        for lang in LANGS:
            content = self.writers[lang].figure_content(figure, self.link(figure.id, lang, "figure_link"),
                                                        src=self.chart_path(figure.number, lang))
            cells += [f'<figure class="report-figure" lang="{lang}" markdown="span">', *content, "</figure>"]
        return self.row(figure.id, cells, markdown=True)

    def page(self, section: Section) -> str:
        writer = self.writers[self.lang]
        title = self.labels["parallel_title"].format(heading=without_markup(section.heading[self.lang]))
        out = front_matter(title, writer.section_description(section), exclude_from_search=True,
                           canonical=section.slug, wide=True)
        out += view_switch(f"../{section.slug}.md", self.labels["single_view"])
        out += self.heading_row("h1", section.id, section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                out += self.paragraph_row(section, block)
            elif isinstance(block, Table):
                out += self.table_row(block)
            elif isinstance(block, Figure):
                out += self.figure_row(block)
        return "\n".join(out + action_labels(self.labels))


def parallel_pages(writers: dict[str, PageWriter]) -> dict[str, str]:
    """Relative path under the docs folder → page text, for the side-by-side page of every section in both languages."""
    pages = {}
    for lang in LANGS:
        writer = ParallelPageWriter(writers, lang)
        for section in writers[lang].document.sections:
            pages[f"{lang}/{PARALLEL_FOLDER}/{section.slug}.md"] = writer.page(section) + "\n"
    return pages
