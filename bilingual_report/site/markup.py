"""Everything specific to the site engine (MkDocs with Material, attr_list and md_in_html, static-i18n's
folder layout): front-matter keys, heading ids, Markdown escaping and the path of a language's page.
Moving to another engine means rewriting this module, not the pages."""
from __future__ import annotations

import html
import json
import re

from bilingual_report.language.text import without_markup

GENERATED_MARK = "# generated from the report's source text by bilingual_report: edit the source, not this file"
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
BOLD = re.compile(r"\*\*(.+?)\*\*")
MAX_HEADING_LEVEL = 6
INDEX_PAGE = "index"  # the page MkDocs serves at its folder's address: the home page


def docs_path(lang: str, slug: str) -> str:
    """Where a language's page goes under the docs folder (static-i18n's folder layout: docs/<lang>/…)."""
    return f"{lang}/{slug}.md"


def page_target(path: str, anchor: str | None = None) -> str:
    """A link to a page from Markdown: MkDocs resolves the page's source file (and checks the anchor)."""
    return f"{path}.md" + (f"#{anchor}" if anchor else "")


def page_url(slug: str, anchor: str | None = None) -> str:
    """A page's address from its language's root, as MkDocs publishes it (a folder per page; the home page is "")."""
    folder = slug[:-len(INDEX_PAGE)] if slug == INDEX_PAGE or slug.endswith("/" + INDEX_PAGE) else f"{slug}/"
    return folder + (f"#{anchor}" if anchor else "")


def nav_path(slug: str) -> str:
    """A page in MkDocs' nav; static-i18n serves each language's page of that name."""
    return f"{slug}.md"


def docs_file(lang: str, path: str) -> str:
    """Where a language's asset goes under the docs folder."""
    return f"{lang}/{path}"


def is_docs_file(docs_relative: str, path: str) -> bool:
    """Whether a file under the docs folder is a language's asset at `path`."""
    return docs_relative.split("/", 1)[1] == path


def address_of(docs_relative: str) -> tuple[str, str, bool]:
    """A file under the docs folder as the site publishes it: its language, its address from the language's root
    (a page's folder, an asset's path), and whether it is a page."""
    lang, rest = docs_relative.split("/", 1)
    if rest.endswith(".md"):
        return lang, page_url(rest[:-len(".md")]), True
    return lang, rest, False


def root_name(docs_relative: str) -> str:
    """The name a file under the docs folder takes at its language's root: its folder, or its page's name."""
    first = docs_relative.split("/", 2)[1]
    return first.removesuffix(".md")


def moved_into(docs_relative: str, folder: str) -> str:
    """A language's page or asset under the docs folder, moved one folder down (an edition's): zh/x → zh/folder/x."""
    lang, rest = docs_relative.split("/", 1)
    return f"{lang}/{folder}/{rest}"


def inline_html(text: str) -> str:
    """Source text as safe HTML: everything escaped, **bold** markers turned into <strong>."""
    return BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def inline_text(text: str) -> str:
    """Source text as safe inline Markdown (markup markers dropped, Markdown syntax escaped)."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(without_markup(text), quote=False))


def attribute(text: str) -> str:
    return html.escape(text, quote=True)


def heading(depth: int, text: str, anchor: str) -> list[str]:
    """A Markdown heading (depth 1 is <h1>) with an explicit id, the same in both languages."""
    return [f"{'#' * min(depth, MAX_HEADING_LEVEL)} {inline_text(text)} {{#{anchor}}}", ""]


def link(text: str, target: str, data: dict[str, str] | None = None) -> str:
    """A link; `data` gives it data-* attributes."""
    attributes = " ".join(f'data-{key}="{html.escape(value, quote=True)}"' for key, value in (data or {}).items())
    return f"[{inline_text(text)}]({target})" + (f"{{ {attributes} }}" if attributes else "")


def image(alt: str, src: str, width: int, height: int, extra: str = "") -> str:
    return f'![{inline_text(alt)}]({src}){{ width="{width}" height="{height}" loading="lazy"{extra} }}'


def chart(alt: str, sources: dict[str, tuple[str, tuple[int, int]]], words: dict[str, str]) -> str:
    """A chart drawn in several forms ({form: (src, (width, height))}, the page's style shows one per screen), as a
    link to its wide form that opens it full size (the words name the viewer's controls)."""
    images = " ".join(image(alt, src, *size, f" .chart-{form}") for form, (src, size) in sources.items())
    data = " ".join(f'data-{key.replace("_", "-")}="{attribute(word)}"' for key, word in words.items())
    return f'[{images}]({sources["wide"][0]}){{ .chart-zoom {data} }}'


def markdown_inside(kind: str = "span") -> str:
    """The attribute that lets Markdown be parsed inside an HTML block (md_in_html): span or block."""
    return f'markdown="{"1" if kind == "block" else "span"}"'


def front_matter(title: str, description: str, *, canonical: str | None = None, wide: bool = False) -> list[str]:
    """YAML front matter: the generated-file mark, the page title and description (JSON strings are valid YAML).

    Themes put both into the page as HTML (the description into an attribute), so they are escaped here.
    canonical names the page (relative to the language's root) that this one only presents differently;
    a wide page hides the navigation and contents sidebars.
    """
    safe_title = html.escape(without_markup(title), quote=False)
    safe_description = html.escape(description, quote=True)
    lines = ["---", GENERATED_MARK, f"title: {json.dumps(safe_title, ensure_ascii=False)}",
             f"description: {json.dumps(safe_description, ensure_ascii=False)}"]
    if canonical:
        lines.append(f"canonical: {json.dumps(canonical)}")
    if wide:
        lines += ["hide:", "  - navigation", "  - toc"]
    return lines + ["---", ""]
