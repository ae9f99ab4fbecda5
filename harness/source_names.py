"""The article's proper names, to tell a name from a word in a summary written without
capitals.

A system summary in lowercase ("okafor will start against albion at the lane") has lost
the capitals that mark a name, so a rule that looks for a name where the fact's
statement has one (harness.detail_rules) sees nothing. The article the summary was made
from still has them: its name words are the words it writes capitalised inside a
sentence and never in lowercase ("Albion", "Lane"; "Reading" the club beside "reading" the
verb is left out: precision first), read as grounding reads them
(harness.grounding_actors.name_words). The matcher gives such a word its capital back in
a caseless summary, for those rules only.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from harness.facts import FactSet


def article_names(article: str) -> frozenset[str]:
    """The article's name words, lowercase (dots of acronyms and a possessive "'s" left
    off, as `harness.grounding_spans.words` reads them)."""
    from harness.grounding_actors import name_words
    from harness.grounding_spans import words
    from harness.text import fold_keep_offsets, sentence_spans

    text = fold_keep_offsets(article)
    spans = sentence_spans(text) or [(0, len(text))]
    return name_words(text, words(text), {s for s, _ in spans})


def with_article_names(factset: FactSet, article: str | None) -> FactSet:
    """`factset` with every fact carrying its article's names (unchanged without one)."""
    if not article or not article.strip():
        return factset
    names = article_names(article)
    if not names:
        return factset
    return replace(factset, facts=tuple(replace(f, source_names=names) for f in factset.facts))


def names_digest(factset: FactSet) -> str:
    """A digest of the names its facts carry, for the verdict cache's key ("" for none)."""
    names = {n for f in factset.facts for n in f.source_names}
    if not names:
        return ""
    return hashlib.sha256("\n".join(sorted(names)).encode("utf-8")).hexdigest()[:16]


def recased(sentence: str, names: frozenset[str]) -> str:
    """`sentence` with each word of `names` given its capital back (same length)."""
    if not names:
        return sentence
    from harness.grounding_spans import words

    out = list(sentence)
    for s, _, w in words(sentence):
        if w in names and out[s].islower():
            out[s] = out[s].upper()
    return "".join(out)
