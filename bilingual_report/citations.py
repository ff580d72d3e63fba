"""How each block of the report is cited: its place (第二部分第 1 项第 2 段 / Part II, item 1, paragraph 2) and the full citation."""
from __future__ import annotations

import re

from .model import LANGS, Document, Paragraph

SECTION_BLOCK_ID = re.compile(r"^s\d+-(\d+)-(\d+)$")
INTRO_ID = re.compile(r"^intro-(\d+)$")
URL = "{url}"  # left in the citation for the page to fill in with the paragraph's address


def block_references(document: Document, labels: dict) -> dict[str, dict[str, str]]:
    """{lang: {block id: where the block is in the report, in words}}, from the reference templates in the labels."""
    references: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for lang in LANGS:
        words = labels[lang]
        for paragraph in document.intro:
            number = INTRO_ID.match(paragraph.id).group(1)
            references[lang][paragraph.id] = words["reference_intro"].format(paragraph=number)
        for section in document.sections:
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    item, number = SECTION_BLOCK_ID.match(block.id).groups()
                    template = words["reference_item"] if item != "0" else words["reference_section"]
                    references[lang][block.id] = template.format(section=section.numeral[lang], item=item,
                                                                 paragraph=number)
                else:
                    references[lang][block.id] = words["reference_figure"].format(number=block.number)
    return references


def citations(document: Document, labels: dict, published: int,
              references: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """{lang: {block id: the citation of that block, with {url} left for its address}}, from block_references."""
    return {lang: {block_id: labels[lang]["citation"].format(issuer=document.issuer[lang], title=document.title[lang],
                                                             year=published, reference=reference, url=URL)
                   for block_id, reference in by_id.items()}
            for lang, by_id in references.items()}
