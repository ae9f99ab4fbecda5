"""The CI gate: every threshold kind, required facts, config files and options, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from harness.cli import main
from harness.config import load_gate_config, parse_cli_thresholds
from harness.errors import ConfigError
from harness.gate import (
    GateConfig,
    Threshold,
    evaluate_gate,
    gate_to_dict,
    render_gate_text,
)
from harness.grounding import GroundingResult
from harness.matcher import FactResult, FactsResult
from harness.metrics import metric_names
from harness.results import CandidateResult, EmbeddingResult, RunResult
from harness.rouge import PRF, ROUGE_TYPES, RougeResult
from harness.run import summarize

REPO = Path(__file__).resolve().parent.parent
ARTICLE = (
    "The city council approved a new park on Monday. The park will open in spring "
    "and include a playground. Funding comes from a state grant of two million dollars."
)
FACTS_TOML = """
[[fact]]
id = "park-approved"
statement = "The council approved a new park."
required = true
slots = { who = ["council"], did = ["approv*"], what = ["park"] }

[[fact]]
id = "spring"
statement = "The park opens in spring."
slots = { what = ["park", "it"], when = ["spring"] }
"""


# ---------------------------------------------------------------- builders


def cand(
    cid: str,
    value: float = 0.5,
    verdicts: dict[str, str] | None = None,
    status: str = "ok",
    document: str = "doc",
    rouge: bool = True,
    embedding: bool = True,
    grounding: bool = True,
) -> CandidateResult:
    """A candidate whose every ROUGE F and embedding score is `value`."""
    if status != "ok":
        return CandidateResult(cid, f"{cid}.txt", document, "error", f"{cid}.txt: unreadable")
    prf = {t: PRF(value, value, value) for t in ROUGE_TYPES}
    facts = None
    if verdicts is not None:
        results = tuple(
            FactResult(
                fid,
                v,
                "evidence" if v != "absent" else None,
                (0, 8) if v != "absent" else None,
                0.9,
            )  # type: ignore[arg-type]
            for fid, v in verdicts.items()
        )
        present = sum(v == "present" for v in verdicts.values())
        facts = FactsResult(
            present / len(verdicts),
            present,
            sum(v == "absent" for v in verdicts.values()),
            sum(v == "contradicted" for v in verdicts.values()),
            results,
        )
    return CandidateResult(
        cid,
        f"{cid}.txt",
        document,
        "ok",
        None,
        {
            name: result
            for name, result in (
                ("rouge", RougeResult(prf, prf) if rouge else None),
                ("embedding", EmbeddingResult(value, value, value) if embedding else None),
                ("facts", facts),
                ("grounding", GroundingResult(value, 0, 0, 0, 0, (), ()) if grounding else None),
            )
            if result is not None
        },
    )


def make_run(
    cands: list[CandidateResult], metrics=("rouge", "embedding", "facts", "grounding")
) -> RunResult:
    return RunResult(
        tuple(cands), summarize(cands), "harness:0.1.0|sig", {"metrics": list(metrics)}
    )


def documents(required: dict[str, bool], doc: str = "doc") -> dict:
    facts = tuple(
        SimpleNamespace(id=k, statement=f"{k} holds", required=v) for k, v in required.items()
    )
    return {doc: SimpleNamespace(facts=SimpleNamespace(facts=facts))}


def gate(*thresholds: Threshold, required_facts: bool = True) -> GateConfig:
    return GateConfig(tuple(thresholds), required_facts)


# ---------------------------------------------------------------- threshold kinds


@pytest.mark.parametrize("metric", metric_names("higher"))
def test_every_min_metric_fails_under_and_passes_at_threshold(metric: str) -> None:
    verdicts = {"a": "present", "b": "absent"}  # coverage 0.5, like every other metric
    run = make_run(
        [
            cand("low", 0.4, {"a": "absent", "b": "absent"} if metric == "coverage" else verdicts),
            cand("at", 0.5, verdicts),
        ]
    )
    result = evaluate_gate(run, gate(Threshold(metric, 0.5)))
    assert not result.passed
    assert [(f.candidate, f.metric, f.threshold) for f in result.failures] == [("low", metric, 0.5)]
    assert result.failures[0].value == (0.0 if metric == "coverage" else 0.4)
    assert "low" in result.failures[0].message and "0.5" in result.failures[0].message
    assert [k.status for k in result.checks] == ["failed", "passed"]


def test_max_contradicted() -> None:
    run = make_run(
        [
            cand("clean", verdicts={"a": "present", "b": "absent"}),
            cand("liar", verdicts={"a": "contradicted", "b": "present"}),
            cand("two", verdicts={"a": "contradicted", "b": "contradicted"}),
        ]
    )
    zero = evaluate_gate(run, gate(Threshold("contradicted", 0)))
    assert [(f.candidate, f.value, f.threshold) for f in zero.failures] == [
        ("liar", 1, 0),
        ("two", 2, 0),
    ]
    assert zero.checks[0].name == "contradicted <= 0"
    one = evaluate_gate(run, gate(Threshold("contradicted", 1)))
    assert [f.candidate for f in one.failures] == ["two"]


def test_mean_thresholds() -> None:
    run = make_run(
        [
            cand("a", 0.2, {"f": "contradicted"}),
            cand("b", 0.6, {"f": "present"}),
        ]
    )  # mean rouge1 0.4, mean contradicted 0.5
    ok = evaluate_gate(
        run, gate(Threshold("rouge1", 0.4, "mean"), Threshold("contradicted", 0.5, "mean"))
    )
    assert ok.passed and [k.metric for k in ok.checks] == ["mean.rouge1", "mean.contradicted"]
    bad = evaluate_gate(
        run,
        gate(
            Threshold("rouge1", 0.41, "mean"),
            Threshold("contradicted", 0.4, "mean"),
            Threshold("embedding_max", 0.5, "mean"),
        ),
    )
    assert [(f.candidate, f.metric, f.value, f.threshold) for f in bad.failures] == [
        (None, "mean.rouge1", 0.4, 0.41),
        (None, "mean.embedding_max", 0.4, 0.5),
        (None, "mean.contradicted", 0.5, 0.4),
    ]


def test_required_fact_fails_whatever_the_coverage() -> None:
    docs = documents({"key": True, "minor": False, "other": False})
    run = make_run(
        [
            cand("missing-key", verdicts={"key": "absent", "minor": "present", "other": "present"}),
            cand(
                "contradicts-key",
                verdicts={"key": "contradicted", "minor": "present", "other": "present"},
            ),
            cand(
                "missing-minor", verdicts={"key": "present", "minor": "absent", "other": "absent"}
            ),
        ]
    )
    result = evaluate_gate(run, gate(Threshold("coverage", 0.3)), docs)
    assert [(f.candidate, f.metric, f.value, f.threshold) for f in result.failures] == [
        ("missing-key", "fact:key", "absent", "present"),
        ("contradicts-key", "fact:key", "contradicted", "present"),
    ]
    assert "lacks required fact key" in result.failures[0].message
    assert "contradicts required fact key" in result.failures[1].message
    # the check is off with required-facts = false
    assert evaluate_gate(run, gate(required_facts=False), docs).passed


def test_rounding_matches_the_report() -> None:
    run = make_run([cand("c", verdicts={"a": "present", "b": "present", "c": "absent"})])
    assert evaluate_gate(run, gate(Threshold("coverage", 0.666667))).passed
    assert not evaluate_gate(run, gate(Threshold("coverage", 0.666668))).passed


def test_unscored_candidate_is_listed_not_failed() -> None:
    run = make_run([cand("ok", 0.9), cand("broken", status="error")])
    result = evaluate_gate(run, gate(Threshold("rouge1", 0.5)))
    assert result.passed and not result.failures
    assert [(e.candidate, e.error) for e in result.errors] == [("broken", "broken.txt: unreadable")]
    data = gate_to_dict(result)
    assert data["errors"] == [
        {"candidate": "broken", "document": "doc", "error": "broken.txt: unreadable"}
    ]


def test_metric_not_computed_is_skipped_with_a_note() -> None:
    run = make_run(
        [cand("a", 0.1, embedding=False), cand("b", 0.1, embedding=False)], metrics=("rouge",)
    )
    docs = documents({"k": True})
    result = evaluate_gate(
        run,
        gate(
            Threshold("coverage", 1.0),
            Threshold("embedding_max", 0.9),
            Threshold("coverage", 1.0, "mean"),
        ),
        docs,
    )
    assert result.passed
    assert {k.status for k in result.checks} == {"skipped"}
    assert any(
        n.startswith("skipped coverage >= 1.0: facts not computed") and "(2 candidates)" in n
        for n in result.notes
    )
    assert any("embedding_max >= 0.9" in n for n in result.notes)
    assert any("required facts" in n for n in result.notes)
    assert any("mean.coverage" in n for n in result.notes)


def test_gate_json_and_text() -> None:
    run = make_run([cand("a", 0.1), cand("b", 0.9)])
    result = evaluate_gate(run, gate(Threshold("rougeL", 0.3)))
    data = gate_to_dict(result)
    assert list(data) == ["passed", "checks", "failures_total", "failures", "skipped", "errors"]
    assert data["failures_total"] == len(data["failures"])
    assert data["passed"] is False and data["checks"] == 2
    assert data["failures"] == [
        {
            "candidate": "a",
            "document": "doc",
            "metric": "rougeL",
            "value": 0.1,
            "threshold": 0.3,
            "message": "a: rougeL 0.1 is under the threshold 0.3",
        }
    ]
    text = render_gate_text(result)
    assert text.startswith("gate: FAILED (1 of 2 checks failed)")
    assert "a  " in text and "rougeL" in text and "0.1" in text and "0.3" in text


# ---------------------------------------------------------------- config


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
[project]
name = "x"
[tool.harness.gate]
coverage = 1.0
rouge1 = 0.3
max-contradicted = 0
required-facts = false
[tool.harness.gate.mean]
rougeL = 0.25
max-contradicted = 0.5
""",
    )
    config = load_gate_config(tmp_path)
    assert {(t.name, t.op, t.value) for t in config.thresholds} == {
        ("coverage", ">=", 1.0),
        ("rouge1", ">=", 0.3),
        ("contradicted", "<=", 0),
        ("mean.rougeL", ">=", 0.25),
        ("mean.contradicted", "<=", 0.5),
    }
    assert config.required_facts is False
    assert config.thresholds[1].source == "pyproject.toml [tool.harness.gate] coverage"
    assert set(config.metrics) == {"coverage", "rouge1", "contradicted", "rougeL"}


