"""ROUGE: rouge1, rouge2, rougeL and rougeLsum, exactly as rouge-score computes them.

Scores come from `rouge-score-rs`, a native engine whose numbers the test
suite checks against google-research's `rouge-score` (the reference) on
thousands of generated pairs. rougeLsum's sentences are the text's lines, as in
rouge-score (`newline`, the default), or sentences found by the splitter (see
`harness.text`) within each line (`both`) or within each paragraph, line breaks
ignored (`sentences`); rouge1/2/L ignore line breaks, so only rougeLsum depends
on the choice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from harness.text import sentence_spans

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
TokenizerName = Literal["default", "unicode"]
LsumSplit = Literal["newline", "sentences", "both"]
LSUM_SPLITS = ("newline", "sentences", "both")


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    fmeasure: float


@dataclass(frozen=True)
class RougeResult:
    """Best reference per type (rouge-score's `score_multi` rule) and the mean over references."""

    best: dict[str, PRF]
    mean: dict[str, PRF]


NON_ASCII_WARNING = (
    "most letters are non-ASCII and ignored by the default tokenizer; try --tokenizer unicode"
)
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def dropped_letter_share(text: str) -> float:
    """Share of the letters of `text` (any script) that rouge-score's default tokenizer drops.

    The default tokenizer keeps only ASCII letters and digits, so Cyrillic, Thai or
    Devanagari text scores 0 and "Cristóbal" becomes "cristbal".
    """
    if text.isascii():  # every letter is an ASCII one: nothing dropped (the common case)
        return 0.0
    letters = sum(map(str.isalpha, text))
    if not letters:
        return 0.0
    return 1.0 - len(_ASCII_LETTER.findall(text)) / letters


def prepare(text: str, split: LsumSplit = "newline") -> str:
    """The text rouge-score is given: one rougeLsum sentence per line.

    `newline`: the text as it is (rouge-score splits on "\\n" and drops empty lines).
    `sentences`: the splitter's sentences of each paragraph, line breaks inside a paragraph
    ignored. `both`: every line break is a boundary and every line is split into sentences.
    No character is dropped (bullet markers and numbers stay with their sentence), only
    line breaks move, so rouge1/2/L equal rouge-score on the raw text exactly.
    """
    if split == "newline":
        return text
    if split == "both":
        return "\n".join(_sentence_lines(line) for line in text.split("\n") if line.strip())
    if split == "sentences":
        return _sentence_lines(text)
    raise ValueError(f"unknown rougeLsum split {split!r} (choose from {', '.join(LSUM_SPLITS)})")


def _sentence_lines(text: str) -> str:
    """`text` one splitter sentence per line, line breaks inside a sentence as spaces."""
    spans = sentence_spans(text)
    if not spans:
        return text.replace("\n", " ")
    cuts = [0] + [s for s, _ in spans[1:]] + [len(text)]
    return "\n".join(text[a:b].replace("\n", " ").strip() for a, b in pairwise(cuts))


class RougeMetric:
    def __init__(self, use_stemmer: bool = False, tokenizer: TokenizerName = "default") -> None:
        from rouge_score_rs import RougeScorer
        from rouge_score_rs.tokenizers import DefaultTokenizer, UnicodeTokenizer

        if tokenizer == "default":
            tok = DefaultTokenizer(use_stemmer)
        elif tokenizer == "unicode":
            # Letters of every script, case-folded; the Porter stemmer is English-only.
            tok = UnicodeTokenizer()
            use_stemmer = False
        else:
            raise ValueError(f"unknown tokenizer {tokenizer!r}")
        self.use_stemmer = use_stemmer
        self.tokenizer = tokenizer
        self._scorer = RougeScorer(list(ROUGE_TYPES), use_stemmer=use_stemmer, tokenizer=tok)

    def score_many(self, candidates: Sequence[str], references: Sequence[str]) -> list[RougeResult]:
        """Score each prepared candidate against every prepared reference."""
        n_refs = len(references)
        if n_refs == 0:
            raise ValueError("at least one reference is required")
        targets = [r for _ in candidates for r in references]
        predictions = [c for c in candidates for _ in references]
        flat = self._scorer.score_batch(targets, predictions)
        return [_combine(flat[i * n_refs : (i + 1) * n_refs]) for i in range(len(candidates))]


def _combine(per_ref: list[dict]) -> RougeResult:
    best: dict[str, PRF] = {}
    mean: dict[str, PRF] = {}
    n = len(per_ref)
    for t in ROUGE_TYPES:
        scores = [s[t] for s in per_ref]
        # rouge-score's score_multi: the first reference with the highest F wins.
        top = max(range(n), key=lambda i: scores[i].fmeasure)
        b = scores[top]
        best[t] = PRF(b.precision, b.recall, b.fmeasure)
        mean[t] = PRF(
            sum(s.precision for s in scores) / n,
            sum(s.recall for s in scores) / n,
            sum(s.fmeasure for s in scores) / n,
        )
    return RougeResult(best, mean)
