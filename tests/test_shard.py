"""`harness score --shard I/N` and `harness merge`: a stable split by candidate id, and
N shard reports merged into exactly the one-run report (summary and gate recomputed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cli import main
from harness.shard import Shard, shard_of

REPO = Path(__file__).resolve().parent.parent
CANDS, REFS = REPO / "candidates", REPO / "references"


def _cli(*args: str) -> tuple[int, str]:
    run = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return run.exit_code, run.output


def _score(out: Path, *extra: str) -> int:
    args = ["score", str(CANDS), "--references", str(REFS), "--metrics", "rouge,facts"]
    code, output = _cli(*args, "--no-cache", "--format", "json", "-o", str(out), *extra)
    assert code in (0, 1), output
    return code


def test_shard_split_is_stable_and_complete() -> None:
    ids = [f"cand-{i}" for i in range(200)]
    owners = {i: [k for k in range(1, 5) if Shard(k, 4).owns(i)] for i in ids}
    assert all(len(v) == 1 for v in owners.values())  # each id in exactly one shard
    assert {v[0] for v in owners.values()} == {1, 2, 3, 4}
    assert [shard_of(i, 4) for i in reversed(ids)] == [shard_of(i, 4) for i in ids][::-1]
    with pytest.raises(Exception, match="I/N"):
        Shard.parse("4")
    with pytest.raises(Exception, match="between 1 and N"):
        Shard.parse("5/4")


def test_four_shards_merged_equal_one_run(tmp_path: Path) -> None:
    gate = ["--fail-under", "rouge1=0.2", "--fail-over", "mean.contradicted=0.5"]
    one = tmp_path / "one.json"
    code_one = _score(one, *gate)
    shards = []
    for i in range(1, 5):
        jsonl = i == 2  # a streamed shard report merges as well
        shards.append(tmp_path / f"shard-{i}.{'jsonl' if jsonl else 'json'}")
        _score(shards[-1], "--shard", f"{i}/4", *gate, *(["--format", "jsonl"] if jsonl else []))
        last = shards[-1].read_text().splitlines()[-1 if jsonl else 3]
        assert f'"index": {i}, "count": 4' in last
    merged = tmp_path / "merged.json"
    code, output = _cli(
        "merge", *map(str, shards), "--references", str(REFS), "-o", str(merged), *gate
    )
    assert code == code_one, output
    assert merged.read_text() == one.read_text()  # byte-identical, gate included


def test_merge_refuses_reports_that_do_not_fit(tmp_path: Path) -> None:
    shards = []
    for i in range(1, 5):
        shards.append(tmp_path / f"s{i}.json")
        _score(shards[-1], "--shard", f"{i}/4", "--no-gate")
    other = tmp_path / "other.json"
    _score(other, "--shard", "1/4", "--no-gate", "--stemmer")
    twice = tmp_path / "twice.json"  # shard 1's candidates claiming to be shard 4
    data = json.loads(shards[0].read_text())
    data["settings"]["shard"]["index"] = 4
    twice.write_text(json.dumps(data))

    def refused(*paths: Path) -> str:
        code, output = _cli("merge", *map(str, paths), "--no-gate")
        assert code == 2, output
        assert len(output.strip().splitlines()) == 1, output
        return output

    assert "signature differs" in refused(other, *shards[1:])
    assert "missing" in refused(*shards[:3])
    assert "also in" in refused(*shards[:3], twice)
    assert "is also" in refused(*shards, shards[0])
    plain = tmp_path / "plain.json"
    _score(plain, "--no-gate")
    assert "not a shard report" in refused(plain)
