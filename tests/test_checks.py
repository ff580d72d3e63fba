"""Translation checks on made-up pairs: numbers normalised across languages, length ratios, the CLI."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ITEM_1, ITEM_2, SECTION_1, read_document, report_text, write

from bilingual_report.checks.pair_checks import check_pairs
from bilingual_report.checks.translation_check import check_translation
from bilingual_report.language.numbers import number_mismatches

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("zh, en", [
    ("全省有效发明专利16.06万件，同比增长20.21%", "160,600 valid patents, increased by 20.21% year-on-year"),
    ("专利权质押登记金额达到172亿元", "reached 17.2 billion Yuan"),
    ("涉案金额 6964.5 万元，提升了 3.6 个百分点", "69.645 million Yuan, up 3.6 percentage points"),
    ("累计调解 8000 余件，30 余万条，5 万多件", "more than 8,000, more than 300,000, more than 50,000"),
    ("第七次会议，首届论坛，每万人 28 件，两期", "the 7th session, the 1st forum, 28 per 10,000 persons, two"),
    ("4 家首批示范区", "Four first batch areas"),
])
def test_equal_numbers_in_different_notations(zh, en):
    assert number_mismatches(zh, en) == []


@pytest.mark.parametrize("zh, en, expected", [
    ("全省有效发明专利16.06万件", "160,000 valid patents", ["«16.06万» is in the Chinese only", "«160,000» is in the English only"]),
    ("同比增长 20%", "increased by 20", ["«20%» is in the Chinese only", "«20» is in the English only"]),
    ("共 55 件", "55 cases and 9 transfers", ["«9» is in the English only"]),
])
def test_different_numbers_are_found(zh, en, expected):
    assert number_mismatches(zh, en) == expected


def test_findings_name_ids_and_lines(tmp_path):
    doc = read_document(write(tmp_path, report_text(
        *SECTION_1, ITEM_1[0], ITEM_1[1].replace("one thousand", "1,200"), *ITEM_2,
        "3. 第三项。", "3. Item three. " + "A much longer English text than the Chinese one. " * 6)))
    findings = [str(f) for f in check_translation(doc)]
    assert findings[0] == "s1-1-1 (zh line 13, en line 15): «1,200» is in the English only"
    lengths = [str(f) for f in check_pairs(doc)]
    assert any(f.startswith("s1-3-1 (zh line 21, en line 23): the English is") for f in lengths), lengths


def test_the_paper_has_one_finding_a_harmless_explicitation():
    findings = check_translation(read_document(ROOT / "data" / "zhejiang-ip-white-paper-2019.txt"))
    assert [str(f) for f in findings] == ["s4-2-1 (zh line 216, en line 218): «2019» is in the English only"]


def test_check_script_reports_and_is_fatal_only_when_strict():
    command = [sys.executable, str(ROOT / "scripts" / "check.py"), str(ROOT / "data" / "zhejiang-ip-white-paper-2019.txt")]
    report = subprocess.run(command, capture_output=True, text=True)
    assert report.returncode == 0 and "translation: 1 found" in report.stdout and "figure 3:" in report.stdout
    assert subprocess.run(command + ["--strict"], capture_output=True).returncode == 1
