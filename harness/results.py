"""Frozen result records and their stable JSON shape."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.errors import ConfigError
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


# ---------------------------------------------------------------- reading reports


def read_text_file(path: Path, what: str) -> str:
    """A UTF-8 (BOM allowed) file the user named; a one-line ConfigError when unreadable."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{what} not found", path) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{what} is not UTF-8 text", path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read {what}: {exc.strerror or exc}", path) from None


def iter_json_lines(text: str, path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, object) for every non-blank JSONL line; a broken line names its number."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"invalid JSON ({exc.msg})", path, number) from None
        except RecursionError:
            raise ConfigError("JSON nested too deeply", path, number) from None


def load_report(path: Path | str) -> dict[str, Any]:
    """A `harness score --format json` or `--format jsonl` report as the JSON dict.

    For JSONL, candidate lines become `candidates` and the last line's `summary`,
    `signature`, `settings` and `gate` are kept. A ConfigError when it is not a report.
    """
    path = Path(path)
    text = read_text_file(path, "report")
    try:
        data = json.loads(text)
    except RecursionError:
        raise ConfigError("JSON nested too deeply", path) from None
    except json.JSONDecodeError:
        candidates: list[Any] = []
        tail: dict[str, Any] = {}
        for _, obj in iter_json_lines(text, path):
            if isinstance(obj, dict) and "signature" in obj and "id" not in obj:
                tail = obj
            else:
                candidates.append(obj)
        data = {**tail, "candidates": candidates}
    if not isinstance(data, dict) or not isinstance(data.get("candidates"), list):
        raise ConfigError(
            'not a harness JSON report (expected an object with "candidates"; '
            "write one with `harness score --format json`)",
            path,
        )
    data.setdefault("signature", "")
    return data
