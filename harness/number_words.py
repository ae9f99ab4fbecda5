"""The value of English number words ("three thousand five hundred" = 3500), read alike by
the number spans (harness.grounding_spans) and the counts written without a figure
(harness.grounding_counts)."""

from __future__ import annotations

import re

from harness.grounding_lexicon import SCALES, UNITS

_DIGITS = {
    w: str(k) for k, w in enumerate("zero one two three four five six seven eight nine".split())
}


def parse_number_words(text: str) -> tuple[float | None, int]:
    """The value of number words ("three thousand five hundred" = 3500, "forty two point
    five million" = 42.5e6, "half a million" = 5e5, "two and a half" = 2.5), and the index
    of the word (split at spaces and hyphens) where a second number starts when they are
    not one ("one ninety", "two three": None, 1)."""
    total, current, seen = 0.0, 0.0, False
    parts = [p for p in re.split(r"[\s-]+", text.lower()) if p]
    i = 0
    while i < len(parts):
        part = parts[i]
        i += 1
        if part in ("and", "a", "an"):
            continue  # "a hundred": the scale below multiplies 1
        if part == "half":
            current += 0.5
        elif part == "point":
            digits = ""
            while i < len(parts) and parts[i] in _DIGITS:
                digits += _DIGITS[parts[i]]
                i += 1
            current += float("0." + digits) if digits else 0.0
        elif part == "dozen":
            current = (current or 1.0) * 12
        elif part in UNITS or part == "one":
            unit = UNITS.get(part, 1)
            low = current % 100
            if low and not (low % 10 == 0 and low >= 20 and unit < 10):
                return None, i - 1  # "one ninety", "two three": two numbers
            current += unit
        elif part in SCALES:
            current = (current or 1.0) * SCALES[part]
            if SCALES[part] >= 1000:
                total, current = total + current, 0.0
        else:
            return None, i - 1
        seen = True
    return (total + current if seen else None), len(parts)
