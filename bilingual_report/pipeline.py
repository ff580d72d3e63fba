"""The whole conversion: settings → document model → figure data → charts → every generated file."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .chart_cache import ImageCache, charts as draw_charts, social_cards
from .citations import block_references, citations
from .figure_exports import csv_bytes
from .figures import FigureData, load_figures
from .key_figures import KeyFigures, load_key_figures
from .markdown import Chart, page_writers, render_pages
from .model import LANGS, Document
from .output import WriteReport, write_pages
from .parallel import parallel_pages
from .reader import read_document
from .settings import Settings
from .text_exports import aligned_csv_bytes, tmx_bytes
from .translation_check import TranslationFinding, check_translation

SVG_SIZE = re.compile(rb'<svg[^>]*?width="([\d.]+)pt" height="([\d.]+)pt"')


@dataclass
class Generated:
    document: Document
    figures: list[FigureData]
    key_figures: KeyFigures | None
    files: dict[str, str | bytes]
    charts_drawn: int
    translation: list[TranslationFinding]


def svg_size(svg: bytes) -> tuple[int, int]:
    """The chart's size in CSS pixels (matplotlib writes points)."""
    match = SVG_SIZE.search(svg)
    return round(float(match.group(1)) * 4 / 3), round(float(match.group(2)) * 4 / 3)


def generate(settings: Settings, cache_dir: Path) -> Generated:
    document = read_document(settings.source)
    figures = load_figures(settings.figures, document)
    key_figures = load_key_figures(settings.key_figures, document) if settings.key_figures else None
    cache = ImageCache(cache_dir)
    svgs = draw_charts(figures, settings.chart_style, cache)
    cards = social_cards(document.title, document.issuer, settings.chart_style, cache)
    charts = {f.number: Chart(f, {lang: svg_size(svgs[(f.number, lang)]) for lang in LANGS}) for f in figures}
    references = block_references(document, settings.labels)
    writers = page_writers(document, settings.labels, charts, settings.chart_style,
                           citations(document, settings.labels, settings.published, references))
    files: dict[str, str | bytes] = {**render_pages(writers, key_figures, references), **parallel_pages(writers)}
    tmx, aligned_csv = tmx_bytes(document), aligned_csv_bytes(document)
    for lang in LANGS:
        files[f"{lang}/social-card.png"] = cards[lang]
        files[f"{lang}/downloads/aligned-text.tmx"] = tmx
        files[f"{lang}/downloads/aligned-text.csv"] = aligned_csv
        for figure in figures:
            files[f"{lang}/figures/figure-{figure.number}.svg"] = svgs[(figure.number, lang)]
            for other in LANGS:  # the other language's chart, for the side-by-side pages
                if other != lang:
                    files[f"{lang}/figures/figure-{figure.number}-{other}.svg"] = svgs[(figure.number, other)]
            files[f"{lang}/figures/figure-{figure.number}.csv"] = csv_bytes([figure], lang, settings.chart_style)
        if figures:
            files[f"{lang}/figures/all-figures.csv"] = csv_bytes(figures, lang, settings.chart_style)
    return Generated(document, figures, key_figures, files, cache.drawn, check_translation(document))


def generate_docs(settings: Settings, docs_dir: Path, cache_dir: Path) -> tuple[Generated, WriteReport]:
    generated = generate(settings, cache_dir)
    return generated, write_pages(docs_dir, generated.files, LANGS)
