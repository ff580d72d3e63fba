"""MkDocs hook: a heading's permalink is titled in the page's language (the toc extension gives every language
the one title of mkdocs.yml); the words are in mkdocs.yml, extra.heading_link, per language."""
from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

TOC_DEFAULT_TITLE = "Permanent link"


def on_page_content(html_content: str, *, page: Page, config: MkDocsConfig, files) -> str:
    words = config.extra.get("heading_link") or {}
    lang = config.theme["language"]
    if lang not in words:
        raise PluginError(f"mkdocs.yml: extra.heading_link has no title for the language '{lang}' (add `{lang}: …`)")
    given = (config.mdx_configs.get("toc") or {}).get("permalink_title", TOC_DEFAULT_TITLE)
    return html_content.replace(f'title="{html.escape(given)}">&para;</a>', f'title="{html.escape(words[lang])}">&para;</a>')
