"""Read a report's PDF by layout into the readers' blocks: the running header and footer zones and page numbers
dropped by position, each paragraph a block (told apart by gaps, first-line indents and line lengths), ruled tables
as blocks of rows of cells (a table going on over a page joined), the lines printed as headings and the figures
printed, each with its page. Bold is kept as **…** in a line's text, as the text format marks it.

A PDF that cannot be read as a bilingual report (encrypted, scanned, without Unicode maps for its fonts, in one
language only) is refused, naming its pages.
"""
from __future__ import annotations

import base64
import bisect
import dataclasses
import hashlib
import json
import math
import re
import statistics
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from bilingual_report.errors import InputError
from bilingual_report.language.text import HAN_RANGE, join, language_of, squeezed, word_list
from bilingual_report.sources.blocks import IMAGE_WIDTH, Block, PrintedImage, webp
from bilingual_report.sources.cleanup import PAGE_NUMBER_ALONE, Repair, page_ranges
from bilingual_report.sources.text import blocks_of

MARGIN_ZONE = 0.1            # the top and bottom share of a page where running headers, footers and numbers stand
PARAGRAPH_GAP = 1.12         # a gap this many times the usual line distance starts a new paragraph
COLUMN_GAP = 8               # points: the narrowest gap between a page's Chinese column and its English one
COLUMN_MIN_CHARS = 80        # a page with fewer body characters is not read as two columns
COLUMN_LANGUAGE_SHARE = 0.8  # the share of a column's rows in its language
COLUMN_FURNITURE = 12        # a row of this many characters or fewer in a margin (a page number) may cross the gutter
FULL_LINE = 3                # a line ending this many times its size from the text's right edge (or nearer) is full
INDENT = 0.8                 # a first line this many characters in starts a new paragraph
ALIGNED = 0.3                # lines starting this close (times the size) start at the same place
LABEL_CHARS = 8              # a hanging indent's number is at most this many characters before its space
HEADING_SIZE = 1.12          # a line this much larger than the body text is a heading
IMAGE_MIN = 40              # an image narrower or lower than this (in points) is an ornament, not a figure
VECTOR_MIN = 4              # this many shapes together, outside the tables, are a chart drawn as vectors
VECTOR_GAP = 16             # shapes this close (points) belong to one drawing
LABEL_GAP = 6               # text this close to a drawing is its label (a caption stands further off)
LABEL_LINE = 60             # a line of text this short beside a drawing is one of its labels
SPACE_GAP = 0.15            # a gap between two characters this many times their size is a space
SPACE_SLACK = 0.05          # how far (times the size) a space character may stand outside the gap it fills
LIGATURES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
SOFT_HYPHEN = "\u00ad"
SOFT_BREAK = re.compile(r"(?<=[A-Za-z])\u00ad\s*\n\s*(?=[a-z])")   # Zhe- | jiang, printed with a soft hyphen
HYPHEN_BREAK = re.compile(r"([A-Za-z]+)-\s*\n\s*([A-Za-z]+)")  # Sino- | Romania, Tech- | nology: a hyphen drawn
CID = re.compile(r"\(cid:\d+\)")
HAN_IDEOGRAPH = re.compile(f"[{HAN_RANGE}]")
GARBLED_MIN = 20            # a page with fewer ideographs than this is not judged
COMMON_SHARE = 0.8          # the share of a page's ideographs that must be common ones


@dataclass
class PdfText:
    """The PDF as blocks (their lines numbered in reading order), where each line came from, what was dropped by
    position, and the images printed in the text."""

    blocks: list[Block]
    pages: dict[int, tuple[int, str | None]]  # line number → (PDF page, printed page number)
    repairs: list[Repair]
    images: list[PrintedImage] = dataclasses.field(default_factory=list)
    key: str = ""  # what the reading is kept under (the PDF's hash and the reader's version), when it is kept
    columns: bool = False  # some page holds two columns, one per language (read column by column)
    headings: dict[int, str] = dataclasses.field(default_factory=dict)  # line number → how it is printed as a heading

    @property
    def lines(self) -> list[tuple[int, str]]:
        return [line for block in self.blocks for line in block.lines]

    @property
    def table_lines(self) -> set[int]:
        """The lines that are a table's rows (their cells are the table's; no repair of text crosses them)."""
        return {number for block in self.blocks if block.rows for number, _ in block.lines}


