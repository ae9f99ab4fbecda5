"""The published JSON Schema of the report (harness/schema/report.schema.json), checked with
`jsonschema` against real reports: the pinned demo report, a fresh run of candidates/ with a
baseline comparison, a run without facts (ROUGE and embeddings), streamed JSONL, and a
report carrying a family the schema does not know."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

import harness
from harness import metrics
from harness.cli import main
from harness.metrics import Metric, MetricFamily
from harness.results import SCHEMA_VERSION, report_schema, run_to_dict

jsonschema = pytest.importorskip("jsonschema")

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "tests" / "data" / "expected_demo_report.json"


@pytest.fixture(scope="module")
def validator():
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(validator, report) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(report)]


def test_schema_is_shipped_and_versioned(validator) -> None:
    schema = report_schema()
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}
    assert (REPO / "harness" / "schema" / "report.schema.json").is_file()
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"schema/*.json"' in pyproject  # package data: installed with the package


def test_pinned_demo_report_is_valid(validator) -> None:
    report = json.loads(DEMO.read_text(encoding="utf-8"))
    assert errors(validator, report) == []


def test_fresh_demo_run_with_baseline_is_valid(validator, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(REPO)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        main,
        ["score", "candidates", "--metrics", "rouge,facts", "--no-progress",
         "--baseline", str(DEMO), "--resamples", "200", "--output", f"json={out}"],
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["comparison"]["matched"] == 16 and report["gate"] is not None
    assert errors(validator, report) == []


def _no_facts_project(root: Path) -> Path:
    doc = root / "references" / "park"
    doc.mkdir(parents=True)
    (doc / "article.txt").write_text("The council approved a park. It opens in spring.")
    (doc / "ref.txt").write_text("The council approved a park that opens in spring.")
    cands = root / "c"
    cands.mkdir()
    (cands / "good.txt").write_text("The council approved a park that opens in spring.")
    (cands / "bad.txt").write_bytes(b"caf\xe9")  # not UTF-8: an error candidate
    return root


def test_no_facts_run_with_embeddings_is_valid(validator, tmp_path: Path, fake_encoder) -> None:
    root = _no_facts_project(tmp_path)
    dataset = harness.load_dataset(root / "c", root / "references")
    config = harness.RunConfig(metrics=("rouge", "embedding"), use_cache=False)
    run = harness.score(dataset, config, encoder=fake_encoder)
    report = run_to_dict(run)
    assert {c["status"] for c in report["candidates"]} == {"ok", "error"}
    assert "embedding" in report["candidates"][1] or "embedding" in report["candidates"][0]
    assert errors(validator, report) == []


def test_streamed_jsonl_lines_are_valid(validator, tmp_path: Path, monkeypatch) -> None:
    root = _no_facts_project(tmp_path)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(
        main, ["score", "c", "--metrics", "rouge", "--no-progress", "--format", "jsonl"]
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    report = {**lines[-1], "candidates": lines[:-1]}
    assert len(report["candidates"]) == 2
    assert errors(validator, report) == []


@dataclass(frozen=True)
class Flags:
    flagged: tuple[str, ...]


class GroundingLike(MetricFamily):
    """A family the schema does not name, as an outside package would register one."""

    name = "grounding_probe"
    metrics = (Metric("unsupported_numbers", "Unsupported numbers", "unsup", "grounding_probe",
                      0.0, float("inf"), higher_is_better=False, count=True),)  # fmt: skip

    def score(self, candidates):
        return [Flags(tuple(w for w in c.text.split() if w.isdigit())) for c in candidates]

    @classmethod
    def values(cls, result: Flags) -> dict[str, float]:
        return {"unsupported_numbers": len(result.flagged)}

    @classmethod
    def to_json(cls, result: Flags) -> dict:
        return {"flags": [{"kind": "number", "text": t} for t in result.flagged]}

    @classmethod
    def from_json(cls, data) -> Flags | None:
        return Flags(tuple(f["text"] for f in data["flags"]))


def test_a_new_family_does_not_break_the_schema(validator, tmp_path: Path, fake_encoder) -> None:
    root = _no_facts_project(tmp_path)
    (root / "c" / "good.txt").write_text("The council approved 2 parks that open in 2026.")
    metrics.register(GroundingLike)
    try:
        dataset = harness.load_dataset(root / "c", root / "references")
        config = harness.RunConfig(metrics=("rouge", "grounding_probe"), use_cache=False)
        report = run_to_dict(harness.score(dataset, config))
    finally:
        metrics.unregister("grounding_probe")
    good = next(c for c in report["candidates"] if c["id"] == "good")
    assert good["grounding_probe"]["flags"][0] == {"kind": "number", "text": "2"}
    assert errors(validator, report) == []
    named = copy.deepcopy(report)  # the name `grounding` itself, with any shape
    named["candidates"][0]["grounding"] = {"claims": [], "unsupported": 0}
    assert errors(validator, named) == []


def test_schema_is_not_vacuous(validator) -> None:
    report = json.loads(DEMO.read_text(encoding="utf-8"))
    for path, value in [
        (("schema_version",), "0.3.0"),
        (("candidates", 0, "status"), "maybe"),
        (("candidates", 0, "metrics", "rouge1"), "high"),
        (("candidates", 0, "facts", "results", 0, "verdict"), "likely"),
        (("candidates", 0, "rouge", "best", "rouge1", "fmeasure"), None),
        (("summary", "scored"), -1),
        (("gate", "passed"), "no"),
    ]:
        bad = copy.deepcopy(report)
        target = bad
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        assert errors(validator, bad), path
    missing = copy.deepcopy(report)
    del missing["signature"]
    assert errors(validator, missing)
