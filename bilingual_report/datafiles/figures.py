"""Figure data from data/figures/*.yml: checked against the report's text, derived values computed, consistency checked.

Every number a chart shows is either stated by the text (a quote in each language, found in one paragraph
pair or table of the document and stating that number), derived from stated numbers by a formula, or
read from one of the report's own tables.
"""
from __future__ import annotations

import ast
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path

from bilingual_report.config.bounds import (MAX_BARS, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, MAX_LABEL, MAX_PANELS,
                                            number_problem)
from bilingual_report.datafiles.quoted import QuotedDataFile, Source, format_plain
from bilingual_report.errors import InputError, Problem
from bilingual_report.model import LANGS, Document, Figure, Table

UNITS = ("count", "yuan", "per_10k_people", "percent")
OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


@dataclass
class Bar:
    label: dict
    value: float
    more_than: bool = False      # the text gives only a lower bound
    formula: str | None = None   # for a derived value: the formula with the stated values put in
    sources: list[Source] = field(default_factory=list)
    note: dict | None = None     # a visible note, e.g. a printed value that does not add up


@dataclass
class Panel:
    title: dict
    unit: str
    bars: list[Bar]


@dataclass
class Finding:
    """An inconsistency in the printed numbers: reported at build time and noted on the page."""

    figure: int
    message: dict  # {"zh": …, "en": …}
    suspect: int | None = None  # the index of the item whose printed value is probably a misprint
    line: int | None = None     # the line of the data file that asks for the check

    def __str__(self) -> str:
        return f"figure {self.figure}: {self.message['en']}"


@dataclass
class FigureData:
    number: int
    title: dict
    panels: list[Panel]
    not_in_text: dict | None
    findings: list[Finding]
    path: Path

    @property
    def id(self) -> str:
        return f"figure-{self.number}"


