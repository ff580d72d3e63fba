"""Small made-up reports for the reader's tests."""
from __future__ import annotations

from pathlib import Path

HEAD = ["测试报告", "Test Report", "测试办公室", "Test Office"]
INTRO = ["这是引言。", "This is the introduction."]
SECTION_1 = ["一、第一部分", "I. Part one"]
ITEM_1 = ["1. 第一项工作取得进展。全省共处理案件一千余起，同比增长百分之二十，居全国前列。",
          "1. Progress was made in the first task. The province handled more than one thousand cases, "
          "an increase of twenty percent year-on-year, ranking among the first in China."]
ITEM_2 = ["2. 第二项工作继续推进。全省新建服务中心十二个，累计达到八十个，覆盖所有设区市。",
          "2. The second task went on. The province built twelve new service centres, bringing the total "
          "to eighty and covering every city with subordinated districts."]
EXTRA_ZH = "此外，全省还开展了大量其他工作，这些工作在英文中没有对应的译文。"
EXTRA_EN = ("The province also carried out a great deal of further work, which has no counterpart "
            "in the Chinese text at all.")


def report_text(*blocks: str, head: list[str] = HEAD) -> str:
    """The blocks separated by blank lines, as text extracted from a PDF would be."""
    return "\n\n".join([*head, *blocks]) + "\n"


def write(tmp_path: Path, text: str | bytes, name: str = "report.txt") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT / "data" / "zhejiang-ip-white-paper-2019.txt"


def profile():
    from bilingual_report.config.profile import load_profile
    return load_profile(ROOT / "data" / "profile.yml")


def read_report(path: Path):
    """The report read with the project's profile: the document and its warnings."""
    from bilingual_report.structure.reader import read_report as read
    return read(path, profile())


def read_document(path: Path):
    return read_report(path).document


def choose_language(page, locale: str) -> None:
    """The language selector used as a reader uses it: its menu opened, the language clicked with the mouse where it
    is (Playwright's own click may scroll the page first, and so change the place the switch keeps)."""
    page.hover(".md-header__option .md-select")
    box = page.locator(f".md-select a[hreflang={locale}]").bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_load_state("load")
