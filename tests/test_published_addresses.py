"""The site's own build keeps every address it published (data/published-addresses.txt): a page published before
and gone stops the build with the list's file and line, and leaves the site as it was; a new page joins the list;
a build of another report leaves the list alone."""
from __future__ import annotations

import pytest
from conftest import ROOT, copy_project, project_build

from bilingual_report.site.addresses import addresses_in

LIST = "data/published-addresses.txt"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("addresses") / "project")
    result = project_build(project)
    assert result.returncode == 0, result.stderr
    return project


def test_the_committed_list_is_every_page_of_the_site(project):
    listed = (project / LIST).read_text(encoding="utf-8")
    assert listed == (ROOT / LIST).read_text(encoding="utf-8")  # the build found nothing to add
    assert {line for line in listed.splitlines() if not line.startswith("#")} == addresses_in(project / "site")
    assert {"/", "/en/", "/section-2/", "/en/section-2/", "/parallel/section-2/"} <= addresses_in(project / "site")


def test_a_page_published_before_and_gone_stops_the_build(project):
    listed = project / LIST
    original = listed.read_text(encoding="utf-8")
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    try:
        listed.write_text(original + "/section-9/\n", encoding="utf-8")
        result = project_build(project)
        assert result.returncode == 1
        line = len(original.splitlines()) + 1
        assert f"published-addresses.txt:{line}" in result.stderr and "/section-9/" in result.stderr
        assert "Traceback" not in result.stderr
        assert {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*")
                if p.is_file()} == before
    finally:
        listed.write_text(original, encoding="utf-8")


def test_a_new_page_joins_the_list_and_another_reports_build_leaves_it(project, tmp_path):
    listed = project / LIST
    original = listed.read_text(encoding="utf-8")
    try:
        assert "\n/section-2/\n" in original
        listed.write_text(original.replace("\n/section-2/\n", "\n", 1), encoding="utf-8")
        assert project_build(project).returncode == 0
        assert listed.read_text(encoding="utf-8") == original
        listed.write_text(original + "/section-9/\n", encoding="utf-8")
        other = project_build(project, "--source", str(ROOT / "tests" / "fixtures" / "law.txt"), "--site-dir",
                      str(tmp_path / "law"))
        assert other.returncode == 0, other.stderr
        assert listed.read_text(encoding="utf-8").endswith("/section-9/\n")
    finally:
        listed.write_text(original, encoding="utf-8")
