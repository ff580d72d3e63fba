"""The key figures several editions of a series state under the same id, across the years, in each language: per
indicator a chart drawn as the report's figures are (one bar per edition, oldest first), a table of each edition's
value linked to the paragraph of that edition that states it, and the data as CSV."""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from bilingual_report.datafiles.figures import Bar, FigureData, Panel
from bilingual_report.datafiles.key_figures import KeyFigure, KeyFigures
from bilingual_report.errors import InputError, Problem
from bilingual_report.language.formatting import format_value
from bilingual_report.model import LANGS
from bilingual_report.site import layout as paths
from bilingual_report.site import markup
from bilingual_report.site.editions import PublishedEdition, edition_name, in_edition
from bilingual_report.site.figure_exports import alt_text


@dataclass(frozen=True)
class Trend:
    """One indicator as the editions state it, oldest first."""

    id: str
    label: dict
    unit: str
    points: tuple[tuple[PublishedEdition, KeyFigure], ...]


def trends(editions: list[tuple[PublishedEdition, KeyFigures | None, Path | None]]) -> list[Trend]:
    """The indicators stated by two editions or more ((edition, its key figures, their file), newest first), in the
    order of the newest edition that states each; the same id in another unit is an error naming both files."""
    found: dict[str, list[tuple[PublishedEdition, KeyFigure, Path]]] = {}
    for edition, key_figures, path in editions:
        for figure in key_figures.figures if key_figures else []:
            found.setdefault(figure.id, []).append((edition, figure, path))
    problems, out = [], []
    for figure_id, stated in found.items():
        if len(stated) < 2:
            continue
        newest, *older = stated
        for edition, figure, path in older:
            if figure.unit != newest[1].unit:
                problems.append(Problem(str(path), None, f"the key figure {figure_id} is in {figure.unit} in the "
                                        f"{edition.id} edition and in {newest[1].unit} in the {newest[0].id} edition "
                                        f"({newest[2]})", "state it in one unit in every edition, or give it "
                                        "another id where it is another number"))
        out.append(Trend(figure_id, newest[1].label, newest[1].unit,
                         tuple((edition, figure) for edition, figure, _ in reversed(stated))))
    if problems:
        raise InputError(problems)
    return out


def trend_figure(number: int, trend: Trend, labels: dict) -> FigureData:
    """An indicator as a figure of one panel, a bar per edition (its value, its source)."""
    bars = [Bar({lang: edition_name(labels[lang], edition.id) for lang in LANGS}, figure.value, figure.more_than,
                sources=[figure.source]) for edition, figure in trend.points]
    return FigureData(number, trend.label, [Panel(trend.label, trend.unit, bars)], None, [], Path(paths.TRENDS))


class TrendsPage:
    """The page of every indicator across the editions, in one language."""

    def __init__(self, lang: str, labels: dict, style: dict, figures: list[tuple[Trend, FigureData, dict]]):
        self.lang, self.labels, self.style = lang, labels, style
        self.figures = figures  # (trend, its figure, {form: (chart's path from the language's root, size)})

    def source(self, edition: PublishedEdition, figure: KeyFigure) -> str:
        """A link to the paragraph of the edition that states the figure, from this page's address."""
        block = figure.source.block_id
        href = "../" + in_edition(edition.id, markup.page_url(edition.layout.page_of(block), block))
        return f'<a href="{markup.attribute(href)}">{html.escape(edition_name(self.labels, edition.id))}</a>'

    def indicator(self, trend: Trend, figure: FigureData, charts: dict) -> list[str]:
        lang, words = self.lang, self.style["words"][self.lang]
        out = markup.heading(2, trend.label[lang], trend.id)
        out += [f'<figure class="report-figure report-chart" {markup.markdown_inside()}>',
                markup.chart(alt_text(figure, lang, self.style), charts,
                             {key: words[key] for key in ("zoom_in", "zoom_out", "close")}), "</figure>", ""]
        out += ['<div class="table-scroll" tabindex="0" role="region" '
                f'aria-label="{markup.attribute(trend.label[lang])}">', '<table class="report-data">',
                f'<thead><tr><th scope="col">{html.escape(self.labels["trends_edition"])}</th>'
                f'<th scope="col" class="num">{html.escape(self.labels["trends_value"])}</th></tr></thead>', "<tbody>"]
        for edition, key_figure in reversed(trend.points):
            value = format_value(key_figure.value, trend.unit, lang, self.style["units"],
                                 more_than=key_figure.more_than, words=words)
            out.append(f'<tr><td>{self.source(edition, key_figure)}</td>'
                       f'<td class="num">{html.escape(value)}</td></tr>')
        out += ["</tbody>", "</table></div>", "", markup.link(words["download"], paths.trend_data(trend.id)), ""]
        return out

    def render(self) -> str:
        title = self.labels["trends"]
        out = markup.front_matter(title, self.labels["trends_intro"]) + markup.heading(1, title, paths.TRENDS)
        out += [f"<p>{html.escape(self.labels['trends_intro'])}</p>", ""]
        for trend, figure, charts in self.figures:
            out += self.indicator(trend, figure, charts)
        return "\n".join(out)
