"""The `harness` command line: a thin click layer over the library."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from harness import __version__
from harness.errors import EXIT_FAILED, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, HarnessError

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `| head -1`
EXIT_TERMINATED = 143  # 128 + SIGTERM

FORMATS = ("table", "json", "jsonl", "csv", "markdown", "junit", "github", "html")


def _err(message: str) -> None:
    from harness.text import printable

    click.echo(f"harness: {printable(message)}", err=True)


def _check_stdout() -> None:
    """A closed stdout is an error (before any work), never a silently lost report."""
    if sys.stdout is None or sys.stdout.closed:
        raise HarnessError("cannot write the report: stdout is closed (use --output FILE)")


def _stdout(text: str) -> None:
    _check_stdout()
    sys.stdout.write(text)
    sys.stdout.flush()


_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}


def _quiet_broken_pipe() -> None:
    """stdout's reader went away (`| head -1`): stop quietly, exit 141 like SIGPIPE."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit cannot fail again
    sys.exit(EXIT_BROKEN_PIPE)


class Terminated(KeyboardInterrupt):
    """SIGTERM (a CI job cancelled, `timeout`, `docker stop`): handled as Ctrl-C is."""


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_as_interrupt():
    """While a command runs, SIGTERM unwinds like Ctrl-C: temp files removed, workers
    ended, one line, exit 143 (128 + SIGTERM)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def handle_errors(func: Callable[..., int | None]) -> Callable[..., None]:
    """Map errors to exit codes: one line on stderr, a traceback only with --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        debug = kwargs.get("debug", False)
        try:
            with _sigterm_as_interrupt():
                code = func(*args, **kwargs)
        except HarnessError as exc:
            if debug:
                raise
            _err(f"error: {exc}")
            sys.exit(exc.exit_code)
        except Terminated:
            _err("terminated; no report was written")
            sys.exit(EXIT_TERMINATED)
        except KeyboardInterrupt:
            _err("interrupted; no report was written")
            sys.exit(130)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except Exception as exc:
            if debug:
                raise
            from harness.safe_regex import RegexTimeout

            if isinstance(exc, RegexTimeout):  # calibrate, doctor: no candidate to blame
                _err(f"error: the facts phrasing {exc} ran out of time; simplify it")
                sys.exit(EXIT_USAGE)
            if isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:  # disk full, ...
                _err(f"error: cannot write output: {exc.strerror or exc}")
                sys.exit(EXIT_USAGE)
            first = str(exc).splitlines()[0] if str(exc) else ""
            _err(
                f"internal error: {type(exc).__name__}: {first} "
                "(this is a bug; rerun with --debug for the traceback)"
            )
            sys.exit(EXIT_INTERNAL)
        sys.exit(code or EXIT_OK)

    return wrapper


def debug_option(func: Callable) -> Callable:
    return click.option(
        "--debug", is_flag=True, help="Show tracebacks instead of one-line errors."
    )(func)


def output_option(what: str) -> Callable[[Callable], Callable]:
    """`--output/-o FILE`, written atomically, shared by every command that writes a report."""
    return click.option(
        "--output",
        "-o",
        type=click.Path(path_type=Path),
        default=None,
        help=f"Write the {what} to FILE (atomically) instead of stdout.",
    )


def model_options(func: Callable) -> Callable:
    """`--model`, `--device` and `--cache-dir`: where embeddings come from (score, doctor)."""
    func = click.option(
        "--cache-dir",
        type=click.Path(path_type=Path),
        default=None,
        help="Embedding cache folder (default ~/.cache/harness or $HARNESS_CACHE_DIR).",
    )(func)
    func = click.option(
        "--device", default="cpu", show_default=True, help="cpu, cuda, cuda:N or auto."
    )(func)
    return click.option(
        "--model",
        default="all-MiniLM-L6-v2",
        show_default=True,
        help="Embedding model: the bundled all-MiniLM-L6-v2 or a local folder.",
    )(func)


def seed_option(func: Callable) -> Callable:
    """`--seed`: the bootstrap's seed (score --baseline, compare)."""
    return click.option(
        "--seed",
        type=click.IntRange(0, 2**63 - 1),
        default=0,
        show_default=True,
        help="Bootstrap seed.",
    )(func)


