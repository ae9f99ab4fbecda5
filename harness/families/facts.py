"""The facts family: the required-facts checklist (coverage, contradicted) via harness.matcher.

Verdicts are checked in a process pool with `--workers N`, each candidate under one time
budget for `re:` phrasings (past it the candidate is an error, the others go on).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from harness.metrics import Aggregate, GateOption, Metric, MetricFamily, ScoreError

MIN_PARALLEL = 64  # below this many candidates a process pool costs more than it saves
VERDICTS = ("present", "absent", "contradicted")
SYMBOL = {"present": "✓", "absent": "✗", "contradicted": "⚠"}  # the one verdict-symbol table
_WORKER_FACTSETS: dict = {}
_SIGNALS = ("SIGINT", "SIGTERM")


def _r(x: float) -> float:
    return round(float(x), 6)


class FactsFamily(MetricFamily):
    name = "facts"
    metrics = (
        Metric("coverage", "Fact coverage", "coverage", "facts", column=False),
        Metric(
            "contradicted",
            "Contradicted facts",
            "contra",
            "facts",
            0.0,
            float("inf"),
            higher_is_better=False,
            count=True,
            column=False,
            chart=False,
        ),
    )
    gate_options = (
        GateOption(
            "--max-contradicted",
            "contradicted",
            "candidate",
            "Gate: most facts a candidate may contradict.",
        ),
        GateOption(
            "--max-mean-contradicted",
            "contradicted",
            "mean",
            "Gate: highest mean number of contradicted facts over the run.",
        ),
    )
    column = ("checklist", "facts")

    def __init__(self, documents, context) -> None:
        super().__init__(documents, context)
        self._pool = None

    def signature(self) -> list[str]:
        from harness.run import signature_listing
        from harness.syntax import parser_key

        hashes = signature_listing(
            [
                f"{d}={doc.facts.sha256[:12] if doc.facts else 'none'}"
                for d, doc in self.documents.items()
            ]
        )
        return [f"facts:{hashes}", f"parser:{parser_key()}"]

    def applies(self, candidate) -> bool:
        return self.documents[candidate.document].facts is not None

    def cache_key(self, candidate) -> str | None:
        from harness.fact_results import facts_cache_key

        return facts_cache_key(candidate.text, self.documents[candidate.document].facts)

    @classmethod
    def cache_dump(cls, result) -> Any:
        from harness.fact_results import facts_result_to_json

        return facts_result_to_json(result)

    @classmethod
    def cache_load(cls, data) -> Any:
        from harness.fact_results import facts_result_from_json

        return facts_result_from_json(data)

    def score(self, candidates: Sequence[Any]) -> list[Any]:
        if not candidates:
            return []
        workers = self.context.config.workers
        if workers > 1 and len(candidates) >= MIN_PARALLEL:
            pool = self._facts_pool()
            chunksize = max(1, len(candidates) // (workers * 4))
            # the workers are spawned while the jobs are submitted: with Ctrl-C and SIGTERM
            # blocked then, they start with both blocked (the mask survives exec), so a
            # signal to the process group is the parent's alone to handle, never a worker
            # traceback; the parent ends them (close(abort=True))
            with _interrupts_blocked():
                results = pool.map(
                    _facts_job, [(c.document, c.text) for c in candidates], chunksize=chunksize
                )
            verdicts = list(results)
        else:
            from harness.matcher import prefetch_parses

            prefetch_parses([(c.text, self.documents[c.document].facts) for c in candidates])
            verdicts = [
                _check_bounded(c.text, self.documents[c.document].facts) for c in candidates
            ]
        return [
            ScoreError(f"{c.path}: {v}") if isinstance(v, str) else v
            for c, v in zip(candidates, verdicts, strict=True)
        ]

    def _facts_pool(self):
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            factsets = {d: doc.facts for d, doc in self.documents.items() if doc.facts is not None}
            self._pool = ProcessPoolExecutor(
                self.context.config.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_facts_worker,
                initargs=(factsets, os.getpid()),
            )
        return self._pool

    def close(self, abort: bool = False) -> None:
        """`abort` (Ctrl-C, SIGTERM, an error mid-run): the workers are killed and reaped
        at once rather than left to finish their jobs, so no child outlives the run."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if not abort:
            pool.shutdown(cancel_futures=True)
            return
        procs = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            with contextlib.suppress(Exception):
                proc.kill()
        for proc in procs:
            with contextlib.suppress(Exception):
                proc.join(10)

    # ---------------------------------------------------------------- results
    @classmethod
    def values(cls, result) -> dict[str, float]:
        return {"coverage": float(result.coverage), "contradicted": int(result.contradicted)}

    @classmethod
    def to_json(cls, result) -> dict[str, Any]:
        from harness.results import fact_result_to_dict

        return {
            "coverage": _r(result.coverage),
            "present": result.present,
            "absent": result.absent,
            "contradicted": result.contradicted,
            "results": [fact_result_to_dict(r) for r in result.results],
        }

    @classmethod
    def from_json(cls, data) -> Any:
        from harness.fact_results import FactResult, FactsResult

        try:
            results = []
            for r in data["results"]:
                other = r.get("other") or {}
                results.append(
                    FactResult(
                        r["id"],
                        r["verdict"],
                        r.get("evidence"),
                        tuple(r["span"]) if r.get("span") else None,
                        float(r.get("confidence", 0.0)),
                        other.get("verdict"),
                        other.get("evidence"),
                        tuple(other["span"]) if other.get("span") else None,
                    )
                )
            return FactsResult(
                float(data["coverage"]),
                int(data["present"]),
                int(data["absent"]),
                int(data["contradicted"]),
                tuple(results),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    @classmethod
    def cell(cls, result) -> str:
        """Compact checklist such as `✓✗⚠ 1/3 -no-overtime-pay !council-lease`."""
        marks = "".join(SYMBOL[r.verdict] for r in result.results)
        notes = [
            ("-" if r.verdict == "absent" else "!") + r.id
            for r in result.results
            if r.verdict != "present"
        ]
        return " ".join([marks, f"{result.present}/{len(result.results)}", *notes]).strip()

    @classmethod
    def cell_summary(cls, means) -> str:
        return f"coverage {means['coverage']:.3f}" if "coverage" in means else ""

    @classmethod
    def check_json(cls, data, where: str) -> str | None:
        from harness.results import check_facts_block

        return check_facts_block(data, where)

    # ---------------------------------------------------------------- summary and gate
    @classmethod
    def aggregate(cls) -> Aggregate:
        return FactRates()

    @classmethod
    def gate_checks(cls, candidate, result, config, documents, computed, skipped) -> list:
        if not config.required_facts:
            return []
        from harness.gate import required_fact_checks

        return required_fact_checks(candidate, result, documents, computed, skipped)


class FactRates(Aggregate):
    """Per-fact verdict rates over the run (the summary's `fact_rates`)."""

    def __init__(self) -> None:
        self.counts: dict[str, dict[str, int]] = {}

    def add(self, result) -> None:
        for fr in result.results:
            counts = self.counts.setdefault(fr.id, dict.fromkeys(VERDICTS, 0))
            counts[fr.verdict] += 1

    def build(self) -> dict[str, Any]:
        return {
            "fact_rates": {
                fact: {v: n / max(1, sum(c.values())) for v, n in c.items()}
                for fact, c in sorted(self.counts.items())
            }
        }


@contextlib.contextmanager
def _interrupts_blocked() -> Iterator[None]:
    """Block Ctrl-C and SIGTERM in this thread for the block; one that arrives meanwhile
    is delivered when it ends (or at once to another thread: Python still sees it)."""
    sigs = {getattr(signal, n) for n in _SIGNALS if hasattr(signal, n)}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _init_facts_worker(factsets: Mapping, parent: int | None = None) -> None:
    """A facts worker: deaf to Ctrl-C and SIGTERM (the parent ends it), and gone with
    its parent, even one killed outright (Linux: PR_SET_PDEATHSIG)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(
            signal.SIG_BLOCK, {getattr(signal, n) for n in _SIGNALS if hasattr(signal, n)}
        )
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    if parent is not None and os.getppid() != parent:  # the parent died before prctl
        os._exit(1)
    _WORKER_FACTSETS.update(factsets)


def _facts_job(job: tuple[str, str]):
    document, text = job
    return _check_bounded(text, _WORKER_FACTSETS[document])


def _check_bounded(text: str, factset):
    """check_facts under one time budget for `re:` phrasings; past it, the error (a str)."""
    from harness.matcher import check_facts
    from harness.safe_regex import RegexTimeout, budget

    try:
        with budget():
            return check_facts(text, factset)
    except RegexTimeout as exc:
        return exc.describe(factset)
