"""The report's headline numbers (data/key-figures.yml), each value and change quoted from the text and checked."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bilingual_report.config.templates import template_problem
from bilingual_report.datafiles.quoted import QuotedDataFile, Source
from bilingual_report.errors import InputError
from bilingual_report.model import Document

UNITS = ("count", "yuan", "per_10k_people", "percent")
CHANGE_UNITS = ("percent", "percentage_points")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIGURE_KEYS = {"id", "label", "value", "unit", "bound", "quote", "change"}
CHANGE_KEYS = ("value", "unit", "quote")
WORD_KEYS = {"increase": {"value": True}, "decrease": {"value": True}, "percentage_points": {"value": True},
             "source": {"reference": True}}


@dataclass(frozen=True)
class Change:
    value: float     # negative for a decrease
    unit: str        # percent | percentage_points
    source: Source


@dataclass(frozen=True)
class KeyFigure:
    id: str
    label: dict
    value: float
    unit: str
    more_than: bool
    source: Source
    change: Change | None


@dataclass(frozen=True)
class KeyFigures:
    title: dict
    intro: dict
    words: dict      # {lang: {increase, decrease, percentage_points, source}}: templates
    figures: list[KeyFigure]


class KeyFiguresFile(QuotedDataFile):
    def read(self) -> KeyFigures | None:
        data = self.data
        if not isinstance(data, dict):
            self.problem((), "the key figures file must be a mapping with title, intro, words and figures",
                         "see the README's section on key figures")
            return None
        self.unknown_keys((), data, ("title", "intro", "words", "figures"))
        title = self.bilingual(("title",), data.get("title"))
        intro = self.bilingual(("intro",), data.get("intro"))
        words = self.words(data.get("words"))
        raw = data.get("figures")
        if not isinstance(raw, list) or not raw:
            self.problem(("figures",), "'figures' must be a list of at least one key figure")
            raw = []
        figures: list[KeyFigure] = []
        for index, entry in enumerate(raw):
            figure = self.figure(index, entry)
            if figure and any(f.id == figure.id for f in figures):
                self.problem(("figures", index, "id"), f"another key figure already has the id '{figure.id}'",
                             "give each its own id")
            elif figure:
                figures.append(figure)
        if self.problems or not (title and intro and words):
            return None
        return KeyFigures(title, intro, words, figures)

    def words(self, raw) -> dict | None:
        """The templates for a change and a source link, per language, each with its {field}."""
        words = {}
        for lang in ("zh", "en"):
            templates = (raw or {}).get(lang) if isinstance(raw, dict) else None
            if not isinstance(templates, dict):
                self.problem(("words",), f"words.{lang} is missing", "give increase, decrease, percentage_points "
                                                                     "and source for zh and en")
                return None
            for key, fields in WORD_KEYS.items():
                text = templates.get(key)
                wrong = template_problem(text, fields) if isinstance(text, str) else \
                    f"must be text containing {{{next(iter(fields))}}}"
                if wrong:
                    self.problem(("words", lang, key), f"words.{lang}.{key} {wrong}")
            words[lang] = {key: templates.get(key) for key in WORD_KEYS}
        return words

    def figure(self, index: int, raw) -> KeyFigure | None:
        where = ("figures", index)
        if not isinstance(raw, dict):
            self.problem(where, "a key figure must be a mapping with id, label, value, unit and quote")
            return None
        self.unknown_keys(where, raw, tuple(sorted(FIGURE_KEYS)))
        figure_id = raw.get("id")
        if not isinstance(figure_id, str) or not ID.match(figure_id):
            self.problem(where + ("id",), "id must be lowercase words joined by hyphens", "e.g. id: pct-applications")
            return None
        label = self.bilingual(where + ("label",), raw.get("label"))
        value = self.number(where + ("value",), raw.get("value"), f"the value of key figure '{figure_id}'",
                            "e.g. value: 2525")
        if value is None:
            return None
        unit = raw.get("unit")
        if unit not in UNITS:
            self.problem(where + ("unit",), f"unit must be one of {', '.join(UNITS)}")
            return None
        if raw.get("bound") not in (None, "more_than"):
            self.problem(where + ("bound",), "bound must be more_than", "for a number the text gives as 'more than'")
        quote = self.bilingual(where + ("quote",), raw.get("quote"))
        source = quote and self.find_quote(where + ("quote",), quote, value, unit == "percent")
        change = self.change(where + ("change",), raw["change"]) if "change" in raw else None
        if change and source and change.source.block_id != source.block_id:
            self.problem(where + ("change", "quote"), f"the change of '{figure_id}' is quoted from {change.source.block_id}, "
                                                      f"its value from {source.block_id}",
                         "quote the change from the paragraph that states the value")
            return None
        if not (label and source) or ("change" in raw and change is None):
            return None
        return KeyFigure(figure_id, label, value, unit, raw.get("bound") == "more_than", source, change)

    def change(self, where: tuple, raw) -> Change | None:
        if not isinstance(raw, dict):
            self.problem(where, "change must be a mapping with value, unit and quote")
            return None
        self.unknown_keys(where, raw, CHANGE_KEYS)
        value = self.number(where + ("value",), raw.get("value"), "the change's value", "negative for a decrease")
        if value is None:
            return None
        if raw.get("unit") not in CHANGE_UNITS:
            self.problem(where + ("unit",), f"the change's unit must be one of {', '.join(CHANGE_UNITS)}")
            return None
        quote = self.bilingual(where + ("quote",), raw.get("quote"))
        source = quote and self.find_quote(where + ("quote",), quote, abs(value), True)
        return Change(value, raw["unit"], source) if source else None


def load_key_figures(path: Path, document: Document) -> KeyFigures:
    """The key figures, checked against the document; an InputError lists every problem."""
    reader = KeyFiguresFile(path, document)
    key_figures = reader.read()
    if reader.problems or key_figures is None:
        raise InputError(reader.problems)
    return key_figures
