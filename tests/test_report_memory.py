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
