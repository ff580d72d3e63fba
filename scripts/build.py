#!/usr/bin/env python3
"""Build the site: the report data/site.yml names, or any report with --source, into site/ or --site-dir.

Prints what the build found in the input (the text cleaned, the checks' findings grouped, each with its file and
line), then one summary line. The site is built into a temporary folder next to the site folder and swapped in only
when the build succeeds: a failed or interrupted build leaves the site folder as it was, prints the problems and
exits 1, and leaves no temporary folder behind (one left by a killed build is removed by the next).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import traceback
from pathlib import Path

from bilingual_report.config.settings import edition_problem

ROOT = Path(__file__).resolve().parent.parent
WORK_PREFIX = ".site-build-"


class Interrupted(Exception):
    """A signal asked the build to stop."""


class Console(logging.Handler):
    """MkDocs' own messages from warnings up, and every line the report's hooks log, on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if not record.name.startswith("mkdocs.hooks"):
            text = f"mkdocs: {record.levelname.lower()}: {text}"
        print(text, file=sys.stderr)


def quiet_mkdocs() -> None:
    mkdocs = logging.getLogger("mkdocs")
    mkdocs.handlers[:] = [Console()]
    mkdocs.propagate = False
    mkdocs.setLevel(logging.WARNING)  # its progress lines are not the publisher's business; warnings are
    logging.getLogger("mkdocs.hooks").setLevel(logging.INFO)  # the report's own lines, findings included


def remove_stale(parent: Path) -> None:
    """Temporary folders of builds that were killed (their process is gone)."""
    for folder in parent.glob(f"{WORK_PREFIX}*"):
        pid = folder.name[len(WORK_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Signals:
    """A stop asked by a signal: raised where it lands, and kept, since Python drops an exception raised inside a
    finaliser (the build then goes on): `check()` raises it again before anything is published."""

    def __init__(self):
        self.received: str | None = None
        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            signal.signal(getattr(signal, name), self.stop)
        sys.unraisablehook = self.unraisable

    @staticmethod
    def unraisable(unraisable) -> None:
        """The stop dropped inside a finaliser is kept (check() raises it): Python need not print it."""
        if not isinstance(unraisable.exc_value, Interrupted):
            sys.__unraisablehook__(unraisable)

    def stop(self, signum, frame):
        self.received = signal.Signals(signum).name
        raise Interrupted(self.received)

    def check(self) -> None:
        if self.received:
            raise Interrupted(self.received)


def run_mkdocs(site_dir: Path) -> bool:
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    try:
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, MkDocsException) as err:
        if str(err) and not str(err).startswith("Aborted with"):
            print(f"mkdocs: error: {err}", file=sys.stderr)
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, nargs="+", metavar="FILE",
                        help="a report's file (text, PDF or Word), or its two files, one per language, in either "
                             "order (default: the source in data/site.yml)")
    parser.add_argument("--edition", action="append", metavar="ID=FILE[,FILE]", default=[],
                        help="an edition of a report series: its id (its folder in the site, e.g. 2020) and its file, "
                             "or its two files (one per language); give one --edition per edition, the current "
                             "one first")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where the site goes (default: site/)")
    parser.add_argument("--strict", action="store_true", help="stop on any finding of the checks, not only on errors")
    args = parser.parse_args(argv)
    site = args.site_dir.resolve()
    if args.source and len(args.source) > 2:
        parser.error("--source takes the report's file, or its two files (one per language)")
    if args.source and args.edition:
        parser.error("give --source for one report, or --edition for each edition of a series, not both")
    editions = []
    for value in args.edition:
        edition_id, _, files = value.partition("=")
        if wrong := edition_problem(edition_id) if files else "each --edition is ID=FILE or ID=FILE,FILE":
            print(f"error: --edition {value}: {wrong}", file=sys.stderr)
            return 1
        if edition_id in (e for e, _ in editions):
            print(f"error: --edition {value}: the edition id {edition_id} is given twice", file=sys.stderr)
            return 1
        paths = [Path(p) for p in files.split(",")]
        if len(paths) > 2:
            parser.error(f"--edition {value}: an edition is one file, or two (one per language)")
        editions.append((edition_id, paths))
    for source in (args.source or []) + [p for _, paths in editions for p in paths]:
        if not source.is_file():
            option = "--source" if args.source else "--edition"
            print(f"error: {source}: file not found (check the path given to {option})", file=sys.stderr)
            return 1
    site.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(site.parent)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-", dir=site.parent))
    staging = work / "site"
    signals = Signals()
    quiet_mkdocs()
    try:
        if args.source:
            os.environ["REPORT_SOURCE"] = os.pathsep.join(str(source.resolve()) for source in args.source)
        if editions:
            os.environ["REPORT_EDITIONS"] = json.dumps([[e, [str(p.resolve()) for p in files]] for e, files in editions])
        if args.source or editions:
            os.environ["REPORT_DOCS_DIR"] = str(work / "docs")  # another report's pages stay out of docs/
            for lang in ("zh", "en"):
                (work / "docs" / lang).mkdir(parents=True)
        if args.strict:
            os.environ["REPORT_STRICT"] = "true"
        built = run_mkdocs(staging)
        signals.check()
        if not built:
            print(f"build failed: {site} is left as it was", file=sys.stderr)
            return 1
        staging.chmod(0o755)
        stops = {getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT")}
        signal.pthread_sigmask(signal.SIG_BLOCK, stops)  # the two renames are not cut in between
        try:
            if site.exists():
                site.rename(work / "previous")
            staging.rename(site)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
    except Interrupted as signal_name:
        print(f"build interrupted ({signal_name}): {site} is left as it was", file=sys.stderr)
        return 130
    except Exception as err:  # a fault of this program, not of the input: said in one line, kept in a file
        log = ROOT / ".cache" / "build-error.txt"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8")
        print(f"build failed: {type(err).__name__}: {err} ({site} is left as it was; the details are in {log}: "
              "please report them)", file=sys.stderr)
        return 1
    finally:
        for name in ("SIGTERM", "SIGHUP", "SIGINT"):  # the temporary folder goes, whatever arrives now
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        shutil.rmtree(work, ignore_errors=True)
    print(f"site built in {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
