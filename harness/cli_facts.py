"""`harness facts`, `calibrate`, `explain` (the facts checklist) and `doctor` (the setup)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from harness.cli import (
    _err,
    _stdout,
    debug_option,
    handle_errors,
    main,
    model_options,
    output_option,
    references_option,
)
from harness.errors import EXIT_FAILED, EXIT_OK, HarnessError

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
        documents = {document: load_document(folder, need_summaries=False)}
    else:
        documents = load_references(references, need_summaries=False)
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

    documents = load_references(references, need_summaries=False)
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
@click.option(
    "--grounding",
    "grounding",
    is_flag=True,
    help="Explain grounding instead: each number, name, quote and sentence, supported by "
    "the article or not, and why.",
)
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
    grounding: bool,
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
    With --grounding: each specific and sentence against the document's article instead.
    """
    from harness import explain as ex
    from harness.loading import Candidate, iter_candidates, load_document, load_references
    from harness.output import dumps

    if (candidate is None) == (text is None):
        raise click.UsageError("give a CANDIDATE (file or id) or --text, not both")
    if document is not None:
        documents = {document: load_document(references / document, need_summaries=False)}
    else:
        documents = load_references(references, need_summaries=False)
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
    if grounding:
        return _explain_grounding(label, text, document, documents, references, fmt)
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


def _explain_grounding(
    label: str, text: str, document: str | None, documents: dict, references: Path, fmt: str
) -> int:
    """`harness explain --grounding`: the candidate against its document's article."""
    from harness.grounding_explain import (
        explain_grounding,
        explanation_to_dict,
        render_explanation,
    )
    from harness.output import dumps

    if document is None:
        if len(documents) != 1:
            have = ", ".join(sorted(documents))
            raise HarnessError(
                f"several documents; choose one with --document (have: {have})", references
            )
        document = next(iter(documents))
    article = documents[document].article
    if not (article or "").strip():
        raise HarnessError("the article is empty: nothing to ground in", references / document)
    e = explain_grounding(text, article)
    if fmt == "json":
        data = {"candidate": label, "document": document, "grounding": explanation_to_dict(e)}
        click.echo(dumps(data))
    else:
        click.echo(f"candidate {label} / document {document}\n")
        click.echo(render_explanation(e), nl=False)
    return EXIT_OK
