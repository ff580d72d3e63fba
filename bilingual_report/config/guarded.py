"""A pattern from the document profile, compiled so that no pattern can make the build hang: the regex module
(well kept, re's syntax) avoids most catastrophic backtracking by itself, and every match runs with a time limit.
A pattern that takes too long is an InputError naming the profile's line and the text it was matched against."""
from __future__ import annotations

import regex

from bilingual_report.errors import InputError

MATCH_SECONDS = 0.5
# What a pattern is tried on when the profile is read: long runs of what reports are made of.
PROBES = tuple(char * 1000 + tail for char in ("一", "a", "1", " ", "（", "第", "*", ".") for tail in ("", "!"))


class GuardedPattern:
    def __init__(self, source: str, path: str, line: int | None):
        self.compiled = regex.compile(source)
        self.pattern = source
        self.groupindex = self.compiled.groupindex
        self.where = (path, line)

    def match(self, text: str):
        try:
            return self.compiled.match(text, timeout=MATCH_SECONDS)
        except TimeoutError:
            raise InputError.single(*self.where, f"the pattern «{self.pattern[:80]}» takes more than {MATCH_SECONDS} s "
                                    f"on the text «{text[:40]}…»: it backtracks without end",
                                    "write it without a repetition inside a repetition, such as (a+)+ or (\\d|\\d+)*") \
                from None

    def probe(self) -> None:
        """Try the pattern on long runs of ordinary characters (an InputError if it cannot keep up)."""
        for probe in PROBES:
            self.match(probe)


def compile_guarded(source: str, path: str, line: int | None) -> GuardedPattern:
    """The pattern compiled and tried (regex.error for one that is no regular expression)."""
    pattern = GuardedPattern(source, path, line)
    pattern.probe()
    return pattern
