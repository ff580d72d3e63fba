"""Assemble the pages of one language from rendered blocks: home, one page per division, key figures,
figures and full text."""
from __future__ import annotations

import html

from bilingual_report.datafiles.key_figures import KeyFigure, KeyFigures
from bilingual_report.language.formatting import format_value, trim
from bilingual_report.language.text import without_markup
from bilingual_report.model import Figure, Heading, Paragraph, Table
from bilingual_report.site import layout as paths
from bilingual_report.site import markup
from bilingual_report.site.blocks import BlockRenderer
from bilingual_report.site.editions import EditionSwitch
from bilingual_report.site.layout import Division, SiteLayout
from bilingual_report.site.markup import attribute, inline_html

DESCRIPTION_LENGTH = {"zh": 90, "en": 200}
ACTION_LABELS = ("actions", "copy_link", "copy_citation", "show_other", "hide_other", "copied", "copy_failed",
                 "other_failed")


def action_words(labels: dict) -> list[str]:
    """The words of the paragraph actions, for the page's script; attributes only, so search never indexes them."""
    words = " ".join(f'data-{key.replace("_", "-")}="{attribute(labels[key])}"' for key in ACTION_LABELS)
    return [f'<div id="report-actions" hidden {words}></div>', ""]


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


def first_paragraph(nodes: list) -> Paragraph | None:
    for node in nodes:
        if isinstance(node, Paragraph) and not node.note:
            return node
        if isinstance(node, Heading) and (found := first_paragraph(node.children)):
            return found
    return None


def view_switch(href: str, label: str) -> list[str]:
    """The link between a division's page and its side-by-side page."""
    return [f'<p class="view-switch" {markup.markdown_inside()}>{markup.link(label, href)}</p>', ""]