def references_option(func: Callable) -> Callable:
    return click.option(
        "--references",
        "references",
        type=click.Path(path_type=Path),
        default=Path("references"),
        show_default=True,
        help="Folder of documents: <doc>/article.txt, reference summaries, facts.toml.",
    )(func)


def _safe_streams() -> None:
    """Never a UnicodeEncodeError on output under a non-UTF-8 locale (`LC_ALL=C`,
    `PYTHONUTF8=0`): what goes to a pipe or file is UTF-8, as reports always are; a
    terminal keeps its encoding and shows what it cannot as `\\x` escapes."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if stream is None or encoding in ("utf-8", "utf8") or not hasattr(stream, "reconfigure"):
            continue
        with contextlib.suppress(Exception):  # closed, detached: reported where it is used
            if stream.isatty():
                stream.reconfigure(errors="backslashreplace")
            else:
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")


class _Group(click.Group):
    """click's group with usage errors in one line, like every other error:
    `harness: error: No such option '--bogus'; try 'harness score --help'` (exit 2)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("standalone_mode", True) or len(args) > 3:
            return super().main(*args, **kwargs)
        kwargs["standalone_mode"] = False
        _safe_streams()
        try:
            rv = super().main(*args, **kwargs)
        except click.UsageError as exc:
            if isinstance(exc, getattr(click.exceptions, "NoArgsIsHelpError", ())):
                exc.show()  # a bare `harness`: the help itself
                sys.exit(exc.exit_code)
            hint = f"; try '{exc.ctx.command_path} --help'" if exc.ctx is not None else ""
            _err(f"error: {exc.format_message().rstrip('.')}{hint}")
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            _err(f"error: {exc.format_message()}")
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            _err("interrupted; no report was written")
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="harness")
def main() -> None:
    """Score candidate summaries on ROUGE, embedding similarity and required facts."""


# ---------------------------------------------------------------------- score


