"""Editions of the deep report of our own making: next year's text, with items inserted, deleted, reworded and
renumbered, numbers changed in both languages, and a division removed or added."""
from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
DEEP = FIXTURES / "deep-report.txt"


def edited(text: str, edits: list[tuple[str, str]]) -> str:
    """The text with each (old, new) replaced once; an old text not found is a fault of the fixture."""
    for old, new in edits:
        assert text.count(old) == 1, f"the fixture's text {old[:40]!r} is not in the report exactly once"
        text = text.replace(old, new)
    return text


# Each edit with what it does to the tree, so that a test can say what the matching must find.
NUMBERS_CHANGED = [
    ("全省发明专利授权 3.2 万件，同比增长 15.2%。", "全省发明专利授权 3.6 万件，同比增长 12.5%。"),
    ("The province granted 32,000 invention patents, up 15.2% year-on-year.",
     "The province granted 36,000 invention patents, up 12.5% year-on-year."),
]
REWORDED = [
    ("全省各级法院和行政机关持续加强知识产权保护，保护水平稳步提高。",
     "全省各级法院和行政机关持续加强知识产权保护，保护水平和社会满意度稳步提高。"),
    ("The courts and administrative authorities at all levels continued to strengthen intellectual property "
     "protection, and its level rose steadily.",
     "The courts and administrative authorities at all levels continued to strengthen intellectual property "
     "protection, and its level and the public's satisfaction rose steadily."),
]
# A new first item under (一) 专利: the items after it are renumbered 2. and 3.
ITEM_INSERTED = [
    ("(I) Patents\n\n1. 发明专利稳步增长。",
     "(I) Patents\n\n1. 专利质量持续提升。全省每万人高价值发明专利拥有量达到 12.4 件。\n\n"
     "1. Patent quality kept improving. The province held 12.4 high-value invention patents per 10,000 people.\n\n"
     "2. 发明专利稳步增长。"),
    ("1. Invention patents grew steadily.", "2. Invention patents grew steadily."),
    ("2. 实用新型专利保持稳定。", "3. 实用新型专利保持稳定。"),
    ("2. Utility model patents remained stable.", "3. Utility model patents remained stable."),
]
NOTE_DELETED = [
    ("注：商标数据来自国家知识产权局商标局。\n\nNote: the trademark data come from the Trademark Office of the "
     "National Intellectual Property Administration.\n\n", ""),
]
# Its first heading's words changed in both languages (what it holds the same).
TITLE_REWORDED = [("（一）专利\n\n(I) Patents\n", "（一）专利创造与质量\n\n(I) Patent creation and quality\n")]
# The second patent item moved under 商标 / Trademarks, as its second item.
UTILITY_ITEM = ("2. 实用新型专利保持稳定。全省实用新型专利授权 12.5 万件。\n\n2. Utility model patents remained stable. "
                "The province granted 125,000 utility model patents.\n\n")
ITEM_MOVED = [(UTILITY_ITEM, ""), ("二、知识产权保护\n\nII.", UTILITY_ITEM + "二、知识产权保护\n\nII.")]
# The two sub-items of the first patent item in the other order, each keeping its number.
UNIVERSITIES = ("高校专利。高校发明专利授权 4100 件，占全省的 12.8%。",
                "Patents of universities. Universities were granted 4,100 invention patents, 12.8% of the province's "
                "total.")
ENTERPRISES = ("企业专利。企业发明专利授权 2.1 万件，占全省的 65.6%，比上年提高\n\n2.3 个百分点。",
               "Patents of enterprises. Enterprises were granted 21,000 invention patents, 65.6% of the province's "
               "total, up 2.3 percentage points from the previous\n\nyear.")
ITEMS_SWAPPED = [(f"（1）{UNIVERSITIES[0]}\n\n(1) {UNIVERSITIES[1]}\n\n（2）{ENTERPRISES[0]}\n\n(2) {ENTERPRISES[1]}",
                  f"（1）{ENTERPRISES[0]}\n\n(1) {ENTERPRISES[1]}\n\n（2）{UNIVERSITIES[0]}\n\n(2) {UNIVERSITIES[1]}")]
# The second division removed: the conclusion and the appendix follow the first.
DIVISION_REMOVED = [
    ("二、知识产权保护\n\nII. Protection of intellectual property\n\n", "REMOVED-START"),
    ("结束语\n\nConclusion", "REMOVED-END结束语\n\nConclusion"),
]


def next_edition(edits: list[tuple[str, str]], source: Path = DEEP) -> str:
    text = edited(source.read_text(encoding="utf-8"), edits)
    if "REMOVED-START" in text:
        start, end = text.index("REMOVED-START"), text.index("REMOVED-END")
        text = text[:start] + text[end + len("REMOVED-END"):]
    return text


def write_edition(folder: Path, name: str, edits: list[tuple[str, str]]) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(next_edition(edits), encoding="utf-8")
    return path
