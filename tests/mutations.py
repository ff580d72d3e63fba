"""Seeded edits of a report's text, and the judgement of what the reader made of each: the site is right, or the
reader named a line near the edit.

An edit keeps, for every line of the edited text, the line of the original it came from (None for a line it made),
so that the tree read from the edited text can be compared with the original's node by node:
- an edit that keeps the text (a block split or two blocks joined, an invisible character) must give the same tree;
- one that changes it (a block deleted, duplicated, moved, swapped, a heading renumbered, the file cut short, a
  huge line, a table row lost in one language) must give a tree whose every node is made of the same original lines
  as before, less the ones deleted, reading as whole sentences where it did, or else a problem, warning or finding
  must name a line within NEAR lines of the edit, or a line of the node it touched.
A text cut between two blocks reads as a shorter report, whole: nothing in the text can tell, so such a cut is
counted apart (prefix), not as silent.

Run as a script, it prints how each kind of edit fared: `python tests/mutations.py [COUNT] [SEED]`.
"""
from __future__ import annotations

import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bilingual_report.checks.findings import collect  # noqa: E402
from bilingual_report.checks.pair_checks import mid_sentence_start  # noqa: E402
from bilingual_report.config.profile import load_profile  # noqa: E402
from bilingual_report.errors import InputError, Problem  # noqa: E402
from bilingual_report.language.text import ends_sentence  # noqa: E402
from bilingual_report.model import Document, Heading, Paragraph, printed_text  # noqa: E402
from bilingual_report.structure.reader import read_report  # noqa: E402