def test_harness_toml_wins_and_cli_wins_over_files(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.harness.gate]\nrouge1 = 0.9\nrouge2 = 0.9\n")
    write(tmp_path / "harness.toml", "[gate]\nrouge1 = 0.3\n")
    config = load_gate_config(tmp_path)
    assert [(t.name, t.value) for t in config.thresholds] == [("rouge1", 0.3)]  # no merging
    over = load_gate_config(
        tmp_path, overrides=parse_cli_thresholds(["rouge1=0.5", "mean.rouge1=0.4"])
    )
    assert [(t.name, t.value) for t in over.thresholds] == [("rouge1", 0.5), ("mean.rouge1", 0.4)]
    named = load_gate_config(tmp_path, write(tmp_path / "ci.toml", "[gate]\nrouge2 = 0.1\n"))
    assert [(t.name, t.value) for t in named.thresholds] == [("rouge2", 0.1)]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert load_gate_config(empty) == GateConfig()  # no config file: only required facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[tool.harness.gate]\nrouge3 = 0.3\n", "[tool.harness.gate] unknown metric 'rouge3'"),
        (
            "[tool.harness.gate.mean]\nbleu = 0.3\n",
            "[tool.harness.gate.mean] unknown metric 'bleu'",
        ),
        ("[tool.harness.gate]\nmax-rouge1 = 1\n", "unknown key 'max-rouge1'"),
        ("[tool.harness.gate]\ncontradicted = 0\n", "write max-contradicted = N"),
        ("[tool.harness.gate]\nrouge1 = 30\n", "rouge1 must be between 0 and 1, got 30"),
        ("[tool.harness.gate]\ncoverage = true\n", "coverage must be a number"),
        ("[tool.harness.gate]\nmax-contradicted = 0.5\n", "must be a whole number"),
        ("[tool.harness.gate]\nmax-contradicted = -1\n", "must be 0 or more"),
        ("[tool.harness.gate]\nrequired-facts = 1\n", "required-facts must be true or false"),
        ("[tool.harness.gate\n", "invalid TOML"),
    ],
)
def test_config_errors_name_file_and_key(tmp_path: Path, text: str, expected: str) -> None:
    write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError) as info:
        load_gate_config(tmp_path)
    assert "pyproject.toml" in str(info.value)
    assert expected in str(info.value)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("rouge3=0.3", "--fail-under rouge3=0.3: unknown metric 'rouge3'"),
        ("mean.bleu=0.3", "unknown metric 'bleu'"),
        ("rouge1", "expected NAME=VALUE"),
        ("rouge1=abc", "'abc' is not a number"),
        ("coverage=2", "must be between 0 and 1"),
        ("contradicted=0", "use --fail-over"),
    ],
)
def test_cli_threshold_errors_name_the_option(spec: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_cli_thresholds([spec])
    assert expected in str(info.value)


def test_named_config_file_must_exist_and_hold_a_gate(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_gate_config(tmp_path, tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match=r"no \[gate\] table"):
        load_gate_config(tmp_path, write(tmp_path / "empty.toml", "x = 1\n"))


# ---------------------------------------------------------------- CLI and exit codes


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp project with one document (a required and an optional fact), cwd set to it."""
    doc = tmp_path / "references" / "park"
    doc.mkdir(parents=True)
    write(doc / "article.txt", ARTICLE)
    write(doc / "ref-0.txt", "The council approved a park that opens in spring with a playground.")
    write(doc / "facts.toml", FACTS_TOML)
    cands = tmp_path / "candidates"
    cands.mkdir()
    write(cands / "good.txt", "The council approved a new park. The park opens in spring.")
    write(cands / "vague.txt", "A park with a playground will open in spring.")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def score(*args: str):
    runner = CliRunner()
    return runner.invoke(
        main, ["score", "candidates", "--no-progress", *args], catch_exceptions=False
    )


def test_exit_0_when_the_gate_passes(project: Path) -> None:
    (project / "candidates" / "vague.txt").unlink()
    result = score("--metrics", "rouge,facts", "--format", "json", "--fail-under", "rouge1=0.1")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["gate"]["passed"] is True
    assert data["gate"]["failures"] == []
    assert data["gate"]["checks"] == 2  # rouge1 and the required fact
    assert "gate: passed" in result.stderr


def test_exit_1_on_a_required_fact_with_failures_listed(project: Path) -> None:
    by_id = json.loads(score("--metrics", "rouge,facts", "--format", "json", "--no-gate").stdout)
    facts = {c["id"]: c["facts"]["results"][0]["verdict"] for c in by_id["candidates"]}
    assert facts == {"good": "present", "vague": "absent"}
    result = score("--metrics", "rouge,facts", "--format", "table")
    assert result.exit_code == 1
    assert "gate: FAILED (1 of 2 checks failed)" in result.stdout
    line = next(x for x in result.stdout.splitlines() if "fact:park-approved" in x)
    assert line.split() == ["vague", "fact:park-approved", "absent", "present"]


def test_exit_1_on_a_threshold_from_pyproject(project: Path) -> None:
    write(project / "pyproject.toml", "[tool.harness.gate]\nrouge2 = 0.99\n")
    result = score("--metrics", "rouge", "--format", "json")
    assert result.exit_code == 1
    failures = json.loads(result.stdout)["gate"]["failures"]
    assert {(f["candidate"], f["metric"], f["threshold"]) for f in failures} == {
        ("good", "rouge2", 0.99),
        ("vague", "rouge2", 0.99),
    }
    # the command line overrides the file; --no-gate skips it
    assert (
        score("--metrics", "rouge", "--format", "json", "--fail-under", "rouge2=0").exit_code == 0
    )
    off = score("--metrics", "rouge", "--format", "json", "--no-gate")
    assert off.exit_code == 0 and "gate" not in json.loads(off.stdout)


def test_exit_1_when_a_candidate_cannot_be_scored_gate_or_not(project: Path) -> None:
    (project / "candidates" / "binary.txt").write_bytes(b"\x00\x01")
    result = score("--metrics", "rouge", "--format", "json")
    assert result.exit_code == 1
    gate_data = json.loads(result.stdout)["gate"]
    assert gate_data["passed"] is True  # not a gate failure ...
    assert [e["candidate"] for e in gate_data["errors"]] == ["binary"]  # ... but listed


def test_skipped_metric_note_on_stderr(project: Path) -> None:
    result = score("--metrics", "rouge", "--format", "json", "--fail-under", "coverage=1.0")
    assert result.exit_code == 0
    assert "note: gate skipped coverage >= 1.0: facts not computed in this run" in result.stderr
    assert len([x for x in result.stderr.splitlines() if "skipped coverage" in x]) == 1


def test_exit_2_on_config_and_option_errors(project: Path) -> None:
    bad = score("--metrics", "rouge", "--fail-under", "rouge9=0.2")
    assert bad.exit_code == 2
    assert "--fail-under rouge9=0.2: unknown metric 'rouge9'" in bad.stderr
    write(project / "harness.toml", "[gate]\nembedding_maxi = 0.5\n")
    bad = score("--metrics", "rouge")
    assert bad.exit_code == 2
    assert "harness.toml: [gate] unknown metric 'embedding_maxi'" in bad.stderr
    assert score("--metrics", "rouge", "--config", "nope.toml").exit_code == 2
    assert score("--metrics", "rouge", "--fail-on-regression").exit_code == 2


def test_exit_3_on_internal_error_in_the_gate(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import harness.gate

    def boom(*args, **kwargs):
        raise RuntimeError("gate exploded")

    monkeypatch.setattr(harness.gate.GateAccumulator, "add", boom)
    result = score("--metrics", "rouge")
    assert result.exit_code == 3
    assert "internal error: RuntimeError: gate exploded" in result.stderr


def test_this_repos_gate_fails_its_bad_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = score("--metrics", "rouge,facts", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    failures = {(f["candidate"], f["metric"]) for f in data["gate"]["failures"]}
    assert ("contradicts-troops", "fact:no-us-troops") in failures
    assert ("contradicts-troops", "contradicted") in failures
    assert ("off-topic", "coverage") in failures
    assert ("good-missing-article5", "fact:no-article-5") in failures
    # every fact is required there, so the failing candidates are exactly those that
    # miss or contradict one, whatever the matcher's verdicts are today
    imperfect = {
        c["id"]
        for c in data["candidates"]
        if any(r["verdict"] != "present" for r in c["facts"]["results"])
    }
    assert {c for c, _ in failures} == imperfect
    assert "excellent-abstract" not in imperfect
    for f in data["gate"]["failures"]:
        assert {"candidate", "metric", "value", "threshold"} <= set(f)


def test_streamed_gate_keeps_a_bounded_failure_list() -> None:
    """A streamed run keeps at most `max_failures` failures in detail and counts the rest."""
    from harness.gate import GateAccumulator, GateConfig, Threshold, verdict_line

    config = GateConfig((Threshold("rouge1", 0.99),), required_facts=False)
    acc = GateAccumulator(config, None, {"rouge"}, keep_checks=False, max_failures=3)
    for i in range(10):
        acc.add(cand(f"c{i}", value=0.5 if i % 2 else 1.0))
    result = acc.finish({})
    assert not result.passed
    assert len(result.failures) == 3 and result.failures_dropped == 2
    assert result.failed_count == 5 and result.total == 10
    assert verdict_line(result) == "gate: FAILED (5 of 10 checks failed)"
    assert gate_to_dict(result)["failures_total"] == 5
