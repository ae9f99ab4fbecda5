"""A self-contained HTML report: overview, charts, fact matrix, candidate table and details.

The page is rendered from template files (`harness/templates/*.html.j2`, jinja2 with
autoescape on, so every piece of text from the inputs is escaped) over a view model
built here from the report dict. It inlines its CSS, its SVG charts and a little vanilla
JavaScript for sorting and filtering; it makes no network request and opens from disk.
Nothing is scored while rendering: values come from the report, metric names, labels and
directions from the registry (`harness.metrics`), and regressions from `harness.compare`
(a metric whose paired-bootstrap interval lies wholly on the worse side of zero, a fact
found before and not now).

Entry points:

- :func:`render_html` renders a results dict (the JSON contract of
  :func:`harness.results.run_to_dict`, any schema `load_report` reads) plus candidate
  texts and documents.
- :func:`render_run` renders a :class:`~harness.results.RunResult` straight after scoring.
- :func:`candidate_texts` and :func:`documents_from_folder` re-read what a saved results
  file points at (``harness report``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.candidate_text import read_candidate_text
from harness.families.facts import SYMBOL

__all__ = [
    "DocumentTexts",
    "candidate_texts",
    "documents_from_folder",
    "documents_from_loaded",
    "highlight",
    "locate_evidence",
    "read_candidate_text",
    "render_html",
    "render_run",
]


@dataclass(frozen=True)
class DocumentTexts:
    """What the report shows of one source document."""

    article: str = ""
    references: Mapping[str, str] = field(default_factory=dict)
    facts: Sequence[Mapping[str, Any]] = ()  # [{"id", "statement", ...}]


# ============================================================== inputs


def _key(cand: Mapping[str, Any]) -> tuple[str, str]:
    return (str(cand.get("document") or ""), str(cand.get("id")))


def _fact_results(cand: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    facts = cand.get("facts") or {}
    return list(facts.get("results") or [])


def _values(cand: Mapping[str, Any]) -> dict[str, float]:
    if cand.get("status") != "ok":
        return {}
    return {k: float(v) for k, v in (cand.get("metrics") or {}).items()}


def candidate_texts(
    data: Mapping[str, Any], base: Path | None = None, roots: list[Path] | None = None
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """(texts, problems) keyed by (document, id), re-read from each candidate's path
    (only under `roots` when given, see `harness.candidate_text.read_candidate_text`)."""
    texts: dict[tuple[str, str], str] = {}
    problems: dict[tuple[str, str], str] = {}
    for cand in data.get("candidates", []):
        if not cand.get("path"):
            continue
        try:
            texts[_key(cand)] = read_candidate_text(str(cand["path"]), base, roots)
        except Exception as exc:  # any failure: the report shows evidence only, with a note
            problems[_key(cand)] = str(exc) or type(exc).__name__
    return texts, problems


def _describe(factset: Any) -> list[dict[str, Any]]:
    try:
        from harness.facts import describe_facts

        return [dict(d) for d in describe_facts(factset)]
    except Exception:
        items = getattr(factset, "facts", None) or []
        return [
            {"id": getattr(f, "id", str(f)), "statement": getattr(f, "statement", "")}
            for f in items
        ]


def documents_from_loaded(documents: Mapping[str, Any]) -> dict[str, DocumentTexts]:
    """Convert `harness.loading.Document`s into what the report shows."""
    return {
        name: DocumentTexts(
            article=doc.article,
            references={r.name: r.text for r in doc.references},
            facts=_describe(doc.facts) if doc.facts is not None else (),
        )
        for name, doc in documents.items()
    }


def documents_from_folder(references: Path | str) -> dict[str, DocumentTexts]:
    """Load a references folder (raises HarnessError when it cannot be loaded)."""
    from harness.loading import load_references

    return documents_from_loaded(load_references(Path(references)))


def _as_document(value: Any) -> DocumentTexts:
    if isinstance(value, DocumentTexts):
        return value
    if isinstance(value, Mapping):
        return DocumentTexts(
            article=str(value.get("article") or ""),
            references=dict(value.get("references") or {}),
            facts=list(value.get("facts") or ()),
        )
    return documents_from_loaded({"_": value})["_"]


# ============================================================== formatting (template filters)


def _f(value: Any, digits: int = 3) -> str:
    if value is None:
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return str(value)  # a report is untrusted: the template escapes it
    if not math.isfinite(number):
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return f"{number:.{digits}f}"


def _signed(value: float, digits: int = 3) -> str:
    if abs(value) < 0.5 * 10**-digits:
        return "±0"
    return f"{value:+.{digits}f}".replace("-", "−")


# ============================================================== highlighting


def _norm(text: str) -> str:
    from harness.text import fold_keep_offsets

    return " ".join(fold_keep_offsets(text).split()).lower()


def locate_evidence(text: str, result: Mapping[str, Any]) -> tuple[int, int] | None:
    """The evidence span in `text`, checked against the evidence string.

    The stored span is used when it fits the text and covers the evidence; otherwise the
    evidence is searched for; None when it cannot be found (the text changed on disk).
    """
    span = result.get("span")
    evidence = str(result.get("evidence") or "")
    if span and len(span) == 2:
        s, e = int(span[0]), int(span[1])
        if 0 <= s < e <= len(text):
            if not evidence.strip():
                return (s, e)
            got, want = _norm(text[s:e]), _norm(evidence)
            if got == want or (want and want in got):
                return (s, e)
    if evidence.strip():
        for needle in (evidence, evidence.strip()):
            found = text.find(needle)
            if found >= 0:
                return (found, found + len(needle))
    return None


def highlight_segments(
    text: str, results: Iterable[Mapping[str, Any]], statements: Mapping[str, str] | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """The candidate text cut at every evidence boundary: segments {text, verdict, ids,
    tags} (a segment inside evidence of present/contradicted facts has a verdict; tags
    label the facts whose evidence ends there), and notes naming evidence not found."""
    statements = statements or {}
    marks: list[tuple[int, int, str, str]] = []
    notes: list[str] = []
    for r in results:
        verdict = r.get("verdict")
        if verdict not in ("present", "contradicted"):
            continue
        where = locate_evidence(text, r)
        if where is None:
            if r.get("evidence"):
                notes.append(f"evidence for {r.get('id')} not found in the current text")
            continue
        marks.append((where[0], where[1], str(r.get("id")), str(verdict)))
    bounds = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    segments = []
    for a, b in itertools.pairwise(bounds):
        covering = [m for m in marks if m[0] <= a and m[1] >= b]
        verdict = None
        if covering:
            verdict = "contradicted" if any(m[3] == "contradicted" for m in covering) else "present"
        tags = [
            {"id": m[2], "verdict": m[3], "symbol": SYMBOL[m[3]], "tip": statements.get(m[2], "")}
            for m in marks
            if m[1] == b
        ]
        segments.append(
            {
                "text": text[a:b],
                "verdict": verdict,
                "ids": " ".join(m[2] for m in covering),
                "tags": tags,
            }
        )
    return segments, notes


def highlight(
    text: str, results: Iterable[Mapping[str, Any]], statements: Mapping[str, str] | None = None
) -> tuple[str, list[str]]:
    """Candidate text as HTML with evidence of present/contradicted facts marked and labeled;
    (html, notes). Each piece of text is escaped on its own by the template."""
    segments, notes = highlight_segments(text, results, statements)
    macro = _env().get_template("_macros.html.j2").module.highlighted  # type: ignore[attr-defined]
    return str(macro(segments)), notes


# ============================================================== rendering


def _env():
    global _ENV
    if _ENV is None:
        from jinja2 import Environment, PackageLoader, StrictUndefined

        _ENV = Environment(
            loader=PackageLoader("harness", "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=StrictUndefined,
        )
        _ENV.filters["num"] = _f
        _ENV.filters["signed"] = _signed
    return _ENV


_ENV = None


def _asset(name: str) -> str:
    """A file of harness/assets (inlined into the page; the report loads nothing)."""
    from importlib.resources import files

    return files("harness").joinpath("assets", name).read_text(encoding="utf-8")


def render_html(
    run: Mapping[str, Any],
    texts: Mapping[tuple[str, str], str] | None = None,
    documents: Mapping[str, Any] | None = None,
    baseline: Mapping[str, Any] | None = None,
    *,
    title: str = "Summarization report",
    source: str | None = None,
    baseline_name: str | None = None,
    text_problems: Mapping[tuple[str, str], str] | None = None,
    open_limit: int = 6,
) -> str:
    """Render a results dict as one self-contained HTML page.

    `texts` maps (document, candidate id) to the candidate's text; `documents` maps a
    document id to a :class:`DocumentTexts` (or a dict with ``article``, ``references``
    ``{name: text}`` and ``facts`` ``[{id, statement}]``, or a loaded
    ``harness.loading.Document``); `baseline` is another results dict to compare with.
    Candidates that fail the gate or a fact are opened in the details list, up to
    `open_limit` of them.
    """
    from harness.html_view import build_view

    view = build_view(
        run,
        texts or {},
        documents or {},
        baseline,
        title,
        source,
        baseline_name,
        text_problems or {},
        open_limit,
    )
    page = (
        _env()
        .get_template("report.html.j2")
        .render(view=view, css=_asset("report.css"), js=_asset("report.js"))
    )
    return page.rstrip("\n") + "\n"


def render_run(
    run: Any,
    extra: Mapping[str, Any] | None = None,
    *,
    candidates: Iterable[Any] = (),
    documents: Mapping[str, Any] | None = None,
    baseline: Mapping[str, Any] | None = None,
    title: str = "Summarization report",
) -> str:
    """Render a RunResult right after scoring (`harness score --format html`).

    `candidates` are the loaded `harness.loading.Candidate`s (their texts are shown);
    `documents` the loaded documents; `extra` top-level keys added to the JSON (the gate).
    """
    from harness.results import run_to_dict

    data = run_to_dict(run)
    if extra:
        data.update(extra)
    texts = {(str(c.document or ""), str(c.id)): c.text for c in candidates if hasattr(c, "text")}
    docs = documents_from_loaded(documents) if documents else {}
    return render_html(data, texts, docs, baseline, title=title)
