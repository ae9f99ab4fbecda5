"""One pipeline for every run: scored chunks -> summary -> gate -> baseline comparison.

Both the in-memory run (every format) and the streamed one (JSONL out while candidates
stream in) go through `finish_run`; so does the library (`evaluate`). It takes an
iterable of scored chunks (lists of `CandidateResult`), so the engine that scores them
is swappable: the local `harness.run.Scorer`, or one that scores elsewhere and yields
the same chunks. A summary and a gate are recomputable from a list of results alone
(`finish_run([results], ...)`), which is what merging shards needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from harness.errors import HarnessError
from harness.results import CandidateResult, RunResult

DEFAULT_RESAMPLES = 10_000
MAX_FAILURES_STREAMED = 1000  # failed checks a streamed run keeps in detail


@dataclass(frozen=True)
class Outcome:
    """A finished run: results, its gate, its comparison with a baseline, and the verdict."""

    run: RunResult
    gate: Any = None  # harness.gate.GateResult
    comparison: Any = None  # harness.compare.Comparison
    gated: list[str] | None = None  # metrics a regression fails on (None: all)
    fail_on_regression: bool = False

    def extra(self) -> dict[str, Any]:
        """The report's top-level `gate` and `comparison` objects."""
        out: dict[str, Any] = {}
        if self.gate is not None:
            from harness.gate import gate_to_dict

            out["gate"] = gate_to_dict(self.gate)
        if self.comparison is not None:
            from harness.compare import comparison_to_dict

            out["comparison"] = comparison_to_dict(
                self.comparison, self.gated, self.fail_on_regression
            )
        return out

    @property
    def regressed(self) -> bool:
        c = self.comparison
        if c is None or not self.fail_on_regression:
            return False
        return bool(c.regressions(self.gated)) or not c.matched

    @property
    def failed(self) -> bool:
        """Exit 1: a candidate not scored, the gate failed, or a gated regression."""
        gate_failed = self.gate is not None and not self.gate.passed
        return bool(self.run.summary.errors or gate_failed or self.regressed)


def gated_metrics(gate_config: Any) -> list[str] | None:
    """The metrics a regression check gates on: those with thresholds, else all (None)."""
    return list(gate_config.metrics) if gate_config and gate_config.thresholds else None


def finish_run(
    chunks: Iterable[list[CandidateResult]],
    signature: Callable[[], str],
    settings: Callable[[], dict[str, Any]],
    documents: Mapping[str, Any] | None = None,
    gate_config: Any = None,
    *,
    keep: bool = True,
    on_result: Callable[[CandidateResult], None] | None = None,
    baseline: Mapping[str, Any] | None = None,
    baseline_path: str | None = None,
    fail_on_regression: bool = False,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
    source: Any = None,
    gated: Any = "auto",
    allow_empty: bool = False,
) -> Outcome:
    """Summarise, gate and compare scored chunks.

    `keep=False` (streamed runs): results are passed to `on_result` and dropped, the gate
    keeps only failed and skipped checks, so memory stays flat. A comparison with
    `baseline` needs the results kept. `signature` and `settings` are called once the
    chunks are consumed (an engine may only know them then).
    """
    from harness.gate import GateAccumulator
    from harness.metrics import families
    from harness.run import SummaryBuilder

    builder = SummaryBuilder()
    acc = None
    if gate_config is not None:
        computed = set(settings().get("metrics") or families())
        acc = GateAccumulator(
            gate_config,
            documents,
            computed,
            keep_checks=keep,
            max_failures=None if keep else MAX_FAILURES_STREAMED,
        )
    kept: list[CandidateResult] = []
    for chunk in chunks:
        for result in chunk:
            builder.add(result)
            if acc is not None:
                acc.add(result)
            if on_result is not None:
                on_result(result)
            if keep:
                kept.append(result)
    if builder.total == 0 and not allow_empty:  # a shard may hold no candidate
        raise HarnessError("no candidates found (expected .txt/.md files or JSONL lines)", source)
    summary = builder.build()
    run = RunResult(tuple(kept), summary, signature(), settings())
    gate = acc.finish(summary.means) if acc is not None else None
    comparison = None
    if gated == "auto":
        gated = gated_metrics(gate_config)
    if baseline is not None:
        from harness.compare import compare_reports
        from harness.results import run_to_dict

        comparison = replace(
            compare_reports(baseline, run_to_dict(run), resamples, seed),
            baseline_path=baseline_path,
        )
    return Outcome(run, gate, comparison, gated, fail_on_regression)


def evaluate(
    dataset: Any,
    config: Any = None,
    gate_config: Any = None,
    *,
    baseline: Mapping[str, Any] | None = None,
    encoder: object | None = None,
    on_progress: Callable[[int], None] | None = None,
    **options: Any,
) -> Outcome:
    """Score a dataset, then summary, gate and comparison: the library's whole run.

    `gate_config` is a `harness.gate.GateConfig` (`harness.config.load_gate_config` reads
    one from files); `baseline` a report dict (`harness.load_report`). `options` go to
    `finish_run` (fail_on_regression, resamples, seed).
    """
    from harness.engines import make_engine
    from harness.run import RunConfig

    scorer = make_engine(dataset.documents, config or RunConfig(), encoder, on_progress)
    try:
        outcome = finish_run(
            scorer.iter_chunks(dataset.candidates),
            scorer.signature,
            scorer.settings,
            dataset.documents,
            gate_config,
            baseline=baseline,
            **options,
        )
    except BaseException:
        scorer.close(abort=True)  # no worker outlives Ctrl-C, SIGTERM or an error
        raise
    scorer.close()
    return outcome
