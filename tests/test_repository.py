"""The repository never holds build output: everything the generator writes into docs/ is ignored by git."""
from __future__ import annotations

import subprocess
from pathlib import Path

from bilingual_report.config.settings import load_settings
from bilingual_report.pipeline import generate

ROOT = Path(__file__).resolve().parent.parent


def test_every_generated_file_is_ignored_by_git(tmp_path):
    settings = load_settings(ROOT / "data" / "site.yml", ROOT)
    paths = sorted(f"docs/{rel}" for rel in generate(settings, tmp_path).files) + ["docs/.generated"]
    result = subprocess.run(["git", "check-ignore", "--no-index", "--stdin", "-v", "-n"], cwd=ROOT,
                            input="\n".join(paths), capture_output=True, text=True)
    not_ignored = [line.split("\t")[1] for line in result.stdout.splitlines() if line.startswith("::")]
    assert not_ignored == []
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert set(tracked) & set(paths) == set()
