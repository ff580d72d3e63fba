"""The report as reference managers take it, in each language: BibTeX, RIS and CSL-JSON, with its title, issuing
office, year and address."""
from __future__ import annotations

import json
from dataclasses import dataclass

from bilingual_report.language.text import without_markup
from bilingual_report.model import Document

LANGUAGE_TAGS = {"zh": "zh-CN", "en": "en"}
BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                  "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


@dataclass(frozen=True)
class Work:
    """What a reference to the report gives, in one language."""

    title: str
    issuer: str       # "" when the report names none
    year: int | None
    url: str | None   # the language's home page, where the site's address is known
    lang: str

    @property
    def key(self) -> str:
        return f"report{self.year or ''}{self.lang}"


def work_of(document: Document, published: int | None, lang: str, url: str | None) -> Work:
    return Work(without_markup(document.title[lang]), without_markup((document.issuer or {}).get(lang, "")),
                published, url, lang)


def bibtex(text: str) -> str:
    return "".join(BIBTEX_ESCAPES.get(char, char) for char in text)


def bibtex_bytes(work: Work) -> bytes:
    fields = [("title", "{" + bibtex(work.title) + "}"), ("institution", "{" + bibtex(work.issuer) + "}"),
              ("year", str(work.year or "")), ("url", work.url or ""), ("langid", LANGUAGE_TAGS[work.lang])]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value and value != "{}")
    return f"@techreport{{{work.key},\n{body}\n}}\n".encode("utf-8")


def ris_bytes(work: Work) -> bytes:
    tags = [("TY", "RPRT"), ("TI", work.title), ("AU", work.issuer), ("PB", work.issuer),
            ("PY", str(work.year or "")), ("LA", LANGUAGE_TAGS[work.lang]), ("UR", work.url or "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in tags if value).encode("utf-8") + b"ER  - \r\n"


def csl_json_bytes(work: Work) -> bytes:
    item = {"id": work.key, "type": "report", "title": work.title, "language": LANGUAGE_TAGS[work.lang]}
    if work.issuer:
        item |= {"author": [{"literal": work.issuer}], "publisher": work.issuer}
    if work.year:
        item["issued"] = {"date-parts": [[work.year]]}
    if work.url:
        item["URL"] = work.url
    return (json.dumps([item], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


EXPORTS = {"BibTeX": bibtex_bytes, "RIS": ris_bytes, "CSL-JSON": csl_json_bytes}
