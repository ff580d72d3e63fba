"""One report's conversion: settings → document tree → figure data → charts → every generated file."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bilingual_report.checks.findings import Findings, collect, enforce
from bilingual_report.config.profile import Profile, load_profile
from bilingual_report.config.settings import Settings
from bilingual_report.config.templates import fill_segments
from bilingual_report.content_cache import input_key, kept
from bilingual_report.datafiles.figures import FigureData, load_figures
from bilingual_report.datafiles.key_figures import KeyFigures, load_key_figures
from bilingual_report.model import LANGS, Document
from bilingual_report.site import layout as paths
from bilingual_report.site.blocks import BlockRenderer, Chart
from bilingual_report.site.chart_cache import FORMS, ImageCache
from bilingual_report.site.chart_cache import charts as draw_charts
from bilingual_report.site.chart_cache import social_cards
from bilingual_report.site.citation_exports import EXPORTS, Work, work_of
from bilingual_report.site.citations import block_references, citations
from bilingual_report.site.editions import EditionSwitch, in_edition
from bilingual_report.site.figure_exports import csv_bytes
from bilingual_report.site.layout import SiteLayout
from bilingual_report.site.markup import docs_file
from bilingual_report.site.pages import PageWriter, render_pages
from bilingual_report.site.parallel import parallel_pages
from bilingual_report.site.search_index import search_index_bytes
from bilingual_report.site.text_exports import aligned_csv_bytes, tmx_bytes
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
    return Generated(reading, layout, figures, key_figures, files, cache.drawn, prepared.findings,
                     settings.published, home_cards)
