"""Shared fixtures: a copy of the project built with MkDocs, served on loopback, and headless Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("default", max_examples=60)
settings.register_profile("thorough", max_examples=1000)  # pytest --hypothesis-profile=thorough
settings.load_profile("default")

sys.path.insert(0, str(Path(__file__).parent))

from quality.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from quality.serve import SiteServer, free_port  # noqa: E402

from bilingual_report.site.output import MANIFEST, is_generated, read_manifest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "data", "hooks", "overrides", "docs", "scripts"]


def copy_project(dest: Path) -> Path:
    """The project's site inputs copied to dest, without anything a build generated."""
    dest.mkdir(parents=True, exist_ok=True)
    generated = {ROOT / "docs" / rel for rel in read_manifest(ROOT / "docs")} | {ROOT / "docs" / MANIFEST}

    def skip(folder: str, names: list[str]) -> list[str]:
        paths = [(name, Path(folder) / name) for name in names]
        return [name for name, path in paths if path in generated or (path.is_file() and is_generated(path))]

    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=skip)
        else:
            shutil.copy2(source, dest / name)
    return dest


def project_build(project: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """The copied project's own scripts/build.py run in it, as a publisher runs it."""
    return subprocess.run([sys.executable, str(project / "scripts/build.py"), *args], cwd=project, timeout=timeout,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def mkdocs_build(project: Path, site: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    site = site or project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)]
    return subprocess.run(command, capture_output=True, text=True, cwd=project,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


@pytest.fixture(scope="session")
def site_address() -> str:
    """Where the test server serves the site; the site is built for that address, as for a real host."""
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_address) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project, env={"SITE_URL": site_address + "/"})
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def site_url(built_site, site_address):
    """The site served as a real host would (gzip, cache headers, 404 per language)."""
    with SiteServer(built_site, int(site_address.rsplit(":", 1)[1])) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()
