"""Which heading and block of one edition is which of another: matched by structure and wording, never by position,
since items are inserted, deleted, reworded and renumbered from one year to the next.

Divisions are matched first, in order, by their titles and what they hold; then, inside each matched pair of
headings, their subheadings and their blocks, the same way; what is left over anywhere is matched last across the
whole document where its wording is nearly the same (an item moved to another division). Numbers are masked while
wordings are compared: a paragraph whose figures changed from one year to the next is the same paragraph,
reworded.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from bilingual_report.language.text import without_markup
from bilingual_report.model import LANGS, Document, Heading, Node

SIMILAR = 0.5   # two nodes of one kind in matching places whose wordings are this alike are one node reworded
MOVED = 0.8     # …and two left over anywhere in the document, one moved
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
COMPARED_CHAR = re.compile(r"[\u3400-\u9fff#A-Za-z]")
WORD = re.compile(r"[a-z#]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Match:
    """A node of the older edition and its counterpart in the newer one."""

    old: Node
    new: Node
    similarity: float  # 1.0 when both languages' wordings are made of the same pieces, numbers aside

    @property
    def reworded(self) -> bool:
        """Its words changed in either language (numbers aside)."""
        return any(masked(wording(self.old, lang)) != masked(wording(self.new, lang)) for lang in LANGS)

    @property
    def restated(self) -> bool:
        """Its numbers changed in either language."""
        return any(NUMBER.findall(wording(self.old, lang)) != NUMBER.findall(wording(self.new, lang))
                   for lang in LANGS)

    @property
    def renumbered(self) -> bool:
        """Its id changed: a heading's number, or a block's place among its heading's blocks."""
        return self.old.id != self.new.id


@dataclass(frozen=True, eq=False)
class Matching:
    """Every node of two editions: matched in pairs, removed from the older one, or added in the newer one."""

    matches: tuple[Match, ...]
    removed: tuple[Node, ...]
    added: tuple[Node, ...]

    def counterpart(self, old_id: str) -> str | None:
        """The newer edition's id of an older node, when it has one."""
        return self.by_old.get(old_id)

    @functools.cached_property
    def by_old(self) -> dict[str, str]:
        return {m.old.id: m.new.id for m in self.matches}

    def reversed(self) -> "Matching":
        """The same matching seen from the newer edition."""
        return Matching(tuple(Match(m.new, m.old, m.similarity) for m in self.matches), self.added, self.removed)

    def pairs(self) -> list[tuple[str, str, float]]:
        """The matches by their nodes' ids, as kept between builds (what is left over follows from the documents)."""
        return [(m.old.id, m.new.id, m.similarity) for m in self.matches]

    @classmethod
    def of(cls, pairs: list[tuple[str, str, float]], old: Document, new: Document) -> "Matching":
        """The matching of two documents that pairs() gave, with the documents' own nodes."""
        old_nodes = {node.id: node for node, _ in old.walk()}
        new_nodes = {node.id: node for node, _ in new.walk()}
        order = {node_id: index for index, node_id in enumerate(new_nodes)}
        matched_old, matched_new = {a for a, _, _ in pairs}, {b for _, b, _ in pairs}
        return cls(tuple(Match(old_nodes[a], new_nodes[b], similarity)
                         for a, b, similarity in sorted(pairs, key=lambda pair: order[pair[1]])),
                   tuple(node for node_id, node in old_nodes.items() if node_id not in matched_old),
                   tuple(node for node_id, node in new_nodes.items() if node_id not in matched_new))


def chained(first: Matching, second: Matching, old: Document, new: Document) -> Matching:
    """Two matchings end to end (A to B, B to C) as one (A to C): a node keeps its counterpart where the edition
    between has it, the less alike of its two matches saying how alike. What that edition lacks (an item it removed
    and the next restored) is matched directly, as two editions' leftovers are. A series matches each edition with
    the next only, so that its cost grows with its editions, not with their pairs."""
    onward = {m.old.id: m for m in second.matches}
    matcher = Matcher(old, new)
    for m in first.matches:
        if m.new.id in onward:
            matcher.keep(Match(m.old, onward[m.new.id].new, min(m.similarity, onward[m.new.id].similarity)))
    for match in list(matcher.matches):
        if isinstance(match.old, Heading):
            matcher.align_under(match.old, match.new)
    return matcher.run()


def wording(node: Node, lang: str) -> str:
    """What a node says in a language, without its number and its marks."""
    return without_markup(node.words(lang)).strip()


def content(node: Node, lang: str) -> str:
    """A node's wording and, for a heading, all that is under it."""
    if not isinstance(node, Heading):
        return wording(node, lang)
    return "\n".join([wording(node, lang)] + [content(child, lang) for child in node.children])


def masked(text: str) -> str:
    """A wording with each number as #, and its white space as one space."""
    return " ".join(NUMBER.sub("#", text).split())


def shingles(lang: str, text: str) -> Counter:
    """The pieces two wordings are compared by, numbers masked: character pairs in Chinese, words and word pairs in
    English."""
    if lang == "zh":
        chars = COMPARED_CHAR.findall(masked(text))
        return Counter(chars if len(chars) < 2 else (a + b for a, b in zip(chars, chars[1:])))
    words = WORD.findall(masked(text).lower())
    return Counter(words + [f"{a} {b}" for a, b in zip(words, words[1:])])


