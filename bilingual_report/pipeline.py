"""The whole conversion: settings → document tree → figure data → charts → every generated file."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bilingual_report.build_report import shown
from bilingual_report.checks.findings import Findings, collect, enforce
from bilingual_report.config.profile import Profile, load_profile
from bilingual_report.config.settings import Edition, Settings
from bilingual_report.config.templates import fill_segments
from bilingual_report.content_cache import input_key, kept
from bilingual_report.datafiles.figures import FigureData, load_figures
from bilingual_report.datafiles.key_figures import KeyFigures, load_key_figures
from bilingual_report.editions.matching import Matching, chained, match_editions
from bilingual_report.errors import InputError, Problem
from bilingual_report.model import LANGS, Document
from bilingual_report.site import layout as paths
from bilingual_report.site import markup
from bilingual_report.site.blocks import BlockRenderer, Chart
from bilingual_report.site.changes import ChangesPage
from bilingual_report.site.chart_cache import FORMS, ImageCache
from bilingual_report.site.chart_cache import charts as draw_charts
from bilingual_report.site.chart_cache import social_cards
from bilingual_report.site.citation_exports import EXPORTS, Work, work_of
from bilingual_report.site.citations import block_references, citations
from bilingual_report.site.editions import (EditionSwitch, MovedAddress, PublishedEdition, edition_name, in_edition,
                                            moved_address, series_home)
from bilingual_report.site.figure_exports import csv_bytes
from bilingual_report.site.layout import SiteLayout
from bilingual_report.site.markup import docs_file
from bilingual_report.site.output import WriteReport, has_generated, write_pages
from bilingual_report.site.pages import PageWriter, render_pages
from bilingual_report.site.parallel import parallel_pages
from bilingual_report.site.search_index import search_index_bytes, series_search_files
from bilingual_report.site.text_exports import aligned_csv_bytes, tmx_bytes
from bilingual_report.site.trends import Trend, TrendsPage, trend_figure, trends
from bilingual_report.structure.reader import Reading, read_report


@dataclass
class Generated:
    reading: Reading
    layout: SiteLayout
    figures: list[FigureData]
    key_figures: KeyFigures | None
    files: dict[str, str | bytes]
    charts_drawn: int
    findings: Findings
    published: int | None
    key_figure_cards: dict[str, list[str]]  # in a series, per language: its key figures as its series' home shows them

    @property
    def document(self) -> Document:
        return self.reading.document

    def work(self, lang: str, url: str | None = None) -> Work:
        """The report as a reference to it gives it, in one language."""
        return work_of(self.document, self.published, lang, url)

    def site_name(self, lang: str) -> str:
        return self.document.title[lang]

    @property
    def nav(self) -> list:
        """The pages of the navigation, as slugs."""
        return self.layout.nav

    def site_description(self, labels: dict, lang: str) -> str:
        document = self.document
        return fill_segments(labels[lang]["site_description"],
                             {"title": document.title[lang], "issuer": (document.issuer or {}).get(lang, "")})


def read(settings: Settings, cache_dir: Path | None = None) -> Reading:
    return read_report(settings.sources, load_profile(settings.profile), cache_dir / "pdf" if cache_dir else None)


@dataclass
class Prepared:
    """A report read, its data read and checked against it, and its pages laid out: all that another edition's
    pages need to know of it."""

    key: str  # of its inputs (content_cache.input_key)
    reading: Reading
    profile: Profile
    figures: list[FigureData]
    key_figures: KeyFigures | None
    findings: Findings
    layout: SiteLayout


def prepare(settings: Settings, cache_dir: Path) -> Prepared:
    """The report prepared, or its preparation kept from an earlier build of the same inputs; its findings checked
    against the strict checks either way."""
    words = settings.chart_style["words"]
    key = input_key([*settings.sources, settings.profile, settings.figures, settings.key_figures], words)
    prepared = kept(cache_dir / "prepared", key, lambda: prepared_anew(settings, cache_dir, key))
    enforce(prepared.findings, settings.strict_checks)
    return prepared


def prepared_anew(settings: Settings, cache_dir: Path, key: str) -> Prepared:
    profile = load_profile(settings.profile)
    reading = read_report(settings.sources, profile, cache_dir / "pdf")
    document = reading.document
    figures = load_figures(settings.figures, document, settings.chart_style["words"]) if settings.figures else []
    key_figures = load_key_figures(settings.key_figures, document) if settings.key_figures else None
    layout = SiteLayout(document, key_figures=key_figures is not None, figures=bool(figures))
    return Prepared(key, reading, profile, figures, key_figures, collect(reading, figures), layout)


def site_writers(layout: SiteLayout, profile: Profile, settings: Settings, charts: dict[int, Chart],
                 switch: EditionSwitch | None) -> tuple[dict[str, PageWriter], dict[str, dict[str, str]]]:
    """Each language's page writer, and how a reference names each block (by language)."""
    document = layout.document
    references = block_references(document, profile)
    cited = citations(document, settings.labels, settings.published, references)
    writers = {lang: PageWriter(BlockRenderer(lang, settings.labels[lang], settings.chart_style, charts, cited[lang],
                                              layout), settings.published, settings.official, switch) for lang in LANGS}
    return writers, references


def site_pages(layout: SiteLayout, profile: Profile, settings: Settings, charts: dict[int, Chart],
               key_figures: KeyFigures | None, switch: EditionSwitch | None = None) -> dict[str, str | bytes]:
    """Every page of both languages (path under the docs folder → Markdown)."""
    writers, references = site_writers(layout, profile, settings, charts, switch)
    return pages_of(writers, key_figures, references)


