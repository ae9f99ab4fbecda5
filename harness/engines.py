"""Engines: where a run's chunks are scored. Every engine yields the same scored chunks
(lists of `CandidateResult`, in input order) to `harness.pipeline.finish_run`, so writers,
summary and gate are the same whichever scored them.

- `local` (`make_engine` returns a `harness.run.Scorer`): this process, chunk by chunk.
- `ray` (`RayEngine`): candidates go out in blocks. The embedding family runs in actors
  that load the model once (one per GPU where the cluster has GPUs and the device is not
  `cpu`); every other family runs as Ray tasks, each worker process building its families
  once per run and keeping them. Blocks come back in input order, a bounded number in
  flight, so the driver's memory stays flat and streamed output works. A worker lost
  mid-run is retried by Ray (`max_retries`); a block that still fails marks its candidates
  as errors and every other block's results stand.

`ray` is imported only here, only when the engine is chosen (`pip install 'harness[ray]'`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from harness.errors import ConfigError
from harness.loading import Candidate, Document, LoadFailure
from harness.metrics import MetricFamily, ScoreError, families, register
from harness.results import CandidateResult
from harness.run import CHUNK, RunConfig, Scorer

ACTOR_FAMILIES = ("embedding",)  # families that hold a model: scored in actors
MAX_RETRIES = 3  # per task (and per actor restart) when a worker process is lost

Item = Candidate | LoadFailure


def make_engine(
    documents: dict[str, Document],
    config: RunConfig,
    encoder: object | None = None,
    on_progress: Callable[[int], None] | None = None,
    **options: Any,
) -> Any:
    """The engine `config.engine` names: a `Scorer` (local) or a `RayEngine`. Both have
    `iter_chunks`, `iter_results`, `signature`, `settings` and `close(abort)`."""
    if config.engine == "ray":
        return RayEngine(documents, config, encoder, on_progress, **options)
    return Scorer(documents, config, encoder, on_progress)


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError(
            "--engine ray needs Ray, which is not installed: pip install 'harness[ray]'"
        ) from None
    return ray


# ---------------------------------------------------------------- worker side
# One Scorer per worker process for the current run (keyed by run id): the families and
# their engines (ROUGE tokenizer, parser, facts) are built on the first block, not per block.
_WORKER_SCORERS: dict[str, Scorer] = {}


def _worker_scorer(
    run_id: str,
    docs: list[Any],
    config: RunConfig,
    classes: list[type[MetricFamily]],
    encoder: object | None = None,
) -> Scorer:
    scorer = _WORKER_SCORERS.get(run_id)
    if scorer is None:
        import ray

        for old in _WORKER_SCORERS.values():
            old.close()
        _WORKER_SCORERS.clear()
        known = families()
        for cls in classes:  # a family registered at run time on the driver reaches workers
            if known.get(cls.name) is not cls:
                register(cls)
        documents = ray.get(docs[0])  # wrapped in a list: fetched once per worker, not per block
        scorer = _WORKER_SCORERS[run_id] = Scorer(documents, config, encoder)
    return scorer


def _score_block(
    run_id: str,
    docs: list[Any],
    config: RunConfig,
    classes: list[type[MetricFamily]],
    cands: list[Candidate],
) -> dict[str, list[Any]]:
    """A Ray task: the CPU families' results for one block of candidates."""
    return _worker_scorer(run_id, docs, config, classes).score_families(cands)


class _ModelActor:
    """A Ray actor holding the model families (embeddings): the model loads once. Its
    families are built on the first call (the documents come with each call, as a
    reference, so a restarted actor needs nothing from the object store to start)."""

    def __init__(
        self,
        run_id: str,
        config: RunConfig,
        classes: list[type[MetricFamily]],
        encoder: object | None,
    ) -> None:
        self.args = (run_id, config, classes, encoder)

    def score(self, docs: list[Any], cands: list[Candidate]) -> dict[str, list[Any]]:
        run_id, config, classes, encoder = self.args
        return _worker_scorer(run_id, docs, config, classes, encoder).score_families(cands)


# ---------------------------------------------------------------- driver side
@dataclasses.dataclass
class _Block:
    items: list[Item]
    ok: list[Candidate]
    parts: list[tuple[tuple[str, ...], Any]]  # (family names, object ref) per part


