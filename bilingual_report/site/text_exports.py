"""The aligned text as downloads: a TMX 1.4 translation memory and a CSV, one unit per heading and paragraph pair."""
from __future__ import annotations

import csv
import io
from xml.sax.saxutils import escape, quoteattr

from bilingual_report.language.text import without_markup
from bilingual_report.model import Document, Heading, Paragraph

TMX_LANGS = {"zh": "zh-CN", "en": "en"}


def units(document: Document):
    """(id, {lang: text}) of every heading and paragraph in reading order; an item's first paragraph is a unit
    of its own and its heading another."""
    for node, _ in document.walk():
        if isinstance(node, Heading):
            yield node.id, {lang: without_markup(node.printed(lang)) for lang in TMX_LANGS}
        elif isinstance(node, Paragraph):
            yield node.id, {lang: without_markup(node.text[lang]) for lang in TMX_LANGS}


def tmx_bytes(document: Document, tool_version: str = "1") -> bytes:
    """TMX 1.4: a header, then a <tu> per heading and paragraph pair whose tuid is its id."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
             '<tmx version="1.4">',
             f'  <header creationtool="bilingual_report" creationtoolversion={quoteattr(tool_version)} '
             'segtype="paragraph" o-tmf="bilingual_report" adminlang="en" srclang="zh-CN" datatype="plaintext">',
             f'    <prop type="x-title">{escape(document.title["en"])}</prop>',
             "  </header>",
             "  <body>"]
    for unit_id, texts in units(document):
        lines.append(f"    <tu tuid={quoteattr(unit_id)}>")
        for lang, code in TMX_LANGS.items():
            lines.append(f'      <tuv xml:lang="{code}"><seg>{escape(texts[lang])}</seg></tuv>')
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines).encode("utf-8")


def aligned_csv_bytes(document: Document) -> bytes:
    """id, zh, en per heading and paragraph pair (UTF-8 with a byte-order mark, for spreadsheet programs)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "zh", "en"])
    for unit_id, texts in units(document):
        writer.writerow([unit_id, texts["zh"], texts["en"]])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
