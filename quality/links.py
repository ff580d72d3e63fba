"""Every internal link and anchor of a built site resolves: pages, files, #fragments, language switch targets."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for attribute in ("href", "src"):
            if values.get(attribute) and not (tag == "link" and values.get("rel") in ("canonical", "alternate")
                                               and values.get(attribute, "").startswith("http")):
                self.links.append(values[attribute])


@dataclass(frozen=True)
class BrokenLink:
    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link} ({self.reason})"


def _target(site: Path, page: Path, link: str, site_path: str) -> tuple[Path | None, str]:
    parts = urlsplit(link)
    if parts.scheme in ("mailto", "tel", "data", "javascript") or (parts.scheme and parts.netloc):
        return None, ""
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(site_path):
            return site / "__outside_the_site__", parts.fragment
        relative = path[len(site_path):]
    elif path:
        relative = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), path))
    else:
        relative = page.relative_to(site).as_posix()
    target = site / relative
    if target.is_dir() or relative.endswith("/") or relative in (".", ""):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def check_links(site: Path, site_path: str = "/", absolute_prefix: str = "") -> list[BrokenLink]:
    """Broken internal links and anchors; absolute links under absolute_prefix (the site's URL) count as internal."""
    parsed: dict[Path, _PageParser] = {}

    def parse(path: Path) -> _PageParser:
        if path not in parsed:
            parser = _PageParser()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    broken = []
    for page in sorted(site.rglob("*.html")):
        for link in parse(page).links:
            if absolute_prefix and link.startswith(absolute_prefix):
                link = site_path + link[len(absolute_prefix):]
            target, fragment = _target(site, page, link, site_path)
            if target is None:
                continue
            name = page.relative_to(site).as_posix()
            if not target.exists():
                broken.append(BrokenLink(name, link, "no such file"))
            elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken.append(BrokenLink(name, link, f"no element with id {fragment!r}"))
    return broken
