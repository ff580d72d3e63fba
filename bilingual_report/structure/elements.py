"""Parse a run of same-language blocks into headings, paragraphs, notes, captions and tables, rejoining
page-break fragments; what a block is comes from the document profile."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bilingual_report.config.profile import CaptionRule, Level, Profile, Scheme, Unnumbered
from bilingual_report.language.numerals import numeral_value
from bilingual_report.language.text import ends_sentence, join, measured_length, starts_lowercase
from bilingual_report.sources.blocks import Block
from bilingual_report.sources.text import ITEM_NUMBER_ONLY

CAPTION_MAX_LENGTH = 200
TITLE_MAX_LENGTH = 160
UNNUMBERED_MAX_LENGTH = {"zh": 40, "en": 120}
TABLE_TITLE_MAX = {"zh": 60, "en": 200}  # a table's title printed above it
TITLE_END_MARKS = "。！？：；，、.!?:;,…—-”’\"')）"
TITLE_HEADING_MAX = {"zh": 100, "en": 300}  # a heading longer than this, with no sentence in it, is an article's text
ZH_CONTINUATION_START = "，。、；：”’）》】"
LABEL_ALONE = re.compile(r"^\**\s*(?:第\S{1,6}?[部分章节条款]|[（(]?[\dIVXLC一二三四五六七八九十百]+[）)、.．]?)\s*\**$")
SENTENCE_MARK = re.compile(r"[。！？]|[.!?][\"”’)]*(?:\s|$)")


@dataclass
class Element:
    """One heading, paragraph, note, caption or table in one language, with the source lines it came from."""

    kind: str                       # heading | paragraph | note | caption | table
    lang: str
    parts: list[str]
    lines: list[int]
    number: int | None = None       # a numbered heading's or a caption's number
    levels: frozenset = frozenset()  # the scheme levels a numbered heading may be (one in Chinese; English may be ambiguous)
    role: str | None = None          # an unnumbered heading's role, or a caption's kind
    soft_start: bool = False        # a paragraph that may be the page-break continuation of the one before it
    whole: bool = False             # given whole by the source (a Word footnote): nothing continues it
    rows: list[list[str]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)  # a table's: the line of each row
    _text: str = field(default="", repr=False, compare=False)
    _text_for: int = field(default=-1, repr=False, compare=False)
    _length: int = field(default=-1, repr=False, compare=False)

    @property
    def text(self) -> str:
        # Cached by the parts it was made from: parse_run appends fragments after reading it.
        key = len(self.parts)
        if self._text_for != key:
            self._text, self._text_for, self._length = join(self.lang, self.parts), key, -1
        return self._text

    @property
    def length(self) -> int:
        """The text's length as translations are compared (measured_length), cached with the text."""
        text = self.text
        if self._length < 0:
            self._length = measured_length(text)
        return self._length

    @property
    def title_like(self) -> bool:
        """A short paragraph that is not a sentence: a heading's English printed without its number."""
        return self.kind == "paragraph" and len(self.text) <= TITLE_MAX_LENGTH and not ends_sentence(self.lang, self.text)

    @property
    def runs_on(self) -> bool:
        """Whether the next paragraph may be this one's page-break continuation (a paragraph, a note, an item)."""
        return not self.whole and (self.kind in ("paragraph", "note")
                                   or (self.kind == "heading" and self.number is not None))

    def merged(self, following: list["Element"]) -> "Element":
        if not following:
            return self
        parts, lines = list(self.parts), list(self.lines)
        for other in following:
            parts += other.parts
            lines += other.lines
        return replace(self, parts=parts, lines=lines, _text_for=-1)


def is_table(block: Block) -> bool:
    """A table read as cells, or tab-separated rows: two lines or more with tabs, or one row of two cells or more
    (a table's first row left alone by a page break)."""
    if block.rows:
        return True
    texts = block.texts
    if len(texts) == 1:
        return len([cell for cell in texts[0].split("\t") if cell.strip()]) >= 2
    return sum("\t" in text for text in texts) >= 2


def table_title(element: Element) -> bool:
    """A short line with no punctuation at its end, just before a table: the table's title, not a paragraph."""
    text = element.text
    return element.kind == "paragraph" and len(text) <= TABLE_TITLE_MAX[element.lang] \
        and text[-1:] not in TITLE_END_MARKS


def parse_table(block: Block) -> Element:
    """A table block: an optional title line (one cell), then tab-separated rows."""
    rows = [list(row) for row in block.rows] or [[cell.strip() for cell in text.split("\t")] for text in block.texts]
    row_lines = [number for number, _ in block.lines]
    title = ""
    if len([c for c in rows[0] if c]) == 1 and len(rows) > 1:
        title = next(c for c in rows[0] if c)
        rows, row_lines = rows[1:], row_lines[1:]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    return Element("table", block.lang, [title] if title else [], [block.first_line], rows=rows, row_lines=row_lines)