def open_pdf(path: Path):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(path)
        pdf.pages  # noqa: B018  (reading the page tree is what fails on an encrypted file)
        return pdf
    except Exception as err:  # pdfminer raises many kinds for a damaged file; pdfplumber wraps them
        cause = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise InputError.single(str(path), None, "the PDF is encrypted", "save an unencrypted copy (print to "
                                    "PDF, or remove the password) and use that") from None
        raise InputError.single(str(path), None, f"the PDF cannot be read ({type(cause).__name__}: {cause})",
                                "check that the file is a complete PDF") from None


def glyphs(chars: list[dict]) -> tuple[list[dict], list[tuple[str, str]]]:
    """A line's characters as the letters they print, and what was repaired: a ligature (ﬁ, ﬄ) as its letters, a
    ligature's letters given once per letter it joins ("ffi" three times) once, a soft hyphen (a glyph drawn, so a
    hyphen the producer mapped to U+00AD) as a hyphen."""
    out, repairs, index = [], [], 0
    while index < len(chars):
        char = chars[index]
        text = char["text"]
        if text in LIGATURES:
            repairs.append(("ligature", text))
            char = {**char, "text": LIGATURES[text]}
        elif len(text) > 1 and text.isalpha():
            repeated = 1
            while repeated < len(text) and index + repeated < len(chars) and chars[index + repeated]["text"] == text:
                repeated += 1
            if repeated == len(text):  # each letter of the ligature mapped to all its letters
                repairs.append(("ligature", text))
                char = {**char, "x1": chars[index + repeated - 1]["x1"]}
                index += repeated - 1
        elif text == SOFT_HYPHEN:
            repairs.append(("soft_hyphen", text))
            char = {**char, "text": "-"}
        out.append(char)
        index += 1
    return out, repairs


def spaced(previous: dict, char: dict, spaces: list[float]) -> bool:
    """Whether a word space stands between two characters of a line: the PDF's own space character there, or a gap
    wide enough for one."""
    if char["x0"] - previous["x1"] > SPACE_GAP * previous["size"]:
        return True
    at = bisect.bisect_left(spaces, previous["x1"] - SPACE_SLACK * previous["size"])
    return at < len(spaces) and spaces[at] <= char["x0"] + SPACE_SLACK * previous["size"]


CJK_BREAK = re.compile(f"(?<=[{HAN_RANGE}，、（）])\n(?=[{HAN_RANGE}，、。（）])")


def cell_text(cell: str) -> str:
    """A table cell's lines as one text: a word the cell broke with a soft hyphen joined, or with a hyphen where the
    joined word is one of the word list (a compound keeps its hyphen, without a space after it), a soft hyphen
    drawn inside a line read as a hyphen; Chinese broken between two lines joined without a space."""
    cell = SOFT_BREAK.sub("", cell.strip())
    cell = CJK_BREAK.sub("", cell)
    cell = HYPHEN_BREAK.sub(lambda m: m.group(1) + ("" if (m.group(1) + m.group(2)).lower() in word_list() and
                                                      m.group(2)[0].islower() else "-") + m.group(2), cell)
    return cell.replace("\n", " ").replace(SOFT_HYPHEN, "-")


def step_heights(lines: list[dict], full_only: bool = False) -> dict[str | None, list[float]]:
    """The distances from one line to the next, in times the lines' size, per language (a CJK font's lines stand
    further apart than a Latin font's) and for any two lines (under None); with full_only, only from a line that
    reaches the text's right edge (so inside a paragraph)."""
    right = max((line["x1"] for line in lines), default=0)
    heights: dict[str | None, list[float]] = {None: []}
    for a, b in zip(lines, lines[1:]):
        height = (b["base"] - a["base"]) / max(a["size"], b["size"])
        if 0 < height < 3 and (not full_only or a["x1"] >= right - FULL_LINE * a["size"]):
            heights[None].append(height)
            if (lang := language_of(a["text"])) == language_of(b["text"]):
                heights.setdefault(lang, []).append(height)
    return heights


