"""Whether the article supports each specific of a candidate (harness.grounding): a
number stated about the same thing, a name through its parts, aliases and spellings, a
weekday or month, a quote in the article's word order. Each unsupported one is a Flag with
the closest article sentence as evidence."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import replace

from harness.grounding_implied import rank_supported
from harness.grounding_lexicon import ALIAS_GROUPS, american
from harness.grounding_names import join_split, slipped_name, spelled_like
from harness.grounding_people import unsupported_parts
from harness.grounding_spans import (
    Specific,
    calendar_words,
    content_stems,
    entities,
    numbers,
    quote_found,
    quotes,
    stem,
    value_matches,
    value_windows,
    words,
)
from harness.grounding_types import ArticleAnalysis, Flag, NumberSite


def same_values(sp: Specific, a: ArticleAnalysis) -> list[tuple[float, NumberSite]]:
    """The article's values that `sp` states (`value_matches`), found through the sorted
    index instead of a comparison with every number of the article."""
    out = {}
    for lo, hi in value_windows(sp):
        i = bisect.bisect_left(a.number_values, lo)
        j = bisect.bisect_right(a.number_values, hi)
        for v in a.number_values[i:j]:
            if v not in out and value_matches(sp, v):
                out[v] = a.number_sites[v]
    return list(out.items())


def _word_known(w: str, a: ArticleAnalysis) -> bool:
    w = american(w)
    if w in a.vocabulary or stem(w) in a.stems:
        return True
    if len(w) >= 5:  # "Canadian" / "Canada", "Mexican" / "Mexico"
        for other in a.prefixes.get(w[:5], ()):
            common = len(_common_prefix(w, other))
            if common >= max(5, min(len(w), len(other)) - 2):
                return True
    return False


def _common_prefix(x: str, y: str) -> str:
    n = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        n += 1
    return x[:n]


def _alias_known(phrase: str, a: ArticleAnalysis) -> bool:
    return any(phrase in group and gi in a.groups for gi, group in enumerate(ALIAS_GROUPS))


def _entity_supported(sp: Specific, a: ArticleAnalysis) -> bool:
    key = sp.key
    phrase = " ".join(key)
    if _alias_known(phrase, a) or (len(key) >= 2 and "".join(w[0] for w in key) in a.vocabulary):
        return True
    if slipped_name(key, a.implied.names):
        return True
    return all(
        _word_known(w, a) or _alias_known(w, a) or w in a.acronyms or spelled_like(w, a.names)
        for w in join_split(key, lambda w: w in a.vocabulary or spelled_like(w, a.names))
    )


def entity_flags(
    sp: Specific, candidate: str, sentence_stems: set[str], a: ArticleAnalysis
) -> list[Flag]:
    """A flag for each part of a name the article does not support (harness.grounding_people:
    a run is cut into the names glued in it, a fuller name of a person or a club the article
    names is supported)."""
    parts = unsupported_parts(sp, lambda p: _entity_supported(p, a), a.people)
    if not parts:
        return []
    best = _best_sentence(sentence_stems, a)
    return [
        replace(
            _flag(p, f"the article never names {p.text}", best, a),
            text=candidate[p.start : p.end],
        )
        for p in parts
    ]


def _best_sentence(stems: set[str], a: ArticleAnalysis) -> int:
    import numpy as np

    if not stems:
        return 0
    scores = [len(stems & s) for s in a.sentence_stems]
    return int(np.argmax(scores))


def check_specific(sp: Specific, sentence_stems: set[str], a: ArticleAnalysis) -> Flag | None:
    """None when the article supports the specific, else the flag that says why."""
    if sp.kind in ("number",) or (sp.kind == "date" and sp.value is not None):
        same = same_values(sp, a)
        if not same:
            if rank_supported(sp, sentence_stems, a.implied, a.sentence_stems):
                return None  # "2nd" in the article's "top three"
            best = _best_sentence(sentence_stems, a)
            return _flag(sp, f"the article states no {sp.text.strip()}", best, a)
        around = sentence_stems - content_stems(sp.text)  # what the number is said of
        if not around or sp.kind == "date" or any(sp.unit in site.units for _, site in same):
            return None  # a year the article states; the same count ("four years")
        if any(around & site.window_stems for _, site in same):
            return None
        first = min(site.sentences[0] for _, site in same)
        return _flag(sp, f"the article states {sp.text.strip()} about something else", first, a)
    if sp.kind == "date":
        if american(sp.key[0]) in a.vocabulary or sp.key[0] in a.implied.days:
            return None
        return _flag(sp, f"the article never names {sp.text}", _best_sentence(sentence_stems, a), a)
    if sp.kind == "entity":  # judged part by part: `entity_flags`
        return None
    if sp.kind == "quote":
        toks = [w for _, _, w in words(sp.text)]
        pairs = list(itertools.pairwise(toks))
        if not pairs or quote_found(sp.text, a.letters):
            return None
        found = sum(p in a.word_bigrams for p in pairs) / len(pairs)
        return _flag(
            sp,
            "the article does not have these words in this order "
            f"({found:.0%} of their word pairs found)",
            _best_sentence(content_stems(sp.text), a),
            a,
        )
    return None


def _flag(sp: Specific, reason: str, sentence: int, a: ArticleAnalysis) -> Flag:
    s, e = a.spans[sentence]
    return Flag(sp.kind, sp.text, (sp.start, sp.end), reason, a.text[s:e], (s, e))


def specifics(text: str, spans: list[tuple[int, int]]) -> list[Specific]:
    """Every specific of `text`, numbers first where two overlap."""
    found = numbers(text) + calendar_words(text) + quotes(text)
    ents = entities(text, {s for s, _ in spans})
    taken = [(x.start, x.end) for x in found if x.kind != "quote"]
    for e in ents:
        if not any(s < e.end and e.start < t for s, t in taken):
            found.append(e)
    return sorted(found, key=lambda x: (x.start, x.end))
