"""A report series on one site: each edition's pages under its own folder, the series' home page, the selector on
every page that leads to the same place in another edition, and the pages an earlier single-edition site published,
redirected to where they are now.

An edition's pages are laid out as a single report's are (site/layout.py), one folder down: `<id>/section-2`. The
selector's link goes to the counterpart of the page's division in the other edition (editions/matching.py), or
to that edition's home where it has none; its data names, for every node on the page, the counterpart the
browser goes to when the reader is on that node (assets/javascripts/edition-switch.js).
"""
from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass

from bilingual_report.editions.matching import Matching, targets
from bilingual_report.model import Document
from bilingual_report.site import layout as paths
from bilingual_report.site import markup
from bilingual_report.site.layout import SiteLayout


@dataclass(frozen=True)
class PublishedEdition:
    """An edition as the series' pages name it."""

    id: str
    layout: SiteLayout
    published: int | None

    @property
    def document(self) -> Document:
        return self.layout.document


@dataclass(frozen=True, order=True)
class MovedAddress:
    """An address a site of the series' oldest edition alone published, now in the edition's folder."""

    lang: str
    old: str    # from the language's root: a page's folder, or a file's path
    new: str
    page: bool  # a page (left as a redirect), or a file (copied to its old address)


def moved_address(docs_relative: str, edition_id: str) -> MovedAddress:
    """Where a page or file under the docs folder of the edition alone goes in the series."""
    lang, old, page = markup.address_of(docs_relative)
    return MovedAddress(lang, old, markup.address_of(markup.moved_into(docs_relative, edition_id))[1], page)


def edition_name(labels: dict, edition_id: str) -> str:
    return labels["edition"].format(edition=edition_id)


def in_edition(edition_id: str, path: str) -> str:
    """A path from a language's root to the same path in an edition's folder."""
    return f"{edition_id}/{path}"


class EditionSwitch:
    """The selector of one edition's pages: for a page, a link to each edition's same place."""

    def __init__(self, edition: PublishedEdition, editions: list[PublishedEdition],
                 matchings: dict[tuple[str, str], Matching]):
        self.edition = edition
        self.editions = editions
        self.targets = {other.id: targets(matchings[(edition.id, other.id)], edition.document)
                        for other in editions if other.id != edition.id}

    def place(self, other: PublishedEdition, slug: str, node_id: str | None) -> tuple[str, str | None]:
        """The page (and anchor) of another edition that shows what a page (or a node on it) shows here."""
        if node_id is None:
            if slug == paths.CHANGES:  # every edition but the oldest has its changes page
                return (slug, None) if other is not self.editions[-1] else (paths.HOME, None)
            division = next((d for d in self.edition.layout.divisions if d.slug == slug), None)
            if division is None:  # the home, key figures, figures or full text page: the same, where it has one
                return (slug, None) if slug in other.layout.nav else (paths.HOME, None)
            node_id = division.heading.id
        target, _ = self.targets[other.id][node_id]
        if target is None:
            return paths.HOME, None
        page = other.layout.page_of(target)
        return page, (None if division_id(other, page) == target else target)

    def lines(self, slug: str, labels: dict, side_by_side: bool = False) -> list[str]:
        """The selector on a page (at `slug` in this edition, or on its side-by-side page), as the page's Markdown:
        the edition shown, which opens the list of every edition, each other one a link to the same place."""
        file_up = "../" * (shown_at(slug, side_by_side).count("/") + 1)  # from the page's file to the language's
        items = []
        for other in self.editions:
            name = edition_name(labels, other.id)
            if other.id == self.edition.id:
                items.append(f'- <span aria-current="page">{html.escape(name)}</span>')
                continue
            page, anchor = self.place(other, slug, None)
            target = markup.page_target(file_up + in_edition(other.id, shown_at(page, side_by_side)), anchor)
            items.append(f"- {markup.link(name, target, {'edition': other.id})}")
        shown = html.escape(labels["editions"] + labels["colon"] + edition_name(labels, self.edition.id))
        return [f'<nav class="edition-switch" aria-label="{html.escape(labels["editions"], quote=True)}" '
                f'data-targets="{paths.EDITION_TARGETS}" {markup.markdown_inside("block")}>',
                f'<details {markup.markdown_inside("block")}>', f"<summary>{shown}</summary>", "", *items, "",
                "</details>", "</nav>", ""]

    def node_targets(self, slug: str, side_by_side: bool = False) -> dict[str, dict[str, str]]:
        """For each other edition, the address of the counterpart of each node on a page (or on its side-by-side
        page: the counterpart's side-by-side page), from the page's address."""
        url_up = "../" * (shown_at(slug, side_by_side).count("/") + (0 if slug == paths.HOME else 1) + 1)
        on_page = [node.id for node, _ in self.edition.document.walk() if self.edition.layout.page_of(node.id) == slug]
        targets = {}
        for other in self.editions:
            if other.id != self.edition.id:
                places = {node_id: self.place(other, slug, node_id) for node_id in on_page}
                targets[other.id] = {node_id: url_up + in_edition(other.id, markup.page_url(
                    shown_at(page, side_by_side), anchor)) for node_id, (page, anchor) in places.items()}
        return targets

    def target_files(self) -> dict[str, bytes]:
        """Each page's node targets (its changes page's included), and each side-by-side page's, as the file beside
        it (from the language's folder) that its selector fetches: the same in both languages."""
        changes = [paths.CHANGES] if self.edition is not self.editions[-1] else []
        pages = [(slug, False) for slug in self.edition.layout.nav + changes] + [
            (slug, True) for slug in self.edition.layout.side_by_side]
        return {paths.edition_targets(shown_at(slug, side_by_side)): json.dumps(
                    self.node_targets(slug, side_by_side), ensure_ascii=False, sort_keys=True,
                    separators=(",", ":")).encode("utf-8")
                for slug, side_by_side in pages}


