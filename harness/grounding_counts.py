"""Counts English states without writing the number (harness.grounding_spans,
harness.grounding_implied): ratios ("one in five" is 20 percent), fractions ("a quarter of"
is 25 percent), ranks ("the top three": 1st to 3rd), days counted from a weekday ("on
Wednesday ... the next day": Thursday) and things counted by naming them in a list ("the
ferries Ada, Bea and Cy": three ferries). Regular
expressions over general English only; each function gives character spans and values.
"""

from __future__ import annotations

import re

from harness.grounding_lexicon import UNITS, WEEKDAYS
from harness.number_words import parse_number_words

_SMALL = {w: v for w, v in UNITS.items() if v <= 20 and w != "dozen"} | {"one": 1}
_SMALL_WORD = "|".join(sorted(_SMALL, key=len, reverse=True))
_COUNT = rf"(?:\d{{1,4}}|{_SMALL_WORD}|a\s+hundred|one\s+hundred|a\s+thousand)"

# "one in five", "1 in 10", "nine out of ten", "two in every three"
_RATIO = re.compile(
    rf"\b(?P<n>{_COUNT})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<m>{_COUNT})\b(?![.,]\d)", re.I
)
# "a quarter of", "two thirds of", "half of" (not "the first half of"): a share of something
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_FRACTION = re.compile(
    r"\b(?P<n>a|one|two|three|four)[\s-]+(?P<f>half|third|quarter|fifth|tenth)(?P<pl>s?)\s+of\b"
    r"|(?<!first\s)(?<!second\s)\bhalf\s+of\b",
    re.I,
)
# "the top three", "top-4", "the first two": the ranks 1 to N
_RANK = re.compile(rf"\b(?:top|first)[\s-]+(?P<n>{_SMALL_WORD}|\d{{1,2}})\b(?![.,]\d)", re.I)
# a day counted from the weekday named before it
_NEXT_DAY = re.compile(
    r"\b(?:the\s+(?:next|following)\s+(?:day|morning|evening|night)|next\s+day"
    r"|(?:a|one)\s+day\s+later|the\s+day\s+after(?!\s+(?:(?:the|a|an|his|her|their|its)\b|(?-i:[A-Z]))))",
    re.I,
)
_PREVIOUS_DAY = re.compile(
    r"\b(?:the\s+previous\s+(?:day|morning|evening|night)|(?:a|one)\s+day\s+(?:earlier|before)"
    r"|the\s+preceding\s+day"
    r"|the\s+(?:day|night|evening)\s+before(?!\s+(?:(?:the|a|an|his|her|their|its)\b|(?-i:[A-Z]))))",
    re.I,
)
# a list of names right after the plural noun they name: "the ferries Ada, Bea and Cy",
# "frigates: HMS Ada and HMS Bea"; each name a run of capitalised words (a number inside:
# "Type 23")
_LISTED_NAME = r"[A-Z][\w'\u2019.-]*(?:[ \t]+(?:[A-Z][\w'\u2019.-]*|\d+))*"
_NAME_LIST = re.compile(
    rf"\b(?P<noun>[a-z]{{3,}}s)[ \t]*[,:(]?[ \t]+"
    rf"(?P<list>{_LISTED_NAME}(?:[ \t]*,[ \t]*{_LISTED_NAME})*"
    rf"[ \t]*,?[ \t]+and[ \t]+{_LISTED_NAME})"
)
_WEEKDAY = re.compile(r"\b(?:" + "|".join(sorted(WEEKDAYS)) + r")\b", re.I)
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _count(text: str) -> float | None:
    t = " ".join(text.lower().split())
    return float(t) if t.isdigit() else parse_number_words(t)[0]


def percents(value: float) -> tuple[float, ...]:
    """A share in percent as a writer may round it: 100/3 is 33.33.. and 33."""
    rounded = float(round(value))
    return (value,) if rounded == value else (value, rounded)


def ratios(text: str) -> list[tuple[int, int, tuple[float, ...]]]:
    """(start, end, percent values) of each ratio: "one in five" = 20, "nine out of ten" =
    90; a part smaller than its whole, and a whole of 2 to 1,000."""
    out = []
    for m in _RATIO.finditer(text):
        n, whole = _count(m.group("n")), _count(m.group("m"))
        if n is None or whole is None or not 0 < n < whole or not 2 <= whole <= 1000:
            continue
        out.append((m.start(), m.end(), percents(100 * n / whole)))
    return out


def shares(text: str) -> list[tuple[int, int, tuple[float, ...]]]:
    """(start, end, percent values) of what an article writes as a share: a ratio or a
    fraction of something ("one in five" = 20, "a quarter of" = 25, "half of" = 50, "two
    thirds of" = 66.67 or 67). A pair ("both", "the couple") is not read as two here: the
    article's "both" would support any two near it; a summary's "the two" that refers to
    two things it names is read in harness.grounding_implied."""
    out = ratios(text)
    for m in _FRACTION.finditer(text):
        if m.group("f") is None:  # "half of"
            out.append((m.start(), m.start() + 4, (50.0,)))
            continue
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}[m.group("n").lower()]
        value = n * _FRACTIONS[m.group("f").lower()]
        if value < 100:
            out.append((m.start(), m.end("pl"), percents(value)))
    return sorted(out)


def ranks(text: str) -> list[tuple[int, int, int]]:
    """(start, end, N) of each "top N" / "first N": the ranks 1st to Nth (N from 2 to 20)."""
    out = []
    for m in _RANK.finditer(text):
        n = _count(m.group("n"))
        if n is not None and 2 <= n <= 20:
            out.append((m.start(), m.end(), int(n)))
    return out


def days_counted(sentences: list[str]) -> set[str]:
    """The weekdays an article reaches by counting a day from one it names: "fired on
    Wednesday, reinstated the next day" reaches Thursday; "the day before" goes back one.
    The weekday counted from is the last one named before the phrase, in its sentence or
    the one before it."""
    out: set[str] = set()
    previous: str | None = None
    for sentence in sentences:
        # weekdays and counted days in the order they are written: one pass
        events = [(m.start(), 0, m.group().lower()) for m in _WEEKDAY.finditer(sentence)]
        for pattern, step in ((_NEXT_DAY, 1), (_PREVIOUS_DAY, -1)):
            events += [(m.start(), step, "") for m in pattern.finditer(sentence)]
        anchor = previous
        for _, step, day in sorted(events):
            if not step:
                anchor = day
            elif anchor is not None:
                out.add(_DAYS[(_DAYS.index(anchor) + step) % 7])
        named = [day for _, step, day in sorted(events) if not step]
        previous = named[-1] if named else None
    return out


def name_lists(text: str) -> list[tuple[int, int, int, str]]:
    """(start, end, N, noun) of each list of N names (2 to 20) written right after the
    plural noun they are: "frigates HMS Ada, HMS Bea and HMS Cy" is 3 "frigates"."""
    out = []
    for m in _NAME_LIST.finditer(text):
        items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("list"))
        n = len([x for x in items if x.strip()])
        if 2 <= n <= 20:
            out.append((m.start(), m.end(), n, m.group("noun").lower()))
    return out
