"""Every layout a bilingual report comes in gives the tree the interleaved text gives: the Chinese half then the
English half (either first), one file per language (in either order, of any format), with a translation's
paragraphs split or joined; what cannot be aligned is named in its file."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import HEAD, PAPER, ROOT, read_report
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layouts import halves, joined, split, streams, whole_paragraphs, write_files
from test_reader_properties import documents

from bilingual_report.errors import InputError
from bilingual_report.model import Heading, Paragraph, printed_text
from bilingual_report.structure.outline import outline

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = {"paper": PAPER, "law": FIXTURES / "law.txt", "deep": FIXTURES / "deep-report.txt"}


def tree(reading) -> list[tuple]:
    """Each node's id and text in both languages (Chinese without spaces, as a page break may leave them)."""
    squeeze = lambda text: re.sub(r"\s", "", text)  # noqa: E731
    out = []
    for node, _ in reading.document.walk():
        if isinstance(node, Heading):
            texts = (node.printed("zh"), node.printed("en"))
        elif isinstance(node, Paragraph):
            texts = (node.text["zh"], node.text["en"])
        else:
            texts = (node.caption["zh"], node.caption["en"])
        out.append((node.id, squeeze(texts[0]), " ".join(texts[1].split())))
    document = reading.document
    return [("title", document.title), ("issuer", document.issuer), ("front", document.front)] + out


@pytest.fixture(scope="module")
def interleaved():
    return {name: tree(read_report(path)) for name, path in REPORTS.items()}


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("layout", ["zh half first", "en half first", "zh file, en file", "en file, zh file"])
def test_each_layout_gives_the_interleaved_tree(tmp_path, interleaved, name, layout):
    blocks = streams(REPORTS[name].read_text(encoding="utf-8"))
    if "half" in layout:
        path = tmp_path / "halves.txt"
        path.write_text(halves(blocks, first=layout[:2]), encoding="utf-8")
        sources, expected = [path], "halves"
    else:
        zh, en = write_files(tmp_path, blocks)
        sources, expected = ([zh, en] if layout.startswith("zh") else [en, zh]), "two files"
    reading = read_report(sources)
    assert reading.layout == expected
    assert tree(reading) == interleaved[name]
    assert reading.warnings == read_report(REPORTS[name]).warnings


def edited(name: str, lang: str, edit: str) -> list[tuple[dict, int]]:
    """Every way of splitting one paragraph of a language in two (at a sentence's end), or of joining two plain
    paragraphs in one: the streams, and the index of the block edited."""
    blocks = streams(REPORTS[name].read_text(encoding="utf-8"))
    found = []
    plain = set(whole_paragraphs(lang, blocks[lang], plain=True))
    for index in whole_paragraphs(lang, blocks[lang]):
        if edit == "split" and (cut := split(lang, blocks[lang], index)):
            found.append(({**blocks, lang: cut}, index))
        elif edit == "join" and index + 1 in plain:
            found.append(({**blocks, lang: joined(lang, blocks[lang], index)}, index))
    return found


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_paragraph_translated_as_two_keeps_the_tree_and_shows_both(tmp_path, interleaved, name, lang):
    for blocks, index in edited(name, lang, "split"):
        reading = read_report(list(write_files(tmp_path, blocks)))
        assert tree(reading) == interleaved[name], (lang, index)
        if index in whole_paragraphs(lang, blocks[lang], plain=True):  # not an item's text after its heading
            shown = [n.pieces[lang] for n in reading.document.paragraphs() if lang in n.pieces]
            assert blocks[lang][index:index + 2] in shown, (lang, index, shown)


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_paragraphs_translated_as_one_are_one_pair(tmp_path, interleaved, name, lang):
    other = "en" if lang == "zh" else "zh"
    for blocks, index in edited(name, lang, "join"):
        reading = read_report(list(write_files(tmp_path, blocks)))
        got = tree(reading)
        assert len(got) == len(interleaved[name]) - 1, (lang, index)
        pair = next(n for n in reading.document.paragraphs() if other in n.pieces)
        assert len(pair.pieces[other]) == 2 and lang not in pair.pieces


