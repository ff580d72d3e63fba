#!/usr/bin/env python3
"""Build the site: the report data/site.yml names, or any report's text with --source, into site/ or --site-dir.

The site is built into a temporary folder and swapped in only when the build succeeds: a failed build leaves
the site folder as it was, prints the problems and exits 1.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, help="a report's text file (default: the source in data/site.yml)")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where the site goes (default: site/)")
    args = parser.parse_args(argv)
    site = args.site_dir.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site.parent))
    staging = work / "site"
    try:
        if args.source:
            if not args.source.is_file():
                print(f"error: {args.source}: file not found (check the path given to --source)", file=sys.stderr)
                return 1
            env["REPORT_SOURCE"] = str(args.source.resolve())
            env["REPORT_DOCS_DIR"] = str(work / "docs")  # another report's pages stay out of docs/
            for lang in ("zh", "en"):
                (work / "docs" / lang).mkdir(parents=True)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                   "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(staging)]
        if subprocess.run(command, cwd=ROOT, env=env).returncode != 0:
            print(f"build failed: {site} is left as it was", file=sys.stderr)
            return 1
        staging.chmod(0o755)
        if site.exists():
            site.rename(work / "previous")
        staging.rename(site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"site built in {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
