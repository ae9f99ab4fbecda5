"""harness.testing: one-call scoring for tests, thresholds asserted, readable failures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rouge_score.rouge_scorer import RougeScorer

from harness.errors import ConfigError
from harness.run import RunConfig
from harness.testing import (
    Pair,
    ThresholdError,
    assert_pairs,
    assert_summary,
    score_pairs,
    score_summary,
)

REPO = Path(__file__).resolve().parent.parent
FACTS = """
[[fact]]
id = "opens-spring"
statement = "The park opens in spring."
required = true
[fact.slots]
what = ["park"]
when = ["spring"]

[[fact]]
id = "grant"
statement = "A state grant pays for the park."
[fact.slots]
money = ["grant"]
"""
REFS = [
    "The council approved a park that opens in spring with a playground.",
    "A state grant of two million dollars funds a new park approved by the council.",
]
GOOD = "The council approved a new park. It opens in spring with a playground."


@pytest.fixture
def no_cache() -> RunConfig:
    return RunConfig(use_cache=False)


def test_rouge_equals_rouge_score_score_multi(no_cache: RunConfig) -> None:
    ev = score_summary(GOOD, REFS, config=no_cache)
    theirs = RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True).score_multi(REFS, GOOD)
    ours = ev.metrics()
    for name, score in theirs.items():
        assert ours[name] == pytest.approx(score.fmeasure, abs=1e-12)
    assert ev.passed and ev.ids == ("summary",)
    assert ev.run.settings["metrics"] == ["rouge"]  # the fast default: no model, no parser


def test_a_failed_threshold_names_candidate_metric_value_and_threshold(no_cache) -> None:
    with pytest.raises(ThresholdError) as failure:
        assert_summary("Stocks fell sharply.", REFS, id="cand-7", thresholds={"rouge1": 0.3})
    message = str(failure.value)
    assert isinstance(failure.value, AssertionError)
    assert message.splitlines()[0] == "harness: 1 of 1 checks failed"
    assert "cand-7:" in message and "rouge1 = 0.0 (threshold: rouge1 >= 0.3)" in message


def test_facts_absent_and_contradicted_are_named_with_the_evidence(no_cache) -> None:
    pairs = [
        {"id": "missing", "prediction": "The council approved a park.", "references": REFS},
        Pair("The park will not open in spring. A state grant pays.", REFS, "denied"),
        ("The park opens in spring thanks to a state grant.", REFS),
    ]
    with pytest.raises(ThresholdError) as failure:
        assert_pairs(pairs, facts=FACTS, thresholds={"coverage": 1.0}, config=no_cache)
    lines = str(failure.value).splitlines()
    assert lines[0] == "harness: 4 of 6 checks failed"
    at = lines.index("  missing:")
    assert lines[at + 1 : at + 4] == [
        "    coverage = 0.0 (threshold: coverage >= 1.0)",
        "    required fact 'opens-spring' is absent (The park opens in spring.)",
        "    fact 'grant' is absent (A state grant pays for the park.)",
    ]
    denied = next(line for line in lines if "'opens-spring' is contradicted" in line)
    assert "evidence: 'The park will not open in spring.' at characters 0-33" in denied
    assert "pair-2:" not in lines  # the third pair passed, under its default id
    ev = score_pairs(pairs, facts=FACTS, config=no_cache)
    assert ev.facts("pair-2") == {"opens-spring": "present", "grant": "present"}
    assert ev.run.settings["metrics"] == ["rouge", "facts"]  # facts join when given


def test_required_facts_all_none_or_named(no_cache) -> None:
    text, kw = "The park opens in spring.", {"facts": FACTS, "config": no_cache}
    assert_summary(text, REFS, **kw)  # only opens-spring is required in the file
    with pytest.raises(ThresholdError, match="required fact 'grant' is absent"):
        assert_summary(text, REFS, required_facts="all", **kw)
    with pytest.raises(ThresholdError, match="'grant'"):
        assert_summary(text, REFS, required_facts=["grant"], **kw)
    with pytest.raises(ValueError, match="nothing to assert"):
        assert_summary(text, REFS, required_facts=False, **kw)
    with pytest.raises(ValueError, match="unknown fact 'nope'"):
        assert_summary(text, REFS, required_facts=["nope"], **kw)


def test_facts_from_a_file(tmp_path: Path, no_cache) -> None:
    path = tmp_path / "facts.toml"
    path.write_text(FACTS, encoding="utf-8")
    for facts in (path, str(path)):
        ev = assert_summary("The park opens in spring.", REFS, facts=facts, config=no_cache)
        assert ev.facts()["opens-spring"] == "present"
    with pytest.raises(ConfigError, match="facts file not found"):
        score_summary("x", REFS, facts=str(tmp_path / "none.toml"))
    with pytest.raises(ConfigError, match="malformed TOML"):
        score_summary("x", REFS, facts="[[fact]\nid = 1\n")


def test_mean_thresholds_and_the_gate_keys(no_cache) -> None:
    pairs = [(GOOD, REFS), ("Stocks fell.", REFS)]
    ev = assert_pairs(pairs, thresholds={"mean.rouge1": 0.2}, config=no_cache)
    assert ev.means["rouge1"] > 0.2
    with pytest.raises(ThresholdError, match=r"run mean \(2 scored\):\n    mean.rougeL = "):
        assert_pairs(pairs, thresholds={"mean": {"rougeL": 0.9}}, config=no_cache)
    with pytest.raises(ConfigError, match="unknown metric 'rogue1'"):
        score_pairs(pairs, thresholds={"rogue1": 0.3})
    with pytest.raises(ConfigError, match="lower-is-better"):
        score_pairs(pairs, thresholds={"contradicted": 0})


def test_embedding_thresholds_bring_the_family_and_an_article_is_optional(
    fake_encoder, no_cache
) -> None:
    ev = assert_summary(
        GOOD, REFS, thresholds={"embedding_max": 0.3}, encoder=fake_encoder, config=no_cache
    )
    assert "embedding" in ev.run.settings["metrics"]
    assert "embedding_article" not in ev.metrics()  # no article given: not reported
    article = "The city council approved a new park on Monday. It opens in spring."
    ev = score_summary(GOOD, REFS, article=article, metrics=("rouge", "embedding"),
                       encoder=fake_encoder, config=no_cache)  # fmt: skip
    assert -1.0 <= ev.metrics()["embedding_article"] <= 1.0
    with pytest.raises(ValueError, match="needs the embedding metrics"):
        score_summary(GOOD, REFS, metrics=("rouge",), thresholds={"embedding_max": 0.3})


def test_bad_pairs_are_clear_errors(no_cache) -> None:
    with pytest.raises(ValueError, match="pair 0: references are missing"):
        score_pairs([{"summary": "x"}])
    with pytest.raises(ValueError, match="'a': references must be one or more non-empty"):
        score_pairs([{"id": "a", "summary": "x", "references": []}])
    with pytest.raises(ValueError, match="unknown key 'refs'"):
        score_pairs([{"summary": "x", "refs": REFS}])
    with pytest.raises(ValueError, match="appears twice"):
        score_pairs([Pair("x", REFS, "a"), Pair("y", REFS, "a")])
    with pytest.raises(ValueError, match="summary must be a string"):
        score_pairs([(None, REFS)])
    with pytest.raises(ValueError, match="no pairs"):
        score_pairs([])
    ev = score_pairs([("", "A park.")], config=no_cache)  # an empty summary is scored, warned
    assert ev.candidate().warnings == ("empty summary",) and ev.metrics()["rouge1"] == 0.0


def test_the_readme_shows_the_example_test_verbatim() -> None:
    source = (REPO / "tests" / "test_testing_example.py").read_text(encoding="utf-8")
    start, end = "# --- README example start\n", "# --- README example end"
    example = source[source.index(start) + len(start) : source.index(end)].strip()
    assert example in (REPO / "README.md").read_text(encoding="utf-8")


def test_python_dash_m_harness_runs_the_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "harness", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert out.stdout.strip().startswith("harness, version ")
    bad = subprocess.run(
        [sys.executable, "-m", "harness", "score", "--bogus"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "try 'harness score --help'" in bad.stderr  # not __main__.py


def test_the_readme_failure_message_is_what_the_example_prints() -> None:
    sys.path.insert(0, str(REPO / "tests"))
    try:
        from test_testing_example import FACTS as EXAMPLE_FACTS
        from test_testing_example import REFERENCES
    finally:
        sys.path.pop(0)
    with pytest.raises(ThresholdError) as failure:
        assert_summary(
            "The ferry ran aground. Two passengers were injured.",
            references=REFERENCES,
            facts=EXAMPLE_FACTS,
            thresholds={"rouge1": 0.5},
            config=RunConfig(use_cache=False),
        )
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"```\n{failure.value}\n```" in readme


@pytest.mark.slow
def test_the_real_model_is_loaded_once_for_every_call(tmp_path: Path) -> None:
    import harness.testing

    config = RunConfig(cache_dir=tmp_path)
    first = assert_summary(GOOD, REFS, thresholds={"embedding_max": 0.5}, config=config)
    second = score_summary("Stocks fell.", REFS, metrics=("embedding",), config=config)
    assert first.metrics()["embedding_max"] > second.metrics()["embedding_max"]
    assert len(harness.testing._ENCODERS) == 1
    assert "model:all-MiniLM-L6-v2@" in first.run.signature