def test_the_reports_give_splits_and_joins_in_both_languages():
    """The two tests above are not empty: the three reports give cases of each kind in each language."""
    counts = {(lang, edit): sum(len(edited(name, lang, edit)) for name in REPORTS) for lang in ("zh", "en")
              for edit in ("split", "join")}
    assert all(counts.values()), counts


def test_a_paragraph_missing_in_one_file_is_named_in_both(tmp_path):
    blocks = streams(REPORTS["deep"].read_text(encoding="utf-8"))
    index = next(k for k, block in enumerate(blocks["en"]) if block.startswith("This report summarises"))
    lost = blocks["en"][index]
    blocks["en"] = blocks["en"][:index] + blocks["en"][index + 1:]
    zh, en = write_files(tmp_path, blocks)
    with pytest.raises(InputError) as caught:
        read_report([zh, en])
    problems = caught.value.problems
    assert len(problems) == 1 and problems[0].path == str(zh), problems
    assert "has no English counterpart (the English blocks nearby are at lines" in problems[0].message
    quoted = problems[0].message.split("«")[1].split("»")[0]
    assert zh.read_text(encoding="utf-8").split("\n")[problems[0].line - 1].startswith(quoted)
    assert lost not in en.read_text(encoding="utf-8")


def test_an_extra_heading_in_the_english_file_is_named_in_the_english_file(tmp_path):
    blocks = streams(FIXTURES.joinpath("law.txt").read_text(encoding="utf-8"))
    at = blocks["en"].index("Chapter III Supplementary Provisions")
    blocks["en"].insert(at, "Article 9 A provision the Chinese does not have.")
    zh, en = write_files(tmp_path, blocks)
    with pytest.raises(InputError) as caught:
        read_report([en, zh])
    problem = caught.value.problems[0]
    assert problem.path == str(en) and problem.line == 2 * at + 1, str(caught.value)
    assert "the English article at line" in problem.message and "has no Chinese counterpart" in problem.message