def paragraph_steps(pages: list[list[dict]]) -> dict[str | None, float]:
    """The distance between two lines of one paragraph over the whole document, per language: from a full line to
    the next."""
    heights: dict[str | None, list[float]] = {}
    for lines in pages:
        for lang, values in step_heights(lines, full_only=True).items():
            heights.setdefault(lang, []).extend(values)
    return {lang: statistics.median(values) for lang, values in heights.items() if values}


def reading_place(x0: float, top: float, gutter: float | None) -> tuple[int, float]:
    """Where something stands in a page's reading order: its column (0, or 1 right of a gutter), then its top."""
    return (0 if gutter is None or x0 < gutter else 1), top


def language_gutter(page, zone: float) -> float | None:
    """The middle of the gap between two columns of a page, one Chinese and one English, when its body is so laid
    out: a band down the page's middle third that no character of the body crosses, Chinese text on one side and
    English on the other."""
    chars = [c for c in page.chars if c["text"].strip()]
    margin_rows: dict[int, int] = {}  # in the margins, the characters of each row (a page number is a short one)
    for c in chars:
        if c["top"] <= zone or c["bottom"] >= page.height - zone:
            margin_rows[round(c["top"])] = margin_rows.get(round(c["top"]), 0) + 1
    body = [c for c in chars if margin_rows.get(round(c["top"]), COLUMN_FURNITURE + 1) > COLUMN_FURNITURE]
    if len(body) < COLUMN_MIN_CHARS:
        return None
    covered = [False] * (int(page.width) + 1)
    for char in body:
        for x in range(max(0, int(char["x0"])), min(len(covered), int(char["x1"]) + 1)):
            covered[x] = True
    start, best = None, (0, None)
    for x in range(int(page.width / 3), int(page.width * 2 / 3) + 1):
        if not covered[x]:
            start = x if start is None else start
            if x - start + 1 > best[0]:
                best = (x - start + 1, start + (x - start) / 2)
        else:
            start = None
    width, middle = best
    if middle is None or width < COLUMN_GAP:
        return None
    sides = [[c for c in body if (c["x1"] <= middle) == left] for left in (True, False)]
    langs = [side_language(side) for side in sides]
    return middle if set(langs) == {"zh", "en"} and min(map(len, sides)) >= COLUMN_MIN_CHARS // 4 else None


def side_language(chars: list[dict]) -> str | None:
    """The language of one side of a page, if most of its rows are in it (a table's or a justified line's gap
    down the middle has both languages on each side)."""
    rows: dict[int, str] = {}
    for c in chars:
        rows[round(c["top"])] = rows.get(round(c["top"]), "") + c["text"]
    langs = [lang for lang in map(language_of, rows.values()) if lang]
    for lang in ("zh", "en"):
        if langs and langs.count(lang) >= COLUMN_LANGUAGE_SHARE * len(langs):
            return lang
    return None


def line_steps(lines: list[dict], within: dict[str | None, float]) -> dict[str | None, float]:
    """The usual distance from one line to the next on a page, per language and for any two lines (under None):
    no more than the distance between two lines of one paragraph in the document (`within`), since on a page of
    one-line paragraphs every distance is a paragraph's."""
    return {lang: min(statistics.median(values) if values else 1.5, within.get(lang, math.inf))
            for lang, values in step_heights(lines).items()}


def hanging_start(chars: list[dict], spaces: list[float]) -> float | None:
    """Where a line's text starts after a number and a space at its start (1. | (2) | 第三条), or None."""
    for previous, char in zip(chars, chars[1:LABEL_CHARS + 1]):
        if spaced(previous, char, spaces):
            return char["x0"]
    return None


NO_LINE_START = set("，。、；：？！”’）》」』】〉%,.;:?!)]")  # marks a line never starts with: they go with the word before


def lead_width(chars: list[dict], spaces: list[float]) -> float:
    """The width of what a line starts with that cannot be broken: a Han character, or a word (letters, digits and
    marks up to a space or a Han character), with the marks that may not start a line after it."""
    end = 0
    if not HAN_IDEOGRAPH.match(chars[0]["text"]):
        while end + 1 < len(chars) and not HAN_IDEOGRAPH.match(chars[end + 1]["text"]) \
                and not chars[end + 1]["text"].isspace() and not spaced(chars[end], chars[end + 1], spaces):
            end += 1
    while end + 1 < len(chars) and chars[end + 1]["text"] in NO_LINE_START:
        end += 1
    return chars[end]["x1"] - chars[0]["x0"]


