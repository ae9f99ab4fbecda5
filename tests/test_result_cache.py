"""Every family's per-candidate result comes from the cache unless something it depends on
changed: one edited candidate is recomputed alone, an edited facts file recomputes facts
for its own document only, and damaged rows are recomputed, never returned."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from harness.families.facts import FactsFamily
from harness.families.rouge import RougeFamily
from harness.loading import load_dataset
from harness.results import candidate_to_dict
from harness.run import RunConfig, score

FACTS = (
    '[[fact]]\nid = "stays"\nstatement = "The club will not replace its coach."\n'
    'polarity = "negative"\nslots = { act = ["replace*", "sack*"], whom = ["coach"] }\n'
)


def _project(tmp_path: Path) -> tuple[Path, Path]:
    refs = tmp_path / "references"
    for doc, article in (
        ("club", "The club kept its coach. Nobody was hurt in the stands."),
        ("city", "The city kept its mayor. The budget passed on Monday."),
    ):
        (refs / doc).mkdir(parents=True)
        (refs / doc / "article.txt").write_text(article + "\n")
        (refs / doc / "ref.txt").write_text(article.split(". ")[0] + ".\n")
        (refs / doc / "facts.toml").write_text(FACTS.replace("club", doc))
    cands = tmp_path / "cands"
    for doc in ("club", "city"):
        (cands / doc).mkdir(parents=True)
        for i, text in enumerate(
            (f"The {doc} will not replace its coach.", f"The {doc} sacked the coach.")
        ):
            (cands / doc / f"c{i}.txt").write_text(text + "\n")
    return refs, cands


@pytest.fixture
def calls(monkeypatch) -> dict[str, list[str]]:
    """Candidate ids each family scored afresh (not from the cache)."""
    seen: dict[str, list[str]] = {"rouge": [], "facts": []}
    for cls in (RougeFamily, FactsFamily):
        original = cls.score

        def counted(self, candidates, _original=original, _name=cls.name):
            seen[_name] += [c.id for c in candidates]
            return _original(self, candidates)

        monkeypatch.setattr(cls, "score", counted)
    return seen


def _run(refs: Path, cands: Path, cache: Path) -> list[dict]:
    config = RunConfig(metrics=("rouge", "facts"), cache_dir=cache)
    run = score(load_dataset(cands, refs), config)
    return [candidate_to_dict(r) for r in run.candidates]


def _reset(calls: dict[str, list[str]]) -> None:
    for ids in calls.values():
        ids.clear()


def test_a_warm_rerun_recomputes_nothing_and_equals_a_fresh_run(tmp_path, calls) -> None:
    refs, cands = _project(tmp_path)
    cold = _run(refs, cands, tmp_path / "cache")
    assert len(calls["rouge"]) == len(calls["facts"]) == 4
    _reset(calls)
    warm = _run(refs, cands, tmp_path / "cache")
    assert calls == {"rouge": [], "facts": []}
    assert json.dumps(warm) == json.dumps(cold)
    assert json.dumps(_run(refs, cands, tmp_path / "fresh")) == json.dumps(cold)


def test_one_edited_candidate_is_the_only_one_recomputed(tmp_path, calls) -> None:
    refs, cands = _project(tmp_path)
    _run(refs, cands, tmp_path / "cache")
    _reset(calls)
    (cands / "city" / "c1.txt").write_text("The city fired the coach on Monday.\n")
    _run(refs, cands, tmp_path / "cache")
    assert calls == {"rouge": ["city/c1"], "facts": ["city/c1"]}


def test_an_edited_facts_file_recomputes_facts_of_its_document_only(tmp_path, calls) -> None:
    refs, cands = _project(tmp_path)
    _run(refs, cands, tmp_path / "cache")
    _reset(calls)
    facts = refs / "club" / "facts.toml"
    facts.write_text(facts.read_text().replace('"sack*"', '"fire*"'))
    after = _run(refs, cands, tmp_path / "cache")
    assert calls["rouge"] == []
    assert sorted(calls["facts"]) == ["club/c0", "club/c1"]
    verdicts = {c["id"]: c["facts"]["results"][0]["verdict"] for c in after}
    assert verdicts["club/c1"] == "absent"  # "sacked" no longer a phrasing of the fact
    assert verdicts["city/c1"] == "contradicted"


@pytest.mark.parametrize("damage", ["zeros", "truncated", "wrong-shape"])
def test_damaged_result_rows_are_recomputed(tmp_path, calls, damage) -> None:
    refs, cands = _project(tmp_path)
    cache = tmp_path / "cache"
    cold = _run(refs, cands, cache)
    [db_file] = cache.glob("*.sqlite")
    db = sqlite3.connect(db_file)
    rows = db.execute("SELECT key, value FROM kv").fetchall()
    for key, value in rows:
        bad = {
            "zeros": "\x00" * len(value),
            "truncated": value[: len(value) // 2],
            "wrong-shape": "[1, 2]",
        }[damage]
        db.execute("UPDATE kv SET value = ? WHERE key = ?", (bad, key))
    db.commit()
    db.close()
    _reset(calls)
    again = _run(refs, cands, cache)
    assert len(calls["rouge"]) == len(calls["facts"]) == 4
    assert json.dumps(again) == json.dumps(cold)
