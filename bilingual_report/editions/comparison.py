"""Two editions' matching as the publisher checks it: one line per node (matched, reworded, renumbered, added,
removed), with the numbers that changed in each language, and a count of each."""
from __future__ import annotations

import difflib
import re

from bilingual_report.editions.matching import Match, Matching, wording
from bilingual_report.language.numbers import numbers_in
from bilingual_report.model import LANGS, Document, Heading, Node

EXCERPT = {"zh": 24, "en": 48}
TOKEN = {"zh": re.compile(r"\d+(?:[.,]\d+)*|\s+|."), "en": re.compile(r"\d+(?:[.,]\d+)*|\w+|\s+|.")}


def differences(old: str, new: str, lang: str) -> list[tuple[str, str]]:
    """A newer wording against an older one as runs of (kind, text), kind "same", "removed" or "added": compared by
    character in Chinese, by word in English, a number as one piece."""
    before, after = TOKEN[lang].findall(old), TOKEN[lang].findall(new)
    runs = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(("same", "".join(before[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", "".join(before[i1:i2])))
        if j2 > j1:
            runs.append(("added", "".join(after[j1:j2])))
    return runs


def number_changes(old: str, new: str, lang: str) -> list[tuple[str, str]]:
    """The numbers a text states that another edition's text states differently, in the order stated: each
    number replaced, as (old, new)."""
    before = [n.text for n in numbers_in(lang, old)]
    after = [n.text for n in numbers_in(lang, new)]
    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            changes += list(zip(before[i1:i2], after[j1:j2]))
    return changes


def excerpt(node: Node) -> str:
    text = {lang: " ".join((node.printed(lang) if isinstance(node, Heading) else wording(node, lang)).split())
            for lang in LANGS}
    return " / ".join(f"«{text[lang][:EXCERPT[lang]]}{'…' if len(text[lang]) > EXCERPT[lang] else ''}»"
                      for lang in LANGS)


def kind_of(match: Match) -> str:
    kinds = [kind for kind, flag in (("reworded", match.reworded), ("numbers changed", match.restated),
                                     ("renumbered", match.renumbered)) if flag]
    return ", ".join(kinds) or "matched"


def match_line(match: Match) -> str:
    place = match.new.id if match.old.id == match.new.id else f"{match.old.id} → {match.new.id}"
    line = f"{kind_of(match):37} {place} {excerpt(match.new)}"
    if match.reworded:
        line += f" (alike {match.similarity:.2f})"
    if match.restated:
        for lang in LANGS:
            if changes := number_changes(wording(match.old, lang), wording(match.new, lang), lang):
                line += f"; {lang} numbers " + ", ".join(f"{a} → {b}" for a, b in changes)
    return line


def comparison_lines(matching: Matching, old: Document, new: Document, names: tuple[str, str]) -> list[str]:
    """The matching of an older edition (names[0]) to a newer one (names[1]), node by node in the newer's order,
    what was removed in the older's order, then the counts."""
    by_new = {id(m.new): m for m in matching.matches}
    lines = [f"{names[0]} → {names[1]}"]
    for node, _ in new.walk():
        match = by_new.get(id(node))
        lines.append(match_line(match) if match else f"{'added':37} {node.id} {excerpt(node)}")
    removed = {id(node) for node in matching.removed}
    lines += [f"{'removed':37} {node.id} {excerpt(node)}" for node, _ in old.walk() if id(node) in removed]
    counts = {
        "matched": sum(1 for m in matching.matches if kind_of(m) == "matched"),
        "reworded": sum(1 for m in matching.matches if m.reworded),
        "with numbers changed": sum(1 for m in matching.matches if m.restated),
        "renumbered": sum(1 for m in matching.matches if m.renumbered),
        "added": len(matching.added),
        "removed": len(matching.removed),
    }
    lines.append(", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return lines
