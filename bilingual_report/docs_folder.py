"""What a build writes into the docs folder: the files of the report, or of the series, or, before any build has
succeeded, the pages that list the input's problems."""
from __future__ import annotations

import json
from pathlib import Path

from bilingual_report.build_report import shown
from bilingual_report.config.settings import Settings
from bilingual_report.errors import Problem
from bilingual_report.model import LANGS
from bilingual_report.pipeline import Generated, generate
from bilingual_report.series import Series, generate_series
from bilingual_report.site import layout as paths
from bilingual_report.site import markup
from bilingual_report.site.markup import docs_file
from bilingual_report.site.output import WriteReport, has_generated, write_pages


def generate_docs(settings: Settings, docs_dir: Path, cache_dir: Path,
                  homes: dict[str, str] | None = None) -> tuple[Generated | Series, WriteReport]:
    make = generate_series if settings.editions else generate
    generated = make(settings, cache_dir, homes)
    return generated, write_pages(docs_dir, generated.files, LANGS)


def problem_pages(docs_dir: Path, problems: list[Problem], words: dict) -> list[str]:
    """Before any build has succeeded (nothing generated in docs_dir yet), a home page per language that lists the
    problems, and empty search indexes: something to serve while the input is fixed. The slugs of the pages."""
    if has_generated(docs_dir):
        return []
    lines = [f"- `{shown(p.path)}{'' if p.line is None else f':{p.line}'}`: {markup.inline_text(p.message)}"
             + (f" ({markup.inline_text(p.hint)})" if p.hint else "") for p in problems]
    files: dict[str, str | bytes] = {}
    for lang in LANGS:
        files[markup.docs_path(lang, paths.HOME)] = "\n".join(
            markup.front_matter(words[lang]["title"], words[lang]["title"]) + markup.heading(1, words[lang]["title"], "problems")
            + [markup.inline_text(words[lang]["text"]), "", *lines, ""])
        files[docs_file(lang, paths.SEARCH_INDEX)] = json.dumps({"config": {"lang": [lang]}, "docs": []}).encode()
    write_pages(docs_dir, files, LANGS)
    return [paths.HOME]
