"""`harness calibrate`: measure the fact checker against your own labels.

Label a few of your own candidates per fact, run the checker over them, and
see per fact the confusion matrix (expected x predicted), precision and recall
of each verdict, accuracy, and every disagreement with its evidence, so a team
knows how far to trust the checklist on its own data.

Label files
-----------

Two formats are accepted (chosen by file extension):

1. **CSV / TSV** (``.csv``, ``.tsv``; TSV when the header has a tab): a
   header row with the columns ``candidate,fact,expected`` and optionally
   ``document``; one row per (candidate, fact) label::

       candidate,fact,expected
       good-summary,museum-closed,present
       wrong-summary,director-resigned,contradicted

   The candidate ids name candidates in a separate candidates path (a folder
   of ``.txt`` / ``.md`` files, the id being the file name without extension,
   or a JSONL file), given to the command as its second argument. Without a
   ``document`` column every label belongs to the only document that has a
   facts file.

2. **Self-contained JSONL** (``.jsonl``): one candidate per line, with its
   text and its labels::

       {"id": "lab-001", "document": "museum-story", "summary": "...",
        "labels": {"museum-closed": "present", "director-resigned": "absent"}}

   ``document`` is optional as above. Blank lines are skipped.

Verdicts are ``present``, ``absent`` and ``contradicted``. Where a careful reader
would accept two verdicts, give both, the preferred first: a list in JSONL
(``"museum-closed": ["present", "absent"]``) or a ``present|absent`` string (in CSV,
and in JSONL too); the checker agrees when it gives any of them, and otherwise the preferred one is
counted in the confusion matrix. Every disagreement carries the checker's
reason (``harness explain`` shows the whole of it). A bad file (missing
column, broken JSON line, unknown verdict, unknown fact id, duplicate label) is
a ConfigError naming the file and line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from harness.errors import ConfigError
from harness.facts import FactSet
from harness.matcher import FactResult, check_facts, explain_fact
from harness.results import iter_json_lines, read_text_file

VERDICTS: tuple[str, ...] = ("present", "absent", "contradicted")


@dataclass(frozen=True)
class Label:
    candidate: str
    document: str | None
    fact: str
    expected: str  # the preferred verdict
    summary: str | None = None
    path: str | None = None  # where the label came from, for error messages
    line: int | None = None
    also: tuple[str, ...] = ()  # further verdicts a careful reader would accept

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.expected, *self.also)


@dataclass(frozen=True)
class Disagreement:
    candidate: str
    fact: str
    expected: str
    predicted: str
    evidence: str | None
    span: tuple[int, int] | None
    confidence: float
    reason: str = ""  # why the checker gave its verdict (harness explain, in one line)


@dataclass(frozen=True)
class VerdictStats:
    verdict: str
    precision: float | None  # None when the checker never predicted it
    recall: float | None  # None when no label expects it
    support: int  # labels expecting it


@dataclass(frozen=True)
class FactCalibration:
    document: str
    fact: str
    n: int
    correct: int
    accuracy: float | None
    # confusion[i][j]: labels expecting VERDICTS[i] predicted VERDICTS[j]
    confusion: tuple[tuple[int, int, int], ...]
    stats: tuple[VerdictStats, ...]
    disagreements: tuple[Disagreement, ...]


@dataclass(frozen=True)
class CalibrationReport:
    facts: tuple[FactCalibration, ...]
    n: int
    correct: int
    accuracy: float | None
    # the worst confusions, over all facts
    contradicted_as_present: int
    present_as_contradicted: int


# ---------------------------------------------------------------- loading


def _check_verdict(value: str, path: Path, line: int) -> str:
    v = (value or "").strip().lower()
    if v not in VERDICTS:
        raise ConfigError(
            f"unknown verdict {value!r} (expected one of: {', '.join(VERDICTS)})", path, line
        )
    return v


def _check_verdicts(value, path: Path, line: int, fact: str) -> tuple[str, ...]:
    """One verdict, or several acceptable ones: a list in JSONL, or a "present|absent"
    string in CSV or JSONL (the first is the preferred label)."""
    if isinstance(value, str):
        items = value.split("|")
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        items = value
    else:
        raise ConfigError(
            f"verdict for {fact!r} must be a string or a non-empty list of strings", path, line
        )
    out = tuple(dict.fromkeys(_check_verdict(v, path, line) for v in items))
    return out


def load_labels(path: Path) -> list[Label]:
    """Read a label file (CSV/TSV or JSONL, see the module docstring)."""
    path = Path(path)
    text = read_text_file(path, "labels file")
    if path.suffix.lower() == ".jsonl" or (
        path.suffix.lower() not in (".csv", ".tsv") and text.lstrip().startswith("{")
    ):
        return _load_jsonl(text, path)
    return _load_csv(text, path)


def _is_text(*values: str) -> bool:
    """No lone surrogate (a JSON "\\ud800" escape) in any of `values`."""
    try:
        for value in values:
            value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _load_jsonl(text: str, path: Path) -> list[Label]:
    labels: list[Label] = []
    seen: set[tuple[str | None, str, str]] = set()
    for n, obj in iter_json_lines(text, path):
        if not isinstance(obj, dict):
            raise ConfigError("each line must be a JSON object", path, n)
        for key in ("id", "summary", "labels"):
            if key not in obj:
                raise ConfigError(f"missing key {key!r}", path, n)
        cid, summary, labs = obj["id"], obj["summary"], obj["labels"]
        doc = obj.get("document")
        if not isinstance(cid, str) or not cid:
            raise ConfigError("'id' must be a non-empty string", path, n)
        if not isinstance(summary, str):
            raise ConfigError("'summary' must be a string", path, n)
        if doc is not None and not isinstance(doc, str):
            raise ConfigError("'document' must be a string", path, n)
        if not isinstance(labs, dict) or not labs:
            raise ConfigError("'labels' must be a non-empty object {fact_id: verdict}", path, n)
        if not _is_text(cid, summary, doc or "", *labs, *map(str, labs.values())):
            raise ConfigError(
                "a string holds an unpaired surrogate escape (such as \\ud800)", path, n
            )
        for fact, verdict in labs.items():
            verdicts = _check_verdicts(verdict, path, n, fact)
            key = (doc, cid, fact)
            if key in seen:
                raise ConfigError(f"duplicate label for candidate {cid!r}, fact {fact!r}", path, n)
            seen.add(key)
            labels.append(
                Label(cid, doc, fact, verdicts[0], summary, str(path), n, also=verdicts[1:])
            )
    if not labels:
        raise ConfigError("no labels in file", path)
    return labels


def _load_csv(text: str, path: Path) -> list[Label]:
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = "\t" if (path.suffix.lower() == ".tsv" or "\t" in first) else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, starts = [], []  # each row and the line it starts on (a quoted field may span lines)
    try:
        while True:
            start = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            rows.append(row)
            starts.append(start)
    except csv.Error as exc:  # a field over csv's size limit, a NUL byte
        raise ConfigError(f"malformed CSV: {exc}", path, reader.line_num) from None
    if not rows:
        raise ConfigError("empty labels file (expected a header: candidate,fact,expected)", path, 1)
    header = [h.strip().lower() for h in rows[0]]
    for col in ("candidate", "fact", "expected"):
        if col not in header:
            raise ConfigError(
                f"missing column {col!r} in header (need candidate,fact,expected"
                " and optionally document)",
                path,
                1,
            )
    idx = {h: i for i, h in enumerate(header)}
    labels: list[Label] = []
    seen: set[tuple[str | None, str, str]] = set()
    for n, row in zip(starts[1:], rows[1:], strict=True):
        if not row or all(not c.strip() for c in row):
            continue
        if row[0].lstrip().startswith("#"):
            continue
        if len(row) < len(header):
            raise ConfigError(f"expected {len(header)} columns, got {len(row)}", path, n)
        cid = row[idx["candidate"]].strip()
        fact = row[idx["fact"]].strip()
        doc = row[idx["document"]].strip() if "document" in idx else None
        if not cid or not fact:
            raise ConfigError("empty candidate or fact", path, n)
        key = (doc or None, cid, fact)
        if key in seen:
            raise ConfigError(f"duplicate label for candidate {cid!r}, fact {fact!r}", path, n)
        seen.add(key)
        verdicts = _check_verdicts(row[idx["expected"]], path, n, fact)
        labels.append(
            Label(cid, doc or None, fact, verdicts[0], None, str(path), n, also=verdicts[1:])
        )
    if not labels:
        raise ConfigError("no labels in file", path)
    return labels


# ---------------------------------------------------------------- computing


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _resolve_document(label: Label, factsets: Mapping[str, FactSet]) -> str:
    if label.document is not None:
        if label.document not in factsets:
            known = ", ".join(sorted(factsets)) or "none"
            raise ConfigError(
                f"unknown document {label.document!r} (documents with facts: {known})",
                label.path,
                label.line,
            )
        return label.document
    if len(factsets) == 1:
        return next(iter(factsets))
    raise ConfigError(
        "label names no document and several documents have facts; add a document column/key",
        label.path,
        label.line,
    )


def calibrate(
    labels: list[Label],
    texts: Mapping[str, str],
    factsets: Mapping[str, FactSet],
) -> CalibrationReport:
    """Run the checker on every labeled (candidate, fact) and compare.

    `texts` maps candidate id -> text for labels without an inline summary
    (CSV labels); a JSONL label's own summary wins. `factsets` maps document
    id -> its FactSet.
    """
    cache: dict[tuple[str, str], dict[str, FactResult]] = {}
    order: list[tuple[str, str]] = []
    rows: dict[tuple[str, str], list[tuple[Label, FactResult, str]]] = {}
    for label in labels:
        doc = _resolve_document(label, factsets)
        fs = factsets[doc]
        if fs.get(label.fact) is None:
            raise ConfigError(
                f"unknown fact id {label.fact!r} for document {doc!r} (facts: {', '.join(fs.ids)})",
                label.path,
                label.line,
            )
        text = label.summary if label.summary is not None else texts.get(label.candidate)
        if text is None:
            raise ConfigError(
                f"no candidate text for {label.candidate!r} (not in the candidates given)",
                label.path,
                label.line,
            )
        ck = (doc, label.candidate if label.summary is None else f"{label.candidate}\0{text}")
        if ck not in cache:
            cache[ck] = {r.id: r for r in check_facts(text, fs).results}
        result = cache[ck][label.fact]
        key = (doc, label.fact)
        if key not in rows:
            rows[key] = []
            order.append(key)
        rows[key].append((label, result, text))

    # facts in facts-file order within each document
    def sort_key(key: tuple[str, str]) -> tuple[str, int]:
        doc, fact = key
        return doc, factsets[doc].ids.index(fact)

    facts_out = []
    for key in sorted(order, key=sort_key):
        doc, fact = key
        matrix = [[0, 0, 0] for _ in VERDICTS]
        disagreements = []
        fact_obj = factsets[doc].get(fact)
        for label, r, text in rows[key]:
            # a verdict among the acceptable ones counts as agreement
            expected = r.verdict if r.verdict in label.accepted else label.expected
            matrix[VERDICTS.index(expected)][VERDICTS.index(r.verdict)] += 1
            if expected != r.verdict:
                reason = explain_fact(text, fact_obj).reason if fact_obj is not None else ""
                disagreements.append(
                    Disagreement(
                        label.candidate,
                        fact,
                        "|".join(label.accepted),
                        r.verdict,
                        r.evidence,
                        r.span,
                        r.confidence,
                        reason,
                    )
                )
        n = sum(map(sum, matrix))
        correct = sum(matrix[i][i] for i in range(3))
        stats = []
        for i, v in enumerate(VERDICTS):
            predicted = sum(matrix[k][i] for k in range(3))
            expected = sum(matrix[i])
            stats.append(
                VerdictStats(
                    v, _ratio(matrix[i][i], predicted), _ratio(matrix[i][i], expected), expected
                )
            )
        facts_out.append(
            FactCalibration(
                document=doc,
                fact=fact,
                n=n,
                correct=correct,
                accuracy=_ratio(correct, n),
                confusion=tuple(tuple(r) for r in matrix),
                stats=tuple(stats),
                disagreements=tuple(disagreements),
            )
        )
    n = sum(f.n for f in facts_out)
    correct = sum(f.correct for f in facts_out)
    p, c = VERDICTS.index("present"), VERDICTS.index("contradicted")
    return CalibrationReport(
        facts=tuple(facts_out),
        n=n,
        correct=correct,
        accuracy=_ratio(correct, n),
        contradicted_as_present=sum(f.confusion[c][p] for f in facts_out),
        present_as_contradicted=sum(f.confusion[p][c] for f in facts_out),
    )


# ---------------------------------------------------------------- output


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.0%}" if x in (0.0, 1.0) else f"{x:.1%}"


def report_to_dict(report: CalibrationReport) -> dict:
    """JSON-able form of a report."""
    return {
        "n": report.n,
        "correct": report.correct,
        "accuracy": report.accuracy,
        "contradicted_as_present": report.contradicted_as_present,
        "present_as_contradicted": report.present_as_contradicted,
        "verdicts": list(VERDICTS),
        "facts": [
            {
                "document": f.document,
                "fact": f.fact,
                "n": f.n,
                "correct": f.correct,
                "accuracy": f.accuracy,
                "confusion": {
                    exp: {pred: f.confusion[i][j] for j, pred in enumerate(VERDICTS)}
                    for i, exp in enumerate(VERDICTS)
                },
                "per_verdict": {
                    s.verdict: {"precision": s.precision, "recall": s.recall, "support": s.support}
                    for s in f.stats
                },
                "disagreements": [
                    {
                        "candidate": d.candidate,
                        "expected": d.expected,
                        "predicted": d.predicted,
                        "evidence": d.evidence,
                        "span": list(d.span) if d.span else None,
                        "confidence": d.confidence,
                        "reason": d.reason,
                    }
                    for d in f.disagreements
                ],
            }
            for f in report.facts
        ],
    }


def render_text(report: CalibrationReport, max_evidence: int = 160) -> str:
    """Plain-text rendering (also what `render_calibration` shows)."""
    out: list[str] = []
    short = {"present": "present", "absent": "absent", "contradicted": "contra."}
    for f in report.facts:
        out.append(f"{f.document} / {f.fact}: accuracy {_pct(f.accuracy)} ({f.correct}/{f.n})")
        out.append("  expected \\ predicted " + " ".join(f"{short[v]:>8}" for v in VERDICTS))
        for i, v in enumerate(VERDICTS):
            out.append(f"  {v:<21}" + " ".join(f"{f.confusion[i][j]:>8}" for j in range(3)))
        for s in f.stats:
            out.append(
                f"  {s.verdict:<13} precision {_pct(s.precision):>6}  recall {_pct(s.recall):>6}"
                f"  (n={s.support})"
            )
        for d in f.disagreements:
            ev = (d.evidence or "-").replace("\n", " ")
            if len(ev) > max_evidence:
                ev = ev[: max_evidence - 1] + "…"
            out.append(
                f"  ✗ {d.candidate}: expected {d.expected}, got {d.predicted} ({d.reason}) | {ev}"
            )
        out.append("")
    out.append(f"overall accuracy {_pct(report.accuracy)} ({report.correct}/{report.n})")
    out.append(
        f"contradicted labeled, predicted present: {report.contradicted_as_present};"
        f" present labeled, predicted contradicted: {report.present_as_contradicted}"
    )
    return "\n".join(out)


def render_calibration(report: CalibrationReport):
    """A rich renderable: one table per fact plus the disagreements."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts = []
    for f in report.facts:
        t = Table(
            title=f"{f.document} / {f.fact} — accuracy {_pct(f.accuracy)} ({f.correct}/{f.n})",
            title_justify="left",
        )
        t.add_column("expected \\ predicted")
        for v in VERDICTS:
            t.add_column(v, justify="right")
        t.add_column("recall", justify="right")
        for i, v in enumerate(VERDICTS):
            t.add_row(v, *(str(f.confusion[i][j]) for j in range(3)), _pct(f.stats[i].recall))
        t.add_row("precision", *(_pct(s.precision) for s in f.stats), "", style="dim")
        parts.append(t)
        for d in f.disagreements:
            parts.append(
                Text(
                    f"  ✗ {d.candidate}: expected {d.expected}, got {d.predicted}"
                    f" ({d.reason}) | {(d.evidence or '-')[:200]}"
                )
            )
    parts.append(
        Text(
            f"overall accuracy {_pct(report.accuracy)} ({report.correct}/{report.n}); "
            f"contradicted→present {report.contradicted_as_present}, "
            f"present→contradicted {report.present_as_contradicted}",
            style="bold",
        )
    )
    return Group(*parts)


def texts_from_labels(labels: list[Label]) -> dict[str, str]:
    """Candidate texts carried inline by JSONL labels."""
    return {lab.candidate: lab.summary for lab in labels if lab.summary is not None}