def _parse_metrics(value: str) -> tuple[str, ...]:
    from harness.run import METRICS

    names = tuple(dict.fromkeys(m.strip() for m in value.split(",") if m.strip()))
    for m in names:
        if m not in METRICS:
            raise click.BadParameter(f"unknown metric {m!r} (choose from {', '.join(METRICS)})")
    if not names:
        raise click.BadParameter("name at least one metric")
    return names


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
    help="Gate threshold, repeatable: coverage, rouge1, rouge2, rougeL, rougeLsum, embedding, "
    "embedding_mean, embedding_article; mean.NAME for the run's mean. Overrides the config.",
)
@click.option(
    "--max-contradicted",
    type=int,
    default=None,
    help="Gate: most facts a candidate may contradict.",
)
@click.option(
    "--max-mean-contradicted",
    type=float,
    default=None,
    help="Gate: highest mean number of contradicted facts over the run.",
)
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
@click.option(
    "--resamples",
    type=click.IntRange(100, 1_000_000),
    default=10_000,
    show_default=True,
    help="Bootstrap resamples for --baseline.",
)
@seed_option
@click.option(
    "--follow-symlinks-outside",
    is_flag=True,
    help="Follow candidate symlinks that resolve outside the candidates folder (refused, "
    "as an error for that path, by default).",
)
@debug_option
@handle_errors
def score(
    path: Path,
    references: Path,
    metrics: str,
    stemmer: bool,
    tokenizer: str,
    model: str,
    device: str,
    batch_size: int,
    use_cache: bool,
    cache_dir: Path | None,
    fmt: str | None,
    output: Path | None,
    progress: bool,
    workers: int,
    fail_under: tuple[str, ...],
    max_contradicted: int | None,
    max_mean_contradicted: float | None,
    config_file: Path | None,
    use_gate: bool,
    save_baseline: Path | None,
    baseline: Path | None,
    fail_on_regression: bool,
    resamples: int,
    seed: int,
    follow_symlinks_outside: bool,
    debug: bool,
) -> int:
    """Score every candidate summary under PATH (a folder of .txt/.md files or a JSONL file).

    Exit 0 when every candidate scored and the gate passed, 1 when a candidate could not be
    scored or the gate failed, 2 on a usage or config error, 3 on an internal error.
    """
    from harness.loading import iter_candidates, load_references
    from harness.output import check_output, write_atomic
    from harness.run import RunConfig

    config = RunConfig(
        metrics=_parse_metrics(metrics),
        use_stemmer=stemmer,
        tokenizer=tokenizer,
        model=model,
        device=device,
        batch_size=batch_size,
        cache_dir=cache_dir,
        use_cache=use_cache,
        workers=workers,
    )
    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "json"
    for target in (output, save_baseline):
        if target is not None:
            check_output(target)  # fail before scoring, not after
    if output is None:
        _check_stdout()
    if fail_on_regression and baseline is None:
        raise HarnessError("--fail-on-regression needs --baseline FILE")
    gate_config = None
    if use_gate or baseline is not None:
        from harness.config import load_gate_config, parse_cli_thresholds

        overrides = parse_cli_thresholds(fail_under, max_contradicted, max_mean_contradicted)
        gate_config = load_gate_config(Path.cwd(), config_file, overrides)
    documents = load_references(references)
    _warn_without_facts(documents, config.metrics)
    notes: list[str] = []
    items = iter_candidates(path, documents, notes, follow_symlinks_outside)
    show_progress = progress and sys.stderr.isatty()
    if fmt == "jsonl" and baseline is None and save_baseline is None:
        gate = gate_config if use_gate else None
        return _score_streaming(path, items, notes, documents, config, gate, output, show_progress)

    baseline_report = None
    if baseline is not None:
        from harness.results import load_report

        baseline_report = load_report(baseline)
    items = list(items)
    _print_notes(notes)
    if not items:
        raise HarnessError("no candidates found (expected .txt/.md files or JSONL lines)", path)
    run, elapsed = _score_all(items, documents, config, show_progress)
    gate = comparison = None
    extra: dict[str, Any] = {}
    if use_gate and gate_config is not None:
        from harness.gate import evaluate_gate, gate_to_dict

        gate = evaluate_gate(run, gate_config, documents)
        for note in gate.notes:
            _err(f"note: gate {note}")
        extra["gate"] = gate_to_dict(gate)
    if save_baseline is not None:
        from harness.output import render_json

        write_atomic(save_baseline, render_json(run, extra))
        _err(f"wrote baseline {save_baseline}")
    gated = _gated(gate_config)
    if baseline_report is not None:
        from dataclasses import replace

        from harness.compare import compare_reports, comparison_to_dict
        from harness.results import run_to_dict

        comparison = replace(
            compare_reports(baseline_report, run_to_dict(run), resamples, seed),
            baseline_path=str(baseline),
        )
        extra["comparison"] = comparison_to_dict(comparison, gated, fail_on_regression)
    if fmt == "html":
        from harness.html_report import render_run

        text = render_run(
            run, extra, candidates=items, documents=documents, baseline=baseline_report
        )
    else:
        text = _render_score(fmt, run, extra, gate, comparison, gated, elapsed)
    if output is not None or fmt not in ("table", "markdown", "github"):
        _echo_verdicts(gate, comparison, gated, fmt)
    if output is not None:
        write_atomic(output, text)
        _err(f"wrote {output} ({len(run.candidates)} candidates)")
    elif fmt == "table" and sys.stdout.isatty():
        from rich.console import Console

        from harness.output import build_table

        console = Console()
        console.print(build_table(run, console.width))
        console.print(run.signature, soft_wrap=True, style="dim")
        _print_verdicts(console, gate, comparison, gated)
    else:
        _stdout(text)
    _step_summary(run, gate, comparison, gated)
    regressed = bool(fail_on_regression and comparison and comparison.regressions(gated))
    if comparison is not None:
        regressed = _nothing_compared(comparison, fail_on_regression) or regressed
    failed = run.summary.errors or (gate is not None and not gate.passed) or regressed
    return EXIT_FAILED if failed else EXIT_OK


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


