"""The library API: load, score with a fake encoder, frozen results, lazy imports."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

import harness


def test_score_all_metrics_with_a_fake_encoder(tiny: Path, fake_encoder) -> None:
    dataset = harness.load_dataset(tiny / "candidates", references=tiny / "references")
    run = harness.score(dataset, harness.RunConfig(use_cache=False), encoder=fake_encoder)
    assert [c.id for c in run.candidates] == ["good", "other", "short"]
    good = run.candidates[0]
    assert good.status == "ok" and good.embedding is not None and good.rouge is not None
    other = run.candidates[1]
    assert good.embedding.max > other.embedding.max
    assert "model:all-MiniLM-L6-v2@fake-bow-64" in run.signature
    with pytest.raises(dataclasses.FrozenInstanceError):
        good.status = "error"  # type: ignore[misc]
    data = harness.run_to_dict(run)
    assert data["summary"]["scored"] == 3


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError):
        harness.nope  # noqa: B018


def test_import_is_light() -> None:
    code = "import sys, harness; assert 'numpy' not in sys.modules and 'torch' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_references_are_encoded_once_across_chunks(
    tiny: Path, fake_encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import harness.run

    monkeypatch.setattr(harness.run, "CHUNK", 1)  # one candidate per chunk
    dataset = harness.load_dataset(tiny / "candidates", references=tiny / "references")
    run = harness.score(dataset, harness.RunConfig(use_cache=False), encoder=fake_encoder)
    assert all(c.embedding is not None for c in run.candidates)
    article = dataset.documents["park"].article
    encoded = [t for call in fake_encoder.calls for t in call]
    assert encoded.count(article) == 1
    assert len(encoded) == len(set(encoded)) == 3 + 1 + 2  # candidates, article, references


def test_json_report_is_one_document_with_a_line_per_candidate(tiny: Path) -> None:
    import json

    from harness.output import render_json
    from harness.results import RunResult, Summary

    dataset = harness.load_dataset(tiny / "candidates", references=tiny / "references")
    run = harness.score(dataset, harness.RunConfig(metrics=("rouge",)))
    text = render_json(run, {"gate": {"passed": True}})
    assert json.loads(text) == harness.run_to_dict(run) | {"gate": {"passed": True}}
    lines = text.splitlines()
    assert sum(line.startswith('    {"id": ') for line in lines) == 3
    empty = render_json(RunResult((), Summary(0, 0, 0), "sig"))
    assert json.loads(empty)["candidates"] == []


def test_evaluate_gates_and_compares_like_the_cli(tiny: Path) -> None:
    from harness.gate import Threshold
    from harness.pipeline import finish_run
    from harness.results import candidate_from_dict

    dataset = harness.load_dataset(tiny / "candidates", references=tiny / "references")
    config = harness.RunConfig(metrics=("rouge", "facts"), use_cache=False)
    gate = harness.GateConfig((Threshold("rouge1", 0.99),))
    first = harness.evaluate(dataset, config, gate)
    assert first.failed and not first.gate.passed
    assert {f.metric for f in first.gate.failures} == {"rouge1"}
    baseline = harness.run_to_dict(first.run)
    again = harness.evaluate(dataset, config, gate, baseline=baseline, fail_on_regression=True)
    assert again.comparison.matched == 3 and not again.comparison.regressions()
    assert again.extra()["comparison"]["regressions"] == []
    # the summary and the gate recomputed from the report's candidates alone (merging shards)
    results = [candidate_from_dict(c) for c in baseline["candidates"]]
    merged = finish_run([results], lambda: baseline["signature"], lambda: baseline["settings"],
                        dataset.documents, gate)  # fmt: skip
    assert merged.run.summary.means == pytest.approx(first.run.summary.means, abs=1e-6)
    assert merged.gate.failures == first.gate.failures
