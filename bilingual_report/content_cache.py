"""What a build makes, kept between builds by the content of its inputs: a report's preparation is not made again
from the same source files, profile, figure data and key figures read by the same code, nor two editions' matching
from the same two preparations (a warm build of a series reads and matches only the editions that changed)."""
from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

PACKAGE = Path(__file__).resolve().parent
READING_LIBRARIES = ("pdfplumber", "pdfminer.six", "python-docx", "PyYAML")

T = TypeVar("T")


@functools.cache
def code_version() -> str:
    """What all that is kept depends on besides its inputs: the package's code, Python and the reading libraries."""
    digest = hashlib.sha256(sys.version.encode("utf-8"))
    for library in READING_LIBRARIES:
        digest.update(f"\0{library}={metadata.version(library)}".encode("utf-8"))
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(b"\0" + path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def input_key(files: list[Path | None], options: object) -> str:
    """The key of inputs: each file's (or each file's of a folder) path and bytes, and the options given."""
    digest = hashlib.sha256(json.dumps(options, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    for given in files:
        if given is None:
            digest.update(b"\0none")
            continue
        for path in sorted(given.rglob("*")) if given.is_dir() else [given]:
            if path.is_file():
                digest.update(b"\0" + str(path.resolve()).encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:32]


def kept(folder: Path, key: str, make: Callable[[], T]) -> T:
    """What make() gives, kept in folder under its inputs' key: made once, loaded on the builds after while the code
    is the same (made again, in the same file, when the code changed or the kept copy cannot be loaded)."""
    made = load(folder, key)
    if made is None:
        made = make()
        store(folder, key, made)
    return made


def load(folder: Path, key: str) -> object | None:
    """What was stored in folder under the key by the same code, or None."""
    stored = folder / f"{key}.pickle"
    if stored.exists():
        try:
            version, made = pickle.loads(stored.read_bytes())
            if version == code_version():
                return made
        except Exception:  # cut short, or written by a version of a library that pickles otherwise: made again
            pass
    return None


def store(folder: Path, key: str, made: object) -> None:
    """Keep made in folder under the key, written whole or not at all (two builds at once each write their own
    temporary file)."""
    stored = folder / f"{key}.pickle"
    folder.mkdir(parents=True, exist_ok=True)
    temporary = stored.with_name(f"{stored.name}.{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps((code_version(), made), protocol=pickle.HIGHEST_PROTOCOL))
    temporary.replace(stored)
