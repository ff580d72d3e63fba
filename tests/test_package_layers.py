"""The package's stages import one way: from the readers and the language rules towards the site."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "bilingual_report"
# Each stage (a folder, or a module at the package's top) and the stages it may import besides itself.
MAY_IMPORT = {
    "language": set(),
    "errors": set(),
    "model": set(),
    "sources": {"language", "errors"},
    "config": {"language", "errors", "model"},
    "datafiles": {"config", "language", "errors", "model"},
    "structure": {"sources", "config", "language", "errors", "model"},
    "checks": {"structure", "sources", "datafiles", "config", "language", "errors", "model"},
    "site": {"editions", "datafiles", "config", "language", "errors", "model"},
    "editions": {"language", "model"},
    "content_cache": set(),
}


def stage_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imported_stages(path: Path) -> set[str]:
    stages = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bilingual_report."):
            stages.add(node.module.split(".")[1])
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: relative import (the package imports by absolute names)")
    return stages


def test_each_stage_imports_only_the_stages_before_it():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        stage = stage_of(path)
        if stage not in MAY_IMPORT:
            continue  # the modules at the top (pipeline, series, docs_folder…) put the stages together
        for other in sorted(imported_stages(path) - MAY_IMPORT[stage] - {stage}):
            wrong.append(f"{path.relative_to(PACKAGE)} imports {other}")
    assert not wrong


def test_every_module_belongs_to_a_stage():
    top = {stage_of(path) for path in PACKAGE.rglob("*.py")}
    assert top - set(MAY_IMPORT) == {"__init__", "pipeline", "series", "docs_folder", "build_report"}
