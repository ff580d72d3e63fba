#!/usr/bin/env python3
"""Benchmark (not a test) of the site's search, per language, in headless Chromium with the site served on
loopback as a host would serve it (gzip): the query set's answers (first result right, right place in the top 5,
queries with no result, results in the other language), the time from the last keystroke to the first results
of a session's first query, and the bytes a reader downloads for search.

Targets (issue 13): 95% first right and top 5, no query without results, 100 ms, 60 KB compressed.
By default it builds the project's site; --site measures a site built before (another commit's, say).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quality.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from quality.search_quality import SearchEvaluator, load_queries, summary  # noqa: E402
from quality.serve import SiteServer  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yml"
PREFIXES = {"zh": "", "en": "en/"}
TIMED_QUERY = {"zh": "商业秘密保护示范区", "en": "trade secrets demonstration areas"}
LATER = "/search/editions/"  # a series' other editions
SEARCH_FILES = ("search_index.json", LATER, "/workers/search", "search-worker.js", "search-arrival.js",
                "/lunr/")

# Types the query into the search box and resolves with the milliseconds until the result list fills.
TIME_FIRST_RESULTS = """query => new Promise(resolve => {
  const list = document.querySelector(".md-search-result__list")
  const input = document.querySelector(".md-search__input")
  let start
  new MutationObserver((_, observer) => {
    if (list.children.length) { observer.disconnect(); resolve(performance.now() - start) }
  }).observe(list, { childList: true })
  document.querySelector("label[for=__search]").click()
  input.value = query
  start = performance.now()
  input.dispatchEvent(new KeyboardEvent("keyup"))
})"""


def build_site(into: Path) -> Path:
    site = into / "site"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site)], check=True,
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    return site


def served_bytes(address: str) -> int:
    """The bytes the server sends for a file, compressed as it compresses it (the browser's own count misses
    what a worker fetches)."""
    request = urllib.request.Request(address, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        return len(response.read())


def first_query(browser, url: str, lang: str, settled: bool, start: str) -> tuple[float, int, int, int]:
    """A fresh session's first query: milliseconds to results, the compressed bytes and requests for search that
    answer it, and the bytes once the page is idle. A series' other editions are fetched only once the first answer
    is given (search-worker.js), so the first answer's files are all but those."""
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("requestfinished", lambda request: requested.append(request.url))
    page.goto(url + PREFIXES[lang] + start, wait_until="networkidle" if settled else "domcontentloaded")
    elapsed = page.evaluate(TIME_FIRST_RESULTS, TIMED_QUERY[lang])
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    context.close()

    def searched(addresses: list[str]) -> list[str]:
        return sorted({address for address in addresses if any(part in address for part in SEARCH_FILES)})

    first = [address for address in searched(requested) if LATER not in address]
    return (elapsed, sum(served_bytes(address) for address in first), len(first),
            sum(served_bytes(address) for address in searched(requested)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build the project's)")
    parser.add_argument("--runs", type=int, default=7, help="sessions timed per language (default 7)")
    parser.add_argument("--series", metavar="EDITION",
                        help="the --site is a report series: time the first query on this edition's home page, "
                             "without the query set (whose answers are the single site's pages)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    queries = load_queries(QUERIES)
    with tempfile.TemporaryDirectory() as work:
        site = args.site or build_site(Path(work))
        with SiteServer(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            print("| lang | first right | top 5 | no result | other language | first query, settled page "
                  "| first query, typed at load | search bytes (gzip), requests |")
            print("|---|---|---|---|---|---|---|---|")
            start = f"{args.series}/" if args.series else ""
            for lang in PREFIXES:
                measured = {"first_right": 0, "top5_right": 0, "zero_result": [], "queries": 0,
                            "wrong_language": "-", "missed": []}
                if not args.series:
                    page = browser.new_page()
                    evaluator = SearchEvaluator(page, url, PREFIXES)
                    measured = summary([evaluator.outcome(lang, query) for query in queries[lang]])
                    page.close()
                settled = [first_query(browser, url, lang, True, start) for _ in range(args.runs)]
                at_load = [first_query(browser, url, lang, False, start) for _ in range(args.runs)]
                print(f"| {lang} | {measured['first_right']:.0%} | {measured['top5_right']:.0%} "
                      f"| {len(measured['zero_result'])} of {measured['queries']} | {measured['wrong_language']} "
                      f"| {statistics.median(t for t, _, _, _ in settled):.0f} ms "
                      f"| {statistics.median(t for t, _, _, _ in at_load):.0f} ms "
                      f"| {settled[0][1] / 1000:.1f} KB, {settled[0][2]} (idle: {settled[0][3] / 1000:.1f} KB) |")
                for text in measured["missed"]:
                    print(f"    not first: {text}")
            browser.close()


if __name__ == "__main__":
    main()
