"""What an article or a summary states without writing it out, for grounding
(harness.grounding): a weekday the article reaches by counting ("fired on Wednesday,
reinstated the next day": Thursday), the ranks of a "top three" (1st, 2nd and 3rd), and a
summary's "the two" for two things it names ("Ana Ruiz and Tom Berg ... the two met").
The patterns are harness.grounding_counts'; general English, nothing of one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from harness.grounding_counts import days_counted, name_lists, ranks
from harness.grounding_lexicon import STOPWORDS
from harness.grounding_spans import Specific, content_stems, entities, stem
from harness.text import sentence_at


@dataclass(frozen=True)
class Implied:
    """What an article implies, computed once with its analysis."""

    days: frozenset[str] = frozenset()  # weekdays reached by "the next day" and the like
    ranks: tuple[tuple[int, int], ...] = ()  # (N, sentence) of each "top N" / "first N"
    names: tuple[tuple[str, ...], ...] = ()  # the article's names of two words or more
    lists: tuple[tuple[int, str], ...] = ()  # (N, noun stem) of each list of N names


def implied_in_article(text: str, spans: list[tuple[int, int]]) -> Implied:
    """The days, ranks and multi-word names of an article (`spans`: its sentences)."""
    # a run of more than six capitalised words is no one name (a heading, shouting)
    names = {sp.key for sp in entities(text, {s for s, _ in spans}) if 2 <= len(sp.key) <= 6}
    return Implied(
        days=frozenset(days_counted([text[s:e] for s, e in spans])),
        ranks=tuple((n, sentence_at(spans, s)) for s, _, n in ranks(text)),
        names=tuple(sorted(names)),
        lists=tuple(sorted({(n, stem(noun)) for *_, n, noun in name_lists(text)})),
    )


def rank_supported(
    sp: Specific, sentence_stems: set[str], implied: Implied, article_stems: list[frozenset[str]]
) -> bool:
    """An ordinal ("2nd") within a "top N" or "first N" of the article, stated about the
    same thing (the article sentence, or a neighbour, shares a content word with the
    candidate's sentence)."""
    if not sp.ordinal or sp.value is None or sp.value < 1 or sp.value != int(sp.value):
        return False
    around = sentence_stems - content_stems(sp.text)
    for n, i in implied.ranks:
        if sp.value > n:
            continue
        near = range(max(0, i - 1), min(len(article_stems), i + 2))
        if not around or any(around & article_stems[j] for j in near):
            return True
    return False


# two names joined by "and" ("Raheem Sterling and Jordon Ibe", "Ana and Tom"), not the end
# of a longer list ("A, B and C")
_CAP = r"[A-Z][\w'\u2019.-]*"
_NAME_PAIR = re.compile(rf"\b{_CAP}(?:\s+{_CAP}){{0,5}}\s+(?:and|&)\s+{_CAP}")
_LIST_BEFORE = re.compile(rf"{_CAP}\s*[,;]\s*$")
# what may follow "two" used as a noun phrase's head ("the two have", "the two smoking",
# "two of them"): function words, but not those that make "two" count a noun ("two more")
_NOT_AFTER_HEAD = frozenset(
    """more most other few such own same new last first next year years week weeks day
    days time times one ones percent per cent mr mrs ms dr st s t""".split()
)
# words right before a list that makes it what "two <noun>" counts: "two players, A and
# B"; "the two species were A and B"
_LIST_INTRO = re.compile(
    r"(?:[,:(\u2013\u2014-]|\b(?:are|were|is|was|being|namely))\s*(?:the\s+)?$", re.I
)


def counts_named(text: str, sp: Specific, spans: list[tuple[int, int]]) -> bool:
    """`sp` is a "two" that counts things the candidate itself names: "the two" or "two of"
    with two names joined by "and" in its sentence ("photos of Sterling and Ibe ... the
    two smoking"), "the two" after a sentence naming two or more ("Ana Ruiz married Tom
    Berg. The two have a son."), or "two <noun>" followed by the two names ("two species
    were A and B", "two players, A and B"). A "two" that counts something else stays a
    number to check ("A and B scored two goals")."""
    if sp.kind != "number" or sp.value != 2 or sp.bound or sp.ordinal:
        return False
    s, e = next(((s, e) for s, e in spans if s <= sp.start < e), (0, len(text)))
    after = text[sp.end : e]
    nxt = re.match(r"\s*([A-Za-z'\u2019]+)", after)
    if after[:1] == "-":
        return False  # "two-year"
    word = nxt.group(1).lower() if nxt else ""
    headless = (
        not nxt
        or re.match(r"\s*[,.;:!?)]", after) is not None
        or (word in STOPWORDS and word not in _NOT_AFTER_HEAD)
        or word.endswith(("ing", "ed", "ly"))
    )
    pairs = [
        m
        for m in _NAME_PAIR.finditer(text, s, e)
        if not _LIST_BEFORE.search(text, max(s, m.start() - 80), m.start())
    ]
    if headless:
        if pairs:
            return True
        if re.search(r"\b(?:the|these|those)\s+$", text[s : sp.start], re.I):
            k = next(i for i, (x, _) in enumerate(spans) if x == s) if (s, e) in spans else 0
            lo = spans[k - 1][0] if k > 0 else s
            named = {
                x.key[-1]
                for x in entities(text, {a for a, _ in spans})
                if lo <= x.start and x.end <= sp.start
            }
            return len(named) >= 2
        return False
    return any(
        m.start() > sp.end and _LIST_INTRO.search(text, max(s, m.start() - 40), m.start())
        for m in pairs
    )


_COUNTED = re.compile(r"[\s-]+([A-Za-z'\u2019]+)")


def counts_listed(text: str, sp: Specific, implied: Implied) -> bool:
    """`sp` is a number N the article writes by naming N things in a list after the noun
    the summary counts ("Four frigates" for the article's "frigates HMS Ada, HMS Bea, HMS
    Cy and HMS Di"): the noun is among the four words after the number, before any
    punctuation ("Four Royal Navy frigates")."""
    if sp.kind != "number" or sp.bound or sp.ordinal or sp.value is None:
        return False
    n = sp.value
    if n != int(n) or not any(k == n for k, _ in implied.lists):
        return False
    counted, pos = set(), sp.end
    for _ in range(4):
        m = _COUNTED.match(text, pos)
        if not m:
            break
        counted.add(stem(m.group(1).lower()))
        pos = m.end()
    return any(k == n and noun in counted for k, noun in implied.lists)


def implied_reason(
    sp: Specific, text: str, spans: list[tuple[int, int]], implied: Implied
) -> str | None:
    """Why a specific the article never writes out is supported, for `harness explain`:
    which of the rules above holds it (None when none does)."""
    if sp.kind == "date" and sp.key and sp.key[0] in implied.days:
        return f"the article reaches {sp.text} by counting a day from a weekday it names"
    if sp.ordinal and sp.value is not None:
        top = [n for n, _ in implied.ranks if sp.value <= n]
        if top:
            return f"within the article's top {min(top)}"
    if counts_named(text, sp, spans):
        return "it counts two things the candidate names"
    if counts_listed(text, sp, implied):
        return f"the article names {sp.text.strip()} of them in a list"
    return None
