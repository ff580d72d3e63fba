"""Images drawn only when their data, style or drawing code changed; matplotlib is imported only to draw."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Callable

from .figures import FigureData
from .model import LANGS

DRAWING_CODE = [Path(__file__).with_name(name) for name in ("charts.py", "formatting.py")]


@functools.cache
def drawing_version() -> str:
    """What else an image depends on: the drawing code, matplotlib and the font package."""
    parts = [metadata.version("matplotlib"), metadata.version("mplfonts")]
    parts += [path.read_text(encoding="utf-8") for path in DRAWING_CODE]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class ImageCache:
    """Drawn images kept in a folder under a hash of everything that went into them."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.drawn = 0

    def get(self, name: str, inputs: object, suffix: str, draw: Callable[[], bytes]) -> bytes:
        text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=str) + drawing_version()
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
        path = self.folder / f"{name}.{key}.{suffix}"
        if path.exists():
            return path.read_bytes()
        data = draw()
        self.drawn += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob(f"{name}.*.{suffix}"):
            old.unlink()
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        return data


def charts(figures: list[FigureData], style: dict, cache: ImageCache) -> dict[tuple[int, str], bytes]:
    """SVG bytes per (figure number, language)."""
    found: dict[tuple[int, str], bytes] = {}
    for figure in figures:
        data = dataclasses.asdict(figure)
        data.pop("path")
        for lang in LANGS:
            def draw(figure=figure, lang=lang) -> bytes:
                from .charts import draw_svg  # imports matplotlib
                return draw_svg(figure, lang, style)
            found[(figure.number, lang)] = cache.get(f"figure-{figure.number}.{lang}", [data, lang, style], "svg", draw)
    return found


def social_cards(title: dict, issuer: dict, style: dict, cache: ImageCache) -> dict[str, bytes]:
    """The PNG shown when a page is shared, per language."""
    cards = {}
    for lang in LANGS:
        def draw(lang=lang) -> bytes:
            from .charts import draw_social_card  # imports matplotlib
            return draw_social_card(title[lang], issuer[lang], lang, style)
        cards[lang] = cache.get(f"social-card.{lang}", [title[lang], issuer[lang], style["colors"]], "png", draw)
    return cards
