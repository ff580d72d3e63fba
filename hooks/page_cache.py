"""MkDocs hook: a page's Markdown converted once and kept between builds (in .cache/pages), instead of converted
again by every build: a warm build converts only the pages whose Markdown changed.

What MkDocs' conversion gives a page (its HTML, table of contents, title from its first heading, anchors, and links
into other pages' anchors, which MkDocs checks after every page is converted) is kept under the key of all it
depends on: the page's Markdown as the other hooks and plugins left it, its address, every file's address in the
site, the Markdown settings of mkdocs.yml and the versions of MkDocs, Python-Markdown and its extensions. A page
whose conversion logged anything (a broken link, say) is not kept, so that every build says it again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sys
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingual_report.content_cache import load, store

CONVERTING_LIBRARIES = ("mkdocs", "Markdown", "pymdown-extensions", "mkdocs-material")
LOGGERS = ("mkdocs", "MARKDOWN")  # MkDocs' own (its link checks among them) and Python-Markdown's


class LogCount(logging.Handler):
    """How many messages MkDocs and Python-Markdown have logged in this process."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _log_count() -> LogCount:
    """The one counter of the process, on the loggers whose messages a build shows."""
    for handler in logging.getLogger(LOGGERS[0]).handlers:
        if isinstance(handler, LogCount) or type(handler).__name__ == LogCount.__name__:
            return handler
    counter = LogCount()
    for name in LOGGERS:
        logging.getLogger(name).addHandler(counter)
    return counter


def _folder(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "pages"


def _settings_key(config: MkDocsConfig, files: Files) -> str:
    """The key of what a page's conversion depends on besides its Markdown and address, once per build pass."""
    kept = getattr(config, "page_cache_settings", None)
    if kept and kept[0] is files:
        return kept[1]
    digest = hashlib.sha256(sys.version.encode("utf-8") + Path(__file__).read_bytes())
    for library in CONVERTING_LIBRARIES:
        digest.update(f"\0{library}={metadata.version(library)}".encode("utf-8"))
    settings = [config.markdown_extensions, config.mdx_configs, config.validation, config.use_directory_urls]
    digest.update(json.dumps(settings, sort_keys=True, default=_named).encode("utf-8"))
    for file in sorted(files, key=lambda f: f.src_uri):
        digest.update(f"\0{file.src_uri}\0{file.url}\0{file.inclusion.name}".encode("utf-8"))
    config.page_cache_settings = (files, digest.hexdigest())
    return config.page_cache_settings[1]


def _named(value: object) -> str:
    """A setting JSON cannot write (a function, a validation level) by its name, the same in every build."""
    return f"{type(value).__module__}.{getattr(value, '__qualname__', None) or value!r}"


def _page_key(markdown: str, page: Page, settings_key: str) -> str:
    text = f"{settings_key}\0{page.file.src_uri}\0{page.url}\0{markdown}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _converted(page: Page) -> tuple:
    """What MkDocs' conversion of a page's Markdown set on the page, in a tuple (a class of a hook's module cannot be
    loaded back): its HTML, table of contents, title, anchors, and links to anchors by the linked file's path."""
    links = page.links_to_anchors
    return (page.content, page.toc, page._title_from_render, page.present_anchor_ids,
            None if links is None else {file.src_uri: anchors for file, anchors in links.items()})


@event_priority(-200)  # last: the Markdown as every other hook and plugin left it, the one MkDocs converts
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    key = _page_key(markdown, page, _settings_key(config, files))
    page.page_cache = (key, markdown, load(_folder(config), key), _log_count().count)
    return "" if page.page_cache[2] is not None else markdown  # a kept page: nothing left to convert


@event_priority(200)  # first: the other hooks and plugins see the page as converted
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    key, markdown, converted, logged = page.page_cache
    del page.page_cache
    page.markdown = markdown
    if converted is None:
        if _log_count().count == logged:  # converted without a word: the same every time
            store(_folder(config), key, _converted(page))
        return html
    content, page.toc, page._title_from_render, page.present_anchor_ids, links = converted
    if links is not None:
        page.links_to_anchors = {files.get_file_from_path(path): anchors for path, anchors in links.items()}
    return content
