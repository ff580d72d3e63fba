"""Write generated files safely: only when their bytes change, never over or instead of a file the generator did not write.

Every generated file is listed with the SHA-256 of its bytes in `.generated` in the docs folder (MkDocs
ignores dot files), and for git in the docs folder's `.gitignore`, so that git holds only what was written by hand
whatever the report generates (an edition's folder, a page of its own). A file counts as the generator's only while its bytes still match that record, or,
for a Markdown page the record does not list, while it carries the generated mark in its front matter.
Anything else, a hand-written page or a generated file edited by hand, is never overwritten or deleted.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from bilingual_report.errors import InputError, Problem
from bilingual_report.site.markup import GENERATED_MARK

MANIFEST = ".generated"
IGNORED = ".gitignore"
IGNORED_MARK = "# Written by each build: what it generated here (files written by hand are not listed)."
GITIGNORE_SPECIAL = re.compile(r"([\\*?\[]|\s$)")


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # no longer generated, but edited by hand: left in place


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def starts_with(path: Path, lines: tuple[str, ...]) -> bool:
    """Whether a text file's first lines are these."""
    try:
        with path.open("r", encoding="utf-8") as handle:
            return all(handle.readline().rstrip("\n") == line for line in lines)
    except (OSError, UnicodeDecodeError):
        return False


def is_generated(path: Path) -> bool:
    """Whether a Markdown page carries the generated mark."""
    return starts_with(path, ("---", GENERATED_MARK))


def read_manifest(docs_dir: Path) -> dict[str, str]:
    path = docs_dir / MANIFEST
    if not path.exists():
        return {}
    entries = (line.split("  ", 1) for line in path.read_text(encoding="utf-8").splitlines() if "  " in line)
    return {rel: sha for sha, rel in entries}


def has_generated(docs_dir: Path) -> bool:
    """Whether the generator has written files into docs_dir (an earlier build's record is there)."""
    return bool(read_manifest(docs_dir))


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True


def ignore_list(files: dict[str, str | bytes]) -> str:
    """The docs folder's .gitignore: itself, the record and every generated file, each by its exact path."""
    paths = [IGNORED, MANIFEST, *sorted(files)]
    return IGNORED_MARK + "\n" + "".join("/" + GITIGNORE_SPECIAL.sub(r"\\\1", rel) + "\n" for rel in paths)


def is_ignore_list(path: Path) -> bool:
    """Whether a .gitignore is one a build wrote (by its first line), its record lost or not."""
    return starts_with(path, (IGNORED_MARK,))


def write_pages(docs_dir: Path, files: dict[str, str | bytes], folders: tuple[str, ...]) -> WriteReport:
    """Make the generated files under docs_dir exactly `files` (and the .gitignore that lists them); hand-written
    files are left alone."""
    files = {**files, IGNORED: ignore_list(files)}
    report = WriteReport()
    previous = read_manifest(docs_dir)
    found: dict[str, str] = {}  # the digest of each recorded file as it is on disk

    def ours(rel: str) -> bool:
        path = docs_dir / rel
        if rel in previous:
            found[rel] = digest(path.read_bytes())
            return found[rel] == previous[rel]
        return (path.suffix == ".md" and is_generated(path)) or (rel == IGNORED and is_ignore_list(path))

    clashes = [Problem(str(docs_dir / rel), None,
                       "this file was edited by hand" if rel in previous else
                       "a hand-written file has the name of a generated file",
                       "move your changes into the source text or data, then delete the file" if rel in previous else
                       "rename or move the hand-written file (the generator never overwrites it); if it is left "
                       f"from an earlier build whose record {MANIFEST} was lost, delete it")
               for rel in sorted(files) if (docs_dir / rel).exists() and not ours(rel)]
    if clashes:
        raise InputError(clashes)
    data = {rel: content.encode("utf-8") if isinstance(content, str) else content for rel, content in files.items()}
    digests = {rel: digest(content) for rel, content in data.items()}
    for rel in sorted(data):
        unchanged = found.get(rel) == digests[rel] or not write_if_changed(docs_dir / rel, data[rel])
        (report.unchanged if unchanged else report.written).append(rel)
    stale = {rel for rel in previous if rel not in files}
    for folder in folders:
        stale |= {p.relative_to(docs_dir).as_posix() for p in (docs_dir / folder).rglob("*.md")
                  if is_generated(p) and p.relative_to(docs_dir).as_posix() not in files}
    for rel in sorted(stale):
        path = docs_dir / rel
        if not path.exists():
            continue
        if not ours(rel):
            report.kept.append(rel)
            continue
        path.unlink()
        report.removed.append(rel)
        if path.parent != docs_dir and not any(path.parent.iterdir()):
            path.parent.rmdir()
    manifest = "".join(f"{digests[rel]}  {rel}\n" for rel in sorted(data))
    write_if_changed(docs_dir / MANIFEST, manifest.encode("utf-8"))
    return report
