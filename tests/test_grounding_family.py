"""The grounding family (harness/families/grounding.py): registered like the others, its
JSON object, its gate options and config keys, every output format, `harness explain
--grounding`, the cache, and the demo: `hallucinated-numbers` fails on its four invented
spans while no good demo candidate is flagged."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DEMO_GOOD

from harness.cli import main
from harness.families.grounding import GroundingFamily
from harness.metrics import families, metric

REPO = Path(__file__).resolve().parent.parent
DEMO_ARTICLE = (REPO / "references/hegseth-nato/article.txt").read_text("utf-8")
INVENTED = ["80", "$300 billion", "2020", "90 percent"]  # hallucinated-numbers' four


def invoke(args: list[str], cwd: Path | None = None):
    old = Path.cwd()
    os.chdir(cwd or REPO)
    try:
        return CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def project(tmp_path: Path, candidates: dict[str, str], article: str = DEMO_ARTICLE) -> Path:
    """A folder with references/demo (the article, one reference) and candidates/."""
    doc = tmp_path / "references" / "demo"
    doc.mkdir(parents=True)
    (doc / "article.txt").write_text(article, encoding="utf-8")
    (doc / "ref.txt").write_text("A reference summary of the article.", encoding="utf-8")
    cands = tmp_path / "candidates"
    cands.mkdir()
    for name, text in candidates.items():
        (cands / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def demo_text(name: str) -> str:
    return next((REPO / "candidates").glob(name + ".*")).read_text("utf-8")


def score(root: Path, *extra: str, fmt: str = "json"):
    args = ["score", "candidates", "--references", "references", "--metrics", "grounding"]
    return invoke([*args, "--format", fmt, "--no-progress", "--no-cache", *extra], root)


@pytest.fixture(scope="module")
def demo_report() -> dict:
    """The repo's own candidates with grounding on, gated by pyproject.toml."""
    run = invoke(
        ["score", "candidates", "--references", "references", "--metrics",
         "rouge,facts,grounding", "--format", "json", "--no-progress", "--no-cache"]
    )  # fmt: skip
    assert run.exit_code == 1, run.output  # the demo set holds bad candidates on purpose
    return json.loads(run.stdout)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return project(
        tmp_path,
        {
            "hallucinated-numbers": demo_text("hallucinated-numbers"),
            "excellent-abstract": demo_text("excellent-abstract"),
        },
    )


# ---------------------------------------------------------------- registry


def test_registered_like_the_others_and_on_by_default() -> None:
    from harness.run import RunConfig

    assert "grounding" in families()
    assert "grounding" in RunConfig().metrics
    g, u = metric("grounding"), metric("unsupported")
    assert g is not None and g.family == "grounding" and g.higher_is_better
    assert u is not None and u.count and not u.higher_is_better
    assert [o.flag for o in GroundingFamily.gate_options] == ["--max-unsupported"]


# ---------------------------------------------------------------- the demo


def test_demo_hallucinated_numbers_fails_naming_its_four_spans(demo_report) -> None:
    cand = next(c for c in demo_report["candidates"] if c["id"] == "hallucinated-numbers")
    assert [f["text"] for f in cand["grounding"]["flags"]] == INVENTED
    assert cand["metrics"]["unsupported"] == 4
    failure = next(
        f
        for f in demo_report["gate"]["failures"]
        if f["candidate"] == "hallucinated-numbers" and f["metric"] == "unsupported"
    )
    for span in INVENTED:
        assert f"“{span}”" in failure["message"]


def test_demo_flags_no_good_candidate(demo_report) -> None:
    by_id = {c["id"]: c for c in demo_report["candidates"]}
    assert set(DEMO_GOOD) <= set(by_id)
    for name in DEMO_GOOD:
        assert by_id[name]["grounding"]["flags"] == [], name
        assert by_id[name]["metrics"]["unsupported"] == 0
    gated = {
        f["candidate"]
        for f in demo_report["gate"]["failures"]
        if f["metric"] in ("unsupported", "grounding")
    }
    assert gated == {"hallucinated-numbers", "uk-as-donor", "off-topic"}
    assert [f["text"] for f in by_id["uk-as-donor"]["grounding"]["flags"]] == ["Germany"]


# ---------------------------------------------------------------- the JSON object


