"""Remove what PDF extraction adds to a report's text, and repair what it breaks, before blocks are formed:
page numbers, running headers and footers, contents pages; English words hyphenated at a line end, stray
spaces between Chinese characters, CJK compatibility characters, characters no report means to print (controls,
bidirectional overrides, noncharacters, stray zero-width characters). Everything removed or repaired is recorded
with its line, a call that is uncertain is a warning, and what cannot be repaired (a character lost in extraction)
is an error."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bilingual_report.language.text import HAN_RANGE, language_of, squeezed, word_list

Line = tuple[int, str]  # (line number in the file, text)

# Kangxi radicals fold to the ideographs by Unicode's own decompositions; of the CJK radicals supplement, the
# forms that a PDF producer uses for whole simplified characters (⻔ for 门) have none, so they are listed.
RADICAL_SUPPLEMENT = dict(zip("⺟⻅⻆⻉⻋⻓⻔⻙⻚⻛⻜⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳⻈⺰⻐⻠",
                              "母见角贝车长门韦页风飞马鱼鸟卤麦黄黾齐齿龙龟讠纟钅饣"))
FOLD = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
FOLD.update({ord(radical): ideograph for radical, ideograph in RADICAL_SUPPLEMENT.items()})
FOLDED = frozenset(chr(cp) for cp in FOLD)

# Characters no report means to print: C0 and C1 controls but the tab (a table's cell separator), format characters
# (bidirectional overrides and isolates, zero-width spaces and joiners, a byte-order mark inside the text), the
# noncharacters, and the line and paragraph separators. The soft hyphen and pdfium's break mark (U+FFFE) at a
# line end are hyphenation, judged with the hyphens below.
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029"
                       "\u2060-\u2064\u2066-\u206f\ufeff\ufdd0-\ufdef\ufff9-\ufffb\uffff"
                       "\U0001fffe\U0001ffff\U000e0000-\U000e007f]|\u00ad(?!\\s*$)|\ufffe(?!\\s*$)")
LOST = "\ufffd"  # the replacement character: what the report printed there is lost
HAN_CHAR = re.compile(f"[{HAN_RANGE}]")
LABEL_MAX = 12  # how far into a line a heading's number may reach (第一百二十三条)
STRAY_SPACE = re.compile(f"(?<=[{HAN_RANGE}])[ \u3000]+(?=[{HAN_RANGE}])")
DASH = "—–－-"  # the ASCII hyphen last: in a character class it is then itself
PAGE_NUMBER_ALONE = re.compile(rf"^\s*(?:[{DASH}]\s*(\d{{1,4}})\s*[{DASH}]|第\s*(\d{{1,4}})\s*页(?:\s*/?\s*共\s*\d+\s*页)?"
                               rf"|(\d{{1,4}})\s*/\s*\d{{1,4}}|(?:Page|PAGE|page)\s+(\d{{1,4}})(?:\s+of\s+\d+)?|(\d{{1,3}}))\s*$")
PAGE_NUMBER_GLUED = re.compile(rf"(?<![\d{DASH}])\s*[{DASH}]\s*\d{{1,4}}\s*[{DASH}](?![\d{DASH}])\s*"
                               rf"|\s*第\s*\d{{1,4}}\s*页\s*$")
MAY_HAVE_GLUED = re.compile(rf"[{DASH}]\s*\d|页\s*$")  # a quick look before the slower pattern
# a page number printed beside a running header or footer: only its unmistakable forms (a plain number beside a
# line that repeats could be the number of a heading: Section 1, Section 2, …)
PAGE_NUMBER_AT_EDGE = re.compile(rf"^\s*[{DASH}]\s*\d{{1,4}}\s*[{DASH}]\s+|\s+(?:[{DASH}]\s*\d{{1,4}}\s*[{DASH}]"
                                 rf"|第\s*\d{{1,4}}\s*页|\d{{1,4}}\s*/\s*\d{{1,4}}|(?:Page|PAGE|page)\s+\d{{1,4}})\s*$")
MAX_PAGE_GAP = 20
FIRST_PAGE_MAX = 40  # the document's first printed page number is at most this (a plain number alone, that is)
RUNNING_LINE_MAX = 60
RUNNING_LINE_MIN_COUNT = 3
RUNNING_LINE_PAGES = 0.5  # a running line stands at half the page breaks or more
TITLE_BLOCK_LINES = 3  # the most lines of a block of the title page (a title over three lines)
FRONT_LINES = 6  # without page numbers, the lines of the title page, which a running footer may repeat (the issuer)
RUNNING_LINE_NOTED = 6  # a block of one line this long or more, repeated but not at page breaks: kept, with a warning
CONTENTS_TITLE = re.compile(r"^\s*(?:目\s*录|(?:table\s+of\s+)?contents)\s*$", re.IGNORECASE)
CONTENTS_ENTRY = re.compile(r"^(?P<text>.*?\S)(?:\s*[.．…·・_]{2,}\s*|\s+)(?P<page>\d{1,4})\s*$")
CONTENTS_MIN_ENTRIES = 2
CONTENTS_LINE_MAX = 200  # a contents entry's first line, wrapped before its leader and page number
CONTENTS_MATCHED = 0.6  # the share of entries that must be headings of the text after the contents
HYPHENS = "-\u2010\u00ad\ufffe"  # a hyphen, the hyphen typesetters break with, a soft hyphen, pdfium's break mark
HYPHEN_AT_END = re.compile(rf"([A-Za-z]+)[{HYPHENS}]\s*$")
WORD_AT_START = re.compile(r"^([a-z]+(?:-[a-z]+)*)")  # the rest of the word, or of a compound: on-year
CAPITAL_WORD_AT_START = re.compile(r"^([A-Z][a-z]+)(?![A-Za-z])")  # a name after a compound's hyphen: Romania
HYPHEN_INSIDE = re.compile(r"\b([A-Za-z]+)- ([a-z]+)\b")
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
SHORT_WORDS = frozenset("a i am an as at be by do go he if in is it me my no of on or so to up us we".split())
LETTERS = re.compile(r"[A-Za-z]+")  # a word, or a part of a compound (Sino in Sino-Israel)
WORD_AT_END = re.compile(r"(?<![A-Za-z0-9'’])([A-Za-z]+)$")  # not the s of province’s, the nd of 2nd  # a line that stops inside (or after) a word
LOWER_WORD_AT_START = re.compile(r"^\s*([a-z]+)(?![A-Za-z])")
# two words glued where a line break was lost: an abbreviation or a lower-case word, then a capitalised word
GLUED = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2,}|[a-z]{2,})([A-Z][a-z]{2,})(?![A-Za-z0-9])")
MAY_BE_GLUED = re.compile(r"[a-z][A-Z]|[A-Z]{3}[a-z]")  # a quick look before the slower pattern
SENTENCE_END = re.compile(r"[。！？.!?]\W*$")


def page_sequence(values: list[int]) -> set[int]:
    """The positions of the longest run of rising numbers that starts at most FIRST_PAGE_MAX, each at most
    MAX_PAGE_GAP above the one before."""
    best: list[tuple[int, int]] = []  # per position: (length of the longest run ending here, previous position)
    for k, value in enumerate(values):
        options = [(best[j][0] + 1, j) for j in range(k)
                   if best[j][0] and values[j] < value <= values[j] + MAX_PAGE_GAP]
        best.append(max(options, default=(1, -1) if value <= FIRST_PAGE_MAX else (0, -1)))
    if not best:
        return set()
    position = max(range(len(best)), key=lambda k: (best[k][0], -k))
    chain = set()
    while position != -1 and best[position][0]:
        chain.add(position)
        position = best[position][1]
    return chain


@dataclass(frozen=True)
class Repair:
    kind: str   # page_number | running_line | contents | hyphen | space | character | invisible | word | glued |
    #             ligature | soft_hyphen | table_header | table_row
    line: int
    text: str   # what was removed, or the word as repaired
    page: int | None = None  # a PDF's page, for a fault of its producer


def page_ranges(pages: list[int]) -> str:
    """1-3, 7, 9-10."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


