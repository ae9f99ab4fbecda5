"""Broken sentences: what a summarizer's degenerate output looks like, seen from words.

A summary sentence can copy the article's words and still say nothing the article says:
generation that stops mid-phrase ("the man stole the rifle and a cable lock , and using
the .") or stutters ("the record was set by a whale whale whale"). Word and word-pair
support stay high, because every word is the article's. Two checks, both on the
candidate's words alone (general English, nothing fitted):

* **fragment**: a sentence that ends on a word no English sentence ends on: an article,
  a possessive determiner, a coordinating conjunction, "of", "to" or "than" ("... who has
  lost the ."). The sentence was cut off; what it would have said is unknown.
* **repeat**: a content word written twice in a row ("camera camera") where the article
  never writes it twice in a row. Function words are left alone ("that that", "had had"
  are English).

Each finding is a `Finding` (span in the candidate, reason); `harness.grounding` turns
them into flags of kind `fragment` and `repeat`, which lower the score like a wrong actor
and, like it, are not counted as unsupported spans (they say the sentence is broken, not
which fact is wrong).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from harness.grounding_lexicon import STOPWORDS

# words a complete English sentence does not end on
DANGLING = frozenset("the a an and or but nor of to than his its their my our your whose".split())


@dataclass(frozen=True)
class Finding:
    kind: str  # fragment | repeat
    span: tuple[int, int]  # in the candidate text
    reason: str


def fragment(toks: Sequence[tuple[int, int, str]], offset: int) -> Finding | None:
    """The sentence's last word when no sentence can end on it (`toks`: the sentence's
    `words`; `offset`: where the sentence starts in the candidate)."""
    if len(toks) < 2:
        return None
    s, e, w = toks[-1]
    if w not in DANGLING:
        return None
    return Finding(
        "fragment", (offset + s, offset + e), f'the sentence ends on "{w}": it is cut off'
    )


def repeats(
    toks: Sequence[tuple[int, int, str]], offset: int, article_pairs: frozenset[tuple[str, str]]
) -> list[Finding]:
    """Each run of one content word written twice or more in a row (one finding a run)
    that the article never writes twice in a row."""
    out = []
    i = 0
    while i < len(toks) - 1:
        w = toks[i][2]
        j = i
        while j + 1 < len(toks) and toks[j + 1][2] == w:
            j += 1
        if j > i and w.isalpha() and w not in STOPWORDS and (w, w) not in article_pairs:
            span = (offset + toks[i][0], offset + toks[j][1])
            times = j - i + 1
            out.append(Finding("repeat", span, f'"{w}" is written {times} times in a row'))
        i = j + 1
    return out


def findings(
    toks: Sequence[tuple[int, int, str]], offset: int, article_pairs: frozenset[tuple[str, str]]
) -> list[Finding]:
    """Every broken-sentence finding of one candidate sentence."""
    cut = fragment(toks, offset)
    return repeats(toks, offset, article_pairs) + ([cut] if cut else [])
