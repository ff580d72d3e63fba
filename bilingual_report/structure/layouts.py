"""How a report's two languages are laid out in what was read: each Chinese block followed by its English
(interleaved), the Chinese half then the English half, or one file per language; and the two streams of blocks to
align when they are read apart."""
from __future__ import annotations

from dataclasses import dataclass, replace

from bilingual_report.errors import InputError
from bilingual_report.language.text import language_of
from bilingual_report.sources.blocks import Block

PURE = 0.9        # a half, or a file of one language, holds at least this share of its text in its language
HALF_BLOCKS = 2   # the fewest blocks a half holds (its title, and some text)
WEIGHT_MAX = 1500  # a block weighs its length up to this: one huge block does not make a text one language
CHINESE_WEIGHT = 3  # English characters per Chinese one, about, in a translation
NAMES = {"interleaved": "interleaved (each Chinese block followed by its English)",
         "halves": "halves (the text in one language, then in the other)",
         "two files": "two files (one per language)",
         "two columns": "two columns (one per language, side by side on each page)",
         "table of pairs": "a table of pairs (each row a Chinese cell and its English cell)"}


@dataclass(frozen=True)
class Layout:
    """The layout found, and the blocks read: in reading order (interleaved), or as a stream per language."""

    name: str                      # a key of NAMES
    blocks: tuple[Block, ...] = ()  # interleaved
    zh: tuple[Block, ...] = ()      # read apart
    en: tuple[Block, ...] = ()

    @property
    def described(self) -> str:
        return NAMES[self.name]

    @property
    def apart(self) -> bool:
        return self.name != "interleaved"


def weight(block: Block) -> int:
    """A block's weight in its language's share: its length, a Chinese character counting as the English
    characters a translation usually gives for it."""
    return min(block.length * (CHINESE_WEIGHT if block.lang == "zh" else 1), WEIGHT_MAX)


def weights(blocks: list[Block]) -> dict[str, int]:
    found = {"zh": 0, "en": 0}
    for block in blocks:
        found[block.lang] += weight(block)
    return found


def share(blocks: list[Block], lang: str) -> float:
    found = weights(blocks)
    return found[lang] / max(sum(found.values()), 1)


def as_language(blocks: list[Block], lang: str) -> tuple[Block, ...]:
    """The blocks of a text in one language, each taken as that language (a line of Latin names or figures in the
    Chinese text is Chinese text)."""
    return tuple(block if block.lang == lang else replace(block, lang=lang) for block in blocks)


def halves(blocks: list[Block]) -> tuple[str, int] | None:
    """Where one language's half ends and the other's begins (the first language, and the index), if the text is
    so laid out."""
    sizes = [weight(block) for block in blocks]
    for first in ("zh", "en"):
        before = [0]  # the first language's length in blocks[:k], and the total
        total = [0]
        for block, size in zip(blocks, sizes):
            before.append(before[-1] + (size if block.lang == first else 0))
            total.append(total[-1] + size)
        for cut in range(HALF_BLOCKS, len(blocks) - HALF_BLOCKS + 1):
            if blocks[cut].lang == first or blocks[cut - 1].lang != first:
                continue
            rest, rest_first = total[-1] - total[cut], before[-1] - before[cut]
            if before[cut] >= PURE * max(total[cut], 1) and rest - rest_first >= PURE * max(rest, 1):
                return first, cut
    return None


def pair_rows(block: Block) -> list[tuple[int, str, str]] | None:
    """A table's rows, if it is a table of pairs: two cells a row, the Chinese one first (a row may hold one side
    only, a heading printed in one cell); with each row's position."""
    rows = [list(row) for row in block.rows] or [text.split("\t") for text in block.texts]
    if len(block.lines) != len(rows) or not all(len(row) == 2 for row in rows) or not any("\t" in t for t in block.texts) \
            and not block.rows:
        return None
    found = [(position, row[0].strip(), row[1].strip()) for (position, _), row in zip(block.lines, rows)]
    pure = sum(language_of(zh) == "zh" and language_of(en) == "en" for _, zh, en in found if zh and en)
    return found if pure >= PURE * len([1 for _, zh, en in found if zh and en]) and pure else None


def pairs_table(blocks: list[Block]) -> Layout | None:
    """The layout of a text that is mostly a table of pairs: its cells read as the blocks they hold, the Chinese
    column as the Chinese stream and the English one as the English stream (the blocks outside it by their
    language)."""
    rows = {id(block): pair_rows(block) for block in blocks}
    inside = sum(weight(block) for block in blocks if rows[id(block)])
    if not inside or inside < PURE * sum(weight(block) for block in blocks) / 2:
        return None
    streams: dict[str, list[Block]] = {"zh": [], "en": []}
    for block in blocks:
        if not rows[id(block)]:
            streams[block.lang].append(block)
            continue
        for position, zh, en in rows[id(block)]:
            for lang, text in (("zh", zh), ("en", en)):
                if text:
                    streams[lang].append(Block(lang, ((position, text),)))
    return Layout("table of pairs", zh=tuple(streams["zh"]), en=tuple(streams["en"]))


def one_file(name: str, blocks: list[Block], columns: bool = False) -> Layout:
    """The layout of one file holding both languages (`columns`: a PDF whose pages were read as two columns, one
    per language), or an InputError for a file of one language."""
    if table := pairs_table(blocks):
        return table
    if columns:
        return Layout("two columns", zh=tuple(b for b in blocks if b.lang == "zh"),
                      en=tuple(b for b in blocks if b.lang == "en"))
    for lang, language, other in (("zh", "Chinese", "English"), ("en", "English", "Chinese")):
        if blocks and share(blocks, lang) >= PURE and not halves(blocks):
            raise InputError.single(name, None, f"this file holds only {language} text "
                                    f"({round(100 * share(blocks, lang))}% of it)",
                                    f"give the {other} file too: --source {name} {other.upper()}-FILE "
                                    "(or source: [this file, the other] in data/site.yml)")
    cut = halves(blocks)
    if cut is None:
        return Layout("interleaved", tuple(blocks))
    first, index = cut
    parts = {first: blocks[:index], ("en" if first == "zh" else "zh"): blocks[index:]}
    return Layout("halves", zh=as_language(parts["zh"], "zh"), en=as_language(parts["en"], "en"))


def language_of_file(name: str, blocks: list[Block]) -> str:
    """The one language a file of a pair holds, or an InputError saying what it holds."""
    if not blocks:
        raise InputError.single(name, None, "nothing is left once page numbers and running lines are removed",
                                "check that this is the report's text")
    for lang in ("zh", "en"):
        if share(blocks, lang) >= PURE:
            return lang
    zh = sum(block.lang == "zh" for block in blocks)
    raise InputError.single(name, blocks[0].first_line, f"this file holds both languages ({zh} Chinese blocks, "
                            f"{len(blocks) - zh} English), but it is one of two files",
                            "give one file per language, or this file alone if it holds the whole report")


def two_files(names: list[str], files: list[list[Block]]) -> Layout:
    """The layout of a report given as two files, one per language, in either order."""
    langs = [language_of_file(name, blocks) for name, blocks in zip(names, files)]
    if langs[0] == langs[1]:
        language = "Chinese" if langs[0] == "zh" else "English"
        raise InputError.single(names[1], None, f"both files are in {language} ({names[0]} and {names[1]})",
                                "give the Chinese file and the English file")
    by_lang = dict(zip(langs, files))
    return Layout("two files", zh=as_language(by_lang["zh"], "zh"), en=as_language(by_lang["en"], "en"))