def test_json_object_holds_score_counts_and_flags(demo_report) -> None:
    for cand in demo_report["candidates"]:
        g = cand["grounding"]
        assert GroundingFamily.check_json(g, "grounding") is None
        assert 0.0 <= g["score"] <= 1.0 and g["score"] == cand["metrics"]["grounding"]
        assert g["unsupported"] == len(g["flags"])
        assert g["unsupported"] == g["unsupported_specifics"] + g["unsupported_sentences"]
        text = demo_text(cand["id"])
        for f in g["flags"]:
            assert set(f) == {
                "kind",
                "text",
                "span",
                "reason",
                "evidence",
                "evidence_span",
                "support",
            }
            assert text[f["span"][0] : f["span"][1]] == f["text"]
            s, e = f["evidence_span"]
            assert DEMO_ARTICLE[s:e] == f["evidence"]
            assert (f["support"] is not None) == (f["kind"] == "sentence")
        # read back and written again: the same object (merging shards, `harness report`)
        assert GroundingFamily.to_json(GroundingFamily.from_json(g)) == g
    off = next(c for c in demo_report["candidates"] if c["id"] == "off-topic")
    assert any(f["kind"] == "sentence" for f in off["grounding"]["flags"])
    assert "grounding:v" in demo_report["signature"]
    assert demo_report["settings"]["grounding"] == {"embeddings": False}


def test_check_json_names_the_damage() -> None:
    assert GroundingFamily.check_json({"score": "x"}, "g") == "g.score must be a finite number"
    bad = {"score": 0.5, "unsupported": 1, "flags": [{"kind": "number", "text": 80}]}
    assert GroundingFamily.check_json(bad, "g") == "g.flags[0].text must be a string"
    assert GroundingFamily.from_json({"score": 0.5}) is None
    flag = {"kind": "sentence", "text": "x", "span": None, "reason": "r", "evidence": "e",
            "evidence_span": None, "support": None}  # fmt: skip
    data = {"score": 0.5, "unsupported": 1, "specifics": 0, "unsupported_specifics": 0,
            "sentences": 1, "unsupported_sentences": 1, "flags": [flag]}  # fmt: skip
    assert GroundingFamily.check_json(data, "g") is None
    result = GroundingFamily.from_json(data)
    assert GroundingFamily.to_json(result) == data
    assert GroundingFamily.failure_detail(result, "unsupported") == (
        "unsupported: sentence “x”",
        None,
    )


# ---------------------------------------------------------------- the gate


def test_gate_options_and_fail_under(small: Path) -> None:
    run = score(small, "--max-unsupported", "0")
    assert run.exit_code == 1
    gate = json.loads(run.stdout)["gate"]
    assert [(f["candidate"], f["metric"]) for f in gate["failures"]] == [
        ("hallucinated-numbers", "unsupported")
    ]
    assert "over the maximum 0" in gate["failures"][0]["message"]
    assert score(small, "--max-unsupported", "4").exit_code == 0
    run = score(small, "--fail-under", "grounding=0.2")
    failures = json.loads(run.stdout)["gate"]["failures"]
    assert run.exit_code == 1 and [f["candidate"] for f in failures] == ["hallucinated-numbers"]
    assert "“$300 billion” (the article states no $300 billion)" in failures[0]["message"]
    run = score(small, "--fail-over", "mean.unsupported=1.5")
    assert run.exit_code == 1 and json.loads(run.stdout)["gate"]["failures"][0]["metric"] == (
        "mean.unsupported"
    )
    assert score(small, "--max-unsupported", "1.5").exit_code == 2  # a count is whole


def test_grounding_embeddings_needs_grounding(small: Path) -> None:
    run = invoke(
        ["score", "candidates", "--references", "references", "--metrics", "rouge",
         "--grounding-embeddings", "--no-progress"], small,
    )  # fmt: skip
    assert run.exit_code == 2 and "--grounding-embeddings needs grounding" in run.output


def test_gate_config_keys(small: Path) -> None:
    (small / "harness.toml").write_text(
        "[gate]\nmax-unsupported = 0\n[gate.mean]\ngrounding = 0.9\n", encoding="utf-8"
    )
    run = score(small)
    assert run.exit_code == 1
    metrics = [f["metric"] for f in json.loads(run.stdout)["gate"]["failures"]]
    assert metrics == ["unsupported", "mean.grounding"]
    (small / "harness.toml").write_text("[gate]\ngrounding = 2\n", encoding="utf-8")
    run = score(small)
    assert run.exit_code == 2 and "grounding must be between 0 and 1" in run.output


def test_blank_article_is_not_grounded(tmp_path: Path) -> None:
    root = project(tmp_path, {"a": "Some 80 countries met."}, article="  \n")
    run = score(root, "--max-unsupported", "0")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert "grounding" not in data["candidates"][0]
    assert "empty article.txt" in data["gate"]["skipped"][0]
    assert "empty article.txt; grounding is not checked" in run.stderr


# ---------------------------------------------------------------- every format


def test_table_csv_markdown_name_the_spans(small: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(score(small, fmt="csv").stdout)))
    row = next(r for r in rows if r["id"] == "hallucinated-numbers")
    assert row["unsupported"] == "4" and 0 < float(row["grounding"]) < 1
    assert row["flagged"] == "4: 80 · $300 billion · 2020 · 90 percent"
    assert next(r for r in rows if r["id"] == "excellent-abstract")["flagged"] == ""
    md = score(small, "--max-unsupported", "0", fmt="markdown").stdout
    assert "| unsupported |" in md.splitlines()[0] and "4: 80 · $300 billion" in md
    assert "- hallucinated-numbers: unsupported: “80” (the article states no 80)" in md
    table = score(small, "--max-unsupported", "0", fmt="table").stdout
    assert "ground" in table and "90 percent" in table


