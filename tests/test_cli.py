"""The CLI end to end on temp folders: every format, every exit code."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness import __version__
from harness.cli import main

REPO = Path(__file__).resolve().parent.parent

FAST = ["--metrics", "rouge,facts"]


def run(args: list[str]):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def score(tiny: Path, *extra: str):
    return run(
        [
            "score",
            str(tiny / "candidates"),
            "--references",
            str(tiny / "references"),
            "--no-progress",
            *FAST,
            *extra,
        ]
    )


def test_version() -> None:
    result = run(["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_json_contract(tiny: Path) -> None:
    result = score(tiny, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"candidates", "summary", "signature"} <= set(data)
    ids = [c["id"] for c in data["candidates"]]
    assert ids == sorted(ids) == ["good", "other", "short"]
    good = data["candidates"][0]
    assert {
        "id",
        "path",
        "document",
        "status",
        "error",
        "metrics",
        "rouge",
    } <= set(good)
    assert good["status"] == "ok" and good["error"] is None and good["document"] == "park"
    assert data["schema_version"] == "0.2.0"
    assert set(good["rouge"]) == {"best", "mean"}
    assert set(good["rouge"]["best"]) == {"rouge1", "rouge2", "rougeL", "rougeLsum"}
    assert set(good["rouge"]["best"]["rouge1"]) == {"precision", "recall", "fmeasure"}
    assert good["metrics"]["rouge1"] == good["rouge"]["best"]["rouge1"]["fmeasure"]
    assert "embedding" not in good and "embedding_max" not in good["metrics"]  # not requested
    assert "stem:no" in data["signature"] and "lsum:newline" in data["signature"]


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "markdown"])
def test_every_format(tiny: Path, fmt: str) -> None:
    result = score(tiny, "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "jsonl":
        lines = [json.loads(x) for x in out.splitlines()]
        assert [x.get("id") for x in lines[:-1]] == ["good", "other", "short"]
        assert "summary" in lines[-1] and "signature" in lines[-1]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["id"] for r in rows] == ["good", "other", "short"]
        assert 0 < float(rows[0]["rouge1"]) <= 1
    elif fmt == "markdown":
        assert out.startswith("| candidate |") and "**mean" in out
    elif fmt == "table":
        assert "good" in out and "mean (3 scored)" in out
    else:
        json.loads(out)


def test_output_file_written(tiny: Path) -> None:
    target = tiny / "out.json"
    result = score(tiny, "--format", "json", "--output", str(target))
    assert result.exit_code == 0
    assert json.loads(target.read_text())["summary"]["candidates"] == 3
    assert not [p for p in tiny.iterdir() if p.name.startswith(".out.json")]


def test_jsonl_input(tiny: Path) -> None:
    preds = tiny / "preds.jsonl"
    preds.write_text(
        json.dumps({"id": "a", "document": "park", "summary": "The council approved a park."})
        + "\n"
        + json.dumps({"id": "b", "summary": "Nothing related."})
        + "\n",
        encoding="utf-8",
    )
    result = run(
        ["score", str(preds), "--references", str(tiny / "references"), *FAST, "--format", "json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [c["id"] for c in data["candidates"]] == ["a", "b"]


def test_exit_1_when_a_candidate_cannot_be_read(tiny: Path) -> None:
    (tiny / "candidates" / "bad.txt").write_bytes(b"caf\xe9 latin-1")
    result = score(tiny, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    bad = next(c for c in data["candidates"] if c["id"] == "bad")
    assert bad["status"] == "error" and "UTF-8" in bad["error"]
    assert sum(c["status"] == "ok" for c in data["candidates"]) == 3  # the others still scored
    assert "bad.txt" in result.stderr and "Traceback" not in result.stderr


def test_exit_2_on_missing_references(tiny: Path) -> None:
    result = run(["score", str(tiny / "candidates"), "--references", str(tiny / "nope"), *FAST])
    assert result.exit_code == 2
    assert "references folder not found" in result.stderr
    assert result.stderr.count("\n") == 1


def test_exit_2_on_bad_metric(tiny: Path) -> None:
    result = score(tiny, "--metrics", "rouge,bleu")
    assert result.exit_code == 2


def test_exit_3_on_internal_error(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import harness.run

    def boom(self, items):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(harness.run.Scorer, "score_chunk", boom)
    result = score(tiny, "--format", "json")
    assert result.exit_code == 3
    assert "internal error" in result.stderr and "kaboom" in result.stderr
    assert "Traceback" not in result.stderr
    with pytest.raises(RuntimeError):
        score(tiny, "--format", "json", "--debug")


def test_repo_candidates_score() -> None:
    """The repo's own demo data scores end to end (facts and ROUGE)."""
    result = run(
        [
            "score",
            str(REPO / "candidates"),
            "--references",
            str(REPO / "references"),
            *FAST,
            "--format",
            "json",
        ]
    )
    assert result.exit_code in (0, 1)  # 1 when the repo's own gate fails its bad candidates
    data = json.loads(result.stdout)
    assert data["summary"]["scored"] == data["summary"]["candidates"] >= 12
    by_id = {c["id"]: c for c in data["candidates"]}
    off, good = by_id["off-topic"], by_id["excellent-abstract"]
    assert off["metrics"]["rouge1"] < good["metrics"]["rouge1"]
    assert good["facts"]["coverage"] == 1.0 and off["facts"]["coverage"] == 0.0


def test_every_command_is_documented() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, f"command {name} has no help"
        assert f"harness {name}" in readme, f"README does not document `harness {name}`"


@pytest.mark.slow
def test_all_metrics_with_real_model(tiny: Path) -> None:
    result = run(
        [
            "score",
            str(tiny / "candidates"),
            "--references",
            str(tiny / "references"),
            "--format",
            "json",
            "--cache-dir",
            str(tiny / "cache"),
            "--no-progress",
        ]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    emb = {c["id"]: c["metrics"] for c in data["candidates"]}
    assert emb["good"]["embedding_max"] > emb["other"]["embedding_max"]
    assert "model:all-MiniLM-L6-v2@" in data["signature"]
    assert data["summary"]["means"]["embedding_max"] > 0