def dice(a: Counter, b: Counter) -> float:
    total = sum(a.values()) + sum(b.values())
    return 1.0 if not total else 2 * sum((a & b).values()) / total


class Matcher:
    """Matches two editions' trees; each node's shingles computed once."""

    def __init__(self, old: Document, new: Document):
        self.old, self.new = old, new
        self._shingles: dict[tuple[int, str, bool], Counter] = {}
        self.matches: list[Match] = []
        self.done: set[int] = set()  # the nodes of either edition already matched

    def pieces(self, node: Node, lang: str, whole: bool) -> Counter:
        key = (id(node), lang, whole)
        if key not in self._shingles:
            self._shingles[key] = shingles(lang, content(node, lang) if whole else wording(node, lang))
        return self._shingles[key]

    def similarity(self, a: Node, b: Node) -> float:
        """How alike two nodes are, over both languages; a heading by its words and by what it holds."""
        if type(a) is not type(b):
            return 0.0
        own = sum(dice(self.pieces(a, lang, False), self.pieces(b, lang, False)) for lang in LANGS) / len(LANGS)
        if not isinstance(a, Heading):
            return own
        held = sum(dice(self.pieces(a, lang, True), self.pieces(b, lang, True)) for lang in LANGS) / len(LANGS)
        same_level = a.level == b.level and a.role == b.role
        return max(own, held) if same_level else 0.0

    def align(self, old: Sequence[Node], new: Sequence[Node]) -> None:
        """Pair two runs of sibling nodes in order, each pair at least SIMILAR, the total similarity the greatest;
        then match inside each pair of headings."""
        for a, b, score in aligned(old, new, self.similarity):
            self.pair(a, b, score)

    def pair(self, a: Node, b: Node, score: float) -> None:
        self.keep(Match(a, b, score))
        if isinstance(a, Heading):
            self.align_under(a, b)

    def keep(self, match: Match) -> None:
        """A match found, or given (through the edition between)."""
        self.matches.append(match)
        self.done |= {id(match.old), id(match.new)}

    def align_under(self, a: Heading, b: Heading) -> None:
        """Match what two matched headings hold and is not matched yet."""
        self.align(self.left(a.headings), self.left(b.headings))
        self.align(self.left(a.blocks), self.left(b.blocks))

    def left(self, nodes: Sequence[Node]) -> list[Node]:
        """The nodes not matched yet."""
        return [node for node in nodes if id(node) not in self.done]

    def run(self) -> Matching:
        """Every node matched that can be, beside the matches already kept."""
        self.align(self.left(self.old.intro), self.left(self.new.intro))
        self.align(self.left(self.old.children), self.left(self.new.children))
        self.match_moved()
        removed = tuple(self.left([n for n, _ in self.old.walk()]))
        added = tuple(self.left([n for n, _ in self.new.walk()]))
        order = {id(node): index for index, (node, _) in enumerate(self.new.walk())}
        return Matching(tuple(sorted(self.matches, key=lambda m: order[id(m.new)])), removed, added)

    def match_moved(self) -> None:
        """Nodes left over in both editions whose wordings are nearly the same, wherever they are (what is under a
        moved heading goes with it)."""
        left_old = self.left([n for n, _ in self.old.walk()])
        left_new = self.left([n for n, _ in self.new.walk()])
        candidates = sorted(((self.similarity(a, b), i, j) for i, a in enumerate(left_old)
                             for j, b in enumerate(left_new)), key=lambda c: (-c[0], c[1], c[2]))
        for score, i, j in candidates:
            if score < MOVED:
                break
            if id(left_old[i]) not in self.done and id(left_new[j]) not in self.done:
                self.pair(left_old[i], left_new[j], score)


def aligned(old: Sequence[Node], new: Sequence[Node], similarity) -> list[tuple[Node, Node, float]]:
    """The order-keeping pairing of two runs with the greatest total gain, no pair below SIMILAR. A pair gains by
    how far it is above SIMILAR: one near-identical pair outweighs two that are merely alike (two items swapped are
    each left to its own, the second found as moved)."""
    if not old or not new:
        return []
    scores = [[similarity(a, b) for b in new] for a in old]
    gains = [[(s - SIMILAR) / (1 - SIMILAR) + 1e-6 if s >= SIMILAR else -1.0 for s in row] for row in scores]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + gains[i][j])
    pairs, i, j = [], 0, 0
    while i < len(old) and j < len(new):
        if gains[i][j] > 0 and best[i][j] == best[i + 1][j + 1] + gains[i][j]:
            pairs.append((old[i], new[j], scores[i][j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def match_editions(old: Document, new: Document) -> Matching:
    return Matcher(old, new).run()


def targets(matching: Matching, old: Document) -> dict[str, tuple[str | None, bool]]:
    """Where a reader on each older node goes in the newer edition: its counterpart (True), or else the counterpart
    of the nearest heading above it that has one (False); None for the edition's home."""
    out = {}
    for node, parents in old.walk():
        out[node.id] = next(((target, candidate is node) for candidate in (node, *reversed(parents))
                             if (target := matching.counterpart(candidate.id)) is not None), (None, False))
    return out


def nearest_counterpart(matching: Matching, old: Document, old_id: str) -> tuple[str | None, bool]:
    """Where a reader on one older node goes in the newer edition (see targets)."""
    return targets(matching, old)[old_id]
