"""Load and check the site settings (data/site.yml) and the chart style (data/chart-style.yml)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from bilingual_report.config.bounds import style_problems
from bilingual_report.config.templates import segments_problem, template_problem
from bilingual_report.config.yaml_lines import load_yaml_with_lines
from bilingual_report.errors import InputError, Problem
from bilingual_report.model import LANGS

REQUIRED_LABELS = ("home", "contents", "issuer", "permalink", "figure_link", "table_note", "downloads",
                   "download_tmx", "download_csv", "cite_report", "official", "full_text", "parallel_view", "colon",
                   "single_view", "actions", "copy_link", "copy_citation", "show_other", "hide_other", "copied",
                   "copy_failed", "other_failed", "editions", "edition_current", "changes_added", "changes_removed",
                   "changes_reworded", "changes_numbers", "changes_renumbered", "changes_none",
                   "trends", "trends_intro", "trends_edition", "trends_value")
EDITION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
# Labels that are templates, with the {fields} each may use; the ones marked True must appear.
TEMPLATES = {
    "parallel_title": {"heading": True},
    "published_in": {"year": True},
    "edition": {"edition": True},
    "changes": {"edition": True},
}
# Labels that are lists of segments: a segment whose field has no value (no issuer) is left out.
SEGMENTS = {
    "citation": {"issuer": False, "title": False, "year": False, "reference": True, "url": True, "accessed": True},
    "site_description": {"issuer": False, "title": True},
}
# The chart style's sentences for what the figure checks find, with the {fields} each must use.
FINDING_WORDS = {"total_mismatch": {"total": True, "sum": True},
                 "misprint": {"label": True, "printed": True, "candidate": True},
                 "share_mismatch": {"share": True, "part": True, "whole": True, "computed": True}}
REQUIRED_STYLE = ("width_inches", "panel_title_inches", "bar_inches", "font_size", "label_wrap", "title_wrap", "phone",
                  "colors",
                  "derived_hatch", "units", "words")
REQUIRED_WORDS = ("about", "more_than", "derived", "stated", "lower_bound", "note", "data", "download",
                  "download_all", "figures_page", "figures_intro", "go_to_figure", "csv_header", "column_label",
                  "column_value", "column_source", "panel", "not_in_text", "no_chart", "redrawn", "chart", "alt_panel",
                  "alt_separator", "zoom_in", "zoom_out", "close",
                  *FINDING_WORDS)


def finding_words_problems(words: dict) -> list[str]:
    """What is wrong with the chart style's finding sentences, if anything."""
    return [f"words.{lang}.{key} {wrong}" for lang in LANGS for key, fields in FINDING_WORDS.items()
            if (wrong := template_problem(words[lang].get(key, ""), fields) if isinstance(words[lang].get(key), str)
                else "is missing")]


@dataclass(frozen=True)
class Settings:
    sources: tuple[Path, ...]    # the report's file, or its two files (one per language)
    profile: Path                # the numbering schemes and reference words (data/profile.yml)
    labels: dict[str, dict]
    figures: Path | None         # the figure data folder (None for a report without figure data)
    chart_style: dict
    published: int | None        # the year the report was published, for citations (None: unknown)
    key_figures: Path | None = None  # the headline numbers' data file, when the report has a key figures page
    strict_checks: bool = False  # translation and data findings stop the build
    official: str | None = None  # the address of the report as its issuer publishes it (its PDF)
    editions: tuple["Edition", ...] = ()  # the editions of a report series, the current one first (none: one report)

    def for_sources(self, sources: tuple[Path, ...]) -> "Settings":
        """The settings for a report: this one's as they are, another one's without the data and the year of
        publication that belong to this one."""
        if [p.resolve() for p in sources] == [p.resolve() for p in self.sources]:
            return self
        return replace(self, sources=tuple(sources), figures=None, key_figures=None, published=None, official=None)

    @property
    def source_names(self) -> str:
        """The report's files as a command line gives them."""
        return " ".join(str(path) for path in self.sources)

    def for_editions(self, editions: list[tuple[str, tuple[Path, ...]]]) -> "Settings":
        """The settings for a series given as (id, files) pairs, the current edition first: an edition whose files
        data/site.yml names keeps its data and year there, another has none."""
        known = {tuple(p.resolve() for p in e.settings.sources): e.settings for e in self.editions}
        known.setdefault(tuple(p.resolve() for p in self.sources), self)
        chosen = []
        for edition_id, sources in editions:
            own = known.get(tuple(p.resolve() for p in sources))
            settings = replace(own, editions=()) if own else replace(self.for_sources(sources), editions=())
            chosen.append(Edition(edition_id, settings))
        return replace(chosen[0].settings, editions=tuple(chosen))


