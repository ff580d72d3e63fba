"""The document tree built from the paired elements, in order: each heading closes the open headings of its level
and below, a caption takes the table after it (or stands for a figure), and every node gets its id from its place.
A heading out of place or a number used twice is reported to the reader that read the elements."""
from __future__ import annotations

from typing import Protocol

from bilingual_report.config.profile import Level, Profile, Scheme
from bilingual_report.errors import Problem
from bilingual_report.language.numbers import number_mismatches
from bilingual_report.language.text import join
from bilingual_report.model import LANGS, Bilingual, Document, Figure, Heading, Paragraph, Table
from bilingual_report.structure.beads import Pair
from bilingual_report.structure.elements import split_heading


class Reader(Protocol):
    """What the tree reports its problems and warnings to (structure.reader.DocumentReader)."""

    profile: Profile
    problems: list[Problem]

    def problem(self, line: int | None, message: str, hint: str = "") -> None: ...

    def warning(self, line: int | None, message: str, hint: str = "") -> None: ...


class TreeBuilder:
    """Turns the paired elements into the tree: each heading closes the open headings of its level and below."""

    def __init__(self, reader: Reader, scheme: Scheme):
        self.reader = reader
        self.profile = reader.profile
        self.scheme = scheme
        self.stack: list[tuple[Heading, int]] = []  # the open headings and their level's index (-1: unnumbered)
        self.children: list[Heading] = []
        self.intro: list = []
        self.numbers: dict[tuple, dict[int, int]] = {}  # (parent, level) → {number: first line}
        self.pending_table: Pair | None = None
        self.pending_caption: Pair | None = None
        self.used: list[int] = []

    def build(self, title: Bilingual, issuer: Bilingual | None, front: list[Bilingual], pairs: list[Pair],
              title_lines: Bilingual) -> Document:
        self.used = sorted({self.scheme.index(name) for pair in pairs if pair.kind == "heading" and not pair.zh.role
                            for name in pair.zh.levels})
        for pair in pairs:
            if pair.kind != "caption":
                self.flush_table()
            if pair.kind != "table" and self.pending_caption:
                self.add_block(self.figure(self.pending_caption))
                self.pending_caption = None
            if pair.kind == "heading":
                self.heading(pair)
            elif pair.kind in ("paragraph", "note"):
                self.add_block(Paragraph("", {"zh": pair.zh.text, "en": pair.en.text}, self.lines(pair),
                                         note=pair.kind == "note", pieces=pair.pieces))
            elif pair.kind == "table":
                self.table(pair)
            elif pair.kind == "caption":
                self.caption(pair)
        self.flush_table()
        if self.pending_caption:
            self.add_block(self.figure(self.pending_caption))
        document = Document(title, issuer, front, self.intro, self.children, title_lines)
        assign_ids(document)
        if not self.reader.problems:
            self.check_unique_ids(document)
        return document

    @staticmethod
    def lines(*pairs: Pair) -> Bilingual:
        return {"zh": [n for p in pairs for n in p.zh.lines], "en": [n for p in pairs for n in p.en.lines]}

    # -- headings ----------------------------------------------------------------------------------

    def heading(self, pair: Pair) -> None:
        zh = pair.zh
        if zh.role:
            rule = next(r for r in self.profile.unnumbered if r.role == zh.role)
            index, level, patterns = -1, None, rule.patterns
        else:
            level = self.scheme.levels[self.scheme.index(next(iter(zh.levels)))]
            index, patterns = self.scheme.index(level.name), level.patterns
        top = self.used[0] if self.used else None
        # A heading closes the open ones of its level and below; one of the outermost level closes an unnumbered one.
        while self.stack and (self.stack[-1][1] >= index or (self.stack[-1][1] == -1 and index == top)):
            self.stack.pop()
        parent = self.stack[-1][0] if self.stack else None
        if level:
            self.check_place(pair, level.name, index, parent)
        split = {"zh": split_heading(level, patterns["zh"], zh.text, "zh"), "en": self.english_heading(pair, level)}
        label = {lang: split[lang][0] for lang in LANGS}
        numeral = {lang: split[lang][1] or str(zh.number) for lang in LANGS} if zh.number is not None else {}
        text = {lang: split[lang][2] for lang in LANGS}
        body = {lang: split[lang][3] for lang in LANGS}
        if level:
            reference = {lang: level.reference[lang].format(numeral=numeral[lang], number=zh.number) for lang in LANGS}
        else:
            reference = {lang: label[lang] for lang in LANGS}
        heading = Heading("", level.name if level else None, zh.role, zh.number, label, numeral, text, reference,
                          self.lines(pair), run_in=any(body.values()), front=bool(not level and rule.front))
        (parent.children if parent else self.children).append(heading)
        self.stack.append((heading, index))
        if heading.run_in:
            heading.children.append(Paragraph("", body, self.lines(pair), pieces=self.body_pieces(pair, body)))

    @staticmethod
    def body_pieces(pair: Pair, body: Bilingual) -> Bilingual:
        """A heading's text on its line, in the language that prints it as the heading's line and a paragraph
        after it: the two, in order."""
        pieces = {}
        for lang, parts in pair.pieces.items():
            own = body[lang][: len(body[lang]) - len(join(lang, parts[1:]))].strip()
            pieces[lang] = ([own] if own else []) + parts[1:]
        return {lang: parts for lang, parts in pieces.items() if len(parts) > 1}

    def english_heading(self, pair: Pair, level: Level | None) -> tuple[str, str, str, str]:
        """The English heading split as split_heading does, whatever its numbering style; an English title printed
        without its number is all text (and reported)."""
        en = pair.en
        if en.kind != "heading":
            self.reader.warning(en.lines[0], f"the English of «{pair.zh.text[:24]}» is printed without its number: "
                                             f"«{en.text[:40]}»", "number it as the Chinese is numbered")
            return "", "", en.text, ""
        if level is None:
            rule = next(r for r in self.profile.unnumbered if r.role == pair.zh.role)
            return split_heading(None, rule.patterns["en"], en.text, "en")
        style = level if level.patterns["en"].match(en.text) else self.scheme.levels[self.scheme.index(min(en.levels))]
        return split_heading(level, style.patterns["en"], en.text, "en")

    def check_place(self, pair: Pair, name: str, index: int, parent: Heading | None) -> None:
        """Warn of a skipped level; report a number used twice (error) or out of sequence (warning)."""
        line = pair.zh.lines[0]
        above = [i for i in self.used if i < index and not self.scheme.levels[i].optional]
        parent_index = self.stack[-1][1] if self.stack else None
        if above and parent_index != -1 and (parent_index is None or parent_index < above[-1]):
            missing = self.scheme.levels[above[-1]].name
            where = "before any" if parent is None else "directly under a " + self.scheme.levels[parent_index].name \
                + ", without a"
            self.reader.warning(line, f"{name} {pair.zh.number} comes {where} {missing}: a level is skipped",
                                f"check the numbering of the heading before line {line}")
        level = self.scheme.levels[index]
        key = (None if level.document_numbering else id(parent), name)
        seen = self.numbers.setdefault(key, {})
        number = pair.zh.number
        under = "" if level.document_numbering or parent is None else f" under «{parent.printed('zh')[:24]}»"
        if number in seen:
            self.reader.problem(line, f"{name} {number} appears twice{under} (first at line {seen[number]})",
                                "number each heading once; two headings with one number would share one address")
            return
        expected = max(seen, default=0) + 1
        if number != expected:
            self.reader.warning(line, f"{name} {number} comes where {name} {expected} was expected{under}",
                                "a numbering gap: check for a missing or misnumbered heading")
        seen[number] = line

    # -- blocks ------------------------------------------------------------------------------------

    def add_block(self, block) -> None:
        if self.stack:
            self.stack[-1][0].children.append(block)
        else:
            self.intro.append(block)

    def rule(self, kind: str):
        return next(r for r in self.profile.captions if r.kind == kind)

    def figure(self, pair: Pair) -> Figure:
        number = pair.zh.number
        return Figure(self.rule(pair.zh.role).id.format(number=number), number,
                      {"zh": pair.zh.text, "en": pair.en.text}, self.lines(pair), kind=pair.zh.role)

    def check_shape(self, table: Pair) -> None:
        """A table must have its title, rows and columns in both languages; a difference is named at the first row
        where the two languages' numbers stop agreeing."""
        zh, en = table.zh, table.en
        if bool(zh.parts) != bool(en.parts):
            has, lacks, line = ("Chinese", "English", zh.lines[0]) if zh.parts else ("English", "Chinese", en.lines[0])
            self.reader.problem(line, f"the {has} table at line {line} has a title line, its {lacks} at line "
                                f"{(en if zh.parts else zh).lines[0]} has none",
                                "give the table's title in both languages, or in neither")
        shape = {lang: (len(e.rows), max((len(r) for r in e.rows), default=0)) for lang, e in (("zh", zh), ("en", en))}
        if shape["zh"] == shape["en"]:
            return
        row = next((k for k, (a, b) in enumerate(zip(zh.rows, en.rows)) if len(a) != len(b)
                    or number_mismatches(" ".join(a), " ".join(b))), min(len(zh.rows), len(en.rows)) - 1)
        where = {lang: e.row_lines[min(row, len(e.row_lines) - 1)] for lang, e in (("zh", zh), ("en", en))}
        (zh_rows, zh_columns), (en_rows, en_columns) = shape["zh"], shape["en"]
        self.reader.problem(where["zh"], f"the Chinese table at line {zh.lines[0]} has {zh_rows} rows of {zh_columns} "
                            f"cells, its English at line {en.lines[0]} has {en_rows} rows of {en_columns}; they part "
                            f"at line {where['zh']} (English line {where['en']})",
                            "give every row and cell in both languages (a row or a tab may be missing in one of them)")

    def table_node(self, table: Pair, caption: Pair) -> Table:
        self.check_shape(table)
        title = {"zh": table.zh.text, "en": table.en.text} if table.zh.parts or table.en.parts else {}
        number = caption.zh.number
        return Table(self.rule(caption.zh.role).id.format(number=number), caption.zh.role, number,
                     {"zh": caption.zh.text, "en": caption.en.text}, title,
                     {"zh": table.zh.rows, "en": table.en.rows}, self.lines(table, caption))

    def table(self, pair: Pair) -> None:
        if self.pending_caption:
            self.add_block(self.table_node(pair, self.pending_caption))
            self.pending_caption = None
        else:
            self.pending_table = pair

    def caption(self, pair: Pair) -> None:
        if self.pending_table:
            self.add_block(self.table_node(self.pending_table, pair))
            self.pending_table = None
        elif pair.zh.role == "table":
            self.pending_caption = pair  # a table's caption printed above it
        else:
            self.add_block(self.figure(pair))

    def flush_table(self) -> None:
        if self.pending_table:
            captions = " or ".join(f"'{r.patterns['zh'].pattern}'" for r in self.profile.captions)
            self.reader.problem(self.pending_table.zh.lines[0], "this table has no caption before or after it",
                                f"add a caption line matching {captions} (data/profile.yml) next to the Chinese "
                                "table, and its English caption next to the English one")
            self.pending_table = None

    def check_unique_ids(self, document: Document) -> None:
        seen: dict[str, int] = {}
        for node, _ in document.walk():
            line = node.lines["zh"][0]
            if node.id in seen:
                self.reader.problem(line, f"{node.id} is used twice (first at line {seen[node.id]})",
                                    f"each {node.type} number must appear once")
            else:
                seen[node.id] = line


def assign_ids(document: Document) -> None:
    """Every node's id from its path: s2-1 (section 2, item 1), s2-1-3 (its third paragraph), s2-0-1 (a paragraph of
    section 2 before its first item), intro-1, preface-2, appendix-1; figures and tables by their caption's number."""
    def paragraphs(nodes: list, prefix: str) -> None:
        count = 0
        for node in nodes:
            if isinstance(node, Paragraph):
                count += 1
                node.id, node.number = f"{prefix}-{count}", count

    paragraphs(document.intro, "intro")
    used: set[str] = set()

    def visit(heading: Heading, parent_id: str | None) -> None:
        if heading.role is None:
            heading.id = f"{parent_id}-{heading.number}" if parent_id else f"s{heading.number}"
        else:
            base = heading.role + ("" if heading.number is None else f"-{heading.number}")
            heading.id, suffix = base, 2
            while heading.id in used:
                heading.id, suffix = f"{base}-{suffix}", suffix + 1
        used.add(heading.id)
        paragraphs(heading.children, f"{heading.id}-0" if heading.headings else heading.id)
        for child in heading.headings:
            visit(child, heading.id)

    for heading in document.children:
        visit(heading, None)
