"""Safe builds: source text is never markup, a failed build keeps the previous site, hand-written files survive."""
from __future__ import annotations

from conftest import copy_project, mkdocs_build, project_build

SOURCE = "data/zhejiang-ip-white-paper-2019.txt"


def test_markup_in_the_source_comes_out_as_text(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / SOURCE
    text = source.read_text(encoding="utf-8")
    text = text.replace("创业创新主体内生动力持续释放。", "创业创新主体<script>alert('zh')</script>内生动力持续释放。")
    text = text.replace("The entrepreneurship and innovation entities",
                        'The <img src=x onerror="alert(1)"> entrepreneurship [link](javascript:alert(2)) and innovation entities')
    text = text.replace("二、着力构建知识产权", "二、着力构建<b>知识产权")
    source.write_text(text, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    zh = (project / "site/section-2/index.html").read_text(encoding="utf-8")
    en = (project / "site/en/section-2/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in zh and "&lt;script&gt;alert(&#39;zh&#39;)&lt;/script&gt;" in zh or \
        "&lt;script&gt;alert('zh')&lt;/script&gt;" in zh
    assert "<img src=x" not in en and "&lt;img src=x onerror=" in en
    assert 'href="javascript:' not in en and "[link](javascript:alert(2))" in en
    assert "<b>知识产权" not in zh and "&lt;b&gt;知识产权" in zh  # in the heading, <title> and navigation


def test_a_failed_build_leaves_the_previous_site(tmp_path):
    project = copy_project(tmp_path / "project")
    assert project_build(project).returncode == 0
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    source = project / SOURCE
    text = source.read_text(encoding="utf-8")
    heading = next(line for line in text.split("\n") if line.startswith("I. Strengthen top-level design"))
    source.write_text(text.replace(heading + "\n", ""), encoding="utf-8")  # a heading without its English
    failed = project_build(project)
    assert failed.returncode == 1
    assert "site is left as it was" in failed.stderr and "Traceback" not in failed.stderr
    after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(project.glob(".site-*"))


def test_a_hand_written_page_next_to_generated_ones_is_kept_and_built(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/zh/section-1.md"
    page.write_text("# 我自己写的页面\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1 and "a hand-written file has the name of a generated file" in result.stderr
    assert page.read_text(encoding="utf-8") == "# 我自己写的页面\n"
