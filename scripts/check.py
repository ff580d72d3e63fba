#!/usr/bin/env python3
"""Check the report's translation and figure data: numbers that differ between the languages, unusual
length ratios, printed totals and shares that do not add up. Exits 1 on findings only with --strict."""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from bilingual_report.errors import InputError
from bilingual_report.figures import load_figures
from bilingual_report.reader import read_document
from bilingual_report.settings import load_settings
from bilingual_report.translation_check import check_translation

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path, help="the report's text file (UTF-8)")
    parser.add_argument("--settings", type=Path, default=ROOT / "data" / "site.yml",
                        help="where the figure data is (default: data/site.yml)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when anything is found")
    args = parser.parse_args(argv)
    try:
        settings = replace(load_settings(args.settings, ROOT), source=args.source)
        document = read_document(args.source)
        translation = check_translation(document)
        data = [finding for figure in load_figures(settings.figures, document) for finding in figure.findings]
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    paragraphs = len(document.paragraphs())
    print(f"{args.source}: {paragraphs} paragraph pairs, {len(document.sections)} sections checked")
    print(f"\ntranslation: {len(translation) or 'nothing'} found")
    for finding in translation:
        print(f"  {finding}")
    print(f"\nfigure data: {len(data) or 'nothing'} found")
    for finding in data:
        print(f"  {finding}")
    return 1 if args.strict and (translation or data) else 0


if __name__ == "__main__":
    sys.exit(main())
