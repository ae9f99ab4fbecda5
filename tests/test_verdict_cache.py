"""Fact verdicts in the cache: served unchanged, keyed by everything they depend on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import score_facts_json

from harness.cli import main

REPO = Path(__file__).resolve().parent.parent


def _project(tmp_path: Path) -> tuple[Path, Path]:
    refs = tmp_path / "references" / "doc"
    refs.mkdir(parents=True)
    (refs / "article.txt").write_text("The club kept its coach. Nobody was hurt.\n")
    (refs / "ref.txt").write_text("The club kept its coach.\n")
    (refs / "facts.toml").write_text(
        '[[fact]]\nid = "coach-stays"\nstatement = "The club will not replace its coach."\n'
        'polarity = "negative"\nslots = { act = ["replace*", "sack*"], whom = ["coach"] }\n'
    )
    cands = tmp_path / "cands"
    cands.mkdir()
    (cands / "a.txt").write_text("The club has no plans to replace the coach.\n")
    (cands / "b.txt").write_text("The coach will be sacked, the board confirmed.\n")
    return tmp_path / "references", cands


def _score(refs: Path, cands: Path, cache: Path, out: Path) -> dict:
    return score_facts_json(refs, cands, out, "--cache-dir", str(cache))


def test_cached_verdicts_equal_fresh_ones(tmp_path: Path) -> None:
    refs, cands = _project(tmp_path)
    cache = tmp_path / "cache"
    first = _score(refs, cands, cache, tmp_path / "1.json")
    second = _score(refs, cands, cache, tmp_path / "2.json")
    fresh = _score(refs, cands, tmp_path / "other-cache", tmp_path / "3.json")
    assert first["candidates"] == second["candidates"] == fresh["candidates"]
    verdicts = [c["facts"]["results"][0]["verdict"] for c in first["candidates"]]
    assert verdicts == ["present", "contradicted"]


def test_a_changed_facts_file_recomputes(tmp_path: Path) -> None:
    refs, cands = _project(tmp_path)
    cache = tmp_path / "cache"
    _score(refs, cands, cache, tmp_path / "1.json")
    facts = refs / "doc" / "facts.toml"
    facts.write_text(facts.read_text().replace('"sack*"', '"fire"'))  # "sacked" no longer
    again = _score(refs, cands, cache, tmp_path / "2.json")
    verdicts = [c["facts"]["results"][0]["verdict"] for c in again["candidates"]]
    assert verdicts == ["present", "absent"]


def test_the_article_s_names_are_part_of_the_key(tmp_path: Path) -> None:
    """The article's names (harness.source_names) can change a verdict on a lowercase
    summary, so a changed article changes the key though the facts file did not."""
    from harness.fact_results import facts_cache_key
    from harness.loading import load_document

    refs, _ = _project(tmp_path)
    before = facts_cache_key("the club kept its coach .", load_document(refs / "doc").facts)
    (refs / "doc" / "article.txt").write_text("The club kept its coach, Jo Bell.\n")
    after = facts_cache_key("the club kept its coach .", load_document(refs / "doc").facts)
    assert before != after


def test_a_warm_rerun_loads_no_parser(tmp_path: Path) -> None:
    refs, cands = _project(tmp_path)
    cache = tmp_path / "cache"
    _score(refs, cands, cache, tmp_path / "1.json")
    code = (
        "import sys; from harness.loading import load_dataset; "
        "from harness.run import RunConfig, score; from pathlib import Path; "
        f"d = load_dataset({str(cands)!r}, {str(refs)!r}); "
        f"score(d, RunConfig(metrics=('facts',), cache_dir=Path({str(cache)!r}))); "
        "assert 'spacy' not in sys.modules and 'torch' not in sys.modules, 'loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_cache_info_and_clear(tmp_path: Path) -> None:
    refs, cands = _project(tmp_path)
    cache = tmp_path / "cache"
    _score(refs, cands, cache, tmp_path / "1.json")
    run = CliRunner().invoke(main, ["cache", "info", "--cache-dir", str(cache), "--format", "json"])
    assert run.exit_code == 0, run.output
    info = json.loads(run.stdout)
    assert info["entries"] == {"embeddings": 0, "facts": 2}
    assert info["bytes"] > 0
    run = CliRunner().invoke(
        main, ["cache", "clear", "--cache-dir", str(cache), "--family", "facts"]
    )
    assert run.exit_code == 0 and "facts: 2 entries deleted" in run.output
    run = CliRunner().invoke(main, ["cache", "info", "--cache-dir", str(cache), "--format", "json"])
    assert json.loads(run.stdout)["entries"]["facts"] == 0


def test_cache_keeps_at_most_its_limit(tmp_path: Path, monkeypatch) -> None:
    from harness.cache import EmbeddingCache

    monkeypatch.setenv("HARNESS_CACHE_MAX_ROWS", "3")
    store = EmbeddingCache(tmp_path)
    for k in range(5):
        store.put_json_many({f"k{k}": {"n": k}})
    kept = store.get_json_many([f"k{k}" for k in range(5)])
    assert sorted(kept) == ["k2", "k3", "k4"]  # the oldest made room
    store.close()


def test_rouge_and_facts_come_from_one_cache_path(tmp_path: Path) -> None:
    """A warm rerun of rouge,facts imports neither the ROUGE engine nor spaCy, and writes
    byte for byte the report a cold run writes."""
    refs, cands = _project(tmp_path)
    cache = tmp_path / "cache"
    args = ["score", str(cands), "--references", str(refs), "--metrics", "rouge,facts",
            "--format", "json", "--no-progress", "--cache-dir", str(cache)]  # fmt: skip
    cold = CliRunner().invoke(main, args).stdout
    code = f"from harness.cli import main; main({args!r}, standalone_mode=False)"
    probe = (
        "import sys, atexit; "
        "atexit.register(lambda: sys.stderr.write('MODS ' + ' '.join(sorted(m for m in "
        "('spacy', 'torch', 'rouge_score_rs') if m in sys.modules)) + '\\n')); " + code
    )
    warm = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO)
    assert warm.stdout == cold, warm.stderr
    assert "MODS \n" in warm.stderr, warm.stderr
    info = CliRunner().invoke(
        main, ["cache", "info", "--cache-dir", str(cache), "--format", "json"]
    )
    assert json.loads(info.stdout)["entries"] == {"embeddings": 0, "facts": 2, "rouge": 2}
    gone = CliRunner().invoke(
        main, ["cache", "clear", "--cache-dir", str(cache), "--family", "rouge"]
    )
    assert "rouge: 2 entries deleted" in gone.output


def test_the_engine_key_hashes_every_module_a_verdict_runs() -> None:
    """Every harness module loaded to judge a text (in a fresh process, parser included) is
    one whose source the cached verdicts are keyed by, so changing any of them can never
    serve a stale verdict."""
    code = (
        "import sys; from harness.matcher import check_facts; from harness.facts import "
        "parse_facts; fs = parse_facts({'fact': [{'id': 'x', 'statement': 'A B.', "
        "'slots': {'a': ['bell'], 'b': ['rang']}}]}, 'd'); "
        "check_facts('The bell rang, he said, and did not stop.', fs); "
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('harness.'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    from harness.source_key import modules_of

    hashed = {
        name.removesuffix(".py")
        for name in modules_of(REPO / "harness", ("matcher", "fact_results"))
    }
    loaded = {m.split(".")[1] for m in out}
    assert loaded <= hashed, loaded - hashed
    assert {"noun_rules", "reply_rules", "syntax", "matcher"} <= hashed


def test_the_grounding_key_hashes_its_number_reader() -> None:
    """Grounding's cached results are keyed by every module its engine imports, the number
    reader and the sentence splitter included (not only the grounding*.py files)."""
    from harness.source_key import modules_of

    hashed = modules_of(REPO / "harness", ("grounding",))
    assert {"grounding.py", "grounding_check.py", "number_words.py", "text.py"} <= set(hashed)
