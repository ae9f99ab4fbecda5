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


def article_details(article: str) -> frozenset[tuple[str, frozenset[str]]]:
    """The article's "preposition + capitalised name" phrases (harness.detail_rules:
    "moved to Old Trafford"), lowercase, each with the word keys (first four letters) of
    its sentence."""
    from harness.detail_rules import named_phrases
    from harness.text import fold_keep_offsets, sentence_spans, word_keys

    text = fold_keep_offsets(article)
    out = []
    for s, e in sentence_spans(text) or [(0, len(text))]:
        phrases = named_phrases(text[s:e])
        if phrases:
            keys = word_keys(text[s:e])
            out += [(p.lower(), keys) for p in phrases]
    return frozenset(out)


def article_writes(
    details: frozenset[tuple[str, frozenset[str]]], phrase: str, fillers: list[str]
) -> bool:
    """Whether the article's "preposition + name" phrases (`details`, article_details)
    hold `phrase` in a sentence that also holds a word of every one of `fillers` (the slot
    fillers of the summary's statement; their first four letters): what the article says
    is no replaced name."""
    from harness.text import word_keys

    said = phrase.lower()
    filled = [k for x in fillers if (k := word_keys(x))]
    return any(p == said and all(k & keys for k in filled) for p, keys in details)


def with_article_names(factset: FactSet, article: str | None) -> FactSet:
    """`factset` with every fact carrying its article's names and "preposition + name"
    phrases (unchanged without an article)."""
    if not article or not article.strip():
        return factset
    names = article_names(article)
    details = article_details(article)
    if not names and not details:
        return factset
    return replace(
        factset,
        facts=tuple(replace(f, source_names=names, source_details=details) for f in factset.facts),
    )


def names_digest(factset: FactSet) -> str:
    """A digest of the names and phrases its facts carry, for the verdict cache's key ("" for
    none)."""
    names = {n for f in factset.facts for n in f.source_names}
    details = {f"{p}\t{' '.join(sorted(k))}" for f in factset.facts for p, k in f.source_details}
    if not names and not details:
        return ""
    data = "\n".join(sorted(names)) + "\n\n" + "\n".join(sorted(details))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


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
