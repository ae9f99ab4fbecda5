"""Frozen result records and their stable JSON shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from harness.matcher import FactsResult
from harness.rouge import ROUGE_TYPES, RougeResult


@dataclass(frozen=True)
class EmbeddingResult:
    max: float  # best cosine over references
    mean: float  # mean cosine over references
    article: float  # cosine to the source article


@dataclass(frozen=True)
class CandidateResult:
    id: str
    path: str
    document: str | None
    status: str  # "ok" or "error"
    error: str | None = None
    rouge: RougeResult | None = None
    embedding: EmbeddingResult | None = None
    facts: FactsResult | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    candidates: int
    scored: int
    errors: int
    means: dict[str, float] = field(default_factory=dict)
    fact_rates: dict[str, dict[str, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class RunResult:
    candidates: tuple[CandidateResult, ...]
    summary: Summary
    signature: str
    settings: dict[str, Any] = field(default_factory=dict)


def _r(x: float) -> float:
    """Round for output so JSON is byte-stable across platforms and runs."""
    return round(float(x), 6)


def _prf_dict(prf_map) -> dict[str, dict[str, float]]:
    return {
        t: {
            "precision": _r(prf_map[t].precision),
            "recall": _r(prf_map[t].recall),
            "fmeasure": _r(prf_map[t].fmeasure),
        }
        for t in ROUGE_TYPES
    }


def candidate_to_dict(c: CandidateResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": c.id,
        "path": c.path,
        "document": c.document,
        "status": c.status,
        "error": c.error,
        "warnings": list(c.warnings),
        "rouge": _prf_dict(c.rouge.best) if c.rouge else None,
        "rouge_mean": _prf_dict(c.rouge.mean) if c.rouge else None,
        "embedding": (
            {
                "max": _r(c.embedding.max),
                "mean": _r(c.embedding.mean),
                "article": _r(c.embedding.article),
            }
            if c.embedding
            else None
        ),
        "facts": None,
    }
    if c.facts is not None:
        f = c.facts
        out["facts"] = {
            "coverage": _r(f.coverage),
            "present": f.present,
            "absent": f.absent,
            "contradicted": f.contradicted,
            "results": [
                {
                    "id": r.id,
                    "verdict": r.verdict,
                    "evidence": r.evidence,
                    "span": list(r.span) if r.span else None,
                    "confidence": _r(r.confidence),
                }
                for r in f.results
            ],
        }
    return out


def summary_to_dict(s: Summary) -> dict[str, Any]:
    return {
        "candidates": s.candidates,
        "scored": s.scored,
        "errors": s.errors,
        "means": {k: _r(v) for k, v in s.means.items()},
        "fact_rates": {
            fact: {v: _r(x) for v, x in rates.items()} for fact, rates in s.fact_rates.items()
        },
    }


def run_to_dict(run: RunResult) -> dict[str, Any]:
    return {
        "signature": run.signature,
        "settings": run.settings,
        "summary": summary_to_dict(run.summary),
        "candidates": [candidate_to_dict(c) for c in run.candidates],
    }