class PageWriter:
    """Writes the pages of one language."""

    def __init__(self, blocks: BlockRenderer, published: int | None = None, official: str | None = None,
                 switch: EditionSwitch | None = None):
        self.blocks = blocks
        self.switch = switch        # the selector of a series' editions, when the report is one of them
        self.published = published  # the year the report was published, where known
        self.official = official    # the address of the issuer's own publication of it, where known
        self.lang = blocks.lang
        self.labels = blocks.labels
        self.layout: SiteLayout = blocks.layout
        self.document = blocks.layout.document

    def actions(self) -> list[str]:
        return action_words(self.labels)

    def editions(self, slug: str, side_by_side: bool = False) -> list[str]:
        """The selector leading to the same place in the series' other editions (nothing for a single report), on
        the page at slug or on its side-by-side page."""
        return self.switch.lines(slug, self.labels, side_by_side) if self.switch else []

    def heading_description(self, heading: Heading) -> str:
        opening = first_paragraph(heading.children)
        text = opening.text[self.lang] if opening else ""
        return summary(self.blocks.colon(without_markup(heading.printed(self.lang))) + text, self.lang)

    def title_block(self) -> list[str]:
        document, lang = self.document, self.lang
        out = markup.heading(1, document.title[lang], "title")
        if document.issuer:
            out += [f'<p class="report-issuer">{html.escape(self.blocks.colon(self.labels["issuer"]))}'
                    f'{inline_html(document.issuer[lang])}</p>', ""]
        out += [line for note in document.front for line in (f'<p class="report-front">{inline_html(note[lang])}</p>', "")]
        about = ([html.escape(self.labels["published_in"].format(year=self.published))] if self.published else []) \
            + ([f'<a href="{attribute(self.official)}">{html.escape(self.labels["official"])}</a>'] if self.official else [])
        if about:
            out += [f'<p class="report-publication">{" · ".join(about)}</p>', ""]
        return out

    def intro(self, depth: int) -> list[str]:
        """The introduction's blocks, then the front matter headings (preface, preamble)."""
        out = [line for node in self.document.intro for line in self.blocks.block(node)]
        for heading in self.layout.front:
            out += self.blocks.tree(heading, depth)
        return out

    def opening_description(self) -> str:
        """The description of the pages that open with the report's beginning (home, full text)."""
        return summary(self.opening_text(), self.lang)

    def opening_text(self) -> str:
        opening = first_paragraph(self.document.intro) or first_paragraph(self.layout.front)
        if opening:
            return opening.text[self.lang]
        return (self.document.issuer or self.document.title)[self.lang]

    def division_page(self, division: Division) -> str:
        body = self.blocks.tree(division.heading, 1)
        body[2:2] = view_switch(self.layout.link(division.parallel), self.labels["parallel_view"]) \
            + self.editions(division.slug)
        return "\n".join(markup.front_matter(division.heading.printed(self.lang), self.heading_description(division.heading))
                         + body + self.actions())

    def contents(self, headings: list[Heading], indent: str = "") -> list[str]:
        """A list of links to the divisions' pages, with the headings under them that have headings of their own."""
        out = []
        for heading in headings:
            target = self.layout.link(self.layout.page_of(heading.id), heading.id if indent else None)
            out.append(f"{indent}- {markup.link(heading.printed(self.lang), target)}")
            out += self.contents([h for h in heading.headings if h.headings], indent + "    ")
        return out

    def home_page(self, key_figures: KeyFigures | None) -> str:
        lang = self.lang
        out = markup.front_matter(self.labels["home"], self.opening_description())
        out += view_switch(self.layout.link(paths.parallel_of(paths.HOME)), self.labels["parallel_view"])
        out += self.editions(paths.HOME) + self.title_block() + self.intro(2)
        out += markup.heading(2, self.labels["contents"], "contents")
        if key_figures:
            out.append(f"- {markup.link(key_figures.title[lang], self.layout.link(paths.KEY_FIGURES))}")
        out += self.contents([d.heading for d in self.layout.divisions])
        if self.layout.has_figures:
            out.append(f"- {markup.link(self.blocks.words['figures_page'], self.layout.link(paths.FIGURES))}")
        out.append(f"- {markup.link(self.labels['full_text'], self.layout.link(paths.FULL_TEXT))}")
        out += [""] + markup.heading(2, self.labels["downloads"], "downloads")
        out += [f"- {markup.link(self.labels['download_tmx'], paths.TMX)}",
                f"- {markup.link(self.labels['download_csv'], paths.ALIGNED_CSV)}",
                f"- {self.labels['cite_report']}{self.labels['colon']}"
                + " · ".join(markup.link(name, path) for name, path in paths.CITATIONS.items()), ""]
        return "\n".join(out + self.actions())

    def full_text_page(self) -> str:
        """The whole report on one page, for printing and find-in-page (search finds its parts on their own pages)."""
        out = markup.front_matter(self.labels["full_text"], self.opening_description())
        out += view_switch(self.layout.link(paths.parallel_of(paths.FULL_TEXT)), self.labels["parallel_view"])
        out += self.editions(paths.FULL_TEXT) + self.title_block() + self.intro(2)
        for division in self.layout.divisions:
            out += self.blocks.tree(division.heading, 2)
        return "\n".join(out + self.actions())

    def key_figure_change(self, figure: KeyFigure, words: dict) -> str:
        change = figure.change
        amount = f"{trim(abs(change.value), 2)}%" if change.unit == "percent" else \
            words["percentage_points"].format(value=trim(abs(change.value), 2))
        return words["increase" if change.value >= 0 else "decrease"].format(value=amount)

    def key_figures_page(self, key_figures: KeyFigures, references: dict[str, str]) -> str:
        """The headline numbers as cards, each with its change and a link to the paragraph that states it."""
        lang = self.lang
        out = markup.front_matter(key_figures.title[lang], summary(key_figures.intro[lang], lang))
        out += markup.heading(1, key_figures.title[lang], "key-figures") + self.editions(paths.KEY_FIGURES)
        out += [f"<p>{html.escape(key_figures.intro[lang])}</p>", ""]
        return "\n".join(out + self.key_figure_cards(key_figures, references) + [""])

    def key_figure_cards(self, key_figures: KeyFigures, references: dict[str, str], root: str = "") -> list[str]:
        """The cards of the headline numbers, on a page `root` away from the report's root (a series' home)."""
        lang = self.lang
        words = key_figures.words[lang]
        style = self.blocks.style
        out = [f'<ul class="key-figures" {markup.markdown_inside("block")}>']
        for figure in key_figures.figures:
            value = format_value(figure.value, figure.unit, lang, style["units"], more_than=figure.more_than,
                                 words=self.blocks.words)
            block_id = figure.source.block_id
            source = words["source"].format(reference=references[block_id])
            out += [f'<li id="{figure.id}" class="key-figure" {markup.markdown_inside()}>',
                    f'<span class="key-figure__label">{html.escape(figure.label[lang])}</span>',
                    f'<span class="key-figure__value">{html.escape(value)}</span>']
            if figure.change:
                out.append(f'<span class="key-figure__change">{html.escape(self.key_figure_change(figure, words))}</span>')
            out += [f'<span class="key-figure__source">{markup.link(source, self.layout.link_to_node(block_id, root))}'
                    "</span>", "</li>"]
        return out + ["</ul>"]

    def figures_page(self) -> str:
        blocks, lang = self.blocks, self.lang
        words = blocks.words
        captions = {node.number: node for node, _ in self.document.walk()
                    if isinstance(node, (Figure, Table)) and node.kind == "figure"}
        out = markup.front_matter(words["figures_page"], summary(words["figures_intro"], lang))
        out += markup.heading(1, words["figures_page"], "figures") + self.editions(paths.FIGURES)
        out += [f"<p>{html.escape(words['figures_intro'])}</p>", "",
                markup.link(words["download_all"], paths.ALL_FIGURES_CSV), ""]
        for number in sorted(blocks.charts):
            block = captions[number]
            out += markup.heading(2, block.caption[lang], f"figure-{number}")
            out += [f'<div class="figure-chart" {markup.markdown_inside()}>', blocks.image(number), "</div>", "",
                    f"{markup.link(words['go_to_figure'], self.layout.link_to_node(block.id))} · "
                    f"{markup.link(words['download'], self.layout.chart_data(number))}", ""]
            out += blocks.figure_notes(number)
        return "\n".join(out)


def render_pages(writers: dict[str, PageWriter], key_figures: KeyFigures | None,
                 references: dict[str, dict[str, str]]) -> dict[str, str]:
    """Path under the docs folder → page text, for every page of every language (one language per page)."""
    pages: dict[str, str] = {}
    for lang, writer in writers.items():
        layout = writer.layout
        pages[markup.docs_path(lang, paths.HOME)] = writer.home_page(key_figures)
        if key_figures:
            pages[markup.docs_path(lang, paths.KEY_FIGURES)] = writer.key_figures_page(key_figures, references[lang])
        for division in layout.divisions:
            pages[markup.docs_path(lang, division.slug)] = writer.division_page(division) + "\n"
        if layout.has_figures:
            pages[markup.docs_path(lang, paths.FIGURES)] = writer.figures_page() + "\n"
        pages[markup.docs_path(lang, paths.FULL_TEXT)] = writer.full_text_page() + "\n"
    return pages

