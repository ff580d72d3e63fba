"""MkDocs hook: the search box of each language searches the report's own index of that language.

Material's search plugin stays for its search box and its result list. Its own index, which static-i18n would
merge for all languages, is never used, so no page is indexed for it (each is marked excluded before the plugin
reads it: a tenth of a series' build went on parsing every page for it). Once every language is built, this puts
in its place the index the report's generator wrote for each language (bilingual_report/site/search_index.py), at
<language root>/search/search_index.json (a series' index with its language's folder named in it). Each page's
__config names the report's search worker instead of Material's, and a further language's pages get their own
root as `base`: Material's search loads the index, and builds result links, from that base.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from bilingual_report.site.layout import SEARCH_INDEX
from bilingual_report.site.markup import docs_file

CONFIG = re.compile(r'<script id="__config" type="application/json">.*?</script>', re.DOTALL)
BASE = re.compile(r'("base": ")([^"]*)(")')
MATERIAL_WORKER = re.compile(r'assets/javascripts/workers/search\.[0-9a-f]+\.min\.js')
REPORT_WORKER = "assets/javascripts/search-worker.js"


def _i18n(config: MkDocsConfig):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/search_index.py needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    return i18n


def _further_locales(config: MkDocsConfig) -> list[str]:
    return [language.locale for language in _i18n(config).config.languages if not language.default]


def _configured(output: str, locale: str, config: MkDocsConfig) -> str:
    def rewrite(match: re.Match) -> str:
        block = MATERIAL_WORKER.sub(REPORT_WORKER, match.group(0))
        if locale in _further_locales(config):
            block = BASE.sub(lambda m: f"{m.group(1)}{m.group(2).rstrip('/')}/{locale}/{m.group(3)}", block, count=1)
        return block

    return CONFIG.sub(rewrite, output, count=1)


@event_priority(50)  # before Material's search plugin (0) parses the page for its own index
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _configured(output, page.url.split("/", 1)[0], config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page of each language (moved to <locale>/404.html by hooks/hosting_files.py)."""
    if template_name == "404.html":
        return _configured(output_content, config.theme["language"], config)
    return output_content


@event_priority(-110)  # after static-i18n (-100) has built every language and merged Material's indexes
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = _i18n(config)
    if i18n.building:
        return  # a nested language pass: the outermost one writes the indexes once every language is built
    for language in i18n.config.languages:
        written = Path(config.docs_dir) / docs_file(language.locale, SEARCH_INDEX)
        if not written.is_file():
            raise PluginError(f"{written}: the report's search index is missing (hooks/generate_docs.py writes it)")
        folder = "" if language.default else f"{language.locale}/"
        root = Path(config.site_dir) / folder
        (root / SEARCH_INDEX).parent.mkdir(parents=True, exist_ok=True)
        (root / SEARCH_INDEX).write_bytes(_rooted(written.read_bytes(), folder))


def _rooted(index: bytes, folder: str) -> bytes:
    """A series' index names its language's folder in the site (config.root), where the search fetches the other
    editions' entries (search/editions/<id>.json beside the index, which MkDocs copies from docs/)."""
    data = json.loads(index)
    if not data["config"].get("editions"):
        return index
    data["config"]["root"] = folder
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
