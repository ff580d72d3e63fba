"""Which reader a file needs, by its bytes (whatever its name)."""
from __future__ import annotations

import zipfile
from pathlib import Path


def is_pdf(path: Path) -> bool:
    """Whether a file is a PDF (by its first bytes, whatever its name)."""
    with path.open("rb") as handle:
        return handle.read(5) == b"%PDF-"



def is_docx(path: Path) -> bool:
    """Whether a file is a Word document (a zip holding word/document.xml), whatever its name."""
    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as archive:
        return "word/document.xml" in archive.namelist()
