"""A language's search index: an entry for every heading, paragraph, table and figure of the pages that show the
report (the home page and one page per division), and an entry for each of those pages.

An entry carries the address of its place on its page, the heading it stands under (`title`) and its own words
(`text`); a heading's entry is marked as such. The browser does the matching and ranking
(overrides/assets/javascripts/search-worker.js), on the text as printed, so nothing here segments or
normalises words. The key-figures, figures, full-text and side-by-side pages repeat what these pages hold,
and are left out.
"""
from __future__ import annotations

import json

from bilingual_report.language.text import without_markup
from bilingual_report.model import Document, Heading
from bilingual_report.site.editions import in_edition
from bilingual_report.site.layout import HOME, SEARCH_INDEX, SiteLayout, search_shard


def search_index(document: Document, layout: SiteLayout, lang: str) -> dict:
    page_titles = {HOME: document.title[lang], **{d.slug: d.heading.printed(lang) for d in layout.divisions}}
    entries: list[dict] = []
    pages_seen: set[str] = set()
    for node, parents in document.walk():
        slug = layout.page_of(node.id)
        if slug not in pages_seen:
            pages_seen.add(slug)
            entries.append({"location": layout.url_of(slug), "title": without_markup(page_titles[slug])})
        where = parents[-1].printed(lang) if parents else page_titles[slug]
        entry = {"location": layout.url_of(slug, node.id), "title": without_markup(where),
                 "text": without_markup(node.printed(lang) if isinstance(node, Heading) else node.words(lang))}
        if isinstance(node, Heading):
            entry["heading"] = True
        entries.append(entry)
    return {"config": {"lang": [lang]}, "docs": entries}


def search_index_bytes(document: Document, layout: SiteLayout, lang: str) -> bytes:
    return json.dumps(search_index(document, layout, lang), ensure_ascii=False, separators=(",", ":")).encode()


def series_search_files(editions: list[tuple[str, str, SiteLayout]], lang: str) -> dict[str, bytes]:
    """A series' search in a language ((id, name, layout) per edition, the current one first): the index holds the
    current edition and names the others, each in a file of its own that the search fetches after its first
    answer; each entry at its edition's address, its title led by the edition's name."""
    files = {}
    for rank, (edition_id, name, layout) in enumerate(editions):
        entries = [{**entry, "location": in_edition(edition_id, entry["location"]),
                    "title": f"{name} · {entry['title']}", "edition": edition_id}
                   for entry in search_index(layout.document, layout, lang)["docs"]]
        if rank == 0:
            index = {"config": {"lang": [lang], "editions": [{"id": other} for other, _, _ in editions[1:]]},
                     "docs": entries}
            files[SEARCH_INDEX] = index
        else:
            files[search_shard(edition_id)] = {"docs": entries}
    return {path: json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() for path, data in files.items()}
