"""MkDocs hook: two corrections to the theme's markup, so that every page validates and passes axe.

- Material's hidden checkboxes carry autocomplete="off", which HTML does not allow on checkboxes.
- Material's search dialog (role="dialog") has no accessible name: it gets its search field's label.
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

CHECKBOX = re.compile(r'<input [^>]*type="checkbox"[^>]*>')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = re.compile(r'class="md-search__input" name="query" aria-label="([^"]*)"')


def corrected(html: str) -> str:
    html = CHECKBOX.sub(lambda m: m.group(0).replace(' autocomplete="off"', ""), html)
    label = SEARCH_LABEL.search(html)
    if label:
        html = html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return corrected(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return corrected(output_content) if template_name.endswith(".html") else output_content