def cut_short(previous: Element, profile: Profile, scheme: Scheme) -> bool:
    """Whether the element before a block that reads as a heading was surely cut by a page break, so that the block
    is its rest ("…依照" | "第三条的规定…"): a heading's number with nothing after it, or a long text (a paragraph,
    an item or an article with its paragraph) that stops in the middle of a word."""
    if previous.kind == "heading" and heading_label(profile, previous.text):
        return True  # (an unnumbered heading's word alone, as 前言, is whole: parse_run lets no numbered heading join it)
    long_text = previous.kind in ("heading", "paragraph", "note") and len(previous.text) > TITLE_MAX_LENGTH \
        and not is_title(previous)
    return long_text and previous.text[-1:].isalnum()


def is_title(element: Element) -> bool:
    """A heading that is a title alone (一、标题 / I. Title), not an item whose text runs on after its lead sentence."""
    words = element.text.split(maxsplit=1) if element.lang == "en" else [element.text]
    return element.kind == "heading" and len(element.text) <= TITLE_HEADING_MAX[element.lang] \
        and bool(LABEL_ALONE.sub("", element.text).strip()) and not SENTENCE_MARK.search(words[-1])


def cut_title(previous: Element, block_text: str) -> bool:
    """A block that can only be the rest of the line before it: lower case in English, a closing mark in Chinese."""
    return starts_lowercase(block_text) if previous.lang == "en" else block_text[:1] in ZH_CONTINUATION_START


def continues(previous: Element, block_text: str) -> bool:
    """Whether a plain block is surely the rest of the previous heading or paragraph (a sentence is never the rest
    of a title)."""
    if previous.kind not in ("heading", "paragraph", "note"):
        return False
    if is_title(previous) and ends_sentence(previous.lang, block_text) and not cut_title(previous, block_text):
        return False
    if previous.role and len(previous.text) + len(block_text) > UNNUMBERED_MAX_LENGTH[previous.lang]:
        return False  # a heading without a number (前言, Conclusion) is short: what follows it is the text
    if ITEM_NUMBER_ONLY.match(previous.text) or not ends_sentence(previous.lang, previous.parts[-1]):
        return True
    if previous.lang == "en":
        return starts_lowercase(block_text)
    return block_text[:1] in ZH_CONTINUATION_START


def heading_levels(scheme: Scheme, lang: str, text: str) -> tuple[frozenset, int | None, bool]:
    """The scheme levels whose pattern starts the text, the numeral's value, and whether they are list levels."""
    names, number, listed = [], None, False
    for level in scheme.levels:
        match = level.patterns[lang].match(text)
        if match:
            value = numeral_value(match.group("numeral"))
            if value is None or (number is not None and value != number):
                continue
            names.append(level.name)
            number, listed = value, listed or level.list
            if lang == "zh":
                break  # Chinese numbering is unambiguous: the outermost matching level
    return frozenset(names), number, listed


def unnumbered_role(rules: tuple[Unnumbered, ...], lang: str, text: str) -> tuple[str, int | None] | None:
    """The role of an unnumbered heading (and the value of a numeral after its word: 附录二), if the text is one."""
    if len(text) > UNNUMBERED_MAX_LENGTH[lang] or ends_sentence(lang, text):
        return None
    for rule in rules:
        if match := rule.patterns[lang].match(text):
            numeral = match.group("numeral") if "numeral" in rule.patterns[lang].groupindex else None
            return rule.role, numeral_value(numeral) if numeral else None
    return None


def caption_of(rules: tuple[CaptionRule, ...], lang: str, text: str) -> tuple[str, int] | None:
    if len(text) > CAPTION_MAX_LENGTH:
        return None
    for rule in rules:
        if match := rule.patterns[lang].match(text):
            return rule.kind, int(match.group("number"))
    return None


def classify(profile: Profile, scheme: Scheme, lang: str, text: str, line: int) -> Element:
    """A new element for a block that does not continue the one before it."""
    if caption := caption_of(profile.captions, lang, text):
        return Element("caption", lang, [text], [line], caption[1], role=caption[0])
    if unnumbered := unnumbered_role(profile.unnumbered, lang, text):
        return Element("heading", lang, [text], [line], unnumbered[1], role=unnumbered[0])
    levels, number, listed = heading_levels(scheme, lang, text)
    if levels and not listed:
        return Element("heading", lang, [text], [line], number, levels)
    if profile.note[lang].match(text):
        return Element("note", lang, [text], [line])
    return Element("paragraph", lang, [text], [line])


