"""More clause-level rules of English read from the parse (harness.syntax asks them).

Added in one round over every labeled set's disagreements, each for a construction of
general English that a misparse or a missing rule misread, each with made-up examples in
tests/test_matcher_rules.py. No word list here serves one article.
"""

from __future__ import annotations

_ASIDE_MARKS = frozenset({",", "(", "\u2013", "\u2014"})


def set_off_noun(node) -> bool:
    """Whether `node` is a noun phrase set off by a comma that the parse hung on the verb
    before it as an adverbial noun ("would have no place in the force, a force he described
    as having air cover"): an apposition misread, whose relative clause is asserted on its
    own, whatever the clause before the comma denies."""
    if node.dep_ != "npadvmod" or node.pos_ not in ("NOUN", "PROPN"):
        return False
    left = node.left_edge
    return left.i > 0 and left.nbor(-1).text in _ASIDE_MARKS and node.i > node.head.i