class FigureFile(QuotedDataFile):
    """One figure's YAML file, read with the line of every value so that each problem can point at it."""

    def __init__(self, path: Path, document: Document, words: dict):
        super().__init__(path, document)
        self.words = words  # {lang: the chart style's words}, for the sentences of a finding

    def read(self) -> FigureData | None:
        data = self.data
        if not isinstance(data, dict):
            self.problem((), "a figure file must be a mapping with figure, title and panels (or table)",
                         "see the README's section on figure data")
            return None
        self.unknown_keys((), data, ("figure", "title", "not_in_text", "facts", "panels", "table", "checks"))
        number = data.get("figure")
        if not isinstance(number, int) or isinstance(number, bool):
            self.problem(("figure",), "'figure' must be the figure's number, e.g. figure: 1")
            return None
        title = self.bilingual(("title",), data.get("title"))
        not_in_text = self.bilingual(("not_in_text",), data["not_in_text"]) if "not_in_text" in data else None
        if "table" in data:
            panels, findings = self.table_panels(number, data["table"])
        else:
            facts = self.facts(data.get("facts") or {})
            panels = self.panels(data.get("panels"), facts)
            findings = self.checks(number, data.get("checks") or [], facts)
        if self.problems or title is None:
            return None
        return FigureData(number, title, panels, not_in_text, findings, self.path)

    # -- stated facts ------------------------------------------------------------------------------

    def facts(self, raw) -> dict[str, Bar]:
        if not isinstance(raw, dict):
            self.problem(("facts",), "'facts' must map names to stated numbers")
            return {}
        facts: dict[str, Bar] = {}
        for name, fact in raw.items():
            where = ("facts", name)
            if not isinstance(fact, dict):
                self.problem(where, f"fact '{name}' must be a mapping with value and quote", "e.g. value: 160600")
                continue
            value = self.number(where + ("value",), fact.get("value"), f"the value of fact '{name}'",
                                "e.g. value: 160600")
            if value is None:
                continue
            self.unknown_keys(where, fact, ("value", "percent", "bound", "quote"), f" in fact '{name}'")
            if fact.get("bound") not in (None, "more_than"):
                self.problem(where + ("bound",), "bound must be more_than", "for a number the text gives as 'more than'")
            quote = self.bilingual(where + ("quote",), fact.get("quote"))
            if quote is None:
                continue
            source = self.find_quote(where + ("quote",), quote, value, bool(fact.get("percent")))
            if source:
                facts[name] = Bar({}, value, fact.get("bound") == "more_than", None, [source])
        return facts

    # -- panels ------------------------------------------------------------------------------------

    def panels(self, raw, facts: dict[str, Bar]) -> list[Panel]:
        if not isinstance(raw, list) or not raw:
            self.problem(("panels",), "'panels' must be a list of at least one panel", "or give 'table' instead")
            return []
        if len(raw) > MAX_PANELS:
            self.problem(("panels",), f"a figure has at most {MAX_PANELS} panels, this one {len(raw)}",
                         "split it into several figures")
            return []
        panels = []
        for index, panel in enumerate(raw):
            where = ("panels", index)
            if not isinstance(panel, dict):
                self.problem(where, "a panel must be a mapping with title, unit and bars")
                continue
            title = self.bilingual(where + ("title",), panel.get("title"))
            unit = panel.get("unit")
            if unit not in UNITS:
                self.problem(where + ("unit",), f"unit must be one of {', '.join(UNITS)}")
            bars = []
            if isinstance(panel.get("bars"), list) and len(panel["bars"]) > MAX_BARS:
                self.problem(where + ("bars",), f"a panel has at most {MAX_BARS} bars, this one {len(panel['bars'])}",
                             "chart fewer items, or split them into panels")
                continue
            for bar_index, bar in enumerate(panel.get("bars") or []):
                made = self.bar(where + ("bars", bar_index), bar, facts)
                if made and made.value < 0:
                    self.problem(where + ("bars", bar_index), f"a bar's value is negative ({made.value:g}): the "
                                 "charts draw from zero", "chart the decrease as a positive value and say so in the "
                                 "panel's title")
                elif made:
                    bars.append(made)
                for lang, text in (made.label.items() if made else []):
                    if len(text) > MAX_LABEL:
                        self.problem(where + ("bars", bar_index, "label"), f"the {lang} label is {len(text):,} "
                                     f"characters long, more than a chart's {MAX_LABEL}", "shorten it")
            if not panel.get("bars"):
                self.problem(where + ("bars",), "a panel needs at least one bar")
            if title and unit in UNITS:
                panels.append(Panel(title, unit, bars))
        return panels

    def bar(self, where: tuple, raw, facts: dict[str, Bar]) -> Bar | None:
        if not isinstance(raw, dict):
            self.problem(where, "a bar must be a mapping with label and fact (or formula)")
            return None
        label = self.bilingual(where + ("label",), raw.get("label"))
        if ("fact" in raw) == ("formula" in raw):
            self.problem(where, "a bar needs either 'fact' (a stated number) or 'formula' (a derived one)")
            return None
        if "fact" in raw:
            fact = facts.get(raw["fact"])
            if fact is None:
                self.problem(where + ("fact",), f"no fact named '{raw['fact']}'", "define it under facts")
                return None
            return Bar(label or {}, fact.value, fact.more_than, None, list(fact.sources)) if label else None
        formula = str(raw["formula"])
        try:
            value, names = evaluate(formula, {name: fact.value for name, fact in facts.items()})
        except ValueError as err:
            self.problem(where + ("formula",), f"bad formula «{formula[:60]}»: {err}",
                         "use fact names, numbers, + - * / and parentheses")
            return None
        if self.number(where + ("formula",), value, f"the formula «{formula[:60]}» gives a value that") is None:
            return None
        used = [facts[name] for name in names]
        sources: list[Source] = []
        for source in (source for fact in used for source in fact.sources):
            if source not in sources:
                sources.append(source)
        shown = re.sub(r"[A-Za-z_][A-Za-z0-9_]*", lambda m: format_plain(facts[m.group(0)].value), formula)
        return Bar(label, value, any(f.more_than for f in used), shown, sources) if label else None

    def checks(self, number: int, raw, facts: dict[str, Bar]) -> list[Finding]:
        findings: list[Finding] = []
        if not isinstance(raw, list):
            self.problem(("checks",), "'checks' must be a list")
            return findings
        for index, check in enumerate(raw):
            where = ("checks", index)
            names = [check.get("total"), check.get("share"), check.get("part"), check.get("whole"),
                     *(check.get("parts") or [])] if isinstance(check, dict) else []
            missing = [n for n in names if n is not None and n not in facts]
            if not isinstance(check, dict) or missing or not ({"total", "parts"} <= set(check)
                                                              or {"share", "part", "whole"} <= set(check)):
                self.problem(where, "a check is either {total: NAME, parts: [NAME, …]} or "
                                    "{share: NAME, part: NAME, whole: NAME} with defined fact names"
                             + (f" (unknown: {', '.join(missing)})" if missing else ""))
                continue
            if "total" in check:
                parts = [facts[n].value for n in check["parts"]]
                finding = total_finding(number, facts[check["total"]].value, parts,
                                        [{"zh": n, "en": n} for n in check["parts"]], self.words)
            else:
                finding = share_finding(number, facts[check["share"]].value, facts[check["part"]].value,
                                        facts[check["whole"]].value, self.words)
            if finding:
                finding.line = self.where.get(where, (None,))[0]
                findings.append(finding)
        return findings

    # -- a chart of one of the report's tables -----------------------------------------------------

    def table_panels(self, number: int, raw) -> tuple[list[Panel], list[Finding]]:
        where = ("table",)
        table = next((node for node, _ in self.document.walk()
                      if isinstance(node, Table) and node.kind == "figure" and node.number == number), None)
        if table is None:
            self.problem(where, f"the text has no table captioned as figure {number}",
                         "use 'table' only for a figure printed as a table")
            return [], []
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), int) for k in ("label_column", "value_column")):
            self.problem(where, "table needs label_column and value_column (column numbers, from 0)")
            return [], []
        title = self.bilingual(where + ("title",), raw.get("title"))
        unit = raw.get("unit", "count")
        bars, labels = [], []
        body = {lang: table.rows[lang][1:] for lang in LANGS}
        has_total = bool(raw.get("total_row"))
        rows = len(body["zh"]) - (1 if has_total else 0)
        if rows > MAX_BARS:
            self.problem(where, f"table {number} has {rows} rows: a chart has at most {MAX_BARS} bars",
                         "chart a part of it in a figure of its own, or leave it a table")
            return [], []
        for index in range(rows):
            cells = {lang: body[lang][index] for lang in LANGS}
            try:
                values = {lang: float(cells[lang][raw["value_column"]].replace(",", "")) for lang in LANGS}
                label = {lang: cells[lang][raw["label_column"]] for lang in LANGS}
            except (IndexError, ValueError):
                self.problem(where, f"row {index + 2} of table {number} has no number in column {raw['value_column']}")
                return [], []
            if wrong := number_problem(values["zh"]):
                self.problem(where, f"row {index + 2} of table {number}: its value {wrong}")
                return [], []
            if values["zh"] != values["en"]:
                self.problem(where, f"row {index + 2} of table {number} has {values['zh']} in Chinese "
                                    f"but {values['en']} in English")
            bars.append(Bar(label, values["zh"], sources=[Source(table.id, {lang: " ".join(cells[lang])
                                                                             for lang in LANGS})]))
            labels.append(label)
        findings = []
        if has_total:
            total = float(body["zh"][-1][raw["value_column"]].replace(",", ""))
            finding = total_finding(number, total, [b.value for b in bars], labels, self.words)
            if finding:
                finding.line = self.where.get(where + ("total_row",), self.where.get(where, (None,)))[0]
                findings.append(finding)
                if finding.suspect is not None:
                    bars[finding.suspect].note = finding.message
        return ([Panel(title, unit, bars)] if title else []), findings


