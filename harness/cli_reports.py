"""`harness compare` and `harness report`: reading saved reports back."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Any

import click

from harness.cli import (
    _append_step_summary,
    _err,
    _stdout,
    bootstrap_options,
    debug_option,
    handle_errors,
    main,
    output_option,
    references_option,
)
from harness.errors import EXIT_FAILED, EXIT_OK, HarnessError

# ---------------------------------------------------------------------- compare


@main.command()
@click.argument("baseline_path", metavar="BASELINE", type=click.Path(path_type=Path))
@click.argument("current_path", metavar="CURRENT", type=click.Path(path_type=Path))
@bootstrap_options()
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
        compare_files,
        comparison_to_dict,
        render_comparison_markdown,
        render_comparison_text,
    )
    from harness.compare_stream import write_comparison_json
    from harness.config import load_gate_config
    from harness.output import check_output, write_atomic

    if output is not None:
        check_output(output)
    gate_config = load_gate_config(Path.cwd(), config_file)
    from harness.pipeline import gated_metrics

    gated = gated_metrics(gate_config)
    comparison = replace(
        compare_files(baseline_path, current_path, resamples, seed),  # read as streams
        baseline_path=str(baseline_path),
        current_path=str(current_path),
    )
    data = comparison_to_dict(comparison, gated, fail_on_regression, with_candidates=False)
    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "json"
    if comparison.signature_mismatch:
        _err(
            "WARNING: the reports' signatures differ; the numbers are not comparable: "
            + "; ".join(comparison.signature_mismatch)
        )
    if fmt == "json":  # the per-candidate deltas written one at a time
        text = functools.partial(write_comparison_json, data, comparison)
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