NEAR = 12
KEEPING = ("split", "join", "invisible")  # edits after which the text reads the same
INVISIBLE = ["\u202e", "\u2066", "\u200b", "\ufeff", "\x1b", "\x7f", "\x07", "\uffff", "\u200d", "\x9b"]
HEADING = re.compile(r"^(?:([一二三四五六七八九十]+)、|第([一二三四五六七八九十]+)[章条]|(\d+)\. )")
ZH_NUMERALS = "一二三四五六七八九十"
HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Edit:
    kind: str
    lines: list[str]            # the edited text's lines
    origin: list[int | None]    # for each of them, the original line it came from (1-based)
    sites: list[int]            # where the edit is, in the edited text's lines (1-based)
    removed: set[int]           # original lines gone

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) indexes of the runs of non-blank lines."""
    found, start = [], None
    for index, line in enumerate(lines + [""]):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            found.append((start, index))
            start = None
    return found


def make_edit(original: list[str], rng: random.Random) -> Edit | None:
    """One random edit of the text's lines."""
    lines = list(original)
    origin: list[int | None] = list(range(1, len(lines) + 1))
    spans = blocks(lines)
    kind = rng.choice(["delete", "duplicate", "move", "swap", "split", "join", "renumber", "invisible", "lost",
                       "truncate", "huge", "table_row"])
    start, end = spans[rng.randrange(len(spans))]
    removed: set[int] = set()
    if kind == "delete":
        removed = set(origin[start:end])
        del lines[start:end], origin[start:end]
        sites = [start + 1]
    elif kind == "duplicate":
        lines[end:end] = [""] + lines[start:end]
        origin[end:end] = [None] * (end - start + 1)
        sites = [start + 1, end + 2]
    elif kind == "move":
        chunk, moved = lines[start:end], origin[start:end]
        del lines[start:end], origin[start:end]
        to = rng.randrange(len(lines) + 1)
        lines[to:to] = ["", *chunk, ""]
        origin[to:to] = [None, *moved, None]
        sites = [start + 1 if to > start else start + len(chunk) + 3, to + 2]
    elif kind == "swap":
        following = next(((s, e) for s, e in spans if s >= end), None)
        if following is None:
            return None
        s2, e2 = following
        lines = lines[:start] + lines[s2:e2] + [""] + lines[start:end] + lines[e2:]
        origin = origin[:start] + origin[s2:e2] + [None] + origin[start:end] + origin[e2:]
        sites = [start + 1, start + (e2 - s2) + 2]
    elif kind == "split":
        line = lines[start]
        if len(line) < 20:
            return None
        # where a line or page break falls: anywhere in Chinese; in English at a space or inside a word
        cuts = [k for k in range(5, len(line) - 5) if HAN.match(line[k - 1]) or line[k - 1] == " "
                or (line[k - 1].isalpha() and line[k].isalpha())]
        cut = rng.choice(cuts)
        lines[start:start + 1] = [line[:cut], "", line[cut:]]
        origin[start:start + 1] = [origin[start], None, origin[start]]
        sites = [start + 1]
    elif kind == "join":
        following = next(((s, e) for s, e in spans if s >= end), None)
        if following is None:
            return None
        del lines[end:following[0]], origin[end:following[0]]
        sites = [start + 1]
    elif kind == "renumber":
        numbered = [k for k, line in enumerate(lines) if HEADING.match(line)]
        if not numbered:
            return None
        k = rng.choice(numbered)
        match = HEADING.match(lines[k])
        if match.group(3):
            lines[k] = f"{int(match.group(3)) + rng.randint(2, 5)}. " + lines[k][match.end():]
        else:
            old = match.group(1) or match.group(2)
            new = rng.choice([n for n in ZH_NUMERALS if n != old])
            lines[k] = lines[k][:match.start(1) if match.group(1) else match.start(2)] + new \
                + lines[k][match.end(1) if match.group(1) else match.end(2):]
        origin[k] = None
        removed = {k + 1}
        sites = [k + 1]
    elif kind in ("invisible", "lost"):
        line = lines[start]
        at = rng.randrange(len(line) + 1)
        lines[start] = line[:at] + (rng.choice(INVISIBLE) if kind == "invisible" else "\ufffd") + line[at:]
        sites = [start + 1]
    elif kind == "truncate":
        text = "\n".join(lines)
        cut = rng.randrange(len(text) // 5, len(text))
        kept = text[:cut].split("\n")
        removed = set(origin[len(kept) - 1:])
        lines, origin = kept, origin[:len(kept) - 1] + [None]
        sites = [len(kept)]
    elif kind == "huge":
        lines[start] = lines[start] * (1_000_000 // max(1, len(lines[start].encode())) + 1)
        origin[start], removed = None, {start + 1}
        sites = [start + 1]
    else:  # table_row: a table row deleted in one language
        rows = [k for k, line in enumerate(lines) if "\t" in line]
        if not rows:
            return None
        k = rng.choice(rows)
        removed = {origin[k]}
        del lines[k], origin[k]
        sites = [k + 1]
    return Edit(kind, lines, origin, sites, removed)


@dataclass
class Node:
    id: str
    type: str
    lines: dict
    text: dict
    edges: dict   # {lang: (ends a sentence, starts mid-sentence)}


def nodes(document: Document, origin: list[int | None] | None = None) -> dict[str, Node]:
    """Every node by id, with its lines mapped to the original's (unmapped lines as None)."""
    found = {}
    for node, parents in document.walk():
        if isinstance(node, Paragraph):
            text = {lang: printed_text(node, parents, lang) for lang in ("zh", "en")}
        elif isinstance(node, Heading):
            text = {lang: node.printed(lang) for lang in ("zh", "en")}
        else:
            text = {lang: str(getattr(node, "rows", {}).get(lang, "")) + getattr(node, "caption")[lang]
                    for lang in ("zh", "en")}
        text = {"zh": "".join(text["zh"].split()), "en": " ".join(text["en"].split())}
        lines = {lang: [origin[n - 1] if origin else n for n in node.lines[lang]] for lang in ("zh", "en")}
        edges = {lang: (ends_sentence(lang, text[lang]), mid_sentence_start(lang, text[lang])) for lang in text}
        found[node.id] = Node(node.id, node.type, lines, text, edges)
    return found


def front(document: Document) -> tuple:
    return (document.title, document.issuer, document.front)


@dataclass
class Outcome:
    verdict: str        # same | faithful | prefix | named | silent | far
    messages: list[str]


def mentioned_lines(problem: Problem) -> list[int]:
    numbers = [problem.line] if problem.line else []
    return numbers + [int(n) for n in re.findall(r"(?:lines?|at) ([\d, -]+)", problem.message)
                      for n in re.findall(r"\d+", n)]


class Judge:
    """Reads a report's text once, then judges what the reader makes of edits of it."""

    def __init__(self, source: Path, work: Path):
        self.profile = load_profile(ROOT / "data" / "profile.yml")
        self.work = work
        self.lines = source.read_text(encoding="utf-8").split("\n")
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        reading = read_report(source, self.profile)
        self.document = reading.document
        self.nodes = nodes(reading.document)
        self.known = Counter(self.key(p) for p in collect(reading, []).all())

    @staticmethod
    def key(problem: Problem) -> str:
        return re.sub(r"\d+", "#", problem.message)

    def read(self, edit: Edit):
        path = self.work / "edited.txt"
        path.write_text(edit.text, encoding="utf-8")
        try:
            reading = read_report(path, self.profile)
        except InputError as err:
            return None, err.problems
        found = collect(reading, []).all()
        known = Counter(self.known)
        new = []
        for problem in found:
            if known[self.key(problem)]:
                known[self.key(problem)] -= 1
            else:
                new.append(problem)
        return reading.document, new

    def touched(self, edit: Edit) -> set[str]:
        """The ids of the original nodes whose lines the edit changed, moved or removed."""
        edited = set(edit.removed) | {edit.origin[s - 1] for s in edit.sites if 0 < s <= len(edit.origin)}
        return {node.id for node in self.nodes.values() if edited & set(node.lines["zh"] + node.lines["en"])}

    def near(self, edit: Edit, problems: list[Problem]) -> bool:
        counterpart = {n for node_id in self.touched(edit) for lang in ("zh", "en")
                       for n in self.nodes[node_id].lines[lang]}
        # an original line's place in the edited text
        where = {o: k + 1 for k, o in enumerate(edit.origin) if o is not None}
        places = set(edit.sites) | {where[n] for n in counterpart if n in where}
        return any(abs(line - place) <= NEAR for problem in problems for line in mentioned_lines(problem)
                   for place in places)

    def faithful(self, edit: Edit, document: Document) -> bool:
        if edit.kind in KEEPING:
            return front(document) == front(self.document) and \
                {k: (n.type, n.text) for k, n in nodes(document).items()} == \
                {k: (n.type, n.text) for k, n in self.nodes.items()}
        if front(document) != front(self.document):
            return False
        touched = self.touched(edit)
        after = nodes(document, edit.origin)
        if set(after) != set(self.nodes):
            return False
        for node_id, before in self.nodes.items():
            node = after[node_id]
            expected = {lang: [n for n in before.lines[lang] if n not in edit.removed] for lang in ("zh", "en")}
            if node.type != before.type or node.lines != expected:
                return False
            if node_id in touched and node.edges != before.edges:
                return False
            if node_id not in touched and node.text != before.text:
                return False
        return True

    def prefix(self, document: Document) -> bool:
        """Whether the document is the original's first nodes, each whole."""
        after = [(node.id, node.type, node.text) for node in nodes(document).values()]
        before = [(node.id, node.type, node.text) for node in self.nodes.values()]
        return front(document) == front(self.document) and after == before[:len(after)]

    def judge(self, edit: Edit) -> Outcome:
        document, problems = self.read(edit)
        messages = [str(p) for p in problems]
        if document is not None and not problems and self.faithful(edit, document):
            return Outcome("same" if edit.kind in KEEPING else "faithful", messages)
        if not problems and edit.kind == "truncate" and self.prefix(document):
            return Outcome("prefix", messages)  # cut between two blocks: what is left reads as a whole report
        if not problems:
            return Outcome("silent", messages)
        return Outcome("named" if self.near(edit, problems) else "far", messages)


def run(source: Path, work: Path, count: int, seed: int) -> list[tuple[Edit, Outcome]]:
    judge = Judge(source, work)
    rng = random.Random(seed)
    results = []
    while len(results) < count:
        edit = make_edit(judge.lines, rng)
        if edit is not None:
            results.append((edit, judge.judge(edit)))
    return results


if __name__ == "__main__":
    import tempfile
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for source in (ROOT / "data" / "zhejiang-ip-white-paper-2019.txt", ROOT / "tests" / "fixtures" / "law.txt",
                   ROOT / "tests" / "fixtures" / "deep-report.txt"):
        with tempfile.TemporaryDirectory() as work:
            results = run(source, Path(work), count, seed)
        table: dict[str, Counter] = {}
        for edit, outcome in results:
            table.setdefault(edit.kind, Counter())[outcome.verdict] += 1
        wrong = sum(1 for _, outcome in results if outcome.verdict in ("silent", "far"))
        print(f"{source.name}: {count} edits, {wrong} built wrong in silence or named no line near the edit")
        for kind, verdicts in sorted(table.items()):
            print(f"  {kind:10} " + ", ".join(f"{v} {n}" for v, n in sorted(verdicts.items())))
        for edit, outcome in results:
            if outcome.verdict in ("silent", "far"):
                print(f"    {outcome.verdict}: {edit.kind} at {edit.sites}: {outcome.messages[:1]}")
