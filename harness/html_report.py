"""A self-contained HTML report: overview, charts, fact matrix, candidate table and details.

The report is one file with inline CSS, inline SVG charts drawn here in Python and a little
vanilla JavaScript for sorting and filtering. It makes no network request and opens from
disk. Every piece of text from the inputs is escaped on its own; evidence highlighting
splits the candidate text at span boundaries and escapes each segment separately, so a
candidate containing ``<script>`` is shown, never run.

Entry points:

- :func:`render_html` renders a results dict (the JSON contract of
  :func:`harness.results.run_to_dict`) plus candidate texts and documents.
- :func:`render_run` renders a :class:`~harness.results.RunResult` straight after scoring.
- :func:`read_candidate_text`, :func:`candidate_texts` and
  :func:`documents_from_folder` re-read what a saved results file points at
  (``harness report``).
"""

from __future__ import annotations

import html
import itertools
import json
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness import __version__

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
VERDICTS = ("present", "absent", "contradicted")
SYMBOL = {"present": "✓", "absent": "✗", "contradicted": "⚠"}
REGRESSION_EPS = 0.01
"""A score that drops by more than this against the baseline counts as a regression."""


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    short: str
    higher_is_better: bool = True


METRICS: tuple[Metric, ...] = (
    Metric("rouge1", "ROUGE-1 F", "R1"),
    Metric("rouge2", "ROUGE-2 F", "R2"),
    Metric("rougeL", "ROUGE-L F", "RL"),
    Metric("rougeLsum", "ROUGE-Lsum F", "RLsum"),
    Metric("embedding_max", "Embedding max", "emb"),
    Metric("embedding_mean", "Embedding mean", "emb·mean"),
    Metric("embedding_article", "Embedding · article", "emb·art"),
    Metric("coverage", "Fact coverage", "coverage"),
    Metric("contradicted", "Contradicted facts", "contra", higher_is_better=False),
)
METRIC_BY_KEY = {m.key: m for m in METRICS}
TABLE_METRICS = (
    "rouge1",
    "rouge2",
    "rougeL",
    "rougeLsum",
    "embedding_max",
    "embedding_article",
    "coverage",
    "contradicted",
)
CHART_METRICS = tuple(m for m in TABLE_METRICS if m != "contradicted")  # counts chart poorly


@dataclass(frozen=True)
class DocumentTexts:
    """What the report shows of one source document."""

    article: str = ""
    references: Mapping[str, str] = field(default_factory=dict)
    facts: Sequence[Mapping[str, Any]] = ()  # [{"id", "statement", ...}]


# ============================================================== data access


def metric_values(cand: Mapping[str, Any]) -> dict[str, float]:
    """The flat metric values of one candidate dict (absent families are left out)."""
    out: dict[str, float] = {}
    if cand.get("status") != "ok":
        return out
    rouge = cand.get("rouge") or {}
    for t in ROUGE_TYPES:
        if t in rouge and rouge[t] is not None:
            out[t] = float(rouge[t]["fmeasure"])
    emb = cand.get("embedding") or {}
    for k in ("max", "mean", "article"):
        if emb.get(k) is not None:
            out[f"embedding_{k}"] = float(emb[k])
    facts = cand.get("facts")
    if facts:
        out["coverage"] = float(facts.get("coverage", 0.0))
        out["contradicted"] = float(facts.get("contradicted", 0))
    return out


def _key(cand: Mapping[str, Any]) -> tuple[str, str]:
    return (str(cand.get("document") or ""), str(cand.get("id")))


def _fact_results(cand: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    facts = cand.get("facts") or {}
    return list(facts.get("results") or [])


_JSONL_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+)$")


def read_candidate_text(
    path: str, base: Path | None = None, roots: list[Path] | None = None
) -> str:
    """Re-read a candidate's text from its `path`: a text file, or `file.jsonl:LINE`.

    Relative paths are tried against the working folder, then against `base` (the folder
    of the results file). With `roots`, a file is read only when it really lies (symlinks
    resolved) under one of them: a report's paths are untrusted (`/etc/passwd`,
    `../../.git/config`). Raises OSError or ValueError when the text cannot be recovered.
    """
    from harness.loading import decode, read_text
    from harness.text import unix_newlines

    allowed = [Path(os.path.realpath(r)) for r in roots] if roots is not None else None

    def inside(p: Path) -> bool:
        if allowed is None:
            return True
        real = Path(os.path.realpath(p))
        return any(real == r or r in real.parents for r in allowed)

    def resolve(p: str) -> Path | None:
        for cand in (Path(p), (base / p) if base is not None else None):
            if cand is not None and cand.is_file():
                if not inside(cand):
                    raise PermissionError(f"{p}: outside the folders texts may be read from")
                return cand
        return None

    found = resolve(path)
    if found is not None:
        return read_text(found)
    m = _JSONL_LINE.match(path)
    if m:
        file = resolve(m.group("file"))
        if file is not None:
            number = int(m.group("line"))
            with file.open("rb") as handle:
                for i, raw in enumerate(handle, start=1):
                    if i == number:
                        record = json.loads(decode(raw, path))
                        summary = record.get("summary") if isinstance(record, dict) else None
                        if not isinstance(summary, str):
                            raise ValueError(f'{path}: no "summary" string on that line')
                        return unix_newlines(summary)
            raise ValueError(f"{path}: the file has fewer lines now")
    raise FileNotFoundError(f"{path}: not found")


