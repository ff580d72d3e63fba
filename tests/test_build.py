"""The MkDocs build: strict, deterministic, both languages, per-language search, nothing loaded from outside."""
from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import copy_project, mkdocs_build

PAGES = ["index.html"] + [f"section-{n}/index.html" for n in range(1, 7)]


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_page_in_both_languages(built_site):
    for page in PAGES:
        zh = (built_site / page).read_text(encoding="utf-8")
        en = (built_site / "en" / page).read_text(encoding="utf-8")
        assert '<html lang="zh"' in zh and '<html lang="en"' in en
        assert 'hreflang="zh" lang="zh"' in en  # the selector's "简体中文" drawn with Chinese glyphs
    section = (built_site / "en/section-3/index.html").read_text(encoding="utf-8")
    assert '<h1 id="s3">III. Further improve' in section
    assert re.search(r'id="s3-1-2" class="para" [^>]*>The diversified mechanisms', section)
    assert re.search(r'<a class="para-link" href="#s3-1-2"', section)
    table = (built_site / "section-2/index.html").read_text(encoding="utf-8")
    assert '<figure id="figure-3" class="report-table" data-cite=' in table and "<td>浙江绍兴苏泊尔生活电器有限公司</td>" in table


def test_nothing_is_loaded_from_outside(built_site, site_address):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
        assert [u for u in external if not u.startswith(site_address + "/")] == [], path
        assert "squidfunk" not in html and "Made with" not in html, path


def test_two_builds_are_byte_identical_and_the_second_writes_no_page(tmp_path):
    """Even on another day: the second build is dated a year later, and takes every page's conversion from the
    first."""
    project = copy_project(tmp_path / "project")
    assert mkdocs_build(project, tmp_path / "site1", env={"SOURCE_DATE_EPOCH": "1764000000"}).returncode == 0
    docs_first = tree_bytes(project / "docs")
    mtimes = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*.md")}
    converted = {p: p.stat().st_mtime_ns for p in (project / ".cache/pages").iterdir()}
    assert len(converted) == len(mtimes)  # every page converted once (hooks/page_cache.py)
    assert mkdocs_build(project, tmp_path / "site2", env={"SOURCE_DATE_EPOCH": "1795536000"}).returncode == 0
    assert tree_bytes(project / "docs") == docs_first
    assert {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*.md")} == mtimes
    assert {p: p.stat().st_mtime_ns for p in (project / ".cache/pages").iterdir()} == converted  # and not again
    first, second = tree_bytes(tmp_path / "site1"), tree_bytes(tmp_path / "site2")
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_hand_written_pages_survive_and_stale_pages_go(tmp_path):
    project = copy_project(tmp_path / "project")
    assert mkdocs_build(project).returncode == 0
    source = project / "data/zhejiang-ip-white-paper-2019.txt"
    text = source.read_text(encoding="utf-8")
    cut = text.index("六、全力加强知识产权文化建设")
    source.write_text(text[:cut], encoding="utf-8")  # next year's paper has five sections
    notes = project / "docs/zh/notes.txt"
    notes.write_text("hand-written", encoding="utf-8")
    refused = mkdocs_build(project)  # section-6's addresses were published: the publisher retires them on purpose
    assert refused.returncode == 1 and "the address /section-6/ was published before" in refused.stderr
    listed = project / "data/published-addresses.txt"
    kept = [line for line in listed.read_text(encoding="utf-8").splitlines(keepends=True) if "section-6" not in line]
    listed.write_text("".join(kept), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert not (project / "docs/zh/section-6.md").exists() and not (project / "docs/en/section-6.md").exists()
    assert not (project / "site/section-6").exists()
    assert notes.read_text(encoding="utf-8") == "hand-written"


def test_bad_source_fails_the_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "data/zhejiang-ip-white-paper-2019.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    del lines[159]  # the English lead sentence's block, line 160
    del lines[159]
    del lines[159]
    del lines[159]
    del lines[159]
    source.write_text("\n".join(lines), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "zhejiang-ip-white-paper-2019.txt:158: in section 3" in result.stderr
    assert "Traceback" not in result.stderr


def test_figures_in_both_languages(built_site):
    for lang, prefix, number_text in (("zh", "", "16.06万件"), ("en", "en/", "160,600")):
        section = (built_site / prefix / "section-2/index.html").read_text(encoding="utf-8")
        alt = re.search(r'<img alt="([^"]*)"[^>]*src="\.\./figures/figure-1\.svg"', section)
        assert alt and number_text in alt.group(1), lang
        assert 'href="../figures/figure-1.csv"' in section
        figures = (built_site / prefix / "figures/index.html").read_text(encoding="utf-8")
        assert figures.count('class="figure-chart"') == 6
        for n in range(1, 7):
            assert (built_site / prefix / f"figures/figure-{n}.svg").stat().st_size > 5000
            assert (built_site / prefix / f"figures/figure-{n}-phone.svg").stat().st_size > 5000
            # each chart in both forms, as a link that opens the wide one full size, its controls' words given
            link = re.search(rf'<a class="chart-zoom"([^>]*)href="figure-{n}\.svg">(.*?)</a>', figures)
            assert link and all(f'data-{key}="' in link.group(1) for key in ("zoom-in", "zoom-out", "close")), n
            assert re.search(r'class="chart-wide"[^>]*src="figure-\d\.svg"', link.group(2))
            assert re.search(rf'class="chart-phone"[^>]*src="figure-{n}-phone\.svg"', link.group(2))
        data = (built_site / prefix / "figures/all-figures.csv").read_bytes()
        assert data.startswith("\ufefffigure,".encode("utf-8"))
    note = (built_site / "en/section-2/index.html").read_text(encoding="utf-8")
    assert 'class="figure-finding"' in note and "2,498 would make the total match" in note
    gap = (built_site / "en/section-3/index.html").read_text(encoding="utf-8")
    assert "by type of case" in gap


def test_full_text_page_and_downloads(built_site):
    ids = re.findall(r'<p id="([^"]+)" class="para"', (built_site / "section-3/index.html").read_text(encoding="utf-8"))
    for prefix in ("", "en/"):
        full = (built_site / prefix / "full-text/index.html").read_text(encoding="utf-8")
        assert all(f'id="{i}"' in full for i in ids) and full.count('class="para"') == 21
        assert 'href="../downloads/aligned-text.tmx"' not in full  # links to downloads live on the home page
        home = (built_site / prefix / "index.html").read_text(encoding="utf-8")
        assert 'href="full-text/"' in home and 'href="downloads/aligned-text.tmx"' in home
        assert (built_site / prefix / "downloads/aligned-text.tmx").read_bytes().startswith(b"<?xml")
        index = json.loads((built_site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        assert not any(d["location"].startswith("full-text/") for d in index["docs"])
