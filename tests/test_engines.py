"""The Ray engine on a local instance: the local run's report byte for byte, a lost worker
retried, a failed block failing only its candidates."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from test_shard import CANDS, REFS, _score

from harness.loading import load_dataset
from harness.metrics import Metric, MetricFamily, register, unregister
from harness.output import render_json
from harness.pipeline import finish_run
from harness.run import RunConfig, Scorer

# ---------------------------------------------------------------- Ray


def test_engine_choice_is_checked() -> None:
    from harness.engines import make_engine
    from harness.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown engine 'spark'"):
        RunConfig(engine="spark")
    dataset = load_dataset(CANDS, REFS)
    engine = make_engine(dataset.documents, RunConfig(metrics=("rouge",)))
    assert isinstance(engine, Scorer)  # local: today's Scorer, unchanged
    engine.close()


@pytest.fixture(scope="module")
def local_ray():
    import logging

    ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'harness[ray]')")
    from ray import cloudpickle

    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.ERROR)
    # classes defined in the tests (and conftest's fake encoder) travel to workers by value
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    cloudpickle.register_pickle_by_value(sys.modules[_FAKE_MODULE])
    yield ray
    if started:
        ray.shutdown()


_FAKE_MODULE = next(
    name
    for name, mod in list(sys.modules.items())
    if name.endswith("conftest") and hasattr(mod, "FakeEncoder")
)


def _report(engine, dataset) -> str:
    try:
        outcome = finish_run(
            engine.iter_chunks(dataset.candidates), engine.signature, engine.settings
        )
    finally:
        engine.close()
    return render_json(outcome.run)


def _local(dataset, config, encoder=None) -> str:
    return _report(Scorer(dataset.documents, config, encoder), dataset)


def _ray(dataset, config, encoder=None, **options) -> str:
    from harness.engines import RayEngine

    return _report(RayEngine(dataset.documents, config, encoder, **options), dataset)


def test_cli_ray_report_is_the_local_one(tmp_path: Path, local_ray) -> None:
    local, remote = tmp_path / "local.json", tmp_path / "ray.json"
    assert _score(local) == _score(remote, "--engine", "ray")
    assert remote.read_text() == local.read_text()


def test_library_engine_choice(local_ray) -> None:
    import harness

    dataset = load_dataset(CANDS, REFS)
    local = harness.score(dataset, RunConfig(metrics=("rouge",), use_cache=False))
    remote = harness.score(dataset, RunConfig(metrics=("rouge",), use_cache=False, engine="ray"))
    assert render_json(remote) == render_json(local)
    assert local_ray.is_initialized()  # an instance the engine joined is left running


def test_ray_with_embeddings_in_small_blocks(local_ray, fake_encoder) -> None:
    dataset = load_dataset(CANDS, REFS)
    config = RunConfig(use_cache=False)  # rouge, embedding, facts
    local = _local(dataset, config, fake_encoder)
    remote = _ray(dataset, config, fake_encoder, block_size=3, max_in_flight=2)
    assert remote == local
    assert '"embedding_max"' in remote


class CrashOnce(MetricFamily):
    """Kills the worker process scoring its first block (once, marked by a file)."""

    name = "crash_once"
    metrics = (Metric("words_k", "Words / 1000", "wk", "crash_once", 0.0, 10.0),)
    marker = ""
    driver_pid = 0

    def score(self, candidates: Sequence) -> list:
        if os.getpid() != self.driver_pid and not os.path.exists(self.marker):
            Path(self.marker).write_text("crashed")
            os._exit(1)
        return [len(c.text.split()) / 1000 for c in candidates]

    @classmethod
    def values(cls, result) -> dict[str, float]:
        return {"words_k": result}

    @classmethod
    def to_json(cls, result):
        return {"words_k": result}

    @classmethod
    def from_json(cls, data):
        return data.get("words_k")


class FailsOnOne(CrashOnce):
    """Raises (a bug, not a verdict) on the block holding one candidate, in a worker."""

    name = "fails_on_one"
    metrics = (Metric("words_k2", "Words / 1000", "wk2", "fails_on_one", 0.0, 10.0),)

    def score(self, candidates: Sequence) -> list:
        if os.getpid() != self.driver_pid and any(c.id == "very-short" for c in candidates):
            raise RuntimeError("broken on purpose")
        return [len(c.text.split()) / 1000 for c in candidates]

    @classmethod
    def values(cls, result) -> dict[str, float]:
        return {"words_k2": result}

    @classmethod
    def to_json(cls, result):
        return {"words_k2": result}

    @classmethod
    def from_json(cls, data):
        return data.get("words_k2")


@pytest.fixture
def family(tmp_path: Path):
    added = []

    def add(cls: type[CrashOnce]) -> type[CrashOnce]:
        cls.marker, cls.driver_pid = str(tmp_path / f"{cls.name}.marker"), os.getpid()
        added.append(register(cls).name)
        return cls

    yield add
    for name in added:
        unregister(name)


def test_lost_workers_are_retried(local_ray, family, fake_encoder, tmp_path: Path) -> None:
    """A task's worker and the embedding actor's process each die once mid-run."""
    crash = family(CrashOnce)
    dataset = load_dataset(CANDS, REFS)
    config = RunConfig(metrics=("rouge", "embedding", "facts", "crash_once"), use_cache=False)
    local = _local(dataset, config, fake_encoder)
    dying = DiesOnce(fake_encoder, str(tmp_path / "encoder.marker"), os.getpid())
    remote = _ray(dataset, config, dying, block_size=4)
    assert Path(crash.marker).exists() and Path(dying.marker).exists()  # both did die
    assert remote == local
    assert '"errors": 0' in remote


def test_a_failed_block_fails_only_its_candidates(local_ray, family) -> None:
    family(FailsOnOne)
    dataset = load_dataset(CANDS, REFS)
    config = RunConfig(metrics=("rouge", "fails_on_one"), use_cache=False)
    local = {c["id"]: c for c in _lines(_local(dataset, config))}
    remote = _lines(_ray(dataset, config, block_size=4))
    assert [c["id"] for c in remote] == list(local)  # every candidate, in order
    failed = [c for c in remote if c["status"] == "error"]
    assert len(failed) == 4 and any(c["id"] == "very-short" for c in failed)
    assert all("broken on purpose" in c["error"] for c in failed)
    assert all(c == local[c["id"]] for c in remote if c["status"] == "ok")


def _lines(report: str) -> list[dict]:
    return json.loads(report)["candidates"]


class DiesOnce:
    """The fake encoder, whose process dies on its first call outside the driver."""

    name = "fake-bow-64"

    def __init__(self, inner, marker: str, driver_pid: int) -> None:
        self.inner, self.marker, self.driver_pid = inner, marker, driver_pid

    def encode(self, texts):
        if os.getpid() != self.driver_pid and not os.path.exists(self.marker):
            Path(self.marker).write_text("crashed")
            os._exit(1)
        return self.inner.encode(texts)

    def cache_key(self) -> str:
        return self.inner.cache_key()
