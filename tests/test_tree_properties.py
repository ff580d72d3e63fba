"""Round trip of random document trees: any depth of the official numbering, run-in items and sub-items, notes,
front and back matter; written as a bilingual source with page breaks anywhere, read back to the same tree."""
from __future__ import annotations

import re

from helpers import HEAD, read_report
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_reader_properties import LEADS, SENTENCES, mid_sentence_cuts

from bilingual_report.model import Heading
from bilingual_report.sources.text import ITEM_NUMBER_ONLY

CHINESE = ["", "一", "二", "三", "四"]
ROMAN = ["", "I", "II", "III", "IV"]
TITLES = [("知识产权创造", "Creation of intellectual property"), ("知识产权保护", "Protection of intellectual property"),
          ("知识产权运用", "Use of intellectual property"), ("公共服务", "Public services")]
LETTER = re.compile(r"[A-Za-z\u4e00-\u9fff]")
COMMON = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


class Tree:
    """The expected document: (id, zh, en) per node in reading order, and the source blocks (zh, en) that print it."""

    def __init__(self):
        self.expected: list[tuple[str, str, str]] = []
        self.blocks: list[tuple[str, str]] = []
        self.serial = 0

    def text(self, draw, sentences: int = 2) -> tuple[str, str]:
        """Sentences of the pool, after a marker that makes every paragraph of the document its own."""
        self.serial += 1
        picks = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=sentences))
        return (f"事项{self.serial}：" + "".join(p[0] for p in picks),
                f"Matter {self.serial}: " + " ".join(p[1] for p in picks))

    def paragraph(self, node_id: str, zh: str, en: str) -> None:
        self.expected.append((node_id, zh, en))
        self.blocks.append((zh, en))

    def paragraphs(self, draw, prefix: str, count: int, first: int = 1) -> None:
        for number in range(first, first + count):
            zh, en = self.text(draw)
            if draw(st.integers(0, 4)) == 0:
                zh, en = "注：" + zh, "Note: " + en
            self.paragraph(f"{prefix}-{number}", zh, en)


def item(draw, tree: Tree, node_id: str, number: int, label: dict, depth: int) -> None:
    """A run-in item (1. Lead. Body) with continuation paragraphs and, one level down, sub-items."""
    lead = LEADS[(number - 1) % len(LEADS)]
    body = tree.text(draw)
    subitems = draw(st.integers(0, 2)) if depth == 0 else 0
    tree.expected.append((node_id, f"{label['zh']}{lead[0]}", f"{label['en']} {lead[1]}"))
    prefix = f"{node_id}-0" if subitems else node_id
    tree.expected.append((f"{prefix}-1", body[0], body[1]))
    tree.blocks.append((f"{label['zh']}{lead[0]}{body[0]}", f"{label['en']} {lead[1]} {body[1]}"))
    tree.paragraphs(draw, prefix, draw(st.integers(0, 1)), first=2)
    for sub in range(1, subitems + 1):
        item(draw, tree, f"{node_id}-{sub}", sub, {"zh": f"（{sub}）", "en": f"({sub})"}, depth + 1)


def heading(tree: Tree, node_id: str, zh: str, en: str) -> None:
    tree.expected.append((node_id, zh, en))
    tree.blocks.append((zh, en))


@st.composite
def trees(draw) -> Tree:
    tree = Tree()
    tree.paragraphs(draw, "intro", draw(st.integers(0, 1)))
    if draw(st.booleans()):
        heading(tree, "preface", "前言", "Preface")
        tree.paragraphs(draw, "preface", 1)
    with_subsections = draw(st.booleans())
    for s in range(1, draw(st.integers(1, 3)) + 1):
        title = TITLES[s - 1]
        heading(tree, f"s{s}", f"{CHINESE[s]}、{title[0]}", f"{ROMAN[s]}. {title[1]}")
        tree.paragraphs(draw, f"s{s}-0", draw(st.integers(0, 1)))
        parents = [(f"s{s}-{k}", k) for k in range(1, draw(st.integers(1, 2)) + 1)] if with_subsections else [(f"s{s}", 0)]
        for parent_id, k in parents:
            if k:
                heading(tree, parent_id, f"（{CHINESE[k]}）{TITLES[k][0]}", f"({ROMAN[k]}) {TITLES[k][1]}")
            for i in range(1, draw(st.integers(1, 2)) + 1):
                item(draw, tree, f"{parent_id}-{i}", i, {"zh": f"{i}. ", "en": f"{i}."}, 0)
    if draw(st.booleans()):
        heading(tree, "conclusion", "结束语", "Conclusion")
        tree.paragraphs(draw, "conclusion", 1)
    return tree


@st.composite
def cut(draw, blocks: list[tuple[str, str]]) -> list[str]:
    """Each block cut by page breaks into up to three fragments, in either language."""
    out = []
    for pair in blocks:
        for lang, whole in zip(("zh", "en"), pair):
            # never inside a heading's number: a fragment has words, or is a whole number ("1." or "（1）")
            cuts = [c for c in mid_sentence_cuts(lang, whole)
                    if LETTER.search(whole[:c]) or ITEM_NUMBER_ONLY.match(whole[:c].strip())]
            chosen = sorted(draw(st.sets(st.sampled_from(cuts), max_size=2))) if cuts else []
            pieces = [whole[a:b].strip() for a, b in zip([0] + chosen, chosen + [len(whole)])]
            assume(not any(piece.isdigit() for piece in pieces))  # a number alone on a line reads as a page number
            out += pieces
    return out


def as_read(path) -> list[tuple[str, str, str]]:
    reading = read_report(path)
    squeeze = lambda value: re.sub(r"\s", "", value)  # noqa: E731
    return [(node.id, squeeze(node.printed("zh")), node.printed("en")) if isinstance(node, Heading)
            else (node.id, squeeze(node.text["zh"]), node.text["en"]) for node, _ in reading.document.walk()]


@COMMON
@given(data=st.data())
def test_random_trees_read_back_identically_whatever_the_page_breaks(tmp_path, data):
    tree = data.draw(trees())
    fragments = data.draw(cut(tree.blocks))
    path = tmp_path / "tree.txt"
    path.write_text("\n\n".join([*HEAD, *fragments]) + "\n", encoding="utf-8")
    expected = [(node_id, re.sub(r"\s", "", zh), en) for node_id, zh, en in tree.expected]
    assert as_read(path) == expected


@COMMON
@given(data=st.data())
def test_random_trees_have_no_warnings_when_numbered_in_order(tmp_path, data):
    tree = data.draw(trees())
    path = tmp_path / "tree.txt"
    path.write_text("\n\n".join([*HEAD] + [t for pair in tree.blocks for t in pair]) + "\n", encoding="utf-8")
    assert read_report(path).warnings == []
