"""`harness score`: options in, one pipeline run (harness.pipeline), reports out."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from harness.cli import (
    FORMATS,
    _append_step_summary,
    _check_stdout,
    _err,
    _stdout,
    bootstrap_options,
    debug_option,
    handle_errors,
    main,
    model_options,
    output_option,
    references_option,
)
from harness.errors import EXIT_FAILED, EXIT_OK, HarnessError

# ---------------------------------------------------------------------- score


def _parse_metrics(value: str) -> tuple[str, ...]:
    from harness.metrics import families

    METRICS = tuple(families())
    names = tuple(dict.fromkeys(m.strip() for m in value.split(",") if m.strip()))
    for m in names:
        if m not in METRICS:
            raise click.BadParameter(f"unknown metric {m!r} (choose from {', '.join(METRICS)})")
    if not names:
        raise click.BadParameter("name at least one metric")
    return names


def _dest(flag: str) -> str:
    return flag.lstrip("-").replace("-", "_")


def family_gate_options(func: Callable) -> Callable:
    """The built-in families' own gate flags (`--max-contradicted N`, ...), declared at
    import without scanning entry points (an outside family's metrics are gated with
    --fail-under / --fail-over)."""
    from harness.metrics import builtin_families

    for fam in reversed(builtin_families()):
        counts = {m.name for m in fam.metrics if m.count}
        for g in reversed(fam.gate_options):
            whole = g.scope == "candidate" and g.metric in counts
            func = click.option(
                g.flag, _dest(g.flag), type=int if whole else float, default=None, help=g.help
            )(func)
    return func


class Progress:
    """A rich progress bar on stderr, shown only once a run has lasted a second."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.start = time.monotonic()
        self._bar = None
        self._task = None

    def __call__(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        unfinished = self.total is None or self.done < self.total
        if self._bar is None and time.monotonic() - self.start > 1.0 and unfinished:
            from rich.console import Console
            from rich.progress import Progress as Bar

            self._bar = Bar(console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("scoring", total=self.total)
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@references_option
@click.option(
    "--metrics",
    default="rouge,embedding,facts",
    show_default=True,
    help="Comma-separated metric families: rouge, embedding, facts.",
)
@click.option(
    "--stemmer/--no-stemmer",
    default=True,
    show_default=True,
    help="Porter stemming for ROUGE (default tokenizer only).",
)
@click.option(
    "--tokenizer",
    type=click.Choice(["default", "unicode"]),
    default="default",
    show_default=True,
    help="ROUGE tokenizer: rouge-score's ASCII one, or letters of every script.",
)
@model_options
@click.option(
    "--batch-size",
    type=click.IntRange(1, 4096),
    default=64,
    show_default=True,
    help="Texts per embedding batch.",
)
@click.option(
    "--cache/--no-cache",
    "use_cache",
    default=True,
    show_default=True,
    help="Cache embeddings on disk.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: table on a terminal, json otherwise).",
)
@output_option("report")
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes for the facts matcher; ROUGE already uses every core natively.",
)
@click.option(
    "--fail-under",
    "fail_under",
    multiple=True,
    metavar="NAME=VALUE",
    help="Gate threshold on a higher-is-better metric, repeatable: rouge1, rouge2, rougeL, "
    "rougeLsum, embedding_max, embedding_mean, embedding_article, coverage (and any "
    "registered family's); mean.NAME for the run's mean. Overrides the config.",
)
@click.option(
    "--fail-over",
    "fail_over",
    multiple=True,
    metavar="NAME=VALUE",
    help="Gate limit on a lower-is-better metric, repeatable: contradicted (and any "
    "registered family's); mean.NAME for the run's mean. Overrides the config.",
)
@family_gate_options
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Gate config file (default: harness.toml, else pyproject.toml, in the current folder).",
)
@click.option("--gate/--no-gate", "use_gate", default=True, help="Evaluate the CI gate.")
@click.option(
    "--save-baseline",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the JSON report to FILE, for a later --baseline or `harness compare`.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    default=None,
    help="Compare with this earlier JSON report and show the deltas.",
)
@click.option(
    "--fail-on-regression",
    is_flag=True,
    help="With --baseline: exit 1 when a gated metric regresses significantly.",
)
@bootstrap_options(" for --baseline")
@click.option(
    "--follow-symlinks-outside",
    is_flag=True,
    help="Follow candidate symlinks that resolve outside the candidates folder (refused, "
    "as an error for that path, by default).",
)
@debug_option
@handle_errors
def score(path: Path, debug: bool, **options: Any) -> int:
    """Score every candidate summary under PATH (a folder of .txt/.md files or a JSONL file).

    Exit 0 when every candidate scored and the gate passed, 1 when a candidate could not be
    scored or the gate failed, 2 on a usage or config error, 3 on an internal error.
    """
    from harness.loading import iter_candidates, load_references
    from harness.pipeline import finish_run, gated_metrics
    from harness.run import Scorer

    o = ScoreOptions(**options)
    config, gate_config, gate_wanted = o.run_config(), o.gate_config(), o.use_gate
    fmt = o.fmt or ("table" if o.output is None and sys.stdout.isatty() else "json")
    o.check_targets()
    documents = load_references(o.references)
    _warn_without_facts(documents, config.metrics)
    notes: list[str] = []
    items = iter_candidates(path, documents, notes, o.follow_symlinks_outside)
    streamed = fmt == "jsonl" and o.baseline is None and o.save_baseline is None
    baseline = o.baseline_report()
    if not streamed:
        items = list(items)
        _print_notes(notes)
        if not items:
            raise HarnessError("no candidates found (expected .txt/.md files or JSONL lines)", path)
    bar = Progress(None if streamed else len(items), o.progress and sys.stderr.isatty())
    scorer = Scorer(documents, config, on_progress=bar)
    report = _CandidateNotes()
    sink = StreamSink(o.output) if streamed else None
    started = time.monotonic()
    try:
        with sink or contextlib.nullcontext():
            outcome = finish_run(
                scorer.iter_chunks(items),
                scorer.signature,
                scorer.settings,
                documents,
                gate_config if gate_wanted else None,
                keep=not streamed,
                on_result=sink.add(report) if sink else report,
                baseline=baseline,
                baseline_path=str(o.baseline) if o.baseline else None,
                fail_on_regression=o.fail_on_regression,
                resamples=o.resamples,
                seed=o.seed,
                source=path,
                gated=gated_metrics(gate_config),
            )
            if sink:
                sink.finish(outcome)
    except BaseException:
        scorer.close(abort=True)  # no worker outlives Ctrl-C, SIGTERM or an error
        raise
    else:
        scorer.close()
    finally:
        bar.close()
        if streamed:
            _print_notes(notes)
        report.close()
    if streamed:
        return _after_stream(outcome, o.output)
    return _write_reports(outcome, fmt, o, items, documents, baseline, time.monotonic() - started)


