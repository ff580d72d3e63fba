"""The site's pages and files, named once: which page shows each part of the document, and every asset's path.

One page per top-level division (a section, a chapter, an appendix); the introduction and front matter
(a preface, a preamble) on the home page; then the key figures, figures, full-text and side-by-side pages.
Paths are relative to a language's root; how a link names a page is the engine's (markup.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from bilingual_report.model import Document, Heading
from bilingual_report.site.markup import INDEX_PAGE, page_target, page_url

HOME = INDEX_PAGE
KEY_FIGURES = "key-figures"
FIGURES = "figures"
FULL_TEXT = "full-text"
CHANGES = "changes"  # an edition's changes since the edition before it
TRENDS = "trends"    # a series' key figures across its editions
PARALLEL_FOLDER = "parallel"
TMX = "downloads/aligned-text.tmx"
ALIGNED_CSV = "downloads/aligned-text.csv"
CITATIONS = {"BibTeX": "downloads/citation.bib", "RIS": "downloads/citation.ris", "CSL-JSON": "downloads/citation.json"}
ALL_FIGURES_CSV = "figures/all-figures.csv"
SOCIAL_CARD = "social-card.png"
EDITION_TARGETS = "edition-targets.json"
SEARCH_INDEX = "search/search_index.json"  # where Material's search box loads a language's index from


def trend_chart(trend_id: str, form: str = "wide") -> str:
    """An indicator's chart across a series' editions (in a form of chart_cache.FORMS)."""
    return f"{TRENDS}/{trend_id}{'' if form == 'wide' else '-' + form}.svg"


def trend_data(trend_id: str) -> str:
    return f"{TRENDS}/{trend_id}.csv"


def edition_targets(slug: str) -> str:
    """Beside a page of a series' edition: where its edition selector leads from each node on the page (fetched by
    edition-switch.js when the selector is used)."""
    return page_url(slug) + EDITION_TARGETS


def search_shard(edition_id: str) -> str:
    """Where a series' search finds an edition other than the current one (search-worker.js fetches it there)."""
    return f"search/editions/{edition_id}.json"


@dataclass(frozen=True)
class Division:
    """A top-level division and the page that shows it."""

    slug: str
    heading: Heading

    @property
    def parallel(self) -> str:
        return parallel_of(self.slug)


def parallel_of(slug: str) -> str:
    """The side-by-side page of a page (a division's, the home page's, the full text's)."""
    return f"{PARALLEL_FOLDER}/{slug}"


def division_slug(heading: Heading) -> str:
    """section-2, chapter-3 for a numbered division; its id (conclusion, appendix-1) for an unnumbered one."""
    return heading.id if heading.role else f"{heading.level}-{heading.number}"


class SiteLayout:
    def __init__(self, document: Document, *, key_figures: bool, figures: bool):
        self.document = document
        self.divisions = [Division(division_slug(h), h) for h in document.children if not h.front]
        self.front = [h for h in document.children if h.front]
        self.has_key_figures = key_figures
        self.has_figures = figures
        self._page_of: dict[str, str] = {}
        for node, parents in document.walk():
            top = parents[0] if parents else node if isinstance(node, Heading) else None
            division = next((d for d in self.divisions if d.heading is top), None)
            self._page_of[node.id] = division.slug if division else HOME

    @property
    def nav(self) -> list[str]:
        """The pages of the navigation, in order, as slugs."""
        return ([HOME] + ([KEY_FIGURES] if self.has_key_figures else []) + [d.slug for d in self.divisions]
                + ([FIGURES] if self.has_figures else []) + [FULL_TEXT])

    @property
    def side_by_side(self) -> list[str]:
        """The pages that have a side-by-side page (parallel_of), as slugs."""
        return [HOME] + [d.slug for d in self.divisions] + [FULL_TEXT]

    def page_of(self, node_id: str) -> str:
        """The slug of the page that shows a node."""
        return self._page_of[node_id]

    def link(self, slug: str, anchor: str | None = None, root: str = "") -> str:
        """A link target to a page (and an anchor on it) from a page `root` away from the language's root."""
        return page_target(root + slug, anchor)

    def link_to_node(self, node_id: str, root: str = "") -> str:
        return self.link(self.page_of(node_id), node_id, root)

    def url_of(self, slug: str, anchor: str | None = None) -> str:
        """A page's published address (and an anchor on it) from its language's root."""
        return page_url(slug, anchor)

    @staticmethod
    def chart(number: int, lang: str | None = None, form: str = "wide") -> str:
        """A figure's chart (in a form of chart_cache.FORMS); with lang, the copy of that language's chart kept
        beside the other language's."""
        return f"figures/figure-{number}{'' if lang is None else '-' + lang}{'' if form == 'wide' else '-' + form}.svg"

    @staticmethod
    def printed_chart(name: str) -> str:
        """A figure's image as the PDF prints it (each language's, beside each other in both languages' folders)."""
        return f"figures/{name}.webp"

    @staticmethod
    def chart_data(number: int) -> str:
        return f"figures/figure-{number}.csv"
