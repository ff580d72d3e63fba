#!/usr/bin/env python3
"""Read a report's text: print its outline as detected (--outline) or the text as cleaned of page furniture
(--cleaned), write the document tree as JSON (--json), and/or the pages, charts and data files of both
languages (--docs); or print how two editions' nodes match (--compare OLD NEW). Needs no MkDocs."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bilingual_report.build_report import error_lines, finding_lines
from bilingual_report.config.settings import load_settings
from bilingual_report.docs_folder import generate_docs
from bilingual_report.editions.comparison import comparison_lines
from bilingual_report.editions.matching import match_editions
from bilingual_report.errors import InputError
from bilingual_report.pipeline import read
from bilingual_report.structure.outline import cleaned_text, outline

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path, nargs="*", metavar="SOURCE",
                        help="the report's file (text, PDF or Word), or its two files, one per language")
    parser.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"),
                        help="print how each heading and block of edition OLD matches one of NEW (matched, reworded, "
                             "numbers changed, renumbered, added, removed); each edition is a file, or two "
                             "joined by a comma (one per language)")
    parser.add_argument("--outline", action="store_true",
                        help="print the tree as detected, with its source lines, and what was cleaned from the text")
    parser.add_argument("--cleaned", action="store_true",
                        help="print the text as read once page furniture is removed and breaks are repaired")
    parser.add_argument("--json", type=Path, metavar="OUT.json", help="write the document tree here")
    parser.add_argument("--docs", type=Path, metavar="DIR", help="write the pages under DIR/zh and DIR/en")
    parser.add_argument("--settings", type=Path, default=ROOT / "data" / "site.yml",
                        help="profile, figure data, chart style and labels (default: data/site.yml)")
    args = parser.parse_args(argv)
    if args.compare:
        if args.source or args.outline or args.cleaned or args.json or args.docs:
            parser.error("--compare takes its two editions and nothing else")
        return compare(args.settings, args.compare)
    if not (args.outline or args.cleaned or args.json or args.docs):
        parser.error("give --outline, --cleaned, --json OUT.json, --docs DIR, or several")
    if not args.source:
        parser.error("give the report's file, or its two files (one per language)")
    try:
        if len(args.source) > 2:
            parser.error("give the report's file, or its two files (one per language)")
        settings = load_settings(args.settings, ROOT).for_sources(tuple(args.source))
        reading = read(settings, ROOT / ".cache")
        if args.cleaned:
            print("\n".join(cleaned_text(reading)))
        if args.outline:
            print("\n".join(outline(reading, settings.source_names)))
        if args.json:
            text = json.dumps(reading.document.to_dict(), ensure_ascii=False, indent=1) + "\n"
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(text, encoding="utf-8")
        if args.docs:
            generated, report = generate_docs(settings, args.docs, ROOT / ".cache")
            print(f"{len(report.written)} files written, {len(report.unchanged)} unchanged, "
                  f"{len(report.removed)} removed in {args.docs}; {generated.charts_drawn} charts drawn")
            print("\n".join(finding_lines(generated.findings, reading, settings.sources)))
    except InputError as err:
        print("\n".join(error_lines(err.problems)), file=sys.stderr)
        return 1
    return 0


def compare(settings_path: Path, editions: list[str]) -> int:
    """Print the matching of two editions, each one or two files joined by a comma."""
    try:
        settings = load_settings(settings_path, ROOT)
        documents = [read(settings.for_sources(tuple(Path(p) for p in edition.split(","))), ROOT / ".cache").document
                     for edition in editions]
    except InputError as err:
        print("\n".join(error_lines(err.problems)), file=sys.stderr)
        return 1
    names = tuple(", ".join(Path(p).name for p in edition.split(",")) for edition in editions)
    print("\n".join(comparison_lines(match_editions(*documents), *documents, names)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
