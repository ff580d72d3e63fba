"""Matching two editions of a report node by node: by structure and wording, whatever was inserted, deleted,
reworded, renumbered or moved between them."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from edition_fixtures import (DEEP, DIVISION_REMOVED, ITEM_INSERTED, ITEM_MOVED, ITEMS_SWAPPED, NOTE_DELETED,
                              NUMBERS_CHANGED, REWORDED, TITLE_REWORDED, write_edition)
from helpers import ROOT, read_report

from bilingual_report.config.settings import load_settings
from bilingual_report.editions.comparison import comparison_lines, number_changes
from bilingual_report.editions.matching import Matching, chained, match_editions, nearest_counterpart
from bilingual_report.errors import InputError


@pytest.fixture(scope="module")
def old():
    return read_report(DEEP).document


def matched(tmp_path, old, edits):
    new = read_report(write_edition(tmp_path, "next", edits)).document
    matching = match_editions(old, new)
    return new, matching, {m.old.id: m for m in matching.matches}


def test_an_unchanged_edition_matches_node_for_node(tmp_path, old):
    _, matching, by_old = matched(tmp_path, old, [])
    assert not matching.added and not matching.removed
    assert all(m.old.id == m.new.id and not m.reworded and not m.restated for m in matching.matches)
    assert set(by_old) == {node.id for node, _ in old.walk()}


def test_changed_numbers_keep_the_paragraph_and_are_stated_in_both_languages(tmp_path, old):
    _, matching, by_old = matched(tmp_path, old, NUMBERS_CHANGED)
    match = by_old["s1-1-1-0-1"]
    assert match.new.id == "s1-1-1-0-1" and match.restated and not match.reworded
    assert number_changes(old_text := match.old.text["zh"], match.new.text["zh"], "zh") == [
        ("3.2 万", "3.6 万"), ("15.2%", "12.5%")], old_text
    assert number_changes(match.old.text["en"], match.new.text["en"], "en") == [("32,000", "36,000"),
                                                                                 ("15.2%", "12.5%")]
    assert not matching.added and not matching.removed


def test_a_reworded_paragraph_is_its_counterpart_and_says_so(tmp_path, old):
    _, matching, by_old = matched(tmp_path, old, REWORDED)
    match = by_old["s2-0-1"]
    assert match.new.id == "s2-0-1" and match.reworded and 0.5 <= match.similarity < 1
    assert sum(m.reworded for m in matching.matches) == 1


def test_a_reworded_heading_is_matched_by_what_it_holds(tmp_path, old):
    _, matching, by_old = matched(tmp_path, old, TITLE_REWORDED)
    assert by_old["s1-1"].new.id == "s1-1" and by_old["s1-1"].reworded
    assert not matching.added and not matching.removed


def test_an_inserted_item_renumbers_the_ones_after_it(tmp_path, old):
    new, matching, by_old = matched(tmp_path, old, ITEM_INSERTED)
    assert [n.id for n in matching.added] == ["s1-1-1", "s1-1-1-1"]
    assert by_old["s1-1-1"].new.id == "s1-1-2" and by_old["s1-1-2"].new.id == "s1-1-3"
    assert by_old["s1-1-1-2-1"].new.id == "s1-1-2-2-1"  # a paragraph two levels down follows its item
    assert by_old["s1-1-1"].renumbered and not by_old["s1-1-1"].reworded
    assert not matching.removed


def test_a_deleted_note_is_removed_and_a_reader_on_it_goes_to_its_heading(tmp_path, old):
    _, matching, _ = matched(tmp_path, old, NOTE_DELETED)
    assert [n.id for n in matching.removed] == ["s1-2-1-2"] and not matching.added
    assert nearest_counterpart(matching, old, "s1-2-1-2") == ("s1-2-1", False)
    assert nearest_counterpart(matching, old, "s1-2-1-1") == ("s1-2-1-1", True)


def test_a_removed_division_takes_all_under_it_and_the_rest_still_matches(tmp_path, old):
    _, matching, by_old = matched(tmp_path, old, DIVISION_REMOVED)
    removed = {n.id for n in matching.removed}
    assert removed == {node.id for node, parents in old.walk() if (parents[:1] or (node,))[0].id == "s2"}
    assert by_old["conclusion"].new.id == "conclusion" and by_old["appendix-1"].new.id == "appendix-1"
    assert nearest_counterpart(matching, old, "s2-1-1-1") == (None, False)  # to the edition's home


def test_an_item_moved_to_another_heading_is_found_there(tmp_path, old):
    _, matching, by_old = matched(tmp_path, old, ITEM_MOVED)
    assert by_old["s1-1-2"].new.id == "s1-2-2" and by_old["s1-1-2-1"].new.id == "s1-2-2-1"
    assert len({m.new.id for m in matching.matches}) == len(matching.matches)  # each matched once
    assert [n.id for n in matching.removed] == [] and [n.id for n in matching.added] == []


def test_swapped_items_are_each_matched_to_its_own(tmp_path, old):
    _, matching, by_old = matched(tmp_path, old, ITEMS_SWAPPED)
    assert by_old["s1-1-1-1"].new.id == "s1-1-1-2" and by_old["s1-1-1-2"].new.id == "s1-1-1-1"
    assert not matching.added and not matching.removed


def test_every_edit_at_once(tmp_path, old):
    new, matching, by_old = matched(tmp_path, old, NUMBERS_CHANGED + ITEM_INSERTED + NOTE_DELETED + DIVISION_REMOVED)
    lines = comparison_lines(matching, old, new, ("2020", "2021"))
    assert lines[0] == "2020 → 2021"
    assert lines[-1] == ("12 matched, 0 reworded, 1 with numbers changed, 8 renumbered, 2 added, 9 removed")
    assert any(line.startswith("numbers changed, renumbered") and "s1-1-1-0-1 → s1-1-2-0-1" in line
               and "zh numbers 3.2 万 → 3.6 万, 15.2% → 12.5%" in line for line in lines)


def test_a_matching_kept_by_its_ids_is_the_same_matching(tmp_path, old):
    new, matching, _ = matched(tmp_path, old, NOTE_DELETED + ITEM_MOVED + NUMBERS_CHANGED)
    again = Matching.of(matching.pairs(), old, new)
    assert again.pairs() == matching.pairs()
    assert [n.id for n in again.removed] == [n.id for n in matching.removed] == ["s1-2-1-2"]
    assert [n.id for n in again.added] == [n.id for n in matching.added]
    assert {id(m.old) for m in again.matches} <= {id(node) for node, _ in old.walk()}  # the documents' own nodes
    assert {id(m.new) for m in again.matches} <= {id(node) for node, _ in new.walk()}


def test_editions_matched_through_the_one_between_keep_what_all_three_have(tmp_path, old):
    middle = read_report(write_edition(tmp_path, "middle", ITEM_INSERTED + NOTE_DELETED)).document
    newest = read_report(write_edition(tmp_path, "newest", ITEM_INSERTED + NOTE_DELETED + NUMBERS_CHANGED
                                       + DIVISION_REMOVED)).document
    through = chained(match_editions(old, middle), match_editions(middle, newest), old, newest)
    direct = {m.old.id: m.new.id for m in match_editions(old, newest).matches}
    assert {m.old.id: m.new.id for m in through.matches} == direct  # the same, where the middle edition has all
    assert through.counterpart("s1-1-1") == "s1-1-2"  # renumbered by the middle edition's inserted item
    assert [n.id for n in through.removed if n.id.startswith("s1")] == ["s1-2-1-2"]  # the note the middle lacks
    assert nearest_counterpart(through, old, "s1-2-1-2") == ("s1-2-1", False)
    assert {n.id for n in through.removed} >= {"s2", "s2-1"} and "s1-1-1" in {n.id for n in through.added}


def test_an_address_only_a_later_editions_site_had_moves_to_that_editions_folder(tmp_path):
    from bilingual_report.series import generate_series
    from bilingual_report.site.editions import MovedAddress

    older = write_edition(tmp_path, "2020", DIVISION_REMOVED)  # the oldest edition lacks the division of section 2
    settings = load_settings(ROOT / "data" / "site.yml", ROOT).for_editions([("2021", (DEEP,)), ("2020", (older,))])
    moved = generate_series(settings, tmp_path / "cache").moved
    assert MovedAddress("zh", "section-1/", "2020/section-1/", True) in moved  # the oldest edition's first
    assert MovedAddress("en", "section-2/", "2021/section-2/", True) in moved  # then only the later one's
    assert len({(m.lang, m.old) for m in moved}) == len(moved)  # each address once
    assert not [m for m in moved if m.old.endswith("edition-targets.json")]  # no single site had a selector


def test_convert_compare_prints_the_matching(tmp_path):
    new = write_edition(tmp_path, "2021", NUMBERS_CHANGED + NOTE_DELETED)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), "--compare", str(DEEP), str(new)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[0] == f"{DEEP.name} → {new.name}"
    assert any(line.startswith("removed") and " s1-2-1-2 " in line for line in out)
    assert out[-1].endswith("1 with numbers changed, 0 renumbered, 0 added, 1 removed")


def test_convert_compare_names_a_broken_edition_without_a_traceback(tmp_path):
    broken = tmp_path / "2021.txt"
    broken.write_text(DEEP.read_text(encoding="utf-8").replace("Conclusion\n", "", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), "--compare", str(DEEP),
                             str(broken)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "2021.txt:" in result.stderr and "Traceback" not in result.stderr


def site_yml(tmp_path, editions: str):
    text = (ROOT / "data" / "site.yml").read_text(encoding="utf-8")
    path = tmp_path / "site.yml"
    path.write_text(text.replace("source: data/zhejiang-ip-white-paper-2019.txt\n", editions), encoding="utf-8")
    return path


def test_editions_in_site_yml_keep_each_editions_data(tmp_path):
    path = site_yml(tmp_path, 'editions:\n  - {id: "2021", source: tests/fixtures/deep-report.txt, published: 2022}\n'
                              '  - {id: 2019, source: data/zhejiang-ip-white-paper-2019.txt, figures: data/figures, '
                              'key_figures: data/key-figures.yml, published: 2020}\n')
    settings = load_settings(path, ROOT)
    assert [e.id for e in settings.editions] == ["2021", "2019"]
    current, oldest = (e.settings for e in settings.editions)
    assert settings.sources == current.sources and current.published == 2022 and current.figures is None
    assert oldest.figures == ROOT / "data" / "figures" and oldest.key_figures == ROOT / "data" / "key-figures.yml"
    assert settings.for_editions([("2019", oldest.sources)]).editions[0].settings.figures == oldest.figures


def test_a_wrong_edition_in_site_yml_is_named_with_its_line(tmp_path):
    path = site_yml(tmp_path, 'editions:\n  - {id: "2021", source: tests/fixtures/deep-report.txt}\n'
                              '  - {id: "20 19", source: data/zhejiang-ip-white-paper-2019.txt}\n'
                              '  - {id: "2021", source: data/zhejiang-ip-white-paper-2019.txt, published: soon}\n')
    with pytest.raises(InputError) as raised:
        load_settings(path, ROOT)
    messages = [(p.line, p.message) for p in raised.value.problems]
    lines = path.read_text(encoding="utf-8").splitlines()
    second = next(n for n, line in enumerate(lines, start=1) if '"20 19"' in line)
    assert any(line == second and "the edition id '20 19' must be letters" in m for line, m in messages), messages
    assert any(line == second + 1 and "the edition id 2021 is given twice" in m for line, m in messages), messages
    assert any(line == second + 1 and "'published' must be the year" in m for line, m in messages), messages


def test_what_the_edition_between_lacks_is_matched_directly(tmp_path, old):
    """A note and a division removed by the middle edition and restored by the newest: each is its own counterpart
    from the oldest to the newest, with all under it."""
    middle = read_report(write_edition(tmp_path, "middle", NOTE_DELETED + DIVISION_REMOVED)).document
    newest = read_report(write_edition(tmp_path, "newest", NUMBERS_CHANGED)).document
    through = chained(match_editions(old, middle), match_editions(middle, newest), old, newest)
    direct = match_editions(old, newest)
    assert through.pairs() == direct.pairs() and not through.removed and not through.added
    assert nearest_counterpart(through, old, "s1-2-1-2") == ("s1-2-1-2", True)
    assert nearest_counterpart(through, old, "s2-1-1-1") == ("s2-1-1-1", True)
    assert nearest_counterpart(through.reversed(), newest, "s2-1-1-1") == ("s2-1-1-1", True)


def test_a_changes_page_leads_to_the_other_editions_changes_pages_or_to_the_oldest_ones_home(tmp_path):
    from bilingual_report.series import generate_series
    from bilingual_report.site.markup import docs_path

    middle = write_edition(tmp_path, "2021", NOTE_DELETED)
    settings = load_settings(ROOT / "data" / "site.yml", ROOT).for_editions(
        [("2022", (DEEP,)), ("2021", (middle,)), ("2020", (DEEP,))])
    files = generate_series(settings, tmp_path / "cache").files
    newest = files[docs_path("en", "2022/changes")]
    assert "[2021 edition](../2021/changes.md)" in newest and "[2020 edition](../2020/index.md)" in newest
    assert '<span aria-current="page">2022 edition</span>' in newest
    assert "(../2022/changes.md)" in files[docs_path("zh", "2021/changes")]
    assert "2020/changes/edition-targets.json" not in "".join(files)  # the oldest edition has no changes page
    assert json.loads(files["en/2022/changes/edition-targets.json"]) == {"2021": {}, "2020": {}}  # no node on it