def shown_at(slug: str, side_by_side: bool) -> str:
    """The page a selector is on: the page at slug, or its side-by-side page."""
    return paths.parallel_of(slug) if side_by_side else slug


def division_id(edition: PublishedEdition, slug: str) -> str | None:
    division = next((d for d in edition.layout.divisions if d.slug == slug), None)
    return division.heading.id if division else None


def series_home(lang: str, editions: list[PublishedEdition], labels: dict, key_figures: tuple[str, list[str]] | None,
                trends: bool) -> str:
    """The series' home page in a language: the editions, newest first (as given), each with its title and year;
    the current edition's key figures (their title and cards), and the key figures across the editions."""
    current = editions[0]
    title = current.document.title[lang]
    out = markup.front_matter(labels["home"], title) + markup.heading(1, title, "title")
    out += markup.heading(2, labels["editions"], "editions")
    for edition, previous in zip(editions, editions[1:] + [None]):
        name = edition_name(labels, edition.id) + (f" ({labels['edition_current']})" if edition is current else "")
        about = [markup.inline_text(edition.document.title[lang])]
        if edition.published:
            about.append(markup.inline_text(labels["published_in"].format(year=edition.published)))
        if previous:
            changes = labels["changes"].format(edition=edition_name(labels, previous.id))
            about.append(markup.link(changes, markup.page_target(in_edition(edition.id, paths.CHANGES))))
        out.append(f"- {markup.link(name, markup.page_target(in_edition(edition.id, paths.HOME)))}: "
                   + " · ".join(about))
    if key_figures:
        title, cards = key_figures
        out += ["", *markup.heading(2, title, "key-figures"), *cards]
    if trends:
        out += ["", markup.link(labels["trends"], markup.page_target(paths.TRENDS))]
    return "\n".join(out + [""])


REDIRECT_SCRIPT = "assets/javascripts/redirect.js"  # from the site's root: carries the address's #fragment along


def redirect_page(lang: str, address: str, target: str) -> str:
    """The page left at an address that moved (both from the site's root): it sends the reader, and a search
    engine, to the target, with the #fragment they came with."""
    relative = posixpath.relpath(target, address or ".") + ("/" if target.endswith("/") else "")
    script = posixpath.relpath(REDIRECT_SCRIPT, address or ".")
    href = html.escape(relative, quote=True)
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="robots" content="noindex">\n<link rel="canonical" href="{href}">\n'
            f'<meta http-equiv="refresh" content="0; url={href}">\n'
            f'<script src="{html.escape(script, quote=True)}" data-target="{href}"></script>\n'
            f'<title>{href}</title>\n</head>\n<body>\n<p><a href="{href}">{href}</a></p>\n</body>\n</html>\n')
