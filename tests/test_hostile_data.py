"""Hostile data files through scripts/build.py: each stops within seconds with its file and line, leaves the previous
site byte for byte, and leaves no temporary folder; a killed or interrupted build leaves none either."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_project, project_build

SECONDS = 60  # far above what each case takes (1–3 s): a hang, not a slow machine, is what this catches
BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"]
                 + [f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join([f'*{chr(97 + k)}'] * 9)}]" for k in range(8)]) + "\n"


def replace(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


def append(extra: str):
    return lambda text: text + extra


def many_bars(text: str) -> str:
    bars = "".join(f"      - label: {{zh: 第{n}项, en: Item {n}}}\n        fact: valid_2019\n" for n in range(10_000))
    return text + "  - title: {zh: 很多, en: Many}\n    unit: count\n    bars:\n" + bars


CASES = {
    "a value of 1 and 400 zeros": ("data/figures/figure-1.yml", replace("value: 160600", "value: 1" + "0" * 400),
                                   "figure-1.yml:12", "larger than a chart can show"),
    "infinity": ("data/figures/figure-1.yml", replace("value: 160600", "value: .inf"), "figure-1.yml:12",
                 "not a finite number"),
    "a formula that overflows": ("data/figures/figure-1.yml",
                                 replace("formula: valid_2019 / (1 + valid_growth / 100)", "formula: 1e308 * 10"),
                                 "figure-1.yml:", "not a finite number"),
    "100,000 minus signs": ("data/figures/figure-1.yml",
                            replace("formula: valid_2019 / (1 + valid_growth / 100)",
                                    "formula: " + "-" * 100_000 + "valid_2019"), "figure-1.yml:", "bad formula"),
    "20,000 nested brackets": ("data/figures/figure-1.yml",
                               replace("formula: valid_2019 / (1 + valid_growth / 100)",
                                       "formula: '" + "(" * 20_000 + "valid_2019" + ")" * 20_000 + "'"),
                               "figure-1.yml:", "bad formula"),
    "a colour that is none": ("data/chart-style.yml", replace('stated: "#0072B2"', 'stated: "notacolor"'),
                              "chart-style.yml:", "colors.stated must be a colour"),
    "a chart 100,000 inches wide": ("data/chart-style.yml", replace("width_inches: 6.0", "width_inches: 100000"),
                                    "chart-style.yml:3", "'width_inches' must be a number from 1.0 to 20.0"),
    "a negative font size": ("data/chart-style.yml", replace("font_size: 13", "font_size: -13"),
                             "chart-style.yml:", "'font_size' must be a number"),
    "10,000 bars": ("data/figures/figure-1.yml", many_bars, "figure-1.yml:", "at most 60 bars"),
    "an alias bomb in a figure file": ("data/figures/figure-1.yml", append("bomb:\n" + "".join(
        "  " + line + "\n" for line in BOMB.splitlines())), "figure-1.yml:", "values once its aliases"),
    "an alias bomb in site.yml": ("data/site.yml", append("extra_bomb:\n" + "".join(
        "  " + line + "\n" for line in BOMB.splitlines())), "site.yml:", "values once its aliases"),
    "deep nesting": ("data/key-figures.yml", append("deep: " + "[" * 5000 + "]" * 5000 + "\n"),
                     "key-figures.yml", "nests"),
    "a pattern that backtracks": ("data/profile.yml",
                                  replace(r"zh: '(?P<numeral>[一二三四五六七八九十百]+)、'",
                                          r"zh: '(?P<numeral>(?:\w|\w\w)+)\d'"),
                                  "profile.yml:", "backtracks"),
    "a script link in a key figure's label": ("data/key-figures.yml",
                                              replace("label: {zh: PCT 国际专利申请量",
                                                      "label: {zh: '[x](javascript:alert(23)) PCT 国际专利申请量'"),
                                              "key-figures.yml:", "only http, https, mailto and relative links"),
    "a data: link in site.yml": ("data/site.yml", replace("home: 首页", "home: '[首页](data:text/html,x)'"),
                                 "site.yml:", "only http, https, mailto and relative links"),
}


def snapshot(site: Path) -> dict:
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project with a good site built: each case must leave that site as it is."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


def build(project: Path, *args: str) -> subprocess.CompletedProcess:
    return project_build(project, *args, timeout=SECONDS)


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_hostile_data_file_is_named_within_seconds(project, case):
    name, edit, where, what = CASES[case]
    path = project / name
    good = path.read_text(encoding="utf-8")
    before = snapshot(project / "site")
    path.write_text(edit(good), encoding="utf-8")
    try:
        started = time.monotonic()
        result = build(project)
        took = time.monotonic() - started
    finally:
        path.write_text(good, encoding="utf-8")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and where in result.stderr and what in result.stderr, result.stderr
    assert re.search(rf"error: \S*{re.escape(where)}", result.stderr), result.stderr
    assert snapshot(project / "site") == before
    assert not list(project.glob(".site-build-*"))
    assert took < SECONDS


def test_an_interrupted_build_leaves_no_temporary_folder(project):
    before = snapshot(project / "site")
    for sent in (signal.SIGTERM, signal.SIGINT):
        process = subprocess.Popen([sys.executable, str(project / "scripts/build.py")], cwd=project,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        deadline = time.monotonic() + SECONDS
        while not list(project.glob(".site-build-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        process.send_signal(sent)
        _, errors = process.communicate(timeout=SECONDS)
        assert process.returncode != 0 and "Traceback" not in errors, errors
        assert not list(project.glob(".site-build-*"))
        assert snapshot(project / "site") == before


def test_a_killed_builds_folder_is_removed_by_the_next_build(project):
    process = subprocess.Popen([sys.executable, str(project / "scripts/build.py")], cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    deadline = time.monotonic() + SECONDS
    while not list(project.glob(".site-build-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.kill()
    process.wait(timeout=SECONDS)
    assert list(project.glob(".site-build-*")), "the killed build left its folder (as SIGKILL must)"
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert not list(project.glob(".site-build-*"))
