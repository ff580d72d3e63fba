"""MkDocs hook: the files a static host needs beyond the pages: a 404 page per language and robots.txt.

static-i18n builds every language into the same site folder, so each pass writes the root 404.html and
the last one wins. This keeps each language's rendered 404 page and writes the default language's at
the root and each other language's at <locale>/404.html (a host serves it for missing pages under
/<locale>/: see the README's hosting section).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_not_found_pages: dict[str, str] = {}


def _default_locale(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/hosting_files.py needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    return next(language.locale for language in i18n.config.languages if language.default)


@event_priority(-110)  # after the hooks that correct pages and add their security policy
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _not_found_pages[config.theme["language"]] = output_content
    return output_content


@event_priority(-120)  # after static-i18n (-100) has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    default = _default_locale(config)
    for locale, page in _not_found_pages.items():
        path = site / "404.html" if locale == default else site / locale / "404.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    if config.site_url:
        (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {config.site_url}sitemap.xml\n",
                                         encoding="utf-8")
