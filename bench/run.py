"""The performance benchmark: every stage times a baseline and `harness` as whole processes.

    python bench/run.py [--quick] [--stages rouge,embedding,cache,startup,facts,grounding,scale,...]
                        [--src DIR] [--work DIR] [--keep] [--ray-n N] [--stream-n N] [--compare-n N]

Stages (each a subprocess, start-up included, baseline and harness measured in the same run):

  rouge      a plain rouge-score `score_multi` loop over 2,000 candidate files x 3 references
             vs `harness score --metrics rouge`                         target: >= 20x faster
  embedding  a bare sentence-transformers script encoding the same distinct texts
             (1,000 candidates + 3 references + article, batch 64)
             vs `harness score --no-cache` (all metrics)              target: <= 1.25x the floor
  cache      `harness score` rerun on a warm --cache-dir, all metrics (grounding included),
             1,000 candidates; neither torch nor spaCy may be imported      target: < 1 s
  startup    `harness --help`, `harness facts` vs `python -c pass`          target: < 0.3 s
  facts      `harness score --metrics facts`, 1,000 candidates, with the dependency parse vs
             the word rules alone (HARNESS_PARSER=none, the matcher of 0.1.0) in the same
             run, and the in-process check_facts loop                       target: < 10 s
  facts-long one 'sentence' of 2,000 and of 8,000 clauses joined by "and" (pathological
             input): the time ratio, for 4x the text                       target: < 8x
  grounding  `harness score --no-cache`, 1,000 candidates, all metrics with and without
             grounding, interleaved in the same run                  target: <= 1.2x
  scale      100,000 JSONL candidates (--quick: 20,000), --metrics rouge,facts, jsonl out;
             wall time and peak RSS vs a run 10x smaller               target: RSS ratio <= 1.5
  ray        --ray-n JSONL candidates (default 3,000, about a minute; --ray-n 100000 for the
             full measure), --metrics rouge,facts, jsonl out: `--engine ray` (a local Ray
             instance, start-up included) vs the local engine in the same run, and the
             driver's own peak RSS at N/10 and N                target: <= 1.5x local, flat
  stream, json-memory, compare-memory
             peak RSS of streamed JSONL, in-memory JSON and `compare` on --stream-n /
             --compare-n candidates (default 100,000) vs 1,000 (bench/memory.py)
                                                   target: stream < 100 MB, compare < 2 GB

A failing stage prints its error and the others still run. `--src DIR` puts DIR first on
PYTHONPATH for every harness process (benchmark a patched tree). Results also go to
bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import memory  # noqa: E402

STAGES = (
    "rouge",
    "embedding",
    "cache",
    "startup",
    "facts",
    "facts-long",
    "grounding",
    "scale",
    "ray",
    "stream",
    "json-memory",
    "compare-memory",
)
DOC = generate.DOCUMENT


# ------------------------------------------------------------------ process timing


@dataclass
class Proc:
    wall: float
    rc: int
    maxrss_mb: float
    stderr: str
    hwm_mb: float = 0.0  # the process's own peak RSS (VmHWM), without its children's
    cpu_s: float = 0.0  # the process's own CPU time (user + system), without its children's
    cpu: float = 0.0  # user + system seconds at exit (os.wait4: its own threads included)

    def check(self, what: str, ok: tuple[int, ...] = (0,)) -> Proc:
        if self.rc not in ok:
            tail = self.stderr.strip().splitlines()[-3:]
            raise RuntimeError(f"{what} exited {self.rc}: {' | '.join(tail)}")
        return self


def child_env(src: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    # Users' installs carry .pyc files; let the warm-up runs write them instead of
    # recompiling every module of sentence-transformers and harness on each timed run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("TOKENIZERS_PARALLELISM", "false")
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    return env


def run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 1800) -> Proc:
    """Run one process; wall time and its own peak RSS (os.wait4, per child)."""
    with tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        deadline = t0 + timeout
        hwm, cpu, polls = 0.0, 0.0, 0
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            polls += 1
            if polls % 25 == 1:
                hwm = max(hwm, _vm_hwm_mb(p.pid))
                cpu = max(cpu, _cpu_s(p.pid))
            if time.perf_counter() > deadline:
                p.kill()
                pid, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        used = usage.ru_utime + usage.ru_stime
        return Proc(wall, p.returncode, usage.ru_maxrss / 1024, err.read()[-4000:], hwm, cpu, used)


def _cpu_s(pid: int) -> float:
    """A live process's own CPU seconds so far (Linux /proc; 0 where unreadable)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _vm_hwm_mb(pid: int) -> float:
    """A live process's own peak RSS (Linux /proc; 0 where unreadable)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def best(
    cmd: list[str],
    cwd: Path,
    env: dict,
    n: int,
    what: str,
    warm: bool = True,
    ok: tuple[int, ...] = (0,),
) -> Proc:
    """Best of n timed runs (after one untimed warm-up run when warm)."""
    if warm:
        run(cmd, cwd, env).check(what, ok)
    runs = [run(cmd, cwd, env).check(what, ok) for _ in range(n)]
    return min(runs, key=lambda r: r.wall)


# Exit 1 is the CI gate failing (synthetic candidates miss required facts), not a crash;
# `scored` then checks the report says every candidate was scored.
SCORE_OK = (0, 1)


def scored(report: Path) -> dict:
    """The report's summary; raises unless it exists and every candidate scored."""
    if not report.exists():
        raise RuntimeError(f"no report written at {report}")
    if report.suffix == ".jsonl":
        last = b""
        with report.open("rb") as fh:
            for line in fh:  # the last line (summary, signature, gate) may be long
                last = line
        summary = json.loads(last)["summary"]
    else:
        summary = json.loads(report.read_text("utf-8"))["summary"]
    if summary.get("errors"):
        raise RuntimeError(f"{report.name}: {summary['errors']} candidates failed to score")
    return summary


