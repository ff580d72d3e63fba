"""The aligned bilingual document: sections of paragraphs, tables and figures, each with an id shared by both languages."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Union

Bilingual = dict  # {"zh": ..., "en": ...}
LANGS = ("zh", "en")


@dataclass
class Paragraph:
    id: str
    zh: str
    en: str
    lines: Bilingual
    item: int | None = None     # the item number, on the paragraph that opens a numbered item
    lead: Bilingual | None = None  # that item's lead sentence, without its number
    body: Bilingual | None = None  # the rest of the paragraph after the lead
    type: str = "paragraph"


@dataclass
class Table:
    id: str
    number: int
    caption: Bilingual
    label: Bilingual  # the figure caption printed with the table ("图 3：…" / "Figure 3: …")
    rows: Bilingual
    lines: Bilingual
    type: str = "table"


@dataclass
class Figure:
    id: str
    number: int
    caption: Bilingual
    lines: Bilingual
    type: str = "figure"


Block = Union[Paragraph, Table, Figure]


@dataclass
class Section:
    id: str
    number: int
    heading: Bilingual
    lines: Bilingual
    blocks: list[Block] = field(default_factory=list)
    numeral: Bilingual = field(default_factory=dict)  # the section's number as printed: 二 / II

    @property
    def slug(self) -> str:
        return f"section-{self.number}"


@dataclass
class Document:
    title: Bilingual
    issuer: Bilingual
    intro: list[Paragraph]
    sections: list[Section]

    def to_dict(self) -> dict:
        return asdict(self)

    def paragraphs(self) -> list[Paragraph]:
        found = list(self.intro)
        for section in self.sections:
            found += [b for b in section.blocks if isinstance(b, Paragraph)]
        return found
