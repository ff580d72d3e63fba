"""How each block of the report is cited: its place, from its path in the tree (第二部分第 1 项第 2 段 /
Part II, item 1, paragraph 2; 第三章第二节第三十三条第 1 段 / Chapter III, Section 2, Article 33, paragraph 1),
and the full citation."""
from __future__ import annotations

from bilingual_report.config.profile import Profile
from bilingual_report.config.templates import fill_segments
from bilingual_report.model import LANGS, Document, Figure, Heading, Table

URL = "{url}"  # left in the citation for the page to fill in with the paragraph's address
ACCESSED = "{accessed}"  # left for the page to fill in with the day the citation is copied


def page_reference(node, words: dict, lang: str) -> str:
    """The page a block is on, when it was read from a PDF: its printed number (else its place in the file)."""
    if lang not in node.page or not words.get("page"):
        return ""
    pdf_page, printed = node.page[lang]
    return words["join"][lang] + words["page"][lang].format(page=printed or pdf_page)


def block_references(document: Document, profile: Profile) -> dict[str, dict[str, str]]:
    """{lang: {block id: where the block is in the report, in words}} for every paragraph, table and figure."""
    words = profile.references
    captions = {rule.kind: rule.reference for rule in profile.captions}
    references: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for node, parents in document.walk():
        if isinstance(node, Heading):
            continue
        for lang in LANGS:
            if isinstance(node, (Table, Figure)):
                references[lang][node.id] = captions[node.kind][lang].format(number=node.number) \
                    + page_reference(node, words, lang)
                continue
            path = [h.reference[lang] for h in parents] or [words["intro"][lang]]
            path.append(words["paragraph"][lang].format(number=node.number))
            references[lang][node.id] = words["join"][lang].join(path) + page_reference(node, words, lang)
    return references


def citations(document: Document, labels: dict, published: int | None,
              references: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """{lang: {block id: the citation of that block, with {url} left for its address}}, from block_references.

    The citation template is a list of segments; a segment whose field is unknown (no issuer, no year of
    publication) is left out."""
    out: dict[str, dict[str, str]] = {}
    for lang, by_id in references.items():
        fields = {"issuer": (document.issuer or {}).get(lang, ""), "title": document.title[lang],
                  "year": "" if published is None else str(published), "url": URL,
                  "accessed": ACCESSED}
        out[lang] = {block_id: fill_segments(labels[lang]["citation"], {**fields, "reference": reference})
                     for block_id, reference in by_id.items()}
    return out

