"""The document profile (data/profile.yml): numbering schemes, unnumbered headings, notes, captions and
reference templates, read and checked with the line of every problem."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import regex

from bilingual_report.config.guarded import GuardedPattern, compile_guarded
from bilingual_report.config.templates import template_problem
from bilingual_report.config.yaml_lines import LocatedYaml
from bilingual_report.errors import InputError
from bilingual_report.model import LANGS

HEADING_START = r"^\**\s*"  # a pattern is matched at the start of a block, after any bold marker


@dataclass(frozen=True)
class Level:
    """One numbered heading level of a scheme."""

    name: str
    patterns: dict[str, GuardedPattern]
    reference: dict[str, str]
    lead_sentence: bool = True  # the text ends at its first sentence, the rest is a paragraph (else: the number alone)
    document_numbering: bool = False  # numbered through the document rather than under each parent
    optional: bool = False      # may be left out under its parent
    list: bool = False          # numbered paragraphs, not headings


@dataclass(frozen=True)
class Scheme:
    name: str
    levels: tuple[Level, ...]

    def index(self, name: str) -> int:
        return next(i for i, level in enumerate(self.levels) if level.name == name)


@dataclass(frozen=True)
class Unnumbered:
    """A heading without a number (前言 / Preface), matched against a whole short block."""

    role: str
    patterns: dict[str, GuardedPattern]
    front: bool  # shown on the home page with the introduction


@dataclass(frozen=True)
class CaptionRule:
    kind: str  # figure | table
    patterns: dict[str, GuardedPattern]
    id: str    # template with {number}
    reference: dict[str, str]


@dataclass(frozen=True)
class Profile:
    schemes: tuple[Scheme, ...]
    unnumbered: tuple[Unnumbered, ...]
    note: dict[str, GuardedPattern]
    captions: tuple[CaptionRule, ...]
    references: dict  # {intro, paragraph, join}: {lang: template}
    digest: str = ""  # of the profile's file: what was read with it can be kept under it


# What may follow an unnumbered heading's word: a title, after a separator (none needed in Chinese: 附录一主要数据).
UNNUMBERED_TAIL = {"zh": r"(?:[\s：:、.．—–-]*(?P<title>.+))?$", "en": r"(?:[\s:.—–-]+(?P<title>.+))?$"}
LEVEL_KEYS = {"name", "zh", "en", "reference", "lead", "numbering", "optional", "list"}


class ProfileFile(LocatedYaml):
    """Reads the profile, collecting every problem with its line."""

    def patterns(self, where: tuple, raw: dict, start: str = HEADING_START,
                 end: dict[str, str] | None = None) -> dict[str, GuardedPattern]:
        compiled = {}
        for lang in LANGS:
            text = raw.get(lang) if isinstance(raw, dict) else None
            if not isinstance(text, str) or not text:
                self.problem(where, f"{'.'.join(map(str, where))} needs a {lang} pattern", f"add `{lang}: '…'`")
                continue
            line = self.where.get(where + (lang,), (None,))[0]
            try:
                compiled[lang] = compile_guarded(f"{start}(?:{text}){(end or {}).get(lang, '')}", str(self.path), line)
            except regex.error as err:
                self.problem(where + (lang,), f"the {lang} pattern is not a valid regular expression: {err}")
            except InputError as err:
                self.problems += err.problems
        return compiled

    def templates(self, where: tuple, raw, fields: dict[str, bool]) -> dict[str, str]:
        if not isinstance(raw, dict):
            self.problem(where, f"{'.'.join(map(str, where))} must give a template per language",
                         "write it as {zh: …, en: …}")
            return {}
        for lang in LANGS:
            text = raw.get(lang)
            wrong = template_problem(text, fields) if isinstance(text, str) else "is missing"
            if wrong:
                self.problem(where + (lang,), f"{'.'.join(map(str, where + (lang,)))} {wrong}")
        return {lang: raw.get(lang, "") for lang in LANGS}

    def level(self, where: tuple, raw) -> Level | None:
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            self.problem(where, "a level needs a name and zh and en patterns")
            return None
        self.unknown_keys(where, raw, tuple(sorted(LEVEL_KEYS)))
        patterns = self.patterns(where, raw)
        for lang, pattern in patterns.items():
            if "numeral" not in pattern.groupindex:
                self.problem(where + (lang,), f"the {lang} pattern of level '{raw['name']}' has no (?P<numeral>…) group")
        if raw.get("lead", "sentence") not in ("sentence", "none"):
            self.problem(where + ("lead",), "lead must be sentence or none")
        if raw.get("numbering", "parent") not in ("parent", "document"):
            self.problem(where + ("numbering",), "numbering must be parent or document")
        listed = bool(raw.get("list"))
        reference = {} if listed else self.templates(where + ("reference",), raw.get("reference"),
                                                     {"numeral": False, "number": False})
        return Level(raw["name"], patterns, reference, raw.get("lead", "sentence") == "sentence",
                     raw.get("numbering") == "document", bool(raw.get("optional")), listed)

    def read(self) -> Profile | None:
        data = self.data
        if not isinstance(data, dict):
            self.problem((), "the profile must be a mapping with schemes, unnumbered, note, captions and references",
                         "see data/profile.yml")
            return None
        self.unknown_keys((), data, ("schemes", "unnumbered", "note", "captions", "references"))
        schemes = []
        for index, raw in enumerate(data.get("schemes") or []):
            where = ("schemes", index)
            levels = [self.level(where + ("levels", k), level) for k, level in enumerate((raw or {}).get("levels") or [])]
            if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not levels:
                self.problem(where, "a scheme needs a name and a list of levels")
                continue
            names = [level.name for level in levels if level]
            if len(set(names)) != len(names):
                self.problem(where, f"scheme '{raw['name']}' names a level twice", "give each level its own name")
            schemes.append(Scheme(raw["name"], tuple(level for level in levels if level)))
        if not schemes:
            self.problem(("schemes",), "the profile needs at least one numbering scheme")
        unnumbered = []
        for index, raw in enumerate(data.get("unnumbered") or []):
            where = ("unnumbered", index)
            if not isinstance(raw, dict) or not isinstance(raw.get("role"), str):
                self.problem(where, "an unnumbered heading needs a role and zh and en patterns")
                continue
            unnumbered.append(Unnumbered(raw["role"], self.patterns(where, raw, r"^\**\s*(?P<label>",
                                                                       {lang: r")\**" + UNNUMBERED_TAIL[lang] for lang in LANGS}),
                                         bool(raw.get("front"))))
        note = self.patterns(("note",), data.get("note"))
        captions = []
        for index, raw in enumerate(data.get("captions") or []):
            where = ("captions", index)
            if not isinstance(raw, dict) or raw.get("kind") not in ("figure", "table"):
                self.problem(where, "a caption needs kind (figure or table), zh and en patterns, id and reference")
                continue
            patterns = self.patterns(where, raw, r"^\**\s*")
            if any("number" not in p.groupindex for p in patterns.values()):
                self.problem(where, "a caption pattern needs a (?P<number>…) group")
            if not isinstance(raw.get("id"), str) or template_problem(raw["id"], {"number": True}):
                self.problem(where + ("id",), "id must be a template with {number}", 'e.g. id: "figure-{number}"')
            captions.append(CaptionRule(raw["kind"], patterns, raw.get("id", ""),
                                        self.templates(where + ("reference",), raw.get("reference"), {"number": True})))
        raw = data.get("references") if isinstance(data.get("references"), dict) else {}
        references = {"intro": self.templates(("references", "intro"), raw.get("intro"), {}),
                      "paragraph": self.templates(("references", "paragraph"), raw.get("paragraph"), {"number": True}),
                      "join": raw.get("join") if isinstance(raw.get("join"), dict) else {"zh": "", "en": ", "},
                      "page": self.templates(("references", "page"), raw.get("page"), {"page": True})
                      if "page" in raw else {}}
        if self.problems:
            return None
        return Profile(tuple(schemes), tuple(unnumbered), note, tuple(captions), references,
                       hashlib.sha256(self.path.read_bytes()).hexdigest()[:16])


def load_profile(path: Path) -> Profile:
    """The profile, checked; an InputError lists every problem with its line."""
    reader = ProfileFile(path)
    profile = reader.read()
    if profile is None:
        raise InputError(reader.problems)
    return profile
