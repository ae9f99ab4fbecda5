"""Memory stages of the benchmark (`bench/run.py --stages stream,json-memory,compare-memory`).

  stream          `harness score --metrics rouge --format jsonl` on N JSONL candidates
                  (--stream-n, default 100,000) vs the same run on 10,000 (past the first
                  flush of the id index, so numpy is imported in both): peak RSS of each
                  whole process, the ratio          target: < 100 MB peak, ratio <= 1.5
  json-memory     the same N candidates with `--format json` (every result held, the
                  report written a candidate at a time): peak RSS and bytes per candidate
  compare-memory  `harness compare A B --format json` of two N-candidate reports
                  (--compare-n, default 100,000) vs two 1,000-candidate reports: peak RSS
                  of each, the ratio; --resamples 200 (the bootstrap's memory does not
                  depend on it, its time does)                        target: < 2 GB peak

Candidates cycle 2,000 summaries from `bench/generate.py` (the id makes each one new):
the memory measured depends on the count, not on the words, and writing a million
distinct summaries would take longer than scoring them. The compare reports are made by
scoring 1,000 candidates once and repeating their candidate lines under new ids with
metric values moved by a seeded random amount, so no million-candidate scoring is needed
to measure `compare`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import generate
import numpy as np

SMALL = 1_000
STREAM_SMALL = 10_000
STREAM_MB = 100.0
COMPARE_MB = 2048.0
# The bootstrap draws its resamples in blocks of 4M indexes whatever their number, so
# the count changes the time (10,000 x 1M candidates x each metric), not the memory.
RESAMPLES = 200


def write_stream_jsonl(root: Path, n: int) -> Path:
    """root/references (a copy of the repo's) and root/candidates.jsonl with n lines."""
    dest = root / "candidates.jsonl"
    if dest.exists():
        return dest
    generate.write_references(root)
    texts = list(generate.summaries(min(n, 2_000), seed=0))
    tmp = dest.with_suffix(".part")
    with tmp.open("w", encoding="utf-8") as fh:
        for i in range(n):
            record = {"id": f"c{i:07d}", "document": generate.DOCUMENT, "summary": texts[i % 2000]}
            fh.write(json.dumps(record) + "\n")
    tmp.replace(dest)
    return dest


def _lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def stage_stream(bench: Any, row: type) -> None:
    big = bench.args.stream_n
    res = {}
    for n in (STREAM_SMALL, big):
        cands = write_stream_jsonl(bench.work / f"stream-{n}", n)
        out = cands.parent / "out.jsonl"
        cmd = bench.score_cmd(cands, out, "--metrics", "rouge", "--no-cache", fmt="jsonl")
        p = bench.run_proc(cmd, cands.parent, f"harness score {n} --format jsonl")
        bench.scored(out)
        res[n] = {"wall_s": p.wall, "maxrss_mb": p.maxrss_mb, "lines": _lines(out)}
        out.unlink()
    s, b = res[STREAM_SMALL], res[big]
    ratio = b["maxrss_mb"] / s["maxrss_mb"]
    bench.rows.append(
        row(
            f"stream: peak RSS {STREAM_SMALL:,} -> {big:,} cands (jsonl, rouge)",
            f"{s['maxrss_mb']:.0f} MB",
            f"{b['maxrss_mb']:.0f} MB",
            f"{ratio:.2f}x",
            f"< {STREAM_MB:.0f} MB, <= 1.5x",
            b["maxrss_mb"] < STREAM_MB and ratio <= 1.5,
            f"{big:,} cands in {b['wall_s']:.0f} s ({big / b['wall_s']:.0f}/s), "
            f"{b['lines']:,} lines out; "
            f"{(b['maxrss_mb'] - s['maxrss_mb']) * 2**20 / (big - STREAM_SMALL):.1f} "
            "bytes/candidate",
            res,
        )
    )


def stage_json_memory(bench: Any, row: type) -> None:
    big = bench.args.stream_n
    res = {}
    for n in (SMALL, big):
        cands = write_stream_jsonl(bench.work / f"stream-{n}", n)
        out = cands.parent / "out.json"
        cmd = bench.score_cmd(cands, out, "--metrics", "rouge", "--no-cache", fmt="json")
        p = bench.run_proc(cmd, cands.parent, f"harness score {n} --format json")
        _check_scored(out)
        res[n] = {"wall_s": p.wall, "maxrss_mb": p.maxrss_mb, "bytes": out.stat().st_size}
        out.unlink()
    s, b = res[SMALL], res[big]
    per = (b["maxrss_mb"] - s["maxrss_mb"]) * 2**20 / (big - SMALL)
    bench.rows.append(
        row(
            f"json-memory: peak RSS {SMALL:,} -> {big:,} cands (json, rouge)",
            f"{s['maxrss_mb']:.0f} MB",
            f"{b['maxrss_mb']:.0f} MB",
            f"{b['maxrss_mb'] / s['maxrss_mb']:.1f}x",
            "report",
            None,
            f"{per:,.0f} bytes/candidate held (results and texts); report "
            f"{b['bytes'] / big:,.0f} bytes/candidate; {b['wall_s']:.0f} s",
            res,
        )
    )


def write_compare_reports(bench: Any, n: int) -> tuple[Path, Path]:
    """Two n-candidate JSON reports (baseline, current) grown from one real 1,000 run,
    written by a child process (see `_parent_note`)."""
    root = bench.work / f"compare-{n}"
    a, b = root / "baseline.json", root / "current.json"
    if a.exists() and b.exists():
        return a, b
    seed_report = bench.work / "compare-seed.json"
    if not seed_report.exists():
        cands = write_stream_jsonl(bench.work / f"stream-{SMALL}", SMALL)
        cmd = bench.score_cmd(cands, seed_report, "--metrics", "rouge", "--no-cache")
        bench.run_proc(cmd, cands.parent, "harness score (compare seed report)")
    cmd = [bench.py, str(Path(__file__)), "compare-reports", str(seed_report), str(root), str(n)]
    bench.run_proc(cmd, bench.work, "writing the compare reports")
    return a, b


def _write_compare_reports(seed_report: Path, root: Path, n: int) -> None:
    data = json.loads(seed_report.read_text("utf-8"))
    seeds = data.pop("candidates")
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    for name, shift in (("baseline.json", 0.0), ("current.json", -0.002)):
        head = json.dumps(data, ensure_ascii=False)
        tmp = root / (name + ".part")
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(head[:-1] + ', "candidates": [\n')
            for i in range(n):
                c = dict(seeds[i % len(seeds)])
                c["id"] = f"c{i:07d}"
                noise = rng.normal(shift, 0.01, len(c["metrics"]))
                c["metrics"] = {
                    k: round(min(1.0, max(0.0, v + d)), 6)
                    for (k, v), d in zip(c["metrics"].items(), noise, strict=True)
                }
                fh.write(("," if i else "") + json.dumps(c, ensure_ascii=False) + "\n")
            fh.write("]}\n")
        tmp.replace(root / name)


def stage_compare_memory(bench: Any, row: type) -> None:
    big = bench.args.compare_n
    res = {}
    for n in (SMALL, big):
        a, b = write_compare_reports(bench, n)
        out = a.parent / "comparison.json"
        cmd = [*bench.harness, "compare", str(a), str(b), "--format", "json", "-o", str(out)]
        cmd += ["--resamples", str(RESAMPLES)]
        p = bench.run_proc(cmd, a.parent, f"harness compare {n}")
        matched = json.loads(_head(out))["matched"] if out.exists() else None
        if matched != n:
            raise RuntimeError(f"compare {n}: matched {matched}, expected {n}")
        res[n] = {
            "wall_s": p.wall,
            "maxrss_mb": p.maxrss_mb,
            "report_mb": a.stat().st_size / 2**20,
            "out_mb": out.stat().st_size / 2**20,
        }
        out.unlink()
    s, b = res[SMALL], res[big]
    bench.rows.append(
        row(
            f"compare-memory: peak RSS {SMALL:,} -> {big:,} cands (json)",
            f"{s['maxrss_mb']:.0f} MB",
            f"{b['maxrss_mb']:.0f} MB",
            f"{b['maxrss_mb'] / s['maxrss_mb']:.1f}x",
            f"< {COMPARE_MB:.0f} MB",
            b["maxrss_mb"] < COMPARE_MB,
            f"two reports of {b['report_mb']:.0f} MB each; {b['wall_s']:.0f} s "
            f"(--resamples {RESAMPLES}); "
            f"comparison written {b['out_mb']:.0f} MB",
            res,
        )
    )


def _head(path: Path) -> str:
    """The comparison's fields before its long `candidates` list, as one JSON object."""
    with path.open(encoding="utf-8") as fh:
        text = fh.read(1 << 16)
    cut = text.find('"candidates": [')
    if cut < 0:
        return text
    return text[:cut].rstrip().rstrip(",") + "\n}"


def _check_scored(report: Path) -> None:
    """The report's summary says every candidate scored; read from its head only (the
    parent must stay small, see `_parent_note`)."""
    lines = ["{"]
    with report.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith('  "candidates"'):
                break
            lines.append(line)
    head = "".join(lines).rstrip().rstrip(",") + "\n}"
    summary = json.loads(head)["summary"]
    if summary.get("errors"):
        raise RuntimeError(f"{report.name}: {summary['errors']} candidates failed to score")


_parent_note = """Linux keeps the larger of a process's own peak RSS and its parent's at the fork
(exec keeps the old peak in ru_maxrss), so the benchmark process must never hold a big
report: it writes data and checks results in ways that stay small."""


def main() -> None:
    import sys

    if len(sys.argv) == 5 and sys.argv[1] == "compare-reports":
        _write_compare_reports(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    else:
        raise SystemExit("usage: memory.py compare-reports SEED_REPORT ROOT N")


if __name__ == "__main__":
    main()
