"""Write generated files safely: only when their bytes change, never over a file the generator did not write.

Generated Markdown pages carry a mark in their front matter; every generated file is also listed in
`.generated` in the docs folder (MkDocs ignores dot files), which is how charts and CSV files are known.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, Problem
from .markdown import GENERATED_MARK

MANIFEST = ".generated"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def is_generated(path: Path) -> bool:
    """Whether a Markdown page carries the generated mark."""
    try:
        with path.open("r", encoding="utf-8") as handle:
            return handle.readline().rstrip("\n") == "---" and handle.readline().rstrip("\n") == GENERATED_MARK
    except (OSError, UnicodeDecodeError):
        return False


def read_manifest(docs_dir: Path) -> set[str]:
    path = docs_dir / MANIFEST
    return set(path.read_text(encoding="utf-8").split()) if path.exists() else set()


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True


def write_pages(docs_dir: Path, files: dict[str, str | bytes], folders: tuple[str, ...]) -> WriteReport:
    """Make the generated files under docs_dir exactly `files`; hand-written files are left alone."""
    report = WriteReport()
    previous = read_manifest(docs_dir)

    def generated(rel: str) -> bool:
        path = docs_dir / rel
        return rel in previous or (path.suffix == ".md" and is_generated(path))

    clashes = [Problem(str(docs_dir / rel), None, "a hand-written file has the name of a generated file",
                       "rename or move the hand-written file; the generator never overwrites it")
               for rel in sorted(files) if (docs_dir / rel).exists() and not generated(rel)]
    if clashes:
        raise InputError(clashes)
    for rel in sorted(files):
        data = files[rel].encode("utf-8") if isinstance(files[rel], str) else files[rel]
        (report.written if write_if_changed(docs_dir / rel, data) else report.unchanged).append(rel)
    stale = {rel for rel in previous if rel not in files}
    for folder in folders:
        stale |= {p.relative_to(docs_dir).as_posix() for p in (docs_dir / folder).rglob("*.md")
                  if is_generated(p) and p.relative_to(docs_dir).as_posix() not in files}
    for rel in sorted(stale):
        path = docs_dir / rel
        if path.exists():
            path.unlink()
            report.removed.append(rel)
            if path.parent != docs_dir and not any(path.parent.iterdir()):
                path.parent.rmdir()
    write_if_changed(docs_dir / MANIFEST, "".join(f"{rel}\n" for rel in sorted(files)).encode("utf-8"))
    return report
