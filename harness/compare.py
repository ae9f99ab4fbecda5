"""Comparing two JSON reports: per-metric deltas with paired bootstrap confidence intervals.

Candidates are matched by (document, id); only candidates scored (`status: ok`) in both
reports count. For each metric both reports carry, the paired differences
`d = current - baseline` are resampled with replacement (`numpy.random.default_rng(seed)`,
`resamples` times, each metric with a fresh generator on the same seed, so every metric
sees the same resampled candidates), and the percentile interval of the resampled means
is the confidence interval of the mean difference. A metric regressed significantly when
the whole interval lies on the bad side of zero: upper bound < 0 for higher-is-better
metrics, lower bound > 0 for `contradicted`.

The reports' signatures are compared part by part; any difference (model, stemmer,
tokenizer, facts file, references, harness version) is listed in `signature_mismatch`
because the numbers are then not comparable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from harness.errors import ConfigError

DEFAULT_RESAMPLES = 10_000
_CHUNK_ELEMENTS = 4_000_000  # bounds memory: resample rows drawn per block


def candidate_metrics(cand: dict[str, Any]) -> dict[str, float]:
    """Metric values of one candidate object of a (current) JSON report, by their one name."""
    metrics = cand.get("metrics")
    if not isinstance(metrics, dict):
        return {}
    return {k: float(v) for k, v in metrics.items() if isinstance(v, int | float)}


def lower_is_better(name: str) -> bool:
    from harness.metrics import metric

    m = metric(name)
    return m is not None and not m.higher_is_better


def signature_parts(signature: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for piece in signature.split("|"):
        if not piece:
            continue
        key, _, value = piece.partition(":")
        parts[key] = value
    if "rouge" in parts and "lsum" not in parts:  # written before --lsum-split: the splitter's
        parts["lsum"] = "sentences"
    return parts


def signature_differences(baseline: str, current: str) -> tuple[str, ...]:
    """`model: a -> b` for each signature part that differs."""
    b, c = signature_parts(baseline), signature_parts(current)
    out = []
    for key in dict.fromkeys([*b, *c]):
        if b.get(key) != c.get(key):
            out.append(f"{key}: {b.get(key, '(absent)')} -> {c.get(key, '(absent)')}")
    return tuple(out)


# ---------------------------------------------------------------- bootstrap


def bootstrap_means(diffs: Sequence[float] | np.ndarray, resamples: int, seed: int) -> np.ndarray:
    """Means of `resamples` resamples (with replacement) of `diffs`.

    Equivalent to `d[rng.integers(0, n, (resamples, n))].mean(axis=1)` with
    `rng = np.random.default_rng(seed)`, drawn in blocks of rows to bound memory.
    """
    d = np.asarray(diffs, dtype=np.float64)
    n = d.size
    rng = np.random.default_rng(seed)
    rows = max(1, _CHUNK_ELEMENTS // max(1, n))
    out = np.empty(resamples, dtype=np.float64)
    done = 0
    while done < resamples:
        k = min(rows, resamples - done)
        idx = rng.integers(0, n, (k, n))
        out[done : done + k] = d[idx].mean(axis=1)
        done += k
    return out


def paired_bootstrap(
    baseline: Sequence[float],
    current: Sequence[float],
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
    confidence: float = 0.95,
) -> tuple[float, float | None, float | None]:
    """(mean of current - baseline, CI low, CI high); no interval for fewer than 2 pairs."""
    b = np.asarray(baseline, dtype=np.float64)
    c = np.asarray(current, dtype=np.float64)
    if b.shape != c.shape:
        raise ValueError("paired samples must have the same length")
    d = c - b
    if d.size == 0:
        return 0.0, None, None
    delta = float(d.mean())
    if d.size < 2 or resamples < 1:
        return delta, None, None
    means = bootstrap_means(d, resamples, seed)
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.percentile(means, [tail, 100.0 - tail])
    return delta, float(low), float(high)


# ---------------------------------------------------------------- comparison


@dataclass(frozen=True)
class MetricDelta:
    metric: str
    document: str | None  # None: all matched candidates
    n: int
    baseline: float
    current: float
    delta: float
    ci_low: float | None
    ci_high: float | None

    @property
    def verdict(self) -> str:
        """`regression`, `improvement` (the interval excludes zero) or `no change`."""
        if self.ci_low is None or self.ci_high is None:
            return "no change"
        worse_if_up = lower_is_better(self.metric)
        if self.ci_high < 0:
            return "improvement" if worse_if_up else "regression"
        if self.ci_low > 0:
            return "regression" if worse_if_up else "improvement"
        return "no change"


@dataclass(frozen=True)
class LostFact:
    document: str | None
    candidate: str
    fact: str
    before: str
    now: str


@dataclass(frozen=True)
class CandidateDelta:
    document: str | None
    candidate: str
    deltas: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Comparison:
    baseline_signature: str
    current_signature: str
    signature_mismatch: tuple[str, ...]
    matched: int
    only_in_baseline: tuple[str, ...]
    only_in_current: tuple[str, ...]
    metrics: tuple[MetricDelta, ...]
    per_document: tuple[MetricDelta, ...]
    candidates: Sequence[CandidateDelta]  # compare_stream.CandidateDeltas: made as read
    lost_facts: tuple[LostFact, ...]
    resamples: int
    seed: int
    confidence: float
    baseline_path: str | None = None
    current_path: str | None = None

    def regressions(self, gated: Iterable[str] | None = None) -> tuple[MetricDelta, ...]:
        """Significant regressions (over all candidates) among `gated` metrics (None: all)."""
        names = set(gated) if gated is not None else None
        return tuple(
            m
            for m in self.metrics
            if m.verdict == "regression" and (names is None or m.metric in names)
        )


def _key(cand: dict[str, Any]) -> tuple[str | None, str]:
    return cand.get("document"), str(cand.get("id"))


def _label(key: tuple[str | None, str]) -> str:
    return f"{key[0]}/{key[1]}" if key[0] else key[1]


def compare_reports(
    baseline: dict[str, Any],
    current: dict[str, Any],
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
    confidence: float = 0.95,
) -> Comparison:
    """Compare two JSON reports (`run_to_dict` shape) candidate by candidate."""
    check_bootstrap(resamples, confidence)
    from harness.compare_stream import ReportValues, compare_values

    return compare_values(
        ReportValues.from_dict(baseline),
        ReportValues.from_dict(current),
        resamples,
        seed,
        confidence,
    )


def compare_files(
    baseline: Any,
    current: Any,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
    confidence: float = 0.95,
) -> Comparison:
    """Compare two report files, each read as a stream into arrays (any size)."""
    check_bootstrap(resamples, confidence)
    from harness.compare_stream import compare_values, read_values

    return compare_values(read_values(baseline), read_values(current), resamples, seed, confidence)


def check_bootstrap(resamples: int, confidence: float) -> None:
    if resamples < 1:
        raise ConfigError(f"resamples must be at least 1, got {resamples}")
    if not 0.0 < confidence < 1.0:
        raise ConfigError(f"confidence must be between 0 and 1, got {confidence}")


def _verdicts(cand: dict[str, Any]) -> dict[str, str]:
    facts = cand.get("facts")
    if not isinstance(facts, dict):
        return {}
    return {
        str(r.get("id")): str(r.get("verdict"))
        for r in facts.get("results") or []
        if isinstance(r, dict)
    }


# ---------------------------------------------------------------- output


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 6)


def _metric_dict(m: MetricDelta) -> dict[str, Any]:
    return {
        "metric": m.metric,
        "n": m.n,
        "baseline": _r(m.baseline),
        "current": _r(m.current),
        "delta": _r(m.delta),
        "ci": [_r(m.ci_low), _r(m.ci_high)] if m.ci_low is not None else None,
        "verdict": m.verdict,
    }


def comparison_to_dict(
    comp: Comparison,
    gated: Iterable[str] | None = None,
    fail_on_regression: bool = False,
    with_candidates: bool = True,
) -> dict[str, Any]:
    """The comparison as JSON data; without `candidates` when `with_candidates` is False
    (`compare_stream.write_comparison_json` writes them one at a time in their place)."""
    gated_list = list(gated) if gated is not None else [m.metric for m in comp.metrics]
    regressions = comp.regressions(gated_list)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for m in comp.per_document:
        by_doc.setdefault(m.document or "", []).append(_metric_dict(m))
    return {
        "baseline": {"path": comp.baseline_path, "signature": comp.baseline_signature},
        "current": {"path": comp.current_path, "signature": comp.current_signature},
        "comparable": not comp.signature_mismatch,
        "signature_mismatch": list(comp.signature_mismatch),
        "resamples": comp.resamples,
        "seed": comp.seed,
        "confidence": comp.confidence,
        "matched": comp.matched,
        "only_in_baseline": list(comp.only_in_baseline),
        "only_in_current": list(comp.only_in_current),
        "metrics": [_metric_dict(m) for m in comp.metrics],
        "documents": by_doc,
        "candidates": [
            {
                "document": c.document,
                "id": c.candidate,
                "deltas": {k: _r(v) for k, v in c.deltas.items()},
            }
            for c in comp.candidates
        ]
        if with_candidates
        else None,
        "lost_facts": [
            {
                "document": f.document,
                "candidate": f.candidate,
                "fact": f.fact,
                "before": f.before,
                "now": f.now,
            }
            for f in comp.lost_facts
        ],
        "gated": gated_list,
        "regressions": [m.metric for m in regressions],
        "failed": bool(fail_on_regression and (regressions or not comp.matched)),
    }


def _ci_text(m: MetricDelta) -> str:
    if m.ci_low is None or m.ci_high is None:
        return "n/a"
    return f"[{m.ci_low:+.4f}, {m.ci_high:+.4f}]"


def _metric_rows(metrics: Iterable[MetricDelta], gated: set[str]) -> list[list[str]]:
    rows = []
    for m in metrics:
        verdict = m.verdict
        if verdict == "regression" and m.metric in gated:
            verdict = "REGRESSION (gated)"
        elif verdict == "regression":
            verdict = "regression"
        rows.append(
            [
                m.metric if m.document is None else f"{m.document}: {m.metric}",
                str(m.n),
                f"{m.baseline:.4f}",
                f"{m.current:.4f}",
                f"{m.delta:+.4f}",
                _ci_text(m),
                verdict,
            ]
        )
    return rows


METRIC_HEAD = ["metric", "n", "baseline", "current", "delta", "CI", "verdict"]


def _several(comp: Comparison) -> bool:
    several = getattr(comp.candidates, "several", None)  # known to CandidateDeltas
    if several is not None:
        return several
    return len({c.document for c in comp.candidates}) > 1


def _name(comp: Comparison, document: str | None, candidate: str) -> str:
    from harness.text import printable

    return printable(_label((document, candidate)) if _several(comp) else candidate)


def _candidate_rows(comp: Comparison) -> tuple[list[str], list[list[str]]]:
    """Per-candidate deltas of the candidates where some metric changed."""
    from harness.metrics import ordered

    shown = ordered(m for c in comp.candidates for m in c.deltas)
    rows = [
        [_name(comp, c.document, c.candidate)]
        + [f"{c.deltas[m]:+.4f}" if m in c.deltas else "" for m in shown]
        for c in comp.candidates
        if any(abs(v) > 5e-7 for v in c.deltas.values())
    ]
    return ["candidate", *[f"Δ{m}" for m in shown]], rows


def _unchanged(comp: Comparison) -> int:
    return sum(1 for c in comp.candidates if all(abs(v) <= 5e-7 for v in c.deltas.values()))


def _mismatch_text(comp: Comparison) -> str:
    return "The reports' signatures differ; the numbers are NOT comparable:\n" + "\n".join(
        f"  {d}" for d in comp.signature_mismatch
    )


def build_renderables(comp: Comparison, gated: Iterable[str] | None = None) -> list[Any]:
    """rich renderables: mismatch panel, metric table, per-candidate deltas, lost facts."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from harness.text import printable

    gated_set = set(gated) if gated is not None else {m.metric for m in comp.metrics}
    out: list[Any] = []
    if comp.signature_mismatch:
        out.append(
            Panel(
                Text(_mismatch_text(comp), style="bold red"),
                border_style="red",
                title="SIGNATURE MISMATCH",
                title_align="left",
            )
        )
    pct = f"{comp.confidence:.0%}"
    table = Table(
        title=f"{comp.matched} candidates in both reports; paired bootstrap {pct} CI "
        f"({comp.resamples} resamples, seed {comp.seed})",
        title_justify="left",
    )
    for h in METRIC_HEAD:
        table.add_column(
            h.replace("CI", f"{pct} CI"), justify="left" if h in ("metric", "verdict") else "right"
        )
    for m, row in zip(
        [*comp.metrics, *comp.per_document],
        _metric_rows([*comp.metrics, *comp.per_document], gated_set),
        strict=True,
    ):
        style = {"regression": "red", "improvement": "green"}.get(m.verdict)
        if m.verdict == "regression" and m.metric in gated_set:
            style = "bold red"
        table.add_row(*row, style=style)
    out.append(table)
    head, rows = _candidate_rows(comp)
    if rows:
        ct = Table(title="per-candidate deltas (current - baseline)", title_justify="left")
        for h in head:
            ct.add_column(h, justify="left" if h == "candidate" else "right")
        for row in rows:
            ct.add_row(*(Text(cell) for cell in row))  # ids are data, never rich markup
        out.append(ct)
    if _unchanged(comp):
        out.append(Text(f"{_unchanged(comp)} candidates unchanged on every metric"))
    if comp.lost_facts:
        lt = Table(title="facts lost since the baseline", title_justify="left")
        for h in ("candidate", "fact", "baseline", "now"):
            lt.add_column(h)
        for f in comp.lost_facts:
            lt.add_row(
                Text(_name(comp, f.document, f.candidate)),
                Text(printable(f.fact)),
                Text(f.before),
                Text(f.now, style="bold red" if f.now == "contradicted" else "yellow"),
            )
        out.append(lt)
    for label, items in (
        ("only in the baseline", comp.only_in_baseline),
        ("only in the current report", comp.only_in_current),
    ):
        if items:
            out.append(
                Text(
                    f"{len(items)} candidates {label} (not compared): "
                    + ", ".join(printable(x) for x in items[:10])
                    + (" ..." if len(items) > 10 else "")
                )
            )
    return out