def evaluate(formula: str, names: dict[str, float]) -> tuple[float, list[str]]:
    """The value of an arithmetic formula over named values, and the names it used (a ValueError says why there is
    none: not arithmetic, too long or too deeply nested, a name unknown, a division by zero)."""
    if len(formula) > MAX_FORMULA_LENGTH:
        raise ValueError(f"it is {len(formula):,} characters long, more than {MAX_FORMULA_LENGTH}")
    try:
        tree = ast.parse(formula, mode="eval")
    except (SyntaxError, RecursionError, MemoryError):
        raise ValueError("it is not an arithmetic expression") from None
    used: list[str] = []

    def value(node, depth: int = 0) -> float:
        if depth > MAX_FORMULA_DEPTH:
            raise ValueError(f"it nests more than {MAX_FORMULA_DEPTH} operations deep")
        if isinstance(node, ast.Expression):
            return value(node.body, depth)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return float(node.value)
        if isinstance(node, ast.Name):
            if node.id not in names:
                raise ValueError(f"no fact named '{node.id}'")
            used.append(node.id)
            return names[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
            right = value(node.right, depth + 1)
            if isinstance(node.op, ast.Div) and right == 0:
                raise ValueError("division by zero")
            return OPERATORS[type(node.op)](value(node.left, depth + 1), right)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -value(node.operand, depth + 1)
        raise ValueError("only numbers, fact names, + - * / and parentheses are allowed")

    return value(tree), list(dict.fromkeys(used))


def plain(value: float, lang: str) -> str:
    """A number as each language's text prints it: no thousands separators in Chinese."""
    return format_plain(value).replace(",", "") if lang == "zh" else format_plain(value)


def one_digit_apart(printed: float, candidate: float) -> bool:
    """Whether the candidate differs from the printed integer by one digit added, dropped or changed."""
    a, b = str(int(printed)), str(int(candidate))
    if candidate < 0 or candidate != int(candidate):
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def total_finding(number: int, total: float, parts: list[float], labels: list[dict], words: dict) -> Finding | None:
    """A printed total that is not the sum of its parts, naming the part that one digit typed differently would fix."""
    computed = sum(parts)
    if abs(computed - total) < 1e-6 * max(1.0, abs(total)):
        return None
    message = {lang: words[lang]["total_mismatch"].format(total=plain(total, lang), sum=plain(computed, lang))
               for lang in LANGS}
    for index, (part, label) in enumerate(zip(parts, labels)):
        candidate = part - (computed - total)
        if one_digit_apart(part, candidate):
            for lang in LANGS:
                message[lang] += words[lang]["misprint"].format(label=label[lang], printed=plain(part, lang),
                                                                candidate=plain(candidate, lang))
            return Finding(number, message, index)
    return Finding(number, message)


def share_finding(number: int, share: float, part: float, whole: float, words: dict) -> Finding | None:
    computed = 100 * part / whole
    decimals = len(format_plain(share).partition(".")[2])
    if abs(round(computed, decimals) - share) <= 0.5 * 10 ** -decimals + 1e-9:
        return None
    return Finding(number, {lang: words[lang]["share_mismatch"].format(
        share=plain(share, lang), part=plain(part, lang), whole=plain(whole, lang), computed=f"{computed:.2f}")
        for lang in LANGS})


def load_figures(folder: Path, document: Document, words: dict) -> list[FigureData]:
    """Every figure file in the folder, checked; an InputError lists every problem of every file."""
    problems: list[Problem] = []
    figures: list[FigureData] = []
    present: set[int] = set()  # figure numbers with a file, valid or not
    for path in sorted(folder.glob("*.yml")):
        try:
            reader = FigureFile(path, document, words)
            figure = reader.read()
            problems += reader.problems
        except InputError as err:
            problems += err.problems
            match = re.search(r"(\d+)", path.stem)
            present.add(int(match.group(1)) if match else -1)
            continue
        if isinstance(reader.data, dict) and isinstance(reader.data.get("figure"), int):
            present.add(reader.data["figure"])
        if figure:
            figures.append(figure)
    captions = {node.number: node for node, _ in document.walk()
                if isinstance(node, (Figure, Table)) and node.kind == "figure"}
    seen: dict[int, Path] = {}
    for figure in figures:
        if figure.number in seen:
            problems.append(Problem(str(figure.path), 1, f"figure {figure.number} already has data in {seen[figure.number]}",
                                    "keep one file per figure"))
        seen[figure.number] = figure.path
        if figure.number not in captions:
            problems.append(Problem(str(figure.path), 1, f"the text has no caption for figure {figure.number}",
                                    "check the figure number against the captions 图 N / Figure N"))
    for number, block in sorted(captions.items()):
        if isinstance(block, Figure) and not block.printed and number not in seen and number not in present:
            problems.append(Problem(str(folder), None, f"figure {number} («{block.caption['en']}») has no data file",
                                    f"add {folder}/figure-{number}.yml"))
    if problems:
        raise InputError(problems)
    return sorted(figures, key=lambda f: f.number)
