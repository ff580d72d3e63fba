"""Read the publisher's text file into the aligned Document, or raise InputError listing every problem found."""
from __future__ import annotations

import re
from pathlib import Path

from .align import Pair, length_ratio, pair_run
from .elements import HEADING, ITEM, Element, parse_run
from .errors import InputError, Problem
from .model import Document, Figure, Paragraph, Section, Table
from .source import Block, read_text, split_blocks
from .text import ends_sentence, join

LEAD_END = {
    "zh": re.compile(r"[。！？](?:\*\*)?"),
    "en": re.compile(r"[.!?](?:\*\*)?(?=\s|$)"),
}
PAIRING_HINT = ("each Chinese block must be followed by its English translation: "
                "look for a missing translation or a paragraph present in one language only")


def language_runs(blocks: list[Block]) -> list[list[Block]]:
    runs: list[list[Block]] = []
    for block in blocks:
        if runs and runs[-1][0].lang == block.lang:
            runs[-1].append(block)
        else:
            runs.append([block])
    return runs


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def split_lead(lang: str, text: str) -> tuple[str, str]:
    """An item's text without its number, cut after its first sentence: (lead, body)."""
    rest = ITEM[lang].sub("", text, count=1).lstrip(" .．、")
    match = LEAD_END[lang].search(rest)
    if not match:
        return rest, ""
    return rest[: match.end()].strip(), rest[match.end():].strip()


def describe(run: list[Element]) -> str:
    kinds = [e.kind for e in run]
    return ", ".join(f"{kinds.count(k)} {k}{'s' if kinds.count(k) > 1 else ''}"
                     for k in dict.fromkeys(kinds))


def lines_of(run: list[Element]) -> str:
    numbers = sorted({n for e in run for n in e.lines})
    return ("line " if len(numbers) == 1 else "lines ") + ", ".join(str(n) for n in numbers)


