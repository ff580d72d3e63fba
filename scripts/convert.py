#!/usr/bin/env python3
"""Convert the report's text file into the aligned JSON model and/or the pages, charts and data files of both languages."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from bilingual_report.errors import InputError
from bilingual_report.pipeline import generate_docs
from bilingual_report.reader import read_document
from bilingual_report.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path, help="the report's text file (UTF-8)")
    parser.add_argument("--json", type=Path, metavar="OUT.json", help="write the document model here")
    parser.add_argument("--docs", type=Path, metavar="DIR", help="write the pages under DIR/zh and DIR/en")
    parser.add_argument("--settings", type=Path, default=ROOT / "data" / "site.yml",
                        help="figure data, chart style and labels (default: data/site.yml)")
    args = parser.parse_args(argv)
    if not args.json and not args.docs:
        parser.error("give --json OUT.json, --docs DIR, or both")
    try:
        document = read_document(args.source)
        if args.json:
            text = json.dumps(document.to_dict(), ensure_ascii=False, indent=1) + "\n"
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(text, encoding="utf-8")
        if args.docs:
            settings = replace(load_settings(args.settings, ROOT), source=args.source)
            generated, report = generate_docs(settings, args.docs, ROOT / ".cache" / "charts")
            print(f"{len(report.written)} files written, {len(report.unchanged)} unchanged, "
                  f"{len(report.removed)} removed in {args.docs}; {generated.charts_drawn} charts drawn")
            for figure in generated.figures:
                for finding in figure.findings:
                    print(f"note: {finding}")
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
