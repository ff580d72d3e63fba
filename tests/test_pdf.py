"""The PDF as a source: typeset here from the fixtures with WeasyPrint in two layouts, read by layout into the
same tree as the text; PDFs that cannot be read as a report are refused with the file and pages."""
from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PAPER, ROOT, read_report
from pdf_fixtures import typeset
from test_cleanup import tree_of

from bilingual_report.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"


def same_words(tree: list[tuple]) -> list[tuple]:
    """A tree with English spacing normalised (a justified line's spaces are gaps the reader measures)."""
    return [(node_id, zh, " ".join(en.split())) for node_id, zh, en in tree]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    return {
        "paper-a4": typeset(PAPER, folder / "paper-a4.pdf", "a4", header="2019 年浙江省知识产权保护与发展白皮书"),
        "paper-letter": typeset(PAPER, folder / "paper-letter.pdf", "letter", footer="浙江省知识产权局", vector=True),
        "law": typeset(FIXTURES / "law.txt", folder / "law.pdf", "a4", header="某省专利促进条例"),
        "deep-report": typeset(FIXTURES / "deep-report.txt", folder / "deep.pdf", "letter", footer="某省知识产权局"),
    }


@pytest.mark.parametrize("name", ["paper-a4", "paper-letter"])
def test_the_paper_typeset_in_two_layouts_reads_back_to_the_same_tree(pdfs, name):
    reading = read_report(pdfs[name])
    assert reading.warnings == []
    assert same_words(tree_of(pdfs[name])) == same_words(tree_of(PAPER))
    table = next(node for node, _ in reading.document.walk() if node.type == "table")
    assert len(table.rows["zh"]) == len(table.rows["en"]) == 12  # the ruled table, joined across a page break
    dropped = [r for r in reading.cleaned.repairs if r.kind in ("page_number", "running_line")]
    assert len(dropped) >= 2 * 15 and any("(page 2)" in r.text for r in dropped)


@pytest.mark.parametrize("name, source", [("law", "law.txt"), ("deep-report", "deep-report.txt")])
def test_the_other_shapes_as_pdfs_read_back_to_the_same_tree(pdfs, name, source):
    assert same_words(tree_of(pdfs[name])) == same_words(tree_of(FIXTURES / source))


def test_bold_is_kept_and_headings_are_not_marked(pdfs):
    document = read_report(pdfs["paper-a4"]).document
    item = document.children[0].headings[1]
    assert item.text["zh"] == "**积极推进知识产权治理体系和能力现代化。**"  # bold in the source, bold in the PDF
    assert "**" not in document.children[0].printed("zh")  # a heading is bold by its size, not by markers