class RayEngine:
    """Scores blocks on a Ray cluster (a local one when `config.ray_address` is None)."""

    def __init__(
        self,
        documents: dict[str, Document],
        config: RunConfig,
        encoder: object | None = None,
        on_progress: Callable[[int], None] | None = None,
        *,
        block_size: int = CHUNK,
        max_in_flight: int | None = None,
        max_retries: int = MAX_RETRIES,
        actors: int | None = None,
    ) -> None:
        ray = self.ray = _import_ray()
        self.block_size = block_size
        self.max_retries = max_retries
        self._started = False
        self._actors: list[Any] = []
        self._pending: deque[_Block] = deque()
        # the driver's own Scorer: signature, settings and assembling results; it never
        # scores, so no model is loaded here (the embedding family loads it on first use)
        self.local = Scorer(documents, config, encoder, on_progress)
        try:
            if not ray.is_initialized():
                import logging

                try:
                    ray.init(
                        address=config.ray_address,
                        include_dashboard=False,
                        logging_level=logging.ERROR,
                        log_to_driver=False,
                    )
                except (ConnectionError, RuntimeError, ValueError) as exc:
                    where = config.ray_address or "a local instance"
                    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                    raise ConfigError(f"cannot start or join Ray ({where}): {first}") from None
                self._started = True
            self._setup(documents, config, encoder, max_in_flight, actors)
        except BaseException:
            self.close(abort=True)
            raise

    def _setup(self, documents, config, encoder, max_in_flight, actors) -> None:
        ray = self.ray
        run_id = uuid.uuid4().hex
        docs = self._docs = [ray.put(documents)]  # in a list: not fetched on every call
        names = list(self.local.families)
        classes = [type(f) for f in self.local.families.values()]
        on_actor = tuple(n for n in names if n in ACTOR_FAMILIES)
        on_task = tuple(n for n in names if n not in ACTOR_FAMILIES)
        resources = ray.cluster_resources()
        cpus = int(resources.get("CPU", 1))
        gpus = int(resources.get("GPU", 0)) if config.device != "cpu" else 0
        self.max_in_flight = max_in_flight or max(4, 2 * cpus)
        self._task = None
        if on_task:
            task_cfg = dataclasses.replace(config, metrics=on_task, workers=1)
            task = ray.remote(max_retries=self.max_retries)(_score_block)
            self._task = (on_task, lambda ok: task.remote(run_id, docs, task_cfg, classes, ok))
        if on_actor and config.device.startswith("cuda") and not gpus:
            raise ConfigError(f"--device {config.device}: the Ray cluster has no GPU")
        if on_actor:
            device = "cuda" if gpus else "cpu"  # an actor sees only the GPU Ray gave it
            cfg = dataclasses.replace(config, metrics=on_actor, device=device)
            count = actors or (gpus or max(1, len(ray.nodes())))
            cls = ray.remote(
                num_cpus=0 if gpus else 1,
                num_gpus=1 if gpus else 0,
                max_restarts=self.max_retries,
                max_task_retries=self.max_retries,
            )(_ModelActor)
            self._actors = [cls.remote(run_id, cfg, classes, encoder) for _ in range(count)]
        self._on_actor = on_actor
        self._next_actor = 0

    # the same interface as harness.run.Scorer
    @property
    def families(self) -> dict[str, MetricFamily]:
        return self.local.families

    @property
    def encoder(self) -> object | None:
        return self.local.encoder

    def signature(self) -> str:
        return self.local.signature()

    def settings(self) -> dict:
        return self.local.settings()

    def iter_results(self, items: Iterable[Item]) -> Iterator[CandidateResult]:
        yield from (r for chunk in self.iter_chunks(items) for r in chunk)

    def iter_chunks(self, items: Iterable[Item]) -> Iterator[list[CandidateResult]]:
        """Scored blocks in input order; at most `max_in_flight` blocks out at once."""
        block: list[Item] = []
        for item in items:
            block.append(item)
            if len(block) >= self.block_size:
                self._pending.append(self._submit(block))
                block = []
                if len(self._pending) >= self.max_in_flight:
                    yield self._collect(self._pending.popleft())
        if block:
            self._pending.append(self._submit(block))
        while self._pending:
            yield self._collect(self._pending.popleft())

    def _submit(self, items: list[Item]) -> _Block:
        ok = [c for c in items if isinstance(c, Candidate)]
        parts: list[tuple[tuple[str, ...], Any]] = []
        if ok:
            ref = self.ray.put(ok)  # shared by the task and the actor call
            if self._task is not None:
                parts.append((self._task[0], self._task[1](ref)))
            if self._actors:
                actor = self._actors[self._next_actor % len(self._actors)]
                self._next_actor += 1
                parts.append((self._on_actor, actor.score.remote(self._docs, ref)))
        return _Block(items, ok, parts)

    def _collect(self, block: _Block) -> list[CandidateResult]:
        got: dict[str, list[Any]] = {}
        for names, ref in block.parts:
            try:
                got.update(self.ray.get(ref))
            except self.ray.exceptions.RayError as exc:
                why = _reason(exc)
                for name in names:
                    got[name] = [
                        ScoreError(f"{c.path}: {name} scoring failed on Ray ({why})")
                        for c in block.ok
                    ]
        scored = {name: got[name] for name in self.local.families if name in got}
        return self.local.assemble(block.items, scored)

    def close(self, abort: bool = False) -> None:
        """Cancel blocks still out (with `abort`), end the actors, and stop the local Ray
        instance this engine started (one it joined is left running)."""
        ray = self.ray
        if abort:
            for block in self._pending:
                for _, ref in block.parts:
                    with contextlib.suppress(Exception):  # an actor call, or finished
                        ray.cancel(ref, force=True)
        self._pending.clear()
        for actor in self._actors:
            ray.kill(actor)
        self._actors = []
        self.local.close(abort)
        if self._started:
            ray.shutdown()
            self._started = False


def _reason(exc: BaseException) -> str:
    """One line for a block that failed after Ray's retries."""
    text = str(getattr(exc, "cause", None) or exc).strip().splitlines()
    last = next((line for line in reversed(text) if line.strip()), type(exc).__name__)
    return f"{type(exc).__name__}: {last.strip()}"[:300]
