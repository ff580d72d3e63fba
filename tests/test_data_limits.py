"""The limits on what a data file may ask, one by one: links, numbers, the chart style, YAML's size and nesting,
and the profile's patterns (the whole build with hostile files is in test_hostile_data)."""
from __future__ import annotations

import pytest
from helpers import ROOT, write

from bilingual_report.config.bounds import MAX_VALUE, number_problem, style_problems
from bilingual_report.config.guarded import compile_guarded
from bilingual_report.config.links import unsafe_link
from bilingual_report.config.yaml_lines import load_yaml_with_lines
from bilingual_report.errors import InputError


@pytest.mark.parametrize("text", [
    "[x](javascript:alert(23))", "[x]( javascript:alert(1))", "[x](<javascript:alert(1)>)", "[x](JaVaScRiPt:alert(1))",
    "[x](java\tscript:alert(1))", "[x](java\x00script:alert(1))", "[x](data:text/html,<b>)", "[x](vbscript:msgbox)",
    "[x](file:///etc/passwd)", "<javascript:alert(1)>", "see [x][1]\n\n[1]: javascript:alert(1)",
])
def test_links_to_other_schemes_are_found(text):
    assert unsafe_link(text) is not None


@pytest.mark.parametrize("text", [
    "PCT 国际专利申请量", "[the office](https://example.org/a?b=c)", "[mail](mailto:office@example.org)",
    "[figure 3](../figures/#figure-3)", "[top](#top)", "<https://example.org>", "a ratio 3:1 [note]", "[x](HTTP://A.B)",
    "1 < 2 and 3 > 2",
])
def test_ordinary_texts_and_safe_links_pass(text):
    assert unsafe_link(text) is None


@pytest.mark.parametrize("value, problem", [
    (160600, None), (-3.5, None), (0, None), (MAX_VALUE, None), (10 ** 400, "larger than a chart can show"),
    (float("inf"), "not a finite number"), (float("nan"), "not a finite number"), (True, "is not a number"),
    ("12", "is not a number"), (None, "is not a number"),
])
def test_numbers_a_chart_can_draw(value, problem):
    found = number_problem(value)
    assert (found is None) if problem is None else problem in found


def project_style() -> dict:
    return load_yaml_with_lines(ROOT / "data" / "chart-style.yml")[0]


def test_the_projects_chart_style_is_within_its_limits():
    assert style_problems(project_style()) == []


@pytest.mark.parametrize("key, value, expected", [
    ("width_inches", 100000, "'width_inches' must be a number from 1.0 to 20.0, not 100000"),
    ("font_size", -13, "'font_size' must be a number from 6.0 to 36.0, not -13"),
    ("font_size", "large", "'font_size' must be a number"),
    ("label_wrap", 12.5, "'label_wrap' must be a whole number from 5 to 200"),
    ("derived_hatch", "%%", "derived_hatch must be up to 8 of the marks"),
])
def test_a_style_value_out_of_range_is_named(key, value, expected):
    style = {**project_style(), key: value}
    assert any(message.startswith(expected) for _, message in style_problems(style)), style_problems(style)


@pytest.mark.parametrize("colour, ok", [("#0072B2", True), ("#fff", True), ("#0072B2CC", True), ("notacolor", False),
                                        ("#12345", False), ("red", False), (12, False)])
def test_colours_are_hex(colour, ok):
    style = project_style()
    style = {**style, "colors": {**style["colors"], "stated": colour}}
    assert (style_problems(style) == []) == ok


@pytest.mark.parametrize("text, message", [
    ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join([f'*{chr(97 + k)}'] * 9)}]\n" for k in range(8)),
     "values once its aliases"),
    ("deep: " + "[" * 5000 + "]" * 5000 + "\n", "nests"),
    ("label: '[x](javascript:alert(1))'\n", "only http, https, mailto and relative links"),
    ("a: 1\nb: [\n", "YAML syntax error"),
])
def test_hostile_yaml_is_refused_with_its_file(tmp_path, text, message):
    path = write(tmp_path, text, "data.yml")
    with pytest.raises(InputError) as err:
        load_yaml_with_lines(path)
    assert message in str(err.value) and "data.yml" in str(err.value)


def test_a_link_in_yaml_is_named_at_its_line(tmp_path):
    path = write(tmp_path, "a: 1\nb:\n  c: ok\n  d: '[x](javascript:alert(1))'\n", "data.yml")
    with pytest.raises(InputError) as err:
        load_yaml_with_lines(path)
    assert "data.yml:4:" in str(err.value)


def test_a_file_too_large_for_data_is_refused(tmp_path):
    path = write(tmp_path, "a: '" + "x" * 2_100_000 + "'\n", "data.yml")
    with pytest.raises(InputError) as err:
        load_yaml_with_lines(path)
    assert "more than a data file's" in str(err.value)


@pytest.mark.parametrize("pattern", [r"(?:\w|\w\w)+\d", r"(?:a|aa)+b", r"(?:（|（（)+x"])
def test_a_pattern_that_backtracks_is_refused_with_the_profiles_line(pattern):
    with pytest.raises(InputError) as err:
        compile_guarded(pattern, "data/profile.yml", 12)
    assert "data/profile.yml:12:" in str(err.value) and "backtracks" in str(err.value)


@pytest.mark.parametrize("pattern, text", [(r"(?P<numeral>[一二三四五六七八九十百]+)、", "十二、总则"),
                                           (r"\((?P<numeral>[IVXLC]+)\)\s*", "(XIV) Patents"),
                                           (r"第.{1,6}条", "第一百二十三条 本法")])
def test_ordinary_patterns_compile_and_match(pattern, text):
    assert compile_guarded(pattern, "data/profile.yml", 3).match(text) is not None
