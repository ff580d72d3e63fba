"""The whole conversion: settings → document model → pages written into the docs folder."""
from __future__ import annotations

from pathlib import Path

from .markdown import render_pages
from .model import LANGS, Document
from .output import WriteReport, write_pages
from .reader import read_document
from .settings import Settings


def generate_docs(settings: Settings, docs_dir: Path) -> tuple[Document, WriteReport]:
    document = read_document(settings.source)
    pages = render_pages(document, settings.labels)
    return document, write_pages(docs_dir, pages, LANGS)
