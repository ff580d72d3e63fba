"""A report series: each edition prepared and rendered as a report, in its own folder, matched with the others
(each with the next), its changes, the series' home and search, and the key figures across the editions."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bilingual_report.config.settings import Edition, Settings
from bilingual_report.content_cache import kept
from bilingual_report.editions.matching import Matching, chained, match_editions
from bilingual_report.errors import InputError, Problem
from bilingual_report.model import LANGS
from bilingual_report.pipeline import Generated, prepare, render
from bilingual_report.site import layout as paths
from bilingual_report.site import markup
from bilingual_report.site.changes import ChangesPage
from bilingual_report.site.chart_cache import FORMS, ImageCache
from bilingual_report.site.chart_cache import charts as draw_charts
from bilingual_report.site.editions import (EditionSwitch, MovedAddress, PublishedEdition, edition_name, in_edition,
                                            moved_address, series_home)
from bilingual_report.site.figure_exports import csv_bytes
from bilingual_report.site.markup import docs_file
from bilingual_report.site.search_index import series_search_files
from bilingual_report.site.trends import Trend, TrendsPage, trend_figure, trends


@dataclass
class Series:
    """A report series generated: each edition's generation (the current one first), and every file of the site."""

    editions: list[tuple[Edition, Generated]]
    files: dict[str, str | bytes]
    trends: bool = False  # the series has a page of key figures across its editions

    @property
    def moved(self) -> list[MovedAddress]:
        """The pages and files a site of the oldest edition alone published, which are now in its folder; then
        those that only a site of a later edition alone had, in that edition's folder (whichever edition the site
        was built of before it had editions). The series' own home and search index take their places."""
        claimed, moved = set(self.files), []
        for edition, generated in reversed(self.editions):  # the oldest first
            for path in sorted(set(generated.files) - claimed):
                claimed.add(path)
                moved.append(moved_address(path, edition.id))
        return sorted(moved)

    @property
    def current(self) -> Generated:
        return self.editions[0][1]

    @property
    def nav(self) -> list:
        """The series' home, then each edition's pages under its id."""
        last = self.editions[-1][0]
        return [paths.HOME] + ([paths.TRENDS] if self.trends else []) + [
            (edition.id, [in_edition(edition.id, slug) for slug in generated.layout.nav]
             + ([] if edition is last else [in_edition(edition.id, paths.CHANGES)]))
            for edition, generated in self.editions]

    @property
    def charts_drawn(self) -> int:
        return sum(generated.charts_drawn for _, generated in self.editions)


def series_matchings(published: list[PublishedEdition], keys: list[str],
                     cache_dir: Path) -> dict[tuple[str, str], Matching]:
    """Each edition's matching with every other, both ways: each with the next matched (or kept from an earlier build
    of the same two preparations), the others chained through the editions between."""
    matchings = {}
    for (a, a_key), (b, b_key) in zip(zip(published, keys), zip(published[1:], keys[1:])):
        pairs = kept(cache_dir / "matchings", f"{a_key}-{b_key}",
                     lambda: match_editions(a.document, b.document).pairs())
        matchings[(a.id, b.id)] = Matching.of(pairs, a.document, b.document)
    for distance in range(2, len(published)):
        for a, b in zip(published, published[distance:]):
            between = published[published.index(b) - 1]
            matchings[(a.id, b.id)] = chained(matchings[(a.id, between.id)], matchings[(between.id, b.id)],
                                              a.document, b.document)
    for (a, b), matching in list(matchings.items()):
        matchings[(b, a)] = matching.reversed()
    return matchings


