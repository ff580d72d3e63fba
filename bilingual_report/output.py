"""Write generated files safely: only when their bytes change, never over a file the generator did not write."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, Problem
from .markdown import GENERATED_MARK


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def is_generated(path: Path) -> bool:
    try:
        with path.open("r", encoding="utf-8") as handle:
            return handle.readline().rstrip("\n") == "---" and handle.readline().rstrip("\n") == GENERATED_MARK
    except (OSError, UnicodeDecodeError):
        return False


def write_pages(docs_dir: Path, pages: dict[str, str], folders: tuple[str, ...]) -> WriteReport:
    """Make the generated pages under docs_dir exactly `pages`; hand-written files are left alone."""
    report = WriteReport()
    clashes = [Problem(str(docs_dir / rel), None, "a hand-written file has the name of a generated page",
                       "rename or move the hand-written file; the generator never overwrites it")
               for rel in sorted(pages)
               if (docs_dir / rel).exists() and not is_generated(docs_dir / rel)]
    if clashes:
        raise InputError(clashes)
    for rel in sorted(pages):
        path = docs_dir / rel
        data = pages[rel].encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            report.unchanged.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        report.written.append(rel)
    for folder in folders:
        for path in sorted((docs_dir / folder).rglob("*.md")):
            rel = path.relative_to(docs_dir).as_posix()
            if rel not in pages and is_generated(path):
                path.unlink()
                report.removed.append(rel)
    return report
