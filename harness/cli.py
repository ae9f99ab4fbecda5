"""The `harness` command line: a thin click layer over the library."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from harness import __version__
from harness.errors import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, HarnessError

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


def _stdout(text: str | Callable[[Any], None]) -> None:
    """Write `text`, or let a writer (`harness.output.write_json`) write, to stdout."""
    _check_stdout()
    if callable(text):
        text(sys.stdout)
    else:
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


def bootstrap_options(scope: str = "") -> Callable[[Callable], Callable]:
    """`--resamples` and `--seed`: the paired bootstrap's settings (score --baseline, compare)."""

    def apply(func: Callable) -> Callable:
        func = click.option(
            "--seed",
            type=click.IntRange(0, 2**63 - 1),
            default=0,
            show_default=True,
            help="Bootstrap seed.",
        )(func)
        return click.option(
            "--resamples",
            type=click.IntRange(100, 1_000_000),
            default=10_000,
            show_default=True,
            help=f"Bootstrap resamples{scope}.",
        )(func)

    return apply


def gate_options(func: Callable) -> Callable:
    """`--fail-under`, `--fail-over`, `--config` and `--gate/--no-gate`: the CI gate's
    thresholds and switch (score, merge); `gate_config` reads them."""
    for decorator in reversed(
        (
            click.option(
                "--fail-under",
                "fail_under",
                multiple=True,
                metavar="NAME=VALUE",
                help="Gate threshold on a higher-is-better metric, repeatable: rouge1, rouge2, "
                "rougeL, rougeLsum, embedding_max, embedding_mean, embedding_article, coverage, "
                "grounding (and any registered family's); mean.NAME for the run's mean. "
                "Overrides the config.",
            ),
            click.option(
                "--fail-over",
                "fail_over",
                multiple=True,
                metavar="NAME=VALUE",
                help="Gate limit on a lower-is-better metric, repeatable: contradicted, "
                "unsupported (and any registered family's); mean.NAME for the run's mean. "
                "Overrides the config.",
            ),
            click.option(
                "--config",
                "config_file",
                type=click.Path(path_type=Path),
                default=None,
                help="Gate config file (default: harness.toml, else pyproject.toml, in the "
                "current folder).",
            ),
            click.option(
                "--gate/--no-gate", "use_gate", default=True, help="Evaluate the CI gate."
            ),
        )
    ):
        func = decorator(func)
    return func


def gate_config(
    config_file: Path | None,
    fail_under: tuple[str, ...],
    fail_over: tuple[str, ...],
    extra: list[tuple[str, str, str, float]] | None = None,
):
    """The gate's thresholds: the config file (or harness.toml / pyproject.toml here), then
    the options (`gate_options`, and a family's own flags as `extra`)."""
    from harness.config import load_gate_config, parse_cli_thresholds

    overrides = parse_cli_thresholds(fail_under, fail_over, extra or [])
    return load_gate_config(Path.cwd(), config_file, overrides)


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
    type=click.Choice(["all", "embeddings", "embedding", "facts", "rouge", "grounding"]),
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


def _append_step_summary(markdown: str) -> None:
    """Append to $GITHUB_STEP_SUMMARY; a write failure is a warning, never a failed run."""
    from harness.ci_report import append_step_summary

    try:
        append_step_summary(markdown)
    except OSError as exc:
        _err(f"warning: cannot append to $GITHUB_STEP_SUMMARY: {exc.strerror or exc}")


from harness import cli_facts, cli_reports, cli_score  # noqa: E402, F401  (they register on main)

if __name__ == "__main__":  # pragma: no cover
    # `python -m harness.cli`: the commands registered on the imported module's group
    from harness.cli import main as registered

    registered()