def test_a_pdf_problem_names_its_page(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text((FIXTURES / "law.txt").read_text(encoding="utf-8").replace(
        "Article 4 Entities and individuals are encouraged to apply for patents.\n\n", ""), encoding="utf-8")
    pdf = typeset(broken, tmp_path / "broken.pdf", "a4")
    with pytest.raises(InputError) as caught:
        read_report(pdf)
    assert f"{pdf}: page 1 (line " in str(caught.value) and "has no English counterpart" in str(caught.value)


def image_only_pdf(path: Path) -> Path:
    from PIL import Image
    from weasyprint import HTML

    buffer = io.BytesIO()
    Image.new("RGB", (400, 200), "white").save(buffer, "PNG")
    image = base64.b64encode(buffer.getvalue()).decode()
    HTML(string=f'<img src="data:image/png;base64,{image}"><div style="break-before: page">'
                f'<img src="data:image/png;base64,{image}"></div>').write_pdf(path)
    return path


def cid_pdf(path: Path) -> Path:
    """A page whose font has no Unicode map: its text comes out as (cid:N)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        None,
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Unmapped /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Unmapped "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    stream = b"BT /F1 12 Tf 72 700 Td <0001000200030004> Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def encrypted_pdf(source: Path, path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="secret", algorithm="AES-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_pdfs_that_are_no_bilingual_report_are_refused(tmp_path, pdfs):
    one_language = tmp_path / "zh-only.txt"
    one_language.write_text("测试报告\n\n第一段。\n\n第二段。\n", encoding="utf-8")
    garbled = tmp_path / "garbled.txt"  # what a font without a Unicode map gives: plausible but rare ideographs
    from bilingual_report.sources.pdf import common_hanzi
    rare = "".join([c for c in map(chr, range(0x4E00, 0x9FA5, 7)) if not common_hanzi(c)][:60])
    garbled.write_text(f"测试报告\n\nTest Report\n\n{rare}。\n\nA paragraph.\n", encoding="utf-8")
    cases = [
        (encrypted_pdf(pdfs["law"], tmp_path / "encrypted.pdf"), "the PDF is encrypted"),
        (image_only_pdf(tmp_path / "scanned.pdf"), "the PDF has no text layer on any of its 2 pages (a scanned document?)"),
        (cid_pdf(tmp_path / "cid.pdf"), "the fonts on pages 1 have no Unicode map"),
        (typeset(one_language, tmp_path / "zh-only.pdf"), "this file holds only Chinese text"),
        (typeset(garbled, tmp_path / "garbled.pdf"), "the Chinese on pages 1 is mostly characters that Chinese text"),
    ]
    for path, message in cases:
        with pytest.raises(InputError) as caught:
            read_report(path)
        assert str(caught.value).startswith(f"{path}: {message}"), str(caught.value)


def test_a_pdf_builds_a_site_with_one_command(tmp_path, pdfs):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--source", str(pdfs["law"]),
                             "--site-dir", str(site)], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    page = (site / "en/chapter-2/index.html").read_text(encoding="utf-8")
    assert '<h3 id="s2-1-3">Article 3' in page and "patent navigation by universities" in page
    bad = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), str(cid_pdf(tmp_path / "cid.pdf")),
                          "--outline"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and "no Unicode map" in bad.stderr


def test_every_block_knows_its_page_and_citations_give_it(pdfs):
    from helpers import profile

    from bilingual_report.site.citations import block_references

    document = read_report(pdfs["paper-a4"]).document
    by_id = {node.id: node for node, _ in document.walk()}
    pdf_page, printed = by_id["s2-1-2"].page["en"]
    assert printed == str(pdf_page)  # the footer prints the PDF's own page number here
    references = block_references(document, profile())
    assert references["zh"]["s2-1-2"] == f"第二部分第 1 项第 2 段，第 {by_id['s2-1-2'].page['zh'][1]} 页"
    assert references["en"]["figure-3"] == f"Figure 3, p. {by_id['figure-3'].page['en'][1]}"
    assert not read_report(PAPER).document.intro[0].page  # a text has no pages


def test_a_reading_is_kept_by_the_pdfs_hash(tmp_path, pdfs):
    from bilingual_report.sources.pdf import read_pdf

    first = read_pdf(pdfs["law"], tmp_path / "pdf")
    assert len(list((tmp_path / "pdf").glob("*.json"))) == 1
    again = read_pdf(pdfs["law"], tmp_path / "pdf")
    assert again == first


def test_the_printed_figures_are_shown_in_each_language(tmp_path, pdfs):
    reading = read_report(pdfs["paper-a4"])
    figures = [node for node, _ in reading.document.walk() if node.type == "figure"]
    assert [f.id for f in figures] == ["figure-1", "figure-2", "figure-4", "figure-5", "figure-6"]
    for figure in figures:
        assert set(figure.printed) == {"zh", "en"}
        assert reading.images[figure.printed["zh"]["name"]] != reading.images[figure.printed["en"]["name"]]
    from PIL import Image
    picture = Image.open(io.BytesIO(reading.images["figure-1-printed-en"]))
    assert picture.format == "WEBP" and picture.getpixel((picture.width // 2, picture.height - 20))[0] > 150  # orange
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--source", str(pdfs["paper-a4"]),
                             "--site-dir", str(site)], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    for prefix, lang in (("", "zh"), ("en/", "en")):
        page = (site / prefix / "section-2/index.html").read_text(encoding="utf-8")
        assert f'src="../figures/figure-1-printed-{lang}.webp"' in page
        assert (site / prefix / f"figures/figure-1-printed-{lang}.webp").exists()


def test_with_figure_data_the_printed_chart_and_the_redrawn_one_are_both_there(tmp_path, pdfs):
    import shutil

    from conftest import copy_project, mkdocs_build

    project = copy_project(tmp_path / "project")
    shutil.copy(pdfs["paper-a4"], project / "data" / "report.pdf")
    settings = project / "data" / "site.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "source: data/zhejiang-ip-white-paper-2019.txt", "source: data/report.pdf"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    for prefix, lang, summary in (("", "zh", "按正文数字重绘的图表"), ("en/", "en", "The chart redrawn from the text")):
        page = (project / "site" / prefix / "section-2/index.html").read_text(encoding="utf-8")
        printed = page.index(f'src="../figures/figure-1-printed-{lang}.webp"')
        redrawn = page.index('<details class="figure-redrawn">')
        assert printed < redrawn < page.index('src="../figures/figure-1.svg"') and summary in page
        assert 'data-cite="' in page and (", p. " in page if lang == "en" else "页" in page)


def test_charts_drawn_as_vectors_are_rendered_from_their_region(pdfs):
    reading = read_report(pdfs["paper-letter"])  # its charts are drawings with text labels, not images
    figures = [node for node, _ in reading.document.walk() if node.type == "figure"]
    assert all(set(figure.printed) == {"zh", "en"} for figure in figures) and len(figures) == 5
    assert not any("2017年" in node.text["zh"] for node in reading.document.paragraphs())  # the labels stay in it


def test_a_figure_the_pdf_prints_needs_no_data_file(tmp_path, pdfs):
    from bilingual_report.config.settings import load_chart_style
    from bilingual_report.datafiles.figures import load_figures

    words = load_chart_style(ROOT / "data" / "chart-style.yml")["words"]
    (tmp_path / "figures").mkdir()
    assert load_figures(tmp_path / "figures", read_report(pdfs["paper-a4"]).document, words) == []
    with pytest.raises(InputError, match="figure 1 .* has no data file"):
        load_figures(tmp_path / "figures", read_report(PAPER).document, words)  # the text has the caption only
