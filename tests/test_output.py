"""The generated-file writer: only changed bytes are written; hand-written files are never touched."""
from __future__ import annotations

import pytest

from bilingual_report.errors import InputError
from bilingual_report.site.markup import GENERATED_MARK
from bilingual_report.site.output import write_pages

PAGE = f"---\n{GENERATED_MARK}\ntitle: \"x\"\n---\n\n# X\n"


def test_unchanged_pages_are_not_rewritten(tmp_path):
    write_pages(tmp_path, {"zh/a.md": PAGE}, ("zh",))
    before = (tmp_path / "zh/a.md").stat().st_mtime_ns
    report = write_pages(tmp_path, {"zh/a.md": PAGE}, ("zh",))
    assert report.written == [] and report.unchanged == [".gitignore", "zh/a.md"]
    assert (tmp_path / "zh/a.md").stat().st_mtime_ns == before


def test_stale_generated_pages_are_removed_and_hand_written_ones_kept(tmp_path):
    write_pages(tmp_path, {"zh/a.md": PAGE, "zh/b.md": PAGE}, ("zh",))
    (tmp_path / "zh/notes.md").write_text("# Hand-written\n", encoding="utf-8")
    report = write_pages(tmp_path, {"zh/a.md": PAGE}, ("zh",))
    assert report.removed == ["zh/b.md"]
    assert (tmp_path / "zh/notes.md").read_text(encoding="utf-8") == "# Hand-written\n"


def test_a_hand_written_file_is_never_overwritten(tmp_path):
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh/a.md").write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(InputError, match="a hand-written file has the name of a generated file"):
        write_pages(tmp_path, {"zh/a.md": PAGE}, ("zh",))
    assert (tmp_path / "zh/a.md").read_text(encoding="utf-8") == "# Mine\n"


def test_generated_assets_edited_by_hand_are_neither_overwritten_nor_deleted(tmp_path):
    write_pages(tmp_path, {"zh/a.md": PAGE, "zh/figures/chart.svg": b"<svg/>"}, ("zh",))
    (tmp_path / "zh/figures/chart.svg").write_bytes(b"<svg>mine</svg>")
    with pytest.raises(InputError, match="this file was edited by hand"):
        write_pages(tmp_path, {"zh/a.md": PAGE, "zh/figures/chart.svg": b"<svg/>"}, ("zh",))
    report = write_pages(tmp_path, {"zh/a.md": PAGE}, ("zh",))
    assert report.kept == ["zh/figures/chart.svg"]
    assert (tmp_path / "zh/figures/chart.svg").read_bytes() == b"<svg>mine</svg>"


def test_a_hand_written_page_where_a_generated_one_was(tmp_path):
    write_pages(tmp_path, {"zh/a.md": PAGE}, ("zh",))
    (tmp_path / "zh/a.md").write_text("# Mine now\n", encoding="utf-8")
    with pytest.raises(InputError):
        write_pages(tmp_path, {"zh/a.md": PAGE}, ("zh",))
    report = write_pages(tmp_path, {}, ("zh",))
    assert report.removed == [] and (tmp_path / "zh/a.md").read_text(encoding="utf-8") == "# Mine now\n"


def test_the_builds_own_ignore_list_is_rewritten_once_its_record_is_lost_and_a_hand_written_one_kept(tmp_path):
    write_pages(tmp_path, {"zh/a.md": PAGE}, ("zh",))
    (tmp_path / ".generated").unlink()  # the record lost: the list the build wrote is still its own
    assert write_pages(tmp_path, {"zh/b.md": PAGE}, ("zh",)).written == [".gitignore", "zh/b.md"]
    assert "/zh/b.md\n" in (tmp_path / ".gitignore").read_text(encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / ".gitignore").write_text("*.bak\n", encoding="utf-8")  # the publisher's own
    with pytest.raises(InputError, match="a hand-written file has the name of a generated file"):
        write_pages(other, {"zh/a.md": PAGE}, ("zh",))
    assert (other / ".gitignore").read_text(encoding="utf-8") == "*.bak\n"
