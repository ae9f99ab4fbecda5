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


def _append_step_summary(markdown: str) -> None:
    """Append to $GITHUB_STEP_SUMMARY; a write failure is a warning, never a failed run."""
    from harness.ci_report import append_step_summary

    try:
        append_step_summary(markdown)
    except OSError as exc:
        _err(f"warning: cannot append to $GITHUB_STEP_SUMMARY: {exc.strerror or exc}")


from harness import cli_reports, cli_score  # noqa: E402, F401  (the commands register on main)

if __name__ == "__main__":  # pragma: no cover
    # `python -m harness.cli`: the commands registered on the imported module's group
    from harness.cli import main as registered

    registered()
