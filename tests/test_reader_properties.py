"""Property-based tests of the reader: whatever the page breaks, noise or a missing block, it either
reproduces the document or stops with an error naming lines; it never crashes."""
from __future__ import annotations

import re
from pathlib import Path

from helpers import HEAD, read_document
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bilingual_report.errors import InputError
from bilingual_report.model import Heading

SENTENCES = [
    ("全省共处理专利侵权判定咨询案件一千余起，同比增长百分之二十。", "The province handled more than one thousand consultation cases on patent infringement, an increase of twenty percent."),
    ("省市场监管局会同有关部门开展了知识产权保护专项行动。", "The provincial market regulator carried out a special action for the protection of intellectual property together with other departments."),
    ("新建知识产权服务中心十二个，覆盖所有设区市。", "Twelve new intellectual property service centres were built, covering every city with subordinated districts."),
    ("企业发明专利授权量继续保持全国前列。", "The number of patents for invention granted to enterprises remained among the highest in the country."),
    ("商标质押融资规模进一步扩大，惠及更多中小企业。", "Trademark-pledged financing grew further and reached more small and medium-sized enterprises."),
    ("全省法院全面推行知识产权案件三合一审判。", "The courts of the province fully adopted three-in-one trials of intellectual property cases."),
]
LEADS = [("加强知识产权保护。", "Strengthen intellectual property protection."),
         ("推进知识产权运用。", "Promote the use of intellectual property."),
         ("优化知识产权服务。", "Improve intellectual property services.")]
NUMERALS = ["一", "二", "三"]
ROMAN = ["I", "II", "III"]


@st.composite
def documents(draw):
    """A report as a list of (kind, zh, en) units, in reading order."""
    units = [("paragraph", SENTENCES[0][0], SENTENCES[0][1])]
    for s in range(draw(st.integers(1, 3))):
        units.append(("heading", f"{NUMERALS[s]}、第{NUMERALS[s]}部分的标题", f"{ROMAN[s]}. The heading of part {s + 1}"))
        for item in range(1, draw(st.integers(1, 3)) + 1):
            for paragraph in range(draw(st.integers(1, 2))):
                picks = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3))
                zh, en = "".join(p[0] for p in picks), " ".join(p[1] for p in picks)
                if paragraph == 0:
                    lead = LEADS[(item - 1) % 3]
                    zh, en = f"{item}. {lead[0]}{zh}", f"{item}. {lead[1]} {en}"
                units.append(("paragraph", zh, en))
    return units


def mid_sentence_cuts(lang: str, text: str) -> list[int]:
    """Where a page break can cut the text: inside a sentence (also right after an item's number), at a space in English."""
    if lang == "zh":
        cuts = [i for i in range(2, len(text) - 1) if text[i - 1] not in "。！？" and text[i] not in "，。"]
    else:
        cuts = [m.start() for m in re.finditer(" ", text) if text[m.start() - 1] not in "!?" and
                not (text[m.start() - 1] == "." and not text[:m.start()].rstrip(".").isdigit())]
    return cuts


@st.composite
def broken(draw, units):
    """The units' blocks, each paragraph or heading cut into up to three fragments."""
    blocks = []
    for kind, zh, en in units:
        for lang, text in (("zh", zh), ("en", en)):
            cuts = mid_sentence_cuts(lang, text)
            chosen = sorted(draw(st.sets(st.sampled_from(cuts), max_size=2))) if cuts else []
            pieces = [text[a:b].strip() for a, b in zip([0] + chosen, chosen + [len(text)])]
            assume(not any(piece.isdigit() for piece in pieces))  # a number alone on a line reads as a page number
            blocks.append(pieces)
    return blocks


def render(blocks: list[list[str]], gap: str = "\n\n", newline: str = "\n") -> str:
    flat = [*HEAD] + [piece for pieces in blocks for piece in pieces]
    return gap.join(flat).replace("\n", newline) + newline


def model(path: Path) -> list[tuple]:
    """The document's ids and texts; Chinese compared without spaces (a fragment "1." rejoins as "1.加强")."""
    doc = read_document(path)
    squeeze = lambda text: re.sub(r"\s", "", text)  # noqa: E731
    texts = [(n.id, n.printed("zh"), n.printed("en")) if isinstance(n, Heading) else (n.id, n.text["zh"], n.text["en"])
             for n, _ in doc.walk()]
    return [(node_id, squeeze(zh), en) for node_id, zh, en in texts]


COMMON = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@COMMON
@given(data=st.data())
def test_page_breaks_anywhere_mid_sentence_are_repaired(tmp_path, data):
    units = data.draw(documents())
    whole = tmp_path / "whole.txt"
    whole.write_text(render([[t] for _, zh, en in units for t in (zh, en)]), encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(render(data.draw(broken(units))), encoding="utf-8")
    assert model(cut) == model(whole)


@COMMON
@given(data=st.data())
def test_blank_line_noise_and_line_endings_change_nothing(tmp_path, data):
    units = data.draw(documents())
    blocks = [[t] for _, zh, en in units for t in (zh, en)]
    whole = tmp_path / "whole.txt"
    whole.write_text(render(blocks), encoding="utf-8")
    gap = data.draw(st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\n\t\n\n", "\n\u3000\n"]))
    newline = data.draw(st.sampled_from(["\n", "\r\n", "\r"]))
    noisy = tmp_path / "noisy.txt"
    noisy.write_bytes(render(blocks, gap, newline).encode("utf-8"))
    assert model(noisy) == model(whole)


@COMMON
@given(data=st.data())
def test_a_missing_block_is_an_error_naming_lines(tmp_path, data):
    units = data.draw(documents())
    blocks = [[t] for _, zh, en in units for t in (zh, en)]
    index = data.draw(st.integers(0, len(blocks) - 1))
    del blocks[index]
    path = tmp_path / "missing.txt"
    path.write_text(render(blocks), encoding="utf-8")
    try:
        read_document(path)
    except InputError as err:
        assert all(p.line is not None for p in err.problems)
        assert re.search(r"missing\.txt:\d+: ", str(err))
    else:
        raise AssertionError("a document with a block deleted was read without an error")