@pytest.mark.parametrize("texts, message", [
    (("测试报告\n\n第一段。\n", "第二个文件。\n\n第二段。\n"), "both files are in Chinese"),
    (("Test Report\n\nA paragraph.\n", "Another file.\n\nA second paragraph.\n"), "both files are in English"),
    (("测试报告\n\nTest Report\n\n第一段。\n\nThe first paragraph.\n", "Test Report\n\nA paragraph.\n"),
     "file0.txt:1: this file holds both languages (2 Chinese blocks, 2 English), but it is one of two files"),
])
def test_two_files_that_are_not_one_per_language_are_refused(tmp_path, texts, message):
    paths = []
    for k, text in enumerate(texts):
        paths.append(tmp_path / f"file{k}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_report(paths)
    assert message in str(caught.value)


def test_a_file_of_one_language_alone_says_to_give_the_other(tmp_path):
    zh, _ = write_files(tmp_path, streams(PAPER.read_text(encoding="utf-8")))
    with pytest.raises(InputError) as caught:
        read_report([zh])
    assert str(caught.value).startswith(f"{zh}: this file holds only Chinese text (100% of it) (give the English "
                                        f"file too: --source {zh} ENGLISH-FILE")


@pytest.mark.parametrize("first", ["zh", "en"])
def test_the_outline_and_the_build_name_the_layout(tmp_path, first):
    zh, en = write_files(tmp_path, streams(FIXTURES.joinpath("law.txt").read_text(encoding="utf-8")))
    files = [str(zh), str(en)] if first == "zh" else [str(en), str(zh)]
    outline = subprocess.run([sys.executable, "scripts/convert.py", *files, "--outline"], capture_output=True,
                             text=True, cwd=ROOT)
    assert outline.returncode == 0, outline.stderr
    assert outline.stdout.startswith(f"{' '.join(files)}: layout: two files (one per language); legal numbering; "
                                     "3 chapters, 6 articles, 9 paragraphs, 2 sections")
    halves_file = tmp_path / "halves.txt"
    halves_file.write_text(halves(streams(FIXTURES.joinpath("law.txt").read_text(encoding="utf-8")), first),
                           encoding="utf-8")
    outline = subprocess.run([sys.executable, "scripts/convert.py", str(halves_file), "--outline"],
                             capture_output=True, text=True, cwd=ROOT)
    assert "layout: halves (the text in one language, then in the other)" in outline.stdout.split("\n")[0]


SENTENCE = {"zh": re.compile(r"(?<=。)"), "en": re.compile(r"(?<=\.) (?=[A-Z])")}


def sentences(lang: str, text: str) -> list[str]:
    return [part for part in SENTENCE[lang].split(text) if part]


@st.composite
def translated(draw):
    """A random report as two streams, its translation splitting some plain paragraphs in two and joining some
    pairs of them in one (never two edits side by side), and the tree expected: (kind, Chinese, English) with a
    paragraph's sides as the paragraphs each language prints."""
    units = draw(documents())
    streams_: dict[str, list[str]] = {"zh": [HEAD[0], HEAD[2]], "en": [HEAD[1], HEAD[3]]}
    expected: list[tuple] = []
    index = 0
    while index < len(units):
        kind, zh, en = units[index]
        plain = kind == "paragraph" and not re.match(r"\d+\. ", zh)
        following = units[index + 1] if index + 1 < len(units) else None
        joinable = plain and following and following[0] == "paragraph" and not re.match(r"\d+\. ", following[1])
        edit = draw(st.sampled_from(["keep", "split", "join"])) if plain else "keep"
        if edit == "split":
            lang = draw(st.sampled_from(["zh", "en"]))
            parts = sentences(lang, zh if lang == "zh" else en)
            if len(parts) > 1:
                cut = draw(st.integers(1, len(parts) - 1))
                glue = "" if lang == "zh" else " "
                pieces = [glue.join(parts[:cut]), glue.join(parts[cut:])]
                streams_[lang] += pieces
                other = "en" if lang == "zh" else "zh"
                streams_[other].append(en if lang == "zh" else zh)
                sides = {lang: pieces, other: [en if lang == "zh" else zh]}
                expected.append(("paragraph", sides["zh"], sides["en"]))
                index += 1
                continue
        if edit == "join" and joinable:
            lang = draw(st.sampled_from(["zh", "en"]))
            _, zh2, en2 = following
            glue = "" if lang == "zh" else " "
            one, two = {"zh": (zh, zh2), "en": (en, en2)}[lang]
            streams_[lang].append(one + glue + two)
            other = "en" if lang == "zh" else "zh"
            streams_[other] += list({"zh": (zh, zh2), "en": (en, en2)}[other])
            sides = {lang: [one + glue + two], other: list({"zh": (zh, zh2), "en": (en, en2)}[other])}
            expected.append(("paragraph", sides["zh"], sides["en"]))
            index += 2
            continue
        streams_["zh"].append(zh)
        streams_["en"].append(en)
        expected.append((kind, [zh], [en]))
        index += 1
    return streams_, expected


def read_back(reading) -> list[tuple]:
    """The tree as the test states it: each heading as printed, each paragraph as each language prints it."""
    squeeze = lambda text: re.sub(r"\s", "", text)  # noqa: E731
    out = []
    for node, parents in reading.document.walk():
        if isinstance(node, Heading):
            if node.run_in:
                continue  # an item and its first paragraph: stated as the paragraph printed with its lead
            out.append(("heading", [squeeze(node.printed("zh"))], [node.printed("en")]))
        elif isinstance(node, Paragraph):
            sides = [[printed_text(node, parents, lang)] if lang not in node.pieces else node.pieces[lang]
                     for lang in ("zh", "en")]
            out.append(("paragraph", [squeeze(t) for t in sides[0]], sides[1]))
    return out


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_reports_in_two_files_or_halves_read_back_the_same(tmp_path, data):
    blocks, expected = data.draw(translated())
    if data.draw(st.booleans()):
        sources = list(write_files(tmp_path, blocks))
    else:
        sources = [tmp_path / "halves.txt"]
        sources[0].write_text(halves(blocks, data.draw(st.sampled_from(["zh", "en"]))), encoding="utf-8")
    squeeze = lambda text: re.sub(r"\s", "", text)  # noqa: E731
    wanted = [(kind, [squeeze(t) for t in zh], en) for kind, zh, en in expected]
    assert read_back(read_report(sources)) == wanted


def build(sources: list[Path], site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--source", *map(str, sources),
                           "--site-dir", str(site)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_a_site_from_a_chinese_pdf_and_an_english_word_document(tmp_path):
    from docx_fixtures import write_docx
    from pdf_fixtures import typeset

    zh, en = write_files(tmp_path, streams(REPORTS["law"].read_text(encoding="utf-8")))
    sources = [write_docx(en, tmp_path / "law-en.docx"), typeset(zh, tmp_path / "law-zh.pdf")]
    result = build(sources, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "report text: two files (one per language);" in result.stdout + result.stderr
    en_page = (tmp_path / "site" / "en" / "chapter-2" / "index.html").read_text(encoding="utf-8")
    zh_page = (tmp_path / "site" / "chapter-2" / "index.html").read_text(encoding="utf-8")
    assert '<h3 id="s2-1-3">Article 3' in en_page and "patent navigation by universities" in en_page
    assert 'id="s2-1-3"' in zh_page and "高校和科研机构开展专利导航" in zh_page
    assert "，第 1 页" in zh_page and ", p. " not in en_page  # the PDF's pages cited, the Word document has none


def test_a_paragraph_translated_as_two_shows_both_under_one_id(tmp_path):
    blocks = streams(PAPER.read_text(encoding="utf-8"))
    index = next(k for k in whole_paragraphs("zh", blocks["zh"], plain=True) if split("zh", blocks["zh"], k))
    blocks["zh"] = split("zh", blocks["zh"], index)
    first, second = blocks["zh"][index:index + 2]
    result = build(list(write_files(tmp_path, blocks)), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "site").glob("section-*/index.html"))
    at = pages.index(first[:12])
    paragraph_id = re.findall(r'<p id="(s[\d-]+)" class="para"', pages[:at])[-1]
    assert f'<p class="para" data-part-of="{paragraph_id}">{second[:12]}' in pages[at:]
    parallel = (tmp_path / "site" / "parallel").rglob("index.html")
    assert any(f'id="{paragraph_id}" class="pair"' in page.read_text(encoding="utf-8") for page in parallel)


@pytest.mark.parametrize("value, wrong", [
    ("[data/report-zh.txt, data/report-en.txt]", None),
    ("data/report.txt", None),
    ("[a.txt, b.txt, c.txt]", "'source' must be a path, or a list of two paths"),
    ("[]", "'source' must be a path, or a list of two paths"),
])
def test_the_site_settings_name_one_source_or_two(tmp_path, value, wrong):
    from bilingual_report.config.settings import load_settings

    text = (ROOT / "data" / "site.yml").read_text(encoding="utf-8")
    settings_file = tmp_path / "site.yml"
    settings_file.write_text(re.sub(r"(?m)^source: .*$", f"source: {value}", text), encoding="utf-8")
    if wrong:
        with pytest.raises(InputError) as caught:
            load_settings(settings_file, ROOT)
        assert f"{settings_file}:3:1: {wrong}" in str(caught.value)
    else:
        settings = load_settings(settings_file, ROOT)
        assert settings.sources == tuple(ROOT / part.strip() for part in value.strip("[]").split(","))


@pytest.mark.parametrize("name", ["law", "deep"])
def test_a_pdf_of_two_columns_one_per_language_gives_the_interleaved_tree(tmp_path, interleaved, name):
    from pdf_fixtures import typeset_columns

    reading = read_report(typeset_columns(REPORTS[name], tmp_path / f"{name}-columns.pdf"))
    assert reading.layout == "two columns"
    assert tree(reading) == interleaved[name]
    assert "layout: two columns (one per language, side by side on each page)" in \
        "\n".join(outline(reading, "columns.pdf"))


@pytest.mark.parametrize("name, layout", [("law", "a4"), ("deep", "letter")])
def test_interleaved_pdfs_are_not_read_as_columns(tmp_path, interleaved, name, layout):
    """A page of one column whose lines alternate languages has no gutter, whatever its short lines."""
    from pdf_fixtures import typeset

    reading = read_report(typeset(REPORTS[name], tmp_path / f"{name}.pdf", layout))
    assert reading.layout == "interleaved" and tree(reading)[3:] == interleaved[name][3:]  # the nodes (PDF spacing aside)


@pytest.mark.parametrize("form", ["text", "docx", "pdf"])
def test_a_table_of_pairs_gives_the_interleaved_tree(tmp_path, interleaved, form):
    from docx import Document
    from layouts import rows_of_pairs
    from pdf_fixtures import typeset_pairs

    rows = rows_of_pairs(REPORTS["law"].read_text(encoding="utf-8"))
    if form == "text":
        path = tmp_path / "pairs.txt"
        path.write_text("\n".join(f"{zh}\t{en}" for zh, en in rows) + "\n", encoding="utf-8")
    elif form == "pdf":
        path = typeset_pairs(rows, tmp_path / "pairs.pdf")
    else:
        document = Document()
        table = document.add_table(rows=0, cols=2)
        for zh, en in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = zh, en
        path = tmp_path / "pairs.docx"
        document.save(str(path))
    reading = read_report(path)
    assert reading.layout == "table of pairs"
    assert tree(reading) == interleaved["law"]


def test_only_chinese_cells_beside_english_ones_make_a_table_of_pairs():
    """A table of two columns whose cells are not Chinese beside English (a data table) is no table of pairs, nor
    is one that holds little of the text."""
    from bilingual_report.sources.blocks import Block
    from bilingual_report.structure.layouts import pair_rows as rows_of
    from bilingual_report.structure.layouts import pairs_table

    data = Block("zh", ((1, "指标\t数量"), (2, "发明专利\t32000")))
    glossary = Block("zh", ((5, "专利\tpatent"), (6, "商标\ttrademark")))
    assert rows_of(data) is None and rows_of(glossary) == [(5, "专利", "patent"), (6, "商标", "trademark")]
    text = [Block("zh", ((8, "全省共处理专利侵权判定咨询案件一千余起，同比增长百分之二十。" * 3),)),
            Block("en", ((10, "The province handled more than one thousand consultation cases. " * 3),))]
    assert pairs_table([*text, glossary]) is None and pairs_table([glossary]).name == "table of pairs"


UNNUMBERED = re.compile(r"^(?:[IVX]+\.|\([IVX]+\))\s+")


@pytest.mark.parametrize("name", ["deep"])  # the paper's English headings are sentences: no title without a number
def test_english_headings_printed_without_their_numbers_pair_with_the_numbered_chinese(tmp_path, interleaved, name):
    lines = REPORTS[name].read_text(encoding="utf-8").split("\n")
    stripped = [UNNUMBERED.sub("", line) for line in lines]
    assert sum(a != b for a, b in zip(stripped, lines)) >= 6
    path = tmp_path / "unnumbered.txt"
    path.write_text("\n".join(stripped), encoding="utf-8")
    reading = read_report(path)
    assert [row[:2] for row in tree(reading)] == [row[:2] for row in interleaved[name]]  # every id, every Chinese
    english = [node.text["en"] for node, _ in reading.document.walk() if isinstance(node, Heading)]
    assert english and not any(UNNUMBERED.match(text) for text in english)
