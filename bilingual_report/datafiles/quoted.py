"""Data files whose numbers are quoted from the report: problems located by line, quotes checked against the text.

A quote gives the words of the text in each language; both must occur in one paragraph pair (or table) of the
document, and each must state the number it is quoted for.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bilingual_report.language.numbers import states
from bilingual_report.language.text import collapse, squeezed, without_markup
from bilingual_report.model import LANGS, Document, Paragraph, Table, printed_text


def comparable(lang: str, text: str) -> str:
    """Text as quotes are compared: Chinese without spaces (a line break may drop one, as in 2525 件), English with
    its spaces as one."""
    return squeezed(text) if lang == "zh" else collapse(text)
from bilingual_report.config.yaml_lines import LocatedYaml


@dataclass(frozen=True)
class Source:
    block_id: str      # the paragraph or table the quote was found in
    quote: dict        # {"zh": …, "en": …}


def block_texts(document: Document):
    """(id, {lang: text without markup}) for every paragraph (an item's first with its lead) and table."""
    for node, parents in document.walk():
        if isinstance(node, Paragraph):
            yield node.id, {lang: comparable(lang, without_markup(printed_text(node, parents, lang))) for lang in LANGS}
        elif isinstance(node, Table):
            yield node.id, {lang: comparable(lang, " ".join([node.title.get(lang, ""), node.caption[lang]]
                                                    + [" ".join(r) for r in node.rows[lang]])) for lang in LANGS}


def format_plain(value: float, percent: bool = False) -> str:
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text + ("%" if percent else "")


class QuotedDataFile(LocatedYaml):
    """A YAML file of numbers quoted from the document."""

    def __init__(self, path: Path, document: Document):
        super().__init__(path)
        self.document = document

    def bilingual(self, key_path: tuple, value) -> dict | None:
        if isinstance(value, dict) and set(value) - set(LANGS):
            extra = ", ".join(str(k) for k in sorted(set(value) - set(LANGS), key=str))
            self.problem(key_path, f"{'.'.join(map(str, key_path))} has keys other than zh and en ({extra})",
                         "inside {zh: …, en: …} put text with commas in quotes")
            return None
        if isinstance(value, dict) and all(isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGS):
            return {lang: value[lang] for lang in LANGS}
        self.problem(key_path, f"{'.'.join(map(str, key_path))} must give text in both languages",
                     "write it as {zh: …, en: …}")
        return None

    def find_quote(self, where: tuple, quote: dict, value: float, percent: bool) -> Source | None:
        """The paragraph or table whose texts hold both quotes, each quote stating the value."""
        wanted = {lang: comparable(lang, quote[lang]) for lang in LANGS}
        for block_id, texts in block_texts(self.document):
            if all(wanted[lang] in texts[lang] for lang in LANGS):
                for lang in LANGS:
                    if not states(lang, wanted[lang], value, percent):
                        self.problem(where + (lang,), f"the {lang} quote does not state {format_plain(value, percent)}",
                                     "quote the words of the text that give this number")
                        return None
                return Source(block_id, quote)
        for lang in LANGS:
            if not any(wanted[lang] in texts[lang] for _, texts in block_texts(self.document)):
                self.problem(where + (lang,), f"the {lang} quote is not in the report's text: «{quote[lang]}»",
                             "copy the words exactly as printed (spacing may differ)")
                return None
        self.problem(where, "the two quotes are not in the same paragraph pair",
                     "quote the Chinese and the English of the same paragraph")
        return None
