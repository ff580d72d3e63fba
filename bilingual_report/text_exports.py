"""The aligned text as downloads: a TMX 1.4 translation memory and a CSV, one unit per paragraph pair."""
from __future__ import annotations

import csv
import io
from xml.sax.saxutils import escape, quoteattr

from .model import Document
from .text import without_markup

TMX_LANGS = {"zh": "zh-CN", "en": "en"}


def tmx_bytes(document: Document, tool_version: str = "1") -> bytes:
    """TMX 1.4: a header, then a <tu> per paragraph pair whose tuid is the paragraph's id."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
             '<tmx version="1.4">',
             f'  <header creationtool="bilingual_report" creationtoolversion={quoteattr(tool_version)} '
             'segtype="paragraph" o-tmf="bilingual_report" adminlang="en" srclang="zh-CN" datatype="plaintext">',
             f'    <prop type="x-title">{escape(document.title["en"])}</prop>',
             "  </header>",
             "  <body>"]
    for paragraph in document.paragraphs():
        lines.append(f"    <tu tuid={quoteattr(paragraph.id)}>")
        for lang, code in TMX_LANGS.items():
            text = escape(without_markup(getattr(paragraph, lang)))
            lines.append(f'      <tuv xml:lang="{code}"><seg>{text}</seg></tuv>')
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines).encode("utf-8")


def aligned_csv_bytes(document: Document) -> bytes:
    """id, zh, en per paragraph pair (UTF-8 with a byte-order mark, for spreadsheet programs)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "zh", "en"])
    for paragraph in document.paragraphs():
        writer.writerow([paragraph.id, without_markup(paragraph.zh), without_markup(paragraph.en)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
