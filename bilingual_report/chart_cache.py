"""Charts drawn only when their data, style or drawing code changed; matplotlib is imported only to draw."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from importlib import metadata
from pathlib import Path

from .figures import FigureData
from .model import LANGS

DRAWING_CODE = [Path(__file__).with_name(name) for name in ("charts.py", "formatting.py")]


@functools.cache
def drawing_version() -> str:
    """What else a chart depends on: the drawing code, matplotlib and the font package."""
    parts = [metadata.version("matplotlib"), metadata.version("mplfonts")]
    parts += [path.read_text(encoding="utf-8") for path in DRAWING_CODE]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def chart_key(figure: FigureData, lang: str, style: dict) -> str:
    data = dataclasses.asdict(figure)
    data.pop("path")
    parts = [json.dumps(data, sort_keys=True, ensure_ascii=False), lang,
             json.dumps(style, sort_keys=True, ensure_ascii=False), drawing_version()]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:24]


def charts(figures: list[FigureData], style: dict, cache_dir: Path) -> tuple[dict[tuple[int, str], bytes], int]:
    """SVG bytes per (figure number, language), and how many had to be drawn."""
    found: dict[tuple[int, str], bytes] = {}
    missing: list[tuple[FigureData, str, Path]] = []
    for figure in figures:
        for lang in LANGS:
            path = cache_dir / f"figure-{figure.number}.{lang}.{chart_key(figure, lang, style)}.svg"
            if path.exists():
                found[(figure.number, lang)] = path.read_bytes()
            else:
                missing.append((figure, lang, path))
    if missing:
        from .charts import draw_svg  # imports matplotlib

        cache_dir.mkdir(parents=True, exist_ok=True)
        for figure, lang, path in missing:
            svg = draw_svg(figure, lang, style)
            for old in cache_dir.glob(f"figure-{figure.number}.{lang}.*.svg"):
                old.unlink()
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(svg)
            temporary.replace(path)
            found[(figure.number, lang)] = svg
    return found, len(missing)
