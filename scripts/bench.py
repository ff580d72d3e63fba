#!/usr/bin/env python3
"""Benchmark (not a test): build times cold and warm against MkDocs alone, of the report or of a series of its
editions, the converter on the paper and on synthetic documents 10 and 100 times its size, and peak memory. Runs in a
copy of the project."""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilingual_report.config.settings import load_settings
from bilingual_report.model import Paragraph, printed_text
from bilingual_report.pipeline import generate, read
from bilingual_report.series import generate_series
from bilingual_report.site.markup import nav_path
from bilingual_report.sources.text import split_blocks, text_lines

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings(ROOT / "data" / "site.yml", ROOT)
SOURCE = SETTINGS.sources[0]
PROJECT_PARTS = ["mkdocs.yml", "data", "hooks", "overrides"]


def run(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MB of a command."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss // 1024


def mkdocs(project: Path, config: str, site: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / config),
            "--site-dir", str(project / site)]


def reset_generated(project: Path) -> None:
    for folder in ("zh", "en"):
        shutil.rmtree(project / "docs" / folder, ignore_errors=True)
        (project / "docs" / folder).mkdir(parents=True)
    (project / "docs" / ".generated").unlink(missing_ok=True)
    (project / "docs" / ".gitignore").unlink(missing_ok=True)
    shutil.rmtree(project / ".cache", ignore_errors=True)


def without_generator(project: Path) -> str:
    """A config for MkDocs alone on the same Markdown: every hook of the project's removed (MkDocs, Material and
    static-i18n as they come), the nav the generator gives written out."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    settings = load_settings(project / "data" / "site.yml", project)
    nav = (generate_series if settings.editions else generate)(settings, project / ".cache").nav
    text, hooks = re.subn(r"(?m)^hooks:\n(?:  - hooks/\w+\.py\n)+", "", text)
    if not hooks:
        raise SystemExit("mkdocs.yml lists no hooks/*.py: the benchmark no longer knows what MkDocs alone is")
    (project / "mkdocs-alone.yml").write_text(text + "\nnav:\n" + "".join(nav_lines(nav, "  ")), encoding="utf-8")
    return "mkdocs-alone.yml"


def nav_lines(entries: list, indent: str) -> list[str]:
    """The pipeline's nav (a page's slug, or a section's (title, [slug, …])) as mkdocs.yml's."""
    lines = []
    for entry in entries:
        if isinstance(entry, str):
            lines.append(f"{indent}- {nav_path(entry)}\n")
        else:
            lines += [f"{indent}- '{entry[0]}':\n", *nav_lines(entry[1], indent + "    ")]
    return lines


def as_series(project: Path, editions: int) -> Path:
    """The project's report as a series of that many editions in data/site.yml, the newest first: each a copy of the
    report with its own year in its title, with the report's figure data and key figures. The current edition's
    file."""
    settings = project / "data" / "site.yml"
    text = SOURCE.read_text(encoding="utf-8")
    year = re.search(r"\d{4}", text).group()
    lines = ["editions:\n"]
    for number in range(int(year) + editions - 1, int(year) - 1, -1):
        source = project / "data" / f"edition-{number}.txt"
        source.write_text(text.replace(year, str(number), 2), encoding="utf-8")
        lines.append(f'  - {{id: "{number}", source: data/{source.name}, figures: data/figures, '
                     f"key_figures: data/key-figures.yml, published: {number + 1}}}\n")
    settings.write_text(settings.read_text(encoding="utf-8").replace("strict_checks:", "".join(lines) + "strict_checks:"),
                        encoding="utf-8")
    return project / "data" / f"edition-{int(year) + editions - 1}.txt"


def cut(lang: str, text: str) -> list[str]:
    """The text cut in two mid-sentence, as a page break would."""
    middle = len(text) // 2
    if lang == "en":
        space = text.find(" ", middle)
        while space != -1 and text[space - 1] in ".!?":
            space = text.find(" ", space + 1)
        return [text] if space == -1 else [text[:space], text[space + 1:]]
    for index in range(middle, len(text) - 1):
        if text[index - 1] not in "。！？" and text[index] not in "，。":
            return [text[:index], text[index:]]
    return [text]


def per_language(text: str, folder: Path) -> list[Path]:
    """An interleaved text as two files, the Chinese blocks and the English blocks, for the aligner."""
    blocks = {"zh": [], "en": []}
    for block in split_blocks(text_lines(text)):
        blocks[block.lang].append("\n".join(block.texts))
    paths = [folder / f"{folder.name}-{lang}.txt" for lang in ("zh", "en")]
    for path, lang in zip(paths, ("zh", "en")):
        path.write_text("\n\n".join(blocks[lang]) + "\n", encoding="utf-8")
    return paths


def synthetic(times: int) -> str:
    """The paper's sections with their items repeated `times` times (renumbered), every paragraph cut by a page break."""
    document = read(SETTINGS).document
    blocks = [document.title["zh"], document.title["en"], document.issuer["zh"], document.issuer["en"]]
    for paragraph in document.intro:
        blocks += [paragraph.text["zh"], paragraph.text["en"]]
    for section in document.children:
        blocks += [section.printed("zh"), section.printed("en")]
        number = 0
        for _ in range(times):
            for item in section.headings:
                number += 1
                for paragraph in item.children:
                    if not isinstance(paragraph, Paragraph):
                        continue
                    texts = [printed_text(paragraph, (section, item), lang) for lang in ("zh", "en")]
                    texts = [re.sub(r"^\d+", str(number), text) for text in texts]
                    blocks += cut("zh", texts[0]) + cut("en", texts[1])
    return "\n\n".join(blocks) + "\n"


