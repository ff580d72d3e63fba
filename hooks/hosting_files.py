"""MkDocs hook: the files a static host needs beyond the pages: a 404 page per language, robots.txt, and a
sitemap of the pages search engines should index.

static-i18n builds every language into the same site folder, so each pass writes the root 404.html and
the last one wins. This keeps each language's rendered 404 page and writes the default language's at
the root and each other language's at <locale>/404.html (a host serves it for missing pages under
/<locale>/: see the README's hosting section).

The sitemap leaves out the pages that only present another one differently (those whose front matter names
a canonical page: the side-by-side views), and the build date, so that the same input gives the same bytes.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.DOTALL)
LASTMOD = re.compile(r"\s*<lastmod>[^<]*</lastmod>")


@dataclass
class Collected:
    """What one build (all its language passes, which share the config) has seen for the files written at its end."""

    not_found_pages: dict[str, str] = field(default_factory=dict)  # locale → rendered 404 page
    presentations: set[str] = field(default_factory=set)  # addresses of pages whose canonical page is another one


def collected(config: MkDocsConfig) -> Collected:
    """This build's record, kept on its config (a new one for every build, shared by static-i18n's passes)."""
    if not hasattr(config, "hosting_files"):
        config.hosting_files = Collected()
    return config.hosting_files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if page.meta.get("canonical") and page.canonical_url:
        collected(config).presentations.add(page.canonical_url)
    return markdown


def _default_locale(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/hosting_files.py needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    return next(language.locale for language in i18n.config.languages if language.default)


@event_priority(-110)  # after the hooks that correct pages and add their security policy
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        collected(config).not_found_pages[config.theme["language"]] = output_content
    return output_content


@event_priority(-120)  # after static-i18n (-100) has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    default = _default_locale(config)
    seen = collected(config)
    for locale, page in seen.not_found_pages.items():
        path = site / "404.html" if locale == default else site / locale / "404.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    if config.site_url:
        (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {config.site_url}sitemap.xml\n",
                                         encoding="utf-8")
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        text = SITEMAP_URL.sub(lambda url: "" if url.group(1) in seen.presentations else url.group(0),
                               sitemap.read_text(encoding="utf-8"))
        text = LASTMOD.sub("", text).encode("utf-8")
        sitemap.write_bytes(text)
        (site / "sitemap.xml.gz").write_bytes(gzip.compress(text, mtime=0))
