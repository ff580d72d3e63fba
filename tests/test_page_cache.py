"""hooks/page_cache.py on a small MkDocs project of its own: a warm build converts no unchanged page and gives the
same site, and what MkDocs checks in a page's conversion (links, anchors) is still checked on every build."""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT, mkdocs_build

CONFIG = """site_name: cache test
site_url: http://127.0.0.1:8000/
theme: mkdocs
markdown_extensions:
{extensions}
validation:
  anchors: warn
hooks:
  - {hook}
"""


def small_project(folder: Path, pages: dict[str, str], extensions: str = "  - toc") -> Path:
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(CONFIG.format(extensions=extensions, hook=ROOT / "hooks/page_cache.py"),
                                       encoding="utf-8")
    for name, text in pages.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    return folder


def kept_entries(project: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in (project / ".cache/pages").iterdir()}


def site_bytes(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


PAGES = {"index.md": "# The report\n\nSee [the data](data.md#table-one) and [more](more.md).\n\n## Part two\n\nText.\n",
         "data.md": "# Data\n\n## Table one\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
         "more.md": "# A title from the page\n\nText.\n"}


def test_a_warm_build_converts_no_unchanged_page_and_gives_the_same_site(tmp_path):
    project = small_project(tmp_path / "project", PAGES)
    dated = {"SOURCE_DATE_EPOCH": "1764000000"}  # the theme's build date
    assert mkdocs_build(project, tmp_path / "cold", env=dated).returncode == 0
    kept = kept_entries(project)
    assert len(kept) == 3
    assert mkdocs_build(project, tmp_path / "warm", env=dated).returncode == 0
    assert kept_entries(project) == kept  # nothing converted again
    assert site_bytes(tmp_path / "warm") == site_bytes(tmp_path / "cold")
    warm = (tmp_path / "warm/more/index.html").read_text(encoding="utf-8")
    assert "<title>A title from the page - cache test</title>" in warm  # the title MkDocs took from the page
    assert 'href="#part-two"' in (tmp_path / "warm/index.html").read_text(encoding="utf-8")  # its contents
    (project / "docs/more.md").write_text("# Changed\n", encoding="utf-8")
    assert mkdocs_build(project, tmp_path / "changed").returncode == 0
    assert len(kept_entries(project)) == 4 and "<h1 id=\"changed\">Changed</h1>" in (
        tmp_path / "changed/more/index.html").read_text(encoding="utf-8")


def test_a_broken_link_is_reported_by_every_build(tmp_path):
    project = small_project(tmp_path / "project", {**PAGES, "more.md": "# More\n\nSee [gone](gone.md).\n"})
    for _ in range(2):
        result = mkdocs_build(project)
        assert result.returncode == 1 and "'gone.md'" in result.stderr, result.stderr
    assert len(kept_entries(project)) == 2  # the page whose conversion warned is not kept


def test_a_link_to_an_anchor_removed_from_another_page_is_reported_on_a_warm_build(tmp_path):
    project = small_project(tmp_path / "project", PAGES)
    assert mkdocs_build(project).returncode == 0
    (project / "docs/data.md").write_text("# Data\n\n## Table two\n", encoding="utf-8")  # index.md is unchanged
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "the doc 'data.md' does not contain an anchor '#table-one'" in result.stderr


def test_the_markdown_settings_are_part_of_the_key(tmp_path):
    project = small_project(tmp_path / "project", PAGES)
    assert mkdocs_build(project, tmp_path / "plain").returncode == 0
    small_project(project, {}, extensions="  - toc:\n      permalink: true")
    assert mkdocs_build(project, tmp_path / "linked").returncode == 0
    assert 'class="headerlink"' in (tmp_path / "linked/index.html").read_text(encoding="utf-8")
    assert 'class="headerlink"' not in (tmp_path / "plain/index.html").read_text(encoding="utf-8")
