"""What a build makes is kept between builds by content: an unchanged edition is not read or matched again, a
changed file or changed code is, and the strict checks hold on a kept preparation as on a fresh one."""
from __future__ import annotations

import dataclasses
import shutil

import pytest
from conftest import ROOT
from edition_fixtures import DEEP, NOTE_DELETED, NUMBERS_CHANGED, write_edition

from bilingual_report import content_cache, pipeline, series
from bilingual_report.config.settings import load_settings
from bilingual_report.content_cache import input_key, kept
from bilingual_report.errors import InputError


def test_what_is_kept_is_made_once_while_the_code_is_the_same(tmp_path, monkeypatch):
    made = []

    def make():
        made.append(1)
        return {"made": len(made)}

    assert kept(tmp_path, "key", make) == {"made": 1}
    assert kept(tmp_path, "key", make) == {"made": 1} and len(made) == 1
    monkeypatch.setattr(content_cache, "code_version", lambda: "another version of the code")
    assert kept(tmp_path, "key", make) == {"made": 2}
    assert kept(tmp_path, "key", make) == {"made": 2} and list(tmp_path.iterdir()) == [tmp_path / "key.pickle"]


def test_a_copy_cut_short_is_made_again(tmp_path):
    (tmp_path / "key.pickle").write_bytes(b"\x80\x05\x95garbage")
    assert kept(tmp_path, "key", lambda: "made") == "made"
    assert kept(tmp_path, "key", lambda: "not made again") == "made"


def test_the_key_changes_with_each_input_file_and_option(tmp_path):
    source, folder = tmp_path / "report.txt", tmp_path / "figures"
    source.write_text("一、总则\nI. General\n", encoding="utf-8")
    folder.mkdir()
    (folder / "figure-1.yml").write_text("number: 1\n", encoding="utf-8")
    key = input_key([source, folder, None], {"unit": "件"})
    assert input_key([source, folder, None], {"unit": "件"}) == key
    assert input_key([source, folder, None], {"unit": "项"}) != key
    assert input_key([source, None, folder], {"unit": "件"}) != key
    (folder / "figure-2.yml").write_text("number: 2\n", encoding="utf-8")
    assert input_key([source, folder, None], {"unit": "件"}) != key
    (folder / "figure-2.yml").unlink()
    source.write_text("一、总则\nI. General provisions\n", encoding="utf-8")
    assert input_key([source, folder, None], {"unit": "件"}) != key


@pytest.fixture
def counted_reads(monkeypatch):
    """The sources read anew, in order, by each build."""
    reads = []
    read_report = pipeline.read_report

    def counting(sources, *args, **kwargs):
        reads.append([path.name for path in sources])
        return read_report(sources, *args, **kwargs)

    monkeypatch.setattr(pipeline, "read_report", counting)
    return reads


def test_a_warm_build_of_a_series_reads_matches_and_draws_only_what_changed(tmp_path, counted_reads,
                                                                                   monkeypatch):
    matched = []
    match_editions = series.match_editions
    monkeypatch.setattr(series, "match_editions", lambda a, b: matched.append(1) or match_editions(a, b))
    files = [write_edition(tmp_path, "2022", NUMBERS_CHANGED + NOTE_DELETED),
             write_edition(tmp_path, "2021", NUMBERS_CHANGED), shutil.copy(DEEP, tmp_path / "2020.txt")]
    settings = load_settings(ROOT / "data" / "site.yml", ROOT).for_editions([(path.stem, (path,)) for path in files])
    first = series.generate_series(settings, tmp_path / "cache")
    assert counted_reads == [["2022.txt"], ["2021.txt"], ["2020.txt"]] and len(matched) == 2  # each with the next
    second = series.generate_series(settings, tmp_path / "cache")
    assert second.files == first.files and first.charts_drawn == 6  # a social card per edition and language
    assert len(counted_reads) == 3 and len(matched) == 2 and second.charts_drawn == 0  # nothing made again
    files[2].write_text(files[2].read_text(encoding="utf-8").replace("2020", "2019", 1), encoding="utf-8")
    changed = series.generate_series(settings, tmp_path / "cache")
    assert counted_reads[3:] == [["2020.txt"]] and len(matched) == 3  # the edition changed, and its match
    assert changed.files != first.files


def test_a_kept_preparation_is_held_to_the_strict_checks(tmp_path, counted_reads):
    settings = load_settings(ROOT / "data" / "site.yml", ROOT)
    assert pipeline.prepare(settings, tmp_path).findings  # the paper has findings (its figure 3's misprint)
    with pytest.raises(InputError) as stopped:
        pipeline.prepare(dataclasses.replace(settings, strict_checks=True), tmp_path)
    assert len(counted_reads) == 1 and "figure 3" in str(stopped.value)
