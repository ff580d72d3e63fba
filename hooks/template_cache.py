"""MkDocs hook: the theme's templates compiled once and kept between builds (Jinja2's bytecode cache, in
.cache/jinja), instead of compiled from scratch by every build and every language's pass. Jinja2 compiles a
template again whenever its source changes (each entry is keyed by the template's file and checked against its
source)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    folder = Path(config.config_file_path).parent / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
