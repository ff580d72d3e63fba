"""MkDocs hook: the site's own build keeps every address it ever published (data/published-addresses.txt): it
stops, naming the address and the line, when a page published before would be gone, and adds its new pages to
the list. A build of another report (scripts/build.py --source, --edition) into a folder of its own, and
`mkdocs serve` (which publishes nothing, and may be showing the input's problems instead of the site), leave the
list alone."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from bilingual_report.build_report import error_lines
from bilingual_report.errors import InputError
from bilingual_report.site.addresses import kept_addresses
from bilingual_report.site.output import write_if_changed

LIST = "data/published-addresses.txt"
log = logging.getLogger("mkdocs.hooks.published_addresses")
SERVING = {"active": False}  # a hook module is imported once per process


def on_startup(*, command: str, dirty: bool) -> None:
    SERVING["active"] = command == "serve"


@event_priority(-120)  # after every language is built and the moved pages are written (hooks/moved_addresses.py)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/published_addresses.py needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    report = config.extra.get("report") or {}
    if i18n.building or SERVING["active"] or report.get("source") or report.get("editions"):
        return
    listed = Path(config.config_file_path).parent / LIST
    try:
        text = kept_addresses(listed, Path(config.site_dir))
    except InputError as err:
        for line in error_lines(err.problems):
            log.error(line)
        raise PluginError("a page published before would be gone, listed above") from None
    write_if_changed(listed, text.encode("utf-8"))