@dataclass(frozen=True)
class ScoreOptions:
    """`harness score`'s options, as click parsed them."""

    references: Path
    metrics: str
    stemmer: bool
    tokenizer: str
    model: str
    device: str
    batch_size: int
    use_cache: bool
    cache_dir: Path | None
    fmt: str | None
    output: Path | None
    progress: bool
    workers: int
    fail_under: tuple[str, ...]
    fail_over: tuple[str, ...]
    config_file: Path | None
    use_gate: bool
    save_baseline: Path | None
    baseline: Path | None
    fail_on_regression: bool
    resamples: int
    seed: int
    follow_symlinks_outside: bool
    family_options: dict[str, Any] = field(default_factory=dict)  # --max-contradicted, ...

    def __init__(self, **options: Any) -> None:
        from harness.metrics import gate_options

        flags = {_dest(g.flag): g for g in gate_options()}
        fam = {k: options.pop(k) for k in list(options) if k in flags}
        for k, v in options.items():
            object.__setattr__(self, k, v)
        object.__setattr__(
            self,
            "family_options",
            {k: (flags[k], v) for k, v in fam.items() if v is not None},
        )

    def run_config(self):
        from harness.run import RunConfig

        return RunConfig(
            metrics=_parse_metrics(self.metrics),
            use_stemmer=self.stemmer,
            tokenizer=self.tokenizer,
            model=self.model,
            device=self.device,
            batch_size=self.batch_size,
            cache_dir=self.cache_dir,
            use_cache=self.use_cache,
            workers=self.workers,
        )

    def gate_config(self):
        """The gate's thresholds (config file, then options), needed for the gate and for
        the metrics a --baseline regression is gated on; None when neither is asked for."""
        if not (self.use_gate or self.baseline is not None):
            return None
        from harness.config import load_gate_config, parse_cli_thresholds

        extra = [(g.flag, g.metric, g.scope, v) for g, v in self.family_options.values()]
        overrides = parse_cli_thresholds(self.fail_under, self.fail_over, extra)
        return load_gate_config(Path.cwd(), self.config_file, overrides)

    def check_targets(self) -> None:
        """Fail before scoring, not after: unwritable outputs, a closed stdout."""
        from harness.output import check_output

        for target in (self.output, self.save_baseline):
            if target is not None:
                check_output(target)
        if self.output is None:
            _check_stdout()
        if self.fail_on_regression and self.baseline is None:
            raise HarnessError("--fail-on-regression needs --baseline FILE")

    def baseline_report(self):
        if self.baseline is None:
            return None
        from harness.results import load_report

        return load_report(self.baseline)


