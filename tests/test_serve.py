"""`mkdocs serve`: picks up an edit of the source text, and settles instead of rebuilding in a loop."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

from conftest import copy_project

from quality.serve import free_port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_on_a_source_edit_and_then_settles(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
             "--config-file", str(project / "mkdocs.yml")],
            cwd=project, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: "浙江省知识产权工作" in fetch(url), 60), log.read_text()
        source = project / "data/zhejiang-ip-white-paper-2019.txt"
        source.write_text(source.read_text(encoding="utf-8").replace("聚力高质量", "聚力高质量（已修订）"),
                          encoding="utf-8")
        assert wait_for(lambda: "（已修订）" in fetch(url), 60), log.read_text()
        time.sleep(4)
        builds = log.read_text().count("Documentation built")
        time.sleep(6)
        assert log.read_text().count("Documentation built") == builds, "serve keeps rebuilding"
    finally:
        server.terminate()
        server.wait(timeout=20)


def start_serve(project, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
             "--config-file", str(project / "mkdocs.yml")],
            cwd=project, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return server, f"http://127.0.0.1:{port}/", log


def test_serve_keeps_serving_while_the_source_is_broken(tmp_path):
    """A broken text: the last good site is still served, every page says what is wrong in its language, and fixing
    the text rebuilds it without the banner."""
    project = copy_project(tmp_path / "project")
    server, url, log = start_serve(project, tmp_path)
    try:
        assert wait_for(lambda: "浙江省知识产权工作" in fetch(url), 60), log.read_text()
        source = project / "data/zhejiang-ip-white-paper-2019.txt"
        good = source.read_text(encoding="utf-8")
        source.write_text(good.replace("聚力高质量", "聚力\ufffd高质量"), encoding="utf-8")
        assert wait_for(lambda: "build-problems" in fetch(url), 60), log.read_text()
        zh, en = fetch(url), fetch(url + "en/")
        assert "浙江省知识产权工作" in zh and "报告的源文本或数据有问题" in zh and "zhejiang-ip-white-paper-2019.txt:" in zh
        assert "text or data has problems" in en and "Under the leadership" in en
        assert "error: data/zhejiang-ip-white-paper-2019.txt:" in log.read_text()
        assert fetch(url + "section-3/"), "a division page of the last good site is served"
        source.write_text(good, encoding="utf-8")
        assert wait_for(lambda: "build-problems" not in fetch(url) and "浙江省知识产权工作" in fetch(url), 60), \
            log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_shows_the_problems_when_no_build_has_succeeded(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "data/zhejiang-ip-white-paper-2019.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("office for IPJoint", "\ufffdoffice for IPJoint"),
                      encoding="utf-8")
    server, url, log = start_serve(project, tmp_path)
    try:
        assert wait_for(lambda: "build-problems" in fetch(url), 60), log.read_text()
        page = fetch(url)
        assert "U+FFFD" in page and "zhejiang-ip-white-paper-2019.txt" in page
        assert "text or data has problems" in fetch(url + "en/")
    finally:
        server.terminate()
        server.wait(timeout=20)
