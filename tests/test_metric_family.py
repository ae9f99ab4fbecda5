"""A metric family registered at run time shows up everywhere, with no other module changed.

The toy family measures length: the summary's word count, its compression against the
article (summary words / article words, lower is better) and a conciseness score
(1 - compression, floored at 0, higher is better). It is registered with
`harness.metrics.register`, exactly as an outside package's entry point would be, and
then found in the JSON report, the table, CSV, Markdown, HTML, the gate and `compare`.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness import metrics
from harness.cli import main
from harness.metrics import Metric, MetricFamily


@dataclass(frozen=True)
class Length:
    words: int
    compression: float


class LengthFamily(MetricFamily):
    name = "length"
    metrics = (
        Metric("summary_words", "Summary words", "words", "length", 0.0, float("inf"),
               higher_is_better=False, count=True, chart=False),
        Metric("compression", "Compression vs article", "compr", "length", 0.0, float("inf"),
               higher_is_better=False),
        Metric("conciseness", "Conciseness", "concise", "length"),
    )  # fmt: skip

    def signature(self) -> list[str]:
        return ["length:words-v1"]

    def score(self, candidates):
        out = []
        for c in candidates:
            article = len(self.documents[c.document].article.split())
            words = len(c.text.split())
            out.append(Length(words, words / max(1, article)))
        return out

    @classmethod
    def values(cls, result: Length) -> dict[str, float]:
        return {
            "summary_words": result.words,
            "compression": result.compression,
            "conciseness": max(0.0, 1.0 - result.compression),
        }

    @classmethod
    def to_json(cls, result: Length) -> dict:
        return {"words": result.words, "compression": round(result.compression, 6)}

    @classmethod
    def from_json(cls, data) -> Length | None:
        try:
            return Length(int(data["words"]), float(data["compression"]))
        except (KeyError, TypeError, ValueError):
            return None


@pytest.fixture
def length_family():
    metrics.register(LengthFamily)
    yield LengthFamily
    metrics.unregister("length")


def score(tiny: Path, *extra: str):
    args = ["score", str(tiny / "candidates"), "--references", str(tiny / "references")]
    return CliRunner().invoke(main, [*args, "--no-progress", "--metrics", "rouge,length", *extra])


def test_found_in_json_and_summary(tiny: Path, length_family) -> None:
    result = score(tiny, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    good = data["candidates"][0]
    assert set(good["metrics"]) >= {"rouge1", "summary_words", "compression", "conciseness"}
    assert good["length"]["words"] == good["metrics"]["summary_words"] > 0
    assert data["summary"]["means"]["conciseness"] > 0
    assert "length:words-v1" in data["signature"]
    assert data["settings"]["metrics"] == ["rouge", "length"]


def test_found_in_table_csv_and_markdown(tiny: Path, length_family) -> None:
    table = score(tiny, "--format", "table").stdout
    assert "concise" in table and "compr" in table and "words" in table
    rows = list(csv.DictReader(io.StringIO(score(tiny, "--format", "csv").stdout)))
    assert {"summary_words", "compression", "conciseness"} <= set(rows[0])
    assert int(rows[0]["summary_words"]) > 0
    markdown = score(tiny, "--format", "markdown").stdout
    assert "| concise |" in markdown or " concise " in markdown.splitlines()[0]


def test_found_in_html(tiny: Path, length_family) -> None:
    page = score(tiny, "--format", "html").stdout
    assert 'data-key="conciseness"' in page and "Conciseness" in page
    assert "Compression vs article" in page


def test_gated_by_fail_under_fail_over_and_the_config(tiny: Path, length_family) -> None:
    ok = score(tiny, "--format", "json", "--fail-under", "conciseness=0")
    assert ok.exit_code == 0, ok.output
    bad = score(tiny, "--format", "json", "--fail-under", "mean.conciseness=0.999")
    assert bad.exit_code == 1
    failures = json.loads(bad.stdout)["gate"]["failures"]
    assert [f["metric"] for f in failures] == ["mean.conciseness"]
    over = score(tiny, "--format", "json", "--fail-over", "summary_words=2")
    assert over.exit_code == 1
    assert {f["metric"] for f in json.loads(over.stdout)["gate"]["failures"]} == {"summary_words"}
    wrong = score(tiny, "--fail-under", "compression=0.5")
    assert wrong.exit_code == 2 and "use --fail-over" in wrong.stderr
    (tiny / "harness.toml").write_text("[gate]\nmax-compression = 0.0001\n", encoding="utf-8")
    old = Path.cwd()
    import os

    os.chdir(tiny)
    try:
        config = score(tiny, "--format", "json")
    finally:
        os.chdir(old)
    assert config.exit_code == 1
    assert {f["metric"] for f in json.loads(config.stdout)["gate"]["failures"]} == {"compression"}


def test_found_in_compare(tiny: Path, length_family, tmp_path: Path) -> None:
    base = tmp_path / "base.json"
    assert score(tiny, "--format", "json", "-o", str(base)).exit_code == 0
    current = json.loads(base.read_text(encoding="utf-8"))
    for c in current["candidates"]:
        c["metrics"]["conciseness"] -= 0.2  # every candidate got longer
    cur = tmp_path / "cur.json"
    cur.write_text(json.dumps(current), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["compare", str(base), str(cur), "--format", "json", "--resamples", "200"]
    )
    data = json.loads(result.stdout)
    by_name = {m["metric"]: m for m in data["metrics"]}
    assert {"summary_words", "compression", "conciseness"} <= set(by_name)
    assert by_name["conciseness"]["delta"] == pytest.approx(-0.2)


def test_round_trip_and_registry(length_family) -> None:
    assert metrics.metric("compression").family == "length"
    assert metrics.metric("compression").direction == "lower"
    assert "conciseness" in metrics.metric_names("higher")
    assert LengthFamily.from_json(LengthFamily.to_json(Length(3, 0.5))) == Length(3, 0.5)
    with pytest.raises(Exception, match="already"):

        class Clash(LengthFamily):
            name = "clash"
            metrics = (Metric("rouge1", "x", "x", "clash"),)

        metrics.register(Clash)