READ = ("import sys,time;from pathlib import Path;from bilingual_report.config.profile import load_profile;"
        "from bilingual_report.structure.reader import read_document;"
        f"p=load_profile(Path({str(SETTINGS.profile)!r}));")


def time_converter(path: Path | list[Path], runs: int) -> tuple[float, int]:
    """The reader's time on a text, or on two files one per language (profile loaded first), and the paragraphs it
    found."""
    given = repr([str(p) for p in path]) if isinstance(path, list) else repr(str(path))
    code = READ + f"t=time.perf_counter();d=read_document({given},p);print(time.perf_counter()-t, len(d.paragraphs()))"
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
        times.append(float(out[0]))
    return statistics.median(times), int(out[1])


def report_builds(project: Path, runs: int, current: Path | None) -> None:
    """Cold, warm and MkDocs alone, taken in turns; for a series (`current`: its current edition's file), also warm
    with that one edition changed."""
    cold, warm, changed, alone = [], [], [], []
    for _ in range(runs):
        reset_generated(project)
        cold.append(run(mkdocs(project, "mkdocs.yml", "site"), project))
    config = without_generator(project)
    original = current.read_text(encoding="utf-8") if current else ""
    for turn in range(runs):  # taken in turns, so that the machine's drift weighs on both alike
        warm.append(run(mkdocs(project, "mkdocs.yml", "site"), project))
        alone.append(run(mkdocs(project, config, "site-alone"), project))
        if current:
            current.write_text(original.replace("。", "；", 1) if turn % 2 == 0 else original, encoding="utf-8")
            changed.append(run(mkdocs(project, "mkdocs.yml", "site"), project))

    def median(values):
        return statistics.median(v[0] for v in values), max(v[1] for v in values)

    rows = [("cold build (no generated files, no caches)", *median(cold)),
            ("warm build (nothing changed)", *median(warm)),
            *([("warm build, the current edition's text changed", *median(changed))] if current else []),
            ("MkDocs alone (same Markdown, none of the project's hooks)", *median(alone))]
    print(f"{'measurement':62} {'median s':>9} {'peak MB':>8}")
    for name, seconds, memory in rows:
        print(f"{name:62} {seconds:9.2f} {memory:8d}")
    print(f"\nwarm build over MkDocs alone: {rows[1][1] / rows[-1][1] - 1:+.1%} (target: below 0, faster)")
    print(f"cold build over warm build: {rows[0][1] / rows[1][1]:.2f}x")


def report_converter(project: Path, source: Path, runs: int) -> None:
    """The converter on the report, on synthetic documents 10 and 100 times its size, and on two files aligned."""
    paper_time, paper_paragraphs = time_converter(source, runs)
    scaled = {}
    for times in (10, 100):
        path = project / f"synthetic-{times}.txt"
        path.write_text(synthetic(times), encoding="utf-8")
        scaled[times] = (*time_converter(path, max(1, runs // 2)), path.stat().st_size)
    apart = project / "apart-100"
    apart.mkdir()
    aligned = time_converter(per_language((project / "synthetic-100.txt").read_text(encoding="utf-8"), apart),
                             max(1, runs // 2))
    memory_100 = run([sys.executable, "-c", READ + f"read_document({str(project / 'synthetic-100.txt')!r},p)"],
                     project)[1]
    print(f"\n{'converter input':30} {'size KB':>8} {'paragraphs':>11} {'seconds':>9} {'µs/paragraph':>13}")
    print(f"{source.name[:30]:30} {source.stat().st_size // 1024:8d} {paper_paragraphs:11d} {paper_time:9.3f} "
          f"{paper_time / paper_paragraphs * 1e6:13.0f}")
    for times, (seconds, paragraphs, size) in scaled.items():
        print(f"{f'synthetic, {times}x':30} {size // 1024:8d} {paragraphs:11d} {seconds:9.3f} "
              f"{seconds / paragraphs * 1e6:13.0f}")
    growth = scaled[100][0] / scaled[10][0]
    print(f"\n100x document: {scaled[100][0]:.2f} s (target: under 2 s); 10x → 100x took {growth:.1f} times as long "
          f"for 10 times the text (linear: about 10); peak memory {memory_100} MB")
    print(f"100x document as two files (Chinese, English) aligned: {aligned[0]:.2f} s for {aligned[1]} paragraphs "
          f"(target: at most 5 s; interleaved: {scaled[100][1]} paragraphs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median reported)")
    parser.add_argument("--source", type=Path, help="the configured report in another form (its PDF) as the source")
    parser.add_argument("--editions", type=int, default=1, metavar="N",
                        help="build a series of N editions of the report (the builds only; no converter measurements)")
    args = parser.parse_args()
    if args.editions < 1 or (args.editions > 1 and args.source):
        parser.error("--editions must be at least 1, and is not given with --source")
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        project = Path(folder)
        for name in PROJECT_PARTS:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
        source = SOURCE
        if args.source:  # another form of the report (its PDF): named as the source, its figure data kept
            source = project / "data" / args.source.name
            shutil.copy2(args.source, source)
            settings = project / "data" / "site.yml"
            settings.write_text(settings.read_text(encoding="utf-8").replace(f"source: data/{SOURCE.name}",
                                                                             f"source: data/{source.name}"),
                                encoding="utf-8")
        if args.editions > 1:
            source = as_series(project, args.editions)
        report_builds(project, args.runs, source if args.editions > 1 else None)
        if args.editions == 1:
            report_converter(project, source, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
