"""Input problems reported to the publisher as one line each: file, line, what is wrong, what to do."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    hint: str = ""
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(Exception):
    """One or more problems in the publisher's input; the build must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, path: str, line: int | None, message: str, hint: str = "") -> "InputError":
        return cls([Problem(path, line, message, hint)])