def line_text(chars: list[dict], spaces: list[float] = ()) -> str:
    """A line's text from its characters: a space where the PDF has one or a gap is wide enough for one (`spaces`:
    the middles of the line's space characters, sorted), runs of bold characters (a font whose name says Bold) as
    **…**."""
    out, bold, previous = [], False, None
    for char in chars:
        is_bold = "bold" in char["fontname"].lower()
        space = previous is not None and spaced(previous, char, spaces)
        if is_bold != bold:  # a bold run's marker stands next to its words, the space outside it
            out += ["**", " "] if bold and space else [" ", "**"] if space else ["**"]
            bold = is_bold
        elif space:
            out.append(" ")
        out.append(char["text"])
        previous = char
    if bold:
        out.append("**")
    return "".join(out)


def vector_figures(page, body: tuple[float, float], tables: list[tuple], lines: list[dict]) -> list[tuple]:
    """The regions of charts drawn as vectors: rectangles, curves and short lines outside the tables, in groups of
    VECTOR_MIN or more, each grown to take in the labels around it."""
    top, bottom = body
    shapes = sorted((obj for obj in page.rects + page.curves + page.lines
                     if obj["top"] >= top and obj["bottom"] <= bottom and obj["x1"] - obj["x0"] < page.width * 0.8
                     and not any(x0 - 1 <= obj["x0"] and obj["x1"] <= x1 + 1 and y0 - 1 <= obj["top"]
                                 and obj["bottom"] <= y1 + 1 for x0, y0, x1, y1 in tables)),
                    key=lambda obj: obj["top"])
    groups: list[list[dict]] = []
    for shape in shapes:
        if groups and shape["top"] <= max(s["bottom"] for s in groups[-1]) + VECTOR_GAP:
            groups[-1].append(shape)
        else:
            groups.append([shape])
    regions = []
    for group in groups:
        box = [min(s["x0"] for s in group), min(s["top"] for s in group), max(s["x1"] for s in group),
               max(s["bottom"] for s in group)]
        if len(group) < VECTOR_MIN or box[2] - box[0] < IMAGE_MIN or box[3] - box[1] < IMAGE_MIN:
            continue
        for line in lines:  # the chart's labels, set just around it
            if line["x0"] < box[2] and line["x1"] > box[0] and box[1] - LABEL_GAP < line["bottom"] \
                    and line["top"] < box[3] + LABEL_GAP and len(line["text"]) <= LABEL_LINE:
                box = [min(box[0], line["x0"]), min(box[1], line["top"]), max(box[2], line["x1"]),
                       max(box[3], line["bottom"])]
        regions.append(tuple(box))
    return regions


def rendered(page, box: tuple) -> tuple[bytes, tuple[int, int]]:
    """A region of the page (an image, a drawing), rendered as WebP at the width a page shows it."""
    resolution = max(72, min(300, IMAGE_WIDTH * 72 / (box[2] - box[0])))
    return webp(page.crop(box).to_image(resolution=resolution).original.convert("RGB"))


def digitless(text: str) -> str:
    return re.sub(r"\d+", "#", squeezed(text))


def running_lines(pages) -> set[str]:
    """The texts (digits aside) of lines in the top or bottom margin that recur on several pages."""
    seen: dict[str, set[int]] = {}
    for index, page in enumerate(pages):
        zone = page.height * MARGIN_ZONE
        for line in page.extract_text_lines(strip=True):
            if line["bottom"] <= zone or line["top"] >= page.height - zone:
                seen.setdefault(digitless(line["text"]), set()).add(index)
    return {text for text, where in seen.items() if len(where) >= 2}


def page_label(zone_lines: list[str]) -> str | None:
    """The printed page number among the header and footer lines of a page, if one is printed."""
    for text in zone_lines:
        if match := PAGE_NUMBER_ALONE.match(text):
            return next(group for group in match.groups() if group)
    return None