def typical_ratio(units: list[tuple[list[Element], list[Element]]]) -> float:
    """English length over Chinese length of a typical paragraph pair: the median over runs that pair one to one."""
    ratios = sorted(length_ratio(zh, en)
                    for zh_run, en_run in units
                    if [e.kind for e in zh_run] == [e.kind for e in en_run]
                    for zh, en in zip(zh_run, en_run) if zh.kind == "paragraph")
    return ratios[len(ratios) // 2] if ratios else 3.0


class DocumentReader:
    """Builds the Document from source blocks; collects problems instead of stopping at the first."""

    def __init__(self, path: Path):
        self.path = path
        self.name = str(path)
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.name, line, message, hint))

    def read(self) -> Document:
        blocks = split_blocks(read_text(self.path))
        runs = language_runs(blocks)
        if runs[0][0].lang != "zh":
            raise InputError.single(self.name, runs[0][0].first_line, "the text starts in English",
                                    "the report must start with the Chinese title, then the English title")
        if len(runs) < 4:
            raise InputError.single(self.name, blocks[-1].last_line,
                                    "too little text: expected the title and the issuer, each in Chinese then English",
                                    "check that this is the report's text file")
        for run, what in zip(runs[:4], ("Chinese title", "English title", "Chinese issuer", "English issuer")):
            for block in run:
                if ends_sentence(block.lang, block.texts[-1]):
                    raise InputError.single(
                        self.name, block.first_line, f"the {what} ends like a sentence: «{block.texts[-1][-40:]}»",
                        "the text must start with the title and the issuing office (Chinese, then English), "
                        "then the introduction in Chinese followed by its English")
        title = {"zh": join("zh", [t for b in runs[0] for t in b.texts]),
                 "en": join("en", [t for b in runs[1] for t in b.texts])}
        issuer = {"zh": join("zh", [t for b in runs[2] for t in b.texts]),
                  "en": join("en", [t for b in runs[3] for t in b.texts])}
        running_headers = {squeeze(title["zh"]), squeeze(title["en"])}
        body = [b for run in runs[4:] for b in run if squeeze(" ".join(b.texts)) not in running_headers]
        pairs = self.pair_all(language_runs(body))
        document = self.structure(title, issuer, pairs)
        if self.problems:
            raise InputError(self.problems)
        return document

    def pair_all(self, runs: list[list[Block]]) -> list[Pair]:
        if runs and runs[0][0].lang != "zh":
            self.problem(runs[0][0].first_line, "English text with no Chinese text before it", PAIRING_HINT)
            runs = runs[1:]
        if len(runs) % 2:
            last = runs[-1]
            self.problem(last[0].first_line,
                         f"the Chinese text at lines {last[0].first_line}-{last[-1].last_line} has no English translation after it",
                         PAIRING_HINT)
            runs = runs[:-1]
        units = [(parse_run(runs[k]), parse_run(runs[k + 1])) for k in range(0, len(runs), 2)]
        expected_ratio = typical_ratio(units)
        pairs: list[Pair] = []
        section = "the introduction"
        for zh_run, en_run in units:
            heading = next((e for e in zh_run if e.kind == "heading"), None)
            if heading:
                section = f"section {heading.number} ({heading.text[:20]}…)"
            paired = pair_run(zh_run, en_run, expected_ratio)
            if paired is None:
                self.unpaired(section, zh_run, en_run, expected_ratio)
            else:
                pairs += paired
        return pairs

    def unpaired(self, section: str, zh_run: list[Element], en_run: list[Element], expected_ratio: float) -> None:
        """Report a run that cannot be paired, naming the one block without a counterpart where there is one."""
        longer, shorter, language = (zh_run, en_run, "Chinese") if len(zh_run) > len(en_run) else (en_run, zh_run, "English")
        for k, element in enumerate(longer):
            rest = longer[:k] + longer[k + 1:]
            candidate = (rest, shorter) if longer is zh_run else (shorter, rest)
            if pair_run(*candidate, expected_ratio) is not None:
                other = "English" if language == "Chinese" else "Chinese"
                self.problem(element.lines[0],
                             f"in {section}, the {language} {element.kind} at {lines_of([element])} "
                             f"has no {other} counterpart (the {other} blocks nearby are at {lines_of(shorter)})",
                             "add its translation, or remove it from both languages")
                return
        self.problem(zh_run[0].lines[0],
                     f"in {section}, cannot pair the Chinese blocks at {lines_of(zh_run)} "
                     f"({describe(zh_run)}) with the English blocks at {lines_of(en_run)} "
                     f"({describe(en_run)})", PAIRING_HINT)

    def structure(self, title: dict, issuer: dict, pairs: list[Pair]) -> Document:
        intro: list[Paragraph] = []
        sections: list[Section] = []
        item, paragraph = 0, 0
        pending_table: tuple[Pair, Table] | None = None
        for pair in pairs:
            zh, en = pair.zh, pair.en
            lines = {"zh": zh.lines, "en": en.lines}
            if pending_table and pair.kind != "caption":
                self.untitled_table(pending_table[0])
                pending_table = None
            if pair.kind == "heading":
                if any(s.number == zh.number for s in sections):
                    self.problem(zh.lines[0], f"section {zh.number} appears twice", "number each section once")
                numeral = {lang: HEADING[lang].match(element.text).group(1) for lang, element in (("zh", zh), ("en", en))}
                sections.append(Section(f"s{zh.number}", zh.number, {"zh": zh.text, "en": en.text}, lines,
                                        numeral=numeral))
                item, paragraph = 0, 0
            elif pair.kind == "paragraph":
                if zh.number is not None:
                    item, paragraph = zh.number, 1
                else:
                    paragraph += 1
                if not sections:
                    intro.append(Paragraph(f"intro-{len(intro) + 1}", zh.text, en.text, lines))
                    continue
                block = Paragraph(f"{sections[-1].id}-{item}-{paragraph}", zh.text, en.text, lines)
                if zh.number is not None:
                    block.item = zh.number
                    zh_lead, zh_body = split_lead("zh", zh.text)
                    en_lead, en_body = split_lead("en", en.text)
                    block.lead = {"zh": zh_lead, "en": en_lead}
                    block.body = {"zh": zh_body, "en": en_body}
                self.add(sections, block, zh.lines[0])
            elif pair.kind == "table":
                caption = {"zh": zh.text, "en": en.text}
                table = Table("", 0, caption, {}, {"zh": zh.rows, "en": en.rows}, lines)
                pending_table = (pair, table)
            elif pair.kind == "caption":
                label = {"zh": zh.text, "en": en.text}
                if pending_table:
                    _, table = pending_table
                    table.id, table.number, table.label = f"figure-{zh.number}", zh.number, label
                    table.lines = {k: table.lines[k] + lines[k] for k in lines}
                    if not table.caption["zh"]:
                        table.caption = label
                    self.add(sections, table, zh.lines[0])
                    pending_table = None
                else:
                    self.add(sections, Figure(f"figure-{zh.number}", zh.number, label, lines), zh.lines[0])
        if pending_table:
            self.untitled_table(pending_table[0])
        self.check_unique_ids(intro, sections)
        return Document(title, issuer, intro, sections)

    def untitled_table(self, pair: Pair) -> None:
        self.problem(pair.zh.lines[0], "this table has no figure caption after it",
                     "add a line '图 N：…' after the Chinese table and 'Figure N …' after the English one")

    def add(self, sections: list[Section], block, line: int) -> None:
        if not sections:
            self.problem(line, f"a {block.type} before the first section heading",
                         "move it into a section, after a heading such as '一、…'")
            return
        sections[-1].blocks.append(block)

    def check_unique_ids(self, intro: list[Paragraph], sections: list[Section]) -> None:
        seen: dict[str, int] = {}
        for block in intro + [b for s in sections for b in s.blocks]:
            line = block.lines["zh"][0]
            if block.id in seen:
                what = "figure number" if block.type != "paragraph" else "item number"
                self.problem(line, f"{block.id} is used twice (first at line {seen[block.id]})",
                             f"each {what} must appear once per section")
            else:
                seen[block.id] = line


def read_document(path: Path) -> Document:
    return DocumentReader(Path(path)).read()
