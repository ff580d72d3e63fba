"""What a data file may ask of a chart: numbers it can draw, formulas it can evaluate, bars it can lay out, and a
style it can render. One place for every limit, each checked where its value is read, with the file's line."""
from __future__ import annotations

import math
import re

MAX_VALUE = 1e15          # larger than any count or amount a report states, small enough for an axis
MAX_FORMULA_LENGTH = 300  # characters
MAX_FORMULA_DEPTH = 20    # nested operations and brackets
MAX_PANELS = 12
MAX_BARS = 60             # per panel
MAX_LABEL = 200           # characters of a bar's label
HEX_COLOUR = re.compile(r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$")
HATCH = re.compile(r"^[/\\|\-+xoO.*]{0,8}$")
# the chart style's sizes: (smallest, largest)
STYLE_RANGES = {"width_inches": (1.0, 20.0), "panel_title_inches": (0.1, 3.0), "bar_inches": (0.1, 3.0),
                "font_size": (6.0, 36.0), "label_wrap": (5, 200), "title_wrap": (5, 200)}
PHONE_STYLE = ("width_inches", "label_wrap", "title_wrap")  # what the phone's drawing of a chart changes


def number_problem(value: object) -> str | None:
    """What keeps a data file's value from being a number a chart can draw, or None."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return "is not a number"
    if isinstance(value, float) and not math.isfinite(value):
        return "is not a finite number"
    if abs(value) > MAX_VALUE:
        return f"is larger than a chart can show (at most {MAX_VALUE:.0e} in size)"
    return None


def style_problems(style: dict) -> list[tuple[tuple, str]]:
    """(key path, what is wrong) for each size outside its range and each colour or hatch a chart cannot use."""
    found = []
    phone = style.get("phone")
    if not isinstance(phone, dict) or set(phone) != set(PHONE_STYLE):
        found.append((("phone",), f"'phone' must give {', '.join(PHONE_STYLE)} (the chart as drawn for a phone), "
                                  f"not {phone!r}"))
        phone = {}
    sizes = [((key,), key, style.get(key)) for key in STYLE_RANGES] + \
        [(("phone", key), f"phone.{key}", phone[key]) for key in PHONE_STYLE if key in phone]
    for path, name, value in sizes:
        low, high = STYLE_RANGES[path[-1]]
        integer = isinstance(low, int)
        if number_problem(value) or (integer and not isinstance(value, int)) or not low <= value <= high:
            kind = "a whole number" if integer else "a number"
            found.append((path, f"'{name}' must be {kind} from {low} to {high}, not {value!r}"))
    colours = style.get("colors")
    for name, colour in (colours.items() if isinstance(colours, dict) else []):
        if not isinstance(colour, str) or not HEX_COLOUR.match(colour):
            found.append((("colors", name), f"colors.{name} must be a colour as #RRGGBB (or #RGB), not {colour!r}"))
    if not isinstance(colours, dict):
        found.append((("colors",), "'colors' must map stated, derived, flagged, text and muted to colours"))
    hatch = style.get("derived_hatch")
    if not isinstance(hatch, str) or not HATCH.match(hatch):
        found.append((("derived_hatch",), f"derived_hatch must be up to 8 of the marks / \\ | - + x o O . *, "
                                          f"not {hatch!r}"))
    return found
