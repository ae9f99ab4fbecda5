"""How a facts-file phrasing may be worded in a summary beyond its own letters (the regex
pieces harness.facts.alias_regex builds phrasings from; the word lists are harness.lexicon's):

- one proper name, hyphenated compound or plain adverb between two of its words ("a new
  Liverpool contract", "can still catch City");
- never the second half of a word whose prefix makes it another thing ("semi-final");
- a slot phrasing's first word in "-ed" also as its base form after do-support ("did not
  fail").
"""

from __future__ import annotations

from collections.abc import Callable

from harness import wording_rules
from harness.lexicon import INSERTABLE_ADVERBS, OTHER_THING_PREFIXES

NOT_AFTER_PREFIX = (  # no hyphen before (the fast common case), or not one of these prefixes
    "(?:(?<!-)|" + "".join(rf"(?<!\b{p}-)" for p in sorted(OTHER_THING_PREFIXES)) + ")"
)
# one word that may stand between two words of a phrasing (lexicon.INSERTABLE_ADVERBS)
INSERTED = (
    r"(?:(?:" + "|".join(sorted(INSERTABLE_ADVERBS)) + r")|(?-i:[A-Z][\w.'\u2019]*)"
    r"|[a-z0-9]+(?:-[a-z0-9]+)+)[\s-]+"
)


# what may stand right before a past verb's base form: do-support ("did not fail", "didn't
# sign", "did he fail"), which keeps the tense; not "will", "to", a modal (another tense)
_BEFORE_BASE = "|".join(
    rf"(?<=\b{w}{gap})"
    for gap in (r"\s", r"\s\s")  # "did n't" is read as "didn't" and a space
    for w in (
        "did",
        "does",
        "do",
        "did not",
        "does not",
        "do not",
        "didn't",
        "doesn't",
        "don't",
        "did n't",
        "does n't",
        "do n't",
    )
)


def base_forms(word: str, regex: str, variant: Callable[[str], str]) -> str:
    """A phrasing's first word in "-ed" (a regular past: "failed", "named") also matches
    its base form right after do-support ("did not fail", "didn't name"), where no noun of
    the same spelling can stand ("a name", "caught fire") and the tense stays."""
    w = word.lower()
    if len(w) < 5 or not w.endswith("ed") or (w.endswith("eed") and len(w) < 6):
        return regex
    bases = {w[:-1], w[:-2]}  # "name(d)", "fail(ed)"
    if w[-3] == w[-4] and w[-3] not in "aeiouls":
        bases.add(w[:-3])  # "stop(ped)", "ban(ned)"
    if w.endswith("ied"):
        bases.add(w[:-3] + "y")  # "carr(ied)"
    bases = sorted(variant(b) for b in bases if len(b) >= 3)
    alt = "|".join(bases)
    ing = "|".join(variant(f) for f in wording_rules.ing_forms(w))  # "lavishing"
    ing = f"|{ing}" if ing else ""
    # the base form looked at first (cheap), what precedes it only then
    return f"(?:{regex}{ing}|(?=(?:{alt})(?![\\w]))(?:{_BEFORE_BASE})(?:{alt}))"