def test_junit_and_github_messages_name_the_spans(small: Path) -> None:
    junit = score(small, "--max-unsupported", "0", fmt="junit").stdout
    from xml.etree import ElementTree as ET

    failure = ET.fromstring(junit).find(".//testcase[@name='unsupported <= 0']/failure")
    assert failure is not None
    for span in INVENTED:
        assert f"“{span}”" in failure.get("message", "")
    gh = score(small, "--max-unsupported", "0", fmt="github").stdout
    line = next(x for x in gh.splitlines() if "hallucinated-numbers: unsupported" in x)
    assert line.startswith("::error file=candidates/hallucinated-numbers.txt,line=1,")
    assert "“$300 billion” (the article states no $300 billion)" in line


def test_html_marks_unsupported_spans_beside_the_article_sentence(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        {
            "hallucinated-numbers": demo_text("hallucinated-numbers"),
            "hostile": 'The <script>alert(1)</script> Zorblax Institute said "x".',
        },
    )
    out = root / "report.html"
    run = score(root, "--max-unsupported", "0", "-o", str(out), fmt="html")
    assert run.exit_code == 1, run.output
    html = out.read_text("utf-8")
    for n, span in enumerate(INVENTED, 1):
        assert f'<mark class="gr" data-flag="{n}">{span}</mark><sup class="gr-n">{n}</sup>' in html
    assert "closest in the article:</span> Hegseth delivered these remarks" in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "Zorblax Institute</mark>" in html


# ---------------------------------------------------------------- explain


def test_explain_grounding_says_why() -> None:
    run = invoke(["explain", "hallucinated-numbers", "--grounding", "--format", "json"])
    assert run.exit_code == 0, run.output
    g = json.loads(run.stdout)["grounding"]
    unsupported = [s["text"] for s in g["specifics"] if not s["supported"]]
    assert unsupported == INVENTED
    nato = next(s for s in g["specifics"] if s["text"] == "NATO")
    assert nato["supported"] and nato["reason"] == "the article names it" and nato["evidence"]
    assert len(g["sentences"]) == 5 and all(s["supported"] for s in g["sentences"])
    assert "x 0.85^4 for 4 unsupported specifics" in g["how"]
    text = invoke(["explain", "candidates/off-topic.txt", "--grounding"]).stdout
    assert "✗ UNSUPPORTED: support" in text and "best article sentence:" in text
    assert "✗ UNSUPPORTED date “Tuesday”: the article never names Tuesday" in text


# ---------------------------------------------------------------- cache


def test_warm_rerun_reads_the_cache_equal_to_fresh(small: Path, monkeypatch) -> None:
    cache = small / "cache"
    args = ["--cache-dir", str(cache), "--max-unsupported", "0"]

    def once() -> dict:
        run = invoke(
            ["score", "candidates", "--references", "references", "--metrics", "grounding",
             "--format", "json", "--no-progress", *args], small,
        )  # fmt: skip
        assert run.exit_code == 1, run.output
        return json.loads(run.stdout)

    fresh = once()
    import harness.grounding

    def refuse(*a, **k):
        raise AssertionError("grounded again: the cache was not read")

    monkeypatch.setattr(harness.grounding, "ground_many", refuse)
    monkeypatch.setattr(harness.grounding, "ground", refuse)
    monkeypatch.setattr(harness.grounding, "analyse_article", refuse)
    assert once() == fresh
    (small / "references/demo/article.txt").write_text(DEMO_ARTICLE + " More.", "utf-8")
    missed = once()  # a changed article is a miss: grounded again (refused here)
    assert missed["summary"]["errors"] == 2
    assert all("grounded again" in c["error"] for c in missed["candidates"])


def test_embeddings_use_the_runs_shared_encoder(small: Path, fake_encoder) -> None:
    from harness.loading import iter_candidates, load_references
    from harness.run import RunConfig, Scorer

    docs = load_references(small / "references")
    items = list(iter_candidates(small / "candidates", docs))
    config = RunConfig(
        metrics=("embedding", "grounding"), use_cache=False, options={"grounding_embeddings": True}
    )
    scorer = Scorer(docs, config, fake_encoder)
    results = list(scorer.iter_results(items))
    scorer.close()
    assert scorer.context.encoder is fake_encoder
    assert "emb=all-MiniLM-L6-v2@fake-bow-64*0.3" in scorer.signature()
    for r in results:
        assert r.scores["grounding"].alignment[0].embedding is not None
    assert sum(len(c) for c in fake_encoder.calls) > len(items)  # sentences were encoded too
