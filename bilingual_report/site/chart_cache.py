"""Images drawn only when their data, style or drawing code changed; matplotlib is imported only to draw."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable

from bilingual_report.datafiles.figures import FigureData
from bilingual_report.language import formatting
from bilingual_report.model import LANGS

DRAWING_CODE = [Path(__file__).with_name("charts.py"), Path(formatting.__file__)]


@functools.cache
def drawing_version() -> str:
    """What else an image depends on: the drawing code, matplotlib and the font package."""
    parts = [metadata.version("matplotlib"), metadata.version("mplfonts")]
    parts += [path.read_text(encoding="utf-8") for path in DRAWING_CODE]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Image:
    data: bytes
    size: tuple[int, int]  # in CSS pixels


def _write(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


class ImageCache:
    """Drawn images kept in a folder under a hash of everything that went into them, each with its size beside it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.drawn = 0

    def get(self, name: str, inputs: object, suffix: str, draw: Callable[[], Image]) -> Image:
        text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=str) + drawing_version()
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
        path, size_path = self.folder / f"{name}.{key}.{suffix}", self.folder / f"{name}.{key}.json"
        if path.exists() and size_path.exists():
            return Image(path.read_bytes(), tuple(json.loads(size_path.read_text(encoding="utf-8"))))
        image = draw()
        self.drawn += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in [*self.folder.glob(f"{name}.*.{suffix}"), *self.folder.glob(f"{name}.*.json")]:
            old.unlink()
        _write(path, image.data)
        _write(size_path, json.dumps(list(image.size)).encode("utf-8"))
        return image


FORMS = ("wide", "phone")  # each chart is drawn for a column of text, and narrower for a phone


def form_style(style: dict, form: str) -> dict:
    return {**style, **style["phone"]} if form == "phone" else style


def charts(figures: list[FigureData], style: dict, cache: ImageCache) -> dict[tuple[int, str, str], Image]:
    """The SVG chart per (figure number, language, form)."""
    found: dict[tuple[int, str, str], Image] = {}
    for figure in figures:
        data = dataclasses.asdict(figure)
        data.pop("path")
        for lang in LANGS:
            for form in FORMS:
                drawn = form_style(style, form)

                def draw(figure=figure, lang=lang, drawn=drawn) -> Image:
                    from bilingual_report.site.charts import draw_svg  # imports matplotlib
                    return Image(*draw_svg(figure, lang, drawn))
                found[(figure.number, lang, form)] = cache.get(f"figure-{figure.number}.{lang}.{form}",
                                                               [data, lang, drawn], "svg", draw)
    return found


def social_cards(title: dict, issuer: dict | None, style: dict, cache: ImageCache) -> dict[str, bytes]:
    """The PNG shown when a page is shared, per language: the report's title and issuer."""
    cards = {}
    for lang in LANGS:
        by = (issuer or {}).get(lang, "")

        def draw(lang=lang, by=by) -> Image:
            from bilingual_report.site.charts import SOCIAL_CARD_SIZE, draw_social_card  # imports matplotlib
            return Image(draw_social_card(title[lang], by, lang, style), SOCIAL_CARD_SIZE)
        cards[lang] = cache.get(f"social-card.{lang}", [title[lang], by, style["colors"]], "png", draw).data
    return cards