def _score_all(items: list, documents: dict, config: Any, show_progress: bool):
    """Score every candidate in memory (every format but streamed JSONL)."""
    from harness.loading import Dataset
    from harness.run import score as score_dataset

    bar = Progress(len(items), show_progress)
    started = time.monotonic()
    try:
        run = score_dataset(Dataset(documents, tuple(items)), config, on_progress=bar)
    finally:
        bar.close()
    notes = _CandidateNotes()
    for c in run.candidates:
        notes(c)
    notes.close()
    return run, time.monotonic() - started


def _score_streaming(
    path: Path,
    items: Any,
    notes: list[str],
    documents: dict,
    config: Any,
    gate_config: Any,
    output: Path | None,
    show_progress: bool,
) -> int:
    """JSONL out while candidates stream in: memory stays flat however many there are.

    Each line is written as its chunk is scored; the last line holds the summary,
    signature and gate. With --output the file appears only once complete.
    """
    import contextlib

    from harness.gate import GateAccumulator, gate_to_dict, render_gate_text
    from harness.output import AtomicWriter, iter_jsonl, jsonl_tail
    from harness.results import RunResult
    from harness.run import Scorer, SummaryBuilder

    bar = Progress(None, show_progress)
    scorer = Scorer(documents, config, on_progress=bar)
    builder = SummaryBuilder()
    acc = (
        GateAccumulator(
            gate_config, documents, set(config.metrics), keep_checks=False, max_failures=1000
        )
        if gate_config is not None
        else None
    )
    report = _CandidateNotes()
    sink = AtomicWriter(output) if output is not None else contextlib.nullcontext(sys.stdout)
    try:
        with sink as out:
            for result in scorer.iter_results(items):
                out.writelines(iter_jsonl([result]))
                builder.add(result)
                if acc is not None:
                    acc.add(result)
                report(result)
            if builder.total == 0:
                raise HarnessError(
                    "no candidates found (expected .txt/.md files or JSONL lines)", path
                )
            summary = builder.build()
            gate = acc.finish(summary.means) if acc is not None else None
            run = RunResult((), summary, scorer.signature(), scorer.settings())
            out.write(jsonl_tail(run, {"gate": gate_to_dict(gate)} if gate is not None else None))
    except BaseException:
        scorer.close(abort=True)  # no worker outlives Ctrl-C, SIGTERM or an error
        raise
    else:
        scorer.close()
    finally:
        bar.close()
        _print_notes(notes)
        report.close()
    if output is not None:
        _err(f"wrote {output} ({summary.candidates} candidates)")
    if gate is not None:
        for note in gate.notes:
            _err(f"note: gate {note}")
        click.echo(render_gate_text(gate), nl=False, err=True)
    _step_summary(run, gate, None, None)
    failed = summary.errors or (gate is not None and not gate.passed)
    return EXIT_FAILED if failed else EXIT_OK


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


def _step_summary(run, gate, comparison, gated) -> None:
    """Append a Markdown summary to $GITHUB_STEP_SUMMARY when GitHub Actions sets it."""
    if not os.environ.get("GITHUB_STEP_SUMMARY"):
        return
    from harness import ci_report

    md = None
    if comparison is not None:
        from harness.compare import render_comparison_markdown

        md = render_comparison_markdown(comparison, gated)
    _append_step_summary(ci_report.render_step_summary(run, gate, md))


def _append_step_summary(markdown: str) -> None:
    """Append to $GITHUB_STEP_SUMMARY; a write failure is a warning, never a failed run."""
    from harness.ci_report import append_step_summary

    try:
        append_step_summary(markdown)
    except OSError as exc:
        _err(f"warning: cannot append to $GITHUB_STEP_SUMMARY: {exc.strerror or exc}")


def _gated(gate_config: Any) -> list[str] | None:
    """The metrics a regression check gates on: those with thresholds, else all (None)."""
    return list(gate_config.metrics) if gate_config and gate_config.thresholds else None


# ---------------------------------------------------------------------- compare


