"""Streamed JSONL runs: the same last line as the in-memory path, bad lines, step summary."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from harness.cli import main


def _score(tiny: Path, *args: str):
    return CliRunner().invoke(
        main,
        [
            "score",
            *args,
            "--references",
            str(tiny / "references"),
            "--metrics",
            "rouge,facts",
            "--no-progress",
        ],
        catch_exceptions=False,
    )


def test_jsonl_tail_has_the_same_keys_streamed_or_not(tiny: Path) -> None:
    streamed = _score(tiny, str(tiny / "candidates"), "--format", "jsonl")
    saved = _score(
        tiny,
        str(tiny / "candidates"),
        "--format",
        "jsonl",
        "--save-baseline",
        str(tiny / "b.json"),
    )
    tails = [json.loads(r.stdout.splitlines()[-1]) for r in (streamed, saved)]
    assert list(tails[0]) == list(tails[1])
    assert list(tails[0])[:4] == ["schema_version", "summary", "signature", "settings"]
    assert tails[0]["settings"]["stemmer"] is False  # rouge-score's default
    assert tails[0]["settings"]["lsum_split"] == "newline"


def test_a_bad_document_value_is_an_error_for_that_line_only(tiny: Path) -> None:
    preds = tiny / "p.jsonl"
    preds.write_text(
        '{"id": "a", "summary": "x", "document": ["park"]}\n'
        '{"id": "b", "summary": "A park.", "document": null}\n',
        encoding="utf-8",
    )
    result = _score(tiny, str(preds), "--format", "jsonl")
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert lines[0]["status"] == "error" and '"document" must be a string' in lines[0]["error"]
    assert lines[1]["status"] == "ok" and lines[1]["document"] == "park"


def test_step_summary_is_written_for_streamed_runs_without_a_gate(tiny: Path, monkeypatch) -> None:
    summary = tiny / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = _score(tiny, str(tiny / "candidates"), "--format", "jsonl", "--no-gate")
    assert result.exit_code == 0
    assert summary.read_text(encoding="utf-8").strip()