class StreamSink:
    """JSONL out while candidates stream in; with --output the file appears only once
    complete (the last line: summary, signature, gate)."""

    def __init__(self, output: Path | None) -> None:
        from harness.output import AtomicWriter

        self.writer = AtomicWriter(output) if output is not None else None
        self.out = sys.stdout

    def __enter__(self) -> StreamSink:
        if self.writer is not None:
            self.out = self.writer.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.writer is not None:
            self.writer.__exit__(*exc)

    def add(self, also: Callable[[Any], None]) -> Callable[[Any], None]:
        from harness.output import iter_jsonl

        def write(result: Any) -> None:
            self.out.writelines(iter_jsonl([result]))
            also(result)

        return write

    def finish(self, outcome: Any) -> None:
        from harness.output import jsonl_tail

        self.out.write(jsonl_tail(outcome.run, outcome.extra() or None))


def _after_stream(outcome: Any, output: Path | None) -> int:
    from harness.gate import render_gate_text

    if output is not None:
        _err(f"wrote {output} ({outcome.run.summary.candidates} candidates)")
    if outcome.gate is not None:
        for note in outcome.gate.notes:
            _err(f"note: gate {note}")
        click.echo(render_gate_text(outcome.gate), nl=False, err=True)
    _step_summary(outcome)
    return EXIT_FAILED if outcome.failed else EXIT_OK


def _write_reports(outcome, fmt, o, items, documents, baseline, elapsed: float) -> int:
    """Every format but streamed JSONL: notes, --save-baseline, the report, the verdicts."""
    from harness.output import write_atomic, write_json

    run, gate, comparison, gated = outcome.run, outcome.gate, outcome.comparison, outcome.gated
    if gate is not None:
        for note in gate.notes:
            _err(f"note: gate {note}")
    if o.save_baseline is not None:
        gate_only = {"gate": outcome.extra()["gate"]} if gate is not None else None
        write_atomic(o.save_baseline, functools.partial(write_json, run, gate_only))
        _err(f"wrote baseline {o.save_baseline}")
    extra = outcome.extra()
    if fmt == "html":
        from harness.html_report import render_run

        text = render_run(run, extra, candidates=items, documents=documents, baseline=baseline)
    elif fmt == "json":  # written a candidate at a time, never built whole in memory
        text = functools.partial(write_json, run, extra)
    else:
        text = _render_score(fmt, run, extra, gate, comparison, gated, elapsed)
    if o.output is not None or fmt not in ("table", "markdown", "github"):
        _echo_verdicts(gate, comparison, gated, fmt)
    if o.output is not None:
        write_atomic(o.output, text)
        _err(f"wrote {o.output} ({len(run.candidates)} candidates)")
    elif fmt == "table" and sys.stdout.isatty():
        from rich.console import Console

        from harness.output import build_table

        console = Console()
        console.print(build_table(run, console.width))
        console.print(run.signature, soft_wrap=True, style="dim")
        _print_verdicts(console, gate, comparison, gated)
    else:
        _stdout(text)
    _step_summary(outcome)
    if comparison is not None:
        from harness.cli_reports import _nothing_compared

        _nothing_compared(comparison, o.fail_on_regression)
    return EXIT_FAILED if outcome.failed else EXIT_OK


