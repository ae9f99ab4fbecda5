"""Hostile input and faults (issue 15): each case reproduces one defect, then guards its fix.

Most cases run the CLI in-process on a tiny temp project (`tests/test_inputs.py`'s
helpers); those that need a real exit code, a real stdout or a real file descriptor run
a subprocess. No case measures time.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_on_pty
from test_inputs import GOOD, by_id, env, error_lines, invoke, one_error_line, project, score_fast

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run_cli(root: Path, *args: str | Path, **kw) -> subprocess.CompletedProcess:
    """`harness ARGS` in a subprocess from `root`; never a traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "harness.cli", *map(str, args)],
        cwd=root,
        capture_output=True,
        text=True,
        env=env(root),
        timeout=300,
        **kw,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def good_project(tmp_path: Path) -> Path:
    root = project(tmp_path)
    (root / "c" / "good.txt").write_text(GOOD, encoding="utf-8")
    return root


# ============================================================ 1. outputs that are not files


@pytest.mark.parametrize("option", ["-o", "--save-baseline"])
def test_output_symlink_is_written_through_not_replaced(tmp_path: Path, option: str) -> None:
    root = good_project(tmp_path)
    (root / "real").mkdir()
    target = root / "real" / "report.json"
    target.write_text("old", encoding="utf-8")
    (root / "link.json").symlink_to(Path("real") / "report.json")
    code, _, err = score_fast(root, option, "link.json")
    assert code == 0, err
    assert (root / "link.json").is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["candidates"][0]["id"] == "good"
    assert sorted(p.name for p in (root / "real").iterdir()) == ["report.json"]  # no temp left


