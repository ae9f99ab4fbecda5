"""Past one machine on the command line: `score --engine/--ray-address/--shard` and
`harness merge` (shard reports into one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from harness.cli import (
    FORMATS,
    _err,
    _stdout,
    debug_option,
    gate_config,
    gate_options,
    handle_errors,
    main,
    output_option,
)
from harness.errors import EXIT_FAILED, EXIT_OK


def engine_options(func: Callable) -> Callable:
    """`--engine`, `--ray-address` and `--shard` for `harness score`."""
    func = click.option(
        "--shard",
        default=None,
        metavar="I/N",
        help="Score only shard I of N (a stable split by a hash of the candidate id); "
        "combine the N reports with `harness merge`.",
    )(func)
    func = click.option(
        "--ray-address",
        default=None,
        metavar="ADDRESS",
        help="With --engine ray: the Ray cluster to join (default: a local Ray instance, "
        "or $RAY_ADDRESS).",
    )(func)
    return click.option(
        "--engine",
        type=click.Choice(["local", "ray"]),
        default="local",
        show_default=True,
        help="Where candidates are scored: this process, or a Ray cluster "
        "(pip install 'harness[ray]').",
    )(func)


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("merged report")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f for f in FORMATS if f not in ("html", "junit", "github")]),
    default="json",
    show_default=True,
    help="Output format of the merged report.",
)
@click.option(
    "--references",
    type=click.Path(path_type=Path),
    default=None,
    help="Reference folder, for the gate's required-facts checks (skipped without it).",
)
@gate_options
@debug_option
@handle_errors
def merge(
    reports: tuple[Path, ...],
    output: Path | None,
    fmt: str,
    references: Path | None,
    config_file: Path | None,
    fail_under: tuple[str, ...],
    fail_over: tuple[str, ...],
    use_gate: bool,
    debug: bool,
) -> int:
    """Merge the shard reports of `harness score --shard I/N` (all N of them) into the
    report of one run: summary and gate recomputed. Exit 2 when they do not fit together
    (another signature or settings, a shard missing or twice, an id in two shards)."""
    from harness.merge import merge_reports
    from harness.output import RENDERERS, check_output, write_atomic

    gate = gate_config(config_file, fail_under, fail_over) if use_gate else None
    documents = None
    if references is not None:
        from harness.loading import load_references

        documents = load_references(references)
    if output is not None:
        check_output(output)
    merged = merge_reports(list(reports), gate, documents)
    outcome = merged.outcome
    text = RENDERERS[fmt](outcome.run, outcome.extra())
    if outcome.gate is not None:
        from harness.gate import render_gate_text

        click.echo(render_gate_text(outcome.gate), nl=False, err=True)
    if output is not None:
        write_atomic(output, text)
        _err(f"wrote {output} ({len(outcome.run.candidates)} candidates, {merged.shards} shards)")
    else:
        _stdout(text)
    return EXIT_FAILED if outcome.failed else EXIT_OK


def shard_run(value: str | None) -> Any:
    """The `ShardRun` for `--shard I/N`, or None."""
    if value is None:
        return None
    from harness.shard import Shard, ShardRun

    return ShardRun(Shard.parse(value))
