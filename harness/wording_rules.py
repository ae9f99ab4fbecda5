"""General rules of English wording for the facts matcher, each small and separate.

Each rule here is general English (or a general convention of news text), never the
words of one article; each has made-up examples about other topics in
tests/test_wording_rules.py.

- ``currency_signs``: in tokenized news text (CNN/DailyMail, SummEval) the pound sign is
  written "# " before a figure ("a # 42 million profit"); it is read as a currency sign, so
  that the parse sees an amount ("received up to # 3,500 in bonuses": the bonuses are
  what was received), not a stray symbol that the matcher blanks.
"""

from __future__ import annotations

import re

# a lone "#" before a spaced figure ("# 42 million"), as tokenized news text writes the
# pound sign; "#1" (number one) and hashtags are left alone
_HASH_AMOUNT = re.compile(r"(?<!\S)#(?= \d)")


def currency_signs(norm: str) -> str:
    """`norm` with a "#" before a figure read as a pound sign (same length)."""
    if "#" not in norm:
        return norm
    return _HASH_AMOUNT.sub("\u00a3", norm)


# prepositions that make a figure the measure of the noun after them ("£3,500 in bonuses",
# "£2m of funding", "20 of the players")
_MEASURE_PREPS = frozenset({"in", "of"})


def measure_heads(doc) -> set[int]:
    """Indices of the figures in `doc` (a spaCy parse) that only measure the noun of their
    "in"/"of" phrase: "received up to £3,500 in bonuses" says the bonuses were received,
    so the link through the figure costs nothing between a verb and that noun."""
    return {
        t.i
        for t in doc
        if t.like_num and any(c.dep_ == "prep" and c.lower_ in _MEASURE_PREPS for c in t.children)
    }
