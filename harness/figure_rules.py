"""A figure of the fact's statement written with another value where a summary states the
claim: "Hull were beaten 2-0 by Southampton" against "a 3-0 defeat by Southampton", "has not
played since March 2014" against "since March 2013", "two points clear" against "three
points clear". The slots a user lists need not hold the figure for a wrong one to be seen.

Precision first: only three kinds of figure are compared, each with its own kind (a score
with a score, a year with a year, a count with a count of the same unit word: "two points"
with "three points", never with "three games"); the summary's figure must lie in the
clause that states the claim; and the statement's own value anywhere in the sentence
(rounded as written: "£46m" for "£46.2 million") clears it. A figure with a bound ("more
than 30,000") is compared only with the same bound ("at least 5 years" for "at least 10
years").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from harness.grounding_lexicon import UNITS
from harness.grounding_spans import Specific, numbers, value_matches

if TYPE_CHECKING:
    from harness.facts import Fact, Proposition

# a match score or a range: "2-0", "3–1", "6-4" (a season "2014-15" is no score)
_SCORE = re.compile(r"(?<![\w.,/-])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\w/%]|[.,-]\d)")
_YEAR = re.compile(r"(?<![\w.,$£€-])(?:19|20)\d\d(?![\w%]|[.,-]\d)")
# scores in a row are one result ("won 6-0 6-3"): compared only with as many in a row
_SCORE_GAP = re.compile(r"[\s,]*(?:-lrb-|\()?\s*\d*\s*(?:-rrb-|\))?[\s,]*$", re.I)
# the noun an ordinal written in digits ranks: "25th minute" (the suffix, then the noun)
_RANKED = re.compile(r"(?:st|nd|rd|th)\s+([a-z]+)\b", re.I)
# a sum of money: a currency sign first ("#" is a tokenized "£" in CNN/DailyMail text)
_CURRENCY = re.compile(r"(?:[A-Z]{0,2}[£$€#]|(?:us|au|nz|c)\$)\s?\d", re.I)
# an age ("a two-year-old", "19 years old") is no count of years
_AGE = re.compile(r"[\s-]years?[\s-]old\b", re.I)


@dataclass(frozen=True)
class Figure:
    """One figure: `kind` score|year|count|age|money|rank, its text and span, a key to
    compare (the sorted pairs of a score, a year's digits) or, for a count, an age, a sum
    or a rank, the number read by harness.grounding_spans with its unit word ("money" for
    a sum, the ranked noun for a rank: "25th minute")."""

    kind: str
    text: str
    start: int
    end: int
    key: str = ""
    unit: str = ""
    number: Specific | None = None  # a count's or an age's number


def figures(text: str) -> tuple[Figure, ...]:
    """The scores, years and counts with a unit word of `text`."""
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    row: list[re.Match] = []
    for m in [*_SCORE.finditer(text), None]:
        if m is not None and (not row or _SCORE_GAP.match(text[row[-1].end() : m.start()])):
            row.append(m)
            continue
        if row:  # one result: the sorted pair of each score, in order
            pairs = ["-".join(sorted((x.group(1), x.group(2)))) for x in row]
            a, b = row[0].start(), row[-1].end()
            out.append(Figure("score", text[a:b], a, b, key=" ".join(pairs)))
            taken.append((a, b))
        row = [m] if m is not None else []
    for m in _YEAR.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            out.append(Figure("year", m.group(), m.start(), m.end(), key=m.group()))
            taken.append((m.start(), m.end()))
    for sp in numbers(text):
        if any(a <= sp.start < b for a, b in taken) or sp.kind != "number":
            continue
        if sp.ordinal:  # a rank of the noun after it: "the 25th minute", "52nd minute"
            noun = _RANKED.match(text, sp.end)
            if noun is not None:
                unit = noun.group(1).lower()
                out.append(Figure("rank", sp.text, sp.start, sp.end, unit=unit, number=sp))
            continue
        if not sp.unit:
            if _CURRENCY.match(sp.text):  # a sum with no noun after it: "up to £3,500"
                out.append(Figure("money", sp.text, sp.start, sp.end, unit="money", number=sp))
            continue
        kind = "age" if _AGE.match(text, sp.end) else "count"
        out.append(Figure(kind, sp.text, sp.start, sp.end, unit=sp.unit, number=sp))
    return tuple(out)


@lru_cache(maxsize=1024)
def _statement_figures(statement: str) -> tuple[Figure, ...]:
    return figures(statement)


def _same(stated: Figure, written: Figure) -> bool:
    if stated.kind != written.kind:
        return False
    if stated.kind not in ("count", "age", "money", "rank"):
        return stated.key == written.key
    if stated.unit != written.unit:
        return False
    a, b = stated.number, written.number
    if a is None or b is None:
        return False
    return value_matches(b, a.value) or value_matches(a, b.value)


def _comparable(stated: Figure, written: Figure) -> bool:
    if stated.kind != written.kind:
        return False
    if stated.kind == "score":
        return _comparable_scores(stated.key.split(), written.key.split())
    if stated.kind == "year":
        return True
    # a bound is compared only with the same bound ("at least 5 years" for "at least 10")
    a, b = stated.number, written.number
    return stated.unit == written.unit and a is not None and b is not None and a.bound == b.bound


def _comparable_scores(stated: list[str], written: list[str]) -> bool:
    """Two rows of scores are comparable when they hold as many scores ("6-0 6-3" is no
    "3-2"), or when both are rows of sets and the summary's holds a score the statement's
    lacks: "won 6-3 6-3" is another match than "4-6 7-6(3) 6-3", while "4-6 7-6", the
    first sets copied, is part of it."""
    if len(stated) == len(written):
        return True
    if len(stated) < 2 or len(written) < 2:
        return False
    return bool(Counter(written) - Counter(stated))


def wrong_figure(
    statement: str, sentence: str, lo: int, hi: int, clause: tuple[int, int] | None = None
) -> tuple[str, str] | None:
    """(the summary's figure, the statement's) when the clause `lo`..`hi` of `sentence`
    writes a figure of the statement with another value and the sentence nowhere writes the
    statement's own; else None. A count of the statement's own unit word ("played 45
    minutes" for *90 minutes*) or a score ("drew 2-2 ... to win 5-3 on aggregate" for
    *4-3*) counts anywhere in the claim's `clause`, and an age of its own bearer noun
    anywhere in the sentence."""
    stated = _statement_figures(statement)
    if not stated:
        return None
    written = figures(sentence)
    for fig in stated:
        if any(_same(fig, w) for w in written):
            continue
        for w in written:
            # a figure that is another of the statement's own ("won 4-3" for "won 4-3 ...,
            # drawing 2-2") is no wrong value of this one
            if any(_same(other, w) for other in stated):
                continue
            if not _comparable(fig, w):
                continue
            if (
                (lo <= w.start and w.end <= hi)
                or _named_bearer(statement, fig, sentence, w)
                or (
                    clause is not None
                    and fig.kind in ("count", "score")
                    and clause[0] <= w.start
                    and w.end <= clause[1]
                )
            ):
                return w.text, fig.text
    return None


def _named_bearer(statement: str, fig: Figure, sentence: str, w: Figure) -> bool:
    """Whether two ages name the same bearer noun ("a two-year-old boy", "the five-year-old
    boy"): anywhere in the claim's sentence, the summary's is the age of the fact's own
    bearer."""
    if fig.kind != "age" or w.kind != "age":
        return False
    a, b = _bearers(statement, fig, sentence, w)
    return a is not None and a == b


# a number of any value, as a slot phrasing (harness.matcher's claim with its figure slots
# opened up): a score, digits, or number words ("76", "6-2", "five", "twenty-one")
_NUMBER_WORDS = "|".join(sorted({*UNITS, "one"}, key=len, reverse=True))
ANY_FIGURE = (
    r"re:(?<![\w.,])(?:\d{1,2}\s?[-\u2013]\s?\d{1,2}(?![\d])|\d[\d,.]*\d|\d"
    rf"|(?:{_NUMBER_WORDS})(?:[\s-](?:{_NUMBER_WORDS}|hundred|thousand|million))*)(?![\w])"
)
# "one" alone is mostly a pronoun ("one of them"): no number of a phrasing; an ordinal
# word ("twentieth") is the number's other form in a list of them
_ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\w+teenth|\w+tieth|hundredth|thousandth"
)
_HAS_NUMBER = re.compile(rf"\d|\b(?:{'|'.join(UNITS)}|{_ORDINAL_WORDS})\b", re.I)


_NUMBER_IN_PHRASING = re.compile(
    rf"\d{{1,2}}\s?[-\u2013]\s?\d{{1,2}}(?!\d)|\d[\d,.]*\d|\d|\b(?:{'|'.join(UNITS)})\b", re.I
)
_ANY_NUMBER = ANY_FIGURE[3:]


def opened_phrasing(phrasing: str) -> str:
    """A slot phrasing of a figure with its number opened to any ("40-year-old man" ->
    any number, then "-year-old man"), as a `re:` phrasing; the other words as written,
    a space or hyphen between them read as either."""
    out, at = [], 0
    for m in _NUMBER_IN_PHRASING.finditer(phrasing):
        out += [_loose(phrasing[at : m.start()]), f"(?:{_ANY_NUMBER})"]
        at = m.end()
    out.append(_loose(phrasing[at:]))
    return "re:" + "".join(out)


def _loose(words: str) -> str:
    return "".join(r"[\s-]+" if ch in " -" else re.escape(ch) for ch in words)


def anchored(phrasing: str) -> bool:
    """Whether a phrasing of a figure keeps a word of its own beside the number ("two
    points clear": "points", "clear"; not "67" or "twenty")."""
    rest = _NUMBER_IN_PHRASING.sub(" ", phrasing)
    return any(
        len(w) >= 3 and not _HAS_NUMBER.fullmatch(w) for w in re.findall(r"[a-z]+", rest, re.I)
    )


def is_figure_phrasing(phrasing: str) -> bool:
    """Whether a slot phrasing writes a number ("6-1", "67", "two points", "six others")."""
    return not phrasing.startswith("re:") and bool(_HAS_NUMBER.search(phrasing))


def other_value(statement: str, sentence: str, lo: int, hi: int) -> tuple[str, str] | None:
    """(the summary's figure, the statement's) when the figure that starts inside
    `lo`..`hi` of `sentence` (a slot of figures filled by another number) is of a kind the
    statement writes, with another value; None when it is the statement's own value, or
    no figure of the statement's kind ("a 40-year-old" is an age, no count of people)."""
    stated = _statement_figures(statement)
    written = [w for w in figures(sentence) if lo <= w.start < hi or w.start <= lo < w.end]
    if not stated or not written:
        return None
    if any(_same(fig, w) for fig in stated for w in written):
        return None
    for w in written:
        for fig in stated:
            if _comparable(fig, w) and _same_bearer(statement, fig, sentence, w):
                return w.text, fig.text
    return None


_AGED = re.compile(r"[\s-]years?[\s-]old[\s-]+([a-z]+)", re.I)


def _same_bearer(statement: str, fig: Figure, sentence: str, w: Figure) -> bool:
    """An age names its bearer: "a six-year-old girl" is another person than "a 40-year-old
    man", no wrong age of his (the nouns after the ages differ)."""
    if fig.kind != "age":
        return True
    a, b = _bearers(statement, fig, sentence, w)
    return a is None or b is None or a == b


def _bearers(statement: str, fig: Figure, sentence: str, w: Figure) -> tuple[str | None, ...]:
    """The nouns after the statement's age and the summary's ("-year-old boy": boy), or
    None where an age has none."""
    a, b = _AGED.match(statement, fig.end), _AGED.match(sentence, w.end)
    return tuple(m.group(1).lower() if m else None for m in (a, b))


@lru_cache(maxsize=512)
def figure_slots(fact: Fact) -> frozenset[str]:
    """The claim's slots whose phrasings all write a number ("6-1", "two points")."""
    return frozenset(
        n for n, vals in fact.claim.slots if vals and all(map(is_figure_phrasing, vals))
    )


def opened_claim(fact: Fact) -> Proposition | None:
    """The claim of a positive fact with its slots of figures opened to any number
    (`opened_phrasing`), when another slot, or a word of each phrasing ("two points
    clear"), is left to anchor it; else None."""
    opened = figure_slots(fact)
    if fact.polarity != "positive" or not opened:
        return None
    if len(opened) == len(fact.claim.slots) and not all(
        anchored(v) for _, vals in fact.claim.slots for v in vals
    ):
        return None
    slots = tuple(
        (n, tuple(map(opened_phrasing, vals)) if n in opened else vals)
        for n, vals in fact.claim.slots
    )
    return replace(fact.claim, slots=slots)
