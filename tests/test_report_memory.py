"""Large reports without large memory (issue 15, item 20): the JSON report is written a
candidate at a time, byte for byte what the whole-document writer wrote; `compare` reads
reports as a stream into arrays and gives the comparison the dict reader gives."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest

import harness
from harness import output
from harness.results import RunResult, Summary, run_to_dict


def whole_document(run: RunResult, extra: dict[str, Any] | None = None) -> str:
    """The JSON report as 0.2.0 wrote it: the whole dict, then every line, then one join."""

    def compact(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))

    data = run_to_dict(run)
    if extra:
        data.update(extra)
    lines = ["{"]
    keys = list(data)
    for i, key in enumerate(keys):
        comma = "," if i < len(keys) - 1 else ""
        if key == "candidates":
            items = data[key]
            lines.append('  "candidates": [' if items else '  "candidates": []' + comma)
            if items:
                lines.extend(
                    f"    {compact(c)}{',' if j < len(items) - 1 else ''}"
                    for j, c in enumerate(items)
                )
                lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {compact(key)}: {compact(data[key])}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def tiny_run(tiny: Path) -> RunResult:
    dataset = harness.load_dataset(tiny / "candidates", references=tiny / "references")
    return harness.score(dataset, harness.RunConfig(metrics=("rouge",), use_cache=False))


def many(run: RunResult, n: int) -> RunResult:
    """`run` with its candidates repeated under new ids up to n."""
    cands = tuple(
        dataclasses.replace(run.candidates[i % len(run.candidates)], id=f"c{i:05d}")
        for i in range(n)
    )
    return dataclasses.replace(run, candidates=cands)


def test_json_writer_is_byte_identical_to_the_whole_document_writer(tiny_run) -> None:
    extra = {"gate": {"passed": False, "failures": [{"metric": "rouge1", "value": 0.1}]}}
    cases = [
        (tiny_run, None),
        (tiny_run, extra),
        (tiny_run, {**extra, "comparison": {"matched": 3, "metrics": []}}),
        (many(tiny_run, 2_500), extra),  # several batches of lines
        (many(tiny_run, 1_024), None),  # exactly one batch
        (RunResult((), Summary(0, 0, 0), "sig"), extra),
        (RunResult((), Summary(0, 0, 0), "sig"), None),
    ]
    for run, ext in cases:
        assert output.render_json(run, ext) == whole_document(run, ext)
        buf = io.StringIO()
        output.write_json(run, ext, buf)
        assert buf.getvalue() == whole_document(run, ext)


def test_json_writer_writes_before_it_has_converted_every_candidate(tiny_run, monkeypatch) -> None:
    """The report is never built whole: candidate lines go out in batches as converted."""
    converted = {"n": 0}
    real = output.candidate_to_dict

    def counting(c):
        converted["n"] += 1
        return real(c)

    seen: list[tuple[int, int]] = []

    class Sink(io.StringIO):
        def write(self, s: str) -> int:
            seen.append((converted["n"], s.count("\n")))
            return super().write(s)

    monkeypatch.setattr(output, "candidate_to_dict", counting)
    run = many(tiny_run, 5_000)
    sink = Sink()
    output.write_json(run, None, sink)
    assert converted["n"] == 5_000
    batches = [(done, lines) for done, lines in seen if lines > 1]
    assert len(batches) >= 4 and max(lines for _, lines in batches) <= output._BATCH
    assert batches[0][0] <= output._BATCH  # the first lines left before the rest were made
    assert json.loads(sink.getvalue())["candidates"][4_999]["id"] == "c04999"


def test_score_json_to_stdout_and_file_are_the_same_bytes(tiny: Path) -> None:
    from click.testing import CliRunner

    from harness.cli import main

    args = ["score", str(tiny / "candidates"), "--references", str(tiny / "references"),
            "--metrics", "rouge", "--format", "json", "--no-cache", "--no-progress"]  # fmt: skip
    out = CliRunner().invoke(main, args)
    assert out.exit_code in (0, 1), out.output
    saved = tiny / "r.json"
    again = CliRunner().invoke(main, [*args, "-o", str(saved), "--save-baseline", str(tiny / "b")])
    assert again.exit_code == out.exit_code
    assert saved.read_text(encoding="utf-8") == out.stdout
    report = json.loads(out.stdout)
    assert (
        json.loads((tiny / "b").read_text(encoding="utf-8"))["candidates"] == report["candidates"]
    )


# ---------------------------------------------------------------- compare as a stream

DATA = Path(__file__).parent / "data"


def two_reports(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The pinned demo report, a changed copy (JSON, indented) and the copy as JSONL."""
    import random

    a = DATA / "expected_demo_report.json"
    data = json.loads(a.read_text(encoding="utf-8"))
    rnd = random.Random(3)
    for i, c in enumerate(data["candidates"]):
        for k in c["metrics"]:
            c["metrics"][k] = round(
                min(1.0, max(0.0, c["metrics"][k] + rnd.uniform(-0.1, 0.05))), 6
            )
        for r in (c.get("facts") or {}).get("results", []):
            if rnd.random() < 0.3:
                r["verdict"] = rnd.choice(["present", "absent", "contradicted"])
        if i == 0:
            c["id"] = "renamed"
    data["candidates"].append(dict(data["candidates"][1], metrics={"rouge1": 0.5}))  # a repeat
    b = tmp_path / "b.json"
    b.write_text(json.dumps(data, indent=1), encoding="utf-8")
    lines = [json.dumps(c, ensure_ascii=False) for c in data["candidates"]]
    lines.append(json.dumps({k: v for k, v in data.items() if k != "candidates"}))
    jl = tmp_path / "b.jsonl"
    jl.write_text("\ufeff" + "\n".join(lines) + "\r\n", encoding="utf-8")  # a BOM, CRLF end
    return a, b, jl


