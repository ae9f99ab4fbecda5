"""Scoring a dataset: the run that ties loading, the metric families and results together.

A `Scorer` holds one instance of each chosen family (`harness.metrics`) for a run and
scores candidates chunk by chunk: every family scores the chunk (from the per-candidate
cache where the family has a cache key), and each candidate's results are gathered into a
`CandidateResult`. A failure of one family on one candidate fails that candidate only.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness import __version__
from harness.errors import ConfigError
from harness.loading import Candidate, Dataset, Document, LoadFailure
from harness.metrics import MetricFamily, RunContext, ScoreError, families
from harness.results import CandidateResult, RunResult, Summary

BUILTIN_METRICS = ("rouge", "embedding", "facts")
CHUNK = 1024


def package_version(pkg: str) -> str:
    import importlib.metadata as md

    try:
        return md.version(pkg)
    except md.PackageNotFoundError:
        return "none"


SIGNATURE_LISTED = 20  # documents named one by one in a signature part; more are digested


def signature_listing(entries: list[str]) -> str:
    """`a=1,b=2` for a few documents; for more (pair-level data: one per example) their
    count and a digest of the whole listing, `1000docs@<sha256[:12]>`, so the signature
    stays short yet differs whenever one entry does."""
    if len(entries) <= SIGNATURE_LISTED:
        return ",".join(entries)
    import hashlib

    joined = "\x00".join(entries).encode("utf-8", "surrogatepass")
    return f"{len(entries)}docs@{hashlib.sha256(joined).hexdigest()[:12]}"


@dataclass(frozen=True)
class RunConfig:
    metrics: tuple[str, ...] = BUILTIN_METRICS  # family names (harness.metrics)
    use_stemmer: bool = False  # rouge-score, evaluate and torchmetrics do not stem by default
    tokenizer: str = "default"
    lsum_split: str = "newline"  # rougeLsum sentences: newline (rouge-score), sentences, both
    model: str = "all-MiniLM-L6-v2"
    device: str = "cpu"
    batch_size: int = 64
    cache_dir: Path | None = None
    use_cache: bool = True
    workers: int = 1  # processes for the facts matcher (pure Python); ROUGE is native-threaded
    options: Mapping[str, Any] = field(default_factory=dict)  # settings of outside families

    def __post_init__(self) -> None:
        known = families()
        unknown = [m for m in self.metrics if m not in known]
        if unknown:
            raise ConfigError(f"unknown metric {unknown[0]!r} (choose from {', '.join(known)})")
        if self.tokenizer not in ("default", "unicode"):
            raise ConfigError(f"unknown tokenizer {self.tokenizer!r} (default, unicode)")
        if self.lsum_split not in ("newline", "sentences", "both"):
            raise ConfigError(
                f"unknown rougeLsum split {self.lsum_split!r} (newline, sentences, both)"
            )
        if self.workers < 1:
            raise ConfigError(f"--workers must be at least 1, not {self.workers}")
        if not re.fullmatch(r"cpu|auto|cuda(?::\d+)?", self.device):
            raise ConfigError(f"unknown device {self.device!r} (cpu, cuda, auto)")


@dataclass
class Scorer:
    """Holds the metric families for one run; scores candidates chunk by chunk."""

    documents: dict[str, Document]
    config: RunConfig = field(default_factory=RunConfig)
    encoder: object | None = None  # an Encoder; built lazily from config.model when None
    on_progress: Callable[[int], None] | None = None

    def __post_init__(self) -> None:
        self.context = RunContext(self.config, self.encoder)
        chosen = [f for name, f in families().items() if name in self.config.metrics]
        self.families: dict[str, MetricFamily] = {}
        try:
            for cls in chosen:
                self.families[cls.name] = cls(self.documents, self.context)
        except BaseException:
            self.close(abort=True)
            raise
        self.encoder = self.context.encoder

    def signature(self) -> str:
        """A string naming every setting behind the numbers (in the spirit of sacrebleu)."""
        nrefs = signature_listing(
            [f"{d}={len(doc.references)}" for d, doc in self.documents.items()]
        )
        parts = [f"harness:{__version__}", f"nrefs:{nrefs}"]
        for fam in self.families.values():
            parts += fam.signature()
        return "|".join(parts)

    def settings(self) -> dict:
        """The settings block of a report (JSON `settings`)."""
        c = self.config
        out = {
            "metrics": list(c.metrics),
            "stemmer": c.use_stemmer,
            "tokenizer": c.tokenizer,
            "lsum_split": c.lsum_split,
            "model": c.model if "embedding" in c.metrics else None,
            "documents": sorted(self.documents),
        }
        for fam in self.families.values():
            out.update(fam.settings())
        return out

    # ------------------------------------------------------------------ scoring
    def score_chunk(self, items: list[Candidate | LoadFailure]) -> list[CandidateResult]:
        ok = [c for c in items if isinstance(c, Candidate)]
        scored, share = {}, {}
        for name, fam in self.families.items():
            started = time.perf_counter()
            scored[name] = self._score_family(fam, ok)
            done = sum(r is not None for r in scored[name])
            share[name] = (time.perf_counter() - started) / max(1, done)
        at = {id(c): i for i, c in enumerate(ok)}
        out = []
        for item in items:
            if isinstance(item, LoadFailure):
                out.append(CandidateResult(item.id, item.path, item.document, "error", item.error))
                continue
            i = at[id(item)]
            scores = {
                name: results[i] for name, results in scored.items() if results[i] is not None
            }
            failed = next((r for r in scores.values() if isinstance(r, ScoreError)), None)
            if failed is not None:
                out.append(CandidateResult(item.id, item.path, item.document, "error", str(failed)))
                continue
            warnings = list(item.warnings)
            for name, result in scores.items():
                warnings += self.families[name].warnings(item, result)
            seconds = sum(share[name] for name in scores)
            out.append(
                CandidateResult(
                    item.id, item.path, item.document, "ok", None, scores, tuple(warnings), seconds
                )
            )
        if self.on_progress is not None:
            self.on_progress(len(items))
        return out

    def _score_family(self, fam: MetricFamily, cands: list[Candidate]) -> list[Any]:
        """One result (or ScoreError, or None where the family does not apply) per candidate;
        from the cache where the family has a cache key, fresh results stored back."""
        out: list[Any] = [None] * len(cands)
        jobs = [i for i, c in enumerate(cands) if fam.applies(c)]
        cache = self.context.cache() if type(fam).cache_key is not MetricFamily.cache_key else None
        keys: dict[int, str] = {}
        if cache is not None and jobs:
            keys = {
                i: f"{fam.name}:{k}" for i in jobs if (k := fam.cache_key(cands[i])) is not None
            }
            hits = cache.get_json_many(keys.values())
            for i, k in keys.items():
                stored = hits.get(k)
                if stored is not None:
                    out[i] = fam.cache_load(stored)  # None when damaged: recomputed
        todo = [i for i in jobs if out[i] is None]
        if todo:
            fresh = fam.score([cands[i] for i in todo])
            for i, r in zip(todo, fresh, strict=True):
                out[i] = r
            if keys:
                cache.put_json_many(  # type: ignore[union-attr]
                    {
                        keys[i]: fam.cache_dump(out[i])
                        for i in todo
                        if i in keys and not isinstance(out[i], ScoreError)
                    }
                )
        return out

    def iter_results(self, items: Iterable[Candidate | LoadFailure]) -> Iterator[CandidateResult]:
        yield from (r for chunk in self.iter_chunks(items) for r in chunk)

    def iter_chunks(
        self, items: Iterable[Candidate | LoadFailure]
    ) -> Iterator[list[CandidateResult]]:
        """Scored chunks of `CHUNK` candidates: what the pipeline consumes (an engine that
        scores elsewhere yields the same)."""
        chunk: list[Candidate | LoadFailure] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= CHUNK:
                yield self.score_chunk(chunk)
                chunk = []
        if chunk:
            yield self.score_chunk(chunk)

    def close(self, abort: bool = False) -> None:
        """Release the families (worker processes: killed at once with `abort`) and the cache."""
        for fam in getattr(self, "families", {}).values():
            fam.close(abort)
        self.context.close()


class SummaryBuilder:
    """Running means and each family's aggregates, so a streamed run keeps no results."""

    def __init__(self) -> None:
        self.total = self.scored = self.errors = 0
        self._sums: dict[str, float] = {}
        self._counts: dict[str, int] = {}
        self._aggregates: dict[str, Any] = {}

    def add(self, r: CandidateResult) -> None:
        self.total += 1
        if r.status != "ok":
            self.errors += 1
            return
        self.scored += 1
        regs = families()
        for fam, result in r.scores.items():
            cls = regs[fam]
            for name, value in cls.values(result).items():
                self._sums[name] = self._sums.get(name, 0.0) + value
                self._counts[name] = self._counts.get(name, 0) + 1
            if fam not in self._aggregates:
                self._aggregates[fam] = cls.aggregate()
            if self._aggregates[fam] is not None:
                self._aggregates[fam].add(result)

    def build(self) -> Summary:
        from harness.metrics import ordered

        means = {k: self._sums[k] / self._counts[k] for k in ordered(self._sums)}
        extra: dict[str, Any] = {}
        for name in families():
            agg = self._aggregates.get(name)
            if agg is not None:
                extra.update(agg.build())
        return Summary(self.total, self.scored, self.errors, means, extra)


def summarize(results: Iterable[CandidateResult]) -> Summary:
    """Means over scored candidates and the families' aggregates (also for merged shards)."""
    builder = SummaryBuilder()
    for r in results:
        builder.add(r)
    return builder.build()


def score(
    dataset: Dataset,
    config: RunConfig | None = None,
    encoder: object | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> RunResult:
    """Score every candidate of a dataset; the library's one-call entry point."""
    config = config or RunConfig()
    scorer = Scorer(dataset.documents, config, encoder, on_progress)
    try:
        results = tuple(scorer.iter_results(dataset.candidates))
    except BaseException:
        scorer.close(abort=True)
        raise
    scorer.close()
    return RunResult(results, summarize(results), scorer.signature(), scorer.settings())
