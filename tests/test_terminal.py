"""The terminal: a table readable at 80 (and 20) columns, a progress bar with count and rate."""

from __future__ import annotations

import io
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import run_on_pty
from rich.console import Console

from harness.matcher import FactResult, FactsResult
from harness.output import build_table
from harness.progress import Progress
from harness.results import CandidateResult, RunResult
from harness.rouge import PRF, ROUGE_TYPES, RougeResult
from harness.run import summarize

REPO = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
WORDS = "the council approved a new park that will open in spring with a playground".split()


def _ids(n: int) -> list[str]:
    return [f"summaries/model-{i:05d}-beam" for i in range(n)]


def _on_a_terminal(root: Path, columns: int, *args: str) -> tuple[int, list[str], str]:
    """`harness ARGS` with stdout on a pseudo-terminal COLUMNS wide: (exit, lines, stderr)."""
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    code, out, err = run_on_pty(list(args), root, env)
    return code, ANSI.sub("", out).replace("\r\n", "\n").splitlines(), err


@pytest.fixture(scope="module")
def five_thousand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("terminal")
    doc = root / "references" / "park"
    doc.mkdir(parents=True)
    (doc / "article.txt").write_text(" ".join(WORDS) + ".")
    (doc / "ref.txt").write_text("The council approved a park that opens in spring.")
    with (root / "many.jsonl").open("w") as f:
        for i, cid in enumerate(_ids(5000)):
            text = " ".join(WORDS[i % len(WORDS) :] + WORDS[: i % len(WORDS)])
            f.write(json.dumps({"id": cid, "summary": text}) + "\n")
    return root


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("columns", [80, 20])
def test_5000_candidates_on_a_narrow_terminal(five_thousand: Path, columns: int) -> None:
    code, lines, err = _on_a_terminal(
        five_thousand, columns, "score", "many.jsonl", "--metrics", "rouge", "--no-gate",
        "--no-progress",
    )  # fmt: skip
    assert code == 0, err
    table = [line for line in lines if not line.startswith("harness:")]
    assert max(len(line) for line in table) <= columns
    ids = _ids(5000)
    if columns == 80:  # one line per candidate, its id whole, its scores beside it
        rows = [line for line in table if "summaries/model-" in line]
        assert len(rows) == 5000 and len(table) < 5000 + 20
        assert all(cid in row and " ok" in row for cid, row in zip(ids, rows, strict=True))
        assert "R1" in table[1] and "RLsum" in table[1]
    else:  # id (folded, never one letter a line) and status, every candidate
        assert sum(line.split()[-1:] == ["ok"] for line in table) == 5000
        folded = "".join(line.split()[0] for line in table if line.split())
        assert all(cid in folded for cid in ids[:50] + ids[-50:])
        assert "not shown (too narrow)" in " ".join(" ".join(table).split())
        widths = [len(line.split()[0]) for line in table if line.split() and "-" in line]
        assert min(widths) >= 4  # no column squeezed to a letter or two


def _cand(cid: str, value: float, verdict: str = "present") -> CandidateResult:
    prf = {t: PRF(value, value, value) for t in ROUGE_TYPES}
    facts = FactsResult(
        float(verdict == "present"),
        int(verdict == "present"),
        int(verdict == "absent"),
        int(verdict == "contradicted"),
        (FactResult("key", verdict, "text", (0, 4), 0.9),),
    )  # type: ignore[arg-type]
    return CandidateResult(
        cid, f"{cid}.txt", "doc", "ok", None, {"rouge": RougeResult(prf, prf), "facts": facts}
    )


def _render(run: RunResult, width: int) -> list[str]:
    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system=None)
    console.print(build_table(run, console.width))
    return buf.getvalue().splitlines()


def test_compact_layout_when_the_full_table_does_not_fit() -> None:
    verdicts = ["present", "absent", "contradicted"]
    cands = [_cand(cid, (i % 97) / 97, verdicts[i % 3]) for i, cid in enumerate(_ids(300))]
    cands[5] = replace(cands[5], warnings=("id 'x' looks like the id of line 3 " * 3,))
    cands[7] = CandidateResult("broken", "broken.txt", "doc", "error", "broken.txt: not UTF-8")
    run = RunResult(tuple(cands), summarize(cands), "sig", {"metrics": ["rouge", "facts"]})
    wide = _render(run, 200)  # everything fits: the full status text
    assert any("looks like the id" in line for line in wide)
    lines = _render(run, 80)
    assert max(len(line) for line in lines) <= 80
    rows = [line for line in lines if "summaries/" in line or "broken" in line]
    assert len(rows) == 300  # one line each: the long warning is shortened to `ok*`
    assert rows[5].split()[-1] == "ok*" and rows[7].split()[-1] == "error"
    assert all(title in lines[0] for title in ("R1", "RLsum", "facts", "status"))
    text = " ".join(" ".join(lines).split())
    assert "not shown" not in text and "ok*: with warnings" in text
    narrower = " ".join(" ".join(_render(run, 60)).split())
    assert "not shown (too narrow): RL, RLsum, facts" in narrower


def test_progress_shows_count_and_rate() -> None:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=100, color_system=None)
    bar = Progress(5000, True, console=console)
    bar(1024)
    bar.show()  # what the timer does a second into the run
    bar(1024)
    bar._bar.refresh()
    bar.close()
    text = buf.getvalue()
    assert "2,048/5,000" in text and re.search(r"[\d,]+/s", text), text
    assert bar._timer is not None and not bar._timer.is_alive()  # the timer is gone


def test_progress_streamed_and_quiet() -> None:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=100, color_system=None)
    bar = Progress(None, True, console=console)  # streaming: the total is not known
    bar.show()
    bar(10)
    bar._bar.refresh()
    bar.close()
    assert "10 scored" in buf.getvalue()
    done = Progress(10, True, console=console)
    done(10)
    done.show()  # finished before the timer fired: never drawn
    assert done._bar is None
    done.close()
    off = Progress(10, False)
    off.show()
    off(3)
    assert off._timer is None and off.done == 3
    off.close()


def test_compact_layout_keeps_the_checklist_as_marks_and_count() -> None:
    cands = [_cand(f"model-{i:03d}", 0.5, "absent" if i % 2 else "present") for i in range(40)]
    cands[3] = replace(
        cands[3], warnings=("a warning long enough to need the compact layout " * 2,)
    )
    run = RunResult(tuple(cands), summarize(cands), "sig", {"metrics": ["rouge", "facts"]})
    lines = _render(run, 80)
    assert max(len(line) for line in lines) <= 80
    assert "facts" in lines[0] and "RLsum" in lines[0]
    rows = [line for line in lines if "model-" in line]
    assert len(rows) == 40
    assert "✗ 0/1" in rows[1] and "-key" not in rows[1]  # the fact id only in the wide table
    assert any(line.split()[:1] == ["mean"] and "0.500" in line for line in lines)
