#!/usr/bin/env python3
"""Check a report: the structure's warnings (numbering gaps, skipped levels), numbers that differ between the
languages, unusual length ratios, printed totals and shares that do not add up. Exits 1 on findings only
with --strict (as the build does with strict_checks: true in data/site.yml)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bilingual_report.build_report import error_lines
from bilingual_report.checks.findings import collect
from bilingual_report.config.settings import load_settings
from bilingual_report.datafiles.figures import load_figures
from bilingual_report.errors import InputError
from bilingual_report.pipeline import read

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path, nargs="+", metavar="SOURCE",
                        help="the report's file (text, PDF or Word), or its two files, one per language")
    parser.add_argument("--settings", type=Path, default=ROOT / "data" / "site.yml",
                        help="where the profile and figure data are (default: data/site.yml)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when anything is found")
    args = parser.parse_args(argv)
    try:
        if len(args.source) > 2:
            parser.error("give the report's file, or its two files (one per language)")
        settings = load_settings(args.settings, ROOT).for_sources(tuple(args.source))
        reading = read(settings, ROOT / ".cache")
        figures = load_figures(settings.figures, reading.document, settings.chart_style["words"]) \
            if settings.figures else []
    except InputError as err:
        print("\n".join(error_lines(err.problems)), file=sys.stderr)
        return 1
    findings = collect(reading, figures)
    document = reading.document
    print(f"{settings.source_names}: {len(document.paragraphs())} paragraph pairs, {len(document.headings())} "
          f"headings checked; layout: {reading.layout_described}")
    print(f"cleaned: {reading.cleaned.summary()}")
    for name, problems in findings.groups():
        print(f"\n{name}: {len(problems) or 'nothing'} found")
        for problem in problems:
            print(f"  {problem}")
    return 1 if args.strict and findings else 0


if __name__ == "__main__":
    sys.exit(main())