def as_data(comp) -> dict:
    from harness.compare import comparison_to_dict

    return comparison_to_dict(comp)


@pytest.mark.parametrize("block", [1 << 20, 7])
def test_compare_files_streams_and_equals_the_dict_comparison(
    tmp_path: Path, monkeypatch, block: int
) -> None:
    """The stream reader takes JSON (any block size: values cut at a block's end are read
    on) and JSONL (BOM, CRLF) reports without load_report, to the same comparison."""
    from harness import compare_stream, results
    from harness.compare import compare_files, compare_reports

    a, b, jl = two_reports(tmp_path)
    want = as_data(compare_reports(results.load_report(a), results.load_report(b), 300, 1))
    assert (
        want["matched"] > 3
        and want["lost_facts"]
        and want["only_in_current"][0].endswith("/renamed")
    )

    def refuse(path):
        raise AssertionError(f"load_report read {path}: not streamed")

    monkeypatch.setattr(results, "load_report", refuse)
    monkeypatch.setattr(compare_stream._Buffer, "BLOCK", block)
    assert as_data(compare_files(a, b, 300, 1)) == want
    assert as_data(compare_files(a, jl, 300, 1)) == want


def test_comparison_json_is_written_a_candidate_at_a_time_with_the_same_bytes(
    tmp_path: Path,
) -> None:
    from harness.compare import compare_files, comparison_to_dict
    from harness.compare_stream import write_comparison_json
    from harness.output import dumps

    a, b, _ = two_reports(tmp_path)
    for x, y in ((a, b), (b, a), (a, a)):
        comp = compare_files(x, y, 200, 0)
        for gated, fail in ((None, False), (["rouge1"], True)):
            whole = dumps(comparison_to_dict(comp, gated, fail)) + "\n"
            buf = io.StringIO()
            data = comparison_to_dict(comp, gated, fail, with_candidates=False)
            write_comparison_json(data, comp, buf)
            assert buf.getvalue() == whole
    empty = tmp_path / "e.json"
    report = json.loads(a.read_text(encoding="utf-8"))
    empty.write_text(json.dumps({**report, "candidates": []}), encoding="utf-8")
    comp = compare_files(a, empty, 200, 0)
    buf = io.StringIO()
    write_comparison_json(comparison_to_dict(comp, with_candidates=False), comp, buf)
    assert buf.getvalue() == dumps(comparison_to_dict(comp)) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        '{"candidates": [{"id": "x", "status": "ok"}',  # cut short
        '{"schema_version": "0.2.0", "signature": "", "candidates": [1]}',  # not a candidate
        '{"schema_version": "0.2.0", "signature": 5, "candidates": []}',  # a bad field
        '{"schema_version": "0.2.0", "candidates": {}}',  # not a list
        '{"schema_version": "0.2.0", "candidates": []} x',  # trailing text
        "[]",
        '{"schema_version": "0.2.0", "candidates": [{"id": "x", "status": "ok", '
        '"metrics": {"rouge1": NaN}}]}',
    ],
)
def test_a_report_the_stream_cannot_take_gets_load_reports_own_error(
    tmp_path: Path, text: str
) -> None:
    from harness.compare_stream import read_values
    from harness.errors import ConfigError
    from harness.results import load_report

    p = tmp_path / "r.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as want:
        load_report(p)
    with pytest.raises(ConfigError) as got:
        read_values(p)
    assert str(got.value) == str(want.value)


def test_an_old_report_is_upgraded_when_compared_from_files() -> None:
    from harness.compare import compare_files, compare_reports
    from harness.results import load_report

    old, new = DATA / "demo_report_0.1.0.json", DATA / "expected_demo_report.json"
    want = as_data(compare_reports(load_report(old), load_report(new), 200, 0))
    assert as_data(compare_files(old, new, 200, 0)) == want


def test_compare_reads_reports_into_arrays_not_dicts(tmp_path: Path) -> None:
    """20,000 candidates: what is kept is a key, an ok flag, float columns and packed
    verdicts (a few hundred bytes a candidate), not the parsed report (several KB a
    candidate), as load_report keeps it."""
    import tracemalloc

    from harness.compare_stream import read_values
    from harness.results import load_report

    seed = json.loads((DATA / "expected_demo_report.json").read_text(encoding="utf-8"))
    cands = seed.pop("candidates")
    n = 20_000
    p = tmp_path / "big.json"
    with p.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps(seed)[:-1] + ', "candidates": [\n')
        for i in range(n):
            fh.write(("," if i else "") + json.dumps(dict(cands[i % len(cands)], id=f"c{i}")))
        fh.write("]}\n")

    def peak_of(read) -> float:
        tracemalloc.start()
        try:
            kept = read(p)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(kept) == n or len(kept["candidates"]) == n
        return peak / n

    streamed, whole = peak_of(read_values), peak_of(load_report)
    assert streamed < 800 and streamed * 8 < whole, (streamed, whole)
