"""MkDocs hook: write the report's pages, charts and data files into docs/ once per build, and set the nav."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from bilingual_report.errors import InputError
from bilingual_report.markdown import FIGURES_PAGE, FULL_TEXT_PAGE, KEY_FIGURES_PAGE
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
            _depth = 0
            raise PluginError("mkdocs.yml: extra.report.settings is missing (the path of data/site.yml)")
        try:
            settings = load_settings(root / report["settings"], root)
            generated, written = generate_docs(settings, Path(config.docs_dir), root / ".cache" / "charts")
        except InputError as err:
            _depth = 0
            raise PluginError(str(err)) from None
        if written.written or written.removed or generated.charts_drawn:
            log.info(f"report: {len(written.written)} files written, {len(written.removed)} removed, "
                     f"{generated.charts_drawn} charts drawn")
        findings = [str(f) for figure in generated.figures for f in figure.findings] + \
                   [f"translation: {f}" for f in generated.translation]
        if findings and settings.strict_checks:
            _depth = 0
            raise PluginError("checks failed (strict_checks is on in data/site.yml):\n" + "\n".join(findings))
        for finding in findings:
            log.info(f"report check: {finding}")
        if findings:
            log.info(f"report checks: {len(findings)} findings, shown above (not fatal; "
                     f"`python scripts/check.py {settings.source.name}` prints the report)")
        _nav = ["index.md"] + ([f"{KEY_FIGURES_PAGE}.md"] if generated.key_figures else []) \
            + [f"{section.slug}.md" for section in generated.document.sections]
        if generated.figures:
            _nav.append(f"{FIGURES_PAGE}.md")
        _nav.append(f"{FULL_TEXT_PAGE}.md")
    config.nav = list(_nav)
    return config


@event_priority(-200)  # after static-i18n (-100), whose on_post_build runs the nested builds
def on_post_build(*, config: MkDocsConfig) -> None:
    global _depth
    _depth -= 1


def on_build_error(*, error: Exception) -> None:
    global _depth
    _depth = 0
