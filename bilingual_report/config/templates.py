"""Checking the text templates of the data files: the {fields} a template uses against those it may and must use."""
from __future__ import annotations

import string


def template_problem(template: str, fields: dict[str, bool]) -> str | None:
    """What is wrong with a label template, if anything: a {field} it may not use, or one it must."""
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as err:
        return f"is not a valid template ({err}; write {{{{ and }}}} for literal braces)"
    unknown = sorted(used - set(fields))
    if unknown:
        return f"uses {{{unknown[0]}}}, which is not available (available: {', '.join('{' + f + '}' for f in fields)})"
    missing = [name for name, required in fields.items() if required and name not in used]
    if missing:
        return f"must be text containing {{{missing[0]}}}"
    return None


def segments_problem(segments, fields: dict[str, bool]) -> str | None:
    """What is wrong with a template given as a list of segments, if anything (see fill_segments)."""
    if isinstance(segments, str):
        segments = [segments]
    if not isinstance(segments, list) or not segments or not all(isinstance(s, str) for s in segments):
        return "must be a list of text segments"
    optional = {name: False for name in fields}
    for segment in segments:
        if wrong := template_problem(segment, optional):
            return wrong
    return template_problem("".join(segments), fields)


def fill_segments(segments, values: dict[str, str]) -> str:
    """A template given as a list of segments, filled in; a segment with a field whose value is empty is left out
    ("{issuer}. " disappears for a report that names no issuer)."""
    if isinstance(segments, str):
        segments = [segments]
    out = []
    for segment in segments:
        used = [name for _, name, _, _ in string.Formatter().parse(segment) if name]
        if all(values.get(name) for name in used):
            out.append(segment.format(**values))
    return "".join(out)
