#!/usr/bin/env python3
"""Build the site into site/: into a temporary folder first, swapped in only when the build succeeds."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    site = ROOT / "site"
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=ROOT))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(staging)]
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("build failed: site/ is left as it was", file=sys.stderr)
        return 1
    staging.chmod(0o755)
    retired = None
    if site.exists():
        retired = Path(tempfile.mkdtemp(prefix=".site-old-", dir=ROOT))
        site.rename(retired / "site")
    staging.rename(site)
    if retired:
        shutil.rmtree(retired)
    print(f"site built in {site.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
