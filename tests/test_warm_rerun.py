"""A warm rerun reads every family's result back, the embedding family's cosines included,
and so imports none of the heavy modules: not torch, spaCy, sentence-transformers, the ROUGE
engine, jinja2, nor even numpy. Its report is byte for byte the cold run's."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import FakeEncoder, make_refs

from harness.families.embedding import EmbeddingFamily
from harness.loading import load_dataset
from harness.results import candidate_to_dict
from harness.run import RunConfig, score

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "spacy", "sentence_transformers", "rouge_score_rs", "jinja2", "numpy")

FACTS = (
    '[[fact]]\nid = "grant"\nstatement = "A state grant funds the park."\n'
    'slots = { what = ["grant"], who = ["state"] }\n'
)

# The CLI's model swapped for a small deterministic encoder that imports numpy only when
# it encodes; at exit the script names the heavy modules the run imported.
SCRIPT = textwrap.dedent(
    """
    import atexit, hashlib, sys

    HEAVY = {heavy!r}
    atexit.register(lambda: sys.stderr.write(
        "MODS " + " ".join(m for m in HEAVY if m in sys.modules) + "\\n"))

    class LazyEncoder:
        name = "lazy-fake-32"

        def __init__(self, model=None, device="cpu", batch_size=64):
            pass

        def encode(self, texts):
            import numpy as np

            out = np.zeros((len(texts), 32), dtype=np.float32)
            for i, text in enumerate(texts):
                for word in text.lower().split():
                    out[i, hashlib.sha256(word.encode()).digest()[0] % 32] += 1.0
                out[i, 0] += 0.5
                out[i] /= np.linalg.norm(out[i])
            return out

        def cache_key(self):
            return self.name

    import harness.embedding
    harness.embedding.SentenceTransformerEncoder = LazyEncoder
    from harness.cli import main
    main(sys.argv[1:], standalone_mode=False)
    """
)


def _project(tmp_path: Path) -> tuple[Path, Path]:
    refs = make_refs(tmp_path)
    (refs / "park" / "facts.toml").write_text(FACTS, encoding="utf-8")
    cands = tmp_path / "cands"
    cands.mkdir()
    for i, text in enumerate(
        (
            "The council approved a new park. It opens in spring with a playground.",
            "A state grant of two million dollars pays for the park.",
            "The mayor resigned on Friday after 80 percent of voters objected.",
        )
    ):
        (cands / f"c{i}.txt").write_text(text + "\n", encoding="utf-8")
    return refs, cands


def _cli_run(tmp_path: Path, refs: Path, cands: Path, out: Path) -> set[str]:
    script = tmp_path / "run_harness.py"
    script.write_text(SCRIPT.format(heavy=HEAVY), encoding="utf-8")
    args = ["score", str(cands), "--references", str(refs), "--format", "json", "-o", str(out),
            "--no-progress", "--no-gate", "--grounding-embeddings",
            "--cache-dir", str(tmp_path / "cache")]  # fmt: skip
    run = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, cwd=REPO
    )
    assert run.returncode == 0, run.stderr
    [line] = [x for x in run.stderr.splitlines() if x.startswith("MODS")]
    return set(line.split()[1:])


def test_a_warm_rerun_of_every_family_imports_nothing_heavy(tmp_path: Path) -> None:
    refs, cands = _project(tmp_path)
    _cli_run(tmp_path, refs, cands, tmp_path / "cold.json")
    imported = _cli_run(tmp_path, refs, cands, tmp_path / "warm.json")
    assert imported == set(), f"a warm rerun imported {sorted(imported)}"
    cold = (tmp_path / "cold.json").read_bytes()
    assert (tmp_path / "warm.json").read_bytes() == cold
    report = json.loads(cold)
    assert report["settings"]["metrics"] == ["rouge", "embedding", "facts", "grounding"]
    assert all(c["status"] == "ok" for c in report["candidates"])
    assert all(c["embedding"] and c["grounding"] and c["facts"] for c in report["candidates"])


@pytest.fixture
def fresh_embeddings(monkeypatch) -> list[str]:
    """Ids of the candidates the embedding family scored afresh (not from the cache)."""
    seen: list[str] = []
    original = EmbeddingFamily.score

    def counted(self, candidates):
        seen.extend(c.id for c in candidates)
        return original(self, candidates)

    monkeypatch.setattr(EmbeddingFamily, "score", counted)
    return seen


def _embed(cands: Path, refs: Path, cache: Path) -> list[dict]:
    config = RunConfig(metrics=("embedding",), cache_dir=cache)
    run = score(load_dataset(cands, refs), config, encoder=FakeEncoder())
    return [candidate_to_dict(r) for r in run.candidates]


def test_embedding_results_are_read_back_and_follow_their_inputs(
    tmp_path: Path, fresh_embeddings: list[str]
) -> None:
    refs, cands = _project(tmp_path)
    cache = tmp_path / "cache"
    cold = _embed(cands, refs, cache)
    assert sorted(fresh_embeddings) == ["c0", "c1", "c2"]
    fresh_embeddings.clear()
    assert json.dumps(_embed(cands, refs, cache)) == json.dumps(cold)
    assert fresh_embeddings == []
    (cands / "c1.txt").write_text("A state grant pays for the new park.\n", encoding="utf-8")
    _embed(cands, refs, cache)
    assert fresh_embeddings == ["c1"]  # one edited candidate: the only one recomputed
    fresh_embeddings.clear()
    article = refs / "park" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + " It closes at dusk.\n")
    _embed(cands, refs, cache)
    assert sorted(fresh_embeddings) == ["c0", "c1", "c2"]  # the article is part of the key


@pytest.mark.parametrize("bad", ["[1, 2]", "[2.0, 0.5, null]", "[NaN, 0.5, 0.5]", '"x"'])
def test_damaged_embedding_rows_are_recomputed(
    tmp_path: Path, fresh_embeddings: list[str], bad: str
) -> None:
    refs, cands = _project(tmp_path)
    cache = tmp_path / "cache"
    cold = _embed(cands, refs, cache)
    [db_file] = cache.glob("*.sqlite")
    db = sqlite3.connect(db_file)
    db.execute("UPDATE kv SET value = ? WHERE key LIKE 'embedding:%'", (bad,))
    db.commit()
    db.close()
    fresh_embeddings.clear()
    assert json.dumps(_embed(cands, refs, cache)) == json.dumps(cold)
    assert sorted(fresh_embeddings) == ["c0", "c1", "c2"]


def test_clearing_embeddings_takes_the_cosines_too(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from harness.cli import main

    refs, cands = _project(tmp_path)
    cache = tmp_path / "cache"
    _embed(cands, refs, cache)

    def entries() -> dict:
        args = ["cache", "info", "--cache-dir", str(cache), "--format", "json"]
        return json.loads(CliRunner().invoke(main, args).stdout)["entries"]

    assert entries()["embedding"] == 3  # one row of cosines per candidate
    assert entries()["embeddings"] == 3 + 2 + 1  # vectors: candidates, references, article
    run = CliRunner().invoke(
        main, ["cache", "clear", "--cache-dir", str(cache), "--family", "embedding"]
    )
    assert run.exit_code == 0 and "embedding: 3 entries deleted" in run.output
    assert entries()["embeddings"] == 6 and "embedding" not in entries()
    _embed(cands, refs, cache)
    run = CliRunner().invoke(
        main, ["cache", "clear", "--cache-dir", str(cache), "--family", "embeddings"]
    )
    assert "embeddings: 6 entries deleted" in run.output
    assert "embedding: 3 entries deleted" in run.output
    assert entries() == {"embeddings": 0, "facts": 0}