@dataclass
class Cleaned:
    lines: list[Line]
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # what cannot be repaired: the build stops

    def count(self, kind: str) -> int:
        return sum(1 for r in self.repairs if r.kind == kind)

    def summary(self) -> str:
        """One line: what was removed and repaired ("nothing to clean" for a clean text)."""
        removed, repaired = [], []
        for kind, one, many in (("page_number", "page number", "page numbers"),
                                ("running_line", "running header or footer line", "running header or footer lines")):
            if n := self.count(kind):
                removed.append(f"{n} {one if n == 1 else many}")
        if n := self.count("contents"):
            removed.append(f"a contents page of {n} lines")
        for kind, one, many in (("hyphen", "rejoined 1 hyphenated word", "rejoined {n} hyphenated words"),
                                ("space", "removed 1 stray space between Chinese characters",
                                 "removed {n} stray spaces between Chinese characters"),
                                ("character", "folded 1 radical to its ideograph", "folded {n} radicals to ideographs"),
                                ("word", "rejoined 1 word cut by a line or page break",
                                 "rejoined {n} words cut by a line or page break"),
                                ("glued", "parted 1 pair of words glued together",
                                 "parted {n} pairs of words glued together"),
                                ("invisible", "removed 1 control or invisible format character",
                                 "removed {n} control or invisible format characters"),
                                ("ligature", "read 1 ligature as its letters", "read {n} ligatures as their letters"),
                                ("soft_hyphen", "read 1 soft hyphen drawn in the PDF as a hyphen",
                                 "read {n} soft hyphens drawn in the PDF as hyphens"),
                                ("table_header", "dropped the header rows a table repeats on 1 page",
                                 "dropped the header rows tables repeat on {n} pages"),
                                ("table_row", "rejoined 1 table row cut by a page break",
                                 "rejoined {n} table rows cut by a page break")):
            if n := self.count(kind):
                pages = sorted({r.page for r in self.repairs if r.kind == kind and r.page is not None})
                where = f" (page{'s' if len(pages) > 1 else ''} {page_ranges(pages)})" if pages else ""
                repaired.append((one if n == 1 else many).format(n=n) + where)
        parts = (["removed " + ", ".join(removed)] if removed else []) + repaired
        return "; ".join(parts) if parts else "nothing to clean"