def pages_of(writers: dict[str, PageWriter], key_figures: KeyFigures | None,
             references: dict[str, dict[str, str]]) -> dict[str, str | bytes]:
    return {**render_pages(writers, key_figures, references), **parallel_pages(writers)}


def generate(settings: Settings, cache_dir: Path, homes: dict[str, str] | None = None) -> Generated:
    """Everything generated for the report; cache_dir keeps drawn charts and PDF readings between builds; homes
    gives each language's home address where the site's address is known (references to the report give it)."""
    return render(settings, prepare(settings, cache_dir), ImageCache(cache_dir / "charts"), homes)


def render(settings: Settings, prepared: Prepared, cache: ImageCache, homes: dict[str, str] | None,
           switch: EditionSwitch | None = None) -> Generated:
    """The pages, charts and files of a prepared report (with the selector of its series' editions, if any); its
    charts drawn, or taken from `cache`."""
    reading, figures, layout = prepared.reading, prepared.figures, prepared.layout
    document = reading.document
    style = settings.chart_style
    svgs = draw_charts(figures, style, cache)
    cards = social_cards(document.title, document.issuer, style, cache)
    charts = {f.number: Chart(f, {(lang, form): svgs[(f.number, lang, form)].size for lang in LANGS for form in FORMS})
              for f in figures}
    writers, references = site_writers(layout, prepared.profile, settings, charts, switch)
    key_figures = prepared.key_figures
    files = pages_of(writers, key_figures, references)
    root = in_edition(switch.edition.id, "") if switch else ""
    home_cards = {lang: writers[lang].key_figure_cards(key_figures, references[lang], root)
                  for lang in LANGS} if switch and key_figures else {}
    tmx, aligned_csv = tmx_bytes(document), aligned_csv_bytes(document)
    edition_targets = switch.target_files() if switch else {}
    for lang in LANGS:
        files[docs_file(lang, paths.SOCIAL_CARD)] = cards[lang]
        files[docs_file(lang, paths.TMX)] = tmx
        files[docs_file(lang, paths.ALIGNED_CSV)] = aligned_csv
        files[docs_file(lang, paths.SEARCH_INDEX)] = search_index_bytes(document, layout, lang)
        work = work_of(document, settings.published, lang, (homes or {}).get(lang))
        for name, export in EXPORTS.items():
            files[docs_file(lang, paths.CITATIONS[name])] = export(work)
        for figure in figures:
            for form in FORMS:
                files[docs_file(lang, layout.chart(figure.number, form=form))] = svgs[(figure.number, lang, form)].data
                for other in LANGS:  # the other language's chart, for the side-by-side pages
                    if other != lang:
                        files[docs_file(lang, layout.chart(figure.number, other, form))] = \
                            svgs[(figure.number, other, form)].data
            files[docs_file(lang, layout.chart_data(figure.number))] = csv_bytes([figure], lang, style)
        if figures:
            files[docs_file(lang, paths.ALL_FIGURES_CSV)] = csv_bytes(figures, lang, style)
        for name, data in reading.images.items():  # both languages' printed figures, for the side-by-side pages
            files[docs_file(lang, layout.printed_chart(name))] = data
        for path, data in edition_targets.items():
            files[docs_file(lang, path)] = data
    return Generated(reading, layout, figures, key_figures, files, cache.drawn, prepared.findings,
                     settings.published, home_cards)


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
        return [paths.HOME] + ([paths.TRENDS] if self.trends else []) + [(edition.id, [in_edition(edition.id, slug) for slug in generated.layout.nav]
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
    editions, files = [], {}
    for (edition, ready), shown_as in zip(prepared, published):
        edition_homes = {lang: home + in_edition(edition.id, "") for lang, home in homes.items()} if homes else None
        switch = EditionSwitch(shown_as, published, matchings)
        images = ImageCache(cache_dir / "charts" / edition.id)  # each edition's own: its charts, titles differ
        generated = render(edition.settings, ready, images, edition_homes, switch)
        for path, data in generated.files.items():
            if not markup.is_docs_file(path, paths.SEARCH_INDEX):
                files[markup.moved_into(path, edition.id)] = data
        editions.append((edition, generated))
    for newer, older in zip(published, published[1:]):
        for lang in LANGS:
            page = ChangesPage(newer, older, matchings[(older.id, newer.id)], settings.labels[lang], lang)
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


def generate_docs(settings: Settings, docs_dir: Path, cache_dir: Path,
                  homes: dict[str, str] | None = None) -> tuple[Generated | Series, WriteReport]:
    make = generate_series if settings.editions else generate
    generated = make(settings, cache_dir, homes)
    return generated, write_pages(docs_dir, generated.files, LANGS)


def problem_pages(docs_dir: Path, problems: list[Problem], words: dict) -> list[str]:
    """Before any build has succeeded (nothing generated in docs_dir yet), a home page per language that lists the
    problems, and empty search indexes: something to serve while the input is fixed. The slugs of the pages."""
    if has_generated(docs_dir):
        return []
    lines = [f"- `{shown(p.path)}{'' if p.line is None else f':{p.line}'}`: {markup.inline_text(p.message)}"
             + (f" ({markup.inline_text(p.hint)})" if p.hint else "") for p in problems]
    files: dict[str, str | bytes] = {}
    for lang in LANGS:
        files[markup.docs_path(lang, paths.HOME)] = "\n".join(
            markup.front_matter(words[lang]["title"], words[lang]["title"]) + markup.heading(1, words[lang]["title"], "problems")
            + [markup.inline_text(words[lang]["text"]), "", *lines, ""])
        files[docs_file(lang, paths.SEARCH_INDEX)] = json.dumps({"config": {"lang": [lang]}, "docs": []}).encode()
    write_pages(docs_dir, files, LANGS)
    return [paths.HOME]
