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
    gate_config,
    gate_options,
    handle_errors,
    main,
    model_options,
    references_option,
)
from harness.cli_scale import engine_options, shard_run
from harness.errors import EXIT_FAILED, EXIT_OK, HarnessError
from harness.progress import Progress

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


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@references_option
@click.option(
    "--metrics",
    default="rouge,embedding,facts,grounding",
    show_default=True,
    help="Comma-separated metric families: rouge, embedding, facts, grounding.",
)
@click.option(
    "--grounding-embeddings",
    is_flag=True,
    help="Grounding also weighs the sentence embeddings of the bundled model (slower).",
)
@click.option(
    "--stemmer/--no-stemmer",
    default=False,
    show_default=True,
    help="Porter stemming for ROUGE (default tokenizer only); off, as in rouge-score.",
)
@click.option(
    "--lsum-split",
    type=click.Choice(["newline", "sentences", "both"]),
    default="newline",
    show_default=True,
    help="rougeLsum sentences: lines, as rouge-score (newline); the splitter's sentences, "
    "line breaks ignored (sentences); lines, each split into sentences (both).",
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
@click.option(
    "--output",
    "-o",
    "output",
    multiple=True,
    metavar="[FORMAT=]FILE",
    help="Write a report to FILE atomically, repeatable: FORMAT=FILE names its format "
    "(json=r.json, junit=r.xml, html=r.html, ...); a plain FILE gets the --format report. "
    "One scoring pass writes them all.",
)
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes for the facts matcher; ROUGE already uses every core natively.",
)
@engine_options
@gate_options
@family_gate_options
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
    """Score every candidate summary under PATH (a folder of .txt/.md files, a JSONL file,
    a pair-level folder or JSONL, or - for JSONL on stdin).

    Exit 0 when every candidate scored and the gate passed, 1 when a candidate could not be
    scored or the gate failed, 2 on a usage or config error, 3 on an internal error.
    """
    from harness.engines import make_engine
    from harness.pipeline import finish_run, gated_metrics
    from harness.report_outputs import StreamSink, plan_reports

    o = ScoreOptions(**options)
    config, gate_config, gate_wanted = o.run_config(), o.gate_config(), o.use_gate
    tty = sys.stdout is not None and not sys.stdout.closed and sys.stdout.isatty()
    plan = plan_reports(o.output, o.fmt, tty)
    o.check_targets(plan)
    documents, items, notes = _open_source(path, o, config.metrics)
    shard = shard_run(o.shard)
    if shard is not None:
        items = shard.select(items)
    streamed = plan.streamable and o.baseline is None and o.save_baseline is None
    baseline = o.baseline_report()
    if not streamed:
        items = list(items)
        _print_notes(notes)
        if not items and (shard is None or not shard.seen):
            raise HarnessError("no candidates found (expected .txt/.md files or JSONL lines)", path)
    bar = Progress(None if streamed else len(items), o.progress and sys.stderr.isatty())
    scorer = make_engine(documents, config, on_progress=bar)
    chunks, settings = scorer.iter_chunks(items), scorer.settings
    if shard is not None:
        chunks, settings = shard.watch(chunks), shard.settings(settings)
    report = _CandidateNotes()
    sink = StreamSink([p for _, p in plan.files], plan.stdout is not None) if streamed else None
    started = time.monotonic()
    try:
        with sink or contextlib.nullcontext():
            outcome = finish_run(
                chunks,
                scorer.signature,
                settings,
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
                allow_empty=shard is not None,
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
        return _after_stream(outcome, plan)
    return _write_reports(outcome, plan, o, items, documents, baseline, time.monotonic() - started)


@dataclass(frozen=True)
class ScoreOptions:
    """`harness score`'s options, as click parsed them."""

    references: Path
    metrics: str
    grounding_embeddings: bool
    stemmer: bool
    lsum_split: str
    tokenizer: str
    model: str
    device: str
    batch_size: int
    use_cache: bool
    cache_dir: Path | None
    fmt: str | None
    output: tuple[str, ...]  # --output values: FORMAT=FILE or FILE (harness.report_outputs)
    progress: bool
    workers: int
    engine: str
    ray_address: str | None
    shard: str | None
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
            lsum_split=self.lsum_split,
            tokenizer=self.tokenizer,
            model=self.model,
            device=self.device,
            batch_size=self.batch_size,
            cache_dir=self.cache_dir,
            use_cache=self.use_cache,
            workers=self.workers,
            options={"grounding_embeddings": True} if self.grounding_embeddings else {},
            engine=self.engine,
            ray_address=self.ray_address,
        )

    def gate_config(self):
        """The gate's thresholds (config file, then options), needed for the gate and for
        the metrics a --baseline regression is gated on; None when neither is asked for."""
        if not (self.use_gate or self.baseline is not None):
            return None
        extra = [(g.flag, g.metric, g.scope, v) for g, v in self.family_options.values()]
        return gate_config(self.config_file, self.fail_under, self.fail_over, extra)

    def check_targets(self, plan) -> None:
        """Fail before scoring, not after: unwritable outputs, a closed stdout."""
        from harness.output import check_output

        for target in (*(p for _, p in plan.files), self.save_baseline):
            if target is not None:
                check_output(target)
        if plan.stdout is not None:
            _check_stdout()
        if self.fail_on_regression and self.baseline is None:
            raise HarnessError("--fail-on-regression needs --baseline FILE")
        if self.grounding_embeddings and "grounding" not in _parse_metrics(self.metrics):
            raise HarnessError("--grounding-embeddings needs grounding in --metrics")

    def baseline_report(self):
        if self.baseline is None:
            return None
        from harness.results import load_report

        return load_report(self.baseline)