@main.command()
@click.argument("baseline_path", metavar="BASELINE", type=click.Path(path_type=Path))
@click.argument("current_path", metavar="CURRENT", type=click.Path(path_type=Path))
@click.option(
    "--resamples",
    type=click.IntRange(100, 1_000_000),
    default=10_000,
    show_default=True,
    help="Bootstrap resamples.",
)
@seed_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default=None,
    help="Output format (default: table on a terminal, json otherwise).",
)
@output_option("comparison")
@click.option(
    "--fail-on-regression", is_flag=True, help="Exit 1 when a gated metric regresses significantly."
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Gate config naming the gated metrics (default: harness.toml, else "
    "pyproject.toml, in the current folder; no thresholds: every metric is gated).",
)
@debug_option
@handle_errors
def compare(
    baseline_path: Path,
    current_path: Path,
    resamples: int,
    seed: int,
    fmt: str | None,
    output: Path | None,
    fail_on_regression: bool,
    config_file: Path | None,
    debug: bool,
) -> int:
    """Compare two JSON reports: per-metric deltas with paired bootstrap 95% CIs, lost facts.

    Candidates are matched by (document, id). A metric regresses significantly when its
    whole confidence interval is on the bad side of zero. Exit 1 with --fail-on-regression
    when a gated metric regressed; 2 when a report cannot be read.
    """
    from dataclasses import replace

    from harness.compare import (
        build_renderables,
        compare_reports,
        comparison_to_dict,
        render_comparison_markdown,
        render_comparison_text,
    )
    from harness.config import load_gate_config
    from harness.output import check_output, dumps, write_atomic
    from harness.results import load_report

    if output is not None:
        check_output(output)
    gate_config = load_gate_config(Path.cwd(), config_file)
    gated = _gated(gate_config)
    comparison = replace(
        compare_reports(load_report(baseline_path), load_report(current_path), resamples, seed),
        baseline_path=str(baseline_path),
        current_path=str(current_path),
    )
    data = comparison_to_dict(comparison, gated, fail_on_regression)
    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "json"
    if comparison.signature_mismatch:
        _err(
            "WARNING: the reports' signatures differ; the numbers are not comparable: "
            + "; ".join(comparison.signature_mismatch)
        )
    if fmt == "json":
        text = dumps(data) + "\n"
    elif fmt == "markdown":
        text = render_comparison_markdown(comparison, gated)
    else:
        text = render_comparison_text(comparison, gated)
    if output is not None:
        write_atomic(output, text)
        _err(f"wrote {output}")
    elif fmt == "table" and sys.stdout.isatty():
        from rich.console import Console

        console = Console()
        for item in build_renderables(comparison, gated):
            console.print(item)
    else:
        _stdout(text)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(
            "## harness compare\n\n" + render_comparison_markdown(comparison, gated)
        )
    for m in comparison.regressions(gated):
        _err(f"regression: {m.metric} {m.delta:+.4f} (CI {m.ci_low:+.4f} to {m.ci_high:+.4f})")
    nothing = _nothing_compared(comparison, fail_on_regression)
    return EXIT_FAILED if data["failed"] or nothing else EXIT_OK


def _nothing_compared(comparison: Any, fail_on_regression: bool) -> bool:
    """No candidate scored in both reports: an error under --fail-on-regression, else a warning.

    A regression check that compared nothing must never pass.
    """
    if comparison.matched:
        return False
    kind = "error" if fail_on_regression else "warning"
    _err(
        f"{kind}: no candidate is scored in both reports (matched by document and id): "
        "nothing was compared"
    )
    return fail_on_regression


# ---------------------------------------------------------------------- facts


@main.command()
@click.argument("document", required=False)
@references_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@debug_option
@handle_errors
def facts(document: str | None, references: Path, fmt: str, debug: bool) -> int:
    """Print the required-facts checklist of DOCUMENT (default: every document)."""
    from harness.facts import describe_facts
    from harness.loading import load_document, load_references
    from harness.output import dumps

    if document is not None:
        # only the folder asked for: another incomplete document is no reason to fail
        folder = references / document
        if not folder.is_dir():
            have = ""
            if references.is_dir():
                have = ", ".join(sorted(p.name for p in references.iterdir() if p.is_dir()))
            raise HarnessError(f"unknown document {document!r} (have: {have})", references)
        documents = {document: load_document(folder)}
    else:
        documents = load_references(references)
    chosen = [document] if document else list(documents)
    described = {
        d: describe_facts(documents[d].facts) if documents[d].facts else [] for d in chosen
    }
    if fmt == "json":
        _stdout(dumps(described) + "\n")
        return EXIT_OK
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from harness.text import printable

    console = Console()
    for d, items in described.items():
        if not items:
            console.print(f"[bold]{escape(printable(d))}[/]: no facts.toml")
            continue
        table = Table(
            title=Text(f"{printable(d)}: required facts"), show_lines=True, title_justify="left"
        )
        table.add_column("id", no_wrap=True)
        table.add_column("statement")
        table.add_column("accepts")
        for item in items:
            rest = {k: v for k, v in item.items() if k not in ("id", "statement")}
            accepts = "\n".join(
                printable(f"{k}: {_brief(v)}")
                for k, v in rest.items()
                if v not in (None, [], {}, "")
            )
            table.add_row(  # the facts file's text is data, never rich markup
                Text(printable(item["id"])),
                Text(printable(item.get("statement", ""))),
                Text(accepts),
            )
        console.print(table)
    return EXIT_OK


def _brief(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_brief(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_brief(v)}" for k, v in value.items())
    return str(value)


# ---------------------------------------------------------------------- doctor


@main.command()
@references_option
@model_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@debug_option
@handle_errors
def doctor(
    references: Path, model: str, device: str, cache_dir: Path | None, fmt: str, debug: bool
) -> int:
    """Check offline that references, facts, ROUGE, the model and the cache all work.

    Prints each check with the fix for any problem, then versions; exits 2 when a check fails.
    """
    from harness.doctor import build_tables, report_to_dict, run_doctor
    from harness.errors import EXIT_USAGE
    from harness.output import dumps

    report = run_doctor(references, model, device, cache_dir)
    if fmt == "json":
        _stdout(dumps(report_to_dict(report)) + "\n")
    else:
        from rich.console import Console

        console = Console(width=None if sys.stdout.isatty() else 120)
        for table in build_tables(report):
            console.print(table)
    if not report.ok:
        failed = [c.name for c in report.checks if c.status == "fail"]
        _err(f"error: doctor found problems: {', '.join(failed)} (see the fix column)")
        return EXIT_USAGE
    return EXIT_OK


# ---------------------------------------------------------------------- calibrate


@main.command()
@click.argument("labels", type=click.Path(path_type=Path))
@click.argument("candidates", type=click.Path(path_type=Path), required=False)
@references_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@output_option("report")
@click.option(
    "--min-accuracy",
    type=click.FloatRange(0, 1),
    default=None,
    help="Exit 1 when overall accuracy is below this (e.g. 0.95).",
)
@debug_option
@handle_errors
def calibrate(
    labels: Path,
    candidates: Path | None,
    references: Path,
    fmt: str,
    output: Path | None,
    min_accuracy: float | None,
    debug: bool,
) -> int:
    """Measure the facts checklist against your own hand labels.

    LABELS is a CSV/TSV (candidate,fact,expected[,document]) whose texts come from
    CANDIDATES (a folder or JSONL), or a self-contained JSONL ({"id", "summary",
    "labels": {fact: verdict}}). Prints per fact the confusion matrix, precision and
    recall of each verdict and every disagreement with its evidence. Exits 1 when a
    label `contradicted` was judged `present` (the error a CI gate must never make)
    or accuracy is under --min-accuracy.
    """
    from harness import calibrate as cal
    from harness.loading import Candidate, iter_candidates, load_references
    from harness.output import dumps, write_atomic

    documents = load_references(references)
    factsets = {d: doc.facts for d, doc in documents.items() if doc.facts is not None}
    if not factsets:
        raise HarnessError("no document has a facts.toml to calibrate", references)
    items = cal.load_labels(labels)
    texts: dict[str, str] = {}
    if candidates is not None:
        for c in iter_candidates(candidates, documents):
            if isinstance(c, Candidate):
                texts[c.id] = c.text
            else:
                _err(f"error: {c.error}")
    report = cal.calibrate(items, texts, factsets)
    if fmt == "json":
        text = dumps(cal.report_to_dict(report)) + "\n"
    elif output is not None:
        text = cal.render_text(report)
    else:
        from rich.console import Console

        Console().print(cal.render_calibration(report))
        text = None
    if text is not None and output is not None:
        write_atomic(output, text)
        _err(f"wrote {output}")
    elif text is not None:
        _stdout(text)
    failed = report.contradicted_as_present > 0 or (
        min_accuracy is not None and (report.accuracy or 0.0) < min_accuracy
    )
    return EXIT_FAILED if failed else EXIT_OK


# ---------------------------------------------------------------------- explain


@main.command()
@click.argument("candidate", required=False)
@click.option("--fact", "fact_id", default=None, help="Explain only this fact.")
@click.option("--text", default=None, help="Explain this text instead of a candidate.")
@click.option(
    "--candidates",
    type=click.Path(path_type=Path),
    default=Path("candidates"),
    show_default=True,
    help="Where CANDIDATE is looked up by id (a folder or JSONL).",
)
@click.option(
    "--document", default=None, help="Document whose facts apply (default: the only one)."
)
@references_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@debug_option
@handle_errors
def explain(
    candidate: str | None,
    fact_id: str | None,
    text: str | None,
    candidates: Path,
    document: str | None,
    references: Path,
    fmt: str,
    debug: bool,
) -> int:
    """Show why each fact verdict was given for one CANDIDATE (a file, or an id in
    --candidates), or for --text.

    For each fact: the verdict and why it won, then every statement of the fact found,
    with its clause, the words that filled each slot, the negation cues and whether the
    statement came out negated, hedges, the context/exclude decision, and what it counted as.
    """
    from harness import explain as ex
    from harness.loading import Candidate, iter_candidates, load_document, load_references
    from harness.output import dumps

    if (candidate is None) == (text is None):
        raise click.UsageError("give a CANDIDATE (file or id) or --text, not both")
    if document is not None:
        documents = {document: load_document(references / document)}
    else:
        documents = load_references(references)
    label = candidate or "--text"
    if text is None:
        assert candidate is not None
        path = Path(candidate)
        if path.is_file():
            from harness.loading import read_text

            text = read_text(path)
        else:
            for c in iter_candidates(candidates, documents):
                if isinstance(c, Candidate) and c.id == candidate:
                    text, document = c.text, document or c.document
                    break
            else:
                raise HarnessError(
                    f"no candidate {candidate!r}: not a file, and no such id", candidates
                )
    with_facts = {d: doc.facts for d, doc in documents.items() if doc.facts is not None}
    if document is None:
        if len(with_facts) != 1:
            have = ", ".join(sorted(with_facts)) or "none"
            raise HarnessError(
                f"several documents have facts; choose one with --document (have: {have})",
                references,
            )
        document = next(iter(with_facts))
    factset = with_facts.get(document)
    if factset is None:
        raise HarnessError(f"document {document!r} has no facts.toml", references / document)
    if fact_id is not None and factset.get(fact_id) is None:
        raise HarnessError(
            f"unknown fact {fact_id!r} (facts: {', '.join(factset.ids)})", factset.path
        )
    explanations = ex.explain(text, factset, fact_id)
    if fmt == "json":
        data = {
            "candidate": label,
            "document": document,
            "facts": [ex.explanation_to_dict(e) for e in explanations],
        }
        click.echo(dumps(data))
    else:
        click.echo(f"candidate {label} / document {document}\n")
        click.echo(ex.render_explanations(explanations, factset), nl=False)
    return EXIT_OK


# ---------------------------------------------------------------------- cache


@main.group()
def cache() -> None:
    """Show or clear the cache of embeddings and fact verdicts."""


def _cache_dir_option(func: Callable) -> Callable:
    return click.option(
        "--cache-dir",
        type=click.Path(path_type=Path),
        default=None,
        help="Cache folder (default ~/.cache/harness or $HARNESS_CACHE_DIR).",
    )(func)


@cache.command("info")
@_cache_dir_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@debug_option
@handle_errors
def cache_info(cache_dir: Path | None, fmt: str, debug: bool) -> int:
    """Where the cache is, its size, and its entries per family."""
    from harness.cache import EmbeddingCache
    from harness.output import dumps

    store = EmbeddingCache(cache_dir)
    info = store.info()
    store.close()
    if fmt == "json":
        click.echo(dumps(info))
        return EXIT_OK
    entries = info["entries"]
    click.echo(f"cache: {info['path']}{'' if info['exists'] else ' (not created yet)'}")
    click.echo(f"size: {int(info['bytes']) / 1e6:.1f} MB")  # type: ignore[call-overload]
    for family, n in entries.items():  # type: ignore[union-attr]
        click.echo(f"{family}: {n} entries (at most {info['max_rows_per_family']})")
    return EXIT_OK


@cache.command("clear")
@_cache_dir_option
@click.option(
    "--family",
    type=click.Choice(["all", "embeddings", "facts"]),
    default="all",
    show_default=True,
    help="Which entries to delete.",
)
@debug_option
@handle_errors
def cache_clear(cache_dir: Path | None, family: str, debug: bool) -> int:
    """Delete cached entries (all, or one family)."""
    from harness.cache import EmbeddingCache

    store = EmbeddingCache(cache_dir)
    if not store.path.exists():
        click.echo(f"cache: {store.path} does not exist; nothing to clear")
        return EXIT_OK
    gone = store.clear(family)
    store.close()
    click.echo(", ".join(f"{k}: {v} entries deleted" for k, v in gone.items()))
    return EXIT_OK


# ---------------------------------------------------------------------- report


@main.command()
@click.argument("results", type=click.Path(path_type=Path))
@output_option("HTML report")
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    default=None,
    help="Results of an earlier run: show deltas and regressions against it.",
)
@references_option
@click.option("--title", default="Summarization report", show_default=True)
@click.option(
    "--with-texts",
    is_flag=True,
    help="Re-read each candidate's text from the path the results name (only under the "
    "--texts-root folders); without it the page shows the recorded evidence only.",
)
@click.option(
    "--texts-root",
    "texts_roots",
    multiple=True,
    type=click.Path(path_type=Path),
    help="With --with-texts: a folder texts may be read from, repeatable (default: the "
    "working folder and the results file's folder).",
)
@debug_option
@handle_errors
def report(
    results: Path,
    output: Path | None,
    baseline: Path | None,
    references: Path,
    title: str,
    with_texts: bool,
    texts_roots: tuple[Path, ...],
    debug: bool,
) -> int:
    """Render saved RESULTS (JSON or JSONL from `harness score`) as one self-contained HTML file.

    RESULTS is untrusted data: every field is checked and escaped. With --with-texts,
    candidate texts are re-read from each candidate's path (a file or FILE.jsonl:LINE),
    only under the --texts-root folders; references come from --references. What cannot
    be read is noted and its evidence shown.
    """
    from harness import html_report as hr
    from harness.output import check_output, write_atomic
    from harness.results import load_report

    if output is not None:
        check_output(output)
    data = load_report(results)
    base = load_report(baseline) if baseline is not None else None
    texts: dict = {}
    problems: dict = {}
    if with_texts:
        roots = list(texts_roots) or [Path.cwd(), results.resolve().parent]
        texts, problems = hr.candidate_texts(data, results.resolve().parent, roots)
    if problems:
        _err(
            f"note: {len(problems)} candidate text(s) could not be re-read; "
            "the report shows their evidence only"
        )
    documents: dict[str, Any] = {}
    try:
        documents = hr.documents_from_folder(references)
    except HarnessError as exc:
        _err(f"note: references not shown: {exc}")
    text = hr.render_html(
        data,
        texts,
        documents,
        base,
        title=title,
        source=str(results),
        baseline_name=str(baseline) if baseline else None,
        text_problems=problems,
    )
    if output is not None:
        write_atomic(output, text)
        _err(f"wrote {output} ({len(data['candidates'])} candidates)")
    else:
        _stdout(text)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    main()
