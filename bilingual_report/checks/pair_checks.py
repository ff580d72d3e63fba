"""Whether each pair reads as one text in two languages: lengths in the document's own proportion, both sides
ending and starting where a sentence does, no text held twice in one block, and a document that does not stop
mid-sentence. What is found names the pair and both languages' lines; nothing here changes the document."""
from __future__ import annotations

import math
import re

from bilingual_report.checks.translation_check import TranslationFinding
from bilingual_report.language.text import collapse, ends_sentence, measured_length, squeezed, without_markup
from bilingual_report.model import Document, Figure, Paragraph, Table, printed_text
from bilingual_report.structure.text_end import text_end

# Gale and Church's variance of a translation's length per character (6.8 for European languages), scaled by the
# document's own ratio: a pair further than DEVIATION standard deviations from its expected length, and more than
# RATIO times longer or shorter than the document's usual proportion, is not one text in two languages.
VARIANCE_PER_CHARACTER = 6.8
DEVIATION = 4.0
RATIO = 1.6
TITLE_RATIO = 2.0  # a title is short: its proportion varies more
CAPTION_RATIO = 2.5  # …and a caption, with its number, more still
# A stretch this long (Chinese characters without spaces, English characters) found twice in one block.
REPEAT = {"zh": 30, "en": 100}
CUT_LENGTH = 160  # a paragraph this long that stops on a word, without any punctuation, was cut
ZH_MID_SENTENCE_START = "，。、；：”’）》】"
EN_MID_SENTENCE_START = re.compile(r"^[*“‘\"'(\s]*[a-z][a-z]*[\s,;:]")  # a lowercase word, not "iPhone" nor "(a)"


def pair_texts(document: Document) -> list[tuple[Paragraph, dict[str, str]]]:
    """Every paragraph and note as printed (an item's first paragraph with its lead), without markup."""
    return [(node, {lang: without_markup(printed_text(node, parents, lang)) for lang in ("zh", "en")})
            for node, parents in document.walk() if isinstance(node, Paragraph)]