def _after_stream(outcome: Any, plan: Any) -> int:
    from harness.gate import render_gate_text

    for _, path in plan.files:
        _err(f"wrote {path} ({outcome.run.summary.candidates} candidates)")
    if outcome.gate is not None:
        for note in outcome.gate.notes:
            _err(f"note: gate {note}")
        click.echo(render_gate_text(outcome.gate), nl=False, err=True)
    _step_summary(outcome)
    return EXIT_FAILED if outcome.failed else EXIT_OK


def _write_reports(outcome, plan, o, items, documents, baseline, elapsed: float) -> int:
    """Every run but a streamed one: notes, --save-baseline, the reports, the verdicts."""
    from harness.output import write_atomic, write_json
    from harness.report_outputs import render_report

    run, gate, comparison, gated = outcome.run, outcome.gate, outcome.comparison, outcome.gated
    if gate is not None:
        for note in gate.notes:
            _err(f"note: gate {note}")
    if o.save_baseline is not None:
        gate_only = {"gate": outcome.extra()["gate"]} if gate is not None else None
        write_atomic(o.save_baseline, functools.partial(write_json, run, gate_only))
        _err(f"wrote baseline {o.save_baseline}")
    fmt = plan.stdout
    on_tty = fmt == "table" and sys.stdout.isatty()
    texts = {  # each format rendered once, all of them before any file is written
        f: render_report(
            f, outcome, candidates=items, documents=documents, baseline=baseline, elapsed=elapsed
        )
        for f in plan.formats
        if not (f == fmt and on_tty)
    }
    if fmt not in ("table", "markdown", "github"):  # stdout does not show the verdicts
        _echo_verdicts(gate, comparison, gated, fmt or plan.files[0][0])
    for file_fmt, path in plan.files:
        write_atomic(path, texts[file_fmt])
        _err(f"wrote {path} ({len(run.candidates)} candidates)")
    if on_tty:
        from rich.console import Console

        from harness.output import build_table

        console = Console()
        console.print(build_table(run, console.width))
        console.print(run.signature, soft_wrap=True, style="dim")
        _print_verdicts(console, gate, comparison, gated)
    elif fmt is not None:
        _stdout(texts[fmt])
    _step_summary(outcome)
    if comparison is not None:
        from harness.cli_reports import _nothing_compared

        _nothing_compared(comparison, o.fail_on_regression)
    return EXIT_FAILED if outcome.failed else EXIT_OK


def _open_source(path: Path, o: ScoreOptions, metrics: tuple[str, ...]):
    """The documents, the candidates (an iterator) and the notes of PATH; what the chosen
    metrics cannot compute for want of a facts file or an article is said once."""
    from harness.pairs import open_input, skipped_notes

    source = open_input(path, o.references, o.follow_symlinks_outside)
    documents, notes = source.documents, source.notes
    _warn_without_facts(documents, metrics, source.pairs)
    if source.pairs:
        notes += skipped_notes(documents, metrics, source.source)
    if "grounding" in metrics:  # nothing to ground in: not applicable, said once
        for doc in documents.values():
            if doc.article is not None and not doc.article.strip():
                _err(f"warning: {doc.path}: empty article.txt; grounding is not checked")
    return documents, source.items, notes


def _warn_without_facts(documents: dict, metrics: tuple[str, ...], pairs: bool = False) -> None:
    """Say loudly when the facts metric has nothing to check for a document (or any);
    pair-level data has no facts files, said once in its notes."""
    if "facts" not in metrics:
        return
    bare = [doc for doc in documents.values() if doc.facts is None]
    if len(bare) == len(documents) and tuple(metrics) == ("facts",):
        raise HarnessError("no document has a facts.toml: --metrics facts has nothing to check")
    for doc in [] if pairs else bare:
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