def render_comparison_text(
    comp: Comparison, gated: Iterable[str] | None = None, width: int = 140
) -> str:
    import io

    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=False, color_system=None)
    for r in build_renderables(comp, gated):
        console.print(r)
    return buf.getvalue()


def render_comparison_markdown(comp: Comparison, gated: Iterable[str] | None = None) -> str:
    from harness.text import markdown_text

    gated_set = set(gated) if gated is not None else {m.metric for m in comp.metrics}

    def table(head: list[str], rows: list[list[str]]) -> list[str]:
        cells = [head, *rows]
        lines = ["| " + " | ".join(markdown_text(c) for c in r) + " |" for r in cells]
        lines.insert(1, "|" + "|".join("---" for _ in head) + "|")
        return lines

    lines: list[str] = []
    if comp.signature_mismatch:
        lines += ["> [!CAUTION]", "> **Signatures differ: the numbers are not comparable.**"]
        lines += [f"> - `{d}`" for d in comp.signature_mismatch]
        lines.append("")
    lines.append(
        f"{comp.matched} candidates in both reports; paired bootstrap "
        f"{comp.confidence:.0%} CI ({comp.resamples} resamples, seed {comp.seed})."
    )
    lines.append("")
    metrics = [*comp.metrics, *comp.per_document]
    lines += table(METRIC_HEAD, _metric_rows(metrics, gated_set))
    head, rows = _candidate_rows(comp)
    if rows:
        lines += ["", "<details><summary>Per-candidate deltas</summary>", ""]
        lines += table(head, rows)
        lines += ["", "</details>"]
    if _unchanged(comp):
        lines += ["", f"{_unchanged(comp)} candidates unchanged on every metric."]
    if comp.lost_facts:
        lines += ["", "Facts lost since the baseline:", ""]
        lines += table(
            ["candidate", "fact", "baseline", "now"],
            [
                [_name(comp, f.document, f.candidate), f.fact, f.before, f.now]
                for f in comp.lost_facts
            ],
        )
    for label, items in (
        ("only in the baseline", comp.only_in_baseline),
        ("only in the current report", comp.only_in_current),
    ):
        if items:
            lines += ["", f"{len(items)} candidates {label} (not compared)."]
    return "\n".join(lines) + "\n"
