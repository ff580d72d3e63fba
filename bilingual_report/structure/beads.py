"""Align Chinese and English elements: the numbered headings and captions first, as anchors; then, between two
anchors, the paragraphs, notes and tables by dynamic programming over beads of 1:1, 1:2, 2:1, 2:2, 1:0 and 0:1
elements, scored by length (Gale–Church, with the document's own ratio of lengths and its variance) and by what both
sides state alike (numbers, Latin names). A report read apart (two files, two halves, two columns) is one pair of
streams; an interleaved one is a pair of runs per Chinese block and the English after it, the trivial case."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable

from bilingual_report.language.numbers import numbers_in
from bilingual_report.structure.elements import Element, is_title

# Gale and Church's priors of each bead (1993), as NLTK gives them.
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (1, 2): 0.089, (2, 1): 0.089, (2, 2): 0.011}
VARIANCE = 6.8           # Gale and Church's variance of lengths, per character, for a ratio of 1
EVIDENCE_COST = 4.0      # a bead whose two sides state nothing alike, where both state numbers or names
ANCHOR_SKIP = 12.0       # a heading or caption left without its counterpart
STYLE_COST = 1.0         # a heading paired with one of another numbering style (一、 with 1.)
UNNUMBERED_COST = 2.0    # a numbered Chinese heading paired with its English printed as a short line, without number
# One paragraph cut in two (by a page break) in an interleaved text is joined only where the lengths demand it: the
# pair as cut is more than 1.5x off the document's ratio, and joined within 2x of it and closer.
CUT_UNJOINED = math.log(1.5)
CUT_JOINED = math.log(2.0)
BAND = 40                # how far off the diagonal a bead may go, in elements, beyond the two sides' difference
LOW_CONFIDENCE = 3.0     # a bead of two paragraphs whose lengths deviate more than this (in standard deviations)
LIST_MARK = re.compile(r"^\W*(?:\d+|[IVXLC]+)\s*[.．、)）]\s*")
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.-]*[A-Za-z0-9]")


@dataclass(frozen=True)
class Pair:
    """A Chinese and an English element that translate each other, with the paragraphs a side gives for one."""

    zh: Element
    en: Element
    pieces: dict = field(default_factory=dict)  # {lang: [paragraph, paragraph]} for a side that gives two for one

    @property
    def kind(self) -> str:
        return self.zh.kind


@dataclass(frozen=True)
class Bead:
    """Elements of each language that translate each other: one and one, one and two, or one and none."""

    zh: tuple[Element, ...]
    en: tuple[Element, ...]
    deviation: float = 0.0  # how far the lengths are from the document's ratio, in standard deviations

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.zh), len(self.en)

    def deviation_of(self, lengths: "Lengths") -> float:
        return lengths.deviation(sum(e.length for e in self.zh), sum(e.length for e in self.en))


@dataclass(frozen=True)
class Lengths:
    """The document's ratio of English to Chinese length and the variance of lengths around it."""

    ratio: float
    variance: float

    def deviation(self, zh: int, en: int) -> float:
        if zh == 0 and en == 0:
            return 0.0
        mean = (zh + en / self.ratio) / 2  # Gale and Church's: the mean of the two lengths, in Chinese characters
        return (en - zh * self.ratio) / math.sqrt(max(mean, 1.0) * self.variance)


def document_lengths(zh: list[Element], en: list[Element]) -> Lengths:
    """The ratio of the two streams' paragraph lengths (of all their text, where a side has no paragraph), and a
    variance scaled to it."""
    zh_total = sum(e.length for e in zh if e.kind == "paragraph")
    en_total = sum(e.length for e in en if e.kind == "paragraph")
    if not zh_total or not en_total:
        zh_total, en_total = sum(e.length for e in zh), sum(e.length for e in en)
    ratio = (en_total + 1) / (zh_total + 1)
    return Lengths(ratio, VARIANCE * ratio * ratio)


