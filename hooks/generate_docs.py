"""MkDocs hook: write the report's pages into docs/zh and docs/en once per build, and list them in the nav."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_report.errors import InputError
from bilingual_report.pipeline import generate_docs
from bilingual_report.settings import load_settings

log = logging.getLogger("mkdocs.hooks.generate_docs")
# static-i18n runs the whole build again, nested, for each further language: generate in the outermost one only.
_depth = 0
_nav: list | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _depth, _nav
    _depth += 1
    if _depth == 1:
        root = Path(config.config_file_path).parent
        report = config.extra.get("report") or {}
        if "settings" not in report:
            raise PluginError("mkdocs.yml: extra.report.settings is missing (the path of data/site.yml)")
        try:
            settings = load_settings(root / report["settings"], root)
            document, written = generate_docs(settings, Path(config.docs_dir))
        except InputError as err:
            _depth = 0
            raise PluginError(str(err)) from None
        if written.written or written.removed:
            log.info(f"report pages: {len(written.written)} written, {len(written.removed)} removed")
        _nav = ["index.md"] + [f"{section.slug}.md" for section in document.sections]
    config.nav = list(_nav)
    return config


def on_post_build(*, config: MkDocsConfig) -> None:
    global _depth
    _depth -= 1


def on_build_error(*, error: Exception) -> None:
    global _depth
    _depth = 0
