"""A fact verdict's result types and their cache rows, apart from the matcher itself, so a
rerun served from the cache builds keys and reads verdicts back without importing the
matcher (its compiled patterns) or the parser. `harness.matcher` re-exports all of it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from harness.facts import FactSet

Verdict = Literal["present", "absent", "contradicted"]


@dataclass(frozen=True)
class FactResult:
    id: str
    verdict: Verdict
    evidence: str | None
    span: tuple[int, int] | None
    confidence: float
    # when the summary both states and contradicts the fact: the losing reading
    other_verdict: Verdict | None = None
    other_evidence: str | None = None
    other_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class FactsResult:
    coverage: float
    present: int
    absent: int
    contradicted: int
    results: tuple[FactResult, ...]

    def get(self, fact_id: str) -> FactResult | None:
        for r in self.results:
            if r.id == fact_id:
                return r
        return None


@lru_cache(maxsize=1)
def engine_key() -> str:
    """What fact verdicts depend on besides the text and the facts file: this harness's
    matcher source (every harness module it imports, directly or not) and the parser (name
    and version), so a cached verdict is never served by another matcher or parser."""
    import hashlib
    from pathlib import Path

    from harness import __version__, syntax
    from harness.source_key import modules_of

    here = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for name in modules_of(here, ("matcher", "fact_results")):
        h.update((here / name).read_bytes())
    return f"{h.hexdigest()[:16]}|{syntax.parser_key()}"


def facts_cache_key(text: str, factset: FactSet) -> str:
    """The verdict cache's key for one candidate text against one facts file."""
    import hashlib

    from harness.source_names import names_digest

    names = names_digest(factset)
    data = f"facts\x00{engine_key()}\x00{factset.sha256}\x00{names}\x00{text}"
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def facts_result_to_json(r: FactsResult) -> dict:
    return {
        "coverage": r.coverage,
        "counts": [r.present, r.absent, r.contradicted],
        "results": [
            [
                x.id,
                x.verdict,
                x.evidence,
                x.span,
                x.confidence,
                x.other_verdict,
                x.other_evidence,
                x.other_span,
            ]
            for x in r.results
        ],
    }


def facts_result_from_json(d) -> FactsResult | None:
    """A stored verdict, or None when the row is damaged (then it is recomputed)."""
    try:
        results = []
        for rid, verdict, ev, span, conf, ov, oev, ospan in d["results"]:
            if verdict not in ("present", "absent", "contradicted"):
                return None
            results.append(
                FactResult(
                    rid,
                    verdict,
                    ev,
                    tuple(span) if span else None,
                    float(conf),
                    ov,
                    oev,
                    tuple(ospan) if ospan else None,
                )
            )
        present, absent, contradicted = (int(x) for x in d["counts"])
        return FactsResult(float(d["coverage"]), present, absent, contradicted, tuple(results))
    except (KeyError, TypeError, ValueError):
        return None
