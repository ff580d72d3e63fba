"""The side-by-side pages of the home page, of each division and of the full text: each Chinese block and its
English counterpart on one row, made from the two languages' block renderers."""
from __future__ import annotations

import html

from bilingual_report.language.text import without_markup
from bilingual_report.model import LANGS, Figure, Heading, Paragraph, Table
from bilingual_report.site import layout as paths
from bilingual_report.site import markup
from bilingual_report.site.blocks import BlockRenderer, permalink
from bilingual_report.site.layout import Division, parallel_of
from bilingual_report.site.pages import PageWriter, action_words, view_switch

ROOT = "../"  # the side-by-side pages sit one folder down from the language's root


class ParallelPageWriter:
    """Writes the side-by-side pages whose surrounding words are in one language (the page's language)."""

    def __init__(self, writers: dict[str, PageWriter], lang: str):
        self.lang = lang
        self.page = writers[lang]
        self.blocks: dict[str, BlockRenderer] = {code: writers[code].blocks.at(ROOT) for code in LANGS}
        self.labels = writers[lang].labels

    def link(self, block_id: str, lang: str, label_key: str) -> str:
        """The permalink, in the page language's cell only, so that each row has one."""
        return permalink(block_id, self.labels[label_key]) if lang == self.lang else ""

    def heading_row(self, depth: int, heading: Heading) -> list[str]:
        return self.title_row(depth, heading.id, {lang: heading.printed(lang) for lang in LANGS})

    @staticmethod
    def title_row(depth: int, block_id: str, texts: dict[str, str]) -> list[str]:
        """A heading holding both languages' text side by side."""
        tag = f"h{min(depth, markup.MAX_HEADING_LEVEL)}"
        cells = " ".join(f'<span lang="{lang}">{html.escape(without_markup(texts[lang]), quote=False)}</span>'
                         for lang in LANGS)
        return [f'<{tag} id="{block_id}" class="pair">{cells}</{tag}>', ""]

    def row(self, block_id: str, cells: list[str], markdown: bool = False) -> list[str]:
        cite = self.blocks[self.lang].cite(block_id)
        inside = f" {markup.markdown_inside('block')}" if markdown else ""
        return [f'<div id="{block_id}" class="pair" {cite}{inside}>', *cells, "</div>", ""]

    def paragraph_row(self, paragraph: Paragraph) -> list[str]:
        if not any(paragraph.text.values()):
            return []
        kind = "para report-note" if paragraph.note else "para"
        cells = [self.paragraph_side(paragraph, lang, kind) for lang in LANGS]
        return self.row(paragraph.id, cells)

    def paragraph_side(self, paragraph: Paragraph, lang: str, kind: str) -> str:
        """One language's side of a pair: its paragraph, or the two that translate the other side's one."""
        link = " " + self.link(paragraph.id, lang, "permalink") if lang == self.lang else ""
        pieces = paragraph.printed_pieces(lang)
        if len(pieces) == 1:
            return f'<p lang="{lang}" class="{kind}">{markup.inline_html(pieces[0])}{link}</p>'
        inner = "".join(f'<p class="{kind}">{markup.inline_html(piece)}{link if k == 0 else ""}</p>'
                        for k, piece in enumerate(pieces))
        return f'<div lang="{lang}">{inner}</div>'

    def table_row(self, table: Table) -> list[str]:
        cells = []
        for lang in LANGS:
            cells += [f'<figure class="report-table" lang="{lang}">',
                      *self.blocks[lang].table_content(table, self.link(table.id, lang, "figure_link")), "</figure>"]
        out = self.row(table.id, cells)
        if self.blocks[self.lang].charted(table):
            charts = []
            for lang in LANGS:
                image = self.blocks[lang].image(table.number, chart_lang=lang if lang != self.lang else None)
                charts += [f'<figure class="report-figure report-chart" lang="{lang}" {markup.markdown_inside()}>',
                           image, "</figure>"]
            out += [f'<div class="pair" {markup.markdown_inside("block")}>', *charts, "</div>", ""]
        return out

    def figure_row(self, figure: Figure) -> list[str]:
        cells = []
        for lang in LANGS:
            content = self.blocks[lang].figure_content(figure, self.link(figure.id, lang, "figure_link"),
                                                       chart_lang=lang if lang != self.lang else None)
            cells += [f'<figure class="report-figure" lang="{lang}" {markup.markdown_inside()}>', *content, "</figure>"]
        return self.row(figure.id, cells, markdown=True)

    def rows(self, heading: Heading, depth: int) -> list[str]:
        out = self.heading_row(depth, heading)
        for child in heading.children:
            out += self.rows(child, depth + 1) if isinstance(child, Heading) else self.block_row(child)
        return out

    def block_row(self, node: Paragraph | Table | Figure) -> list[str]:
        if isinstance(node, Paragraph):
            return self.paragraph_row(node)
        return self.table_row(node) if isinstance(node, Table) else self.figure_row(node)

    def opening_rows(self, depth: int) -> list[str]:
        """The title, and the introduction and front matter (a preface) in pairs, as the home page has them."""
        document = self.page.document
        out = self.title_row(1, "title", document.title)
        for node in document.intro:
            out += self.block_row(node)
        for heading in self.page.layout.front:
            out += self.rows(heading, depth)
        return out

    def presenting(self, slug: str, name: str, description: str, body: list[str]) -> str:
        """A side-by-side page presenting the page at slug (named name), with the link back to it."""
        title = self.labels["parallel_title"].format(heading=without_markup(name))
        out = markup.front_matter(title, description, canonical=slug, wide=True)
        out += view_switch(self.page.layout.link(slug, root=ROOT), self.labels["single_view"])
        out += self.page.editions(slug, side_by_side=True)
        return "\n".join(out + body + action_words(self.labels))

    def page_for(self, division: Division) -> str:
        heading = division.heading
        return self.presenting(division.slug, heading.printed(self.lang), self.page.heading_description(heading),
                         self.rows(heading, 1))

    def home_page(self) -> str:
        return self.presenting(paths.HOME, self.labels["home"], self.page.opening_description(), self.opening_rows(2))

    def full_text_page(self) -> str:
        body = self.opening_rows(2)
        for division in self.page.layout.divisions:
            body += self.rows(division.heading, 2)
        return self.presenting(paths.FULL_TEXT, self.labels["full_text"], self.page.opening_description(), body)


def parallel_pages(writers: dict[str, PageWriter]) -> dict[str, str]:
    """Path under the docs folder → page text, for the side-by-side page of the home page, of every division and of
    the full text, in both languages."""
    pages = {}
    for lang in LANGS:
        writer = ParallelPageWriter(writers, lang)
        divisions = {division.slug: division for division in writers[lang].layout.divisions}
        for slug in writers[lang].layout.side_by_side:
            page = writer.home_page() if slug == paths.HOME else writer.full_text_page() if slug == paths.FULL_TEXT \
                else writer.page_for(divisions[slug])
            pages[markup.docs_path(lang, parallel_of(slug))] = page + "\n"
    return pages

