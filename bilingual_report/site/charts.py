"""Draw a figure's chart as SVG with matplotlib: text as paths in Noto Sans CJK SC, byte-identical for the same input.

Importing this module imports matplotlib (0.3–0.6 s): the pipeline imports it only when a chart must be drawn.
"""
from __future__ import annotations

import importlib.util
import io
import math
import textwrap
import warnings
from pathlib import Path

import matplotlib
import matplotlib.patches
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure as MatplotlibFigure

from bilingual_report.datafiles.figures import FigureData
from bilingual_report.language.formatting import format_value

FONT_FILE = "NotoSansCJKsc-Regular.otf"
SOCIAL_CARD_SIZE = (1200, 630)
PAD_INCHES = 0.1
CSS_PIXELS_PER_INCH = 96


def font_path() -> Path:
    """Noto Sans CJK SC (SIL Open Font License), as shipped by the pinned mplfonts package."""
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the mplfonts package is not installed: run `make build` to install requirements.txt")
    return Path(spec.submodule_search_locations[0]) / "fonts" / FONT_FILE


def _font_name() -> str:
    path = str(font_path())
    if path not in {f.fname for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def wrap(label: str, lang: str, width: int) -> str:
    """A label in lines of at most width (a Chinese character counting as two letters, nearly); Chinese lines
    evenly long (浙江绍兴苏泊尔 / 生活电器有限公司, not a last line of one character)."""
    if lang == "zh":
        width = width * 3 // 5
        width = math.ceil(len(label) / math.ceil(len(label) / width)) if label else width
    return "\n".join(textwrap.wrap(label, width, break_long_words=lang == "zh"))


def _slots(labels: list[str], style: dict) -> list[float]:
    """Height in inches of each bar's row: enough for its label's lines."""
    line = style["font_size"] / 72 * 1.25
    return [max(style["bar_inches"], line * (label.count("\n") + 1) + 0.12) for label in labels]


def draw_svg(figure: FigureData, lang: str, style: dict) -> tuple[bytes, tuple[int, int]]:
    """The chart as SVG, and its size in CSS pixels (the tight box around everything drawn)."""
    words = style["words"][lang]
    colors = style["colors"]
    line = style["font_size"] / 72 * 1.3
    labels = [[wrap(bar.label[lang], lang, style["label_wrap"]) for bar in panel.bars] for panel in figure.panels]
    titles = [wrap(panel.title[lang], lang, style["title_wrap"]) for panel in figure.panels]
    slots = [_slots(panel_labels, style) for panel_labels in labels]
    title_heights = [style["panel_title_inches"] + line * title.count("\n") for title in titles]
    height = sum(title_heights) + sum(sum(s) for s in slots)
    width = style["width_inches"]
    settings = {
        "svg.hashsalt": f"figure-{figure.number}-{lang}",
        "svg.fonttype": "path",
        "font.family": _font_name(),
        "font.size": style["font_size"],
        "axes.unicode_minus": False,
    }
    with matplotlib.rc_context(settings), warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # a missing glyph must fail the build, not draw a box
        chart = MatplotlibFigure(figsize=(width, height))
        FigureCanvasSVG(chart)
        top = height
        for index, panel in enumerate(figure.panels):
            bars_height = sum(slots[index])
            top -= title_heights[index]
            # Axes placed in inches; labels left of them are kept by the tight bounding box when saving.
            axes = chart.add_axes((0.0, (top - bars_height) / height, 1.0, bars_height / height))
            top -= bars_height
            positions, cursor = [], bars_height
            for slot in slots[index]:
                positions.append(cursor - slot / 2)
                cursor -= slot
            largest = max(bar.value for bar in panel.bars) or 1
            for position, bar in zip(positions, panel.bars):
                derived = bar.formula is not None
                color = colors["flagged"] if bar.note else colors["derived"] if derived else colors["stated"]
                axes.barh(position, bar.value, height=style["bar_inches"] * 0.62, color=color,
                          edgecolor=colors["text"], linewidth=0.6, hatch=style["derived_hatch"] if derived else None)
                text = format_value(bar.value, panel.unit, lang, style["units"], derived=derived,
                                    more_than=bar.more_than, words=words)
                axes.text(bar.value + largest * 0.02, position, text + (" *" if bar.note else ""),
                          va="center", ha="left", color=colors["text"])
            axes.set_yticks(positions, labels[index])
            axes.set_ylim(0, bars_height)
            axes.set_xlim(0, largest * 1.6)
            axes.set_xticks([])
            axes.tick_params(axis="y", length=0, colors=colors["text"])
            for side in ("top", "right", "bottom"):
                axes.spines[side].set_visible(False)
            axes.spines["left"].set_color(colors["muted"])
            axes.set_title(titles[index], loc="left", color=colors["text"], fontsize=style["font_size"] + 1, pad=6)
        box = chart.get_tightbbox(FigureCanvasAgg(chart).get_renderer()).padded(PAD_INCHES)
        FigureCanvasSVG(chart)
        out = io.StringIO()
        chart.savefig(out, format="svg", bbox_inches=box, metadata={"Date": None, "Creator": None})
    size = (round(box.width * CSS_PIXELS_PER_INCH), round(box.height * CSS_PIXELS_PER_INCH))
    return out.getvalue().encode("utf-8"), size


def draw_social_card(title: str, issuer: str, lang: str, style: dict) -> bytes:
    """The image shown when a page is shared (1200×630 PNG): the report's title and issuer."""
    colors = style["colors"]
    with matplotlib.rc_context({"font.family": _font_name(), "axes.unicode_minus": False}):
        width, height = SOCIAL_CARD_SIZE
        card = MatplotlibFigure(figsize=(width / 100, height / 100), dpi=100, facecolor="#ffffff")
        FigureCanvasAgg(card)
        card.patches.append(matplotlib.patches.Rectangle((0, 0), 0.025, 1, transform=card.transFigure,
                                                         color=colors["stated"], figure=card))
        width = 16 if lang == "zh" else 34
        card.text(0.07, 0.62, "\n".join(textwrap.wrap(title, width, break_long_words=lang == "zh")),
                  fontsize=40 if lang == "zh" else 34, color=colors["text"], va="center", linespacing=1.35)
        if issuer:
            card.text(0.07, 0.14, issuer, fontsize=22, color=colors["muted"], va="center")
        out = io.BytesIO()
        card.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()
