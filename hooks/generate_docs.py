"""MkDocs hook: write the report's pages, charts and data files into docs/ once per build, and give MkDocs the
site's name, description and navigation from the report itself.

static-i18n runs the whole build again, nested, for each further language (every event fires once per
language): the report is generated in the outermost build only; the nested ones keep its configuration.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_report.errors import InputError
from bilingual_report.markup import nav_path
from bilingual_report.pipeline import generate_docs
from bilingual_report.settings import load_settings

log = logging.getLogger("mkdocs.hooks.generate_docs")


def _i18n(config: MkDocsConfig):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/generate_docs.py needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    return i18n


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = _i18n(config)
    if i18n.building:
        return config  # a nested language build: the outermost one has generated everything
    root = Path(config.config_file_path).parent
    report = config.extra.get("report") or {}
    if "settings" not in report:
        raise PluginError("mkdocs.yml: extra.report.settings is missing (the path of data/site.yml)")
    try:
        settings = load_settings(root / report["settings"], root)
        if report.get("source"):
            settings = settings.for_source(Path(report["source"]).resolve())
        generated, written = generate_docs(settings, Path(config.docs_dir), root / ".cache")
    except InputError as err:
        raise PluginError(str(err)) from None
    if written.written or written.removed or generated.charts_drawn:
        log.info(f"report: {len(written.written)} files written, {len(written.removed)} removed, "
                 f"{generated.charts_drawn} charts drawn")
    log.info(f"report text: {generated.reading.cleaned.summary()} "
             f"(`scripts/convert.py {settings.source} --outline` lists each with its line)")
    for line in generated.findings.lines():
        log.info(f"report check: {line}")
    if generated.findings:
        log.info(f"report checks: {generated.findings.summary()}, shown above (not fatal; "
                 f"`python scripts/check.py {settings.source}` prints them again)")
    config.nav = [nav_path(slug) for slug in generated.layout.nav]
    default = next(language.locale for language in i18n.config.languages if language.default)
    config.site_name = generated.site_name(default)
    config.site_description = generated.site_description(settings.labels, default)
    for language in i18n.config.languages:
        language["site_name"] = generated.site_name(language.locale)
        language["site_description"] = generated.site_description(settings.labels, language.locale)
    return config