@dataclass(frozen=True)
class Structure:
    """What the cleaner asks of the document profile."""

    heading_like: Callable[[str], bool]   # a heading or caption (never running furniture, however often it recurs)
    heading_label: Callable[[str], bool]  # a heading's number alone (第一章: the space after it is no stray)


class Cleaner:
    def __init__(self, lines: list[Line], structure: Structure, cells: frozenset[int] = frozenset()):
        self.lines = list(lines)
        self.cells = cells  # the lines that are a table's rows: only their characters are cleaned
        self.heading_like = structure.heading_like
        self.heading_label = structure.heading_label
        self.repairs: list[Repair] = []
        self.warnings: list[tuple[int, str]] = []
        self.errors: list[tuple[int, str]] = []

    def remove(self, kinds: dict[str, set[int]]) -> None:
        """Drop lines (by index), each recorded as a repair of its kind."""
        for kind, indexes in kinds.items():
            self.repairs += [Repair(kind, self.lines[i][0], self.lines[i][1].strip()) for i in sorted(indexes)]
        dropped = set().union(*kinds.values())
        self.lines = [line for index, line in enumerate(self.lines) if index not in dropped]

    def clean(self, furniture: bool) -> Cleaned:
        self.characters()
        if furniture:
            pages = self.page_numbers()
            running = self.running_lines(pages)
            self.remove({"page_number": pages, "running_line": running})
        self.contents()  # after the page furniture, which may cut a long contents page too
        self.hyphens()
        self.broken_words()
        self.glued_words()
        self.spaces()
        return Cleaned(self.lines, sorted(self.repairs, key=lambda r: r.line), sorted(self.warnings),
                       sorted(self.errors))

    def characters(self) -> None:
        """Radicals folded to the ideographs; invisible characters removed; a lost character refused."""
        for index, (number, text) in enumerate(self.lines):
            if LOST in text:
                at = text.index(LOST)
                self.errors.append((number, f"a character was lost when the text was extracted (U+FFFD, the "
                                            f"replacement character, at «{text[max(0, at - 12):at + 12]}»)"))
            cleaned = printable(text)
            if cleaned != text:
                self.repairs += [Repair("invisible", number, f"U+{ord(m.group(0)):04X}") for m in INVISIBLE.finditer(text)]
                self.repairs += [Repair("character", number, f"{c}→{FOLD[ord(c)]}") for c in text if c in FOLDED]
                self.lines[index] = (number, cleaned)

    def contents(self) -> None:
        """Contents pages (a title, then entries ending in page numbers, some wrapped over two lines), removed
        when their entries are lines of the text after them."""
        index = 0
        while index < len(self.lines):
            if not CONTENTS_TITLE.match(self.lines[index][1]):
                index += 1
                continue
            entries, taken, pending, cursor = [], [index], [], index + 1
            while cursor < len(self.lines):
                text = self.lines[cursor][1]
                if not text.strip():
                    cursor += 1
                    continue
                if match := CONTENTS_ENTRY.match(text):
                    entries.append(" ".join([t for _, t in pending] + [match.group("text")]))
                    taken += [i for i, _ in pending] + [cursor]
                    pending = []
                elif len(pending) < 2 and len(text.strip()) <= CONTENTS_LINE_MAX and not SENTENCE_END.search(text):
                    pending.append((cursor, text))
                else:
                    break
                cursor += 1
            end = pending[0][0] if pending else cursor  # lines held as a wrapped entry belong to the text after
            after = {squeezed(text) for _, text in self.lines[end:]}
            found = sum(1 for entry in entries if any(line.startswith(squeezed(entry)[:12]) for line in after))
            line = self.lines[index][0]
            if len(entries) >= CONTENTS_MIN_ENTRIES and found >= CONTENTS_MATCHED * len(entries):
                self.remove({"contents": set(taken)})
                continue  # the lines after it moved up to `index`
            if len(entries) >= CONTENTS_MIN_ENTRIES:
                self.warnings.append((line, f"«{self.lines[index][1].strip()}» and the {len(entries)} lines after it "
                                            f"look like a contents page, but only {found} of its entries are lines of "
                                            "the text after it: kept as text"))
            index += 1

    def page_numbers(self) -> set[int]:
        """The lines that are page numbers alone (a plain number only as part of the document's rising sequence of
        pages); the unmistakable forms (- 12 -, 第 12 页) glued into the text are removed here."""
        remove, plain = set(), []
        for index, (number, text) in enumerate(self.lines):
            match = PAGE_NUMBER_ALONE.match(text)
            if match and match.group(5) is None:
                remove.add(index)
            elif match:
                plain.append((index, int(match.group(5))))
            elif MAY_HAVE_GLUED.search(text):
                cleaned = PAGE_NUMBER_GLUED.sub(lambda m: self.glued(number, m, text), text)
                if cleaned != text:
                    self.lines[index] = (number, cleaned)
        pages = page_sequence([value for _, value in plain])
        for position, (index, value) in enumerate(plain):
            if position in pages:
                remove.add(index)
            else:
                number, text = self.lines[index]
                self.warnings.append((number, f"«{text.strip()}» alone on a line looks like a page number, but "
                                              "it is not in the sequence of the document's pages: kept as text"))
        return remove

    def glued(self, number: int, match: re.Match, text: str) -> str:
        self.repairs.append(Repair("page_number", number, match.group(0).strip()))
        before, after = text[:match.start()], text[match.end():]
        if not before.strip() or not after.strip() or (HAN_CHAR.match(before[-1:]) and HAN_CHAR.match(after[:1])):
            return ""
        return " "

    def running_lines(self, pages: set[int]) -> set[int]:
        """Running headers and footers: short lines, neither sentences nor headings (a subsection title may recur
        under every section), repeated at page breaks: next to a page number (or with one printed beside them) at
        half the page breaks or more (twice at least), or twice at least when they repeat the title or the issuer,
        or, in a text without page numbers, between lines of the other language three times or more; and each time
        between different text. Any page number printed beside them goes too."""
        def key(text: str) -> str:
            return squeezed(PAGE_NUMBER_AT_EDGE.sub("", text))

        groups: dict[str, list[int]] = {}
        for index, (_, text) in enumerate(self.lines):
            if text.strip() and len(text) <= 2 * RUNNING_LINE_MAX and "\t" not in text and index not in pages:
                groups.setdefault(key(text), []).append(index)
        groups = {text: indexes for text, indexes in groups.items()
                  if len(indexes) > 1 and not self.heading_like(self.lines[indexes[0]][1])}
        first_page = min(pages, default=None)
        front = set([i for i, (_, text) in enumerate(self.lines) if text.strip()][:FRONT_LINES])
        names = {key(text) for text in self.title_page()}
        candidates: list[list[int]] = []
        for text, indexes in groups.items():
            if len(indexes) < 2 or len(text) > RUNNING_LINE_MAX or SENTENCE_END.search(text) or not re.search(r"\w", text):
                continue
            beside_pages = [i for i in indexes if self.next_to_page_number(i, pages)
                            or PAGE_NUMBER_AT_EDGE.search(self.lines[i][1])]
            # the title or the issuer repeated beside page numbers is a footer, however few pages carry it
            own_name = text in names and len(beside_pages) >= 2
            inside = [i for i in indexes if first_page is None and i not in front and self.inside_other_language(i, pages)]
            every_page = max(2, math.ceil(len(pages) * RUNNING_LINE_PAGES))
            at_breaks = beside_pages if len(beside_pages) >= every_page or own_name else \
                inside if len(inside) >= RUNNING_LINE_MIN_COUNT else []
            if at_breaks:
                candidates.append(at_breaks)  # where it also stands elsewhere (an issuer on the title page), it stays
            elif len(indexes) >= RUNNING_LINE_MIN_COUNT and len(text) >= RUNNING_LINE_NOTED \
                    and all(self.alone(i) for i in indexes):
                self.warnings.append((self.lines[indexes[0]][0], f"«{self.lines[indexes[0]][1].strip()}» appears "
                                      f"{len(indexes)} times, like a running header or footer, but never next to a "
                                      "page number or inside the other language's text: kept as text"))
        furniture = pages | {i for group in candidates for i in group}
        running: set[int] = set()
        for group in candidates:
            # a header or footer stands between different text at every page; a line of text repeated with its
            # paragraph (the same words wrapped the same way) has the same text on one side each time
            sides = [{self.lines[k][1] if (k := self.neighbour(i, step, furniture)) is not None else None for i in group}
                     for step in (-1, 1)]
            if all(len(side) > 1 for side in sides) and not any(self.continues_word(i, furniture) for i in group):
                running.update(group)
        return running

    def continues_word(self, index: int, skipped: set[int]) -> bool:
        """Whether a line starts with the rest of a word the line before it broke at its end (a line of text: no
        header or footer continues a word)."""
        before = self.neighbour(index, -1, skipped)
        return before is not None and bool(HYPHEN_AT_END.search(self.lines[before][1])) \
            and bool(WORD_AT_START.match(self.lines[index][1].lstrip()))

    def title_page(self) -> list[str]:
        """The title and the issuer: the lines before the text's first sentence, first heading or first block of
        more than TITLE_BLOCK_LINES lines (a wrapped paragraph)."""
        lines, block = [], 0
        for _, text in self.lines:
            if not text.strip():
                block = 0
                continue
            block += 1
            if SENTENCE_END.search(text) or self.heading_like(text) or block > TITLE_BLOCK_LINES:
                return lines[:len(lines) - block + 1]
            lines.append(text)
        return lines

    def alone(self, index: int) -> bool:
        """Whether a line is a block of its own (no text on the lines just before and after it)."""
        return all(not (0 <= index + step < len(self.lines)) or not self.lines[index + step][1].strip()
                   for step in (-1, 1))

    def neighbour(self, index: int, step: int, skipped: set[int]) -> int | None:
        """The nearest line with text before (step -1) or after (+1), the skipped lines (page numbers) passed over."""
        index += step
        while 0 <= index < len(self.lines):
            if self.lines[index][1].strip() and index not in skipped:
                return index
            index += step
        return None

    def next_to_page_number(self, index: int, pages: set[int]) -> bool:
        return any(index + step in pages for step in (-2, -1, 1, 2))

    def inside_other_language(self, index: int, pages: set[int]) -> bool:
        """Whether a line sits between two lines of the other language (a footer inside the English text)."""
        before, after = self.neighbour(index, -1, pages), self.neighbour(index, 1, pages)
        if before is None or after is None:
            return False
        own = language_of(self.lines[index][1])
        return own is not None and language_of(self.lines[before][1]) == language_of(self.lines[after][1]) != own

    def hyphens(self) -> None:
        """English words hyphenated at a line end (or glued back as "oper- ation"), judged by the document's own
        words and a word list; real compounds keep their hyphen."""
        if not any("- " in text or text.rstrip()[-1:] in HYPHENS for _, text in self.lines if text.strip()):
            return
        words = Counter(w.lower() for _, text in self.lines for w in WORD.findall(text))
        for index, (number, text) in enumerate(self.lines):
            if "- " in text and HYPHEN_INSIDE.search(text) and number not in self.cells:
                self.lines[index] = (number, HYPHEN_INSIDE.sub(lambda m: self.inside(number, m, words), text))
        emptied = set()
        for index, (number, text) in enumerate(self.lines):
            end = HYPHEN_AT_END.search(text) if text.strip() and text.rstrip()[-1] in HYPHENS else None
            if not end or text.rstrip().endswith("--"):
                continue
            following = self.following(index)
            rest_of_line = self.lines[following][1].lstrip() if following is not None else ""
            start = WORD_AT_START.match(rest_of_line) or CAPITAL_WORD_AT_START.match(rest_of_line)
            if not start:
                continue
            head, tail = end.group(1), start.group(1)
            if tail[0].isupper():  # a compound's hyphen before a name (Sino- | Romania): kept, no space after it
                word = f"{head}-{tail}"
            else:
                word = f"{head}{tail}" if self.joins(number, head, tail, words) else f"{head}-{tail}"
            next_number, next_text = self.lines[following]
            token, _, rest = next_text.lstrip().partition(" ")  # the word's rest, with its punctuation
            self.lines[index] = (number, text.rstrip()[: end.start()] + word + token[len(tail):])
            rest = rest.lstrip()
            self.lines[following] = (next_number, rest)
            if not rest:
                emptied.add(following)  # dropped, not left blank: a blank line would end the block
            self.repairs.append(Repair("hyphen", number, word))
        self.lines = [line for index, line in enumerate(self.lines) if index not in emptied]

    def broken_words(self) -> None:
        """An English word broken at a line or page break without a hyphen («Provinci» | «al»), rejoined where the
        pieces are not both words and the joined word is one (of the document or the word list)."""
        words: Counter | None = None
        emptied = set()
        for index, (number, text) in enumerate(self.lines):
            end = WORD_AT_END.search(text)
            if not end or not text[:end.start()].strip():
                continue  # a line of one word is no line cut inside a word
            following = self.following(index)
            start = LOWER_WORD_AT_START.match(self.lines[following][1]) if following is not None else None
            if not start:
                continue
            words = words if words is not None else Counter(w.lower() for _, t in self.lines for w in LETTERS.findall(t))
            head, tail = end.group(1), start.group(1)
            if not self.one_word(head, tail, words):
                continue
            next_number, next_text = self.lines[following]
            token, _, rest = next_text.lstrip().partition(" ")  # the word's rest, with its punctuation
            rest = rest.lstrip()
            self.lines[index] = (number, text + token)
            self.lines[following] = (next_number, rest)
            if not rest:
                emptied.add(following)  # dropped, not left blank: a blank line would end the block
            self.repairs.append(Repair("word", number, f"{head}{tail}"))
        self.lines = [line for index, line in enumerate(self.lines) if index not in emptied]

    def glued_words(self) -> None:
        """Two English words glued where the extraction lost the break between them («IPJoint», «provinceThe»),
        parted where each is a word the document uses on its own and the whole is written nowhere else and is no
        word of the word list."""
        found = [(index, match) for index, (number, text) in enumerate(self.lines)
                 if number not in self.cells and MAY_BE_GLUED.search(text) for match in GLUED.finditer(text)]
        if not found:
            return
        asked = {word.lower() for _, match in found for word in (match.group(0), *match.groups())}
        asking = re.compile("(?<![A-Za-z])(?:" + "|".join(map(re.escape, sorted(asked, key=len, reverse=True)))
                            + ")(?![A-Za-z])", re.IGNORECASE)  # each a whole word, as LETTERS finds words
        words = Counter(word.lower() for word in asking.findall("\n".join(text for _, text in self.lines)))
        for index in sorted({index for index, _ in found}):
            number, text = self.lines[index]

            def parted(match: re.Match) -> str:
                head, tail = match.group(1), match.group(2)
                whole = (head + tail).lower()
                if words[head.lower()] < 1 or words[tail.lower()] < 1 or words[whole] > 1 or whole in word_list():
                    return match.group(0)
                self.repairs.append(Repair("glued", number, f"{head} {tail}"))
                return f"{head} {tail}"

            self.lines[index] = (number, GLUED.sub(parted, text))

    def following(self, index: int) -> int | None:
        """The next line with text after a line that may end inside a word, if the word may go on there (neither
        line is a table's row)."""
        following = next((k for k in range(index + 1, len(self.lines)) if self.lines[k][1].strip()), None)
        if following is None or {self.lines[index][0], self.lines[following][0]} & self.cells:
            return None
        return following

    @staticmethod
    def one_word(head: str, tail: str, words: Counter) -> bool:
        """Whether head | tail is one word cut in two: the pieces are not both words and together they are one."""
        head, tail = head.lower(), tail.lower()

        def used(word: str) -> bool:  # a word the document uses elsewhere (a letter alone is no evidence)
            return word == "a" or (len(word) > 1 and words[word] > 1)

        if used(head) and used(tail):
            return False  # a break between two words
        if words[head + tail]:
            return True  # a word the document uses elsewhere, in two pieces here
        known = word_list()

        def listed(word: str) -> bool:  # a list's short entries are mostly abbreviations: no evidence
            return word in known if len(word) > 2 else word in SHORT_WORDS

        return head + tail in known and not (listed(head) and listed(tail))

    def joins(self, number: int, head: str, tail: str, words: Counter) -> bool:
        """Whether a word broken as head- | tail is one word: yes when the joined word is a word of the document or
        of the word list; no (the hyphen kept) when the compound is the document's, or its second part is a word;
        otherwise yes, with a warning."""
        compound, joined = f"{head}-{tail}".lower(), f"{head}{tail}".split("-")[0].lower()
        if words[compound]:
            return False
        known = word_list()
        if words[joined] or joined in known:
            return True
        first = tail.split("-")[0]
        if first in known or words[first] > 1:
            return False  # a compound or a prefix with a word after it: trans-regional, four-level
        self.warnings.append((number, f"«{head}-{tail}» is broken at a line end: joined as «{head}{tail}», which "
                                      "is not a word the document or the word list knows"))
        return True

    def inside(self, number: int, match: re.Match, words: Counter) -> str:
        head, tail = match.groups()
        compound, joined = f"{head}-{tail}".lower(), f"{head}{tail}".lower()
        if not words[compound] and (words[joined] or joined in word_list()):
            self.repairs.append(Repair("hyphen", number, f"{head}{tail}"))
            return f"{head}{tail}"
        return match.group(0)  # a suspended hyphen ("short- and long-term") or a compound: as printed

    def spaces(self) -> None:
        """Spaces between two Chinese characters, except the one after a heading's number (第一章　总则)."""
        for index, (number, text) in enumerate(self.lines):
            if not STRAY_SPACE.search(text) or number in self.cells:
                continue

            def stray(match: re.Match) -> str:
                if match.start() <= LABEL_MAX and self.heading_label(text[:match.start()]):
                    return match.group(0)
                self.repairs.append(Repair("space", number, match.group(0)))
                return ""
            self.lines[index] = (number, STRAY_SPACE.sub(stray, text))


