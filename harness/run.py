"""Scoring a dataset: the run that ties loading, metrics and results together."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from harness import __version__
from harness.errors import ConfigError
from harness.loading import Candidate, Dataset, Document, LoadFailure
from harness.results import CandidateResult, RunResult, Summary

METRICS = ("rouge", "embedding", "facts")
CHUNK = 1024


@dataclass(frozen=True)
class RunConfig:
    metrics: tuple[str, ...] = METRICS
    use_stemmer: bool = True
    tokenizer: str = "default"
    model: str = "all-MiniLM-L6-v2"
    device: str = "cpu"
    batch_size: int = 64
    cache_dir: Path | None = None
    use_cache: bool = True
    workers: int = 1  # processes for the facts matcher (pure Python); ROUGE is native-threaded

    def __post_init__(self) -> None:
        unknown = [m for m in self.metrics if m not in METRICS]
        if unknown:
            raise ConfigError(f"unknown metric {unknown[0]!r} (choose from {', '.join(METRICS)})")
        if self.tokenizer not in ("default", "unicode"):
            raise ConfigError(f"unknown tokenizer {self.tokenizer!r} (default, unicode)")
        if self.workers < 1:
            raise ConfigError(f"--workers must be at least 1, not {self.workers}")
        if not re.fullmatch(r"cpu|auto|cuda(?::\d+)?", self.device):
            raise ConfigError(f"unknown device {self.device!r} (cpu, cuda, auto)")


@dataclass
class Scorer:
    """Holds the metric engines for one run; scores candidates chunk by chunk."""

    documents: dict[str, Document]
    config: RunConfig = field(default_factory=RunConfig)
    encoder: object | None = None  # an Encoder; built lazily from config.model when None
    on_progress: Callable[[int], None] | None = None

    def __post_init__(self) -> None:
        self._rouge = None
        self._cache = None
        self._prepared_refs: dict[str, list[str]] = {}
        self._model_key: str | None = None
        self._pool = None
        self._doc_vecs: dict[str, tuple] = {}  # document -> (article vector, reference vectors)
        if "rouge" in self.config.metrics:
            from harness.rouge import RougeMetric, prepare

            self._rouge = RougeMetric(self.config.use_stemmer, self.config.tokenizer)  # type: ignore[arg-type]
            self._prepared_refs = {
                d: [prepare(r.text) for r in doc.references] for d, doc in self.documents.items()
            }
        if "embedding" in self.config.metrics:
            if self.encoder is None:
                from harness.embedding import SentenceTransformerEncoder

                self.encoder = SentenceTransformerEncoder(
                    self.config.model, self.config.device, self.config.batch_size
                )
            key = getattr(self.encoder, "cache_key", None)
            self._model_key = key() if callable(key) else getattr(self.encoder, "name", "model")
            if self.config.use_cache:
                from harness.cache import EmbeddingCache

                self._cache = EmbeddingCache(self.config.cache_dir)

    # ------------------------------------------------------------------ signature
    def signature(self) -> str:
        return signature(self.documents, self.config, self._model_key)

    def settings(self) -> dict:
        """The settings block of a report (JSON `settings`)."""
        c = self.config
        return {
            "metrics": list(c.metrics),
            "stemmer": c.use_stemmer,
            "tokenizer": c.tokenizer,
            "model": c.model if "embedding" in c.metrics else None,
            "documents": sorted(self.documents),
        }

    # ------------------------------------------------------------------ scoring
    def score_chunk(self, items: list[Candidate | LoadFailure]) -> list[CandidateResult]:
        ok = [c for c in items if isinstance(c, Candidate)]
        rouge = self._score_rouge(ok)
        emb = self._score_embedding(ok)
        facts = self._score_facts(ok)
        out = []
        for item in items:
            if isinstance(item, LoadFailure):
                out.append(CandidateResult(item.id, item.path, item.document, "error", item.error))
                continue
            key = (item.document, item.id)
            if isinstance(facts.get(key), str):  # a `re:` phrasing ran out of time
                error = f"{item.path}: {facts[key]}"
                out.append(CandidateResult(item.id, item.path, item.document, "error", error))
                continue
            out.append(
                CandidateResult(
                    item.id,
                    item.path,
                    item.document,
                    "ok",
                    None,
                    rouge.get(key),
                    emb.get(key),
                    facts.get(key),
                    self._warnings(item),
                )
            )
        if self.on_progress is not None:
            self.on_progress(len(items))
        return out

    def _warnings(self, cand: Candidate) -> tuple[str, ...]:
        """The candidate's loading warnings, plus one when ROUGE would drop most of its letters."""
        if self._rouge is None or self.config.tokenizer != "default":
            return cand.warnings
        from harness.rouge import NON_ASCII_WARNING, dropped_letter_share

        if dropped_letter_share(cand.text) > 0.5:
            return (*cand.warnings, NON_ASCII_WARNING)
        return cand.warnings

    def _score_rouge(self, cands: list[Candidate]) -> dict:
        if self._rouge is None:
            return {}
        from harness.rouge import prepare

        out = {}
        by_doc: dict[str, list[Candidate]] = {}
        for c in cands:
            by_doc.setdefault(c.document, []).append(c)
        for doc, group in by_doc.items():
            results = self._rouge.score_many(
                [prepare(c.text) for c in group], self._prepared_refs[doc]
            )
            for c, r in zip(group, results, strict=True):
                out[(c.document, c.id)] = r
        return out

    def _score_embedding(self, cands: list[Candidate]) -> dict:
        if "embedding" not in self.config.metrics or not cands:
            return {}
        from harness.embedding import encode_distinct, similarity

        # articles and references are encoded once per run, not once per chunk
        new_docs = {c.document for c in cands} - self._doc_vecs.keys()
        doc_texts = {
            d: [self.documents[d].article, *(r.text for r in self.documents[d].references)]
            for d in new_docs
        }
        texts = [c.text for c in cands] + [t for ts in doc_texts.values() for t in ts]
        vecs = encode_distinct(texts, self.encoder, self._cache, self._model_key)  # type: ignore[arg-type]
        for d, ts in doc_texts.items():
            self._doc_vecs[d] = (vecs[ts[0]], [vecs[t] for t in ts[1:]])
        out = {}
        for c in cands:
            article, refs = self._doc_vecs[c.document]
            out[(c.document, c.id)] = similarity(vecs[c.text], refs, article)
        return out

    def _score_facts(self, cands: list[Candidate]) -> dict:
        if "facts" not in self.config.metrics:
            return {}
        jobs = [c for c in cands if self.documents[c.document].facts is not None]
        cache = self._verdict_cache()
        if cache is None:
            return self._match_facts(jobs)
        from harness.matcher import facts_cache_key, facts_result_from_json, facts_result_to_json

        keys = {
            (c.document, c.id): facts_cache_key(c.text, self.documents[c.document].facts)
            for c in jobs
        }
        hits = cache.get_json_many(keys.values())
        out = {}
        for c in jobs:
            stored = hits.get(keys[(c.document, c.id)])
            result = facts_result_from_json(stored) if stored is not None else None
            if result is not None:
                out[(c.document, c.id)] = result
        todo = [c for c in jobs if (c.document, c.id) not in out]
        fresh = self._match_facts(todo)
        out.update(fresh)
        cache.put_json_many(
            {keys[k]: facts_result_to_json(v) for k, v in fresh.items() if not isinstance(v, str)}
        )
        return out

    def _verdict_cache(self):
        """The cache for fact verdicts (the embedding cache's file), or None."""
        if not self.config.use_cache:
            return None
        if self._cache is None:
            from harness.cache import EmbeddingCache

            self._cache = EmbeddingCache(self.config.cache_dir)
        return self._cache

    def _match_facts(self, jobs: list[Candidate]) -> dict:
        if not jobs:
            return {}  # everything came from the cache: the parser is never loaded
        if self.config.workers > 1 and len(jobs) >= MIN_PARALLEL:
            pool = self._facts_pool()
            chunksize = max(1, len(jobs) // (self.config.workers * 4))
            # the workers are spawned while the jobs are submitted: with Ctrl-C and SIGTERM
            # blocked then, they start with both blocked (the mask survives exec), so a
            # signal to the process group is the parent's alone to handle, never a worker
            # traceback; the parent ends them (close(abort=True))
            with _interrupts_blocked():
                results = pool.map(
                    _facts_job, [(c.document, c.text) for c in jobs], chunksize=chunksize
                )
            verdicts = list(results)
        else:
            from harness.matcher import prefetch_parses

            prefetch_parses([(c.text, self.documents[c.document].facts) for c in jobs])
            verdicts = [_check_bounded(c.text, self.documents[c.document].facts) for c in jobs]
        return {(c.document, c.id): v for c, v in zip(jobs, verdicts, strict=True)}

    def _facts_pool(self):
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            factsets = {d: doc.facts for d, doc in self.documents.items() if doc.facts is not None}
            self._pool = ProcessPoolExecutor(
                self.config.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_facts_worker,
                initargs=(factsets, os.getpid()),
            )
        return self._pool

    def iter_results(self, items: Iterable[Candidate | LoadFailure]) -> Iterator[CandidateResult]:
        chunk: list[Candidate | LoadFailure] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= CHUNK:
                yield from self.score_chunk(chunk)
                chunk = []
        if chunk:
            yield from self.score_chunk(chunk)

    def close(self, abort: bool = False) -> None:
        """Release the cache and the worker processes.

        `abort` (Ctrl-C, SIGTERM, an error mid-run): the workers are killed and reaped
        at once rather than left to finish their jobs, so no child outlives the run.
        """
        if self._cache is not None:
            self._cache.close()
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


MIN_PARALLEL = 64  # below this many candidates a process pool costs more than it saves
_WORKER_FACTSETS: dict = {}


_SIGNALS = ("SIGINT", "SIGTERM")


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


def _init_facts_worker(factsets: dict, parent: int | None = None) -> None:
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


def signature(documents: dict[str, Document], config: RunConfig, model_key: str | None) -> str:
    """A string naming every setting behind the numbers (in the spirit of sacrebleu)."""
    import importlib.metadata as md

    def version(pkg: str) -> str:
        try:
            return md.version(pkg)
        except md.PackageNotFoundError:
            return "none"

    nrefs = ",".join(f"{d}={len(doc.references)}" for d, doc in documents.items())
    parts = [f"harness:{__version__}", f"nrefs:{nrefs}"]
    if "rouge" in config.metrics:
        stem = "yes" if config.use_stemmer and config.tokenizer == "default" else "no"
        parts += [
            f"rouge:rouge-score-rs-{version('rouge-score-rs')}",
            f"tok:{config.tokenizer}",
            f"stem:{stem}",
            "multi:best+mean",
            f"split:sentencex-{version('sentencex')}",
        ]
    if "embedding" in config.metrics:
        parts.append(f"model:{config.model}@{model_key}")
    if "facts" in config.metrics:
        hashes = ",".join(
            f"{d}={doc.facts.sha256[:12] if doc.facts else 'none'}" for d, doc in documents.items()
        )
        from harness.syntax import parser_key

        parts.append(f"facts:{hashes}")
        parts.append(f"parser:{parser_key()}")
    return "|".join(parts)


class SummaryBuilder:
    """Running means and per-fact verdict counts, so a streamed run keeps no results."""

    def __init__(self) -> None:
        self.total = self.scored = self.errors = 0
        self._sums: dict[str, float] = {}
        self._counts: dict[str, int] = {}
        self._verdicts: dict[str, dict[str, int]] = {}

    def _add(self, name: str, value: float) -> None:
        self._sums[name] = self._sums.get(name, 0.0) + value
        self._counts[name] = self._counts.get(name, 0) + 1

    def add(self, r: CandidateResult) -> None:
        self.total += 1
        if r.status != "ok":
            self.errors += 1
            return
        self.scored += 1
        if r.rouge:
            for t, prf in r.rouge.best.items():
                self._add(t, prf.fmeasure)
        if r.embedding:
            self._add("embedding_max", r.embedding.max)
            self._add("embedding_mean", r.embedding.mean)
            self._add("embedding_article", r.embedding.article)
        if r.facts:
            self._add("coverage", r.facts.coverage)
            self._add("contradicted", r.facts.contradicted)
            for fr in r.facts.results:
                counts = self._verdicts.setdefault(
                    fr.id, {"present": 0, "absent": 0, "contradicted": 0}
                )
                counts[fr.verdict] += 1

    def build(self) -> Summary:
        means = {k: self._sums[k] / self._counts[k] for k in self._sums}
        rates = {
            fact: {v: n / max(1, sum(c.values())) for v, n in c.items()}
            for fact, c in sorted(self._verdicts.items())
        }
        return Summary(self.total, self.scored, self.errors, means, rates)


def summarize(results: Iterable[CandidateResult]) -> Summary:
    """Means over scored candidates, and per-fact verdict rates."""
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
