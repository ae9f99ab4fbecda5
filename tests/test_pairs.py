"""Pair-level data (harness.pairs): JSONL with references per line, stdin, a parallel-file
folder; examples without an article; the classic formats untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from rouge_score.rouge_scorer import RougeScorer

from harness.cli import main
from harness.loading import Dataset
from harness.pairs import read_pairs_file, read_pairs_folder
from harness.rouge import ROUGE_TYPES
from harness.run import RunConfig, score

REPO = Path(__file__).resolve().parent.parent


def env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "HARNESS_CACHE_DIR": str(tmp / "cache"), "NO_COLOR": "1"}


def invoke(tmp: Path, *args: str, stdin: str | None = None):
    old = Path.cwd()
    os.chdir(tmp)
    try:
        result = CliRunner().invoke(main, list(args), input=stdin, env=env(tmp))
    finally:
        os.chdir(old)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows),
        encoding="utf-8",
    )
    return path


ROWS = [
    {"id": "a", "summary": "The council approved a park.", "references": "A park was approved."},
    {
        "id": "b",
        "prediction": "Stocks fell.\nOil rose.",
        "references": ["Oil rose.\nStocks fell sharply.", "Markets were mixed."],
        "article": "Stocks fell on Monday. Oil rose. Analysts expect more swings this week.",
    },
    {"id": 7, "summary": "", "references": ["Nothing happened."]},
]


def test_jsonl_pairs_equal_rouge_score_multi(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "preds.jsonl", ROWS)
    result = invoke(tmp_path, "score", str(path), "--metrics", "rouge", "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    got = {c["id"]: c for c in report["candidates"]}
    assert set(got) == {"a", "b", "7"}
    reference = RougeScorer(list(ROUGE_TYPES))  # rouge-score's defaults: no stemming
    for row in ROWS:
        refs = row["references"] if isinstance(row["references"], list) else [row["references"]]
        pred = row.get("summary", row.get("prediction"))
        theirs = reference.score_multi(refs, pred)
        for t in ROUGE_TYPES:
            assert got[str(row["id"])]["metrics"][t] == pytest.approx(
                round(theirs[t].fmeasure, 6), abs=1e-9
            ), (row["id"], t)
    assert "empty summary" in got["7"]["warnings"]
    assert "pair-level data has no facts files" not in result.stderr  # facts not asked for


def test_bad_lines_are_one_line_errors_and_the_rest_is_scored(tmp_path: Path) -> None:
    rows = [
        ROWS[0],
        "{not json",
        {"id": "no-refs", "summary": "x"},
        {"id": "empty-list", "summary": "x", "references": []},
        {"id": "bad-ref", "summary": "x", "references": [1, 2]},
        {"id": "blank-ref", "summary": "x", "references": ["  "]},
        {"id": "both", "summary": "x", "prediction": "y", "references": "r"},
        {"id": "no-summary", "references": "r"},
        {"id": "bad-article", "summary": "x", "references": "r", "article": 5},
        {"id": "a", "summary": "again", "references": "r"},
        [1, 2],
        ROWS[1],
    ]
    path = write_jsonl(tmp_path / "p.jsonl", rows)
    result = invoke(tmp_path, "score", str(path), "--metrics", "rouge", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    status = [(c["id"], c["status"]) for c in report["candidates"]]
    assert [s for s in status if s[1] == "ok"] == [("a", "ok"), ("b", "ok")]
    errors = [line for line in result.stderr.splitlines() if line.startswith("harness: error:")]
    expected = [
        ":2: invalid JSON",
        ':3: missing "references"',
        ':4: "references" is an empty list',
        ':5: "references" must be a string or a list of strings',
        ":6: reference 1 is empty",
        ':7: give "summary" or "prediction", not both',
        ':8: missing "summary" (or "prediction")',
        ':9: "article" must be a string',
        ":10: duplicate id 'a' (also line 1)",
        ":11: expected a JSON object",
    ]
    assert len(errors) == len(expected)
    for line, part in zip(errors, expected, strict=True):
        assert f"{path}{part}" in line, line


def test_stdin_with_click_input_and_a_real_pipe(tmp_path: Path) -> None:
    text = "".join(json.dumps(r) + "\n" for r in ROWS)
    result = invoke(tmp_path, "score", "-", "--metrics", "rouge", "--format", "json", stdin=text)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["scored"] == 3
    path = write_jsonl(tmp_path / "preds.jsonl", ROWS)
    with path.open("rb") as handle:  # `cat preds.jsonl | python -m harness score -`
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "harness",
                "score",
                "-",
                "--metrics",
                "rouge",
                "--format",
                "csv",
            ],
            stdin=handle,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={**env(tmp_path), "PYTHONPATH": str(REPO)},
            timeout=120,
        )
    assert proc.returncode == 0, proc.stderr
    assert [line.split(",")[0] for line in proc.stdout.splitlines()] == ["id", "a", "b", "7"]
    empty = invoke(tmp_path, "score", "-", "--metrics", "rouge", stdin="")
    assert empty.exit_code == 2
    assert "stdin is empty" in empty.stderr


def test_classic_jsonl_on_stdin_still_uses_the_references_folder(tmp_path: Path) -> None:
    from conftest import make_refs

    make_refs(tmp_path)
    line = json.dumps({"id": "x", "summary": "The council approved a park."}) + "\n"
    result = invoke(tmp_path, "score", "-", "--metrics", "rouge", "--format", "json", stdin=line)
    assert result.exit_code == 0, result.stderr
    (cand,) = json.loads(result.stdout)["candidates"]
    assert (cand["id"], cand["document"]) == ("x", "park")
    # a pair-level line in a classic file is refused, never scored against the wrong text
    mixed = line + json.dumps({"id": "y", "summary": "s", "references": "r"}) + "\n"
    result = invoke(tmp_path, "score", "-", "--metrics", "rouge", "--format", "json", stdin=mixed)
    assert result.exit_code == 1
    assert 'has "references" but the first line does not' in result.stderr


def test_one_thousand_pairs_without_articles_score_in_one_command(tmp_path: Path) -> None:
    rng = np.random.default_rng(1000)
    words = "the a council park vote budget city rain sun team won lost game market".split()

    def sentence(n: int) -> str:
        return " ".join(words[i] for i in rng.integers(0, len(words), n)) + "."

    rows = []
    for i in range(1000):
        refs = [sentence(12) for _ in range(int(rng.integers(1, 4)))]
        key = "prediction" if i % 2 else "summary"
        rows.append({"id": f"ex-{i}", key: sentence(15), "references": refs})
    path = write_jsonl(tmp_path / "preds.jsonl", rows)
    result = invoke(tmp_path, "score", str(path), "--metrics", "rouge,facts", "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["scored"] == 1000
    assert "facts are not checked" in result.stderr  # said once, not once per example
    assert len(result.stderr.splitlines()) == 2  # that note and the gate line
    assert len(report["signature"]) < 300  # 1,000 documents digested, not listed
    reference = RougeScorer(list(ROUGE_TYPES))
    for row, cand in list(zip(rows, report["candidates"], strict=True))[::97]:
        pred = row.get("summary", row.get("prediction"))
        theirs = reference.score_multi(row["references"], pred)
        assert cand["metrics"]["rougeLsum"] == pytest.approx(round(theirs["rougeLsum"].fmeasure, 6))


def test_no_article_skips_embedding_article_only(tmp_path: Path, fake_encoder) -> None:
    data = read_pairs_file(write_jsonl(tmp_path / "p.jsonl", ROWS))
    config = RunConfig(metrics=("rouge", "embedding", "facts"), use_cache=False)
    run = score(Dataset(data.documents, tuple(data.items)), config, encoder=fake_encoder)
    got = {c.id: c for c in run.candidates}
    assert all(c.status == "ok" for c in run.candidates)
    assert got["a"].scores["embedding"].article is None
    assert got["b"].scores["embedding"].article is not None
    assert "facts" not in got["a"].scores
    from harness.families.embedding import EmbeddingFamily

    assert "embedding_article" not in EmbeddingFamily.to_json(got["a"].scores["embedding"])
    assert set(EmbeddingFamily.values(got["a"].scores["embedding"])) == {
        "embedding_max",
        "embedding_mean",
    }
    # the run's mean of embedding_article is over the one example that has an article
    assert run.summary.means["embedding_article"] == pytest.approx(
        got["b"].scores["embedding"].article
    )


def test_pair_folder_layout(tmp_path: Path) -> None:
    root = tmp_path / "pairs"
    for sub in ("summaries", "references/two", "articles"):
        (root / sub).mkdir(parents=True)
    (root / "summaries" / "one.txt").write_text("The council approved a park.", "utf-8")
    (root / "summaries" / "two.md").write_text("Stocks fell. Oil rose.", "utf-8")
    (root / "summaries" / "three.txt").write_text("No reference for me.", "utf-8")
    (root / "references" / "one.txt").write_text("A park was approved.", "utf-8")
    (root / "references" / "two" / "r1.txt").write_text("Oil rose.", "utf-8")
    (root / "references" / "two" / "r2.txt").write_text("Stocks fell sharply.", "utf-8")
    (root / "references" / "orphan.txt").write_text("Nobody's reference.", "utf-8")
    (root / "articles" / "two.txt").write_text("Stocks fell on Monday. Oil rose.", "utf-8")
    data = read_pairs_folder(root)
    assert data.documents["one"].article is None
    assert data.documents["two"].article == "Stocks fell on Monday. Oil rose."
    assert [r.name for r in data.documents["two"].references] == ["r1", "r2"]
    assert any("orphan.txt: a reference without a summary" in n for n in data.notes)
    result = invoke(tmp_path, "score", str(root), "--metrics", "rouge", "--format", "json")
    assert result.exit_code == 1  # "three" has no reference: an error for it alone
    report = json.loads(result.stdout)
    status = {c["id"]: c["status"] for c in report["candidates"]}
    assert status == {"one": "ok", "three": "error", "two": "ok"}
    assert "no reference for 'three'" in result.stderr
    reference = RougeScorer(list(ROUGE_TYPES))
    two = next(c for c in report["candidates"] if c["id"] == "two")
    theirs = reference.score_multi(["Oil rose.", "Stocks fell sharply."], "Stocks fell. Oil rose.")
    assert two["metrics"]["rouge1"] == pytest.approx(round(theirs["rouge1"].fmeasure, 6))


def test_library_load_dataset_reads_pairs(tmp_path: Path) -> None:
    import harness

    path = write_jsonl(tmp_path / "preds.jsonl", ROWS)
    dataset = harness.load_dataset(path, references=tmp_path / "no-such-folder")
    assert sorted(dataset.documents) == ["7", "a", "b"]
    assert [c.document for c in dataset.candidates] == ["a", "b", "7"]
    run = harness.score(dataset, harness.RunConfig(metrics=("rouge",), use_cache=False))
    assert run.summary.scored == 3


def test_report_rereads_a_prediction_line(tmp_path: Path) -> None:
    from harness.candidate_text import read_candidate_text

    path = write_jsonl(tmp_path / "p.jsonl", ROWS)
    assert read_candidate_text(f"{path}:2") == "Stocks fell.\nOil rose."


def test_pair_folder_refuses_duplicates_and_outside_symlinks(tmp_path: Path) -> None:
    root = tmp_path / "pairs"
    (root / "summaries").mkdir(parents=True)
    (root / "references").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("outside text", "utf-8")
    (root / "summaries" / "dup.txt").write_text("One.", "utf-8")
    (root / "summaries" / "dup.md").write_text("Two.", "utf-8")
    (root / "summaries" / "ok.txt").write_text("Fine summary.", "utf-8")
    (root / "summaries" / "notes.json").write_text("{}", "utf-8")
    (root / "summaries" / "leak.txt").write_text("Leak.", "utf-8")
    for cid in ("dup", "ok"):
        (root / "references" / f"{cid}.txt").write_text("A reference.", "utf-8")
    (root / "references" / "leak.txt").symlink_to(secret)
    data = read_pairs_folder(root)
    errors = {i.id: i.error for i in data.items if not hasattr(i, "text")}
    assert set(errors) == {"dup", "leak"}
    assert "two entries for id 'dup'" in errors["dup"]
    assert "symlink to a path outside the folder" in errors["leak"]
    assert [i.id for i in data.items if hasattr(i, "text")] == ["ok"]
    assert any("notes.json: not a .txt or .md file, ignored" in n for n in data.notes)
    followed = read_pairs_folder(root, follow_outside=True)
    assert followed.documents["leak"].references[0].text == "outside text"


def test_pair_level_report_fits_the_published_schema(tmp_path: Path, fake_encoder) -> None:
    import jsonschema

    from harness.results import report_schema, run_to_dict

    data = read_pairs_file(write_jsonl(tmp_path / "p.jsonl", ROWS))
    config = RunConfig(metrics=("rouge", "embedding"), use_cache=False, lsum_split="both")
    run = score(Dataset(data.documents, tuple(data.items)), config, encoder=fake_encoder)
    report = json.loads(json.dumps(run_to_dict(run)))
    jsonschema.validate(report, report_schema())
    by = {c["id"]: c for c in report["candidates"]}
    assert "embedding_article" not in by["a"]["embedding"]
    assert report["settings"]["lsum_split"] == "both"
    bad = json.loads(json.dumps(report))
    bad["settings"]["lsum_split"] = "paragraphs"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, report_schema())
