#!/usr/bin/env python3
"""Benchmark (not a test): build times cold and warm against MkDocs alone, the converter on the paper and on
synthetic documents 10 and 100 times its size, and peak memory. Runs in a copy of the project."""
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
    shutil.rmtree(project / ".cache", ignore_errors=True)


def without_generator(project: Path) -> str:
    """A config for MkDocs alone: the generating and template-caching hooks removed, the nav it gives written out."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    layout = generate(load_settings(project / "data" / "site.yml", project), project / ".cache").layout
    text = text.replace("  - hooks/generate_docs.py\n", "").replace("  - hooks/template_cache.py\n", "")
    text += "\nnav:\n" + "".join(f"  - {nav_path(slug)}\n" for slug in layout.nav)
    (project / "mkdocs-alone.yml").write_text(text, encoding="utf-8")
    return "mkdocs-alone.yml"


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median reported)")
    parser.add_argument("--source", type=Path, help="the configured report in another form (its PDF) as the source")
    args = parser.parse_args()
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
        cold, warm, alone = [], [], []
        for _ in range(args.runs):
            reset_generated(project)
            cold.append(run(mkdocs(project, "mkdocs.yml", "site"), project))
        config = without_generator(project)
        for _ in range(args.runs):  # taken in turns, so that the machine's drift weighs on both alike
            warm.append(run(mkdocs(project, "mkdocs.yml", "site"), project))
            alone.append(run(mkdocs(project, config, "site-alone"), project))
        paper_time, paper_paragraphs = time_converter(source, args.runs)
        source_name, source_size = source.name, source.stat().st_size
        scaled = {}
        for times in (10, 100):
            path = project / f"synthetic-{times}.txt"
            path.write_text(synthetic(times), encoding="utf-8")
            scaled[times] = (*time_converter(path, max(1, args.runs // 2)), path.stat().st_size)
        apart = project / "apart-100"
        apart.mkdir()
        aligned = time_converter(per_language((project / "synthetic-100.txt").read_text(encoding="utf-8"), apart),
                                 max(1, args.runs // 2))
        memory_100 = run([sys.executable, "-c", READ + f"read_document({str(project / 'synthetic-100.txt')!r},p)"],
                         project)[1]

    def median(values):
        return statistics.median(v[0] for v in values), max(v[1] for v in values)

    rows = [("cold build (no generated files, no chart cache)", *median(cold)),
            ("warm build (nothing changed)", *median(warm)),
            ("MkDocs alone (same Markdown, generating hook removed)", *median(alone))]
    print(f"{'measurement':58} {'median s':>9} {'peak MB':>8}")
    for name, seconds, memory in rows:
        print(f"{name:58} {seconds:9.2f} {memory:8d}")
    overhead = rows[1][1] / rows[2][1] - 1
    print(f"\nwarm build over MkDocs alone: {overhead:+.1%} (target: at most +15%)")
    print(f"cold build over warm build: {rows[0][1] / rows[1][1]:.2f}x")
    print(f"\n{'converter input':30} {'size KB':>8} {'paragraphs':>11} {'seconds':>9} {'µs/paragraph':>13}")
    print(f"{source_name[:30]:30} {source_size // 1024:8d} {paper_paragraphs:11d} {paper_time:9.3f} "
          f"{paper_time / paper_paragraphs * 1e6:13.0f}")
    for times, (seconds, paragraphs, size) in scaled.items():
        print(f"{f'synthetic, {times}x':30} {size // 1024:8d} {paragraphs:11d} {seconds:9.3f} "
              f"{seconds / paragraphs * 1e6:13.0f}")
    growth = scaled[100][0] / scaled[10][0]
    print(f"\n100x document: {scaled[100][0]:.2f} s (target: under 2 s); 10x → 100x took {growth:.1f} times as long "
          f"for 10 times the text (linear: about 10); peak memory {memory_100} MB")
    print(f"100x document as two files (Chinese, English) aligned: {aligned[0]:.2f} s for {aligned[1]} paragraphs "
          f"(target: at most 5 s; interleaved: {scaled[100][1]} paragraphs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
