"""`harness score --output FORMAT=FILE` (repeatable): every report from one scoring pass."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import park_project

import harness.run
from harness.cli import main
from harness.errors import ConfigError
from harness.report_outputs import parse_output, plan_reports


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "harness.toml").write_text("[gate]\n")
    return park_project(tmp_path, monkeypatch)


@pytest.fixture
def chunks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many candidates each scored chunk held: one scoring pass scores each once."""
    seen: list[int] = []
    original = harness.run.Scorer.score_chunk

    def counting(self, items):
        seen.append(len(items))
        return original(self, items)

    monkeypatch.setattr(harness.run.Scorer, "score_chunk", counting)
    return seen


def score(*args: str):
    return CliRunner().invoke(
        main,
        ["score", "candidates", "--metrics", "rouge", "--no-progress", *args],
        catch_exceptions=False,
    )


def test_every_format_from_one_run(project: Path, chunks: list[int]) -> None:
    outs = {
        "json": "r.json",
        "jsonl": "r.jsonl",
        "csv": "r.csv",
        "markdown": "r.md",
        "junit": "r.xml",
        "github": "r.txt",
        "html": "r.html",
        "table": "r.table",
    }
    args = [a for fmt, path in outs.items() for a in ("--output", f"{fmt}={path}")]
    result = score("--fail-under", "rouge1=0.5", *args)
    assert result.exit_code == 1, result.output  # bad.txt fails the gate
    assert chunks == [2]  # scored once, whatever the number of reports
    assert result.stdout == ""  # no --format: nothing on stdout
    assert "gate: FAILED" in result.stderr
    for path in outs.values():
        assert f"wrote {path} (2 candidates)" in result.stderr
    report = json.loads((project / "r.json").read_text())
    assert {c["id"] for c in report["candidates"]} == {"good", "bad"}
    assert report["gate"]["passed"] is False
    lines = (project / "r.jsonl").read_text().splitlines()
    assert len(lines) == 3 and json.loads(lines[-1])["summary"] == report["summary"]
    rows = list(csv.DictReader(io.StringIO((project / "r.csv").read_text())))
    assert [r["rouge1"] for r in rows] == [
        f"{c['metrics']['rouge1']:.6f}" for c in report["candidates"]
    ]
    assert "| candidate |" in (project / "r.md").read_text()
    assert '<testsuites name="harness" tests="2" failures="1"' in (project / "r.xml").read_text()
    assert "::error file=candidates/bad.txt" in (project / "r.txt").read_text()
    assert "<!DOCTYPE html>" in (project / "r.html").read_text()
    assert "good" in (project / "r.table").read_text()


def test_format_still_goes_to_stdout(project: Path) -> None:
    result = score("--format", "csv", "--output", "json=r.json")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("id,document,status,rouge1")
    alone = score("--format", "json")
    assert json.loads((project / "r.json").read_text()) == json.loads(alone.stdout)


def test_plain_output_keeps_its_meaning(project: Path) -> None:
    result = score("--format", "markdown", "-o", "r.md", "--output", "json=r.json")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # a plain --output FILE takes the --format report
    assert (project / "r.md").read_text().startswith("| candidate |")
    assert json.loads((project / "r.json").read_text())["summary"]["candidates"] == 2
    result = score("-o", "plain.json")
    assert result.exit_code == 0 and json.loads((project / "plain.json").read_text())


def test_jsonl_only_streams_to_every_file(project: Path, monkeypatch) -> None:
    import harness.pipeline

    keeps: list[bool] = []
    original = harness.pipeline.finish_run

    def spy(*args, **kwargs):
        keeps.append(kwargs["keep"])
        return original(*args, **kwargs)

    monkeypatch.setattr(harness.pipeline, "finish_run", spy)
    result = score("--format", "jsonl", "--output", "jsonl=a.jsonl", "-o", "jsonl=b.jsonl")
    assert result.exit_code == 0, result.output
    assert keeps == [False]  # streamed: no result kept in memory
    a, b = (project / "a.jsonl").read_text(), (project / "b.jsonl").read_text()
    assert a == b == result.stdout and len(a.splitlines()) == 3
    result = score("--output", "jsonl=c.jsonl", "--output", "json=c.json")
    assert result.exit_code == 0 and keeps == [False, True]  # json needs the whole run
    assert (project / "c.jsonl").read_text() == a


def test_outputs_are_written_through_symlinks_and_to_devices(project: Path) -> None:
    target = project / "real.json"
    target.write_text("old")
    (project / "link.json").symlink_to("real.json")
    result = score("--output", "json=link.json", "--output", f"junit={os.devnull}")
    assert result.exit_code == 0, result.output
    assert (project / "link.json").is_symlink()
    assert json.loads(target.read_text())["summary"]["candidates"] == 2
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output", "xml=r.xml"], "unknown format 'xml'"),
        (["--output", "json="], "name a file after json="),
        (["-o", "a.json", "-o", "b.json"], "--output FILE given more than once"),
        (["--output", "json=r", "--output", "csv=./r"], "names r twice"),
        (["--output", "json=missing/r.json"], "output folder does not exist"),
    ],
)
def test_bad_outputs_are_usage_errors_before_scoring(
    project: Path, chunks: list[int], args: list[str], message: str
) -> None:
    result = score(*args)
    assert result.exit_code == 2 and message in result.stderr, result.output
    assert chunks == []  # refused before anything was scored
    assert "Traceback" not in result.output


def test_parse_and_plan() -> None:
    assert parse_output("junit=out/j.xml") == ("junit", Path("out/j.xml"))
    assert parse_output("report.json") == (None, Path("report.json"))
    assert parse_output("./json=x") == (None, Path("./json=x"))  # a file of that name
    with pytest.raises(ConfigError):
        parse_output("jsnol=x")
    assert plan_reports((), None, True).stdout == "table"
    assert plan_reports((), None, False).stdout == "json"
    plan = plan_reports(("html=r.html", "junit=j.xml"), "github", False)
    assert plan.stdout == "github" and plan.formats == ["github", "html", "junit"]
    assert not plan.streamable
    assert plan_reports(("jsonl=a",), "jsonl", False).streamable
