"""Reports written by harness 0.1.0 (no `schema_version`) still load: compare, report, --baseline.

`tests/data/demo_report_0.1.0.json` is `harness score candidates --metrics rouge,facts
--format json` as 0.1.0 wrote it (`rouge` and `rouge_mean` by type, no `metrics`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cli import main
from harness.results import SCHEMA_VERSION, load_report

REPO = Path(__file__).resolve().parent.parent
OLD = REPO / "tests" / "data" / "demo_report_0.1.0.json"
NEW = REPO / "tests" / "data" / "expected_demo_report.json"
# verdicts a later rule changed on purpose since 0.1.0 wrote the old report: "would not rule
# out U.S. troops taking part" now contradicts the negative fact it left absent then
CHANGED = {("hedged", "contradicted")}


def _metrics(report: dict) -> list[dict]:
    return [
        {k: v for k, v in c["metrics"].items() if (c["id"], k) not in CHANGED}
        for c in report["candidates"]
    ]


@pytest.fixture(scope="module")
def same_settings(tmp_path_factory) -> Path:
    """The demo report with 0.1.0's ROUGE settings (stemming, rougeLsum on the splitter's
    sentences), which are no longer the defaults, and its facts file: the tuned one shipped
    then (tests/data/hegseth_tuned_facts.toml; the signature names the facts file's hash)."""
    import os
    import shutil

    out = tmp_path_factory.mktemp("old-settings") / "report.json"
    refs = out.parent / "references"
    shutil.copytree(REPO / "references", refs)
    shutil.copy(
        REPO / "tests" / "data" / "hegseth_tuned_facts.toml", refs / "hegseth-nato" / "facts.toml"
    )
    old_cwd = Path.cwd()
    os.chdir(REPO)
    try:
        result = CliRunner().invoke(
            main,
            ["score", "candidates", "--references", str(refs), "--metrics", "rouge,facts",
             "--format", "json", "--no-progress", "--no-cache", "--stemmer",
             "--lsum-split", "sentences", "-o", str(out)],
        )  # fmt: skip
    finally:
        os.chdir(old_cwd)
    assert result.exit_code in (0, 1), result.output
    return out


def test_an_old_report_is_upgraded_to_the_same_numbers(same_settings: Path) -> None:
    old = load_report(OLD)
    new = load_report(same_settings)
    assert old["schema_version"] == SCHEMA_VERSION and old["upgraded_from"] == "0.1.0"
    assert _metrics(old) == _metrics(new)
    assert [c["rouge"] for c in old["candidates"]] == [c["rouge"] for c in new["candidates"]]


def test_compare_old_with_new(same_settings: Path) -> None:
    result = CliRunner().invoke(
        main, ["compare", str(OLD), str(same_settings), "--format", "json", "--resamples", "200"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["matched"] == 16 and data["comparable"] is True  # the same settings
    assert {m["metric"] for m in data["metrics"]} >= {"rouge1", "coverage", "contradicted"}
    changed = {k for _, k in CHANGED}
    assert all(m["delta"] == 0 for m in data["metrics"] if m["metric"] not in changed)


def test_report_and_baseline_read_an_old_report(tmp_path: Path, monkeypatch) -> None:
    page = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(OLD), "-o", str(page), "--baseline", str(OLD)])
    assert result.exit_code == 0, result.output
    assert "ROUGE-1 F" in page.read_text(encoding="utf-8")
    monkeypatch.chdir(REPO)
    scored = CliRunner().invoke(
        main, ["score", "candidates", "--metrics", "rouge,facts", "--format", "json",
               "--no-progress", "--baseline", str(OLD), "--resamples", "200"],
    )  # fmt: skip
    assert scored.exit_code in (0, 1), scored.output
    comparison = json.loads(scored.stdout)["comparison"]
    assert comparison["matched"] == 16 and comparison["regressions"] == []


def test_an_unknown_schema_is_a_clear_error(tmp_path: Path) -> None:
    data = json.loads(NEW.read_text(encoding="utf-8"))
    data["schema_version"] = "9.0"
    bad = tmp_path / "future.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(bad), str(NEW)])
    assert result.exit_code == 2
    assert "schema_version '9.0' is not one this harness reads" in result.stderr


def test_an_old_report_and_the_new_defaults_are_flagged_not_comparable() -> None:
    """Before --lsum-split, rougeLsum always used the splitter's sentences: an old
    signature reads as `lsum:sentences`, so the new defaults differ in stem and lsum."""
    result = CliRunner().invoke(
        main, ["compare", str(OLD), str(NEW), "--format", "json", "--resamples", "200"]
    )
    data = json.loads(result.stdout)
    assert data["comparable"] is False
    mismatch = " ".join(data["signature_mismatch"])
    assert "stem: yes -> no" in mismatch and "lsum: sentences -> newline" in mismatch
