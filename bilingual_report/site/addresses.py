"""The addresses a site has published, kept in a list under data/ committed with the sources: a build that would
leave one of them without a page stops, naming it, instead of breaking the links and citations into it."""
from __future__ import annotations

from pathlib import Path

from bilingual_report.errors import InputError, Problem

PAGE = "index.html"
HEADER = "# every page address this site has published (each build adds its own; commit it with the sources)\n"


def addresses_in(site: Path) -> set[str]:
    """Every page's address in a built site: "/" for the home page, "/section-2/", "/en/section-2/"."""
    return {"/" + "".join(f"{part}/" for part in path.parent.relative_to(site).parts) for path in site.rglob(PAGE)}


def kept_addresses(listed: Path, site: Path) -> str:
    """The list's new text, once every address it names is still a page of the site; else an error naming each
    address lost, with its line."""
    now = addresses_in(site)
    lines = listed.read_text(encoding="utf-8").splitlines() if listed.is_file() else []
    named = [(number, line.strip()) for number, line in enumerate(lines, start=1)
             if line.strip() and not line.startswith("#")]
    lost = [Problem(str(listed), number, f"the address {address} was published before and this build has no page "
                    "there", "keep the page (the edition or division that had it), or delete this line to retire the "
                    "address on purpose") for number, address in named if address not in now]
    if lost:
        raise InputError(lost)
    return HEADER + "".join(f"{address}\n" for address in sorted(now))
