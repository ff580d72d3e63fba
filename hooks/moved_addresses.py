"""MkDocs hook: the addresses a site of the series' oldest edition alone published keep answering once the site has
editions: each of its pages, now in the edition's folder, leaves a page that sends the reader there (with the
#fragment), and each of its files (downloads, charts) is also at its old address.

The pipeline names what moved (hooks/generate_docs.py keeps it on the config); this writes it once every language
is built.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from bilingual_report.site.editions import redirect_page


@event_priority(-110)  # after static-i18n (-100) has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/moved_addresses.py needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    if i18n.building:
        return  # a nested language pass: the outermost one writes them once every language is built
    roots = {language.locale: "" if language.default else f"{language.locale}/" for language in i18n.config.languages}
    site = Path(config.site_dir)
    for moved in config.extra.get("report_moved") or []:
        old_address, new_address = roots[moved.lang] + moved.old, roots[moved.lang] + moved.new
        if moved.page:
            written = site / old_address / "index.html"
            if not written.exists():
                written.parent.mkdir(parents=True, exist_ok=True)
                written.write_text(redirect_page(moved.lang, old_address, new_address), encoding="utf-8")
        elif not (site / old_address).exists() and (site / new_address).is_file():
            (site / old_address).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / new_address, site / old_address)
