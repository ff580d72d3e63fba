"""scripts/convert.py: the JSON model and the Markdown pages from the command line, and its errors."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from helpers import EXTRA_ZH, ITEM_1, ITEM_2, SECTION_1, report_text, write

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "zhejiang-ip-white-paper-2019.txt"


def convert(*args):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_json_has_the_documented_shape(tmp_path):
    out = tmp_path / "model.json"
    result = convert(SOURCE, "--json", out)
    assert result.returncode == 0, result.stderr
    model = json.loads(out.read_text(encoding="utf-8"))
    assert set(model) == {"title", "title_lines", "issuer", "front", "intro", "children"}
    assert set(model["title"]) == {"zh", "en"}
    assert model["intro"][0]["type"] == "paragraph" and model["intro"][0]["id"] == "intro-1"
    section = model["children"][1]
    assert {"id", "level", "number", "label", "numeral", "text", "reference", "children"} <= set(section)
    assert (section["id"], section["level"], section["number"], section["numeral"]) == ("s2", "section", 2,
                                                                                      {"zh": "二", "en": "II"})
    item = section["children"][0]
    assert (item["id"], item["level"], item["run_in"], item["label"]["en"]) == ("s2-1", "item", True, "1.")
    kinds = {block["type"]: block for block in item["children"]}
    assert {"id", "text", "lines", "number"} <= set(kinds["paragraph"]) and set(kinds["paragraph"]["text"]) == {"zh", "en"}
    assert {"id", "number", "caption"} <= set(kinds["figure"]) and set(kinds["figure"]["caption"]) == {"zh", "en"}
    table = kinds["table"]
    assert table["number"] == 3 and table["title"]["zh"] == "2019年浙江企业专利申请量十强榜单"
    assert isinstance(table["rows"]["en"][0], list)


def test_outline_shows_the_tree_with_its_lines():
    result = convert(SOURCE, "--outline")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("official numbering; 21 paragraphs, 6 sections, 17 items, 5 figures, 1 table")
    row = next(line for line in lines if line.startswith("  s3-1 "))
    assert "item 1/1" in row and "150/152" in row and "1. 优化完善体制机制。" in row
    assert next(line for line in lines if line.startswith("s3 ")).split()[1:3] == ["section", "三/III"]
    assert not any(line.startswith("warning") for line in lines)


def test_json_is_deterministic(tmp_path):
    convert(SOURCE, "--json", tmp_path / "a.json")
    convert(SOURCE, "--json", tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_docs_are_written_for_both_languages(tmp_path):
    result = convert(SOURCE, "--docs", tmp_path / "docs")
    assert result.returncode == 0, result.stderr
    names = sorted(p.relative_to(tmp_path / "docs").as_posix() for p in (tmp_path / "docs").rglob("*.md"))
    assert names == sorted(f"{lang}/{page}.md" for lang in ("zh", "en")
                           for page in ["index", "key-figures", "figures", "full-text", "parallel/index",
                                        "parallel/full-text"]
                           + [f"{kind}section-{n}" for n in range(1, 7) for kind in ("", "parallel/")])
    assets = sorted(p.name for p in (tmp_path / "docs/en/figures").iterdir())
    assert assets == sorted(["all-figures.csv"] + [f"figure-{n}{kind}" for n in range(1, 7)
                                                   for kind in (".csv", ".svg", "-zh.svg", "-phone.svg", "-zh-phone.svg")])
    assert "figure-3.yml:11: figure 3: The printed total is 12,837" in result.stdout
    assert all((tmp_path / "docs" / lang / "search/search_index.json").is_file() for lang in ("zh", "en"))
    again = convert(SOURCE, "--docs", tmp_path / "docs")
    written = re.search(r"(\d+) files written", result.stdout).group(1)
    assert int(written) > 90 and f"0 files written, {written} unchanged" in again.stdout
    assert "0 charts drawn" in again.stdout


def test_bad_input_gives_one_line_and_no_traceback(tmp_path):
    source = write(tmp_path, report_text(*SECTION_1, *ITEM_1, EXTRA_ZH, *ITEM_2))
    result = convert(source, "--json", tmp_path / "model.json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"error: {source}:17: ")
    assert lines[1] == "1 problem in the report's input, listed above"
    assert not (tmp_path / "model.json").exists()


def test_missing_file(tmp_path):
    result = convert(tmp_path / "nothing.txt", "--docs", tmp_path / "docs")
    assert result.returncode == 1 and "nothing.txt: file not found" in result.stderr
    assert "Traceback" not in result.stderr