def candidate_texts(
    data: Mapping[str, Any], base: Path | None = None, roots: list[Path] | None = None
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """(texts, problems) keyed by (document, id), re-read from each candidate's path
    (only under `roots` when given, see `read_candidate_text`)."""
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


# ============================================================== baseline


@dataclass(frozen=True)
class Delta:
    metric: str
    head: float
    base: float

    @property
    def change(self) -> float:
        return self.head - self.base

    @property
    def regressed(self) -> bool:
        m = METRIC_BY_KEY.get(self.metric)
        eps = 0.5 if self.metric == "contradicted" else REGRESSION_EPS
        if m is not None and not m.higher_is_better:
            return self.change > eps
        return self.change < -eps

    @property
    def improved(self) -> bool:
        m = METRIC_BY_KEY.get(self.metric)
        eps = 0.5 if self.metric == "contradicted" else REGRESSION_EPS
        if m is not None and not m.higher_is_better:
            return self.change < -eps
        return self.change > eps


@dataclass(frozen=True)
class CandidateDelta:
    deltas: dict[str, Delta]
    fact_changes: tuple[tuple[str, str, str], ...]  # (fact id, before, after)

    @property
    def regressions(self) -> list[str]:
        out = [
            f"{METRIC_BY_KEY[d.metric].label if d.metric in METRIC_BY_KEY else d.metric} "
            f"{d.base:.3f} → {d.head:.3f}"
            for d in self.deltas.values()
            if d.regressed
        ]
        rank = {"present": 2, "absent": 1, "contradicted": 0}
        out += [
            f"fact {fid}: {before} → {after}"
            for fid, before, after in self.fact_changes
            if rank.get(after, 1) < rank.get(before, 1)
        ]
        return out

    @property
    def improvements(self) -> int:
        rank = {"present": 2, "absent": 1, "contradicted": 0}
        return sum(d.improved for d in self.deltas.values()) + sum(
            rank.get(a, 1) > rank.get(b, 1) for _, b, a in self.fact_changes
        )


def candidate_delta(head: Mapping[str, Any], base: Mapping[str, Any]) -> CandidateDelta:
    hv, bv = metric_values(head), metric_values(base)
    deltas = {k: Delta(k, hv[k], bv[k]) for k in hv if k in bv}
    before = {r["id"]: r["verdict"] for r in _fact_results(base)}
    changes = tuple(
        (r["id"], before[r["id"]], r["verdict"])
        for r in _fact_results(head)
        if r["id"] in before and before[r["id"]] != r["verdict"]
    )
    return CandidateDelta(deltas, changes)


def compare_with_baseline(
    head: Mapping[str, Any], base: Mapping[str, Any]
) -> dict[str, Any] | None:
    """`harness.compare`'s comparison (paired bootstrap CIs) as a dict; None without it."""
    try:
        from harness import compare
    except ImportError:
        return None
    try:
        comp = compare.compare_reports(dict(base), dict(head))
        return compare.comparison_to_dict(comp)
    except Exception:  # an incompatible compare module: fall back to the simple deltas
        return None


# ============================================================== small helpers


def esc(value: Any) -> str:
    """Escape text for HTML content and quoted attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def _f(value: Any, digits: int = 3) -> str:
    if value is None:
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return esc(value)  # a report is untrusted: never raw text into the page
    if not math.isfinite(number):
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return f"{number:.{digits}f}"


def _signed(value: float, digits: int = 3) -> str:
    if abs(value) < 0.5 * 10**-digits:
        return "±0"
    return f"{value:+.{digits}f}".replace("-", "−")


def _fmt_metric(key: str, value: float | None) -> str:
    if key == "contradicted":
        return "—" if value is None else str(int(value))
    return _f(value)


def _fmt_delta(key: str, delta: Delta | None) -> str:
    if delta is None or abs(delta.change) < 0.0005:
        return ""
    cls = "reg" if delta.regressed else ("imp" if delta.improved else "flat")
    text = _signed(delta.change, 0 if key == "contradicted" else 3)
    return f'<span class="delta {cls}">{esc(text)}</span>'


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
        found = text.find(evidence)
        if found >= 0:
            return (found, found + len(evidence))
        stripped = evidence.strip()
        found = text.find(stripped)
        if found >= 0:
            return (found, found + len(stripped))
    return None


def highlight(
    text: str, results: Iterable[Mapping[str, Any]], statements: Mapping[str, str] | None = None
) -> tuple[str, list[str]]:
    """Candidate text as HTML with evidence of present/contradicted facts marked and labeled.

    Returns (html, notes); notes name evidence that could not be located. The text is cut
    at every span boundary and each piece is escaped on its own.
    """
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
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        piece = esc(text[a:b])
        covering = [m for m in marks if m[0] <= a and m[1] >= b]
        if covering:
            verdict = "contradicted" if any(m[3] == "contradicted" for m in covering) else "present"
            ids = " ".join(m[2] for m in covering)
            out.append(f'<mark class="ev v-{verdict}" data-facts="{esc(ids)}">{piece}</mark>')
        else:
            out.append(piece)
        for m in marks:
            if m[1] == b:
                tip = statements.get(m[2], "")
                out.append(
                    f'<span class="ev-tag v-{m[3]}" title="{esc(tip)}">'
                    f"{SYMBOL[m[3]]} {esc(m[2])}</span>"
                )
    return "".join(out), notes


# ============================================================== charts (inline SVG)


def _jitter(i: int) -> float:
    """Deterministic pseudo-random offset in [-1, 1] for strip plots."""
    x = math.sin(i * 12.9898 + 78.233) * 43758.5453
    return (x - math.floor(x)) * 2 - 1


def distribution_svg(
    values: Sequence[tuple[str, float]],
    baseline: Sequence[float] = (),
    lo: float = 0.0,
    hi: float = 1.0,
    bins: int = 10,
    label: str = "",
) -> str:
    """A histogram over [lo, hi] above a strip plot of every value, with the mean marked."""
    w, h = 280, 132
    left, right = 8, 8
    top, hist_h = 10, 62
    strip_y, strip_h = top + hist_h + 14, 18
    axis_y = strip_y + strip_h + 6
    plot_w = w - left - right
    span = (hi - lo) or 1.0

    def x_of(v: float) -> float:
        return left + (min(max(v, lo), hi) - lo) / span * plot_w

    def counts(vals: Iterable[float]) -> list[int]:
        c = [0] * bins
        for v in vals:
            i = int((min(max(v, lo), hi) - lo) / span * bins)
            c[min(i, bins - 1)] += 1
        return c

    head = counts(v for _, v in values)
    base = counts(baseline) if baseline else []
    peak = max([*head, *base, 1])
    bw = plot_w / bins
    parts = [
        f'<svg class="dist" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        f'aria-label="{esc(label)} distribution">'
    ]
    for i in range(1, bins):
        x = left + i * bw
        parts.append(
            f'<line class="grid" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + hist_h}"/>'
        )
    for i, n in enumerate(head):
        if not n:
            continue
        bh = n / peak * hist_h
        x = left + i * bw
        parts.append(
            f'<rect class="bar" x="{x + 1:.1f}" y="{top + hist_h - bh:.1f}" width="{bw - 2:.1f}" '
            f'height="{bh:.1f}" rx="2"><title>{lo + i * span / bins:.1f}–'
            f"{lo + (i + 1) * span / bins:.1f}: {n}</title></rect>"
        )
    if base:
        d = [f"M{left:.1f},{top + hist_h}"]
        for i, n in enumerate(base):
            y = top + hist_h - n / peak * hist_h
            d.append(f"L{left + i * bw:.1f},{y:.1f}L{left + (i + 1) * bw:.1f},{y:.1f}")
        d.append(f"L{left + plot_w:.1f},{top + hist_h}")
        parts.append(f'<path class="base-hist" d="{"".join(d)}"><title>baseline</title></path>')
    parts.append(
        f'<line class="axis" x1="{left}" y1="{top + hist_h}" '
        f'x2="{left + plot_w}" y2="{top + hist_h}"/>'
    )
    parts.append(
        f'<rect class="strip-bg" x="{left}" y="{strip_y}" '
        f'width="{plot_w}" height="{strip_h}" rx="3"/>'
    )
    for i, (name, v) in enumerate(values):
        cy = strip_y + strip_h / 2 + _jitter(i) * (strip_h / 2 - 3)
        parts.append(
            f'<circle class="dot" cx="{x_of(v):.1f}" cy="{cy:.1f}" r="2.6">'
            f"<title>{esc(name)}: {v:.3f}</title></circle>"
        )
    if values:
        mean = sum(v for _, v in values) / len(values)
        mx = x_of(mean)
        parts.append(
            f'<line class="mean" x1="{mx:.1f}" y1="{top - 4}" '
            f'x2="{mx:.1f}" y2="{strip_y + strip_h}">'
            f"<title>mean {mean:.3f}</title></line>"
        )
    if baseline:
        bmean = sum(baseline) / len(baseline)
        bx = x_of(bmean)
        parts.append(
            f'<line class="base-mean" x1="{bx:.1f}" y1="{top - 4}" x2="{bx:.1f}" '
            f'y2="{strip_y + strip_h}"><title>baseline mean {bmean:.3f}</title></line>'
        )
    for v, anchor in ((lo, "start"), ((lo + hi) / 2, "middle"), (hi, "end")):
        parts.append(
            f'<text class="tick" x="{x_of(v):.1f}" y="{axis_y + 9}" text-anchor="{anchor}">'
            f"{v:g}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def verdict_bars_svg(rates: Sequence[tuple[str, Mapping[str, float]]]) -> str:
    """One stacked horizontal bar per fact: share of present / absent / contradicted."""
    row_h, label_w, bar_w = 22, 150, 300
    w, h = label_w + bar_w + 48, max(1, len(rates)) * row_h + 4
    parts = [
        f'<svg class="verdicts" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-label="verdict mix per fact">'
    ]
    for i, (fid, r) in enumerate(rates):
        y = 2 + i * row_h
        shown = fid if len(fid) <= 22 else fid[:21] + "…"
        parts.append(
            f'<text class="flabel" x="{label_w - 8}" y="{y + 14}" text-anchor="end">'
            f"<title>{esc(fid)}</title>{esc(shown)}</text>"
        )
        x = float(label_w)
        for v in VERDICTS:
            share = float(r.get(v, 0.0))
            if share <= 0:
                continue
            bw = share * bar_w
            parts.append(
                f'<rect class="seg v-{v}" x="{x:.1f}" y="{y + 3}" '
                f'width="{bw:.1f}" height="{row_h - 8}">'
                f"<title>{esc(fid)}: {v} {share:.0%}</title></rect>"
            )
            x += bw
        parts.append(
            f'<text class="tick" x="{label_w + bar_w + 6}" y="{y + 14}">'
            f"{float(r.get('present', 0.0)):.0%}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


# ============================================================== per-reference ROUGE


def per_reference_rouge(
    cands: Sequence[Mapping[str, Any]],
    texts: Mapping[tuple[str, str], str],
    documents: Mapping[str, DocumentTexts],
    settings: Mapping[str, Any],
) -> dict[tuple[str, str], dict[str, dict[str, float]]]:
    """ROUGE F of each candidate against each reference separately (to name the best one)."""
    if "rouge" not in (settings.get("metrics") or ["rouge"]):
        return {}
    try:
        from harness.rouge import RougeMetric, prepare

        metric = RougeMetric(
            bool(settings.get("stemmer", True)), settings.get("tokenizer", "default")
        )
    except Exception:
        return {}
    out: dict[tuple[str, str], dict[str, dict[str, float]]] = {}
    by_doc: dict[str, list[tuple[tuple[str, str], str]]] = {}
    for c in cands:
        k = _key(c)
        if k in texts and c.get("status") == "ok" and texts[k].strip():
            by_doc.setdefault(k[0], []).append((k, prepare(texts[k])))
    for doc, group in by_doc.items():
        d = documents.get(doc)
        if d is None:
            continue
        for name, ref in d.references.items():
            try:
                results = metric.score_many([p for _, p in group], [prepare(ref)])
            except Exception:
                return {}
            for (k, _), r in zip(group, results, strict=True):
                out.setdefault(k, {})[name] = {t: r.best[t].fmeasure for t in ROUGE_TYPES}
    return out


# ============================================================== page parts


@dataclass
class _Row:
    index: int
    anchor: str
    cand: Mapping[str, Any]
    values: dict[str, float]
    gate: str  # pass, fail, error, ok
    failures: list[Mapping[str, Any]]
    delta: CandidateDelta | None
    base_found: bool


def _gate_state(data: Mapping[str, Any]) -> tuple[bool | None, list[Mapping[str, Any]]]:
    gate = data.get("gate")
    if not isinstance(gate, Mapping):
        return None, []
    return bool(gate.get("passed")), list(gate.get("failures") or [])


def _rows(data: Mapping[str, Any], baseline: Mapping[str, Any] | None) -> list[_Row]:
    passed, failures = _gate_state(data)
    base_index = {_key(c): c for c in (baseline or {}).get("candidates", [])}
    rows = []
    for i, cand in enumerate(data.get("candidates", [])):
        k = _key(cand)
        mine = [
            f
            for f in failures
            if str(f.get("candidate")) == k[1]
            and (f.get("document") in (None, "") or str(f.get("document")) == k[0])
        ]
        if cand.get("status") != "ok":
            gate = "error"
        elif mine:
            gate = "fail"
        elif passed is not None:
            gate = "pass"
        else:
            gate = "ok"
        base = base_index.get(k)
        delta = candidate_delta(cand, base) if base is not None and baseline is not None else None
        rows.append(
            _Row(i, f"c{i}", cand, metric_values(cand), gate, mine, delta, base is not None)
        )
    return rows


def _present_metrics(rows: Sequence[_Row], keys: Sequence[str]) -> list[str]:
    return [k for k in keys if any(k in r.values for r in rows)]


def _facts_marks(cand: Mapping[str, Any]) -> str:
    out = []
    for r in _fact_results(cand):
        v = r.get("verdict")
        if v in SYMBOL:
            out.append(f'<span class="mk v-{v}" title="{esc(r.get("id"))}: {v}">{SYMBOL[v]}</span>')
    return "".join(out)


GATE_LABEL = {"pass": "pass", "fail": "fail", "error": "error", "ok": "ok"}


def _badge(state: str) -> str:
    return f'<span class="badge g-{state}">{GATE_LABEL.get(state, esc(state))}</span>'


CARD_LABEL = {"contradicted": "Contradicted (mean)", "embedding_article": "Embedding · art."}


def _overview(
    data: Mapping[str, Any],
    rows: Sequence[_Row],
    baseline: Mapping[str, Any] | None,
    baseline_name: str | None,
) -> str:
    summary = data.get("summary") or {}
    passed, failures = _gate_state(data)
    if passed is None:
        verdict = (
            '<div class="verdict v-none"><span class="big">No gate</span>'
            "<span>no thresholds were set for this run</span></div>"
        )
    elif passed:
        verdict = (
            '<div class="verdict v-pass"><span class="big">✓ Gate passed</span>'
            "<span>every threshold met</span></div>"
        )
    else:
        n = len({(f.get("document"), f.get("candidate")) for f in failures})
        verdict = (
            f'<div class="verdict v-fail"><span class="big">✗ Gate failed</span>'
            f"<span>{len(failures)} threshold failure{'s' if len(failures) != 1 else ''}"
            f"{f' across {n} candidate' + ('s' if n != 1 else '') if n else ''}</span></div>"
        )
    total = summary.get("candidates", len(rows))
    scored = summary.get("scored", sum(r.cand.get("status") == "ok" for r in rows))
    errors = summary.get("errors", sum(r.cand.get("status") != "ok" for r in rows))
    stats = [
        ("candidates", str(total)),
        ("scored", str(scored)),
        ("errors", str(errors)),
    ]
    means = summary.get("means") or {}
    if not means:
        means = {}
        for k in _present_metrics(rows, [m.key for m in METRICS]):
            vals = [r.values[k] for r in rows if k in r.values]
            means[k] = sum(vals) / len(vals)
    base_means: dict[str, float] = {}
    if baseline is not None:
        base_means = dict((baseline.get("summary") or {}).get("means") or {})
    cards = []
    for m in METRICS:
        if m.key not in means or m.key == "embedding_mean":
            continue
        delta = ""
        if m.key in base_means:
            dl = Delta(m.key, float(means[m.key]), float(base_means[m.key]))
            delta = (
                _fmt_delta(m.key, dl)
                if m.key != "contradicted"
                else (
                    '<span class="delta '
                    f'{"reg" if dl.change > 0.005 else "imp" if dl.change < -0.005 else "flat"}">'
                    f"{esc(_signed(dl.change, 2))}</span>"
                )
            )
        value = f"{means[m.key]:.2f}" if m.key == "contradicted" else f"{means[m.key]:.3f}"
        cards.append(
            f'<div class="card"><div class="k">{esc(CARD_LABEL.get(m.key, m.label))}</div>'
            f'<div class="v">{value}{delta}</div></div>'
        )
    stat_html = "".join(
        f'<div class="stat"><b>{esc(v)}</b><span>{esc(k)}</span></div>' for k, v in stats
    )
    run_fail = [f for f in failures if not f.get("candidate")]
    run_fail_html = ""
    if run_fail:
        run_fail_html = (
            '<ul class="runfail">' + "".join(_failure_item(f) for f in run_fail) + "</ul>"
        )
    sig = str(data.get("signature") or "")
    sig_html = "<wbr>|".join(esc(p) for p in sig.split("|"))
    out = [
        '<section id="overview" class="overview">',
        f'<div class="ov-top">{verdict}<div class="stats">{stat_html}</div></div>',
        run_fail_html,
        f'<div class="cards">{"".join(cards)}</div>',
        '<div class="sig"><span class="lbl">signature</span><code '
        f'id="signature">{sig_html}</code></div>',
    ]
    if baseline is not None:
        out.append(_baseline_box(data, rows, baseline, baseline_name))
    out.append("</section>")
    return "\n".join(out)


def _baseline_box(
    data: Mapping[str, Any],
    rows: Sequence[_Row],
    baseline: Mapping[str, Any],
    baseline_name: str | None,
) -> str:
    regressed = [r for r in rows if r.delta is not None and r.delta.regressions]
    improved = [
        r for r in rows if r.delta is not None and r.delta.improvements and not r.delta.regressions
    ]
    new = [r for r in rows if not r.base_found]
    head_keys = {_key(c) for c in data.get("candidates", [])}
    removed = [c for c in baseline.get("candidates", []) if _key(c) not in head_keys]
    items = [
        f'<span class="pill reg">{len(regressed)} regressed</span>',
        f'<span class="pill imp">{len(improved)} improved</span>',
    ]
    if new:
        items.append(f'<span class="pill">{len(new)} new</span>')
    if removed:
        items.append(f'<span class="pill">{len(removed)} missing from this run</span>')
    sig_note = ""
    bsig, hsig = str(baseline.get("signature") or ""), str(data.get("signature") or "")
    if bsig and bsig != hsig:
        changed = sorted(set(hsig.split("|")) ^ set(bsig.split("|")))
        sig_note = (
            '<p class="note warn">The baseline was scored with different settings; numbers may not '
            "be comparable: " + ", ".join(f"<code>{esc(p)}</code>" for p in changed) + "</p>"
        )
    lines = []
    for r in regressed:
        assert r.delta is not None
        lines.append(
            f'<li><a href="#{r.anchor}">{esc(r.cand.get("id"))}</a>: '
            + "; ".join(esc(x) for x in r.delta.regressions)
            + "</li>"
        )
    listing = f'<ul class="reglist">{"".join(lines)}</ul>' if lines else ""
    name = f" <code>{esc(baseline_name)}</code>" if baseline_name else ""
    comp = data.get("comparison")  # `harness score --baseline` put it in the results
    if not isinstance(comp, Mapping):
        comp = compare_with_baseline(data, baseline)
    extra = _compare_table(comp)
    return (
        f'<div class="baseline"><h3>Against baseline{name}</h3>'
        f'<div class="pills">{"".join(items)}</div>{sig_note}{extra}{listing}'
        f'<p class="hint">A regression is a score that dropped by more than {REGRESSION_EPS}, '
        "a new contradiction, or a fact that was found before and is not now.</p></div>"
    )


COMPARE_LABEL = {"embedding": "embedding_max"}


def _compare_table(comp: Mapping[str, Any] | None) -> str:
    """Run-level deltas with bootstrap confidence intervals from `harness.compare`."""
    if not comp or not comp.get("metrics"):
        return ""
    rows = []
    for m in comp["metrics"]:
        name = str(m.get("metric"))
        label = METRIC_BY_KEY.get(COMPARE_LABEL.get(name, name))
        verdict = str(m.get("verdict") or "")
        cls = {"regression": "reg", "improvement": "imp"}.get(verdict, "flat")
        ci = m.get("ci")
        ci_text = f"[{_signed(ci[0])}, {_signed(ci[1])}]" if ci else "n/a"
        rows.append(
            f"<tr><th>{esc(label.label if label else name)}</th><td>{_f(m.get('baseline'))}</td>"
            f"<td>{_f(m.get('current'))}</td><td class='delta "
            f"{cls}'>{esc(_signed(float(m.get('delta') or 0)))}</td>"
            f"<td>{esc(ci_text)}</td><td><span class='vlabel "
            f"delta {cls}'>{esc(verdict)}</span></td></tr>"
        )
    conf = float(comp.get("confidence") or 0.95)
    return (
        '<table class="scores compare"><tr class="sub"><th>metric (mean over '
        f"{esc(comp.get('matched'))} matched)</th><th>baseline</th><th>this run</th><th>Δ</th>"
        f"<th>{conf:.0%} CI (paired bootstrap)</th><th></th></tr>{''.join(rows)}</table>"
    )


def _charts(
    rows: Sequence[_Row], baseline: Mapping[str, Any] | None, data: Mapping[str, Any]
) -> str:
    keys = _present_metrics(rows, CHART_METRICS)
    if not keys and not (data.get("summary") or {}).get("fact_rates"):
        return ""
    base_vals: dict[str, list[float]] = {}
    if baseline is not None:
        for c in baseline.get("candidates", []):
            for k, v in metric_values(c).items():
                base_vals.setdefault(k, []).append(v)
    figs = []
    for k in keys:
        vals = [(str(r.cand.get("id")), r.values[k]) for r in rows if k in r.values]
        lo = min(0.0, *(v for _, v in vals)) if vals else 0.0
        lo = -1.0 if lo < 0 else 0.0
        mean = sum(v for _, v in vals) / len(vals) if vals else 0.0
        figs.append(
            f'<figure class="chart"><figcaption><b>{esc(METRIC_BY_KEY[k].label)}</b>'
            f"<span>mean {mean:.3f}</span></figcaption>"
            + distribution_svg(vals, base_vals.get(k, ()), lo, 1.0, 10, METRIC_BY_KEY[k].label)
            + "</figure>"
        )
    rates = _fact_rates(data)
    if rates:
        figs.append(
            '<figure class="chart wide"><figcaption><b>Verdicts per fact</b>'
            '<span><i class="sw v-present"></i>present <i class="sw v-absent"></i>absent '
            '<i class="sw v-contradicted"></i>contradicted</span></figcaption>'
            + verdict_bars_svg(rates)
            + "</figure>"
        )
    legend = (
        '<p class="hint">Bars: candidates per bin; dots: one per candidate (hover for its id); '
        "line: mean"
        + ("; dashed outline and line: baseline" if baseline is not None else "")
        + ".</p>"
    )
    return (
        '<section id="distributions"><h2>Distributions</h2>'
        f'<div class="charts">{"".join(figs)}</div>{legend}</section>'
    )


def _fact_rates(data: Mapping[str, Any]) -> list[tuple[str, Mapping[str, float]]]:
    rates = (data.get("summary") or {}).get("fact_rates") or {}
    if rates:
        return [(str(k), v) for k, v in rates.items()]
    counts: dict[str, dict[str, int]] = {}
    for c in data.get("candidates", []):
        for r in _fact_results(c):
            counts.setdefault(str(r["id"]), dict.fromkeys(VERDICTS, 0))[r["verdict"]] += 1
    return [(k, {v: n / max(1, sum(c.values())) for v, n in c.items()}) for k, c in counts.items()]


def _fact_order(
    rows: Sequence[_Row], documents: Mapping[str, DocumentTexts]
) -> dict[str, list[str]]:
    """Fact ids per document, in the facts file's order, then in order of appearance."""
    order: dict[str, list[str]] = {}
    for doc, d in documents.items():
        order[doc] = [str(f.get("id")) for f in d.facts]
    for r in rows:
        doc = str(r.cand.get("document") or "")
        for fr in _fact_results(r.cand):
            ids = order.setdefault(doc, [])
            if str(fr["id"]) not in ids:
                ids.append(str(fr["id"]))
    return order


def _matrix(rows: Sequence[_Row], documents: Mapping[str, DocumentTexts]) -> str:
    with_facts = [r for r in rows if r.cand.get("facts")]
    if not with_facts:
        return ""
    order = _fact_order(with_facts, documents)
    docs = sorted({str(r.cand.get("document") or "") for r in with_facts})
    out = [
        '<section id="checklist"><h2>Fact checklist</h2>',
        '<p class="hint">One row per candidate, one column per required fact: '
        '<span class="v-present">✓ present</span>, <span class="v-absent">✗ absent</span>, '
        '<span class="v-contradicted">⚠ contradicted</span>. Hover a cell for its evidence.</p>',
    ]
    for doc in docs:
        ids = order.get(doc, [])
        statements = {
            str(f.get("id")): str(f.get("statement") or "")
            for f in (documents.get(doc).facts if documents.get(doc) else ())
        }
        head = "".join(
            f'<th class="fact" title="{esc(statements.get(i, ""))}"><span>{esc(i)}</span></th>'
            for i in ids
        )
        if len(docs) > 1:
            out.append(f"<h3>{esc(doc)}</h3>")
        body = []
        totals = {i: 0 for i in ids}
        mine = [r for r in with_facts if str(r.cand.get("document") or "") == doc]
        for r in mine:
            by_id = {str(fr["id"]): fr for fr in _fact_results(r.cand)}
            cells = []
            for i in ids:
                fr = by_id.get(i)
                if fr is None:
                    cells.append('<td class="cell none">·</td>')
                    continue
                v = str(fr.get("verdict"))
                if v == "present":
                    totals[i] += 1
                tip = f"{i}: {v}"
                if fr.get("evidence"):
                    tip += f" — “{fr['evidence']}”"
                if fr.get("confidence") is not None:
                    tip += f" (confidence {float(fr['confidence']):.2f})"
                cells.append(
                    f'<td class="cell v-{esc(v)}" data-verdict="{esc(v)}" data-fact="{esc(i)}" '
                    f'title="{esc(tip)}">{SYMBOL.get(v, "?")}</td>'
                )
            cov = r.values.get("coverage")
            body.append(
                f'<tr data-row="{r.index}"><th class="rowname"><a href="#{r.anchor}">'
                f"{esc(r.cand.get('id'))}</a></th>{''.join(cells)}"
                f'<td class="cov">{_f(cov, 2)}</td></tr>'
            )
        foot = "".join(f"<td>{totals[i]}/{len(mine)}</td>" for i in ids)
        out.append(
            '<div class="scroll"><table class="matrix"><thead><tr><th '
            'class="rowname">candidate</th>'
            f'{head}<th class="cov">coverage</th></tr></thead><tbody>{"".join(body)}</tbody>'
            f'<tfoot><tr><th class="rowname">present</th>{foot}<td></td></tr></tfoot></table></div>'
        )
    out.append("</section>")
    return "\n".join(out)


def _table(rows: Sequence[_Row], multi_doc: bool, has_baseline: bool) -> str:
    keys = _present_metrics(rows, TABLE_METRICS)
    has_facts = any(r.cand.get("facts") for r in rows)
    cols = [
        '<th data-key="index" data-type="num" class="num">#</th>',
        '<th data-key="id" data-type="text">candidate</th>',
    ]
    if multi_doc:
        cols.append('<th data-key="document" data-type="text">document</th>')
    cols.append('<th data-key="gate" data-type="text">gate</th>')
    for k in keys:
        m = METRIC_BY_KEY[k]
        cols.append(
            f'<th data-key="{k}" data-type="num" class="num" '
            f'title="{esc(m.label)}">{esc(m.short)}</th>'
        )
    if has_facts:
        cols.append('<th data-key="facts" data-type="text">facts</th>')
    if has_baseline:
        cols.append(
            '<th data-key="regressions" data-type="num" class="num" '
            'title="regressions against the baseline">regr.</th>'
        )
    body = []
    gate_rank = {"error": 0, "fail": 1, "ok": 2, "pass": 3}
    for r in rows:
        c = r.cand
        tds = [
            f'<td class="num" data-v="{r.index}">{r.index + 1}</td>',
            f'<td data-v="{esc(c.get("id"))}"><a href="#{r.anchor}">{esc(c.get("id"))}</a></td>',
        ]
        if multi_doc:
            tds.append(f'<td data-v="{esc(c.get("document"))}">{esc(c.get("document"))}</td>')
        tds.append(f'<td data-v="{gate_rank[r.gate]}">{_badge(r.gate)}</td>')
        for k in keys:
            v = r.values.get(k)
            d = r.delta.deltas.get(k) if r.delta is not None else None
            tds.append(
                f'<td class="num" data-v="{"" if v is None else f"{v:.6f}"}">'
                f"{_fmt_metric(k, v)}{_fmt_delta(k, d)}</td>"
            )
        if has_facts:
            fr = _fact_results(c)
            present = sum(x.get("verdict") == "present" for x in fr)
            tds.append(f'<td class="marks" data-v="{present:04d}">{_facts_marks(c)}</td>')
        n_reg = len(r.delta.regressions) if r.delta is not None else 0
        if has_baseline:
            tds.append(
                f'<td class="num" data-v="{n_reg if r.delta is not None else ""}">'
                + (
                    f'<span class="delta reg">{n_reg}</span>'
                    if n_reg
                    else ("0" if r.delta else "new")
                )
                + "</td>"
            )
        verdicts = {x.get("verdict") for x in _fact_results(c)}
        body.append(
            f'<tr data-gate="{r.gate}" '
            f'data-search="{esc(str(c.get("id")) + " " + str(c.get("document") or "")).lower()}" '
            f'data-missing="{int("absent" in verdicts)}" '
            f'data-contra="{int("contradicted" in verdicts)}" '
            f'data-regressed="{int(n_reg > 0)}">{"".join(tds)}</tr>'
        )
    controls = [
        '<input type="search" id="filter-text" placeholder="Filter '
        'by candidate…" aria-label="filter by candidate">',
        '<select id="filter-gate" aria-label="gate status"><option value="">any status</option>'
        '<option value="pass">gate passed</option><option value="fail">gate failed</option>'
        '<option value="error">error</option><option value="ok">scored (no gate)</option></select>',
    ]
    if has_facts:
        controls.append(
            '<select id="filter-facts" aria-label="facts"><option value="">any facts</option>'
            '<option value="missing">a fact missing</option>'
            '<option value="contra">a fact contradicted</option></select>'
        )
    if has_baseline:
        controls.append(
            '<label class="chk"><input type="checkbox" id="filter-reg"> regressed only</label>'
        )
    controls.append('<span id="shown" class="hint"></span>')
    return (
        '<section id="candidates-table"><h2>Candidates</h2>'
        f'<div class="controls noprint">{"".join(controls)}</div>'
        '<div class="scroll"><table id="cands" class="cands"><thead><tr>'
        f"{''.join(cols)}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        '<p class="hint noprint">Click a column heading '
        "to sort; click again to reverse.</p></section>"
    )


def _scores_panel(r: _Row, per_ref: Mapping[str, Mapping[str, float]], best_ref: str | None) -> str:
    c = r.cand
    rows_html = []
    rouge = c.get("rouge") or {}
    rmean = c.get("rouge_mean") or {}
    delta = r.delta.deltas if r.delta is not None else {}
    if rouge:
        rows_html.append(
            '<tr class="sub"><th></th><th>P</th><th>R</th><th>F</th><th>mean F</th>'
            + ("<th>best ref F</th>" if best_ref else "")
            + "</tr>"
        )
        for t in ROUGE_TYPES:
            prf = rouge.get(t) or {}
            best_f = per_ref.get(best_ref, {}).get(t) if best_ref else None
            rows_html.append(
                f"<tr><th>{esc(METRIC_BY_KEY[t].label[:-2])}</th><td>{_f(prf.get('precision'))}</td>"
                f"<td>{_f(prf.get('recall'))}</td><td><b>{_f(prf.get('fmeasure'))}</b>"
                f"{_fmt_delta(t, delta.get(t))}</td>"
                f"<td>{_f((rmean.get(t) or {}).get('fmeasure'))}</td>"
                + (f"<td>{_f(best_f)}</td>" if best_ref else "")
                + "</tr>"
            )
    emb = c.get("embedding") or {}
    if emb:
        for k, label in (
            ("max", "embedding max"),
            ("mean", "embedding mean"),
            ("article", "embedding · article"),
        ):
            rows_html.append(
                f'<tr><th>{label}</th><td colspan="{5 if best_ref else 4}"><b>{_f(emb.get(k))}</b>'
                f"{_fmt_delta(f'embedding_{k}', delta.get(f'embedding_{k}'))}</td></tr>"
            )
    facts = c.get("facts")
    if facts:
        rows_html.append(
            "<tr><th>fact coverage</th><td "
            f'colspan="{5 if best_ref else 4}"><b>{_f(facts.get("coverage"))}</b>'
            f"{_fmt_delta('coverage', delta.get('coverage'))} "
            f'<span class="muted">({esc(facts.get("present", 0))} '
            f"present, {esc(facts.get('absent', 0))} absent, "
            f"{esc(facts.get('contradicted', 0))} contradicted)</span></td></tr>"
        )
    if not rows_html:
        return ""
    return f'<table class="scores">{"".join(rows_html)}</table>'


def _facts_panel(r: _Row, statements: Mapping[str, str], have_text: bool) -> str:
    results = _fact_results(r.cand)
    if not results:
        return ""
    items = []
    missing = []
    for fr in results:
        v = str(fr.get("verdict"))
        fid = str(fr.get("id"))
        stmt = statements.get(fid, "")
        conf = fr.get("confidence")
        conf_html = (
            f'<span class="conf">confidence {float(conf):.2f}</span>' if conf is not None else ""
        )
        if v == "absent":
            missing.append(
                f'<li><span class="mk v-absent">✗</span> <b>{esc(fid)}</b>'
                + (f' <span class="stmt">{esc(stmt)}</span>' if stmt else "")
                + (
                    f' <span class="muted">closest: “{esc(fr.get("evidence"))}”</span>'
                    if fr.get("evidence")
                    else ""
                )
                + "</li>"
            )
            continue
        ev = ""
        if fr.get("evidence") and not have_text:
            ev = f'<blockquote class="evq v-{esc(v)}">{esc(fr.get("evidence"))}</blockquote>'
        items.append(
            f'<li><span class="mk v-{esc(v)}">{SYMBOL.get(v, "?")}</span> <b>{esc(fid)}</b> '
            f'<span class="vlabel v-{esc(v)}">{esc(v)}</span> {conf_html}'
            + (f'<div class="stmt">{esc(stmt)}</div>' if stmt else "")
            + ev
            + "</li>"
        )
    out = ['<div class="facts">']
    if items:
        out.append(f'<h4>Found</h4><ul class="factlist">{"".join(items)}</ul>')
    if missing:
        out.append(f'<h4>Missing facts</h4><ul class="factlist missing">{"".join(missing)}</ul>')
    if r.delta is not None and r.delta.fact_changes:
        out.append(
            '<h4>Changed since baseline</h4><ul class="factlist">'
            + "".join(
                f"<li><b>{esc(fid)}</b>: {esc(b)} → <span "
                f"class='vlabel v-{esc(a)}'>{esc(a)}</span></li>"
                for fid, b, a in r.delta.fact_changes
            )
            + "</ul>"
        )
    out.append("</div>")
    return "".join(out)


def _detail(
    r: _Row,
    text: str | None,
    problem: str | None,
    doc: DocumentTexts | None,
    per_ref: Mapping[str, Mapping[str, float]],
    open_: bool,
) -> str:
    c = r.cand
    statements = {
        str(f.get("id")): str(f.get("statement") or "") for f in (doc.facts if doc else ())
    }
    header = (
        f'<summary><span class="cid">{esc(c.get("id"))}</span>'
        + (f'<span class="doc">{esc(c.get("document"))}</span>' if c.get("document") else "")
        + _badge(r.gate)
        + f'<span class="marks">{_facts_marks(c)}</span>'
        + (f'<span class="sumv">RL {_f(r.values["rougeL"])}</span>' if "rougeL" in r.values else "")
        + (
            f'<span class="sumv">cov {_f(r.values["coverage"], 2)}</span>'
            if "coverage" in r.values
            else ""
        )
        + "</summary>"
    )
    body = []
    notes = []
    if c.get("status") != "ok":
        body.append(f'<p class="note err">Could not be scored: {esc(c.get("error"))}</p>')
    for w in c.get("warnings") or []:
        notes.append(f'<p class="note warn">warning: {esc(w)}</p>')
    if r.failures:
        body.append(
            '<div class="gatefail"><b>Gate failures</b><ul>'
            + "".join(_failure_item(f) for f in r.failures)
            + "</ul></div>"
        )
    if r.delta is not None and r.delta.regressions:
        body.append(
            '<div class="gatefail reg"><b>Regressions against the baseline</b><ul>'
            + "".join(f"<li>{esc(x)}</li>" for x in r.delta.regressions)
            + "</ul></div>"
        )
    body.extend(notes)
    if c.get("status") != "ok" and text is None:
        return (
            f'<details class="cand g-{r.gate}" id="{r.anchor}"{" open" if open_ else ""}>'
            f'{header}<div class="body">{"".join(body)}</div></details>'
        )
    results = _fact_results(c)
    if text is not None:
        marked, hl_notes = highlight(text, results, statements)
        text_html = (
            f'<div class="text">{marked}</div>' if text.strip() else '<p class="muted">(empty)</p>'
        )
        for n in hl_notes:
            text_html += f'<p class="note warn">{esc(n)}</p>'
    else:
        text_html = (
            '<p class="note warn">Candidate text unavailable'
            + (f" ({esc(problem)})" if problem else "")
            + "; showing the evidence recorded in the results only.</p>"
        )
    best_ref = None
    if per_ref:
        best_ref = max(per_ref, key=lambda n: per_ref[n].get("rougeL", 0.0))
    left = f'<div class="pane"><h4>Candidate</h4>{text_html}</div>'
    if doc is not None and doc.references:
        name = best_ref or next(iter(doc.references))
        label = "Best reference" if best_ref else "Reference"
        score = (
            f'<span class="muted"> · ROUGE-L F {per_ref[name]["rougeL"]:.3f}</span>'
            if best_ref
            else ""
        )
        right = (
            f'<div class="pane ref"><h4>{label}: <code>{esc(name)}</code>{score}</h4>'
            f'<div class="text">{esc(doc.references[name])}</div></div>'
        )
    else:
        right = (
            '<div class="pane ref"><h4>References</h4><p class="muted">not available '
            "(pass <code>--references DIR</code>)</p></div>"
        )
    body.append(f'<div class="split">{left}{right}</div>')
    facts_html = _facts_panel(r, statements, text is not None)
    scores_html = _scores_panel(r, per_ref, best_ref)
    body.append(
        '<div class="split">'
        f'<div class="pane">{facts_html or "<p class=muted>no facts checked</p>"}</div>'
        f'<div class="pane"><h4>Scores</h4>{scores_html or "<p class=muted>not scored</p>"}</div>'
        "</div>"
    )
    if doc is not None and doc.references:
        cols = []
        for name, ref in doc.references.items():
            s = per_ref.get(name)
            chips = (
                "".join(
                    f'<span class="chip">{METRIC_BY_KEY[t].short} {s[t]:.3f}</span>'
                    for t in ROUGE_TYPES
                )
                if s
                else ""
            )
            star = '<span class="badge g-pass">best</span>' if name == best_ref else ""
            cols.append(
                f'<div class="refcol"><h5><code>{esc(name)}</code>{star}</h5>'
                f'<div class="chips">{chips}</div><div class="text">{esc(ref)}</div></div>'
            )
        body.append(
            f'<details class="refs"><summary>All references side by side ({len(cols)})</summary>'
            f'<div class="refgrid">{"".join(cols)}</div></details>'
        )
        if doc.article:
            body.append(
                '<details class="refs"><summary>Source article</summary>'
                f'<div class="text article">{esc(doc.article)}</div></details>'
            )
    return (
        f'<details class="cand g-{r.gate}" id="{r.anchor}"{" open" if open_ else ""}>'
        f'{header}<div class="body">{"".join(body)}</div></details>'
    )


def _failure_item(failure: Mapping[str, Any]) -> str:
    """One gate failure as a list item: the metric, its value and the bound it broke."""
    value, threshold = failure.get("value"), failure.get("threshold")
    try:
        side = "below the minimum" if float(value) < float(threshold) else "above the maximum"  # type: ignore[arg-type]
    except (TypeError, ValueError):  # a required fact: "absent", required "present"
        return (
            f"<li><code>{esc(failure.get('metric'))}</code> is {esc(value)} "
            f"(required: {esc(threshold)})</li>"
        )
    return (
        f"<li><code>{esc(failure.get('metric'))}</code> = {_f(value)} ({side} {_f(threshold)})</li>"
    )


# ============================================================== the page


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
    texts = texts or {}
    problems = text_problems or {}
    docs = {str(k): _as_document(v) for k, v in (documents or {}).items()}
    rows = _rows(run, baseline)
    multi_doc = len({str(c.get("document") or "") for c in run.get("candidates", [])}) > 1
    per_ref = per_reference_rouge(run.get("candidates", []), texts, docs, run.get("settings") or {})
    details = []
    opened = 0
    for r in rows:
        k = _key(r.cand)
        interesting = (
            r.gate in ("fail", "error")
            or any(x.get("verdict") != "present" for x in _fact_results(r.cand))
            or bool(r.delta and r.delta.regressions)
        )
        open_ = interesting and opened < open_limit
        opened += open_
        doc_id = k[0]
        doc = docs.get(doc_id)
        if doc is None and len(docs) == 1 and not doc_id:
            doc = next(iter(docs.values()))
        problem = problems.get(k)
        if k not in texts and problem is None and texts:
            problem = "not found among the texts given"
        details.append(_detail(r, texts.get(k), problem, doc, per_ref.get(k, {}), open_))
    gate_passed, _ = _gate_state(run)
    gate_word = (
        "no gate" if gate_passed is None else ("gate passed" if gate_passed else "gate FAILED")
    )
    meta = [f"{len(rows)} candidates", gate_word, f"harness {__version__}"]
    if source:
        meta.insert(0, source)
    toc = [
        ("overview", "Overview"),
        ("distributions", "Distributions"),
        ("checklist", "Checklist"),
        ("candidates-table", "Candidates"),
        ("details", "Details"),
    ]
    charts = _charts(rows, baseline, run)
    matrix = _matrix(rows, docs)
    toc = [
        t for t in toc if (t[0] != "distributions" or charts) and (t[0] != "checklist" or matrix)
    ]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No network: the policy forbids every fetch except inline styles, scripts and data: images.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        '<meta name="generator" content="harness ' + esc(__version__) + '">',
        f"<title>{esc(title)}</title>",
        f"<style>{_asset('report.css')}</style></head><body>",
        f'<header class="top"><h1>{esc(title)}</h1><div class="meta">'
        + " · ".join(esc(m) for m in meta)
        + '</div><nav class="toc">'
        + "".join(f'<a href="#{a}">{esc(b)}</a>' for a, b in toc)
        + "</nav></header><main>",
        _overview(run, rows, baseline, baseline_name),
        charts,
        matrix,
        _table(rows, multi_doc, baseline is not None),
        '<section id="details"><h2>Candidate details</h2>'
        '<div class="toolbar noprint"><button type="button" id="expand-all">Expand all</button>'
        '<button type="button" id="collapse-all">Collapse all</button></div>'
        '<p class="hint">Evidence in the candidate text is highlighted: '
        '<mark class="ev v-present">found</mark> and <mark '
        'class="ev v-contradicted">contradicted</mark>, '
        "each labeled with its fact id.</p>" + "".join(details) + "</section>",
        f"<footer>Generated by harness {esc(__version__)}. Self-contained: no network requests; "
        "opens from disk.</footer>",
        f"</main><script>{_asset('report.js')}</script></body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


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
