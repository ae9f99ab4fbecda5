"""Reports CI reads: JUnit XML validated against the schema, GitHub annotations, step summary."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import park_project

from harness.ci_report import (
    append_step_summary,
    command,
    escape_data,
    escape_property,
    locate,
    render_github,
    render_junit,
    render_step_summary,
)
from harness.cli import main
from harness.gate import GateConfig, Threshold, evaluate_gate
from harness.matcher import FactResult, FactsResult
from harness.results import CandidateResult, RunResult
from harness.rouge import PRF, ROUGE_TYPES, RougeResult
from harness.run import summarize

etree = pytest.importorskip("lxml.etree")
SCHEMA_PATH = Path(__file__).parent / "data" / "junit.xsd"
STAMP = dt.datetime(2025, 1, 2, 3, 4, 5)


def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


def cand(
    cid: str, value: float, verdict: str = "present", doc: str = "doc", status: str = "ok"
) -> CandidateResult:
    if status != "ok":
        return CandidateResult(cid, f"{cid}.txt", doc, "error", f"{cid}.txt: not valid UTF-8")
    prf = {t: PRF(value, value, value) for t in ROUGE_TYPES}
    span = (0, 5) if verdict != "absent" else None
    facts = FactsResult(
        1.0 if verdict == "present" else 0.0,
        int(verdict == "present"),
        int(verdict == "absent"),
        int(verdict == "contradicted"),
        (FactResult("key", verdict, "text" if span else None, span, 0.9),),
    )  # type: ignore[arg-type]
    scores = {"rouge": RougeResult(prf, prf), **({"facts": facts} if facts else {})}
    return CandidateResult(cid, f"{cid}.txt", doc, "ok", None, scores)


def make_run(cands: list[CandidateResult]) -> RunResult:
    return RunResult(
        tuple(cands), summarize(cands), "harness:0.1.0|stem:yes", {"metrics": ["rouge", "facts"]}
    )


def validate(xml: str):
    """Parse with a real XML parser, validate against the schema, check every count."""
    root = etree.fromstring(xml.encode("utf-8"))
    assert schema().validate(root), schema().error_log
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": len(suite.findall("testcase/failure")),
            "errors": len(suite.findall("testcase/error")),
            "skipped": len(suite.findall("testcase/skipped")),
        }
        for key, value in counts.items():
            assert int(suite.get(key)) == value, (suite.get("name"), key)
            totals[key] += value
    for key, value in totals.items():
        if key != "skipped":  # the Jenkins schema has no `skipped` on <testsuites>
            assert int(root.get(key)) == value, key
    assert root.get("skipped") is None
    return root


def test_junit_is_valid_with_one_testcase_per_candidate_and_check() -> None:
    run = make_run(
        [
            cand("good", 0.6),
            cand("weak", 0.1, "absent"),
            cand("liar", 0.5, "contradicted"),
            cand("broken", 0, status="error"),
            cand("other-doc", 0.7, doc="second"),
        ]
    )
    docs = {
        "doc": type(
            "D",
            (),
            {
                "facts": type(
                    "F",
                    (),
                    {
                        "facts": (
                            type("Fact", (), {"id": "key", "required": True, "statement": "s"})(),
                        )
                    },
                )()
            },
        )(),
    }
    result = evaluate_gate(
        run,
        GateConfig(
            (
                Threshold("rouge1", 0.3),
                Threshold("contradicted", 0),
                Threshold("rougeL", 0.5, "mean"),
            )
        ),
        docs,
    )
    root = validate(render_junit(run, result, timestamp=STAMP, elapsed=1.25))
    assert [s.get("name") for s in root.findall("testsuite")] == ["doc", "second", "mean"]
    doc = root.find("testsuite[@name='doc']")
    names = [(t.get("classname"), t.get("name")) for t in doc.findall("testcase")]
    assert ("good", "rouge1 >= 0.3") in names
    assert ("good", "contradicted <= 0") in names
    assert ("good", "fact:key (required)") in names
    assert ("broken", "scored") in names
    weak = doc.find("testcase[@classname='weak'][@name='rouge1 >= 0.3']/failure")
    assert weak.get("type") == "GateFailure" and "0.1" in weak.get("message")
    assert "threshold: 0.3" in weak.text
    assert doc.find("testcase[@classname='broken']/error").get("type") == "ScoringError"
    assert doc.get("timestamp") == "2025-01-02T03:04:05" and root.get("time") == "1.250"
    mean = root.find("testsuite[@name='mean']/testcase")
    assert mean.get("classname") == "run" and mean.find("failure") is not None
    # weak: rouge1 and the required fact; liar: contradicted and the fact; the mean rougeL
    assert root.get("failures") == "5" and root.get("errors") == "1"


def test_junit_escapes_any_text() -> None:
    nasty = "a<b>&\"c'\x01\x1b[31m"
    run = make_run([cand(nasty, 0.1), cand("bad\x00file", 0, status="error", doc="d<&>")])
    result = evaluate_gate(run, GateConfig((Threshold("rouge2", 0.5),)))
    xml = render_junit(run, result, timestamp=STAMP)
    root = validate(xml)
    case = root.find("testsuite/testcase")
    assert case.get("classname") == "a<b>&\"c'\ufffd\ufffd[31m"
    assert "\x01" not in xml and "\x00" not in xml
    assert root.find("testsuite[@name='d<&>']/testcase/error") is not None


def test_junit_without_gate_and_skipped_checks() -> None:
    run = make_run([cand("x", 0.5)])
    root = validate(render_junit(run, None, timestamp=STAMP))
    assert [(t.get("classname"), t.get("name")) for t in root.iter("testcase")] == [("x", "scored")]
    skipped = evaluate_gate(run, GateConfig((Threshold("embedding_max", 0.5),)))
    root = validate(render_junit(run, skipped, timestamp=STAMP))
    assert root.find("testsuite").get("skipped") == "1"
    assert root.find(".//skipped").get("message").startswith("skipped embedding_max >= 0.5")


def test_schema_rejects_what_readers_reject() -> None:
    """The schema is not vacuous: missing counts or two outcomes in one testcase fail."""
    bad_counts = (
        '<testsuites tests="1" failures="0" errors="0"><testsuite name="s">'
        '<testcase name="t" classname="c" time="0"/></testsuite></testsuites>'
    )
    two = (
        '<testsuites tests="1" failures="1" errors="1"><testsuite name="s" tests="1" '
        'failures="1" errors="1" skipped="0" time="0"><testcase name="t" classname="c" '
        'time="0"><failure/><error/></testcase></testsuite></testsuites>'
    )
    skipped_on_root = '<testsuites tests="0" failures="0" errors="0" skipped="0"></testsuites>'
    for xml in (bad_counts, two, skipped_on_root):
        assert not schema().validate(etree.fromstring(xml))


def test_junit_signature_once_and_real_times() -> None:
    """The signature is one property of the report, not one per suite; each candidate's
    scoring time is shared among its testcases and summed into its suite."""
    cands = [replace(cand(f"c{i}", 0.6, doc=f"doc{i % 3}"), seconds=0.25) for i in range(6)]
    run = make_run(cands)
    result = evaluate_gate(run, GateConfig((Threshold("rouge1", 0.3), Threshold("rouge2", 0.3))))
    root = validate(render_junit(run, result, timestamp=STAMP))
    props = root.findall(".//property[@name='signature']")
    assert len(props) == 1 and props[0].get("value") == run.signature
    assert len(root.findall("testsuite")) == 3
    for suite in root.findall("testsuite"):
        times = [float(t.get("time")) for t in suite.findall("testcase")]
        assert times == [0.125] * 4  # two candidates x two checks, 0.25 s each candidate
        assert float(suite.get("time")) == pytest.approx(0.5)
    unscored = make_run([cand("x", 0.6)])  # no time recorded: 0, still valid
    assert validate(render_junit(unscored, None)).find(".//testcase").get("time") == "0"


def test_junit_size_is_linear_in_candidates(tmp_path: Path, monkeypatch) -> None:
    """100 documents, 1,000 candidates, scored by the CLI with a per-candidate threshold:
    the JUnit file stays under 100 KB (the signature names every document, once)."""
    rng = random.Random(7)  # the generated texts, not the measurement, are random
    words = "council park budget river school bridge vote plan city water road".split()
    refs = tmp_path / "references"
    for d in range(100):
        doc = refs / f"doc{d:03d}"
        doc.mkdir(parents=True)
        (doc / "article.txt").write_text(" ".join(rng.choices(words, k=60)) + ".")
        (doc / "ref.txt").write_text(" ".join(rng.choices(words, k=20)) + ".")
    with (tmp_path / "preds.jsonl").open("w") as f:
        for i in range(1000):
            text = " ".join(rng.choices(words, k=25)) + "."
            f.write(
                json.dumps({"id": f"c{i:04d}", "document": f"doc{i % 100:03d}", "summary": text})
            )
            f.write("\n")
    (tmp_path / "harness.toml").write_text("[gate]\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main,
        ["score", "preds.jsonl", "--metrics", "rouge", "--no-progress", "--no-cache",
         "--fail-under", "rouge1=0.2", "--fail-under", "mean.rouge1=0.2",
         "--output", "junit=junit.xml", "--output", "json=report.json"],
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    xml = (tmp_path / "junit.xml").read_bytes()
    root = validate(xml.decode("utf-8"))
    assert len(root.findall("testsuite")) == 101  # 100 documents and the run mean
    assert len(root.findall("testsuite/testcase")) == 1001
    assert len(xml) < 100_000, len(xml)
    assert xml.count(b"nrefs:100docs@") == 1  # the signature (its digested nrefs), once
    assert sum(float(t.get("time")) for t in root.iter("testcase")) > 0
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["summary"]["candidates"] == 1000  # the same run wrote both


# ---------------------------------------------------------------- GitHub


def test_workflow_command_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = command("error", "msg: 100%, ok\n2", file="dir/a,b:c.txt", line=3, title="t: x,y")
    assert line == "::error file=dir/a%2Cb%3Ac.txt,line=3,title=t%3A x%2Cy::msg: 100%25, ok%0A2"
    assert command("notice", "hi") == "::notice::hi"


def test_locate_maps_jsonl_lines_and_spans(tmp_path: Path) -> None:
    assert locate("preds.jsonl:12") == ("preds.jsonl", 12)
    text = tmp_path / "c.txt"
    text.write_text("line one\nline two\nline three\n")
    assert locate(str(text), (text.read_text().index("three"), 30)) == (str(text), 3)
    assert locate(str(text)) == (str(text), None)
    assert locate(None) == (None, None)


def test_render_github() -> None:
    run = make_run([cand("ok", 0.9), cand("low,1", 0.1), cand("broken", 0, status="error")])
    result = evaluate_gate(run, GateConfig((Threshold("rouge1", 0.5),)))
    lines = render_github(run, result).splitlines()
    assert lines[0].startswith("::error file=broken.txt,title=harness%3A broken could not be")
    assert lines[1] == (
        "::error file=low%2C1.txt,title=harness gate%3A low%2C1%3A rouge1 >= 0.5::"
        "low,1: rouge1 0.1 is under the threshold 0.5"
    )
    assert lines[2] == "::error title=harness gate::gate: FAILED (1 of 2 checks failed)"
    assert lines[-1].startswith("harness: 2 of 3 candidates scored")


# ---------------------------------------------------------------- CLI


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return park_project(tmp_path, monkeypatch)


def score(*args: str):
    return CliRunner().invoke(
        main,
        [
            "score",
            "candidates",
            "--metrics",
            "rouge",
            "--no-progress",
            "--fail-under",
            "rouge1=0.5",
            *args,
        ],
        catch_exceptions=False,
    )


def test_cli_junit(project: Path) -> None:
    result = score("--format", "junit")
    assert result.exit_code == 1
    root = validate(result.stdout)
    assert root.get("tests") == "2" and root.get("failures") == "1"
    failure = root.find(".//testcase[@classname='bad']/failure")
    assert failure is not None and "rouge1 0.0 is under the threshold 0.5" in failure.get("message")
    assert "gate: FAILED" in result.stderr  # the verdict on stderr beside a machine format


def test_cli_github(project: Path) -> None:
    result = score("--format", "github")
    assert result.exit_code == 1
    assert "::error file=candidates/bad.txt,title=harness gate%3A bad%3A rouge1 >= 0.5::" in (
        result.stdout
    )


def test_step_summary_is_appended(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = project / "summary.md"
    summary.write_text("# earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert score("--format", "json").exit_code == 1
    text = summary.read_text()
    assert text.startswith("# earlier step\n## harness: gate failed")
    assert "| bad | `rouge1` | 0.0 | 0.5 |" in text
    assert "| candidate |" in text  # the scores table
    assert score("--format", "json").exit_code == 1
    assert summary.read_text().count("## harness: gate failed") == 2


def test_step_summary_function(tmp_path: Path) -> None:
    run = make_run([cand("a", 0.9)])
    result = evaluate_gate(run, GateConfig((Threshold("rouge1", 0.5),)))
    md = render_step_summary(run, result)
    assert md.startswith("## harness: gate passed") and "✅" in md
    assert append_step_summary(md, {}) is None
    target = tmp_path / "s.md"
    assert append_step_summary(md, {"GITHUB_STEP_SUMMARY": str(target)}) == target
    assert target.read_text() == md if md.endswith("\n") else md + "\n"


def test_json_report_unchanged_apart_from_gate(project: Path) -> None:
    data = json.loads(score("--format", "json").stdout)
    assert list(data) == [
        "schema_version",
        "signature",
        "settings",
        "summary",
        "candidates",
        "gate",
    ]