def generate_series(settings: Settings, cache_dir: Path, homes: dict[str, str] | None = None) -> Series:
    """Every edition's pages in its own folder, each with the selector leading to the same place in the others,
    the series' home page and one search index per language over every edition."""
    prepared = [(edition, prepare(edition.settings, cache_dir)) for edition in settings.editions]
    published = [PublishedEdition(edition.id, p.layout, edition.settings.published) for edition, p in prepared]
    matchings = series_matchings(published, [ready.key for _, ready in prepared], cache_dir)
    editions, files, switches = [], {}, {}
    for (edition, ready), shown_as in zip(prepared, published):
        edition_homes = {lang: home + in_edition(edition.id, "") for lang, home in homes.items()} if homes else None
        switch = switches[edition.id] = EditionSwitch(shown_as, published, matchings)
        images = ImageCache(cache_dir / "charts" / edition.id)  # each edition's own: its charts, titles differ
        generated = render(edition.settings, ready, images, edition_homes, switch)
        for path, data in generated.files.items():
            if not markup.is_docs_file(path, paths.SEARCH_INDEX):
                files[markup.moved_into(path, edition.id)] = data
        for path, data in switch.target_files().items():  # the same in both languages
            for lang in LANGS:
                files[markup.moved_into(docs_file(lang, path), edition.id)] = data
        editions.append((edition, generated))
    for newer, older in zip(published, published[1:]):
        for lang in LANGS:
            page = ChangesPage(newer, older, matchings[(older.id, newer.id)], settings.labels[lang], lang,
                               switches[newer.id].lines(paths.CHANGES, settings.labels[lang]))
            files[markup.docs_path(lang, in_edition(newer.id, paths.CHANGES))] = page.render()
    taken_ids(editions)
    across = trends([(p, ready.key_figures, edition.settings.key_figures)
                     for (edition, ready), p in zip(prepared, published)])
    files.update(trend_files(across, settings, cache_dir))
    current = editions[0][1]
    for lang in LANGS:
        shown = (current.key_figures.title[lang], current.key_figure_cards[lang]) if current.key_figures else None
        files[markup.docs_path(lang, paths.HOME)] = series_home(lang, published, settings.labels[lang], shown,
                                                                bool(across))
        searched = [(p.id, edition_name(settings.labels[lang], p.id), p.layout) for p in published]
        for path, data in series_search_files(searched, lang).items():
            files[docs_file(lang, path)] = data
    return Series(editions, files, bool(across))


def trend_files(across: list[Trend], settings: Settings, cache_dir: Path) -> dict[str, str | bytes]:
    """The page of the key figures across the editions, its charts and their data, in both languages."""
    if not across:
        return {}
    style = settings.chart_style
    figures = [trend_figure(number, trend, settings.labels) for number, trend in enumerate(across, start=1)]
    svgs = draw_charts(figures, style, ImageCache(cache_dir / "trend-charts"))
    files: dict[str, str | bytes] = {}
    for lang in LANGS:
        shown = []
        for trend, figure in zip(across, figures):
            charts = {form: (paths.trend_chart(trend.id, form), svgs[(figure.number, lang, form)].size) for form in FORMS}
            shown.append((trend, figure, charts))
            for form in FORMS:
                files[docs_file(lang, paths.trend_chart(trend.id, form))] = svgs[(figure.number, lang, form)].data
            files[docs_file(lang, paths.trend_data(trend.id))] = csv_bytes([figure], lang, style)
        files[markup.docs_path(lang, paths.TRENDS)] = TrendsPage(lang, settings.labels[lang], style, shown).render()
    return files


def taken_ids(editions: list[tuple[Edition, Generated]]) -> None:
    """An edition id must not be a name the site already uses at a language's root (a language, a page or folder
    of a single report's site): its folder would stand where they do."""
    taken = set(LANGS) | {"assets", "search", paths.TRENDS} | {markup.root_name(path) for _, one in editions for path in one.files}
    problems = [Problem(str(edition.settings.sources[0]), None, f"the edition id {edition.id} is also a name the site "
                        f"uses for its own pages or folders ({', '.join(sorted(taken))})",
                        "choose another id for this edition, such as its year")
                for edition, _ in editions if edition.id in taken]
    if problems:
        raise InputError(problems)
