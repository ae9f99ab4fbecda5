"""Several reports from one run: `harness score --output FORMAT=PATH` (repeatable).

One scoring pass, then each requested format is rendered once and written atomically
(`harness.output.AtomicWriter`: symlinks written through, pipes and terminals written
plainly). `--format` still names what goes to stdout. A plain `--output FILE` (no
`FORMAT=`) keeps its old meaning: the `--format` report (default json) goes to FILE and
stdout stays empty.

A run streams (candidates written as they are scored, nothing kept in memory) only when
every report it writes is JSONL and there is no baseline; any other format needs every
result before it can be written (a JSON object, a table, HTML, JUnit counts).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from harness.cli import FORMATS
from harness.errors import ConfigError

_FORMAT_LIKE = re.compile(r"[a-z][a-z0-9_-]*")


@dataclass(frozen=True)
class ReportPlan:
    """Where each report goes: stdout's format (or None) and (format, file) pairs."""

    stdout: str | None
    files: tuple[tuple[str, Path], ...]

    @property
    def formats(self) -> list[str]:
        """Every format this run renders, each once, stdout's first."""
        wanted = ([self.stdout] if self.stdout else []) + [f for f, _ in self.files]
        return list(dict.fromkeys(wanted))

    @property
    def streamable(self) -> bool:
        """True when every report is JSONL: written while candidates stream in."""
        return self.formats == ["jsonl"]


def parse_output(value: str) -> tuple[str | None, Path]:
    """`FORMAT=PATH` -> (format, path); a plain `PATH` -> (None, path).

    A word before `=` that is not a format is an error, so a typo (`jsnol=x`) never
    silently becomes a file name; a file really named `x=y` is written as `./x=y`.
    """
    head, sep, tail = value.partition("=")
    if sep and _FORMAT_LIKE.fullmatch(head):
        if head not in FORMATS:
            raise ConfigError(
                f"--output {value}: unknown format {head!r} (choose from {', '.join(FORMATS)}; "
                f"write ./{value} for a file of that name)"
            )
        if not tail:
            raise ConfigError(f"--output {value}: name a file after {head}=")
        return head, Path(tail)
    if not value:
        raise ConfigError("--output: name a file")
    return None, Path(value)


def plan_reports(outputs: tuple[str, ...], fmt: str | None, stdout_is_tty: bool) -> ReportPlan:
    """The reports of one run from `--output` values and `--format`.

    Without --output: the --format report (default table on a terminal, else json) on
    stdout. With a plain `--output FILE`: the --format report (default json) in FILE and
    nothing on stdout. With only `FORMAT=PATH` outputs: stdout carries the --format report
    when --format is given, nothing otherwise.
    """
    if not outputs:
        return ReportPlan(fmt or ("table" if stdout_is_tty else "json"), ())
    parsed = [parse_output(v) for v in outputs]
    plain = [p for f, p in parsed if f is None]
    if len(plain) > 1:
        raise ConfigError(
            "--output FILE given more than once; name each file's format: "
            "--output json=a.json --output junit=b.xml"
        )
    files = [(f or fmt or "json", p) for f, p in parsed]
    seen: dict[str, str] = {}
    for f, p in files:
        key = str(p.resolve()) if str(p) != "-" else "-"
        if key in seen:
            raise ConfigError(f"--output names {p} twice ({seen[key]} and {f})")
        seen[key] = f
    stdout = fmt if fmt is not None and not plain else None
    return ReportPlan(stdout, tuple(files))


def render_report(
    fmt: str,
    outcome: Any,
    *,
    candidates: Any = None,
    documents: Any = None,
    baseline: Any = None,
    elapsed: float = 0.0,
) -> str | Callable[[TextIO], None]:
    """The report text for `fmt`: the gate goes into JSON, JUnit, annotations or a section.
    For JSON, a writer (`harness.output.write_json`) that `write_atomic` and `_stdout`
    call with the open file."""
    from harness.output import RENDERERS

    run, gate, comparison, gated = outcome.run, outcome.gate, outcome.comparison, outcome.gated
    extra = outcome.extra()
    if fmt == "json":  # a writer: the report goes out a candidate at a time, never whole
        import functools

        from harness.output import write_json

        return functools.partial(write_json, run, extra)
    if fmt == "html":
        from harness.html_report import render_run

        return render_run(run, extra, candidates=candidates, documents=documents, baseline=baseline)
    from harness import ci_report  # here: a JSON or HTML report needs none of it

    if fmt == "junit":
        return ci_report.render_junit(run, gate, elapsed=elapsed)
    if fmt == "github":
        return ci_report.render_github(run, gate)
    text = RENDERERS[fmt](run, extra)
    if fmt == "table":
        from harness.compare import render_comparison_text
        from harness.gate import render_gate_text

        text += render_gate_text(gate) if gate else ""
        text += render_comparison_text(comparison, gated) if comparison else ""
    elif fmt == "markdown":
        from harness.compare import render_comparison_markdown

        text += "\n" + ci_report.render_gate_markdown(gate) if gate else ""
        text += "\n" + render_comparison_markdown(comparison, gated) if comparison else ""
    return text


class StreamSink:
    """JSONL out while candidates stream in, to stdout and/or files; each file appears
    only once complete (its last line: summary, signature, gate)."""

    def __init__(self, paths: list[Path], to_stdout: bool) -> None:
        from harness.output import AtomicWriter

        self.writers = [AtomicWriter(p) for p in paths]
        self.to_stdout = to_stdout
        self.outs: list[TextIO] = []

    def __enter__(self) -> StreamSink:
        self.outs = [w.__enter__() for w in self.writers]
        if self.to_stdout:
            self.outs.append(sys.stdout)
        return self

    def __exit__(self, *exc: Any) -> None:
        first: BaseException | None = None
        for w in self.writers:  # every temp file is removed or renamed, whatever happens
            try:
                w.__exit__(*exc)
            except BaseException as err:
                first = first or err
        if first is not None:
            raise first

    def add(self, also: Any) -> Any:
        from harness.output import iter_jsonl

        def write(result: Any) -> None:
            line = next(iter(iter_jsonl([result])))
            for out in self.outs:
                out.write(line)
            also(result)

        return write

    def finish(self, outcome: Any) -> None:
        from harness.output import jsonl_tail

        tail = jsonl_tail(outcome.run, outcome.extra() or None)
        for out in self.outs:
            out.write(tail)
