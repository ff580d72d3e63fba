"""An edition's "changes since the previous edition" page in one language: the headings and blocks added, removed,
reworded (the words changed marked within the text), renumbered, and the numbers that changed, each linked to its
place in this edition (what was removed, to its place in the previous one)."""
from __future__ import annotations

from bilingual_report.editions.comparison import differences, number_changes
from bilingual_report.editions.matching import Match, Matching, wording
from bilingual_report.model import Document, Heading, Node
from bilingual_report.site import layout as paths
from bilingual_report.site import markup
from bilingual_report.site.editions import PublishedEdition, edition_name, in_edition

EXCERPT = {"zh": 60, "en": 140}
SECTIONS = ("changes_added", "changes_removed", "changes_reworded", "changes_numbers", "changes_renumbered")


def outermost(document: Document, nodes: tuple[Node, ...]) -> list[Node]:
    """The nodes, in reading order, that are not under another of them (a heading added brings what is under it)."""
    chosen = {id(node) for node in nodes}
    return [node for node, parents in document.walk()
            if id(node) in chosen and not any(id(parent) in chosen for parent in parents)]


def shown(node: Node, lang: str) -> str:
    """A node as the page names it: a heading as printed, a block by the start of its wording."""
    text = node.printed(lang) if isinstance(node, Heading) else " ".join(wording(node, lang).split())
    return text if len(text) <= EXCERPT[lang] else text[:EXCERPT[lang]].rstrip() + "…"


def marked(match: Match, lang: str) -> str:
    """The newer wording with the words removed and added marked, as the page's inline Markdown."""
    out = []
    for kind, text in differences(wording(match.old, lang), wording(match.new, lang), lang):
        tag = {"removed": "del", "added": "ins"}.get(kind)
        out.append(f"<{tag}>{markup.inline_text(text)}</{tag}>" if tag else markup.inline_text(text))
    return "".join(out)


class ChangesPage:
    """The page of one edition, in one language, against the edition before it."""

    def __init__(self, edition: PublishedEdition, previous: PublishedEdition, matching: Matching, labels: dict,
                 lang: str, selector: list[str]):
        self.edition, self.previous, self.matching = edition, previous, matching  # matching: previous → edition
        self.labels, self.lang = labels, lang
        self.selector = selector  # the edition selector's lines (EditionSwitch.lines)

    def here(self, node: Node) -> str:
        return markup.link(shown(node, self.lang), self.edition.layout.link_to_node(node.id))

    def there(self, node: Node) -> str:
        target = self.previous.layout.link_to_node(node.id, "../" + in_edition(self.previous.id, ""))
        edition = markup.link(edition_name(self.labels, self.previous.id), target)
        return f"{markup.inline_text(shown(node, self.lang))} ({edition})"

    def items(self, key: str) -> list[str]:
        lang, matching = self.lang, self.matching
        if key == "changes_added":
            return [self.here(node) for node in outermost(self.edition.document, matching.added)]
        if key == "changes_removed":
            return [self.there(node) for node in outermost(self.previous.document, matching.removed)]
        if key == "changes_reworded":
            return [f"{self.here(m.new)}{self.labels['colon']}{marked(m, lang)}"
                    for m in matching.matches if m.reworded]
        if key == "changes_numbers":
            return [f"{self.here(m.new)}{self.labels['colon']}"
                    + ", ".join(f"{markup.inline_text(a)} → {markup.inline_text(b)}"
                                for a, b in number_changes(wording(m.old, lang), wording(m.new, lang), lang))
                    for m in matching.matches if m.restated]
        return [f"{self.here(m.new)}{self.labels['colon']}{markup.inline_text(m.old.label[lang])} → "
                f"{markup.inline_text(m.new.label[lang])}" for m in matching.matches
                if isinstance(m.old, Heading) and m.old.label.get(lang) != m.new.label.get(lang)]

    def render(self) -> str:
        title = self.labels["changes"].format(edition=edition_name(self.labels, self.previous.id))
        out = markup.front_matter(title, title) + markup.heading(1, title, paths.CHANGES) + self.selector
        for key in SECTIONS:
            out += markup.heading(2, self.labels[key], key.replace("_", "-"))
            items = self.items(key)
            out += [f"- {item}" for item in items] or [markup.inline_text(self.labels["changes_none"])]
            out.append("")
        return "\n".join(out)