class PdfReader:
    def __init__(self, path: Path):
        self.path = path
        self.read_blocks: list[list[tuple[int, str]] | Block] = []  # paragraphs (as their lines) and tables, in order
        self.paragraph: list[tuple[int, str]] = []  # the lines of the paragraph being read
        self.position = 0  # the last line's number
        self.pages: dict[int, tuple[int, str | None]] = {}
        self.repairs: list[Repair] = []
        self.images: list[PrintedImage] = []
        self.last_table: int | None = None  # the page of the table read last, while nothing has been read after it
        self.columns = False  # whether some page was read as two columns, one per language
        self.headings: dict[int, str] = {}

    def placed(self, page: tuple[int, str | None]) -> int:
        """The next line's number, placed on its page."""
        self.position += 1
        self.pages[self.position] = page
        return self.position

    def line(self, text: str, page: tuple[int, str | None]) -> None:
        """A line of the paragraph being read."""
        self.last_table = None
        self.paragraph.append((self.placed(page), text))

    def end_paragraph(self) -> None:
        if self.paragraph:
            self.read_blocks.append(self.paragraph)
            self.paragraph = []

    def blocks(self) -> list[Block]:
        """What was read as blocks in reading order: each paragraph's in its language (a paragraph of digits alone
        in a neighbour's), a bold run going on over a line or page break marked once."""
        paragraphs = blocks_of(joined_bold([b for b in self.read_blocks if not isinstance(b, Block)]))
        tables = [part for b in self.read_blocks if isinstance(b, Block) for part in by_language(b)]
        return sorted(paragraphs + tables, key=lambda block: block.first_line)

    def read(self) -> PdfText:
        with open_pdf(self.path) as pdf:
            furniture = running_lines(pdf.pages)
            pages = [self.page_content(page, furniture) for page in pdf.pages]
        self.check(pages)
        body_sizes = [line["size"] for _, lines, _, _ in pages for line in lines if line.get("text")]
        body = statistics.median(body_sizes) if body_sizes else 10.0
        within = paragraph_steps([lines for _, lines, _, _ in pages])
        for index, (zone, lines, tables, images) in enumerate(pages, start=1):
            page = (index, page_label(zone))
            for text in zone:
                kind = "page_number" if PAGE_NUMBER_ALONE.match(text) else "running_line"
                self.repairs.append(Repair(kind, self.position + 1, f"{text} (page {index})"))
            self.page_lines(lines, tables, images, body, page, within)
            self.end_paragraph()  # a page break ends a block; the reader rejoins what it cut
        return PdfText(self.blocks(), self.pages, self.repairs, self.images, columns=self.columns,
                       headings=self.headings)

    def page_content(self, page, furniture: set[str]) -> tuple[list[str], list[dict], list, list]:
        """A page's header and footer lines, its body lines (with size and position; a page of two columns, one per
        language, column by column), its ruled tables and the images printed in its body (each rendered from its
        region)."""
        zone = page.height * MARGIN_ZONE
        top, bottom, header_footer, rest = 0.0, page.height, [], []
        gutter = language_gutter(page, zone)
        if gutter is not None:
            self.columns = True
        columns = [page] if gutter is None else [page.crop((0, 0, gutter, page.height)),
                                                 page.crop((gutter, 0, page.width, page.height))]
        for line in (line for column in columns for line in column.extract_text_lines(return_chars=True, strip=True)):
            in_margin = line["bottom"] <= zone or line["top"] >= page.height - zone
            if in_margin and (PAGE_NUMBER_ALONE.match(line["text"]) or digitless(line["text"]) in furniture):
                header_footer.append(line["text"].strip())
                if line["bottom"] <= zone:
                    top = max(top, line["bottom"] + 0.5)
                else:
                    bottom = min(bottom, line["top"] - 0.5)
            else:
                rest.append(line)
        tables = []
        for table in page.crop((0, top, page.width, bottom)).find_tables():
            rows = [[cell_text(cell or "") for cell in row] for row in table.extract()]
            tables.append((table.bbox, rows))
        drawings = vector_figures(page, (top, bottom), [bbox for bbox, _ in tables], rest)
        spaces = [c for c in page.chars if c["text"] == " "]
        lines = []
        for line in rest:
            if any(x0 - 1 <= line["x0"] and line["x1"] <= x1 + 1 and y0 - 1 <= line["top"] and line["bottom"] <= y1 + 1
                   for (x0, y0, x1, y1) in [bbox for bbox, _ in tables] + drawings):
                continue  # text inside a table or a chart: the table or the chart's image gives it
            chars, repairs = glyphs(line["chars"])
            middle = (line["top"] + line["bottom"]) / 2
            gaps = sorted((c["x0"] + c["x1"]) / 2 for c in spaces if c["top"] <= middle <= c["bottom"])
            lines.append({"text": line_text(chars, gaps), "top": line["top"], "bottom": line["bottom"],
                          "base": statistics.median(c["bottom"] for c in chars),
                          "x0": line["x0"], "x1": line["x1"], "hang": hanging_start(chars, gaps),
                          "lead": lead_width(chars, gaps), "size": statistics.median(c["size"] for c in chars),
                          "bold": all("bold" in c["fontname"].lower() for c in chars), "repairs": repairs,
                          "at": reading_place(line["x0"], line["top"], gutter)})
        boxes = [(image["x0"], image["top"], image["x1"], image["bottom"]) for image in page.images
                 if image["x1"] - image["x0"] >= IMAGE_MIN and image["bottom"] - image["top"] >= IMAGE_MIN
                 and image["top"] >= top and image["bottom"] <= bottom]
        images = [(reading_place(box[0], box[1], gutter), rendered(page, box)) for box in boxes + drawings]
        return header_footer, lines, [(reading_place(bbox[0], bbox[1], gutter), rows) for bbox, rows in tables], images

    def page_lines(self, lines: list[dict], tables: list, images: list, body_size: float,
                   page: tuple[int, str | None], within: dict[str | None, float]) -> None:
        """The body lines of a page in reading order, paragraph by paragraph; tables and images where they stand
        (each a block of its own)."""
        left = min((line["x0"] for line in lines), default=0)
        right = max((line["x1"] for line in lines if language_of(line["text"]) == "zh"), default=math.inf)
        steps = line_steps(lines, within)
        previous = None
        pending = sorted([(at, "table", rows) for at, rows in tables] + [(at, "image", image) for at, image in images],
                         key=lambda item: item[0])
        for line in lines:
            while pending and pending[0][0] < line["at"]:
                self.place(pending.pop(0), page)
                previous = None
            text = line["text"]
            line["lang"] = language_of(text) or (previous or {}).get("lang")  # digits alone: the paragraph's
            if previous is not None and self.new_paragraph(previous, line, (left, right), steps, body_size):
                self.end_paragraph()
            heading = line["bold"] and line["size"] > body_size * HEADING_SIZE
            self.repairs += [Repair(kind, self.position + 1, glyph, page[0]) for kind, glyph in line["repairs"]]
            if heading:
                self.headings[self.position + 1] = (f"printed in bold at {line['size']:.3g} pt, larger than the "
                                                    f"body text's {body_size:.3g} pt")
            self.line(text.replace("**", "") if heading else text, page)  # a heading is bold anyway
            previous = line
        for item in pending:
            self.place(item, page)

    def place(self, item: tuple, page: tuple[int, str | None]) -> None:
        _, kind, content = item
        if kind == "table":
            self.table(content, page)
            return
        data, size = content
        self.last_table = None
        self.end_paragraph()
        self.images.append(PrintedImage(page[0], self.position + 1, data, size))

    @staticmethod
    def new_paragraph(previous: dict, line: dict, edges: tuple[float, float], steps: dict, body_size: float) -> bool:
        """Whether a line starts a paragraph: after a gap, at a change of size or language, indented further than
        the line before it (unless it stands where that line's text starts after its number: a hanging indent, the
        lines of a numbered list's item), or after a Chinese line that stops short of the Chinese text's right edge
        (Chinese text fills every line of a paragraph but its last, up to the room the next line's first character or
        word would need). A line of digits alone is in the language of the line before it."""
        left, right = edges
        heading = max(previous["size"], line["size"]) > body_size * HEADING_SIZE and previous["size"] != line["size"]
        lang = line["lang"]
        usual = steps.get(lang if lang == previous["lang"] else None, steps[None])
        gap = (line["base"] - previous["base"]) / max(previous["size"], line["size"]) > usual * PARAGRAPH_GAP
        size = line["size"]
        indented = line["x0"] - left > size * INDENT and line["x0"] > previous["x0"] + size * ALIGNED \
            and (previous["hang"] is None or abs(line["x0"] - previous["hang"]) > size * ALIGNED)
        switched = previous["lang"] != lang
        short = previous["lang"] == "zh" and not switched \
            and previous["x1"] < right - max(FULL_LINE * previous["size"], line["lead"] + ALIGNED * size)
        return heading or gap or indented or switched or short

    def table(self, rows: list[list[str]], page: tuple[int, str | None]) -> None:
        """A table as a block of rows, one line each; a table that goes on from the previous page (nothing between
        them) joined to it: its repeated title and header rows dropped, a row cut by the page break made whole."""
        self.end_paragraph()
        before = self.read_blocks[-1] if self.last_table is not None and self.last_table < page[0] else None
        if isinstance(before, Block) and rows and len(rows[0]) == len(before.rows[0]):
            before, rows = self.continued(before, rows, page)
            self.read_blocks.pop()
        else:
            before = None
        lines = tuple((self.placed(page), "\t".join(row)) for row in rows)
        if before is not None:
            lines, rows = before.lines + lines, [list(row) for row in before.rows] + rows
        cells = " ".join(cell for row in rows for cell in row)
        self.read_blocks.append(Block(language_of(cells) or "zh", lines, tuple(tuple(row) for row in rows)))
        self.last_table = page[0]

    def continued(self, before: Block, rows: list[list[str]], page: tuple[int, str | None]) -> tuple[Block, list]:
        """A table before a page break, and the rows of its continuation that are new: the repeated ones at its top
        dropped, its first row merged into the last one before the break when it is that row's rest (its first cell
        empty)."""
        repeated = 0
        while repeated < len(rows) and repeated < len(before.rows) and tuple(rows[repeated]) == before.rows[repeated]:
            repeated += 1
        last_line = before.lines[-1][0]
        if repeated:
            self.repairs.append(Repair("table_header", last_line, f"{repeated} row(s)", page[0]))
        rows = rows[repeated:]
        last = before.rows[-1]
        if rows and not rows[0][0] and last[0] and any(cell for cell in rows[0]):
            merged = tuple(join(language_of(a + b) or "en", [a, b]) if a and b else a or b for a, b in zip(last, rows[0]))
            before = dataclasses.replace(before, lines=before.lines[:-1] + ((last_line, "\t".join(merged)),),
                                         rows=before.rows[:-1] + (merged,))
            self.repairs.append(Repair("table_row", last_line, merged[1] if len(merged) > 1 else merged[0], page[0]))
            rows = rows[1:]
        return before, rows

    def check(self, pages: list) -> None:
        """Refuse what cannot be read as text: no text layer, fonts without Unicode maps."""
        name = str(self.path)
        empty = [index for index, (_, lines, tables, _) in enumerate(pages, start=1) if not lines and not tables]
        if len(empty) == len(pages):
            raise InputError.single(name, None, f"the PDF has no text layer on any of its {len(pages)} pages "
                                                "(a scanned document?)",
                                    "use the PDF the report was typeset to, or run OCR on it first")
        cid = [index for index, (_, lines, _, _) in enumerate(pages, start=1) if any(CID.search(l["text"]) for l in lines)]
        garbled = [index for index, (_, lines, _, _) in enumerate(pages, start=1) if not chinese_text(lines)]
        if garbled and not cid:
            raise InputError.single(name, None, f"the Chinese on pages {page_ranges(garbled)} is mostly characters that "
                                                "Chinese text does not use: its fonts map glyphs to the wrong code points",
                                    "export the PDF again with fonts embedded as Unicode, or extract its text "
                                    "with another tool and build from the text")
        if cid:
            raise InputError.single(name, None, f"the fonts on pages {page_ranges(cid)} have no Unicode map: their text "
                                                "comes out as (cid:N) codes",
                                    "export the PDF again with fonts embedded as Unicode, or extract its text "
                                    "with another tool and build from the text")


