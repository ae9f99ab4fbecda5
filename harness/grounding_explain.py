"""`harness explain --grounding`: why each specific and sentence of one candidate was judged
supported by its article or not.

The verdicts are the engine's (`harness.grounding.ground`); this module only lays them
out: every specific the engine checked (numbers, dates, names, quotes) with its verdict,
the reason and the article sentence that supports it (or the closest one), then every
wrong actor and broken sentence with its reason, then every sentence with its support
(words, word pairs, embedding when used) against the floor and its best article
sentence, then how the score was made.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from harness.grounding import (
    GroundingResult,
    GroundingSettings,
    SentenceAlignment,
    analyse_article,
    ground,
    specifics,
)
from harness.grounding_implied import implied_reason
from harness.grounding_spans import numbers, words
from harness.text import fold_keep_offsets, sentence_spans


@dataclass(frozen=True)
class SpecificVerdict:
    """One specific of the candidate: supported or not, why, and the article sentence."""

    kind: str  # number | date | entity | quote
    text: str
    span: tuple[int, int]
    supported: bool
    reason: str
    evidence: str | None
    evidence_span: tuple[int, int] | None


@dataclass(frozen=True)
class GroundingExplanation:
    result: GroundingResult
    specifics: tuple[SpecificVerdict, ...]
    sentences: tuple[SentenceAlignment, ...]
    settings: GroundingSettings


def _sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in spans if s <= pos < e), None)


def _where_supported(kind: str, sp: Any, article: str, art_spans, art_numbers) -> tuple:
    """(reason, article sentence span or None) for a specific the engine found supported."""
    text = " ".join(sp.text.split())
    if sp.value is not None:
        for n in art_numbers:
            close = n.value is not None and math.isclose(n.value, sp.value, rel_tol=1e-9)
            if close:
                at = _sentence_at(art_spans, n.start)
                same = "" if n.text == sp.text else f" (as {n.text!r})"
                return f"the article states {text}{same}, about the same thing", at
        return f"the article states {text} (rounded as written)", None
    lower = article.lower()
    keys = list(getattr(sp, "key", ()) or [w for _, _, w in words(sp.text)])
    # the whole phrase first, then its words from the last (a surname, the head noun)
    for key in [text, *reversed(keys)]:
        pos = _find_word(lower, key.lower())
        if pos is not None:
            at = _sentence_at(art_spans, pos)
            if kind == "quote":
                return "the article has these words", at
            how = "names it" if key == text else f"names it (found {key!r})"
            return f"the article {how}", at
    if kind == "quote":
        return "the article has most of these words in this order", None
    return "the article names it through an alias, acronym or spelling variant", None


def _find_word(lower_text: str, word: str) -> int | None:
    start = 0
    while True:
        i = lower_text.find(word, start)
        if i < 0:
            return None
        before = lower_text[i - 1] if i else " "
        after = lower_text[i + len(word)] if i + len(word) < len(lower_text) else " "
        if not before.isalnum() and not after.isalnum():
            return i
        start = i + 1


def explain_grounding(
    candidate: str,
    article: str,
    *,
    encoder=None,
    cache=None,
    model_key: str | None = None,
    settings: GroundingSettings | None = None,
) -> GroundingExplanation:
    """Ground `candidate` in `article` and give every specific's and sentence's verdict."""
    settings = settings or GroundingSettings()
    analysis = analyse_article(article, encoder, cache, model_key)  # once: ground reads it too
    result = ground(
        candidate,
        analysis=analysis,
        encoder=encoder,
        cache=cache,
        model_key=model_key,
        settings=settings,
    )
    text = fold_keep_offsets(candidate)
    folded_article = fold_keep_offsets(article)
    art_spans = analysis.spans
    art_numbers = numbers(folded_article, article=True)
    flagged = {tuple(f.span): f for f in result.flags if f.kind != "sentence"}
    implied = analysis.implied
    out = []
    spans = sentence_spans(text)
    for sp in specifics(text, spans):
        span = (sp.start, sp.end)
        shown = candidate[sp.start : sp.end]
        flag = flagged.get(span)
        parts = [f for f in flagged.values() if f.kind == "entity" and sp.kind == "entity"]
        parts = [f for f in parts if sp.start <= f.span[0] and f.span[1] <= sp.end]
        if flag is None and parts:  # a name cut into parts: its unsupported parts
            for f in parts:
                out.append(
                    SpecificVerdict(
                        f.kind, f.text, f.span, False, f.reason, f.evidence, f.evidence_span
                    )
                )
            continue
        if flag is not None:
            out.append(
                SpecificVerdict(
                    sp.kind, shown, span, False, flag.reason, flag.evidence, flag.evidence_span
                )
            )
            continue
        reason, at = _where_supported(sp.kind, sp, folded_article, art_spans, art_numbers)
        if at is None:  # not written out: counted ("the next day"), ranked or named two
            reason = implied_reason(sp, text, spans, implied) or reason
        evidence = article[at[0] : at[1]] if at else None
        out.append(SpecificVerdict(sp.kind, shown, span, True, reason, evidence, at))
    return GroundingExplanation(result, tuple(out), tuple(result.alignment), settings)


# flags that lower the score without being an unsupported specific: shown apart
_OTHER_FLAGS = {"actor": "wrong actor", "fragment": "cut-off sentence", "repeat": "repeated word"}


def _how_scored(e: GroundingExplanation) -> str:
    r, st = e.result, e.settings
    base = min((x.support for x in e.sentences), default=1.0)
    n = r.unsupported_specifics
    parts = f"least supported sentence {base:.3f}" if e.sentences else "no sentence"
    if n:
        parts += f" x {1 - st.specific_penalty:g}^{n} for {n} unsupported specific{'s' * (n != 1)}"
    for kind, label in _OTHER_FLAGS.items():
        k = sum(f.kind == kind for f in r.flags)
        if k:
            parts += f" x {1 - st.specific_penalty:g}^{k} for {k} {label}{'s' * (k != 1)}"
    return parts


def explanation_to_dict(e: GroundingExplanation) -> dict[str, Any]:
    r = e.result
    return {
        "score": round(r.score, 6),
        "how": _how_scored(e),
        "unsupported": r.unsupported,
        "sentence_floor": e.settings.sentence_floor,
        "specifics": [
            {
                "kind": s.kind,
                "text": s.text,
                "span": list(s.span),
                "supported": s.supported,
                "reason": s.reason,
                "evidence": s.evidence,
                "evidence_span": list(s.evidence_span) if s.evidence_span else None,
            }
            for s in e.specifics
        ],
        "other_flags": [
            {
                "kind": f.kind,
                "text": f.text,
                "span": list(f.span),
                "reason": f.reason,
                "evidence": f.evidence,
                "evidence_span": list(f.evidence_span) if f.evidence_span else None,
            }
            for f in r.flags
            if f.kind in _OTHER_FLAGS
        ],
        "sentences": [
            {
                "text": x.text,
                "span": list(x.span),
                "supported": x.supported,
                "support": x.support,
                "lexical": x.lexical,
                "embedding": x.embedding,
                "evidence": x.evidence,
                "evidence_span": list(x.evidence_span) if x.evidence_span else None,
            }
            for x in e.sentences
        ],
    }


def _quote(s: str | None, limit: int = 220) -> str:
    if s is None:
        return "-"
    s = " ".join(s.split())
    return "“" + (s if len(s) <= limit else s[: limit - 1] + "…") + "”"


def render_explanation(e: GroundingExplanation) -> str:
    """Plain text: the score and how it was made, each specific, each sentence."""
    r = e.result
    lines = [
        f"grounding {r.score:.3f} ({_how_scored(e)})",
        f"  {r.unsupported_specifics} of {r.specifics} specifics and {r.unsupported_sentences} "
        f"of {r.sentences} sentences unsupported",
        "",
        "specifics (numbers, dates, names, quotes):",
    ]
    if not e.specifics:
        lines.append("  none found")
    for s in e.specifics:
        mark = "✓ supported" if s.supported else "✗ UNSUPPORTED"
        lines.append(f"  {mark} {s.kind} {_quote(s.text, 80)}: {s.reason}")
        label = "in" if s.supported else "closest"
        if s.evidence:
            lines.append(f"      {label}: {_quote(s.evidence)}")
    others = [f for f in r.flags if f.kind in _OTHER_FLAGS]
    if others:
        lines += ["", "wrong actors and broken sentences (they lower the score, not counted):"]
    for f in others:
        lines.append(f"  ✗ {_OTHER_FLAGS[f.kind]} {_quote(f.text, 80)}: {f.reason}")
        if f.evidence:
            lines.append(f"      article: {_quote(f.evidence)}")
    lines += ["", f"sentences (flagged below support {e.settings.sentence_floor:g}):"]
    for k, x in enumerate(e.sentences, 1):
        mark = "✓ supported" if x.supported else "✗ UNSUPPORTED"
        emb = f", embedding {x.embedding:.3f}" if x.embedding is not None else ""
        lines.append(f"  [{k}] {mark}: support {x.support:.3f} (words {x.lexical:.3f}{emb})")
        lines.append(f"      sentence: {_quote(x.text)}")
        lines.append(f"      best article sentence: {_quote(x.evidence)}")
    return "\n".join(lines).rstrip() + "\n"