def parse_run(blocks: list[Block], profile: Profile, scheme: Scheme) -> list[Element]:
    elements: list[Element] = []
    for block in blocks:
        lang = block.lang
        previous = elements[-1] if elements else None
        if is_table(block):
            table = parse_table(block)
            if previous and previous.kind == "table" and not table.parts:
                previous.rows += table.rows  # a table cut by a page break
                previous.row_lines += table.row_lines
                previous.lines += table.lines
            elif previous and not table.parts and table_title(previous):
                # the table's title printed above its frame (a PDF reader, or a Word paragraph, gives it apart)
                elements[-1] = replace(table, parts=list(previous.parts), lines=previous.lines + table.lines)
            else:
                elements.append(table)
            continue
        text = block.text
        element = Element("note", lang, [text], [block.first_line], whole=True) if block.note else \
            classify(profile, scheme, lang, text, block.first_line)
        listed = element.kind == "paragraph" and heading_levels(scheme, lang, text)[2]  # a list's item: (一) / (1)
        numbered_after_word = previous is not None and previous.role is not None and element.kind == "heading" \
            and element.role is None
        if previous and not block.note and not previous.whole \
                and (element.kind == "paragraph" or (cut_short(previous, profile, scheme) and not numbered_after_word)) \
                and not (listed and not ITEM_NUMBER_ONLY.match(previous.text)) and continues(previous, text):
            previous.parts.append(text)
            previous.lines.append(block.first_line)
            if previous.kind == "paragraph" and len(previous.parts) == 2:
                # A heading or caption cut inside its number ("（一" | "）标题") is known once rejoined.
                whole = classify(profile, scheme, lang, previous.text, previous.lines[0])
                if whole.kind != "paragraph":
                    whole.parts, whole.lines = previous.parts, previous.lines
                    elements[-1] = whole
            continue
        element.soft_start = element.kind == "paragraph" and previous is not None and previous.runs_on
        elements.append(element)
    return elements


def other_scheme_headings(profile: Profile, scheme: Scheme, blocks: list[Block]) -> list[tuple[int, str, str]]:
    """(line, scheme name, text) of Chinese blocks that look like headings of a scheme the document does not use."""
    found = []
    for block in blocks:
        if block.lang != "zh" or is_table(block):
            continue
        text = block.text
        for other in profile.schemes:
            if other is scheme:
                continue
            levels, _, listed = heading_levels(other, "zh", text)
            own, _, _ = heading_levels(scheme, "zh", text)
            if levels and not listed and not own:
                found.append((block.first_line, other.name, text))
                break
    return found


def heading_like(profile: Profile, text: str) -> bool:
    """Whether a line reads as a heading or caption of any scheme, in either language."""
    return any(level.patterns[lang].match(text) for scheme in profile.schemes for level in scheme.levels
               if not level.list for lang in ("zh", "en")) \
        or any(unnumbered_role(profile.unnumbered, lang, text) or caption_of(profile.captions, lang, text)
               for lang in ("zh", "en"))


def heading_label(profile: Profile, text: str) -> bool:
    """Whether a text is a heading's number and nothing more (第一章, 附录一, 一、): the space after one is no stray."""
    text = text.rstrip()
    for scheme in profile.schemes:
        for level in scheme.levels:
            for lang in ("zh", "en"):
                match = level.patterns[lang].match(text)
                if match and match.end() == len(text):
                    return True
    return any((match := rule.patterns[lang].match(text)) and not match.group("title")
               for rule in profile.unnumbered for lang in ("zh", "en"))


def choose_scheme(profile: Profile, blocks: list[Block]) -> Scheme:
    """The scheme whose headings the document's Chinese blocks have most of (the first listed on a tie)."""
    texts = [block.text for block in blocks if block.lang == "zh" and not is_table(block)]

    def count(scheme: Scheme) -> int:
        return sum(1 for text in texts if (found := heading_levels(scheme, "zh", text))[0] and not found[2])

    return max(profile.schemes, key=count)  # max keeps the first of equals


LEAD_END = {
    "zh": re.compile(r"[。！？](?:\*\*)?"),
    "en": re.compile(r"[.!?](?:\*\*)?(?=\s|$)"),
}


def wholly_bold_unmarked(title: str) -> str:
    """A title printed bold throughout without its marks: a heading is bold anyway."""
    inner = title[2:-2]
    return inner if title.startswith("**") and title.endswith("**") and "**" not in inner and inner else title


def split_heading(level: Level | None, pattern: re.Pattern, text: str, lang: str) -> tuple[str, str, str, str]:
    """A heading's (label, numeral, text, body): its label as printed, its text up to its first sentence's end
    (nothing, for a level whose lead is its number alone), and the paragraph that runs on after it."""
    match = pattern.match(text)
    if "label" in pattern.groupindex:  # an unnumbered heading: its word, then any title
        numeral = match.group("numeral") if "numeral" in pattern.groupindex else None
        return match.group("label").strip(), numeral or "", (match.group("title") or "").strip("* "), ""
    label = match.group(0).strip().lstrip("*").strip()
    rest = text[match.end():].lstrip(" \u3000")
    if match.group(0).lstrip().startswith("**") and "**" in rest:
        rest = "**" + rest  # the bold marker opened before the number
    numeral = match.group("numeral") or ""
    if level is None:
        return label, numeral, wholly_bold_unmarked(rest), ""
    if not level.lead_sentence:
        return label, numeral, "", rest
    end = LEAD_END[lang].search(rest)
    if not end:
        return label, numeral, wholly_bold_unmarked(rest), ""
    return label, numeral, rest[: end.end()].strip(), rest[end.end():].strip()