def test_output_broken_symlink_creates_its_target(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    (root / "link.json").symlink_to("made.json")
    code, _, err = score_fast(root, "-o", "link.json")
    assert code == 0, err
    assert (root / "link.json").is_symlink()
    assert json.loads((root / "made.json").read_text(encoding="utf-8"))["candidates"]


def test_output_fifo_is_written_plainly(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    fifo = root / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader exists: opening won't block
    try:
        code, _, err = score_fast(root, "-o", "pipe")
        chunks = []
        while chunk := os.read(reader, 1 << 16):
            chunks.append(chunk)
    finally:
        os.close(reader)
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(b"".join(chunks))["candidates"][0]["id"] == "good"


@pytest.mark.skipif(not IS_ROOT, reason="creating a device node needs root")
def test_output_character_device_is_written_plainly_never_replaced(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    null = root / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    code, _, err = score_fast(root, "-o", "null", "--save-baseline", "null")
    assert code == 0, err
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".null")) == []


def test_output_to_a_link_to_stdout_writes_to_stdout(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    (root / "out").symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    proc = run_cli(
        root, "score", "c", "--metrics", "rouge,facts", "--no-progress", "--format", "json",
        "-o", "out",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert (root / "out").is_symlink()
    assert json.loads(proc.stdout)["candidates"][0]["id"] == "good"


def test_dev_stdout_works(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    proc = run_cli(
        root, "score", "c", "--metrics", "rouge,facts", "--no-progress", "--format", "json",
        "-o", "/dev/stdout",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["candidates"][0]["id"] == "good"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# ============================================================ 2. one hostile JSONL line


HOSTILE_LINES = {
    "deep-nesting": "[" * 100_000,
    "lone-surrogate-id": '{"id": "\\ud800", "summary": "x"}',
    "lone-surrogate-doc": '{"id": "z", "document": "\\udfff", "summary": "x"}',
}


@pytest.mark.parametrize("case", sorted(HOSTILE_LINES))
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_one_hostile_jsonl_line_is_a_line_error(tmp_path: Path, case: str, fmt: str) -> None:
    root = project(tmp_path)
    good = json.dumps({"id": "good", "summary": GOOD})
    after = json.dumps({"id": "after", "summary": GOOD})
    (root / "c.jsonl").write_text(f"{good}\n{HOSTILE_LINES[case]}\n{after}\n", encoding="utf-8")
    code, _, err = invoke(
        root, "score", "c.jsonl", "--metrics", "rouge,facts", "--format", fmt, "--no-progress",
        "-o", "out",
    )  # fmt: skip
    assert code == 1, err
    assert "internal error" not in err
    assert any("c.jsonl:2" in line for line in error_lines(err)), err
    text = (root / "out").read_text(encoding="utf-8")
    if fmt == "json":
        rows = json.loads(text)["candidates"]
    else:
        rows = [json.loads(x) for x in text.splitlines()[:-1]]
    ids = [c["id"] for c in rows if c["status"] == "ok"]
    assert sorted(ids) == ["after", "good"]


@pytest.mark.parametrize(
    "line",
    [
        "[" * 100_000,
        '{"id": "\\ud800", "summary": "The council approved a new park.", '
        '"labels": {"park-approved": "absent"}}',
        '{"id": "a", "summary": "x", "labels": {"park-approved": "absent\\udc00"}}',
    ],
)
def test_calibrate_hostile_jsonl_line_is_a_config_error(tmp_path: Path, line: str) -> None:
    root = project(tmp_path)
    ok = '{"id": "b", "summary": "The council approved a park.", "labels": {"grant": "absent"}}'
    (root / "labels.jsonl").write_text(f"{ok}\n{line}\n", encoding="utf-8")
    for fmt in ("table", "json"):
        code, _, err = invoke(root, "calibrate", "labels.jsonl", "--format", fmt)
        assert code == 2, err
        assert one_error_line(err).startswith("harness: error: labels.jsonl:2: "), err


def test_report_nested_too_deeply_is_exit_2(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "r.json").write_text("[" * 100_000, encoding="utf-8")
    code, _, err = invoke(root, "compare", "r.json", "r.json")
    assert code == 2, err
    assert "nested too deeply" in one_error_line(err)


# ============================================================ 3. catastrophic `re:` phrasings

CATASTROPHIC = """\
[[fact]]
id = "park-approved"
statement = "The council approved a new park."
slots = { who = ["council"], did = ["approv*"], what = ["park"] }

[[fact]]
id = "slow"
statement = "A pattern that backtracks for ever."
slots = { what = ["grant", "re:(a|a)+$"] }
"""
HOSTILE_TEXT = "a" * 40 + "b"


def test_catastrophic_re_phrasing_is_bounded_and_named(tmp_path: Path, monkeypatch) -> None:
    from harness import safe_regex

    monkeypatch.setattr(safe_regex, "BUDGET_S", 0.2)
    root = project(tmp_path, facts=CATASTROPHIC)
    (root / "c" / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "c" / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    code, report, err = score_fast(root)
    assert code == 1, err
    rows = by_id(report)
    assert rows["good"]["status"] == "ok"
    assert rows["hostile"]["status"] == "error"
    message = rows["hostile"]["error"]
    assert "facts.toml:9:" in message and "'slow'" in message and "re:(a|a)+$" in message
    assert any("hostile.txt" in line for line in error_lines(err)), err


def test_catastrophic_re_phrasing_is_bounded_in_workers(tmp_path: Path) -> None:
    root = project(tmp_path, facts=CATASTROPHIC)
    lines = [json.dumps({"id": f"g{i}", "summary": GOOD}) for i in range(70)]
    lines.append(json.dumps({"id": "hostile", "summary": HOSTILE_TEXT}))
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "harness.cli", "score", "c.jsonl", "--metrics", "facts",
         "--format", "json", "--no-progress", "--workers", "2"],
        cwd=root, capture_output=True, text=True, timeout=120,
        env={**env(root), "HARNESS_REGEX_BUDGET_S": "0.2"},
    )  # fmt: skip
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, proc.stderr
    rows = by_id(json.loads(proc.stdout))
    assert rows["hostile"]["status"] == "error" and "'slow'" in rows["hostile"]["error"]
    assert sum(r["status"] == "ok" for r in rows.values()) == 70


# ============================================================ 4. candidates that cannot be read


def test_unreadable_subfolder_is_an_error_not_a_passed_gate(tmp_path: Path, monkeypatch) -> None:
    import harness.loading

    root = good_project(tmp_path)
    (root / "c" / "locked").mkdir()
    (root / "c" / "locked" / "hidden-bad.txt").write_text("Stocks fell.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # chmod 000 does not stop root, so refuse the folder here
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(harness.loading.os, "scandir", scandir)
    code, report, err = score_fast(root)
    assert code == 1, err
    rows = by_id(report)
    assert rows["good"]["status"] == "ok"
    assert rows["locked"]["status"] == "error"
    assert "Permission denied" in rows["locked"]["error"]
    assert any("locked" in line for line in error_lines(err)), err


def test_folder_beyond_the_path_length_limit_is_an_error(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    fd = os.open(root / "c", os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(25):  # 25 x 200 characters: past PATH_MAX (4096) on Linux
            os.mkdir("d" * 200, dir_fd=fd)
            new = os.open("d" * 200, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = new
        leaf = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(leaf, b"Stocks fell sharply.")
        os.close(leaf)
    finally:
        os.close(fd)
    code, report, err = score_fast(root)
    assert code == 1, err
    errors = [c for c in report["candidates"] if c["status"] == "error"]
    assert len(errors) == 1 and "cannot" in errors[0]["error"], report


# ============================================================ 5. a facts file that is not used


def _break_facts(doc: Path, kind: str) -> None:
    facts = doc / "facts.toml"
    text = facts.read_text(encoding="utf-8")
    facts.unlink()
    if kind == "broken-symlink":
        facts.symlink_to("nowhere.toml")
    elif kind == "folder":
        facts.mkdir()
    elif kind == "upper-case":
        (doc / "facts.TOML").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("kind", ["broken-symlink", "folder", "upper-case"])
@pytest.mark.parametrize("metrics", ["facts", "rouge,facts"])
def test_unusable_facts_file_is_exit_2(tmp_path: Path, kind: str, metrics: str) -> None:
    root = good_project(tmp_path)
    _break_facts(root / "references" / "park", kind)
    code, _, err = invoke(
        root, "score", "c", "--metrics", metrics, "--format", "json", "--no-progress"
    )
    assert code == 2, err
    line = one_error_line(err)
    assert "references/park/facts." in line, line
    assert "gate: passed" not in err


def test_document_without_facts_is_said_loudly(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    (root / "references" / "park" / "facts.toml").unlink()
    code, _, err = invoke(root, "score", "c", "--metrics", "facts", "--format", "json")
    assert code == 2, err
    assert "nothing to check" in one_error_line(err)
    code, _, err = score_fast(root)  # rouge,facts: rouge still means something
    assert code == 0, err
    assert "warning: references/park: no facts.toml" in err


# ============================================== 6. a regression check that compared nothing


def _saved_report(root: Path, name: str) -> dict:
    code, _, err = score_fast(root, "-o", name)
    assert code == 0, err
    return json.loads((root / name).read_text(encoding="utf-8"))


def test_compare_with_no_matched_candidate_fails_the_regression_check(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    report = _saved_report(root, "base.json")
    for c in report["candidates"]:
        c["id"] = "renamed-" + c["id"]
    (root / "cur.json").write_text(json.dumps(report), encoding="utf-8")
    code, data, err = invoke(root, "compare", "base.json", "cur.json", "--fail-on-regression")
    assert code == 1, err
    assert data["failed"] is True and data["matched"] == 0
    assert "error: no candidate is scored in both reports" in err
    code, _, err = invoke(root, "compare", "base.json", "cur.json")  # without the flag: a warning
    assert code == 0 and "warning: no candidate is scored in both reports" in err
    (root / "c" / "good.txt").rename(root / "c" / "renamed.txt")
    code, _, err = score_fast(root, "--baseline", "base.json", "--fail-on-regression")
    assert code == 1 and "error: no candidate is scored in both reports" in err


GARBAGE_REPORTS = {
    "candidates-not-objects": {"candidates": [1, 2, 3]},
    "id-a-number": {"candidates": [{"id": 5, "status": "ok"}]},
    "status-unknown": {"candidates": [{"id": "a", "status": "great"}]},
    "metric-a-string": {
        "candidates": [{"id": "a", "status": "ok", "embedding": {"max": "<b>1</b>"}}]
    },
    "nan-metric": {
        "candidates": [{"id": "a", "status": "ok", "rouge": {"rouge1": {"fmeasure": float("nan")}}}]
    },
    "infinite-mean": {"candidates": [], "summary": {"means": {"rouge1": float("inf")}}},
    "gate-value-object": {
        "candidates": [],
        "gate": {"passed": True, "failures": [{"metric": "x", "value": {"a": 1}}]},
    },
    "signature-a-list": {"candidates": [], "signature": ["x"]},
}


@pytest.mark.parametrize("case", sorted(GARBAGE_REPORTS))
def test_a_report_that_is_not_a_report_is_exit_2(tmp_path: Path, case: str) -> None:
    root = good_project(tmp_path)
    _saved_report(root, "base.json")
    (root / "bad.json").write_text(json.dumps(GARBAGE_REPORTS[case]), encoding="utf-8")
    for args in (
        ("compare", "base.json", "bad.json", "--fail-on-regression"),
        ("compare", "bad.json", "base.json"),
        ("report", "bad.json", "-o", "r.html"),
    ):
        code, _, err = invoke(root, *args)
        assert code == 2, (args, err)
        assert "bad.json: not a harness report" in one_error_line(err), err


# ======================================================= 7. untrusted reports in `harness report`

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def _poison(obj):
    """Every string of a report replaced by markup (keys kept where the shape needs them)."""
    if isinstance(obj, dict):
        kept = ("status", "verdict", "schema_version")
        return {k: (v if k in kept else _poison(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_poison(v) for v in obj]
    if isinstance(obj, str):
        return obj + XSS
    return obj


def test_report_escapes_every_field_of_a_hostile_report(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    (root / "c" / "bad.txt").write_text("Stocks fell.", encoding="utf-8")
    code, _, err = score_fast(root, "--fail-under", "coverage=1", "-o", "base.json")
    assert code == 1, err
    report = _poison(json.loads((root / "base.json").read_text(encoding="utf-8")))
    report["summary"]["means"][XSS] = 0.5
    report["summary"]["fact_rates"][XSS] = {"present": 1.0}
    report["gate"]["failures"].append(
        {"candidate": XSS, "document": XSS, "metric": XSS, "value": XSS, "threshold": XSS,
         "message": XSS}
    )  # fmt: skip
    (root / "evil.json").write_text(json.dumps(report), encoding="utf-8")
    code, _, err = invoke(root, "report", "evil.json", "-o", "r.html", "--baseline", "evil.json")
    assert code == 0, err
    page = (root / "r.html").read_text(encoding="utf-8")
    assert "alert(1)" in page  # shown as text ...
    assert "<script>alert" not in page and "<img src=x" not in page  # ... never as markup


def test_render_html_escapes_non_numeric_metric_values(tmp_path: Path) -> None:
    from harness.html_report import render_html

    root = good_project(tmp_path)
    code, _, err = score_fast(root, "--fail-under", "coverage=1", "-o", "base.json")
    assert code == 0, err
    data = json.loads((root / "base.json").read_text(encoding="utf-8"))
    data["comparison"] = {
        "matched": 1,
        "metrics": [{"metric": "rouge1", "baseline": XSS, "current": XSS, "delta": 0.0,
                     "ci": None, "verdict": "flat"}],
    }  # fmt: skip
    data["gate"]["failures"] = [
        {"candidate": "good", "document": "park", "metric": "coverage", "value": XSS,
         "threshold": 1.0, "message": "x"}
    ]  # fmt: skip
    data["summary"]["candidates"] = XSS
    data["candidates"][0]["facts"]["absent"] = XSS  # counts, printed beside the coverage
    data["summary"]["errors"] = XSS
    page = render_html(data)
    assert "<script>alert" not in page and "<img src=x" not in page


def test_report_reads_no_file_unless_asked_and_only_under_the_roots(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("TOPSECRET token", encoding="utf-8")
    root = good_project(tmp_path / "proj")
    (root / "c" / "good.txt").write_text(GOOD + " Birds sang loudly.", encoding="utf-8")
    code, _, err = score_fast(root, "-o", "base.json")
    assert code == 0, err
    report = json.loads((root / "base.json").read_text(encoding="utf-8"))
    good = report["candidates"][0]
    outside = [dict(good, id="abs", path=str(tmp_path / "secret.txt")),
               dict(good, id="rel", path="../secret.txt"),
               dict(good, id="jsonl", path="../secret.txt:1")]  # fmt: skip
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    outside.append(dict(good, id="link", path="link.txt"))
    report["candidates"] += outside
    (root / "r.json").write_text(json.dumps(report), encoding="utf-8")
    code, _, err = invoke(root, "report", "r.json", "-o", "plain.html")
    assert code == 0, err
    page = (root / "plain.html").read_text(encoding="utf-8")
    assert "TOPSECRET" not in page
    assert "Birds sang" not in page  # not even the candidate's own file: not asked
    code, _, err = invoke(root, "report", "r.json", "-o", "texts.html", "--with-texts")
    assert code == 0, err
    page = (root / "texts.html").read_text(encoding="utf-8")
    assert "TOPSECRET" not in page
    assert "Birds sang loudly." in page  # c/good.txt lies under the working folder


# ============================================================ 8. symlinks out of the candidates


def test_symlink_out_of_the_candidates_folder_is_not_followed(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("extraheader = AUTHORIZATION: basic SECRET", "utf-8")
    (root / "c" / "x.txt").symlink_to(Path("..") / ".git" / "config")
    (root / "c" / "inside.txt").symlink_to("good.txt")  # inside the folder: still followed
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "e.txt").write_text("Council park.", encoding="utf-8")
    (root / "c" / "dir").symlink_to(root / "elsewhere")
    for fmt in ("json", "html"):
        code, _, err = invoke(
            root, "score", "c", "--metrics", "rouge,facts", "--format", fmt, "--no-progress",
            "-o", f"out.{fmt}",
        )  # fmt: skip
        assert code == 1, err
        text = (root / f"out.{fmt}").read_text(encoding="utf-8")
        assert "SECRET" not in text
        assert "outside the candidates folder" in err
    rows = by_id(json.loads((root / "out.json").read_text(encoding="utf-8")))
    assert rows["x"]["status"] == "error" and rows["dir"]["status"] == "error"
    assert rows["inside"]["status"] == "ok" and rows["good"]["status"] == "ok"
    code, report, err = score_fast(root, "--follow-symlinks-outside")
    assert code == 0, err
    assert sorted(by_id(report)) == ["dir/e", "good", "inside", "x"]


def test_files_that_report_size_zero_do_not_bypass_the_limit(tmp_path: Path, monkeypatch) -> None:
    from harness import loading

    root = good_project(tmp_path)
    (root / "c" / "big.txt").write_text("word " * 300_000, encoding="utf-8")  # 1.5 MB
    real_stat = Path.stat

    def stat_zero(self, *a, **kw):  # what /proc/self/environ and friends report
        st = real_stat(self, *a, **kw)
        if self.name == "big.txt":
            return os.stat_result((st.st_mode, *st[1:6], 0, *st[7:]))
        return st

    monkeypatch.setattr(loading.Path, "stat", stat_zero)
    code, report, err = score_fast(root)
    assert code == 1, err
    assert "over the 1,000,000-byte limit" in by_id(report)["big"]["error"]


# ============================================================ 9, 10. text printed for people

INJECT_IDS = [
    "a\n::error file=x::pwned",
    "b\r::stop-commands::tok",
    "c\x1b]52;c;SGVsbG8=\x07",
    "d\x9b2J\u2028::warning::x",
]


def _hostile_ids_jsonl(root: Path) -> None:
    lines = [json.dumps({"id": cid, "summary": "A park."}) for cid in INJECT_IDS]
    lines.append(json.dumps({"id": INJECT_IDS[0], "summary": "again"}))  # a duplicate: an error
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _assert_inert(text: str) -> None:
    for line in text.split("\n"):
        assert not line.lstrip().startswith("::"), repr(line)
    for ch in ("\r", "\x1b", "\x07", "\x9b", "\u2028"):
        assert ch not in text, repr(text)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table", "csv", "markdown", "junit"])
def test_ids_cannot_inject_workflow_commands_or_terminal_escapes(tmp_path: Path, fmt: str) -> None:
    root = project(tmp_path)
    _hostile_ids_jsonl(root)
    code, _, err = invoke(
        root, "score", "c.jsonl", "--metrics", "rouge,facts", "--format", fmt, "--no-progress",
        "--fail-under", "coverage=1", "-o", "out",
    )  # fmt: skip
    assert code == 1, err
    _assert_inert(err)
    if fmt in ("table", "markdown"):
        _assert_inert((root / "out").read_text(encoding="utf-8"))


def test_compare_text_escapes_ids(tmp_path: Path) -> None:
    root = project(tmp_path)
    _hostile_ids_jsonl(root)
    score_fast(root, "-o", "a.json", target="c.jsonl")
    report = json.loads((root / "a.json").read_text(encoding="utf-8"))
    for c in report["candidates"]:
        if c.get("facts"):
            c["facts"]["results"][0]["verdict"] = "present"
    (root / "b.json").write_text(json.dumps(report), encoding="utf-8")
    code, _, err = invoke(root, "compare", "b.json", "a.json", "--format", "table", "-o", "d.txt")
    assert code == 0, err
    _assert_inert(err + (root / "d.txt").read_text(encoding="utf-8"))


MARKUP_IDS = ["[/]", "[red]x[/red]", "[bold", "[link=http://e.com]y[/link]"]


def test_rich_markup_in_ids_is_shown_literally(tmp_path: Path) -> None:
    root = project(tmp_path)
    lines = [json.dumps({"id": cid, "summary": GOOD}) for cid in MARKUP_IDS]
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = invoke(
        root, "score", "c.jsonl", "--metrics", "rouge,facts", "--format", "table",
        "--no-progress", "-o", "t.txt",
    )  # fmt: skip
    assert code == 0, err
    table = (root / "t.txt").read_text(encoding="utf-8")
    for cid in MARKUP_IDS:
        assert cid in table, table


def test_facts_command_shows_brackets_literally(tmp_path: Path) -> None:
    facts = """\
[[fact]]
id = "troops"
statement = "Troops [sic] were sent."
slots = { what = ["re:troop[s]?"], did = ["sent"] }
"""
    root = project(tmp_path, facts=facts)
    code, _, err = invoke(root, "facts")
    assert code == 0, err
    proc = run_cli(root, "facts")
    assert proc.returncode == 0, proc.stderr
    assert "[sic]" in proc.stdout and "re:troop[s]?" in proc.stdout, proc.stdout


# ============================================================ 11. output failures


def _score_cmd(fmt: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "harness.cli", "score", "c", "--metrics", "rouge,facts",
            "--no-progress", "--no-gate", "--format", fmt, *extra]  # fmt: skip


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_disk_full_is_a_clear_error(tmp_path: Path, fmt: str) -> None:
    root = good_project(tmp_path)
    with open("/dev/full", "w") as full:
        proc = subprocess.run(_score_cmd(fmt), cwd=root, stdout=full, stderr=subprocess.PIPE,
                              text=True, env=env(root), timeout=300)  # fmt: skip
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert proc.returncode == 2, proc.stderr
    assert "No space left on device" in proc.stderr
    proc = run_cli(root, *_score_cmd(fmt, "-o", "/dev/full")[3:])
    assert proc.returncode == 2 and "No space left on device" in proc.stderr, proc.stderr
    assert "internal error" not in proc.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_closed_stdout_is_an_error_not_a_lost_report(tmp_path: Path, fmt: str) -> None:
    root = good_project(tmp_path)
    proc = subprocess.run(_score_cmd(fmt), cwd=root, stderr=subprocess.PIPE, text=True,
                          env=env(root), timeout=300, preexec_fn=lambda: os.close(1))  # fmt: skip
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert proc.returncode == 2, proc.stderr
    assert "stdout is closed" in proc.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_broken_pipe_is_quiet_and_not_zero(tmp_path: Path, fmt: str) -> None:
    root = good_project(tmp_path)
    lines = [json.dumps({"id": f"g{i}", "summary": GOOD}) for i in range(3000)]
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cmd = _score_cmd(fmt)
    cmd[cmd.index("c")] = "c.jsonl"
    proc = subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env(root))  # fmt: skip
    proc.stdout.close()  # the reader is gone before the first line is written
    _, err = proc.communicate(timeout=300)
    err = err.decode()
    assert "Traceback" not in err and "internal error" not in err and "Exception" not in err, err
    assert proc.returncode == 141, err


# ============================================================ 13. exit 2, not 3


def _facts_with(phrasings: str) -> str:
    return f'[[fact]]\nid = "a"\nstatement = "s"\nslots = {{ what = [{phrasings}] }}\n'


@pytest.mark.parametrize(
    "phrasings",
    [
        '"re:(?x)park  # a comment", "grant"',
        '"re:a{99999999999}"',
        '"re:(?P<g>park", "grant"',
    ],
)
def test_bad_re_phrasings_are_exit_2(tmp_path: Path, phrasings: str) -> None:
    root = project(tmp_path, facts=_facts_with(phrasings))
    (root / "c" / "good.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = score_fast(root)
    assert code == 2, err
    assert "references/park/facts.toml:4:" in one_error_line(err)


def test_one_group_name_in_two_re_phrasings_is_not_an_internal_error(tmp_path: Path) -> None:
    root = project(tmp_path, facts=_facts_with('"re:(?P<g>park)", "re:(?P<g>grant)"'))
    (root / "c" / "good.txt").write_text(GOOD, encoding="utf-8")
    code, report, err = score_fast(root)
    assert code == 0, err
    assert report["candidates"][0]["facts"]["results"][0]["verdict"] == "present"


def test_non_utf8_pyproject_is_exit_2(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    (root / "pyproject.toml").write_bytes(b'[project]\nname = "caf\xe9"\n')
    code, _, err = score_fast(root)
    assert code == 2, err
    assert "pyproject.toml: config file is not valid UTF-8" in one_error_line(err)
    (root / "pyproject.toml").unlink()  # the same file read by compare
    score_fast(root, "-o", "a.json")
    (root / "pyproject.toml").write_bytes(b'[project]\nname = "caf\xe9"\n')
    code, _, err = invoke(root, "compare", "a.json", "a.json")
    assert code == 2 and "not valid UTF-8" in one_error_line(err), err


def test_negative_seed_is_a_usage_error(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    score_fast(root, "-o", "a.json")
    code, _, err = invoke(root, "compare", "a.json", "a.json", "--seed", "-1")
    assert code == 2 and "internal error" not in err, err
    code, _, err = score_fast(root, "--baseline", "a.json", "--seed", "-1")
    assert code == 2 and "internal error" not in err, err


def test_calibrate_csv_field_over_the_csv_limit_is_exit_2(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    (root / "l.csv").write_text(
        "candidate,fact,expected\ngood,park-approved,present\n"
        + "x" * 140_000
        + ",grant,present\n",
        encoding="utf-8",
    )
    code, _, err = invoke(root, "calibrate", "l.csv", "c")
    assert code == 2, err
    assert "l.csv:3: malformed CSV" in one_error_line(err)


# ============================================================ 15. CSV


def test_csv_quotes_lone_cr_and_neutralises_formulas(tmp_path: Path) -> None:
    import csv
    import io

    root = project(tmp_path)
    ids = ["a\rspoofed,0,0", '=HYPERLINK("http://e.com","x")', "+1", "-2", "@SUM(A1)", "\tt"]
    lines = [json.dumps({"id": cid, "summary": GOOD}) for cid in ids]
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = invoke(
        root, "score", "c.jsonl", "--metrics", "rouge,facts", "--format", "csv", "--no-progress",
        "-o", "out.csv",
    )  # fmt: skip
    assert code == 0, err
    raw = (root / "out.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert len(rows) == len(ids)  # the CR split no row
    got = sorted(r["id"] for r in rows)
    assert got == sorted(["a\rspoofed,0,0", *("'" + i for i in ids[1:])])
    assert all(not r["id"].startswith(("=", "+", "-", "@", "\t")) for r in rows)
    assert float(rows[0]["rouge1"]) >= 0  # numbers stay numbers


# ============================================================ 16. Markdown and the step summary

MD_IDS = [
    "x\r## harness: gate passed\r<img src=https://e.com/t.png>",
    "y</details><img src=x>",
    "z` | **bold** [link](http://e.com) `",
]


def _assert_inert_markdown(text: str) -> None:
    assert "<img" not in text and text.count("</details>") <= text.count("<details>")
    assert "\r" not in text
    lines = text.split("\n")
    assert sum(line.startswith("## harness") for line in lines) <= 1
    assert not any(line.startswith("## harness: gate passed") for line in lines)
    assert "[link](" not in text and "**bold**" not in text


def test_markdown_and_step_summary_escape_ids(tmp_path: Path) -> None:
    root = project(tmp_path)
    lines = [json.dumps({"id": cid, "summary": "A park."}) for cid in MD_IDS]
    lines.append(json.dumps({"id": MD_IDS[0], "summary": "again"}))  # an error line too
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = root / "summary.md"
    old = Path.cwd()
    os.chdir(root)
    try:
        from click.testing import CliRunner

        from harness.cli import main

        result = CliRunner().invoke(
            main,
            ["score", "c.jsonl", "--metrics", "rouge,facts", "--format", "markdown",
             "--no-progress", "--fail-under", "coverage=1", "-o", "out.md"],
            env={**env(root), "GITHUB_STEP_SUMMARY": str(summary)},
        )  # fmt: skip
    finally:
        os.chdir(old)
    assert result.exit_code == 1, result.output
    _assert_inert_markdown((root / "out.md").read_text(encoding="utf-8"))
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## harness: gate failed")
    _assert_inert_markdown(text)


# ============================================================ 17. ids with a trailing newline


@pytest.mark.parametrize("fid", ["park\\n", "park\\r\\n", "a\\nb"])
def test_fact_id_with_a_newline_is_rejected(tmp_path: Path, fid: str) -> None:
    facts = f'[[fact]]\nid = "{fid}"\nstatement = "s"\nslots = {{ what = ["park"] }}\n'
    root = project(tmp_path, facts=facts)
    code, _, err = invoke(root, "facts")
    assert code == 2, err
    assert "references/park/facts.toml:2:" in one_error_line(err)


def test_calibrate_with_a_catastrophic_phrasing_is_exit_2(tmp_path: Path, monkeypatch) -> None:
    from harness import safe_regex

    monkeypatch.setattr(safe_regex, "BUDGET_S", 0.2)
    root = project(tmp_path, facts=CATASTROPHIC)
    label = {"id": "h", "summary": HOSTILE_TEXT, "labels": {"slow": "absent"}}
    (root / "l.jsonl").write_text(json.dumps(label) + "\n", encoding="utf-8")
    code, _, err = invoke(root, "calibrate", "l.jsonl")
    assert code == 2, err
    assert "re:(a|a)+$" in one_error_line(err)


# ============================================================ 12. SIGTERM, workers, group signals

SIGNAL_SELF = """
import json, os, signal, sys
# Ctrl-C as on a terminal, whatever the test runner's own parent left ignored or blocked
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
signal.signal(signal.SIGINT, signal.default_int_handler)
import harness.cli, harness.run, harness.families.facts
harness.run.CHUNK = 50
harness.families.facts.MIN_PARALLEL = 1
calls = []
def children():
    me, out = str(os.getpid()), []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if f.read().rsplit(")", 1)[1].split()[1] == me:
                        out.append(int(entry))
            except (OSError, IndexError):
                pass
    return out
def progress(self, n):
    calls.append(n)
    if len(calls) == 2:  # mid-run: 100 candidates scored, the workers are up
        with open("children.json", "w") as f:
            json.dump(children(), f)
        sig = getattr(signal, os.environ["SEND"])
        if os.environ.get("GROUP"):
            os.killpg(os.getpgid(0), sig)
        else:
            os.kill(os.getpid(), sig)
if __name__ == "__main__":  # not in the spawned workers
    harness.cli_score.Progress.__call__ = progress
    sys.argv = ["harness"] + sys.argv[1:]
    harness.cli.main()
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"  # a zombie has ended
    except OSError:
        return True


def _wait_gone(pids: list[int]) -> list[int]:
    """The pids still alive once they have had ample time to end (no timing is asserted)."""
    import time

    for _ in range(600):
        left = [p for p in pids if not _gone(p)]
        if not left:
            return []
        time.sleep(0.1)
    return left


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
@pytest.mark.parametrize(
    ("send", "group", "workers", "code", "message"),
    [
        ("SIGTERM", False, "1", 143, "terminated"),
        ("SIGTERM", False, "2", 143, "terminated"),
        ("SIGTERM", True, "2", 143, "terminated"),
        ("SIGINT", True, "2", 130, "interrupted"),
        ("SIGKILL", False, "2", -9, None),  # nothing to handle: the workers still go
    ],
)
def test_sigterm_and_group_signals_leave_no_report_no_child_no_traceback(
    tmp_path: Path, send: str, group: bool, workers: str, code: int, message: str
) -> None:
    from test_inputs import _many_candidates

    root = project(tmp_path)
    _many_candidates(root, 400)
    (root / "signal_self.py").write_text(SIGNAL_SELF, encoding="utf-8")
    (root / "report.json").write_text("previous report\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "signal_self.py", "score", "many.jsonl", "--metrics", "rouge,facts",
         "--format", "json", "--workers", workers, "-o", "report.json"],
        cwd=root, capture_output=True, text=True, timeout=300,
        env={**env(root), "SEND": send, "GROUP": "1" if group else ""},
        start_new_session=True,  # its own process group, so killpg reaches no one else
    )  # fmt: skip
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert proc.returncode == code, proc.stderr
    if message is not None:
        last = proc.stderr.strip().splitlines()[-1]
        assert last == f"harness: {message}; no report was written"
        assert [p.name for p in root.iterdir() if p.name.startswith(".report.json")] == []
    assert (root / "report.json").read_text(encoding="utf-8") == "previous report\n"
    children = json.loads((root / "children.json").read_text(encoding="utf-8"))
    if workers != "1":
        assert len(children) >= 2  # the workers (and multiprocessing's resource tracker)
    assert _wait_gone(children) == []


# ============================================================ 24. plain phrasings `*` and `.`


@pytest.mark.parametrize("phrasings", ['"*"', '"."', '"park", "*"', '" . "', '"-"', '"**"'])
def test_plain_phrasing_without_a_letter_is_rejected(tmp_path: Path, phrasings: str) -> None:
    root = project(tmp_path, facts=_facts_with(phrasings))
    (root / "c" / "good.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = score_fast(root)
    assert code == 2, err
    line = one_error_line(err)
    assert "references/park/facts.toml:4:" in line and "no letter or digit" in line, line
    code, _, err = invoke(root, "facts")
    assert code == 2 and "no letter or digit" in one_error_line(err), err


def test_plain_phrasing_via_an_alias_list_is_rejected_too(tmp_path: Path) -> None:
    facts = '[aliases]\nany = ["*"]\n\n' + _facts_with('"@any"')
    root = project(tmp_path, facts=facts)
    code, _, err = invoke(root, "facts")
    assert code == 2 and "'*' has no letter or digit" in one_error_line(err), err


def test_phrasings_with_a_letter_or_digit_still_load(tmp_path: Path) -> None:
    root = project(tmp_path, facts=_facts_with('"park*", "U.S.", "2", "re:."'))
    code, _, err = invoke(root, "facts")
    assert code == 0, err


# ============================================================ 21. cache rows: zeros, wrong norm


def _cached_rows(folder: Path) -> list[tuple[str, int, bytes]]:
    import sqlite3

    from harness.cache import EmbeddingCache

    db = sqlite3.connect(EmbeddingCache(folder).path)
    try:
        return db.execute("SELECT key, dim, data FROM vec").fetchall()
    finally:
        db.close()


def _rewrite_rows(folder: Path, new_data) -> None:
    """Replace every row's vector bytes with new_data(old bytes, dim); checksums untouched."""
    import sqlite3

    from harness.cache import EmbeddingCache

    db = sqlite3.connect(EmbeddingCache(folder).path)
    for key, dim, data in db.execute("SELECT key, dim, data FROM vec").fetchall():
        db.execute("UPDATE vec SET data = ? WHERE key = ?", (new_data(data, dim), key))
    db.commit()
    db.close()


def _drop_results(folder: Path) -> None:
    """Delete the per-candidate results (the embedding family's cosines among them)."""
    import sqlite3

    from harness.cache import EmbeddingCache

    db = sqlite3.connect(EmbeddingCache(folder).path)
    db.execute("DELETE FROM kv")
    db.commit()
    db.close()


def test_cache_rows_filled_with_zeros_are_recomputed(tmp_path: Path) -> None:
    from conftest import FakeEncoder, make_refs

    import harness
    from harness.loading import load_dataset

    refs = make_refs(tmp_path)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "good.txt").write_text(GOOD, encoding="utf-8")
    config = harness.RunConfig(metrics=("embedding",), cache_dir=tmp_path / "cache")
    dataset = load_dataset(tmp_path / "c", references=refs)
    first = harness.score(dataset, config, encoder=FakeEncoder()).candidates[0].embedding
    assert first.max > 0.1
    _rewrite_rows(tmp_path / "cache", lambda data, dim: bytes(4 * dim))  # zeros, right length
    _drop_results(tmp_path / "cache")  # else the cosines are read back, no vector needed
    encoder = FakeEncoder()
    again = harness.score(dataset, config, encoder=encoder).candidates[0].embedding
    assert again == first  # never 0.0 from a zeroed row
    assert sum(len(c) for c in encoder.calls) == 4  # the candidate, the article, two references
    third = FakeEncoder()  # the recomputed rows were written back, whole
    assert harness.score(dataset, config, encoder=third).candidates[0].embedding == first
    assert third.calls == []


@pytest.mark.parametrize("how", ["zeros", "doubled", "halved", "scribbled"])
def test_cache_never_returns_a_row_of_zeros_or_the_wrong_norm(tmp_path: Path, how: str) -> None:
    import numpy as np

    from harness.cache import EmbeddingCache

    v = np.ones(16, dtype=np.float32) / 4.0  # unit length
    cache = EmbeddingCache(tmp_path)
    cache.put_many("m", {"a text": v, "b text": -v})
    cache.close()
    change = {
        "zeros": lambda d, n: bytes(4 * n),
        "doubled": lambda d, n: (np.frombuffer(d, dtype=np.float32) * 2).tobytes(),
        "halved": lambda d, n: (np.frombuffer(d, dtype=np.float32) / 2).tobytes(),
        "scribbled": lambda d, n: d[:8] + b"\x00\x00\x80\x3f" + d[12:],  # one float set to 1.0
    }[how]
    _rewrite_rows(tmp_path, change)
    assert EmbeddingCache(tmp_path).get_many("m", ["a text", "b text"]) == {}


def test_cache_checks_norm_even_when_the_checksum_matches(tmp_path: Path) -> None:
    import sqlite3

    import numpy as np

    from harness.cache import EmbeddingCache, row_check, text_key

    cache = EmbeddingCache(tmp_path)
    cache.put_many("m", {"a text": np.ones(4, dtype=np.float32) / 2})
    cache.close()
    key, zeros = text_key("m", "a text"), bytes(16)
    db = sqlite3.connect(cache.path)  # a zero row written whole (a bug, not damage)
    db.execute("UPDATE vec SET data = ?, checksum = ? WHERE key = ?",
               (zeros, row_check(key, 4, zeros), key))  # fmt: skip
    db.commit()
    db.close()
    assert EmbeddingCache(tmp_path).get_many("m", ["a text"]) == {}
    assert _cached_rows(tmp_path)  # the row is still there, to be rewritten by the next run


# ============================================================ 23. diagnostics


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ("The council approved a park.".encode("utf-16"), "UTF-16 (little-endian byte-order"),
        ("The council approved a park.".encode("utf-16-be"), "UTF-16 (big-endian, no byte"),
        ("The council approved a park.".encode("utf-16-le"), "UTF-16 (little-endian, no byte"),
        ("The council approved a park.".encode("utf-32"), "UTF-32"),
    ],
)
def test_utf16_input_is_named_not_called_binary(tmp_path: Path, data: bytes, says: str) -> None:
    root = good_project(tmp_path)
    (root / "c" / "wide.txt").write_bytes(data)
    code, report, err = score_fast(root)
    assert code == 1, err
    message = by_id(report)["wide"]["error"]
    assert says in message and "re-encode the file as UTF-8" in message, message
    assert "binary" not in message


def test_binary_file_is_still_binary(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    (root / "c" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(256))
    code, report, err = score_fast(root)
    assert code == 1 and "binary file" in by_id(report)["image"]["error"], err


def test_bom_in_toml_files_is_accepted(tmp_path: Path) -> None:
    from test_inputs import FACTS

    root = project(tmp_path, facts=None)
    (root / "references" / "park" / "facts.toml").write_bytes(b"\xef\xbb\xbf" + FACTS.encode())
    (root / "harness.toml").write_bytes(b"\xef\xbb\xbf[gate]\ncoverage = 1.0\n")
    (root / "c" / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "c" / "short.txt").write_text("A park.", encoding="utf-8")
    code, report, err = score_fast(root)
    assert code == 1, err  # the gate from harness.toml ran and failed `short`
    assert by_id(report)["good"]["facts"]["present"] == 2
    assert {f["candidate"] for f in report["gate"]["failures"]} == {"short"}


@pytest.mark.parametrize(
    "summary", ["\u200b\u200b", "\x00", "\x00\x00 \x00", "\ufeff\u2060\u200d", "\u200b \n\t"]
)
def test_invisible_only_summary_gets_the_empty_warning(tmp_path: Path, summary: str) -> None:
    root = project(tmp_path)
    (root / "c.jsonl").write_text(json.dumps({"id": "e", "summary": summary}) + "\n")
    code, report, err = score_fast(root, target="c.jsonl")
    assert code == 0, err
    assert by_id(report)["e"]["warnings"] == ["empty summary"]


def test_zero_width_only_file_gets_the_empty_warning(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    (root / "c" / "zw.txt").write_text("\u200b\u200b\n", encoding="utf-8")
    code, report, err = score_fast(root)
    assert code == 0, err
    assert by_id(report)["zw"]["warnings"] == ["empty summary"]


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("true", '"id" must be a string or a whole number, not true'),
        ("1.5", '"id" must be a string or a whole number, not 1.5'),
        ("[1]", '"id" must be a string or a whole number, not a list'),
        ("null", 'missing "id"'),
        ("1" + "0" * 5000, "invalid JSON (a number too long)"),
    ],
)
def test_jsonl_id_of_the_wrong_type_says_so(tmp_path: Path, value: str, says: str) -> None:
    root = project(tmp_path)
    lines = ['{"id": ' + value + ', "summary": "x"}', json.dumps({"id": "g", "summary": GOOD})]
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, report, err = score_fast(root, target="c.jsonl")
    assert code == 1, err
    assert error_lines(err) == [f"harness: error: c.jsonl:1: {says}"], err
    assert by_id(report)["g"]["status"] == "ok"


def test_a_report_with_a_number_too_long_is_exit_2(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    (root / "r.json").write_text('{"candidates": [], "x": 1' + "0" * 5000 + "}")
    code, _, err = invoke(root, "report", "r.json", "-o", "r.html")
    assert code == 2 and "a number too long" in one_error_line(err), err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["score", "--bogus"], "No such option '--bogus'"),
        (["score"], "Missing argument 'PATH'"),
        (["nope"], "No such command 'nope'"),
        (["compare", "a", "b", "--seed", "x"], "Invalid value for '--seed'"),
        (["explain"], "give a CANDIDATE"),
    ],
)
def test_usage_errors_are_one_line(tmp_path: Path, args: list[str], says: str) -> None:
    proc = run_cli(good_project(tmp_path), *args)
    assert proc.returncode == 2, proc.stderr
    line = one_error_line(proc.stderr)
    assert says in line and "--help'" in line, line


def test_calibrate_line_numbers_count_the_lines_of_a_quoted_field(tmp_path: Path) -> None:
    """A quoted CSV field over three lines: the rows after it keep their file line numbers."""
    from harness.calibrate import load_labels
    from harness.errors import ConfigError

    p = tmp_path / "l.csv"
    p.write_text(
        'candidate,fact,expected,note\nc1,sky,present,"one\ntwo\nthree"\nc2,sky,absent,x\n'
        "c3,sky,maybe,x\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_labels(p)
    assert info.value.line == 6 and "unknown verdict 'maybe'" in str(info.value)
    p.write_text(p.read_text(encoding="utf-8").replace("maybe", "absent"), encoding="utf-8")
    assert [label.line for label in load_labels(p)] == [2, 5, 6]


def test_a_very_deep_folder_is_walked_in_linear_time_and_read(tmp_path: Path) -> None:
    """1,500 nested folders: each folder is resolved once (no realpath of every ancestor per
    folder, which made the walk cubic in system calls); the candidate at the bottom is read.
    Counted, not timed: the number of stat-like calls stays linear in the depth."""
    from harness import loading

    root = good_project(tmp_path)
    depth = 1500
    fd = os.open(root / "c", os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("a", dir_fd=fd)
            sub = os.open("a", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = sub
        leaf = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(leaf, GOOD.encode("utf-8"))
        os.close(leaf)
    finally:
        os.close(fd)
    calls = {"lstat": 0}
    real_lstat = os.lstat

    def counting_lstat(*args, **kw):
        calls["lstat"] += 1
        return real_lstat(*args, **kw)

    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(loading.os, "lstat", counting_lstat)
            walked = [p for p, note, err in loading._walk(root / "c") if note is None and not err]
    finally:
        _flatten(root / "c")  # pytest's recursive clean-up cannot remove 1,500 levels
    assert calls["lstat"] < 10 * depth, calls
    assert sorted(p.name for p in walked) == ["deep.txt", "good.txt"]


def _flatten(top: Path) -> None:
    """Remove top/a/a/.../a one level at a time: pull a/a up to a, then drop a."""
    while (top / "a").is_dir():
        if (top / "a" / "a").is_dir():
            os.rename(top / "a" / "a", top / "next")
        for leaf in (top / "a").iterdir():
            leaf.unlink()
        os.rmdir(top / "a")
        if (top / "next").is_dir():
            os.rename(top / "next", top / "a")


# ============================================================ 18. a non-UTF-8 locale

C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}


def _c_locale_env(root: Path) -> dict[str, str]:
    base = {k: v for k, v in env(root).items() if not k.startswith("LC_")}
    return {**base, **C_LOCALE, "COLUMNS": "160"}


def _on_a_terminal(root: Path, *args: str, **extra: str) -> tuple[int, str, str]:
    """`harness ARGS` with stdout on a pseudo-terminal under LC_ALL=C: (exit, stdout, stderr)."""
    return run_on_pty(list(args), root, {**_c_locale_env(root), **extra})


CAFE_FACTS = (
    '[[fact]]\nid = "cafe"\nstatement = "The caf\u00e9 opened \u2014 at last."\n'
    'slots = { what = ["caf\u00e9", "park"] }\n'
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locales")
def test_c_locale_reads_utf8_file_names_and_writes_utf8_reports(tmp_path: Path) -> None:
    root = project(tmp_path, facts=CAFE_FACTS)
    (root / "c" / "caf\u00e9.txt").write_text(GOOD, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "harness.cli", "score", "c", "--metrics", "rouge,facts",
         "--no-progress", "--format", "json"],
        cwd=root, capture_output=True, env=_c_locale_env(root), timeout=300,
    )  # fmt: skip
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0 and "Traceback" not in err, err
    cand = json.loads(proc.stdout.decode("utf-8"))["candidates"][0]
    assert cand["id"] == "caf\u00e9" and cand["status"] == "ok", cand
    assert cand["path"] == "c/caf\u00e9.txt"


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_c_locale_on_a_terminal_never_fails_to_print(tmp_path: Path) -> None:
    root = project(tmp_path, facts=CAFE_FACTS)
    (root / "c" / "caf\u00e9.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = _on_a_terminal(root, "score", "c", "--metrics", "rouge,facts",
                                    "--no-progress", "--save-baseline", "a.json")  # fmt: skip
    assert code == 0 and "internal error" not in err and "Traceback" not in err, err
    assert "caf" in out and "1/1" in out  # scored, its one fact present
    code, out, err = _on_a_terminal(root, "facts")
    assert code == 0 and "internal error" not in err, err
    assert "opened" in out
    code, out, err = _on_a_terminal(root, "compare", "a.json", "a.json")
    assert code == 0 and "internal error" not in err, err
    code, _, err = _on_a_terminal(root, "score", "c", "--bogus")
    assert code == 2 and "internal error" not in err, err


# ============================================================ 19. a narrow terminal


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("columns", ["20", "30"])
def test_narrow_terminal_still_shows_ids_and_status(tmp_path: Path, columns: str) -> None:
    root = good_project(tmp_path)
    (root / "c" / "short.txt").write_text("A park.", encoding="utf-8")
    (root / "c" / "bad.txt").write_bytes(b"caf\xe9")
    code, out, err = _on_a_terminal(
        root, "score", "c", "--metrics", "rouge,facts", "--no-progress", "--no-gate",
        COLUMNS=columns, LC_ALL="C.UTF-8", LANG="C.UTF-8",
    )  # fmt: skip
    assert code == 1, err
    import re

    lines = re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines()  # bold stays under NO_COLOR
    table = [line for line in lines if not line.startswith("harness:")]  # not the signature
    assert max(len(line) for line in table) <= int(columns), out
    for cid in ("bad", "good", "short"):
        assert any(cid in line for line in lines), out
    assert sum("ok" in line for line in lines) >= 2 and any("error" in line for line in lines)
    assert "not shown" in out  # says what it left out


def test_table_keeps_every_column_when_wide_enough(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    import harness
    from harness.loading import load_dataset
    from harness.output import build_table

    root = good_project(tmp_path)
    run = harness.score(
        load_dataset(root / "c", references=root / "references"),
        harness.RunConfig(metrics=("rouge", "facts")),
    )
    for width, want in ((200, ["candidate", "R1", "RLsum", "facts", "status"]),
                        (24, ["candidate", "status"])):  # fmt: skip
        buf = io.StringIO()
        console = Console(file=buf, width=width, color_system=None)
        console.print(build_table(run, console.width))
        text = buf.getvalue()
        assert all(title in text for title in want), text
        assert "good" in text and "ok" in text, text
        assert ("not shown" in text) == (width < 100)


# ============================================================ 22. look-alike ids

CAFE_NFC, CAFE_NFD = "caf\u00e9", "cafe\u0301"


def test_lookalike_jsonl_ids_are_warned(tmp_path: Path) -> None:
    root = project(tmp_path)
    ids = [CAFE_NFC, CAFE_NFD, "CAF\u00c9", "   ", "other", "a  b", "a b", "\u200b", "Other"]
    lines = [json.dumps({"id": cid, "summary": GOOD}) for cid in ids]
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, report, err = score_fast(root, target="c.jsonl")
    assert code == 0, err  # warnings, not errors: both are scored
    warned = {c["id"]: c["warnings"] for c in report["candidates"]}
    assert warned[CAFE_NFC] == [] and warned["other"] == [] and warned["a  b"] == []
    for cid, first in ((CAFE_NFD, 1), ("CAF\u00c9", 1), ("a b", 6), ("Other", 5)):
        assert warned[cid] == [
            f"id {cid!a} looks like the id of line {first} "
            "(differs only in case, Unicode form or spacing)"
        ], warned
    assert (
        warned["   "] == warned["\u200b"] == ["id is blank (only spaces or invisible characters)"]
    )
    lines = [line for line in err.splitlines() if line.startswith("harness: warning: c.jsonl:")]
    assert len(lines) == 6, err
    assert "harness: warning: c.jsonl:2: id 'cafe\\u0301' looks like" in lines[0]


def test_lookalike_file_names_are_warned(tmp_path: Path) -> None:
    root = good_project(tmp_path)
    for name in (CAFE_NFC, CAFE_NFD, "Good"):
        (root / "c" / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    if len(list((root / "c").iterdir())) < 4:
        pytest.skip("this file system folds case or Unicode forms")
    code, report, err = score_fast(root)
    assert code == 0, err
    warned = {c["id"]: c["warnings"] for c in report["candidates"]}
    assert sum(bool(w) for w in warned.values()) == 2, warned
    assert any("looks like the id of c/" in w for ws in warned.values() for w in ws)


def test_exact_duplicates_are_still_errors_far_apart(tmp_path: Path) -> None:
    root = project(tmp_path)
    n = 3 * 4096 + 10  # past several flushes of the compact index
    lines = [json.dumps({"id": f"id-{i}", "summary": "x"}) for i in range(n)]
    lines.append(json.dumps({"id": "id-5", "summary": "x"}))
    lines.append(json.dumps({"id": f"ID-{n - 1}", "summary": "x"}))
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    from harness.loading import Candidate, LoadFailure, iter_jsonl, load_references

    items = list(iter_jsonl(root / "c.jsonl", load_references(root / "references")))
    failures = [i for i in items if isinstance(i, LoadFailure)]
    assert [f.error.split(": ", 1)[1] for f in failures] == ["duplicate id 'id-5' (also line 6)"]
    last = items[-1]
    assert isinstance(last, Candidate)
    assert last.warnings[-1].startswith(f"id 'ID-{n - 1}' looks like the id of line {n}")
    assert sum(bool(i.warnings) for i in items if isinstance(i, Candidate)) == 1


# ============================================================ 20. streaming memory: the id set


def test_the_duplicate_id_check_holds_no_ids(tmp_path: Path) -> None:
    """Reading 60,000 JSONL candidates keeps ~12 bytes per id for the duplicate check and
    as much for look-alikes, not a set of strings and tuples (~200 bytes per candidate)."""
    import tracemalloc

    from harness.loading import iter_jsonl, load_references

    root = project(tmp_path)
    n = 60_000
    with (root / "c.jsonl").open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"candidate-{i:08d}-with-a-longish-name", "summary": "x"}))
            f.write("\n")
    documents = load_references(root / "references")
    count = 0
    tracemalloc.start()
    try:
        for _ in iter_jsonl(root / "c.jsonl", documents):
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == n
    assert peak / n < 60, f"{peak / n:.0f} bytes per candidate"


def test_back_references_stay_inside_their_own_re_phrasing() -> None:
    """Issue 15, item 14: re: phrasings of one slot are joined into one pattern; a "\\1" in
    the second phrasing must still mean that phrasing's own first group."""
    import tomllib

    from harness.facts import parse_facts
    from harness.matcher import check_facts

    def verdict(slots: str, text: str) -> str:
        data = tomllib.loads(f'[[fact]]\nid = "f"\nstatement = "s"\nslots = {{ a = {slots} }}\n')
        return check_facts(text, parse_facts(data, "d")).results[0].verdict

    alone = '["re:(yy)q\\\\1"]'
    joined = '["re:(zz)\\\\1", "re:(yy)q\\\\1"]'
    assert verdict(alone, "yyqyy here") == "present"
    assert verdict(joined, "yyqyy here") == "present"
    assert verdict(joined, "zzzz here") == "present"
    assert verdict(joined, "yyqzz here") == "absent"
