"""What a chart says in words (its text alternative) and its data as CSV, in each language."""
from __future__ import annotations

import csv
import io

from bilingual_report.datafiles.figures import Bar, FigureData, Panel
from bilingual_report.language.formatting import format_value


def kind_of(bar: Bar, words: dict) -> str:
    if bar.more_than:
        return words["lower_bound"]
    return words["derived"] if bar.formula else words["stated"]


def bar_value(bar: Bar, panel: Panel, lang: str, style: dict) -> str:
    return format_value(bar.value, panel.unit, lang, style["units"], derived=bar.formula is not None,
                        more_than=bar.more_than, words=style["words"][lang])


def alt_text(figure: FigureData, lang: str, style: dict) -> str:
    """A sentence per panel stating every bar's value, after the kind of chart (words from the chart style)."""
    words = style["words"][lang]
    sentences = []
    for panel in figure.panels:
        values = words["alt_separator"].join(f"{bar.label[lang]} {bar_value(bar, panel, lang, style)}" for bar in panel.bars)
        sentences.append(words["alt_panel"].format(title=panel.title[lang], values=values))
    return words["chart"] + "".join(sentences)


def csv_bytes(figures: list[FigureData], lang: str, style: dict) -> bytes:
    """The data of the figures as CSV (UTF-8 with a byte-order mark, which spreadsheet programs need for Chinese)."""
    words = style["words"][lang]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["figure", *words["csv_header"]])
    for figure in figures:
        for panel in figure.panels:
            for bar in panel.bars:
                value = f"{bar.value:.6f}".rstrip("0").rstrip(".")
                writer.writerow([figure.number, panel.title[lang], bar.label[lang], value,
                                 style["units"][panel.unit][lang] or panel.unit, kind_of(bar, words), bar.formula or "",
                                 " ".join(s.block_id for s in bar.sources),
                                 " | ".join(s.quote["zh"] for s in bar.sources),
                                 " | ".join(s.quote["en"] for s in bar.sources)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
