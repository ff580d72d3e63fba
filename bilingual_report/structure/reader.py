"""Read the publisher's text file into the document tree, or raise InputError listing every problem found.

Structure that is surely wrong (a heading number used twice, a block without its translation) is an error;
structure that is unusual but readable (a numbering gap, a skipped level, a line that looks like a heading
of another numbering scheme) is a warning. Both carry the file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from bilingual_report.config.profile import Profile, Scheme
from bilingual_report.errors import InputError, Problem
from bilingual_report.language.text import ends_sentence, join, squeezed
from bilingual_report.model import LANGS, Bilingual, Document, Figure, Heading, Paragraph
from bilingual_report.sources.blocks import Block, Place, Position, PrintedImage, file_index, line_in_file, place_name
from bilingual_report.sources.cleanup import (Cleaned, Structure, clean, clean_characters, cleaning_version, printable,
                                              stored_clean)
from bilingual_report.sources.formats import is_docx, is_pdf
from bilingual_report.sources.text import read_text, split_blocks, text_lines
from bilingual_report.structure.beads import LOW_CONFIDENCE, Bead, Pair, align_runs, align_streams, cut
from bilingual_report.structure.elements import (Element, choose_scheme, heading_label, heading_like,
                                                 other_scheme_headings, parse_run)
from bilingual_report.structure.layouts import NAMES, Layout, one_file, two_files
from bilingual_report.structure.text_end import text_end
from bilingual_report.structure.tree import TreeBuilder

PAIRING_HINT = ("each Chinese block must be followed by its English translation: "
                "look for a missing translation or a paragraph present in one language only")
FRONT_MAX_BLOCKS = 3
HEAD_MAX_BLOCKS = 8  # a language's title and the lines under it, read apart from the other language's
TITLE_MAX = {"zh": 200, "en": 600}  # characters: longer is no title
FRAGMENT_REPEAT = 10  # a block of this many characters (without spaces) or more, repeated inside its own paragraph
DIGIT = re.compile(r"\d")


@dataclass
class Reading:
    """The document read, and what is unusual about it (warnings; errors raise InputError)."""

    document: Document
    scheme: Scheme
    cleaned: Cleaned          # the page furniture removed and the breaks repaired, line by line
    warnings: list[Problem]
    images: dict[str, bytes] = field(default_factory=dict)  # a PDF's printed figures, by the name figures give them
    places: dict[int, Place] = field(default_factory=dict)  # a Word document's: position → paragraph or table row
    layout: str = "interleaved"  # how the two languages are laid out (a key of layouts.NAMES)
    files: tuple[str, ...] = ()  # the files read (one, or one per language)
    pages: dict[int, tuple[int, str | None]] = field(default_factory=dict)  # a PDF's: position → (page, printed page)

    @property
    def layout_described(self) -> str:
        return NAMES[self.layout]

    def file_of(self, position: int) -> str:
        """The file a position (a node's line) is in."""
        return self.files[file_index(position)]


@dataclass
class SourceRead:
    """One file as read: its lines cleaned, its blocks, and where its positions are (a PDF's pages, a Word
    document's paragraphs) with the images it prints."""

    cleaned: Cleaned
    blocks: list[Block]
    places: dict[int, Place] = field(default_factory=dict)
    pages: dict[int, tuple[int, str | None]] = field(default_factory=dict)
    printed: list[PrintedImage] = field(default_factory=list)
    columns: bool = False  # a PDF's pages read as two columns, one per language
    headings: dict[int, str] = field(default_factory=dict)  # position → how the file sets it as a heading

    def placed(self, file: int) -> "SourceRead":
        """The same, its positions those of the given file of the report's (sources/blocks.py's Position)."""
        def at(line: int) -> Position:
            return Position(line, file)
        cleaned = Cleaned([(at(n), text) for n, text in self.cleaned.lines],
                          [replace(r, line=at(r.line)) for r in self.cleaned.repairs],
                          [(at(n), message) for n, message in self.cleaned.warnings],
                          [(at(n), message) for n, message in self.cleaned.errors])
        blocks = [replace(b, lines=tuple((at(n), text) for n, text in b.lines)) for b in self.blocks]
        return SourceRead(cleaned, blocks, {at(n): place for n, place in self.places.items()},
                          {at(n): page for n, page in self.pages.items()},
                          [replace(image, line=at(image.line)) for image in self.printed], self.columns,
                          {at(n): how for n, how in self.headings.items()})


def language_runs(blocks: list[Block]) -> list[list[Block]]:
    runs: list[list[Block]] = []
    for block in blocks:
        if runs and runs[-1][0].lang == block.lang:
            runs[-1].append(block)
        else:
            runs.append([block])
    return runs


def squeeze(text: str) -> str:
    return squeezed(text).casefold()


def kind_of(element: Element) -> str:
    """An element's kind in a message: a heading by its level (item, chapter) or role (preface)."""
    if element.kind == "heading":
        return element.role or "/".join(sorted(element.levels))
    return element.kind


def describe(run: list[Element]) -> str:
    kinds = [kind_of(e) for e in run]
    return ", ".join(f"{kinds.count(k)} {k}{'s' if kinds.count(k) > 1 else ''}"
                     for k in dict.fromkeys(kinds))


def lines_of(run: list[Element]) -> str:
    numbers = sorted({n for e in run for n in e.lines})
    return ("line " if len(numbers) == 1 else "lines ") + ", ".join(str(n) for n in numbers)


def run_text(run: list[Block]) -> str:
    return join(run[0].lang, [t for b in run for t in b.texts])


def without_running_title(blocks: list[Block], title: Bilingual) -> list[Block]:
    """The blocks without the running header that repeats the title, whole or cut in two by a break."""
    wanted = {lang: squeeze(title[lang]) for lang in LANGS}
    kept: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if squeeze(block.text) == wanted[block.lang]:
            index += 1
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following and following.lang == block.lang \
                and squeeze(block.text) + squeeze(following.text) == wanted[block.lang]:
            index += 2
            continue
        kept.append(block)
        index += 1
    return kept


def characters_cleaned(blocks: list[Block]) -> tuple[Cleaned, list[Block]]:
    """Blocks read as they are (a Word document's) with only their characters cleaned, and what was cleaned."""
    cleaned = clean_characters([line for block in blocks for line in block.lines])
    texts = dict(cleaned.lines)
    return cleaned, [replace(block, lines=tuple((n, texts[n]) for n, _ in block.lines),
                             rows=tuple(tuple(printable(cell) for cell in row) for row in block.rows))
                     for block in blocks]


def cleaned_blocks(blocks: list[Block], cleaned: Cleaned) -> list[Block]:
    """A reader's blocks with their lines as cleaned (a line the cleaning dropped, or emptied by moving a word's
    rest up, is gone; a block left without lines too), a table's cells with their characters cleaned."""
    texts = dict(cleaned.lines)
    out = []
    for block in blocks:
        if block.rows:
            out.append(replace(block, lines=tuple((n, texts.get(n, text)) for n, text in block.lines),
                               rows=tuple(tuple(printable(cell) for cell in row) for row in block.rows)))
        elif lines := tuple((n, texts[n]) for n, _ in block.lines if texts.get(n, "").strip()):
            out.append(replace(block, lines=lines))
    return out


def front_block(block: Block) -> bool:
    """A short block that is not a sentence: an issuing office, an adoption note, a date."""
    text = block.text
    return not ends_sentence(block.lang, text) and len(text) <= 300


def front_like(run: list[Block]) -> bool:
    return len(run) <= FRONT_MAX_BLOCKS and all(front_block(block) for block in run)


class DocumentReader:
    """Builds the Document from source blocks; collects problems instead of stopping at the first."""

    def __init__(self, paths: list[Path], profile: Profile, cache: Path | None = None):
        self.paths = paths
        self.cache = cache  # where a PDF's reading is kept
        self.names = [str(path) for path in paths]
        self.name = self.names[0]
        self.profile = profile
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.pages: dict[int, tuple[int, str | None]] = {}  # for a PDF: line as read → (PDF page, printed page)
        self.places: dict[int, Place] = {}  # for a Word document: position → paragraph or table row
        self.printed: list[PrintedImage] = []  # for a PDF or a Word document: the images printed in its text
        self.columns = False  # for a PDF: its pages hold two columns, one per language
        self.headings: dict[int, str] = {}  # for a PDF or a Word document: position → how it is set as a heading

    def problem(self, line: int | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.name, line, message, hint))

    def warning(self, line: int | None, message: str, hint: str = "") -> None:
        self.warnings.append(Problem(self.name, line, message, hint))

    def sources(self, structure: Structure) -> tuple[Cleaned, list[list[Block]]]:
        """Every file's lines cleaned (as one), and each file's blocks; the second file's lines placed after
        the first's (sources/blocks.py's Position)."""
        cleaned = Cleaned([])
        files: list[list[Block]] = []
        for index, path in enumerate(self.paths):
            try:
                read = self.source(path, structure)
            except InputError as err:  # a file's problems are named with its own name
                raise InputError([replace(p, path=self.names[index]) if p.path == self.name else p
                                  for p in err.problems]) from None
            if index:
                read = read.placed(index)
            cleaned.lines += read.cleaned.lines
            cleaned.repairs += read.cleaned.repairs
            cleaned.warnings += read.cleaned.warnings
            cleaned.errors += read.cleaned.errors
            self.places |= read.places
            self.pages |= read.pages
            self.headings |= read.headings
            self.printed += read.printed
            self.columns = self.columns or read.columns
            files.append(read.blocks)
        return cleaned, files

    def source(self, path: Path, structure: Structure) -> "SourceRead":
        """A file read: a Word document's paragraphs, or the blocks of a text's (or a PDF's) lines once cleaned."""
        if path.is_file() and is_docx(path):
            from bilingual_report.sources.docx import read_docx  # python-docx, only for a Word document
            docx = read_docx(path)
            cleaned, blocks = characters_cleaned(docx.blocks)
            cleaned.warnings = sorted(cleaned.warnings + docx.warnings)
            return SourceRead(cleaned, blocks, places=docx.places, printed=docx.images, headings=docx.headings)
        if not (path.is_file() and is_pdf(path)):
            cleaned = clean(text_lines(read_text(path)), structure)
            return SourceRead(cleaned, split_blocks(cleaned.lines))
        from bilingual_report.sources.pdf import read_pdf  # pdfplumber and its helpers, only for a PDF
        pdf = read_pdf(path, self.cache)
        cells = frozenset(pdf.table_lines)
        if pdf.key:  # the cleaning kept in the cache under the PDF's hash and the profile's
            stored = self.cache / f"{pdf.key}-{self.profile.digest}-{cleaning_version()}.clean.json"
            cleaned = stored_clean(pdf.lines, structure, cells, stored)
        else:
            cleaned = clean(pdf.lines, structure, furniture=False, cells=cells)
        cleaned.repairs = sorted(pdf.repairs + cleaned.repairs, key=lambda r: r.line)
        return SourceRead(cleaned, cleaned_blocks(pdf.blocks, cleaned), pages=pdf.pages, printed=pdf.images,
                          columns=pdf.columns, headings=pdf.headings)

    def located(self, problems: list[Problem]) -> list[Problem]:
        """Each problem in its file: a PDF's by page (and line of the text read from it, as `convert.py --cleaned`
        shows it), a Word document's by paragraph or table row, a text's by line."""
        out = []
        for p in problems:
            if p.line is None or p.path != self.name:
                out.append(p)
                continue
            path = self.names[file_index(p.line)]
            if where := place_name(p.line, self.places, self.pages):
                out.append(Problem(path, None, f"{where} (line {p.line} as read): {p.message}", p.hint))
            else:
                out.append(Problem(path, line_in_file(p.line), p.message, p.hint))
        return out

    def read(self) -> Reading:
        try:
            return self.read_source()
        except InputError as err:
            raise InputError(self.located(err.problems)) from None

    def read_source(self) -> Reading:
        structure = Structure(lambda text: heading_like(self.profile, text), lambda text: heading_label(self.profile, text))
        cleaned, files = self.sources(structure)
        for line, message in cleaned.warnings:
            self.warning(line, message, "check the line, and see `scripts/convert.py FILE --outline`")
        for line, message in cleaned.errors:
            self.problem(line, message, "put back what the report prints there (extract the text again, or type it)")
        if self.problems:
            raise InputError(self.problems)
        if len(files) == 1 and not files[0]:
            raise InputError.single(self.name, None, "nothing is left once page numbers and running lines are removed",
                                    "check that this is the report's text file")
        layout = one_file(self.name, files[0], self.columns) if len(files) == 1 else two_files(self.names, files)
        title, title_runs, issuer, front, pairs, scheme = (self.read_apart(layout) if layout.apart
                                                           else self.read_interleaved(list(layout.blocks)))
        title_lines = {lang: [b.first_line for b in run] for lang, run in zip(LANGS, title_runs)}
        document = TreeBuilder(self, scheme).build(title, issuer, front, pairs, title_lines)
        if not self.problems and (end := text_end(document)):
            node, message = end
            self.problem(node.lines["zh"][0], f"{message} (English at line {node.lines['en'][0]}): the file seems to "
                                              "have been cut short", "give the whole text, to its last sentence")
        self.check_headings_set(document)
        images: dict[str, bytes] = {}
        if self.pages:
            for node, _ in document.walk():
                if not isinstance(node, Heading):
                    node.page = {lang: list(self.pages[node.lines[lang][0]]) for lang in LANGS
                                 if node.lines[lang][0] in self.pages}
        if self.printed:
            images = self.attach_images(document)
        self.check_tables_found(document)
        if self.problems:
            raise InputError(self.problems)
        return Reading(document, scheme, cleaned, self.located(self.warnings), images, self.places, layout.name,
                       tuple(self.names), self.pages)

    def check_headings_set(self, document: Document) -> None:
        """A paragraph its source sets as a heading (a Word heading style, larger bold print) that the profile
        does not read as one is named: a heading read as a paragraph is a wrong structure."""
        for node, _ in document.walk():
            if not isinstance(node, Paragraph) or node.note:
                continue
            for lang in LANGS:
                if (line := node.lines[lang][0]) in self.headings:
                    start = node.text[lang].replace("**", "")[:40]
                    self.warning(line, f"{node.id}: «{start}…» is set as a heading ({self.headings[line]}) but does "
                                       "not start as the profile's headings do: read as a paragraph",
                                 "number it as the report's other headings are numbered, or add its form to "
                                 "data/profile.yml (an unnumbered heading's word, a level's pattern)")
                    break  # once for the pair

    def read_interleaved(self, blocks: list[Block]) -> tuple:
        """The title, the lines under it and the pairs of a text whose Chinese blocks are each followed by their
        English."""
        runs = language_runs(blocks)
        if runs[0][0].lang != "zh":
            raise InputError.single(self.name, runs[0][0].first_line, "the text starts in English",
                                    "the report must start with the Chinese title, then the English title")
        if len(runs) < 2:
            raise InputError.single(self.name, blocks[-1].last_line,
                                    "too little text: expected the title in Chinese, then in English",
                                    "check that this is the report's text file")
        self.check_title_ends(runs[:2])
        title = {"zh": run_text(runs[0]), "en": run_text(runs[1])}
        self.check_title(runs[:2], title)
        rest = language_runs(without_running_title([b for run in runs[2:] for b in run], title))
        self.check_running_title(rest, title)
        scheme = choose_scheme(self.profile, [b for run in rest for b in run])
        issuer, front, rest = self.front_matter(rest, scheme)
        self.check_other_schemes(scheme, [b for run in rest for b in run])
        return title, runs[:2], issuer, front, self.pair_all(rest, scheme), scheme

    def check_title_ends(self, runs: list[list[Block]]) -> None:
        for run, what in zip(runs, ("Chinese title", "English title")):
            if ends_sentence(run[-1].lang, run[-1].texts[-1]):
                raise InputError.single(
                    self.name, run[-1].first_line, f"the {what} ends like a sentence: «{run[-1].texts[-1][-40:]}»",
                    "the text must start with the title (Chinese, then English), then the issuing office if any, "
                    "then the introduction in Chinese followed by its English")

    def check_other_schemes(self, scheme: Scheme, body: list[Block]) -> None:
        for line, other, text in other_scheme_headings(self.profile, scheme, body):
            self.warning(line, f"«{text[:30]}» looks like a heading of the {other} numbering, which this document "
                               f"does not otherwise use (it follows the {scheme.name} numbering): kept as text",
                         "if it is a heading, make the document's headings follow one numbering scheme "
                         "(or adjust data/profile.yml)")

    def head_blocks(self, stream: list[Block], scheme: Scheme) -> int:
        """How many blocks a language's text starts with before its text proper: its title and the short lines
        under it (none of them a heading, a caption or a sentence)."""
        count = 0
        for block in stream[:HEAD_MAX_BLOCKS]:
            if not front_block(block) or any(e.kind != "paragraph" for e in parse_run([block], self.profile, scheme)):
                break
            count += 1
        return count

    def read_apart(self, layout: Layout) -> tuple:
        """The title, the lines under it and the pairs of a report whose languages were read apart: each stream's
        title and the lines under it paired in order, its text aligned with the other's (beads.py)."""
        streams = {"zh": list(layout.zh), "en": list(layout.en)}
        scheme = choose_scheme(self.profile, streams["zh"] + streams["en"])
        heads = {lang: self.head_blocks(stream, scheme) for lang, stream in streams.items()}
        for lang, name in (("zh", "Chinese"), ("en", "English")):
            if not heads[lang]:
                first = streams[lang][0] if streams[lang] else None
                raise InputError.single(self.name, first.first_line if first else None,
                                        f"the {name} text does not start with a title"
                                        + (f": «{first.text[:40]}»" if first else " (it is empty)"),
                                        f"each language's text must start with its title (layout found: "
                                        f"{layout.described})")
        under = min(heads.values()) - 1  # the lines under the title: as many in each language; the rest is title
        title_runs = [streams[lang][:heads[lang] - under] for lang in LANGS]
        self.check_title_ends(title_runs)
        title = {lang: run_text(run) for lang, run in zip(LANGS, title_runs)}
        self.check_title(title_runs, title)
        rest = {lang: without_running_title(streams[lang][len(run):], title) for lang, run in zip(LANGS, title_runs)}
        self.check_running_title([rest["zh"][:4], rest["en"][:4]], title)
        under_title = {lang: rest[lang][:self.head_blocks(rest[lang], scheme)] for lang in LANGS}
        issuer, front = self.lines_under_title(under_title)
        body = {lang: rest[lang][len(under_title[lang]):] for lang in LANGS}
        self.check_other_schemes(scheme, body["zh"] + body["en"])
        elements = {lang: parse_run(body[lang], self.profile, scheme) for lang in LANGS if body[lang]}
        if len(elements) < 2:
            raise InputError.single(self.name, None, "too little text: expected the report's text in each language "
                                    "after its title", f"layout found: {layout.described}")
        pairs = self.pairs_of(align_streams(elements["zh"], elements["en"]))
        for pair in pairs:
            for element, other in ((pair.zh, pair.en), (pair.en, pair.zh)):
                self.check_repeats(element.parts, element.lines, kind_of(element),
                                   f"the other language (line {other.lines[0]}) holds it once")
        return title, title_runs, issuer, front, pairs, scheme

    def lines_under_title(self, runs: dict[str, list[Block]]) -> tuple[Bilingual | None, list[Bilingual]]:
        """The issuing office and the other lines under the title, paired in order."""
        if len(runs["zh"]) != len(runs["en"]):
            longer, shorter = ("zh", "en") if len(runs["zh"]) > len(runs["en"]) else ("en", "zh")
            extra = runs[longer][len(runs[shorter])]
            name = {"zh": "Chinese", "en": "English"}
            self.problem(extra.first_line, f"the {name[longer]} line under the title at line {extra.first_line} "
                                           f"(«{extra.text[:30]}») has no {name[shorter]} counterpart "
                                           f"({len(runs[longer])} {name[longer]} lines under the title, "
                                           f"{len(runs[shorter])} {name[shorter]})",
                         "give the lines under the title (the issuer, a date) in both languages")
        issuer, front = None, []
        for zh, en in zip(runs["zh"], runs["en"]):
            pair = {"zh": zh.text, "en": en.text}
            bracketed = pair["zh"][:1] in "（(" or pair["en"][:1] == "("
            if issuer is None and not front and not bracketed and not DIGIT.search(pair["zh"]):
                issuer = pair
            else:
                front.append(pair)
        return issuer, front

    def pairs_of(self, beads: list[Bead]) -> list[Pair]:
        """The beads as pairs: one of two paragraphs (in order) for one; a block alone is an error naming both
        places; a bead of two paragraphs far from the document's lengths, a warning."""
        pairs: list[Pair] = []
        for index, bead in enumerate(beads):
            if not bead.zh or not bead.en:
                self.unmatched(beads, index)
                continue
            zh, en = bead.zh[0].merged(list(bead.zh[1:])), bead.en[0].merged(list(bead.en[1:]))
            pieces = {lang: [e.text for e in side] for lang, side in (("zh", bead.zh), ("en", bead.en)) if len(side) > 1}
            if pieces and abs(bead.deviation) > LOW_CONFIDENCE:
                self.warning(zh.lines[0], f"the Chinese at {lines_of(list(bead.zh))} is paired with the English at "
                                          f"{lines_of(list(bead.en))}, but their lengths differ more than the "
                                          "report's usually do", "check that they translate each other")
            pairs.append(Pair(zh, en, pieces))
        return pairs

    def unmatched(self, beads: list[Bead], index: int) -> None:
        """A block of one language with no counterpart, named with the other language's blocks around it."""
        bead = beads[index]
        (element,), lang = (bead.zh, "zh") if bead.zh else (bead.en, "en")
        other = "en" if lang == "zh" else "zh"
        near = [e for b in beads[max(0, index - 1):index + 2] for e in getattr(b, other)]
        name = {"zh": "Chinese", "en": "English"}
        where = f" (the {name[other]} blocks nearby are at {lines_of(near)})" if near else ""
        self.problem(element.lines[0], f"the {name[lang]} {kind_of(element)} at {lines_of([element])} "
                                       f"(«{element.text[:30]}») has no {name[other]} counterpart{where}",
                     "add its translation, or remove it from both languages")

    def check_title(self, runs: list[list[Block]], title: Bilingual) -> None:
        """A title is a line or two, each of its blocks once."""
        for run, lang, name in zip(runs, LANGS, ("Chinese", "English")):
            if len(title[lang]) > TITLE_MAX[lang]:
                self.problem(run[0].first_line, f"the {name} title (lines {run[0].first_line}-{run[-1].last_line}) is "
                                                f"{len(title[lang]):,} characters long: «{title[lang][:40]}…»",
                             "the text must start with the title, a line or two in each language; look for a blank "
                             "line missing after it, or text pasted into it")
            self.check_repeats([b.text for b in run], [b.first_line for b in run], f"{name} title", "check the title",
                               minimum=2)
            for block in run[1:]:
                if block.text[:1] in "（(":
                    self.warning(block.first_line, f"the {name} title runs into the line at {block.first_line} "
                                                   f"(«{block.text[:30]}»), which reads as a line under the title: "
                                                   f"is the {'English' if lang == 'zh' else 'Chinese'} title missing "
                                                   "or moved?", "give the title in Chinese, then in English, then "
                                                   "the lines under it")
                    break

    def check_running_title(self, runs: list[list[Block]], title: Bilingual) -> None:
        """A running header is the title as printed: one that is almost the title as read (the title holds more or
        less than it, or its words in another order) means that a line of the title was lost, added or moved."""
        for block in (b for run in runs[:4] for b in run):
            text, wanted = squeeze(block.text), squeeze(title[block.lang])
            if len(text) > TITLE_MAX[block.lang] or ends_sentence(block.lang, block.text) or text == wanted:
                continue
            shorter, longer = sorted((text, wanted), key=len)
            if (len(shorter) >= 4 and shorter in longer) or sorted(text) == sorted(wanted):
                name = "Chinese" if block.lang == "zh" else "English"
                self.warning(block.first_line, f"the line at {block.first_line} («{block.text[:40]}») is almost the "
                                               f"{name} title as read («{title[block.lang][:40]}»): is a line of the "
                                               "title missing, added or moved?", "check the title's lines")
                return

    def check_repeats(self, parts: list[str], lines: list[int], what: str, besides: str,
                      minimum: int = FRAGMENT_REPEAT) -> None:
        """A block whose text the other blocks of the same heading, paragraph or title already hold (or the block
        before it holds, whatever its length)."""
        texts = [squeeze(part) for part in parts]
        for k, text in enumerate(texts):
            others = "".join(texts[:k]) + "\0" + "".join(texts[k + 1:])
            if len(texts) > 1 and ((len(text) >= minimum and text in others) or (k and text == texts[k - 1])):
                self.warning(lines[k], f"the block at line {lines[k]} repeats text the same {what} already holds "
                             f"(«{parts[k][:30]}…»); {besides}", "remove the duplicated block")
                return

    def check_tables_found(self, document: Document) -> None:
        """In a PDF, a table's caption with neither a ruled table nor an image beside it stops the build: the table
        was printed without rules, and its cells were read as lines of text. A figure's caption with no image beside
        it is a warning (its chart is drawn from data/figures, if there; a table under it is read as text)."""
        for node, _ in document.walk():
            if not isinstance(node, Figure):
                continue
            for lang in LANGS:
                line = node.lines[lang][0]
                if line not in self.pages or lang in node.printed:
                    continue
                where = f"page {self.pages[line][0]}"
                if node.kind == "table":
                    self.problem(line, f"{node.id}: «{node.caption[lang][:40]}» is a table's caption, but no ruled "
                                       f"table and no image stands beside it on {where}: a table printed without "
                                       "rules is read as lines of text",
                                 "give the report as its Word document or its text, or print the table with rules")
                else:
                    self.warning(line, f"{node.id}: no image stands beside «{node.caption[lang][:40]}» on {where}: "
                                       "the figure is drawn only from its data in data/figures; a table printed "
                                       "without rules under it is read as lines of text",
                                 "check the page; give the report as its Word document or text if a table is there")
                break

    def attach_images(self, document: Document) -> dict[str, bytes]:
        """Each figure's printed image in each language: the one just above its caption on its page (or else just
        below it); in a Word document, the picture in the paragraph before the caption's (or after it). The images
        by name."""
        taken: set[int] = set()
        images: dict[str, bytes] = {}
        for node, _ in document.walk():
            if not isinstance(node, Figure):
                continue
            for lang in LANGS:
                line = node.lines[lang][0]
                page = self.pages[line][0] if line in self.pages else None
                candidates = [k for k, image in enumerate(self.printed) if image.page == page and k not in taken
                              and file_index(image.line) == file_index(line)
                              and (page is not None or image.line in (line, line + 1))]
                above = [k for k in candidates if self.printed[k].line <= line]
                below = [k for k in candidates if self.printed[k].line > line]
                chosen = max(above, key=lambda k: self.printed[k].line) if above else \
                    min(below, key=lambda k: self.printed[k].line) if below else None
                if chosen is None:
                    continue
                taken.add(chosen)
                image = self.printed[chosen]
                name = f"{node.id}-printed-{lang}"
                node.printed[lang] = {"name": name, "width": image.size[0], "height": image.size[1]}
                images[name] = image.data
        return images

    def front_matter(self, runs: list[list[Block]], scheme: Scheme) -> tuple[Bilingual | None, list[Bilingual], list]:
        """The issuing office and other short lines between the title and the text, each Chinese then English."""
        issuer, front = None, []
        while len(runs) >= 2 and runs[0][0].lang == "zh" and front_like(runs[0]):
            if not front_like(runs[1]):
                extra = next((b for b in runs[1] if not front_block(b)), None)
                if front_block(runs[1][0]) and extra:  # "Office" then a paragraph whose Chinese is missing
                    raise InputError.single(
                        self.name, extra.first_line, f"the English text at line {extra.first_line} has no Chinese "
                        f"before it (the Chinese at line {runs[0][0].first_line} is a line under the title)",
                        PAIRING_HINT)
                break
            if any(e.kind != "paragraph" for e in parse_run(runs[0], self.profile, scheme)):
                break  # a heading or a caption: the text has begun
            heading = next((e for e in parse_run(runs[1], self.profile, scheme) if e.kind != "paragraph"), None)
            if heading:
                raise InputError.single(
                    self.name, heading.lines[0], f"the English {kind_of(heading)} at line {heading.lines[0]} "
                    f"(«{heading.text[:30]}») has no Chinese before it (the Chinese at line {runs[0][0].first_line} "
                    "is a line under the title)", PAIRING_HINT)
            pair = {"zh": run_text(runs[0]), "en": run_text(runs[1])}
            for run, name in zip(runs[:2], ("Chinese", "English")):
                self.check_repeats([b.text for b in run], [b.first_line for b in run], f"{name} line under the title",
                                   "check the lines under the title", minimum=2)
                if any(squeeze(run_text(run)) == squeeze(line[run[0].lang]) for line in [issuer, *front] if line):
                    self.warning(run[0].first_line, f"the {name} line under the title at line {run[0].first_line} "
                                                    f"(«{run_text(run)[:30]}») is there twice", "remove the duplicated line")
            bracketed = pair["zh"][:1] in "（(" or pair["en"][:1] == "("
            if issuer is None and not front and not bracketed and not DIGIT.search(pair["zh"]):
                issuer = pair
            else:
                front.append(pair)
            runs = runs[2:]
        return issuer, front, runs

    def pair_all(self, runs: list[list[Block]], scheme: Scheme) -> list[Pair]:
        if runs and runs[0][0].lang != "zh":
            self.problem(runs[0][0].first_line, "English text with no Chinese text before it", PAIRING_HINT)
            runs = runs[1:]
        if len(runs) % 2:
            last = runs[-1]
            self.problem(last[0].first_line,
                         f"the Chinese text at lines {last[0].first_line}-{last[-1].last_line} has no English translation after it",
                         PAIRING_HINT)
            runs = runs[:-1]
        units = [(parse_run(runs[k], self.profile, scheme), parse_run(runs[k + 1], self.profile, scheme))
                 for k in range(0, len(runs), 2)]
        used = [scheme.index(name) for zh_run, _ in units for e in zh_run if e.kind == "heading" for name in e.levels]
        top = min(used, default=0)
        where = "the introduction"
        pairs: list[Pair] = []
        for (zh_run, en_run), beads in zip(units, align_runs(units, cut)):
            for element in zh_run:
                if element.kind == "heading" and (element.role or scheme.index(next(iter(element.levels))) == top):
                    name = element.role or scheme.levels[top].name
                    where = f"{name}{'' if element.number is None else f' {element.number}'} ({element.text[:20]}…)"
            if all(bead.zh and bead.en for bead in beads):
                pairs += [Pair(bead.zh[0].merged(list(bead.zh[1:])), bead.en[0].merged(list(bead.en[1:])))
                          for bead in beads]
            else:
                self.unpaired(where, zh_run, en_run, beads)
        for pair in pairs:
            for element, other in ((pair.zh, pair.en), (pair.en, pair.zh)):
                self.check_repeats(element.parts, element.lines, kind_of(element),
                                   f"the other language (line {other.lines[0]}) holds it once")
        return pairs

    def unpaired(self, where: str, zh_run: list[Element], en_run: list[Element], beads: list[Bead]) -> None:
        """Report an interleaved run that cannot be paired: the blocks of one language without a counterpart, or
        both runs where each has some."""
        alone = {"zh": [e for b in beads if not b.en for e in b.zh], "en": [e for b in beads if not b.zh for e in b.en]}
        if not (alone["zh"] and alone["en"]):
            language, other, shorter = ("Chinese", "English", en_run) if alone["zh"] else ("English", "Chinese", zh_run)
            for element in alone["zh"] or alone["en"]:
                self.problem(element.lines[0],
                             f"in {where}, the {language} {kind_of(element)} at {lines_of([element])} "
                             f"has no {other} counterpart (the {other} blocks nearby are at {lines_of(shorter)})",
                             "add its translation, or remove it from both languages")
            return
        self.problem(zh_run[0].lines[0],
                     f"in {where}, cannot pair the Chinese blocks at {lines_of(zh_run)} "
                     f"({describe(zh_run)}) with the English blocks at {lines_of(en_run)} "
                     f"({describe(en_run)})", PAIRING_HINT)


def read_report(source: Path | list[Path] | tuple[Path, ...], profile: Profile, cache: Path | None = None) -> Reading:
    """The report read from its file, or its two files (one per language), of text, PDF or Word (a PDF's reading
    kept in `cache`, when given)."""
    paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
    return DocumentReader(paths, profile, cache).read()


def read_document(path: Path, profile: Profile) -> Document:
    return read_report(path, profile).document
