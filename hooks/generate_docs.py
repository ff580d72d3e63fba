"""MkDocs hook: write the report's pages, charts and data files into docs/ once per build, print what the build
found in the input, and give MkDocs the site's name, description and navigation from the report itself.

static-i18n runs the whole build again, nested, for each further language (every event fires once per
language): the report is generated in the outermost build only; the nested ones keep its configuration.

A problem in the input stops `mkdocs build` with every problem listed. Under `mkdocs serve` it does not stop the
server: the last good site (or, before there is one, a page listing the problems) is served with the problems in a
banner on every page, and the next change of the text or data rebuilds it.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_report.build_report import error_lines, finding_lines, problem_line
from bilingual_report.config.settings import load_settings
from bilingual_report.docs_folder import generate_docs, problem_pages
from bilingual_report.errors import InputError
from bilingual_report.pipeline import Generated
from bilingual_report.series import Series
from bilingual_report.site.markup import nav_path

log = logging.getLogger("mkdocs.hooks.generate_docs")


def _serve_log() -> logging.Logger:
    """Under `mkdocs serve`, the input's problems are printed as errors without counting as MkDocs' own (which, with
    `strict: true`, would abort the rebuild and leave the server answering nothing)."""
    serve_log = logging.getLogger("bilingual_report.serve")
    if not serve_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("ERROR   -  %(message)s"))
        serve_log.addHandler(handler)
        serve_log.propagate = False
    return serve_log


@dataclass
class Serving:
    """What one `mkdocs serve` process keeps across its rebuilds (a hook module is imported once per process)."""

    active: bool = False
    last_good: Generated | None = None
    names: dict = field(default_factory=dict)  # locale → (site name, description) of the last good build


SERVING = Serving()


def _i18n(config: MkDocsConfig):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/generate_docs.py needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    return i18n


def on_startup(*, command: str, dirty: bool) -> None:
    SERVING.active = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = _i18n(config)
    if i18n.building:
        return config  # a nested language build: the outermost one has generated everything
    root = Path(config.config_file_path).parent
    report = config.extra.get("report") or {}
    if "settings" not in report:
        raise PluginError("mkdocs.yml: extra.report.settings is missing (the path of data/site.yml)")
    docs = Path(config.docs_dir)
    try:
        settings = load_settings(root / report["settings"], root)
        if report.get("source"):
            settings = settings.for_sources(tuple(Path(p).resolve() for p in report["source"].split(os.pathsep)))
        if report.get("editions"):
            settings = settings.for_editions(_editions(report["editions"]))
        if report.get("strict"):
            settings = replace(settings, strict_checks=True)
        generated, written = generate_docs(settings, docs, root / ".cache", _homes(config, i18n))
    except InputError as err:
        if not SERVING.active:
            for line in error_lines(err.problems):
                log.error(line)
            raise PluginError("the report's input has problems, listed above") from None
        for line in error_lines(err.problems):
            _serve_log().error(line)
        return _serve_last_good(config, i18n, err.problems)
    if written.written or written.removed or generated.charts_drawn:
        log.info(f"report: {len(written.written)} files written, {len(written.removed)} removed, "
                 f"{generated.charts_drawn} charts drawn")
    for name, one in _reports(generated):
        for line in finding_lines(one.findings, one.reading, _sources(settings, name)):
            log.info(f"{name}: {line}" if name else line)
    config.extra["report_moved"] = generated.moved if isinstance(generated, Series) else []
    SERVING.last_good = generated
    _configure(config, i18n, generated, settings.labels)
    return config


def _editions(value: str) -> list[tuple[str, tuple[Path, ...]]]:
    """The editions scripts/build.py names (REPORT_EDITIONS): a JSON list of [id, [file, …]], the current first."""
    try:
        return [(str(edition_id), tuple(Path(p) for p in files)) for edition_id, files in json.loads(value)]
    except (ValueError, TypeError) as err:
        raise PluginError(f"mkdocs.yml: extra.report.editions is not a list of [id, [file, …]] ({err})") from None


def _reports(generated: Generated | Series) -> list[tuple[str | None, Generated]]:
    """Each report generated, with its edition's id (None for a single report)."""
    if isinstance(generated, Series):
        return [(edition.id, one) for edition, one in generated.editions]
    return [(None, generated)]


def _sources(settings, edition_id: str | None) -> tuple[Path, ...]:
    if edition_id is None:
        return settings.sources
    return next(e.settings.sources for e in settings.editions if e.id == edition_id)


def _homes(config: MkDocsConfig, i18n) -> dict[str, str] | None:
    """Each language's home address, where the site's is known."""
    if not config.site_url:
        return None
    root = config.site_url.rstrip("/") + "/"
    return {language.locale: root + ("" if language.default else language.locale + "/")
            for language in i18n.config.languages}


def _nav(entries: list) -> list:
    """MkDocs' nav from the pipeline's: a page's slug, or a section's (title, [slug, …])."""
    return [nav_path(entry) if isinstance(entry, str) else {entry[0]: _nav(entry[1])} for entry in entries]


def _configure(config: MkDocsConfig, i18n, generated: Generated | Series, labels: dict) -> None:
    config.nav = _nav(generated.nav)
    if isinstance(generated, Series):
        generated = generated.current  # the site is named, and cited, as its current edition
    # the report as Zotero and Google Scholar read it from every page's citation_* metadata (overrides/main.html)
    config.extra["citation"] = {language.locale: vars(generated.work(language.locale))
                                for language in i18n.config.languages}
    default = next(language.locale for language in i18n.config.languages if language.default)
    config.site_name = generated.site_name(default)
    config.site_description = generated.site_description(labels, default)
    for language in i18n.config.languages:
        language["site_name"] = generated.site_name(language.locale)
        language["site_description"] = generated.site_description(labels, language.locale)
        SERVING.names[language.locale] = (language["site_name"], language["site_description"])


def _serve_last_good(config: MkDocsConfig, i18n, problems) -> MkDocsConfig:
    """Under `mkdocs serve`: the pages of the last good build stay, the problems go into a banner on every page."""
    config.extra["build_problems"] = [problem_line(p, "error") for p in problems]
    if SERVING.last_good is None:
        pages = problem_pages(Path(config.docs_dir), problems, config.extra["build_problems_words"])
        config.nav = [nav_path(slug) for slug in pages] or None  # or the pages an earlier process generated
        _serve_log().error("the site shows the problems until they are fixed; it rebuilds when the text or data change")
        return config
    config.nav = _nav(SERVING.last_good.nav)
    for language in i18n.config.languages:
        language["site_name"], language["site_description"] = SERVING.names[language.locale]
    config.site_name, config.site_description = SERVING.names[next(
        language.locale for language in i18n.config.languages if language.default)]
    _serve_log().error("the last good site is served, with the problems in a banner; it rebuilds when the text or data "
                       "change")
    return config