def refined(lengths: Lengths, beads: list[Bead]) -> Lengths:
    """The variance measured on the one-to-one paragraph beads found (at least a quarter of the first guess); in a
    text of few paragraphs, the ratio of a typical one-to-one bead instead (one paragraph more in one language
    weighs too much in a ratio of totals)."""
    samples = [(b.zh[0].length, b.en[0].length) for b in beads
               if b.shape == (1, 1) and b.zh[0].kind == "paragraph"]
    if len(samples) < 8:
        ratios = sorted((b.en[0].length + 1) / (b.zh[0].length + 1)
                        for b in beads if b.shape == (1, 1))
        if not ratios:
            return lengths
        ratio = ratios[len(ratios) // 2]
        return Lengths(ratio, VARIANCE * ratio * ratio)
    measured = sum((en - zh * lengths.ratio) ** 2 / max((zh + en / lengths.ratio) / 2, 1.0)
                   for zh, en in samples) / len(samples)
    return Lengths(lengths.ratio, max(measured, lengths.variance / 4))


def evidence(element: Element) -> frozenset:
    """What a translation keeps as it is: the numbers (by value) and the Latin names a text states (not the number
    of an item or a list's entry)."""
    text = LIST_MARK.sub("", element.text, count=1)
    found = {("number", n.value, n.percent) for n in numbers_in(element.lang, text)}
    return frozenset(found | {("name", word.casefold()) for word in LATIN_NAME.findall(text)})


class Evidence:
    """Each element's evidence, found once."""

    def __init__(self) -> None:
        self.found: dict[int, frozenset] = {}

    def __call__(self, elements: tuple[Element, ...]) -> frozenset:
        for element in elements:
            if id(element) not in self.found:
                self.found[id(element)] = evidence(element)
        return frozenset().union(*(self.found[id(e)] for e in elements))


def shared_cost(zh: tuple[Element, ...], en: tuple[Element, ...], found: Evidence) -> float:
    """Cheap where both sides state the same numbers and Chinese names; dear where they state none alike (the
    English's names count only where the Chinese keeps them: it translates most)."""
    zh_found, en_found = found(zh), found(en)
    wanted = zh_found | {item for item in en_found if item[0] == "number"}
    if not zh_found or not en_found:
        return 0.0  # nothing to compare (a number the other side writes in words, a side with none)
    return EVIDENCE_COST * (1 - len(zh_found & en_found) / len(wanted))


def combinable(elements: tuple[Element, ...]) -> bool:
    """Two elements of one side may stand for one of the other only when both are paragraphs (or both notes)."""
    return len(elements) < 2 or len({e.kind for e in elements}) == 1 and elements[0].kind in ("paragraph", "note")


def translated(zh: tuple[Element, ...], en: tuple[Element, ...], lengths: Lengths) -> bool:
    """Two paragraphs of a text read apart may translate one: a translator splits and joins paragraphs."""
    return combinable(zh) and combinable(en)


def cut(zh: tuple[Element, ...], en: tuple[Element, ...], lengths: Lengths) -> bool:
    """Two paragraphs of an interleaved run are one paragraph cut (by a page break), where they may be and where
    the lengths demand it; otherwise the second has no counterpart."""
    if len(zh) < 2 and len(en) < 2:
        return True
    if len(zh) > 1 and len(en) > 1:
        return False
    longer = zh if len(zh) > 1 else en
    if not (longer[0].runs_on and longer[1].kind == "paragraph" and longer[1].soft_start):
        return False

    def off(zh: tuple[Element, ...], en: tuple[Element, ...]) -> float:
        zh_length = sum(e.length for e in zh)
        en_length = sum(e.length for e in en)
        return abs(math.log((en_length + 1) / (zh_length + 1) / lengths.ratio))

    unjoined, joined = off(zh[:1], en[:1]), off(zh, en)
    return unjoined > CUT_UNJOINED and joined < unjoined and joined <= CUT_JOINED


Joinable = Callable[[tuple[Element, ...], tuple[Element, ...], Lengths], bool]


def bead_cost(zh: tuple[Element, ...], en: tuple[Element, ...], lengths: Lengths, found: Evidence,
              joinable: Joinable = translated) -> tuple[float, float]:
    """Gale and Church's cost of a bead (minus the log of its probability), and its deviation."""
    if zh and en and (zh[0].kind != en[0].kind or not joinable(zh, en, lengths)):
        return math.inf, 0.0
    zh_length = sum(e.length for e in zh)
    en_length = sum(e.length for e in en)
    deviation = lengths.deviation(zh_length, en_length)
    probability = max(math.erfc(abs(deviation) / math.sqrt(2)), 1e-300)
    cost = -math.log(PRIORS[(len(zh), len(en))]) - math.log(probability)
    if zh and en:
        cost += shared_cost(zh, en, found)
    return cost, deviation


def align_segment(zh: list[Element], en: list[Element], lengths: Lengths, found: Evidence,
                  joinable: Joinable = translated) -> list[Bead]:
    """The cheapest beads over two runs of paragraphs, notes and tables between the same two anchors."""
    n, m = len(zh), len(en)
    band = BAND + abs(n - m)
    best: dict[tuple[int, int], tuple[float, tuple[int, int, float] | None]] = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if (i, j) not in best:
                continue
            here = best[(i, j)][0]
            for a, b in PRIORS:
                if i + a > n or j + b > m:
                    continue
                cost, deviation = bead_cost(tuple(zh[i:i + a]), tuple(en[j:j + b]), lengths, found, joinable)
                key = (i + a, j + b)
                if here + cost < best.get(key, (math.inf, None))[0]:
                    best[key] = (here + cost, (a, b, deviation))
    if (n, m) not in best:  # beyond the band: every element of each side left single (reported as such)
        return [Bead((e,), ()) for e in zh] + [Bead((), (e,)) for e in en]
    beads: list[Bead] = []
    i, j = n, m
    while (i, j) != (0, 0):
        a, b, deviation = best[(i, j)][1]
        beads.append(Bead(tuple(zh[i - a:i]), tuple(en[j - b:j]), deviation))
        i, j = i - a, j - b
    return beads[::-1]


def is_anchor(element: Element) -> bool:
    return element.kind in ("heading", "caption")


def may_anchor(element: Element) -> bool:
    """An anchor, or an English short line that may be a numbered heading printed without its number."""
    return is_anchor(element) or (element.lang == "en" and element.title_like)


def anchor_cost(zh: Element, en: Element) -> float:
    """What pairing two anchors costs: nothing for the same heading or caption, more across numbering styles or for
    an English heading printed without its number, and impossible for different kinds or numbers."""
    if zh.kind == "heading" and zh.role is None and zh.number is not None and en.kind == "paragraph":
        return UNNUMBERED_COST
    if zh.kind != en.kind or zh.role != en.role or zh.number != en.number:
        return math.inf
    if zh.kind == "heading" and zh.role is None and not zh.levels & en.levels:
        return STYLE_COST
    return 0.0


def align_anchors(zh: list[Element], en: list[Element]) -> list[tuple[Element | None, Element | None]]:
    """The headings and captions of both sides paired in order; one left without a counterpart pairs with None."""
    n, m = len(zh), len(en)
    band = BAND + abs(n - m)
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in range(max(0, i - band), min(m, i + band) + 1):
            if (i, j) not in best:
                continue
            here = best[(i, j)][0]
            steps = [((1, 0), ANCHOR_SKIP), ((0, 1), ANCHOR_SKIP if j < m and is_anchor(en[j]) else 0.0)]
            if i < n and j < m:
                steps.append(((1, 1), anchor_cost(zh[i], en[j])))
            for (a, b), cost in steps:
                key = (i + a, j + b)
                if key[0] <= n and key[1] <= m and here + cost < best.get(key, (math.inf, None))[0]:
                    best[key] = (here + cost, (a, b))
    pairs: list[tuple[Element | None, Element | None]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        a, b = best[(i, j)][1]
        pairs.append((zh[i - 1] if a else None, en[j - 1] if b else None))
        i, j = i - a, j - b
    return pairs[::-1]


def align_streams(zh: list[Element], en: list[Element]) -> list[Bead]:
    """Every element of two streams read apart in beads, in reading order."""
    return align_runs([(zh, en)], translated)[0]


def align_runs(units: list[tuple[list[Element], list[Element]]], joinable: Joinable) -> list[list[Bead]]:
    """Each unit's two runs in beads, in reading order: anchors one to one (or alone), and the runs between two
    paired anchors aligned by length and shared evidence, with the lengths of the whole document."""
    lengths = document_lengths([e for zh, _ in units for e in zh], [e for _, en in units for e in en])
    found = Evidence()
    first = [run_beads(zh, en, lengths, found, joinable) for zh, en in units]
    lengths = refined(lengths, [bead for beads in first for bead in beads])
    return [bodies_joined(run_beads(zh, en, lengths, found, joinable), lengths) for zh, en in units]


def run_beads(zh: list[Element], en: list[Element], lengths: Lengths, found: Evidence,
              joinable: Joinable) -> list[Bead]:
    """The beads of a Chinese and an English run: its anchors paired first, then the runs between them."""
    zh_anchors = [k for k, e in enumerate(zh) if is_anchor(e)]
    en_anchors = [k for k, e in enumerate(en) if may_anchor(e)]
    paired = align_anchors([zh[k] for k in zh_anchors], [en[k] for k in en_anchors])
    index = {id(zh[k]): k for k in zh_anchors} | {id(en[k]): k for k in en_anchors}
    beads: list[Bead] = []
    i = j = 0
    for zh_anchor, en_anchor in paired:
        if zh_anchor is None or en_anchor is None:
            continue  # a lone anchor stays inside the run around it, where its bead shows it alone
        i_end, j_end = index[id(zh_anchor)], index[id(en_anchor)]
        beads += runs_with_lone_anchors(zh[i:i_end], en[j:j_end], lengths, found, joinable)
        beads.append(Bead((zh_anchor,), (en_anchor,)))
        i, j = i_end + 1, j_end + 1
    return beads + runs_with_lone_anchors(zh[i:], en[j:], lengths, found, joinable)


def bodies_joined(beads: list[Bead], lengths: Lengths) -> list[Bead]:
    """A paragraph of one side alone after a pair of headings taken into that pair, where the other side's heading
    carries its text on its line (an article, an item) and the lengths agree better with it: the translation gives
    the heading's text as a paragraph of its own."""
    out: list[Bead] = []
    for bead in beads:
        previous = out[-1] if out else None
        if previous and previous.shape == (1, 1) and previous.zh[0].kind == "heading" and bead.shape in ((0, 1), (1, 0)):
            alone = (bead.zh or bead.en)[0]
            other = previous.en[0] if bead.zh else previous.zh[0]
            if alone.kind == "paragraph" and other.role is None and not is_title(other):
                zh, en = previous.zh + bead.zh, previous.en + bead.en
                joined = lengths.deviation(sum(e.length for e in zh), sum(e.length for e in en))
                if abs(joined) < min(abs(previous.deviation_of(lengths)), LOW_CONFIDENCE):
                    out[-1] = Bead(zh, en, joined)
                    continue
        out.append(bead)
    return out


def runs_with_lone_anchors(zh: list[Element], en: list[Element], lengths: Lengths, found: Evidence,
                           joinable: Joinable) -> list[Bead]:
    """A run between two paired anchors; an anchor inside it (one with no counterpart) is a bead of its own, where
    it stands on its own side."""
    beads = align_segment([e for e in zh if not is_anchor(e)], [e for e in en if not is_anchor(e)], lengths, found,
                          joinable)
    order = {id(e): k for k, e in enumerate(zh)} | {id(e): k for k, e in enumerate(en)}
    lone = {"zh": [e for e in zh if is_anchor(e)], "en": [e for e in en if is_anchor(e)]}
    placed: list[Bead] = []
    for bead in beads:
        for lang, side in (("zh", bead.zh), ("en", bead.en)):
            while lone[lang] and side and order[id(lone[lang][0])] < order[id(side[0])]:
                anchor = lone[lang].pop(0)
                placed.append(Bead((anchor,), ()) if lang == "zh" else Bead((), (anchor,)))
        placed.append(bead)
    return placed + [Bead((e,), ()) for e in lone["zh"]] + [Bead((), (e,)) for e in lone["en"]]
