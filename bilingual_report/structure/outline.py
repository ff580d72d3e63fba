"""The document tree as the reader found it, as text: one line per node with its level, numeral, first words
and source lines, so that a publisher sees at a glance what the site will show."""
from __future__ import annotations

from collections import Counter

from bilingual_report.language.text import without_markup
from bilingual_report.model import Heading, Paragraph, Table
from bilingual_report.structure.reader import Reading

WORDS = {"zh": 16, "en": 36}
REPAIRS = {"page_number": "page number removed", "running_line": "running header or footer removed",
           "contents": "contents line removed", "hyphen": "word rejoined at a line end:",
           "space": "stray space removed between Chinese characters", "character": "radical folded:",
           "invisible": "invisible character removed:", "word": "word rejoined at a break:",
           "glued": "words glued together parted:",
           "ligature": "ligature read as its letters:", "soft_hyphen": "soft hyphen read as a hyphen:",
           "table_header": "repeated table header dropped:", "table_row": "table row rejoined across a page:"}


def first_words(text: str, lang: str) -> str:
    text = without_markup(text)
    return text if len(text) <= WORDS[lang] else text[: WORDS[lang]].rstrip() + "…"


def lines_of(lines: dict, places: dict) -> str:
    """Where a node starts in each language: its lines, or a Word document's paragraphs."""
    if places:
        return f"{places[lines['zh'][0]].short}/{places[lines['en'][0]].short}"
    return f"{lines['zh'][0]}/{lines['en'][0]}"


def describe(node) -> tuple[str, dict]:
    """What a node is, in a few words, and its text per language."""
    if isinstance(node, Heading):
        what = (f"{node.level} {node.numeral['zh']}/{node.numeral['en']}" if node.level
                else node.role + (f" {node.number}" if node.number is not None else ""))
        return what, {lang: node.printed(lang) for lang in node.label}
    if isinstance(node, Paragraph):
        return ("note" if node.note else "¶"), node.text
    if isinstance(node, Table):
        return f"table ({len(node.rows['zh'])} rows)", node.caption
    return "figure", node.caption


def summary(reading: Reading) -> str:
    counts: Counter = Counter()
    for node, _ in reading.document.walk():
        key = node.level or node.role if isinstance(node, Heading) else ("note" if getattr(node, "note", False)
                                                                           else node.type)
        counts[key] += 1
    parts = [f"{count} {name}{'s' if count > 1 and not name.endswith('s') else ''}" for name, count in counts.items()]
    return f"layout: {reading.layout_described}; {reading.scheme.name} numbering; " + ", ".join(parts)


def outline(reading: Reading, source: str) -> list[str]:
    """The outline's lines: a summary, the front matter, then every node indented by its depth."""
    document = reading.document
    nodes = list(document.walk())
    width = max([len("issuer")] + [2 * len(parents) + len(node.id) for node, parents in nodes]) + 2
    column = "¶ zh/en" if reading.places else "lines zh/en"
    out = [f"{source}: {summary(reading)}", "", "id".ljust(width) + "what".ljust(22) + column.ljust(13)
           + "text (zh | en)"]

    def row(node_id: str, depth: int, what: str, lines: str, texts: dict) -> str:
        words = " | ".join(first_words(texts.get(lang, ""), lang) for lang in ("zh", "en"))
        return f"{'  ' * depth}{node_id}".ljust(width) + what.ljust(22) + lines.ljust(13) + words

    out.append(row("title", 0, "title", "", document.title))
    if document.issuer:
        out.append(row("issuer", 0, "issuer", "", document.issuer))
    for note in document.front:
        out.append(row("front", 0, "front matter", "", note))
    for node, parents in nodes:
        what, texts = describe(node)
        out.append(row(node.id, len(parents), what, lines_of(node.lines, reading.places), texts))
    cleaned = reading.cleaned
    out += ["", f"cleaned: {cleaned.summary()}"]
    out += [f"  {reading.places.get(repair.line) or f'line {repair.line}'}: {REPAIRS[repair.kind]} «{repair.text}»"
            for repair in cleaned.repairs]
    for warning in reading.warnings:
        out.append(f"warning: {warning}")
    return out


def cleaned_text(reading: Reading) -> list[str]:
    """The text as read once cleaned, each line with its number in the file."""
    width = len(str(max((number for number, _ in reading.cleaned.lines), default=1)))
    return [f"{number:>{width}}  {text}" for number, text in reading.cleaned.lines if text.strip()]

