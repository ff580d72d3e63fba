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