@dataclass(frozen=True)
class Edition:
    """One edition of a report series: its id (its address under the site's root) and its own settings."""

    id: str
    settings: Settings


def edition_problem(edition_id) -> str | None:
    """What is wrong with an edition's id: it becomes a folder of the site's addresses."""
    if isinstance(edition_id, (str, int)) and not isinstance(edition_id, bool) and EDITION_ID.match(str(edition_id)):
        return None
    return (f"the edition id {edition_id!r} must be letters, digits, '.', '-' or '_' (at most 40, starting with a "
            "letter or digit), as it becomes the edition's address: for example 2020")


def sources_problem(value) -> str | None:
    """What is wrong with `source:`: it names one file, or a list of two (one per language)."""
    if isinstance(value, str) and value:
        return None
    if isinstance(value, list) and len(value) in (1, 2) and all(isinstance(v, str) and v for v in value):
        return None
    return "'source' must be a path, or a list of two paths (the Chinese file and the English file)"


def _problem(path: Path, where: dict, key_path: tuple, message: str, hint: str = "") -> Problem:
    line, column = where.get(key_path, where.get(key_path[:1], (None, None)))
    return Problem(str(path), line, message, hint, column)


def load_chart_style(path: Path) -> dict:
    data, where = load_yaml_with_lines(path)
    if not isinstance(data, dict):
        raise InputError.single(str(path), 1, "the chart style must be a mapping", "see data/chart-style.yml")
    problems = [_problem(path, where, (key,), f"'{key}' is missing", "see the README's section on the chart style")
                for key in REQUIRED_STYLE if key not in data]
    for lang in LANGS:
        words = (data.get("words") or {}).get(lang) or {}
        problems += [_problem(path, where, ("words", lang), f"words.{lang}.{key} is missing", f"add `{key}: …`")
                     for key in REQUIRED_WORDS if key not in words]
    if not problems:
        problems += [_problem(path, where, ("words",), wrong) for wrong in finding_words_problems(data["words"])]
        problems += [_problem(path, where, key_path, wrong, "see data/chart-style.yml")
                     for key_path, wrong in style_problems(data)]
    if problems:
        raise InputError(problems)
    return data


