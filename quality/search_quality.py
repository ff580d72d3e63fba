"""Search quality measured in Chromium: each query of a query set opened in the site's search box of its language,
each result link checked against the places that answer the query.

A result is right when it links to an answer, or to a heading under which an answer stands before the next
heading (Material's own search links to headings). Pages that no search should offer (the full text, the
side-by-side pages) never count as right.
"""
from __future__ import annotations

import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import yaml

RESULT_LINKS = ".md-search-result__list a.md-search-result__link"
NOT_SEARCHED = ("full-text/", "parallel/")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class Query:
    text: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    query: Query
    links: tuple[str, ...]  # result links to a place in a page, in the order shown
    right: tuple[bool, ...]  # whether each link answers the query
    wrong_language: int

    @property
    def first_right(self) -> bool:
        return bool(self.right) and self.right[0]

    @property
    def top5_right(self) -> bool:
        return any(self.right[:5])


def load_queries(path: Path) -> dict[str, list[Query]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: [Query(str(q["query"]), tuple(q["answers"])) for q in queries] for lang, queries in data.items()}


class _Sections(HTMLParser):
    """Every id of a page's article, and for each heading the ids under it before the next heading."""

    def __init__(self):
        super().__init__()
        self.sections: dict[str, set[str]] = {}
        self._heading: str | None = None

    def handle_starttag(self, tag, attrs):
        element_id = dict(attrs).get("id")
        if not element_id:
            return
        if tag in HEADINGS:
            self._heading = element_id
        self.sections.setdefault(element_id, set()).add(element_id)
        if self._heading and tag not in HEADINGS:
            self.sections[self._heading].add(element_id)


def type_query(page, text: str) -> None:
    """Opens the search box of the page shown and types a query into it (CJK included: fill, then a key event)."""
    page.click("label.md-search__icon, .md-search__input")
    page.fill(".md-search__input", text)
    page.dispatch_event(".md-search__input", "keyup")


class SearchEvaluator:
    """Runs queries in one Chromium page against a served site whose languages live at prefixes ('' and 'en/')."""

    def __init__(self, page, site_url: str, prefixes: dict[str, str]):
        self.page = page
        self.site_url = site_url.rstrip("/") + "/"
        self.prefixes = prefixes
        self._sections: dict[str, dict[str, set[str]]] = {}

    def covered(self, path: str, fragment: str) -> set[str]:
        if path not in self._sections:
            parser = _Sections()
            with urllib.request.urlopen(self.site_url + path) as response:
                parser.feed(response.read().decode("utf-8"))
            self._sections[path] = parser.sections
        return self._sections[path].get(fragment, set())

    def results(self, lang: str, text: str) -> list[str]:
        """The result links the search box shows for a query, as page paths with their fragment."""
        self.page.goto(self.site_url + self.prefixes[lang])
        type_query(self.page, text)
        # the count replaces the placeholder ("键入以开始搜索", "Type to start searching") once results are in
        self.page.wait_for_function(
            "() => !/^(键入|Type)/.test(document.querySelector('.md-search-result__meta').textContent.trim())",
            timeout=10000)
        hrefs = self.page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
        return [href[len(self.site_url):] for href in hrefs]

    def outcome(self, lang: str, query: Query) -> Outcome:
        links, right, wrong = [], [], 0
        for link in self.results(lang, query.text):
            parts = urlsplit(link)
            if not parts.fragment:
                continue  # the page a group of results stands under
            links.append(link)
            in_language = (parts.path.startswith(self.prefixes[lang]) if self.prefixes[lang]
                           else not any(parts.path.startswith(p) for p in self.prefixes.values() if p))
            wrong += not in_language
            page_path = parts.path[len(self.prefixes[lang]):] if in_language else parts.path
            searched = in_language and not page_path.startswith(NOT_SEARCHED)
            right.append(searched and bool(self.covered(parts.path, parts.fragment) & set(query.answers)))
        return Outcome(query, tuple(links), tuple(right), wrong)


def summary(outcomes: list[Outcome]) -> dict:
    count = len(outcomes)
    return {
        "queries": count,
        "first_right": sum(o.first_right for o in outcomes) / count,
        "top5_right": sum(o.top5_right for o in outcomes) / count,
        "zero_result": [o.query.text for o in outcomes if not o.links],
        "wrong_language": sum(o.wrong_language for o in outcomes),
        "missed": [o.query.text for o in outcomes if not o.first_right],
    }
