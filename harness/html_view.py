"""The HTML report's view model: everything the templates show, computed from a report.

Values come from the report (`candidates[].metrics`), names, labels and directions from
the registry (`harness.metrics`), regressions from `harness.compare`'s result (a metric
whose paired-bootstrap interval lies wholly on the worse side of zero; a fact found
before and missing or contradicted now). Nothing is scored here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from harness import __version__
from harness.families.facts import SYMBOL, VERDICTS
from harness.html_charts import distribution, verdict_bars
from harness.html_report import (
    DocumentTexts,
    _as_document,
    _f,
    _fact_results,
    _key,
    _signed,
    _values,
    highlight_segments,
)

RANK = {"present": 2, "absent": 1, "contradicted": 0}  # a verdict's worth, for changes


@dataclass
class Row:
    index: int
    anchor: str
    cand: Mapping[str, Any]
    values: dict[str, float]
    gate: str  # pass, fail, error, ok
    failures: list[Mapping[str, Any]]
    deltas: dict[str, dict[str, str]]  # metric -> {text, cls}
    fact_changes: list[tuple[str, str, str]]  # (fact, before, after)
    regressions: list[str]  # compare's rule: facts lost since the baseline
    improvements: int
    base_found: bool
    marks: list[dict[str, str]]


def _gate_state(data: Mapping[str, Any]) -> tuple[bool | None, list[Mapping[str, Any]]]:
    gate = data.get("gate")
    if not isinstance(gate, Mapping):
        return None, []
    return bool(gate.get("passed")), list(gate.get("failures") or [])


def _delta(metric: Any, change: float) -> dict[str, str] | None:
    """A change shown beside a value: `reg` when worse, `imp` when better (direction from
    the registry); None when it rounds to nothing."""
    digits = 2 if metric is not None and metric.count else 3
    if abs(change) < 0.5 * 10**-digits:
        return None
    worse = change < 0 if metric is None or metric.higher_is_better else change > 0
    return {"text": _signed(change, digits), "cls": "reg" if worse else "imp"}


def _rows(data, baseline, comparison, metrics) -> list[Row]:
    passed, failures = _gate_state(data)
    base_index = {_key(c): c for c in (baseline or {}).get("candidates", [])}
    lost: dict[tuple[str, str], list[str]] = {}
    for f in (comparison or {}).get("lost_facts") or []:
        k = (str(f.get("document") or ""), str(f.get("candidate")))
        lost.setdefault(k, []).append(f"fact {f.get('fact')}: {f.get('before')} → {f.get('now')}")
    rows = []
    for i, cand in enumerate(data.get("candidates", [])):
        k = _key(cand)
        mine = [
            f
            for f in failures
            if str(f.get("candidate")) == k[1]
            and (f.get("document") in (None, "") or str(f.get("document")) == k[0])
        ]
        gate = "error" if cand.get("status") != "ok" else "fail" if mine else "ok"
        if gate == "ok" and passed is not None:
            gate = "pass"
        values = _values(cand)
        base = base_index.get(k)
        deltas: dict[str, dict[str, str]] = {}
        changes: list[tuple[str, str, str]] = []
        if base is not None:
            bv = _values(base)
            for name, v in values.items():
                if name in bv and (d := _delta(metrics.get(name), v - bv[name])) is not None:
                    deltas[name] = d
            before = {str(r.get("id")): str(r.get("verdict")) for r in _fact_results(base)}
            changes = [
                (str(r.get("id")), before[str(r.get("id"))], str(r.get("verdict")))
                for r in _fact_results(cand)
                if str(r.get("id")) in before and before[str(r.get("id"))] != r.get("verdict")
            ]
        marks = [
            {
                "verdict": str(r.get("verdict")),
                "id": str(r.get("id")),
                "symbol": SYMBOL[str(r.get("verdict"))],
            }
            for r in _fact_results(cand)
            if r.get("verdict") in SYMBOL
        ]
        gained = sum(RANK.get(a, 1) > RANK.get(b, 1) for _, b, a in changes)
        rows.append(
            Row(
                i,
                f"c{i}",
                cand,
                values,
                gate,
                mine,
                deltas,
                changes,
                lost.get(k, []),
                gained,
                base is not None,
                marks,
            )
        )
    return rows


def _cards(data, rows, baseline, metrics) -> list[dict[str, Any]]:
    means = dict((data.get("summary") or {}).get("means") or {})
    if not means:  # a report without a summary: the means of what it holds
        for name in metrics:
            vals = [r.values[name] for r in rows if name in r.values]
            if vals:
                means[name] = sum(vals) / len(vals)
    base_means = dict((baseline.get("summary") or {}).get("means") or {}) if baseline else {}
    cards = []
    for name, m in metrics.items():
        value = means.get(name)
        if value is None:
            continue
        base = base_means.get(name)
        delta = _delta(m, float(value) - float(base)) if base is not None else None
        label = f"{m.label} (mean)" if m.count else m.label
        cards.append({"label": label, "value": _f(value, 2 if m.count else 3), "delta": delta})
    return cards


def _charts(rows, baseline, metrics) -> list[dict[str, Any]]:
    base_vals: dict[str, list[float]] = {}
    for c in (baseline or {}).get("candidates", []):
        for k, v in _values(c).items():
            base_vals.setdefault(k, []).append(v)
    figs = []
    for name, m in metrics.items():
        vals = [(str(r.cand.get("id")), r.values[name]) for r in rows if name in r.values]
        if not m.chart or not vals:
            continue
        lo = -1.0 if min(v for _, v in vals) < 0 else m.low
        hi = m.high if math.isfinite(m.high) else max(1.0, *(v for _, v in vals))
        dist = distribution(vals, base_vals.get(name, ()), lo, hi, 10, m.label)
        figs.append({"label": m.label, "mean": f"{dist.mean:.3f}", "dist": dist})
    return figs


def _fact_rates(data: Mapping[str, Any]) -> list[tuple[str, Mapping[str, float]]]:
    rates = (data.get("summary") or {}).get("fact_rates") or {}
    if rates:
        return [(str(k), v) for k, v in rates.items()]
    counts: dict[str, dict[str, int]] = {}
    for c in data.get("candidates", []):
        for r in _fact_results(c):
            counts.setdefault(str(r["id"]), dict.fromkeys(VERDICTS, 0))[r["verdict"]] += 1
    return [(k, {v: n / max(1, sum(c.values())) for v, n in c.items()}) for k, c in counts.items()]


def _matrix(rows: Sequence[Row], documents: Mapping[str, DocumentTexts]) -> list[dict[str, Any]]:
    """One table per document: candidates x facts (the facts file's order, then as met)."""
    with_facts = [r for r in rows if r.cand.get("facts")]
    tables = []
    for doc in sorted({str(r.cand.get("document") or "") for r in with_facts}):
        d = documents.get(doc)
        ids = [str(f.get("id")) for f in (d.facts if d else ())]
        mine = [r for r in with_facts if str(r.cand.get("document") or "") == doc]
        for r in mine:
            ids += [str(fr["id"]) for fr in _fact_results(r.cand) if str(fr["id"]) not in ids]
        statements = {
            str(f.get("id")): str(f.get("statement") or "") for f in (d.facts if d else ())
        }
        body = []
        totals = dict.fromkeys(ids, 0)
        for r in mine:
            by_id = {str(fr["id"]): fr for fr in _fact_results(r.cand)}
            cells = []
            for i in ids:
                fr = by_id.get(i)
                if fr is None:
                    cells.append(None)
                    continue
                v = str(fr.get("verdict"))
                totals[i] += v == "present"
                tip = f"{i}: {v}"
                if fr.get("evidence"):
                    tip += f" — “{fr['evidence']}”"
                if fr.get("confidence") is not None:
                    tip += f" (confidence {float(fr['confidence']):.2f})"
                cells.append({"verdict": v, "fact": i, "tip": tip, "symbol": SYMBOL.get(v, "?")})
            body.append({"row": r, "cells": cells, "coverage": _f(r.values.get("coverage"), 2)})
        tables.append(
            {
                "document": doc,
                "facts": [(i, statements.get(i, "")) for i in ids],
                "rows": body,
                "totals": [f"{totals[i]}/{len(mine)}" for i in ids],
            }
        )
    return tables


def _documents_for(rows, docs) -> dict[int, DocumentTexts | None]:
    out = {}
    for r in rows:
        doc_id = str(r.cand.get("document") or "")
        doc = docs.get(doc_id)
        if doc is None and len(docs) == 1 and not doc_id:
            doc = next(iter(docs.values()))
        out[r.index] = doc
    return out


def _comparison(data, baseline) -> Mapping[str, Any] | None:
    """`harness compare`'s result: the one `score --baseline` stored, else computed now."""
    if baseline is None:
        return None
    comp = data.get("comparison")
    if isinstance(comp, Mapping):
        return comp
    from harness import compare

    try:
        return compare.comparison_to_dict(compare.compare_reports(dict(baseline), dict(data)))
    except Exception:  # an unreadable baseline: the page shows no comparison table
        return None


def build_view(
    data: Mapping[str, Any],
    texts: Mapping[tuple[str, str], str],
    documents: Mapping[str, Any],
    baseline: Mapping[str, Any] | None,
    title: str,
    source: str | None,
    baseline_name: str | None,
    problems: Mapping[tuple[str, str], str],
    open_limit: int,
) -> dict[str, Any]:
    """Everything the templates show, computed from the report and its inputs."""
    from harness.metrics import all_metrics
    from harness.results import as_current

    data = as_current(data)
    baseline = as_current(baseline) if baseline is not None else None
    metrics = all_metrics()
    docs = {str(k): _as_document(v) for k, v in (documents or {}).items()}
    comparison = _comparison(data, baseline)
    rows = _rows(data, baseline, comparison, metrics)
    passed, failures = _gate_state(data)
    row_docs = _documents_for(rows, docs)
    details, opened = [], 0
    for r in rows:
        interesting = (
            r.gate in ("fail", "error")
            or any(x.get("verdict") != "present" for x in _fact_results(r.cand))
            or bool(r.regressions)
        )
        open_ = interesting and opened < open_limit
        opened += open_
        details.append(_detail(r, texts, problems, row_docs[r.index], open_, metrics))
    shown = [n for n, m in metrics.items() if m.column and any(n in r.values for r in rows)]
    rates = _fact_rates(data)
    charts = _charts(rows, baseline, metrics)
    matrix = _matrix(rows, docs)
    summary = data.get("summary") or {}
    sig = str(data.get("signature") or "")
    bsig = str((baseline or {}).get("signature") or "")
    head_keys = {_key(c) for c in data.get("candidates", [])}
    gate_word = "no gate" if passed is None else ("gate passed" if passed else "gate FAILED")
    return {
        "title": title,
        "version": __version__,
        "meta": [
            *([source] if source else []),
            f"{len(rows)} candidates",
            gate_word,
            f"harness {__version__}",
        ],
        "gate_passed": passed,
        "failures": failures,
        "failed_candidates": len({(f.get("document"), f.get("candidate")) for f in failures}),
        "run_failures": [f for f in failures if not f.get("candidate")],
        "stats": [
            ("candidates", summary.get("candidates", len(rows))),
            ("scored", summary.get("scored", sum(r.cand.get("status") == "ok" for r in rows))),
            ("errors", summary.get("errors", sum(r.cand.get("status") != "ok" for r in rows))),
        ],
        "cards": _cards(data, rows, baseline, metrics),
        "signature_parts": sig.split("|"),
        "baseline": None
        if baseline is None
        else {
            "name": baseline_name,
            "regressed": [r for r in rows if r.regressions],
            "improved": [r for r in rows if r.improvements and not r.regressions],
            "new": [r for r in rows if not r.base_found],
            "removed": [c for c in baseline.get("candidates", []) if _key(c) not in head_keys],
            "changed": sorted(set(sig.split("|")) ^ set(bsig.split("|")))
            if bsig and bsig != sig
            else [],
            "comparison": _comparison_rows(comparison, metrics),
        },
        "charts": charts,
        "verdict_bars": verdict_bars(rates) if rates else None,
        "matrix": matrix,
        "multi_doc": len({str(c.get("document") or "") for c in data.get("candidates", [])}) > 1,
        "columns": [(n, metrics[n]) for n in shown],
        "has_facts": any(r.cand.get("facts") for r in rows),
        "rows": rows,
        "details": details,
    }


def _comparison_rows(comp, metrics) -> dict[str, Any] | None:
    if not comp or not comp.get("metrics"):
        return None
    rows = []
    for m in comp["metrics"]:
        name = str(m.get("metric"))
        verdict = str(m.get("verdict") or "")
        ci = m.get("ci")
        rows.append(
            {
                "label": metrics[name].label if name in metrics else name,
                "baseline": _f(m.get("baseline")),
                "current": _f(m.get("current")),
                "delta": _signed(float(m.get("delta") or 0)),
                "ci": f"[{_signed(ci[0])}, {_signed(ci[1])}]" if ci else "n/a",
                "verdict": verdict,
                "cls": {"regression": "reg", "improvement": "imp"}.get(verdict, "flat"),
            }
        )
    return {
        "rows": rows,
        "matched": comp.get("matched"),
        "confidence": f"{float(comp.get('confidence') or 0.95):.0%}",
    }


def _detail(r: Row, texts, problems, doc: DocumentTexts | None, open_: bool, metrics) -> dict:
    k = _key(r.cand)
    statements = {
        str(f.get("id")): str(f.get("statement") or "") for f in (doc.facts if doc else ())
    }
    text = texts.get(k)
    problem = problems.get(k)
    if text is None and problem is None and texts:
        problem = "not found among the texts given"
    segments, notes = (
        highlight_segments(text, _fact_results(r.cand), statements)
        if text is not None
        else ([], [])
    )
    facts = []
    for fr in _fact_results(r.cand):
        fid = str(fr.get("id"))
        conf = fr.get("confidence")
        facts.append(
            {
                "id": fid,
                "verdict": str(fr.get("verdict")),
                "statement": statements.get(fid, ""),
                "evidence": fr.get("evidence"),
                "symbol": SYMBOL.get(str(fr.get("verdict")), "?"),
                "confidence": f"{float(conf):.2f}" if conf is not None else None,
            }
        )
    rouge = r.cand.get("rouge") or {}
    scores = [
        {
            "label": m.label,
            "value": _f(r.values[name], 0 if m.count else 3),
            "delta": r.deltas.get(name),
        }
        for name, m in metrics.items()
        if name in r.values
    ]
    facts_obj = r.cand.get("facts") or {}
    from harness.html_grounding import grounding_view

    return {
        "grounding": grounding_view(text, r.cand.get("grounding")),
        "row": r,
        "open": open_,
        "text": text,
        "problem": problem,
        "segments": segments,
        "notes": notes,
        "facts": facts,
        "facts_counts": facts_obj if facts_obj else None,
        "scores": scores,
        "rouge": [
            {
                "label": metrics[t].label if t in metrics else t,
                "p": _f(prf.get("precision")),
                "r": _f(prf.get("recall")),
                "f": _f(prf.get("fmeasure")),
                "mean": _f(((rouge.get("mean") or {}).get(t) or {}).get("fmeasure")),
            }
            for t, prf in (rouge.get("best") or {}).items()
        ],
        "doc": doc,
        "summary_values": [
            (metrics[n].short, _f(r.values[n], 2 if n == "coverage" else 3))
            for n in ("rougeL", "coverage")
            if n in r.values and n in metrics
        ],
    }
