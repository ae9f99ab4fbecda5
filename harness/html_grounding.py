"""The HTML report's grounding part of one candidate: its text with every span the article
does not support marked and numbered, and beside each its reason and the article sentence
closest to it. Built from the report's `candidates[].grounding` object; nothing is scored
here. The templates escape every piece (autoescape)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any


def _locate(text: str, flag: Mapping[str, Any], taken: list[tuple[int, int]]) -> tuple | None:
    """Where a flagged span is in `text`: its recorded span when the text there agrees,
    else its first occurrence not already marked (an edited file), else None."""
    want = str(flag.get("text") or "")
    span = flag.get("span")
    if not want:
        return None
    if isinstance(span, list | tuple) and len(span) == 2:
        s, e = int(span[0]), int(span[1])
        if 0 <= s < e <= len(text) and text[s:e] == want:
            return s, e
    start = 0
    while (i := text.find(want, start)) >= 0:
        if not any(a < i + len(want) and i < b for a, b in taken):
            return i, i + len(want)
        start = i + 1
    return None


def grounding_view(text: str | None, data: Any) -> dict[str, Any] | None:
    """What `_grounding.html.j2` shows for one candidate, or None without a grounding object."""
    if not isinstance(data, Mapping):
        return None
    flags = [f for f in data.get("flags") or [] if isinstance(f, Mapping)]
    shown = []
    marks: list[tuple[int, int, int]] = []  # (start, end, flag number)
    notes = []
    for n, f in enumerate(flags, 1):
        support = f.get("support")
        shown.append(
            {
                "n": n,
                "kind": str(f.get("kind") or ""),
                "text": str(f.get("text") or ""),
                "reason": str(f.get("reason") or ""),
                "evidence": str(f.get("evidence") or ""),
                "support": f"{float(support):.2f}" if isinstance(support, int | float) else None,
            }
        )
        if text is None:
            continue
        where = _locate(text, f, [(a, b) for a, b, _ in marks])
        if where is None:
            notes.append(f"flagged span {n} not found in the current text")
        else:
            marks.append((where[0], where[1], n))
    segments: list[dict[str, Any]] = []
    if text is not None:
        bounds = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
        for a, b in itertools.pairwise(bounds):
            covering = [m for m in marks if m[0] <= a and m[1] >= b]
            # a sentence flag may hold a number flag: the innermost (shortest) wins the colour
            inner = min(covering, key=lambda m: m[1] - m[0]) if covering else None
            ends = [m[2] for m in marks if m[1] == b]
            segments.append(
                {
                    "text": text[a:b],
                    "flag": inner[2] if inner else None,
                    "sentence": bool(inner) and shown[inner[2] - 1]["kind"] == "sentence",
                    "ends": ends,
                }
            )
    score = data.get("score")
    return {
        "score": f"{float(score):.3f}" if isinstance(score, int | float) else "n/a",
        "unsupported": data.get("unsupported", len(flags)),
        "specifics": (data.get("unsupported_specifics", 0), data.get("specifics", 0)),
        "sentences": (data.get("unsupported_sentences", 0), data.get("sentences", 0)),
        "flags": shown,
        "segments": segments,
        "notes": notes,
    }
