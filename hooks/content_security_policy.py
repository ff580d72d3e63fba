"""MkDocs hook: a Content-Security-Policy in every page, allowing only the site's own files and, for the
theme's few inline scripts, exactly those scripts (by SHA-256 hash): no 'unsafe-inline' for scripts.

It is a <meta http-equiv> so that it holds on any static host, including those that cannot set headers.
"""
from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.DOTALL)
CHARSET = '<meta charset="utf-8">'
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")


def policy_for(html: str) -> str:
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                     for body in INLINE_SCRIPT.findall(html)})
    return POLICY.format(hashes=" ".join(hashes))


def with_policy(html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return html.replace(CHARSET, CHARSET + "\n    " + meta, 1)


@event_priority(-100)  # last, once the other hooks have changed the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output)


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return with_policy(output_content) if template_name.endswith(".html") else output_content