def printable(text: str) -> str:
    """The text without invisible characters (a line separator as a space), radicals folded to ideographs."""
    if INVISIBLE.search(text):
        text = INVISIBLE.sub(lambda m: " " if m.group(0) in "\u2028\u2029" else "", text)
    return text.translate(FOLD) if not FOLDED.isdisjoint(text) else text


def clean_characters(lines: list[Line]) -> Cleaned:
    """Only the characters cleaned, and words glued together parted: a Word document has no page furniture and no
    line-end breaks."""
    cleaner = Cleaner(lines, Structure(lambda text: False, lambda text: False))
    cleaner.characters()
    cleaner.glued_words()
    return Cleaned(cleaner.lines, sorted(cleaner.repairs, key=lambda r: r.line), [], sorted(cleaner.errors))


def cleaning_version() -> str:
    """What a cleaning depends on besides its lines and the profile: this module."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def stored_clean(lines: list[Line], structure: Structure, cells: frozenset[int], stored: Path) -> Cleaned:
    """clean() of a PDF's lines (its furniture found by position as it was read), kept in a file: a PDF's lines are
    cleaned once, not at every build."""
    if stored.exists():
        data = json.loads(stored.read_text(encoding="utf-8"))
        return Cleaned([tuple(line) for line in data["lines"]], [Repair(**r) for r in data["repairs"]],
                       [tuple(w) for w in data["warnings"]], [tuple(e) for e in data["errors"]])
    cleaned = clean(lines, structure, furniture=False, cells=cells)
    stored.parent.mkdir(parents=True, exist_ok=True)
    temporary = stored.with_name(stored.name + ".tmp")
    temporary.write_text(json.dumps({"lines": cleaned.lines, "repairs": [dataclasses.asdict(r) for r in cleaned.repairs],
                                     "warnings": cleaned.warnings, "errors": cleaned.errors}, ensure_ascii=False),
                         encoding="utf-8")
    temporary.replace(stored)
    return cleaned


def clean(lines: list[Line], structure: Structure, furniture: bool = True, cells: frozenset[int] = frozenset()) -> Cleaned:
    """The lines with breaks repaired and, unless the reader found it by position (a PDF's), page furniture
    removed; what was done, and what was uncertain. Of `cells` (a PDF's table rows) only the characters."""
    return Cleaner(lines, structure, cells).clean(furniture)