def _warn_without_facts(documents: dict, metrics: tuple[str, ...]) -> None:
    """Say loudly when the facts metric has nothing to check for a document (or any)."""
    if "facts" not in metrics:
        return
    bare = [doc for doc in documents.values() if doc.facts is None]
    if len(bare) == len(documents) and tuple(metrics) == ("facts",):
        raise HarnessError("no document has a facts.toml: --metrics facts has nothing to check")
    for doc in bare:
        _err(f"warning: {doc.path}: no facts.toml; facts are not checked for this document")


def _print_notes(notes: list[str]) -> None:
    for note in notes:
        _err(f"note: {note}")


class _CandidateNotes:
    """Per-candidate errors on stderr as they come; one summary line for tokenizer warnings."""

    def __init__(self) -> None:
        self.non_ascii = 0

    def __call__(self, c: Any) -> None:
        from harness.rouge import NON_ASCII_WARNING

        if c.status != "ok":
            _err(f"error: {c.error}")
            return
        if NON_ASCII_WARNING in c.warnings:
            self.non_ascii += 1
        for warning in c.warnings:
            if warning.startswith("id "):  # blank, or like another id: said as it comes
                _err(f"warning: {c.path}: {warning}")

    def close(self) -> None:
        from harness.rouge import NON_ASCII_WARNING

        if self.non_ascii:
            _err(f"warning: {self.non_ascii} candidate(s): {NON_ASCII_WARNING}")


def _render_score(fmt, run, extra, gate, comparison, gated, elapsed: float) -> str:
    """The report text for `fmt`: the gate goes into JSON, JUnit, annotations or a section."""
    from harness import ci_report
    from harness.output import RENDERERS

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


def _echo_verdicts(gate, comparison, gated, fmt: str) -> None:
    """The gate verdict (and deltas) on stderr when stdout carries a machine format."""
    from harness.gate import render_gate_text

    if gate is not None:
        click.echo(render_gate_text(gate), nl=False, err=True)
    if comparison is not None and fmt not in ("json", "jsonl"):
        from harness.compare import render_comparison_text

        click.echo(render_comparison_text(comparison, gated), nl=False, err=True)
    elif comparison is not None and comparison.signature_mismatch:
        _err(
            "warning: baseline signature differs, numbers not comparable: "
            + "; ".join(comparison.signature_mismatch)
        )


def _print_verdicts(console, gate, comparison, gated) -> None:
    from rich.text import Text

    from harness.gate import render_gate_text

    if gate is not None:
        text = render_gate_text(gate)
        console.print(Text(text.rstrip("\n"), style="green" if gate.passed else "bold red"))
    if comparison is not None:
        from harness.compare import build_renderables

        for item in build_renderables(comparison, gated):
            console.print(item)


def _step_summary(outcome: Any) -> None:
    """Append a Markdown summary to $GITHUB_STEP_SUMMARY when GitHub Actions sets it."""
    if not os.environ.get("GITHUB_STEP_SUMMARY"):
        return
    from harness import ci_report

    md = None
    if outcome.comparison is not None:
        from harness.compare import render_comparison_markdown

        md = render_comparison_markdown(outcome.comparison, outcome.gated)
    _append_step_summary(ci_report.render_step_summary(outcome.run, outcome.gate, md))
