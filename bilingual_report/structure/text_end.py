"""Where the text stops: a report ends on a sentence, not inside a word, on a heading with nothing under it, on a
table's caption with no table, or mid-sentence in one language only."""
from __future__ import annotations

import re

from bilingual_report.language.text import ends_sentence, without_markup, word_list
from bilingual_report.model import Document, Figure, Heading, Paragraph, Table, printed_text

LAST_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]+)$")  # a text that stops on letters, no punctuation after them


def english_texts(document: Document) -> list[str]:
    """Every paragraph's English as printed (an item's first paragraph with its lead), without markup."""
    return [without_markup(printed_text(node, parents, "en")) for node, parents in document.walk()
            if isinstance(node, Paragraph)]


def last_english(node) -> str:
    if isinstance(node, Heading):
        return node.printed("en")
    if isinstance(node, Table):
        return " ".join(node.rows["en"][-1]) if node.rows["en"] else node.caption["en"]
    return node.caption["en"] if isinstance(node, Figure) else node.text["en"]


def cut_word(document: Document, node) -> str | None:
    """The English text's last word, when it is no word: neither one the document uses elsewhere nor one of the
    word list (the text stops inside a word)."""
    match = LAST_WORD.search(without_markup(last_english(node)))
    if not match:
        return None
    word = match.group(1).lower()
    if len(word) == 1:
        return None if word in "ai" or match.group(1).isupper() else match.group(1)  # Appendix A, a, I
    uses = sum(len(re.findall(rf"\b{word}\b", text, re.IGNORECASE)) for text in english_texts(document))
    return None if uses > 1 or word in word_list() else match.group(1)


def text_end(document: Document) -> tuple[object, str] | None:
    """The last node and what is wrong with it, when the text stops where no report does: inside a word, on a
    heading with nothing under it, or mid-sentence in one language while the other ends a sentence."""
    nodes = list(document.walk())
    if not nodes:
        return None
    last = nodes[-1][0]
    if cut := cut_word(document, last):
        return last, f"the text ends in the middle of a word («…{cut}»)"
    if isinstance(last, Heading) and not any(ends_sentence(lang, last.printed(lang)) for lang in ("zh", "en")):
        return last, (f"the text ends with a heading («{last.printed('zh')[:30]}» / «{last.printed('en')[:40]}») "
                      "with nothing under it")
    if isinstance(last, Figure) and last.kind == "table" and not last.printed:
        return last, (f"the text ends with a table's caption («{last.caption['zh'][:30]}» / "
                      f"«{last.caption['en'][:40]}») and no table under it")
    if isinstance(last, Paragraph):
        parents = nodes[-1][1]
        text = {lang: without_markup(printed_text(last, parents, lang)) for lang in ("zh", "en")}
        ends = {lang: ends_sentence(lang, text[lang]) for lang in text}
        if ends["zh"] != ends["en"]:
            cut, whole, lang = ("English", "Chinese", "en") if ends["zh"] else ("Chinese", "English", "zh")
            return last, f"the text ends mid-sentence in the {cut} («…{text[lang][-30:]}»), the {whole} does not"
    return None
