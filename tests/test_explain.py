"""`harness explain`, the authoring additions to facts.toml, and several acceptable labels."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import score_facts_json

from harness.calibrate import calibrate, load_labels, texts_from_labels
from harness.cli import main
from harness.facts import describe_facts, load_facts
from harness.matcher import check_facts

REPO = Path(__file__).resolve().parent.parent

FACTS = """
[[fact]]
id = "all-safe"
statement = "Everyone on board was evacuated unhurt."
polarity = "negative"
stated_as = ["evacuated safely", "all passengers were safe"]
context = ["ferry", "passengers", "crew", "board"]

[fact.slots]
who = ["passengers", "crew", "anyone", "people"]
harm = ["hurt", "injured", "harmed"]

[[fact.contradiction]]
slots = { count = ["two", "three", "several", "dozens"], harm = ["injured", "hurt"] }
context = ["ferry", "on board"]
window = 0
"""


def _doc(tmp_path: Path, facts: str = FACTS) -> Path:
    refs = tmp_path / "references"
    doc = refs / "ferry"
    doc.mkdir(parents=True)
    (doc / "article.txt").write_text("A ferry ran aground. Everyone on board got off.\n")
    (doc / "ref.txt").write_text("A ferry ran aground and all on board were evacuated.\n")
    (doc / "facts.toml").write_text(facts)
    return refs


def test_slots_table_stated_as_and_contradiction_scope(tmp_path: Path) -> None:
    fs = load_facts(_doc(tmp_path) / "ferry" / "facts.toml", "ferry")
    fact = fs.get("all-safe")
    assert fact.stated_as == ("evacuated safely", "all passengers were safe")
    assert fact.contradictions[0].context == ("ferry", "on board")
    assert fact.contradictions[0].window == 0
    described = describe_facts(fs)[0]
    assert described["stated_as"] == ["evacuated safely", "all passengers were safe"]
    assert described["contradiction"]["claims"][0]["context"] == ["ferry", "on board"]
    verdict = lambda t: check_facts(t, fs).get("all-safe").verdict  # noqa: E731
    assert verdict("The ferry ran aground and all passengers were evacuated safely.") == "present"
    assert verdict("The ferry ran aground; no passengers were hurt.") == "present"
    assert verdict("The ferry ran aground and two passengers were injured.") == "contradicted"
    assert verdict("The ferry ran aground.") == "absent"


def test_explain_command_text_and_json(tmp_path: Path) -> None:
    refs = _doc(tmp_path)
    text = "The ferry ran aground, but none of the passengers were hurt."
    run = CliRunner().invoke(
        main, ["explain", "--text", text, "--references", str(refs)], catch_exceptions=False
    )
    assert run.exit_code == 0, run.output
    assert "all-safe, negative" in run.output
    assert "verdict: present" in run.output
    assert "negation cues" in run.output and "slots: who=" in run.output
    run = CliRunner().invoke(
        main,
        ["explain", "--text", text, "--references", str(refs), "--format", "json"],
        catch_exceptions=False,
    )
    data = json.loads(run.stdout)
    fact = data["facts"][0]
    assert fact["verdict"] == "present" and fact["readings"]
    assert fact["readings"][0]["negated"] is True
    assert fact["readings"][0]["outcome"] == "present"


def test_explain_command_on_a_file_and_on_errors(tmp_path: Path) -> None:
    refs = _doc(tmp_path)
    cand = tmp_path / "c.txt"
    cand.write_text("Two crew members were injured on board the ferry.\n")
    run = CliRunner().invoke(main, ["explain", str(cand), "--references", str(refs)])
    assert run.exit_code == 0 and "verdict: contradicted" in run.output
    run = CliRunner().invoke(
        main, ["explain", str(cand), "--references", str(refs), "--fact", "nope"]
    )
    assert run.exit_code == 2 and "unknown fact 'nope'" in run.output
    run = CliRunner().invoke(main, ["explain", "missing-id", "--references", str(refs)])
    assert run.exit_code == 2 and "no candidate 'missing-id'" in run.output


def test_facts_command_reads_only_the_document_asked_for(tmp_path: Path) -> None:
    refs = _doc(tmp_path)
    (refs / "broken").mkdir()  # no article.txt: another document is incomplete
    run = CliRunner().invoke(main, ["facts", "ferry", "--references", str(refs)])
    assert run.exit_code == 0, run.output
    assert "all-safe" in run.output
    facts = FACTS.replace('"hurt"', '"defen[cs]e"')
    refs2 = _doc(tmp_path / "two", facts)
    run = CliRunner().invoke(main, ["facts", "ferry", "--references", str(refs2)])
    assert "defen[cs]e" in run.output  # a phrasing, printed literally


def test_several_acceptable_labels(tmp_path: Path) -> None:
    refs = _doc(tmp_path)
    fs = load_facts(refs / "ferry" / "facts.toml", "ferry")
    labels = tmp_path / "labels.jsonl"
    rows = [
        {
            "id": "a",
            "summary": "The ferry ran aground.",
            "labels": {"all-safe": ["present", "absent"]},
        },
        {"id": "b", "summary": "The ferry ran aground.", "labels": {"all-safe": "present"}},
    ]
    labels.write_text("".join(json.dumps(r) + "\n" for r in rows))
    items = load_labels(labels)
    assert items[0].accepted == ("present", "absent")
    report = calibrate(items, texts_from_labels(items), {"ferry": fs})
    assert report.correct == 1 and report.n == 2
    (d,) = report.facts[0].disagreements
    assert d.candidate == "b" and d.reason  # every disagreement says why
    csv = tmp_path / "labels.csv"
    csv.write_text("candidate,fact,expected\nx,all-safe,present|absent\n")
    assert load_labels(csv)[0].accepted == ("present", "absent")


def test_both_readings_in_the_json_report(tmp_path: Path) -> None:
    refs = _doc(tmp_path)
    cands = tmp_path / "cands"
    cands.mkdir()
    (cands / "c.txt").write_text(
        "Two passengers were injured on the ferry, a crew member said. "
        "Officials said everyone on board was evacuated safely.\n"
    )
    report = score_facts_json(refs, cands, tmp_path / "r.json")
    result = report["candidates"][0]["facts"]["results"][0]
    # both read at the same directness: the later statement wins, the other is reported
    assert result["verdict"] == "present"
    assert "evacuated safely" in result["evidence"]
    assert result["other"]["verdict"] == "contradicted"
    assert "injured" in result["other"]["evidence"]


def test_multiline_inline_table_error_says_how_to_fix(tmp_path: Path) -> None:
    import pytest

    from harness.errors import ConfigError

    bad = tmp_path / "facts.toml"
    bad.write_text(
        '[[fact]]\nid = "a"\nstatement = "x"\nslots = { who = ["x"],\n  what = ["y"] }\n'
    )
    with pytest.raises(ConfigError, match=r"\[fact\.slots\] table"):
        load_facts(bad, "d")


def test_gate_rows_name_folder_candidates_once() -> None:
    from harness.gate import GateCheck, GateFailure, GateResult, failure_rows

    checks = tuple(
        GateCheck(f"{d}/M10", d, "coverage", "coverage >= 1.0", "failed", 0.5, 1.0)
        for d in ("doc-a", "doc-b")
    )
    fails = (
        GateFailure("doc-a/M10", "doc-a", "coverage", 0.5, 1.0),
        GateFailure("M11", "doc-b", "coverage", 0.5, 1.0),
    )
    rows = failure_rows(GateResult(False, fails, checks))
    assert [r[0] for r in rows] == ["doc-a/M10", "doc-b/M11"]
