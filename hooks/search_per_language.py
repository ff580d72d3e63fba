"""MkDocs hook: give each language its own search index, so results on a page are in that page's language.

static-i18n merges every language into one search/search_index.json. Material's search worker loads
`search/search_index.json` relative to the `base` of the page's __config and builds result links from
that base. So each further language gets `<locale>/search/search_index.json` with locations relative
to `<locale>/`, and its pages get `<locale>` appended to their base.
"""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# Material segments Chinese with jieba, which otherwise prints its dictionary loading on every build.
logging.getLogger("jieba").setLevel(logging.WARNING)

CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">.*?"base": ")([^"]*)(")', re.DOTALL)


def _further_locales(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/search_per_language.py needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    return [language.locale for language in i18n.config.languages if not language.default]


def _with_base(output: str, locale: str) -> str:
    return CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2).rstrip('/')}/{locale}/{m.group(3)}", output, count=1)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    locale = page.url.split("/", 1)[0]
    return _with_base(output, locale) if locale in _further_locales(config) else output


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page of a further language (moved to <locale>/404.html by hooks/hosting_files.py)."""
    locale = config.theme["language"]
    if template_name == "404.html" and locale in _further_locales(config):
        return _with_base(output_content, locale)
    return output_content


@event_priority(-110)  # after static-i18n (-100) has built every language and merged their indexes
def on_post_build(*, config: MkDocsConfig) -> None:
    root_index = Path(config.site_dir) / "search" / "search_index.json"
    if not root_index.exists():
        return
    index = json.loads(root_index.read_text(encoding="utf-8"))
    locales = _further_locales(config)
    prefixes = tuple(f"{locale}/" for locale in locales)
    if not any(doc["location"].startswith(prefixes) for doc in index["docs"]):
        return  # a nested language pass, before static-i18n has merged the languages
    for locale in locales:
        docs = [dict(doc, location=doc["location"][len(locale) + 1:])
                for doc in index["docs"] if doc["location"].startswith(f"{locale}/")]
        _write_index(Path(config.site_dir) / locale / "search" / "search_index.json",
                     dict(index, config=dict(index["config"], lang=[locale]), docs=docs))
    default_docs = [doc for doc in index["docs"] if not doc["location"].startswith(prefixes)]
    default_lang = [lang for lang in index["config"]["lang"] if lang not in locales] or index["config"]["lang"]
    _write_index(root_index, dict(index, config=dict(index["config"], lang=default_lang), docs=default_docs))


def _write_index(path: Path, index: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