# ------------------------------------------------------------------ results


@dataclass
class Row:
    stage: str
    baseline: str = ""
    harness: str = ""
    ratio: str = ""
    target: str = ""
    ok: bool | None = None
    note: str = ""
    data: dict = field(default_factory=dict)


def fmt_s(x: float) -> str:
    return f"{x:.2f} s" if x >= 0.995 else f"{x * 1000:.0f} ms"


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.quick = args.quick
        self.reps = 1 if args.quick else 3
        self.work = Path(args.work or tempfile.mkdtemp(prefix="harness-bench-"))
        self.work.mkdir(parents=True, exist_ok=True)
        self.env = child_env(Path(args.src).resolve() if args.src else None)
        exe = Path(sys.executable)
        script = exe.parent / "harness"
        self.harness = [str(script)] if script.exists() else [str(exe), "-m", "harness.cli"]
        self.py = str(exe)
        self.rows: list[Row] = []
        self._data: dict[tuple[int, str], Path] = {}

    # ---------------------------------------------------------------- data
    def data(self, n: int, kind: str = "folder") -> Path:
        """A folder with references/ and n candidates (candidates/ or candidates.jsonl)."""
        key = (n, kind)
        if key in self._data:
            return self._data[key]
        root = self.work / f"data-{n}-{kind}"
        target = root / ("candidates" if kind == "folder" else "candidates.jsonl")
        if not target.exists():
            generate.write_references(root)
            if kind == "folder":
                generate.write_folder(root, n, seed=0)
            else:
                generate.write_jsonl(root, n, seed=0)
        self._data[key] = target
        return target

    def score_cmd(self, cands: Path, out: Path, *extra: str, fmt: str = "json") -> list[str]:
        refs = cands.parent / "references"
        return [
            *self.harness,
            "score",
            str(cands),
            "--references",
            str(refs),
            "--format",
            fmt,
            "-o",
            str(out),
            "--no-progress",
            *extra,
        ]

    def probe(self, args: list[str], cwd: Path) -> list[str]:
        """Which heavy modules a harness command imports (bench/_probe.py)."""
        out = self.work / "probe.json"
        out.unlink(missing_ok=True)
        env = dict(self.env, BENCH_PROBE_OUT=str(out))
        run([self.py, str(HERE / "_probe.py"), *args], cwd, env).check("probe", SCORE_OK)
        return json.loads(out.read_text())

    # ---------------------------------------------------------------- stages
    def stage_rouge(self) -> None:
        n = 2000
        cands = self.data(n)
        root = cands.parent
        doc_dir = root / "references" / DOC
        b_out, h_out = root / "baseline-rouge.json", root / "harness-rouge.json"
        base = run(
            [self.py, str(HERE / "baseline_rouge.py"), str(cands), str(doc_dir), str(b_out)],
            root,
            self.env,
        ).check("rouge-score loop")
        har = best(
            # --no-cache: ROUGE results are cached per candidate; every repetition scores
            self.score_cmd(cands, h_out, "--metrics", "rouge", "--no-cache"),
            root,
            self.env,
            self.reps,
            "harness score --metrics rouge",
            ok=SCORE_OK,
        )
        scored(h_out)
        # The harness must agree with rouge-score, rougeLsum included (--lsum-split newline,
        # the default, is rouge-score's own split).
        b = json.loads(b_out.read_text())
        h = {c["id"]: c["rouge"]["best"] for c in json.loads(h_out.read_text())["candidates"]}
        worst = 0.0
        for cid, scores in b.items():
            for t in ("rouge1", "rouge2", "rougeL", "rougeLsum"):
                hp = h[cid][t]
                for i, k in enumerate(("precision", "recall", "fmeasure")):
                    worst = max(worst, abs(round(scores[t][i], 6) - hp[k]))
        ratio = base.wall / har.wall
        self.rows.append(
            Row(
                f"rouge: {n} cands x 3 refs",
                fmt_s(base.wall),
                fmt_s(har.wall),
                f"{ratio:.1f}x",
                ">= 20x",
                ratio >= 20,
                f"rouge-score loop {n * 3 / base.wall:.0f} pairs/s; harness {n * 3 / har.wall:.0f} "
                f"pairs/s; rouge1/2/L/Lsum max |diff| vs rouge-score {worst:.1e}",
                {
                    "baseline_s": base.wall,
                    "harness_s": har.wall,
                    "ratio": ratio,
                    "pairs": n * 3,
                    "max_abs_diff_rouge12L": worst,
                },
            )
        )

    def stage_embedding(self) -> None:
        n = 1000
        cands = self.data(n)
        root = cands.parent
        doc_dir = root / "references" / DOC
        floor_cmd = [self.py, str(HERE / "baseline_embed.py"), str(cands), str(doc_dir), "64"]
        h_cmd = self.score_cmd(cands, root / "harness-emb.json", "--no-cache")
        # Interleave, warm both once (page cache, .pyc), keep the best of each.
        run(floor_cmd, root, self.env).check("floor script")
        run(h_cmd, root, self.env).check("harness score --no-cache", SCORE_OK)
        scored(root / "harness-emb.json")
        reps = 1 if self.quick else 2
        floors, hars = [], []
        for _ in range(reps):
            floors.append(run(floor_cmd, root, self.env).check("floor script").wall)
            hars.append(run(h_cmd, root, self.env).check("harness score --no-cache", SCORE_OK).wall)
        f, h = min(floors), min(hars)
        ratio = h / f
        self.rows.append(
            Row(
                f"embedding: {n} cands, all metrics, no cache",
                fmt_s(f),
                fmt_s(h),
                f"{ratio:.2f}x",
                "<= 1.25x",
                ratio <= 1.25,
                "floor = import sentence-transformers + load + encode the same distinct texts "
                f"(batch 64); runs floor {[round(x, 2) for x in floors]} harness "
                f"{[round(x, 2) for x in hars]}",
                {
                    "floor_s": f,
                    "harness_s": h,
                    "ratio": ratio,
                    "floor_runs": floors,
                    "harness_runs": hars,
                },
            )
        )

    def stage_cache(self) -> None:
        n = 1000
        cands = self.data(n)
        root = cands.parent
        cache = self.work / "cache-warm"
        shutil.rmtree(cache, ignore_errors=True)
        cmd = self.score_cmd(cands, root / "harness-cached.json", "--cache-dir", str(cache))
        cold = run(cmd, root, self.env).check("harness score (cold cache)", SCORE_OK)
        warm = best(
            cmd, root, self.env, self.reps, "harness score (warm cache)", warm=False, ok=SCORE_OK
        )
        scored(root / "harness-cached.json")
        mods = self.probe(cmd[len(self.harness) :], root)
        heavy = [
            m for m in mods if m in ("torch", "sentence_transformers", "transformers", "spacy")
        ]
        ok = warm.wall < 1.0 and not heavy
        self.rows.append(
            Row(
                f"cache: rerun, {n} cands, all metrics",
                f"{fmt_s(cold.wall)} (cold)",
                f"{fmt_s(warm.wall)} ({fmt_s(warm.cpu)} CPU)",
                f"{cold.wall / warm.wall:.0f}x",
                "< 1 s, no torch/spaCy",
                ok,
                f"imports on the warm rerun: {', '.join(mods) or 'none'}"
                + (f" -- HEAVY IMPORTS ({', '.join(heavy)})" if heavy else " (no torch, spaCy)"),
                {
                    "cold_s": cold.wall,
                    "warm_s": warm.wall,
                    "warm_cpu_s": warm.cpu,
                    "imported": mods,
                },
            )
        )

    def stage_startup(self) -> None:
        root = self.data(1000).parent
        refs = root / "references"
        base = best([self.py, "-c", "pass"], root, self.env, 5, "python -c pass")
        for label, args in (
            ("harness --help", ["--help"]),
            ("harness facts", ["facts", "--references", str(refs)]),
        ):
            try:
                h = best([*self.harness, *args], root, self.env, max(self.reps, 5), label)
                mods = self.probe(args, root)
                torch = "torch" in mods
                self.rows.append(
                    Row(
                        f"startup: {label}",
                        f"{fmt_s(base.wall)} (python -c pass)",
                        fmt_s(h.wall),
                        f"{h.wall / base.wall:.1f}x",
                        "< 0.3 s, no torch",
                        h.wall < 0.3 and not torch,
                        f"imports: {', '.join(mods) or 'none'}",
                        {"python_s": base.wall, "harness_s": h.wall, "imported": mods},
                    )
                )
            except Exception as exc:
                self.fail(f"startup: {label}", exc)

    def stage_facts(self) -> None:
        n = 1000
        cands = self.data(n)
        root = cands.parent
        start = best([*self.harness, "--help"], root, self.env, max(self.reps, 3), "harness --help")
        words = best(
            self.score_cmd(
                cands, root / "harness-facts-words.json", "--metrics", "facts", "--no-cache"
            ),
            root,
            dict(self.env, HARNESS_PARSER="none"),
            self.reps,
            "harness score --metrics facts (word rules only)",
            ok=SCORE_OK,
        )
        h = best(
            self.score_cmd(cands, root / "harness-facts.json", "--metrics", "facts", "--no-cache"),
            root,
            self.env,
            self.reps,
            "harness score --metrics facts",
            ok=SCORE_OK,
        )
        scored(root / "harness-facts.json")
        inproc = subprocess.run(
            [self.py, str(HERE / "inproc_facts.py"), str(cands), str(root / "references")],
            cwd=root,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if inproc.returncode == 0:
            ip = json.loads(inproc.stdout)
            note = (
                f"in-process check_facts: {fmt_s(ip['seconds'])} "
                f"({ip['per_candidate_ms']:.2f} ms/candidate)"
            )
        else:
            ip = {}
            note = f"in-process loop failed: {inproc.stderr.strip().splitlines()[-1:]}"
        self.rows.append(
            Row(
                f"facts: {n} cands, --metrics facts",
                f"{fmt_s(words.wall)} (word rules only)",
                fmt_s(h.wall),
                f"{h.wall / words.wall:.1f}x",
                "< 10 s",
                h.wall < 10.0,
                f"{note}; harness --help {fmt_s(start.wall)}",
                {
                    "startup_s": start.wall,
                    "words_only_s": words.wall,
                    "harness_s": h.wall,
                    "inproc": ip,
                },
            )
        )

    def stage_facts_long(self) -> None:
        code = (
            "import json, sys, time\n"
            "from harness.facts import load_facts\n"
            "from harness.matcher import check_facts\n"
            "fs = load_facts(sys.argv[1], 'doc')\n"
            "unit = 'U.S. troops and Article 5 and Britain chair the group and the force, '\n"
            "out = {}\n"
            "for n in (2000, 8000):\n"
            "    t = time.perf_counter(); check_facts(unit * n, fs)\n"
            "    out[n] = time.perf_counter() - t\n"
            "print(json.dumps(out))\n"
        )
        facts = REPO / "references" / "hegseth-nato" / "facts.toml"
        try:
            res = subprocess.run(
                [self.py, "-c", code, str(facts)],
                env=self.env,
                capture_output=True,
                text=True,
                check=True,
            )
            t = {int(k): v for k, v in json.loads(res.stdout).items()}
            ratio = t[8000] / max(t[2000], 0.02)
            self.rows.append(
                Row(
                    "facts: one sentence of 2,000 vs 8,000 clauses",
                    fmt_s(t[2000]),
                    fmt_s(t[8000]),
                    f"{ratio:.1f}x",
                    "< 8x (4x the text)",
                    ratio < 8,
                    "pathological input stays linear",
                    {"small_s": t[2000], "big_s": t[8000]},
                )
            )
        except Exception as exc:
            self.fail("facts-long", exc)

    def stage_grounding(self) -> None:
        """What grounding adds to an all-metrics run: the same 1,000 candidates scored with
        `--metrics rouge,embedding,facts` and with grounding added, runs interleaved (warm
        page cache and .pyc for both), best of each; no cache, so everything is computed."""
        n = 1000
        cands = self.data(n)
        root = cands.parent
        without = ("--metrics", "rouge,embedding,facts", "--no-cache")
        with_g = ("--metrics", "rouge,embedding,facts,grounding", "--no-cache")
        cmds = {
            "without": self.score_cmd(cands, root / "harness-nogrounding.json", *without),
            "with": self.score_cmd(cands, root / "harness-grounding.json", *with_g),
        }
        for what, cmd in cmds.items():  # warm-up, untimed
            run(cmd, root, self.env).check(f"harness score ({what} grounding)", SCORE_OK)
        times: dict[str, list[float]] = {"without": [], "with": []}
        cpu: dict[str, list[float]] = {"without": [], "with": []}
        for _ in range(self.reps):
            for what, cmd in cmds.items():
                p = run(cmd, root, self.env).check(f"harness score ({what} grounding)", SCORE_OK)
                times[what].append(p.wall)
                cpu[what].append(p.cpu)
        scored(root / "harness-grounding.json")
        report = json.loads((root / "harness-grounding.json").read_text("utf-8"))
        flagged = sum(1 for c in report["candidates"] if (c.get("grounding") or {}).get("flags"))
        b, h = min(times["without"]), min(times["with"])
        ratio = h / b
        # CPU seconds as well: on a shared machine other jobs stretch wall time, not work
        cpu_ratio = min(cpu["with"]) / min(cpu["without"])
        print(
            f"[bench] grounding: {fmt_s(b)} without, {fmt_s(h)} with: {ratio:.3f}x wall, "
            f"{cpu_ratio:.3f}x CPU time",
            flush=True,
        )
        self.rows.append(
            Row(
                f"grounding: {n} cands, all metrics, no cache",
                f"{fmt_s(b)} (without)",
                f"{fmt_s(h)} (with)",
                f"{ratio:.3f}x",
                "<= 1.2x",
                ratio <= 1.2,
                f"grounding adds {100 * (ratio - 1):+.1f} % wall, {100 * (cpu_ratio - 1):+.1f} % "
                f"CPU time; {flagged} of {n} candidates "
                f"have a flagged span; runs without {[round(x, 2) for x in times['without']]} "
                f"with {[round(x, 2) for x in times['with']]}",
                {
                    "without_s": b,
                    "with_s": h,
                    "ratio": ratio,
                    "runs": times,
                    "cpu_ratio": cpu_ratio,
                    "cpu_runs": cpu,
                    "flagged_candidates": flagged,
                },
            )
        )

    def stage_scale(self) -> None:
        big = 20_000 if self.quick else 100_000
        small = big // 10
        res = {}
        workers = (
            "--workers"
            in subprocess.run(
                [*self.harness, "score", "--help"], env=self.env, capture_output=True, text=True
            ).stdout
        )
        for n in (small, big):
            cands = self.data(n, "jsonl")
            root = cands.parent
            out = root / "out.jsonl"
            p = run(
                self.score_cmd(cands, out, "--metrics", "rouge,facts", "--no-cache", fmt="jsonl"),
                root,
                self.env,
            ).check(f"harness score {n} jsonl", SCORE_OK)
            scored(out)
            lines = sum(1 for _ in out.open(encoding="utf-8"))
            res[n] = {"wall_s": p.wall, "maxrss_mb": p.maxrss_mb, "lines": lines}
            if workers and n == big:
                pw = run(
                    self.score_cmd(
                        cands,
                        root / "out-w2.jsonl",
                        "--metrics",
                        "rouge,facts",
                        "--workers",
                        "2",
                        fmt="jsonl",
                    ),
                    root,
                    self.env,
                ).check(f"harness score {n} --workers 2", SCORE_OK)
                res[f"{n}-workers2"] = {"wall_s": pw.wall, "maxrss_mb": pw.maxrss_mb}
            out.unlink()
        s, b = res[small], res[big]
        growth = b["maxrss_mb"] / s["maxrss_mb"]
        note = (
            f"{big:,} cands: {fmt_s(b['wall_s'])}, {big / b['wall_s']:.0f} cands/s, "
            f"{b['lines']:,} lines; {small:,} cands: {fmt_s(s['wall_s'])}"
        )
        if f"{big}-workers2" in res:
            w = res[f"{big}-workers2"]
            note += f"; --workers 2: {fmt_s(w['wall_s'])}, {w['maxrss_mb']:.0f} MB"
        else:
            note += "; no --workers option"
        self.rows.append(
            Row(
                f"scale: peak RSS {small // 1000}k -> {big // 1000}k (rouge,facts)",
                f"{s['maxrss_mb']:.0f} MB",
                f"{b['maxrss_mb']:.0f} MB",
                f"{growth:.2f}x",
                "<= 1.5x (flat)",
                growth <= 1.5,
                note,
                res,
            )
        )
        self.rows.append(
            Row(
                f"scale: time {big // 1000}k cands (rouge,facts)",
                fmt_s(s["wall_s"]) + f" ({small // 1000}k)",
                fmt_s(b["wall_s"]),
                f"{b['wall_s'] / s['wall_s']:.1f}x",
                "report",
                None,
            )
        )

    def stage_ray(self) -> None:
        """`--engine ray` vs local on the same candidates, same run; the driver's peak RSS."""
        n = self.args.ray_n
        res: dict[str, dict] = {}
        root = self.data(n, "jsonl").parent
        for label, size, extra in (
            ("local", n, ()),
            ("ray", n, ("--engine", "ray")),
            ("ray-small", max(1, n // 10), ("--engine", "ray")),
        ):
            cands = self.data(size, "jsonl")
            out = root / f"out-{label}.jsonl"  # the small run's output is left in its folder
            args = ("--metrics", "rouge,facts", "--no-cache", "--no-gate", *extra)
            p = run(self.score_cmd(cands, out, *args, fmt="jsonl"), cands.parent, self.env)
            p.check(f"harness score {size} {label}", SCORE_OK)
            scored(out)
            res[label] = {
                "n": size,
                "wall_s": p.wall,
                "driver_peak_rss_mb": p.hwm_mb,
                "driver_cpu_s": p.cpu_s,
            }
        local, ray = res["local"], res["ray"]
        same = (root / "out-local.jsonl").read_bytes() == (root / "out-ray.jsonl").read_bytes()
        for label in ("local", "ray"):
            (root / f"out-{label}.jsonl").unlink()
        ratio = ray["wall_s"] / local["wall_s"]
        growth = ray["driver_peak_rss_mb"] / max(res["ray-small"]["driver_peak_rss_mb"], 1e-9)
        note = (
            f"{n:,} cands: local {fmt_s(local['wall_s'])} ({n / local['wall_s']:.0f}/s), "
            f"ray {fmt_s(ray['wall_s'])} ({n / ray['wall_s']:.0f}/s); reports identical: {same}; "
            f"driver peak RSS local {local['driver_peak_rss_mb']:.0f} MB, ray "
            f"{res['ray-small']['driver_peak_rss_mb']:.0f} MB ({n // 10:,}) -> "
            f"{ray['driver_peak_rss_mb']:.0f} MB ({n:,}); driver CPU with ray "
            f"{ray['driver_cpu_s']:.1f} s ({n:,}), {res['ray-small']['driver_cpu_s']:.1f} s "
            f"({n // 10:,})"
        )
        self.rows.append(
            Row(
                f"ray: {n:,} cands rouge,facts, --engine ray vs local",
                fmt_s(local["wall_s"]),
                fmt_s(ray["wall_s"]),
                f"{ratio:.2f}x",
                "<= 1.5x, same report",
                ratio <= 1.5 and same,
                note,
                res,
            )
        )
        self.rows.append(
            Row(
                f"ray: driver peak RSS {n // 10:,} -> {n:,}",
                f"{res['ray-small']['driver_peak_rss_mb']:.0f} MB",
                f"{ray['driver_peak_rss_mb']:.0f} MB",
                f"{growth:.2f}x",
                "<= 1.5x (flat)",
                growth <= 1.5,
            )
        )

    def run_proc(self, cmd: list[str], cwd: Path, what: str) -> Proc:
        """One timed run of a harness command that must succeed (exit 0 or 1)."""
        return run(cmd, cwd, self.env, timeout=3600).check(what, SCORE_OK)

    scored = staticmethod(scored)

    def stage_stream(self) -> None:
        memory.stage_stream(self, Row)

    def stage_json_memory(self) -> None:
        memory.stage_json_memory(self, Row)

    def stage_compare_memory(self) -> None:
        memory.stage_compare_memory(self, Row)

    def fail(self, stage: str, exc: BaseException) -> None:
        msg = f"{type(exc).__name__}: {exc}"
        print(f"[bench] stage {stage} failed: {msg}", file=sys.stderr)
        if self.args.debug:
            traceback.print_exc()
        self.rows.append(Row(stage, ok=False, note=f"FAILED: {msg}"[:300]))

    def run_stages(self, stages: list[str]) -> None:
        for s in stages:
            t0 = time.perf_counter()
            print(f"[bench] {s} ...", file=sys.stderr, flush=True)
            try:
                getattr(self, f"stage_{s.replace('-', '_')}")()
            except Exception as exc:
                self.fail(s, exc)
            print(f"[bench] {s} done in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


# ------------------------------------------------------------------ reporting


def machine() -> dict:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    try:
        mem = Path("/proc/meminfo").read_text().split()[1]
        info["memory_gb"] = round(int(mem) / 1024 / 1024, 1)
    except (OSError, IndexError, ValueError):
        pass
    import importlib.metadata as md

    for pkg in ("torch", "sentence-transformers", "rouge-score", "rouge-score-rs"):
        try:
            info[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            info[pkg] = None
    return info


def report(rows: list[Row], info: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="harness benchmark", title_justify="left")
    for col in ("stage", "baseline", "harness", "ratio", "target", "result"):
        table.add_column(col, no_wrap=col != "stage")
    for r in rows:
        result = {True: "[green]pass[/]", False: "[red]FAIL[/]", None: ""}[r.ok]
        table.add_row(r.stage, r.baseline, r.harness, r.ratio, r.target, result)
    console = Console(width=max(120, Console().width))
    console.print(table)
    for r in rows:
        if r.note:
            console.print(f"[dim]{r.stage}:[/] {r.note}", highlight=False)
    console.print(
        f"[dim]machine: {info['cpu']}, {info['cores']} cores, {info.get('memory_gb')} GB, "
        f"Python {info['python']}, torch {info['torch']}[/]"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description="harness performance benchmark")
    ap.add_argument("--quick", action="store_true", help="one run per command, scale 20k")
    ap.add_argument("--stages", default=",".join(STAGES))
    ap.add_argument("--src", help="put this folder first on PYTHONPATH (a patched tree)")
    ap.add_argument("--work", help="working folder (default: a new temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep the working folder")
    ap.add_argument("--debug", action="store_true", help="tracebacks for failed stages")
    ap.add_argument(
        "--ray-n", type=int, default=3000, help="candidates of the ray stage (full: 100000)"
    )
    ap.add_argument(
        "--stream-n", type=int, default=100_000, help="candidates for stream and json-memory"
    )
    ap.add_argument("--compare-n", type=int, default=100_000, help="candidates for compare-memory")
    args = ap.parse_args()
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        ap.error(f"unknown stage(s) {unknown} (choose from {', '.join(STAGES)})")
    bench = Bench(args)
    t0 = time.perf_counter()
    try:
        bench.run_stages(stages)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(bench.work, ignore_errors=True)
    info = machine()
    report(bench.rows, info)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    # Merge with earlier runs: a run of some stages replaces only those stages' rows.
    path = out / "results.json"
    runs = {}
    if path.exists():
        try:
            runs = json.loads(path.read_text()).get("stages", {})
        except (ValueError, AttributeError):
            runs = {}
    for s in stages:
        runs[s] = {
            "machine": info,
            "quick": args.quick,
            "src": args.src,
            "when": time.strftime("%Y-%m-%d %H:%M:%S"),
            "rows": [asdict(r) for r in bench.rows if r.stage.split(":")[0] == s],
        }
    path.write_text(
        json.dumps({"total_s_last_run": time.perf_counter() - t0, "stages": runs}, indent=2) + "\n"
    )
    print(f"wrote {out / 'results.json'}", file=sys.stderr)
    return 0 if all(r.ok is not False for r in bench.rows) else 1


if __name__ == "__main__":
    sys.exit(main())