def load_settings(path: Path, root: Path) -> Settings:
    data, where = load_yaml_with_lines(path)
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise InputError.single(str(path), 1, "expected a mapping with source, figures, chart_style and languages",
                                "see the README's section on data/site.yml")
    if "editions" in data and "source" not in data and isinstance(data["editions"], list) and data["editions"] \
            and isinstance(data["editions"][0], dict):
        data = {**data, "source": data["editions"][0].get("source")}  # a series: the current edition's source
    if wrong := sources_problem(data.get("source")):
        problems.append(_problem(path, where, ("source",), wrong, "for example: source: data/report.txt, or "
                                 "source: [data/report-zh.pdf, data/report-en.pdf]"))
    for key, example in (("profile", "data/profile.yml"), ("figures", "data/figures"),
                         ("chart_style", "data/chart-style.yml")):
        if not isinstance(data.get(key), str) or not data[key]:
            problems.append(_problem(path, where, (key,), f"'{key}' must be a path", f"for example: {key}: {example}"))
    languages = data.get("languages")
    if not isinstance(languages, dict):
        languages = {}
        problems.append(_problem(path, where, ("languages",), "'languages' must map zh and en to their labels"))
    for lang in LANGS:
        labels = languages.get(lang)
        if not isinstance(labels, dict):
            problems.append(_problem(path, where, ("languages",), f"languages.{lang} is missing", f"add the {lang} labels"))
            continue
        for key in REQUIRED_LABELS + tuple(TEMPLATES):
            if not isinstance(labels.get(key), str) or not labels[key].strip():
                problems.append(_problem(path, where, ("languages", lang), f"languages.{lang}.{key} is missing or not text",
                                         f"add `{key}: …` under languages.{lang}"))
            elif key in TEMPLATES and (wrong := template_problem(labels[key], TEMPLATES[key])):
                problems.append(_problem(path, where, ("languages", lang, key), f"languages.{lang}.{key} {wrong}",
                                         "see the README's section on data/site.yml"))
        for key, fields in SEGMENTS.items():
            if wrong := segments_problem(labels.get(key), fields):
                problems.append(_problem(path, where, ("languages", lang, key), f"languages.{lang}.{key} {wrong}",
                                         "see the README's section on data/site.yml"))
    key_figures = data.get("key_figures")
    if key_figures is not None and (not isinstance(key_figures, str) or not key_figures):
        problems.append(_problem(path, where, ("key_figures",), "'key_figures' must be a path",
                                 "for example: key_figures: data/key-figures.yml (or leave it out)"))
    published = data.get("published")
    if not isinstance(published, int) or isinstance(published, bool) or not 1900 <= published <= 2999:
        problems.append(_problem(path, where, ("published",), "'published' must be the year the report was published",
                                 "for example: published: 2020"))
    official = data.get("official")
    if official is not None and (not isinstance(official, str) or not re.match(r"https?://[^\s\"<>]+$", official)):
        problems.append(_problem(path, where, ("official",), "'official' must be the web address (http:// or https://) "
                                 "of the report as its issuer publishes it", "or leave it out"))
    strict = data.get("strict_checks", False)
    if not isinstance(strict, bool):
        problems.append(_problem(path, where, ("strict_checks",), "strict_checks must be true or false"))
    if problems:
        raise InputError(problems)
    sources = [data["source"]] if isinstance(data["source"], str) else data["source"]
    settings = Settings(tuple(root / source for source in sources), root / data["profile"],
                        {lang: dict(languages[lang]) for lang in LANGS}, root / data["figures"],
                        load_chart_style(root / data["chart_style"]), published,
                        root / key_figures if key_figures else None, strict, official)
    if "editions" not in data:
        return settings
    editions = load_editions(path, where, data["editions"], root, settings)
    return replace(editions[0].settings, editions=editions)


def load_editions(path: Path, where: dict, raw, root: Path, base: Settings) -> tuple[Edition, ...]:
    """`editions:`: each edition's id, source (one file, or one per language), figure data, key figures, year of
    publication and issuer's address; the current edition first. Its labels, profile and chart style are the site's."""
    if not isinstance(raw, list) or not raw or not all(isinstance(item, dict) for item in raw):
        raise InputError([_problem(path, where, ("editions",), "'editions' must be a list of editions, the current "
                                   "one first", "for example: editions: [{id: 2020, source: data/report-2020.txt, "
                                   "published: 2021}, {id: 2019, source: data/report-2019.txt, published: 2020}]")])
    problems, editions, seen = [], [], set()
    for index, item in enumerate(raw):
        at = ("editions", index)
        if wrong := edition_problem(item.get("id")):
            problems.append(_problem(path, where, at + ("id",), wrong))
        elif str(item["id"]) in seen:
            problems.append(_problem(path, where, at + ("id",), f"the edition id {item['id']} is given twice"))
        seen.add(str(item.get("id")))
        if wrong := sources_problem(item.get("source")):
            problems.append(_problem(path, where, at + ("source",), wrong))
        for key in ("figures", "key_figures"):
            if key in item and (not isinstance(item[key], str) or not item[key]):
                problems.append(_problem(path, where, at + (key,), f"'{key}' must be a path", "or leave it out"))
        year = item.get("published")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2999):
            problems.append(_problem(path, where, at + ("published",), "'published' must be the year the edition "
                                     "was published", "for example: published: 2021"))
        if problems:
            continue
        sources = [item["source"]] if isinstance(item["source"], str) else item["source"]
        editions.append(Edition(str(item["id"]), replace(
            base, sources=tuple(root / s for s in sources), published=year, official=item.get("official"),
            figures=root / item["figures"] if item.get("figures") else None,
            key_figures=root / item["key_figures"] if item.get("key_figures") else None)))
    if problems:
        raise InputError(problems)
    return tuple(editions)
