"""The repository never holds build output: everything the generator writes into docs/ (a single report's pages,
a series' edition folders) is ignored by git, and a page written by hand beside them is not."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from edition_fixtures import DEEP, NOTE_DELETED, write_edition

from bilingual_report.config.settings import load_settings
from bilingual_report.docs_folder import generate_docs

ROOT = Path(__file__).resolve().parent.parent


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def untracked_after_builds(tmp_path: Path, *settings_of_builds) -> list[str]:
    """What git would see as new in a clone of the repository's ignore rules, after each build into its docs/."""
    repository = tmp_path / "repository"
    (repository / "docs" / "zh").mkdir(parents=True)
    shutil.copy(ROOT / ".gitignore", repository / ".gitignore")
    git("init", "-q", cwd=repository)
    (repository / "docs" / "zh" / "about.md").write_text("# 关于本站\n", encoding="utf-8")  # written by hand
    for settings in settings_of_builds:
        generate_docs(settings, repository / "docs", tmp_path / "cache")
    return sorted(git("status", "--porcelain", "--untracked-files=all", cwd=repository).split("\n")[:-1])


def test_every_generated_file_is_ignored_by_git_and_a_hand_written_page_is_not(tmp_path):
    settings = load_settings(ROOT / "data" / "site.yml", ROOT)
    assert untracked_after_builds(tmp_path, settings) == ["?? .gitignore", "?? docs/zh/about.md"]


def test_a_series_folders_are_ignored_and_so_is_nothing_once_the_report_changes_back(tmp_path):
    settings = load_settings(ROOT / "data" / "site.yml", ROOT)
    newer = write_edition(tmp_path, "2021", NOTE_DELETED)
    series = settings.for_editions([("2021", (newer,)), ("2020", (DEEP,))])
    assert untracked_after_builds(tmp_path, series) == ["?? .gitignore", "?? docs/zh/about.md"]
    again = tmp_path / "again"
    again.mkdir()
    assert untracked_after_builds(again, series, settings) == ["?? .gitignore", "?? docs/zh/about.md"]


def test_nothing_the_generator_writes_is_committed():
    ignored = subprocess.run(["git", "ls-files", "--ignored", "--exclude-standard", "--cached", "docs"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    assert ignored == [] and all(Path(path).name == ".gitkeep" for path in tracked)
