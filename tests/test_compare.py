"""Baseline comparison: the paired bootstrap, regressions, lost facts, signatures, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import harness.compare as compare_mod
from harness.cli import main
from harness.compare import (
    bootstrap_means,
    compare_reports,
    comparison_to_dict,
    paired_bootstrap,
    render_comparison_markdown,
    render_comparison_text,
    signature_differences,
)
from harness.errors import ConfigError
from harness.results import load_report

SIG = "harness:0.1.0|nrefs:doc=2|rouge:rouge-score-rs-0.2.1|tok:default|stem:yes|facts:doc=abc"


def candidate(
    cid: str,
    r1: float,
    verdicts: dict[str, str] | None = None,
    doc: str = "doc",
    status: str = "ok",
) -> dict:
    facts = None
    if verdicts is not None:
        present = sum(v == "present" for v in verdicts.values())
        facts = {
            "coverage": present / len(verdicts),
            "present": present,
            "absent": sum(v == "absent" for v in verdicts.values()),
            "contradicted": sum(v == "contradicted" for v in verdicts.values()),
            "results": [{"id": k, "verdict": v} for k, v in verdicts.items()],
        }
    prf = {"precision": r1, "recall": r1, "fmeasure": r1}
    return {
        "id": cid,
        "path": f"{cid}.txt",
        "document": doc,
        "status": status,
        "error": None,
        "rouge": {t: prf for t in ("rouge1", "rouge2", "rougeL", "rougeLsum")},
        "embedding": None,
        "facts": facts,
    }


def report(cands: list[dict], signature: str = SIG) -> dict:
    return {"signature": signature, "candidates": cands}


# ---------------------------------------------------------------- bootstrap


def test_bootstrap_equals_a_direct_numpy_computation() -> None:
    rng = np.random.default_rng(123)
    base = rng.random(40)
    cur = base + rng.normal(0.01, 0.05, 40)
    delta, low, high = paired_bootstrap(base, cur, resamples=5000, seed=42)

    d = cur - base
    direct_rng = np.random.default_rng(42)
    means = d[direct_rng.integers(0, d.size, (5000, d.size))].mean(axis=1)
    expected_low, expected_high = np.percentile(means, [2.5, 97.5])
    assert delta == pytest.approx(d.mean(), abs=1e-15)
    assert low == pytest.approx(expected_low, abs=1e-12)
    assert high == pytest.approx(expected_high, abs=1e-12)
    # the same seed gives the same interval; another seed another one
    assert paired_bootstrap(base, cur, resamples=5000, seed=42) == (delta, low, high)
    assert paired_bootstrap(base, cur, resamples=5000, seed=43)[1] != low


def test_bootstrap_agrees_with_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(7)
    base = rng.random(25)
    cur = base + rng.normal(-0.02, 0.04, 25)
    _, low, high = paired_bootstrap(base, cur, resamples=3000, seed=11)
    kwargs = {"n_resamples": 3000, "method": "percentile", "paired": True, "vectorized": True}
    try:
        res = stats.bootstrap(
            (base, cur),
            lambda b, c, axis=-1: np.mean(c - b, axis=axis),
            rng=np.random.default_rng(11),
            **kwargs,
        )
    except TypeError:  # scipy < 1.15 names the generator random_state
        res = stats.bootstrap(
            (base, cur),
            lambda b, c, axis=-1: np.mean(c - b, axis=axis),
            random_state=np.random.default_rng(11),
            **kwargs,
        )
    assert low == pytest.approx(res.confidence_interval.low, abs=1e-12)
    assert high == pytest.approx(res.confidence_interval.high, abs=1e-12)


def test_blocked_draws_are_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare_mod, "_CHUNK_ELEMENTS", 50)  # many small blocks of rows
    d = np.linspace(-1, 1, 20)
    a = bootstrap_means(d, 1000, 3)
    assert a.shape == (1000,)
    assert np.array_equal(a, bootstrap_means(d, 1000, 3))


def test_known_significant_and_known_null() -> None:
    base = [0.5 + 0.01 * i for i in range(30)]
    worse = [b - 0.1 + (0.01 if i % 2 else -0.01) for i, b in enumerate(base)]
    comp = compare_reports(
        report([candidate(f"c{i}", b) for i, b in enumerate(base)]),
        report([candidate(f"c{i}", w) for i, w in enumerate(worse)]),
        resamples=2000,
    )
    r1 = next(m for m in comp.metrics if m.metric == "rouge1")
    assert r1.delta == pytest.approx(-0.1)
    assert r1.ci_high < 0 and r1.verdict == "regression"
    assert [m.metric for m in comp.regressions()] == ["rouge1", "rouge2", "rougeL", "rougeLsum"]

    # null: differences +-0.05 alternating, mean 0: the interval straddles zero
    same = [b + (0.05 if i % 2 else -0.05) for i, b in enumerate(base)]
    null = compare_reports(
        report([candidate(f"c{i}", b) for i, b in enumerate(base)]),
        report([candidate(f"c{i}", s) for i, s in enumerate(same)]),
        resamples=2000,
    )
    r1 = next(m for m in null.metrics if m.metric == "rouge1")
    assert r1.ci_low < 0 < r1.ci_high and r1.verdict == "no change"
    assert null.regressions() == ()


def test_contradicted_is_lower_is_better_and_lost_facts_are_listed() -> None:
    base = [candidate(f"c{i}", 0.5, {"a": "present", "b": "absent"}) for i in range(10)]
    cur = [candidate(f"c{i}", 0.5, {"a": "contradicted", "b": "absent"}) for i in range(10)]
    cur[0] = candidate("c0", 0.5, {"a": "absent", "b": "contradicted"})
    comp = compare_reports(report(base), report(cur), resamples=1000)
    verdicts = {m.metric: m.verdict for m in comp.metrics}
    assert verdicts["contradicted"] == "regression" and verdicts["coverage"] == "regression"
    lost = {(f.candidate, f.fact, f.before, f.now) for f in comp.lost_facts}
    assert ("c0", "a", "present", "absent") in lost
    assert ("c0", "b", "absent", "contradicted") in lost
    assert ("c1", "a", "present", "contradicted") in lost
    assert not any(f.fact == "b" and f.candidate != "c0" for f in comp.lost_facts)


def test_matching_by_document_and_id() -> None:
    base = report(
        [
            candidate("a", 0.5),
            candidate("a", 0.4, doc="other"),
            candidate("gone", 0.1),
            candidate("broken", 0.3),
        ]
    )
    cur = report(
        [
            candidate("a", 0.6),
            candidate("a", 0.4, doc="other"),
            candidate("new", 0.1),
            candidate("broken", 0.3, status="error"),
        ]
    )
    comp = compare_reports(base, cur, resamples=100)
    assert comp.matched == 2  # (doc, a) and (other, a); broken is not scored now
    assert comp.only_in_baseline == ("doc/gone",) and comp.only_in_current == ("doc/new",)
    deltas = {(c.document, c.candidate): c.deltas["rouge1"] for c in comp.candidates}
    assert deltas == {("doc", "a"): pytest.approx(0.1), ("other", "a"): 0.0}
    assert {m.document for m in comp.per_document} == {"doc", "other"}  # several documents


def test_signature_differences() -> None:
    assert signature_differences(SIG, SIG) == ()
    other = SIG.replace("stem:yes", "stem:no").replace("|facts:doc=abc", "") + "|model:x@1"
    assert signature_differences(SIG, other) == (
        "stem: yes -> no",
        "facts: doc=abc -> (absent)",
        "model: (absent) -> x@1",
    )
    comp = compare_reports(
        report([candidate("a", 0.5)]), report([candidate("a", 0.5)], other), resamples=10
    )
    data = comparison_to_dict(comp)
    assert data["comparable"] is False and "stem: yes -> no" in data["signature_mismatch"]
    assert "SIGNATURE MISMATCH" in render_comparison_text(comp)
    assert "not comparable" in render_comparison_markdown(comp)


def test_load_report_errors_and_jsonl(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="report not found"):
        load_report(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text('{"x": 1}')
    with pytest.raises(ConfigError, match="not a harness JSON report"):
        load_report(tmp_path / "bad.json")
    lines = [json.dumps(candidate("a", 0.5)), json.dumps({"summary": {}, "signature": SIG})]
    (tmp_path / "r.jsonl").write_text("\n".join(lines) + "\n")
    data = load_report(tmp_path / "r.jsonl")
    assert data["signature"] == SIG and [c["id"] for c in data["candidates"]] == ["a"]


# ---------------------------------------------------------------- CLI


def write_report(path: Path, values: list[float], signature: str = SIG) -> Path:
    path.write_text(
        json.dumps(report([candidate(f"c{i}", v) for i, v in enumerate(values)], signature))
    )
    return path


def compare_cli(*args: str):
    return CliRunner().invoke(main, ["compare", *args], catch_exceptions=False)


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no gate config: every metric is gated
    base = [0.4 + 0.02 * i for i in range(20)]
    write_report(tmp_path / "base.json", base)
    noise = np.random.default_rng(1).normal(0, 0.02, len(base))
    write_report(tmp_path / "worse.json", [b - 0.05 + e for b, e in zip(base, noise, strict=True)])
    write_report(tmp_path / "same.json", base)
    return tmp_path


def test_compare_cli_exit_codes(reports: Path) -> None:
    assert compare_cli("base.json", "same.json", "--fail-on-regression").exit_code == 0
    worse = compare_cli("base.json", "worse.json", "--format", "json")
    assert worse.exit_code == 0  # regressions are reported, exit 1 only when asked
    data = json.loads(worse.stdout)
    assert data["regressions"] == ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    assert data["failed"] is False and data["resamples"] == 10_000 and data["seed"] == 0
    failed = compare_cli("base.json", "worse.json", "--fail-on-regression", "--format", "json")
    assert failed.exit_code == 1 and json.loads(failed.stdout)["failed"] is True
    assert "regression: rouge1" in failed.stderr
    assert compare_cli("base.json", "missing.json").exit_code == 2
    assert compare_cli("base.json", "same.json", "--resamples", "0").exit_code == 2


def test_only_gated_metrics_fail(reports: Path) -> None:
    (reports / "harness.toml").write_text("[gate]\ncoverage = 0.5\n")
    result = compare_cli("base.json", "worse.json", "--fail-on-regression", "--format", "json")
    assert result.exit_code == 0  # rouge regressed, but only coverage is gated
    assert json.loads(result.stdout)["gated"] == ["coverage"]
    (reports / "harness.toml").write_text("[gate.mean]\nrougeL = 0.1\n")
    assert compare_cli("base.json", "worse.json", "--fail-on-regression").exit_code == 1


def test_compare_is_reproducible_and_resamples_is_an_option(reports: Path) -> None:
    a = compare_cli("base.json", "worse.json", "--format", "json", "--resamples", "500").stdout
    b = compare_cli("base.json", "worse.json", "--format", "json", "--resamples", "500").stdout
    assert a == b and json.loads(a)["resamples"] == 500
    c = compare_cli("base.json", "worse.json", "--format", "json", "--seed", "9").stdout
    assert json.loads(c)["metrics"][0]["ci"] != json.loads(a)["metrics"][0]["ci"]


def test_signature_mismatch_is_loud(reports: Path) -> None:
    write_report(reports / "nostem.json", [0.5] * 20, SIG.replace("stem:yes", "stem:no"))
    result = compare_cli("base.json", "nostem.json", "--format", "table")
    assert "SIGNATURE MISMATCH" in result.stdout and "stem: yes -> no" in result.stdout
    assert "not comparable" in result.stderr
    data = json.loads(compare_cli("base.json", "nostem.json", "--format", "json").stdout)
    assert data["signature_mismatch"] == ["stem: yes -> no"]


def test_markdown_and_step_summary(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = reports / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = compare_cli("base.json", "worse.json", "--format", "markdown")
    assert result.stdout.startswith("20 candidates in both reports")
    assert "| rouge1 | 20 |" in result.stdout
    assert summary.read_text().startswith("## harness compare")


def test_score_save_baseline_then_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "references" / "park"
    doc.mkdir(parents=True)
    (doc / "article.txt").write_text("The council approved a park. It opens in spring.")
    (doc / "ref.txt").write_text("The council approved a park that opens in spring.")
    cands = tmp_path / "candidates"
    cands.mkdir()
    for i in range(6):
        (cands / f"c{i}.txt").write_text(f"The council approved park number {i} in spring.")
    monkeypatch.chdir(tmp_path)

    def score(*args: str):
        return CliRunner().invoke(
            main,
            ["score", "candidates", "--metrics", "rouge", "--no-progress", *args],
            catch_exceptions=False,
        )

    first = score("--format", "csv", "--save-baseline", "base.json")
    assert first.exit_code == 0 and first.stdout.startswith("id,")
    saved = json.loads((tmp_path / "base.json").read_text())
    assert saved["summary"]["candidates"] == 6 and "gate" in saved
    same = score("--format", "json", "--baseline", "base.json", "--fail-on-regression")
    assert same.exit_code == 0
    assert json.loads(same.stdout)["comparison"]["regressions"] == []
    for i in range(6):
        (cands / f"c{i}.txt").write_text(f"Number {i}.")
    worse = score("--format", "json", "--baseline", "base.json", "--fail-on-regression")
    assert worse.exit_code == 1
    comparison = json.loads(worse.stdout)["comparison"]
    assert "rouge1" in comparison["regressions"] and comparison["failed"] is True
    table = score("--format", "table", "--baseline", "base.json")
    assert table.exit_code == 0 and "REGRESSION (gated)" in table.stdout