def usual_ratio(texts: list[dict[str, str]]) -> float:
    """The document's own proportion of English to Chinese length: the median over its paragraph pairs."""
    logs = sorted(math.log((measured_length(t["en"]) + 1) / (measured_length(t["zh"]) + 1)) for t in texts)
    return math.exp(logs[len(logs) // 2]) if logs else 4.0


def length_finding(text: dict[str, str], ratio: float) -> str | None:
    zh, en = measured_length(text["zh"]), measured_length(text["en"])
    expected = ratio * zh
    deviation = (en - expected) / math.sqrt((zh + 1) * VARIANCE_PER_CHARACTER * ratio * ratio)
    actual = (en + 1) / (zh + 1)
    if abs(deviation) <= DEVIATION or abs(math.log(actual / ratio)) <= math.log(RATIO):
        return None
    longer = "English" if actual > ratio else "Chinese"
    return (f"the English is {actual:.1f} times as long as the Chinese, where this document's pairs are "
            f"usually {ratio:.1f} times: the {longer} holds text the other language does not")


def mid_sentence_start(lang: str, text: str) -> bool:
    stripped = text.lstrip()
    if lang == "zh":
        return stripped[:1] in ZH_MID_SENTENCE_START
    return bool(EN_MID_SENTENCE_START.match(stripped))


def edge_findings(text: dict[str, str], body: dict[str, str]) -> list[str]:
    """One side stopping (or starting) mid-sentence where the other does not; the start is the paragraph's own
    (after an article's number or an item's lead sentence)."""
    found = []
    ends = {lang: ends_sentence(lang, text[lang]) for lang in text}
    if ends["zh"] != ends["en"]:
        cut, whole = ("English", "Chinese") if ends["zh"] else ("Chinese", "English")
        lang = "en" if ends["zh"] else "zh"
        found.append(f"the {cut} stops mid-sentence («…{text[lang][-30:]}») where the {whole} ends a sentence: "
                     "part of it may be missing, or be in another block")
    elif all(len(text[lang]) > CUT_LENGTH and text[lang].rstrip()[-1:].isalnum() for lang in text):
        found.append(f"both languages stop in the middle of a sentence («…{text['zh'][-20:]}» / «…{text['en'][-30:]}»), "
                     "as a paragraph cut by a page break does: its rest may be out of place")
    starts = {lang: mid_sentence_start(lang, body[lang]) for lang in body}
    if starts["zh"] != starts["en"]:
        cut, whole = ("Chinese", "English") if starts["zh"] else ("English", "Chinese")
        lang = "zh" if starts["zh"] else "en"
        found.append(f"the {cut} starts mid-sentence («{body[lang][:30]}…») where the {whole} starts a sentence: "
                     "its beginning may be missing, or be in another block")
    return found


def repeated(lang: str, text: str) -> str | None:
    """A stretch of REPEAT[lang] characters that the text holds twice, without overlap, or None.

    Only the pieces of half that length at every half-length step are kept (the text's length over 15 entries, not
    one per character): a repeated stretch holds one of them whole, and a hit is extended both ways to confirm it."""
    size = REPEAT[lang]
    half = size // 2
    comparable = squeezed(text) if lang == "zh" else collapse(text)
    if len(comparable) < 2 * size:
        return None
    anchors: dict[str, int] = {}
    for start in range(0, len(comparable) - half + 1, half):
        anchors.setdefault(comparable[start:start + half], start)
    for later in range(len(comparable) - half + 1):
        first = anchors.get(comparable[later:later + half])
        if first is None or later - first < size:
            continue
        back = 0
        while back < size and first - back > 0 and comparable[first - back - 1] == comparable[later - back - 1]:
            back += 1
        forward = half
        while back + forward < size and later + forward < len(comparable) \
                and comparable[first + forward] == comparable[later + forward]:
            forward += 1
        if back + forward >= size:
            return comparable[first - back:first - back + size]
    return None


def repeat_findings(text: dict[str, str]) -> list[str]:
    found = []
    for lang, name in (("zh", "Chinese"), ("en", "English")):
        if piece := repeated(lang, text[lang]):
            found.append(f"the {name} holds the same text twice («{piece[:24]}…»): a block may have been duplicated")
    return found


def title_finding(title: dict[str, str], ratio: float) -> str | None:
    """A title too short or too long in one language for the other: a line lost, or one of the text taken in."""
    actual = (measured_length(title["en"]) + 1) / (measured_length(title["zh"]) + 1)
    if abs(math.log(actual / ratio)) <= math.log(TITLE_RATIO):
        return None
    return (f"the English title is {actual:.1f} times as long as the Chinese one («{title['zh'][:30]}» / "
            f"«{title['en'][:40]}»), where this document's pairs are usually {ratio:.1f} times: a line of the title "
            "may be missing, or another line taken into it")


def caption_finding(caption: dict[str, str], ratio: float) -> str | None:
    """A caption too short or too long in one language for the other."""
    actual = (measured_length(caption["en"]) + 1) / (measured_length(caption["zh"]) + 1)
    if abs(math.log(actual / ratio)) <= math.log(CAPTION_RATIO):
        return None
    return (f"the English caption is {actual:.1f} times as long as the Chinese one («{caption['zh'][:30]}» / "
            f"«{caption['en'][:40]}»), where this document's pairs are usually {ratio:.1f} times: part of it may be "
            "missing")


def check_pairs(document: Document) -> list[TranslationFinding]:
    """Every pair whose two sides do not read as one text, and a document whose text stops mid-sentence."""
    texts = pair_texts(document)
    ratio = usual_ratio([text for _, text in texts])
    last = text_end(document)
    findings = []
    nodes = list(document.walk())
    if nodes and isinstance(nodes[-1][0], Paragraph):
        final, parents = nodes[-1]
        text = {lang: without_markup(printed_text(final, parents, lang)) for lang in ("zh", "en")}
        if not any(ends_sentence(lang, text[lang]) for lang in text):
            findings.append(TranslationFinding(final.id, final.lines, f"the text ends without a sentence's end in "
                                               f"either language («…{text['zh'][-15:]}» / «…{text['en'][-25:]}»): "
                                               "the file may have been cut short"))
    if document.title_lines and (message := title_finding(document.title, ratio)):
        findings.append(TranslationFinding("title", document.title_lines, message))
    for paragraph, text in texts:
        body = {lang: without_markup(paragraph.text[lang]) for lang in ("zh", "en")}
        edges = edge_findings(text, body) if last is None or last[0] is not paragraph else []
        messages = [m for m in [length_finding(text, ratio)] if m] + edges + repeat_findings(text)
        findings += [TranslationFinding(paragraph.id, paragraph.lines, message) for message in messages]
    for node, _ in document.walk():
        if isinstance(node, (Figure, Table)) and (message := caption_finding(node.caption, ratio)):
            findings.append(TranslationFinding(node.id, node.lines, message))
    for heading in document.headings():
        if not heading.run_in:  # an item's lead is checked with its first paragraph
            text = {lang: without_markup(heading.printed(lang)) for lang in ("zh", "en")}
            messages = [m for m in [length_finding(text, ratio)] if m] + repeat_findings(text)
            findings += [TranslationFinding(heading.id, heading.lines, message) for message in messages]
    return findings
