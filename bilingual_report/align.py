"""Pair a Chinese run of elements with the English run that follows it, merging page-break splits where counts demand it."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .elements import Element
from . import text

MAX_GROUP = 3
MERGE_COST = 10.0
STYLE_COST = 1.0
MAX_MERGED_DEVIATION = math.log(2.0)  # a merged pair's length ratio within 2x of the document's
# A pair within 1.5x of the document's length ratio is a plausible translation as it stands: it is never merged
# with the next paragraph (which would hide a paragraph missing from the other language).
MIN_UNMERGED_DEVIATION = math.log(1.5)


@dataclass(frozen=True)
class Pair:
    zh: Element
    en: Element
    pieces: dict = field(default_factory=dict)  # {lang: [paragraph, paragraph]} for a side that gives two for one

    @property
    def kind(self) -> str:
        return self.zh.kind


def length_ratio(zh: Element, en: Element) -> float:
    return text.length_ratio(zh.text, en.text)


def _mergeable(run: list[Element], start: int, size: int) -> bool:
    group = run[start:start + size]
    if len(group) < size:
        return False
    if size == 1:
        return True
    return group[0].runs_on and all(e.kind == "paragraph" and e.soft_start for e in group[1:])


def _compatible(zh: Element, en: Element) -> bool:
    """Same kind, number and role. A numbered Chinese heading also pairs with an English heading of the same
    number in another numbering style (一、 with 1.), or with an English title printed without its number."""
    if zh.kind == "heading" and zh.role is None:
        if en.kind == "heading" and en.role is None:
            return zh.number == en.number
        return en.kind == "paragraph" and en.title_like
    return zh.kind == en.kind and zh.number == en.number and zh.role == en.role


def _mismatch(zh: Element, en: Element) -> float:
    """A small cost for a heading paired across numbering styles, so that one of the same style is preferred."""
    return 0.0 if zh.kind != "heading" or zh.levels & en.levels or zh.role else STYLE_COST


def pair_run(zh_run: list[Element], en_run: list[Element], expected_ratio: float) -> list[Pair] | None:
    """The cheapest one-to-one pairing, merging soft-started paragraphs only when needed; None if there is none."""
    n, m = len(zh_run), len(en_run)
    best: dict[tuple[int, int], tuple[float, tuple[int, int, int, int] | None]] = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) not in best:
                continue
            cost_here = best[(i, j)][0]
            for a in range(1, MAX_GROUP + 1):
                for b in range(1, MAX_GROUP + 1):
                    if a > 1 and b > 1:
                        continue
                    if not (_mergeable(zh_run, i, a) and _mergeable(en_run, j, b)):
                        continue
                    zh = zh_run[i].merged(zh_run[i + 1:i + a])
                    en = en_run[j].merged(en_run[j + 1:j + b])
                    if not _compatible(zh, en):
                        continue
                    deviation = abs(math.log(length_ratio(zh, en) / expected_ratio))
                    if a + b > 2:
                        # Merge only where it makes the pair's lengths fit, as they do when a page break split it.
                        unmerged = abs(math.log(length_ratio(zh_run[i], en_run[j]) / expected_ratio))
                        if unmerged <= MIN_UNMERGED_DEVIATION or deviation >= unmerged \
                                or deviation > MAX_MERGED_DEVIATION:
                            continue
                    cost = cost_here + MERGE_COST * (a + b - 2) + _mismatch(zh, en)
                    if zh.runs_on:
                        cost += deviation
                    key = (i + a, j + b)
                    if key not in best or cost < best[key][0]:
                        best[key] = (cost, (i, j, a, b))
    if (n, m) not in best:
        return None
    pairs: list[Pair] = []
    key = (n, m)
    while best[key][1] is not None:
        i, j, a, b = best[key][1]
        pairs.append(Pair(zh_run[i].merged(zh_run[i + 1:i + a]), en_run[j].merged(en_run[j + 1:j + b])))
        key = (i, j)
    return pairs[::-1]