def by_language(table: Block) -> list[Block]:
    """A table's rows as tables of one language: a Chinese table and its English drawn as one (nothing between
    them) are two."""
    runs: list[tuple[str, list, list]] = []
    for line, row in zip(table.lines, table.rows):
        lang = language_of(" ".join(row)) or (runs[-1][0] if runs else table.lang)
        if not runs or runs[-1][0] != lang:
            runs.append((lang, [], []))
        runs[-1][1].append(line)
        runs[-1][2].append(row)
    return [Block(lang, tuple(lines), tuple(rows)) for lang, lines, rows in runs]


def joined_bold(paragraphs: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """One bold run over a line (or paragraph) break as one pair of markers: "…**" then "**…" lose theirs."""
    paragraphs = [list(lines) for lines in paragraphs]
    places = [(p, i) for p, lines in enumerate(paragraphs) for i in range(len(lines))]
    for (p, i), (q, k) in zip(places, places[1:]):
        (number, text), (next_number, next_text) = paragraphs[p][i], paragraphs[q][k]
        if text.endswith("**") and next_text.startswith("**"):
            paragraphs[p][i] = (number, text[:-2])
            paragraphs[q][k] = (next_number, next_text[2:])
    return paragraphs


def common_hanzi(char: str) -> bool:
    """Whether a character is one of the ideographs everyday Chinese text is written in: the 6,763 of GB 2312, or
    the 5,401 frequent ones of Big5 (a traditional form now and then, as 意見)."""
    for codec, first, last in (("gb2312", 0xB0, 0xF7), ("big5", 0xA4, 0xC6)):
        try:
            encoded = char.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2 and first <= encoded[0] <= last:
            return True
    return False


def chinese_text(lines: list[dict]) -> bool:
    """Whether a page's ideographs read as Chinese text: most of them common (a font without a Unicode map
    gives plausible-looking but rare ones)."""
    hanzi = [char for line in lines for char in line["text"] if HAN_IDEOGRAPH.match(char)]
    return len(hanzi) < GARBLED_MIN or sum(map(common_hanzi, hanzi)) >= COMMON_SHARE * len(hanzi)


def reading_version() -> str:
    """What a reading depends on besides the PDF: this module and the PDF library."""
    code = Path(__file__).read_bytes() + metadata.version("pdfplumber").encode()
    return hashlib.sha256(code).hexdigest()[:16]


def cached_read(path: Path, cache: Path | None) -> PdfText:
    """The PDF read by layout, or the reading kept under its hash (a warm build reads no PDF)."""
    if cache is None:
        return PdfReader(path).read()
    key = hashlib.sha256(path.read_bytes()).hexdigest()[:32] + "-" + reading_version()
    stored = cache / f"{key}.json"
    if stored.exists():
        data = json.loads(stored.read_text(encoding="utf-8"))
        blocks = [Block(b["lang"], tuple(tuple(line) for line in b["lines"]), tuple(tuple(row) for row in b["rows"]))
                  for b in data["blocks"]]
        return PdfText(blocks, {int(k): tuple(v) for k, v in data["pages"].items()},
                       [Repair(**repair) for repair in data["repairs"]],
                       [PrintedImage(i["page"], i["line"], base64.b64decode(i["data"]), tuple(i["size"]))
                        for i in data["images"]], key, data["columns"],
                       {int(k): v for k, v in data["headings"].items()})
    text = dataclasses.replace(PdfReader(path).read(), key=key)
    cache.mkdir(parents=True, exist_ok=True)
    temporary = stored.with_name(stored.name + ".tmp")
    images = [{"page": i.page, "line": i.line, "data": base64.b64encode(i.data).decode(), "size": list(i.size)}
              for i in text.images]
    blocks = [{"lang": b.lang, "lines": b.lines, "rows": b.rows} for b in text.blocks]
    temporary.write_text(json.dumps({"blocks": blocks, "pages": text.pages, "images": images, "columns": text.columns,
                                     "headings": text.headings,
                                     "repairs": [dataclasses.asdict(r) for r in text.repairs]}, ensure_ascii=False),
                         encoding="utf-8")
    temporary.replace(stored)
    return text


def read_pdf(path: Path, cache: Path | None = None) -> PdfText:
    """The PDF's text by layout (kept in `cache` by the PDF's hash); an InputError names the file and pages when it
    cannot be read as a report."""
    return cached_read(path, cache)
