"""Which links a text from the publisher's data may carry into the pages: http, https, mailto and relative ones.

Data texts (labels, titles, notes) reach the pages as Markdown, so a Markdown link in them becomes a live link;
one to any other scheme (javascript:, data:, vbscript:, file:) would run or open something the reader did not ask
for, and is refused. Control characters and spaces, which browsers drop from a scheme, are dropped here too."""
from __future__ import annotations

import re

SAFE_SCHEMES = ("http", "https", "mailto")
INLINE_LINK = re.compile(r"\]\(\s*<?([^)>]*)")  # [text](target) and [text](<target>), spaces and all
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)  # [name]: target
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^>\s]*)>")   # <scheme:target>
IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]+")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def scheme_of(target: str) -> str | None:
    """The scheme of a link target as a browser reads it, or None for a relative address."""
    match = SCHEME.match(IGNORED.sub("", target))
    return match.group(1).lower() if match else None


def unsafe_link(text: str) -> str | None:
    """The first link target in the text whose scheme is not a safe one, or None."""
    if "](" not in text and "]:" not in text and "<" not in text:
        return None
    for pattern in (INLINE_LINK, REFERENCE, AUTOLINK):
        for match in pattern.finditer(text):
            scheme = scheme_of(match.group(1))
            if scheme is not None and scheme not in SAFE_SCHEMES:
                return match.group(1)
    return None
