"""Blind flag precision of grounding on the labeled span samples.

    python bench/flag_precision.py

- tests/data/grounding_flags_refs.jsonl: numbers, dates, names and quotes of the SummEval
  development references (human-written), labeled blind (bench/sample_flags_refs.py);
- tests/data/grounding_numbers_xsum.jsonl: every number, date, quantity and ordinal of 316
  real system summaries of BBC articles (XSumFaith, data/xsumfaith/sample.jsonl), labeled
  before grounding was ever run on them (bench/sample_spans_xsum.py).

For each: of the labeled spans grounding flags now (a number, date, name or quote flag
overlapping the span), how many are labeled unsupported (precision), and of the spans labeled
unsupported, how many are flagged (recall). A span labeled anything else (supported,
not-a-number) counts against precision; `unclear` is left out. Flags that overlap no labeled
span are counted apart (the sample cannot judge them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from harness.grounding import analyse_article, ground  # noqa: E402

SPECIFIC = ("number", "date", "entity", "quote")


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def measure(rows: list[dict], texts: dict, articles: dict) -> dict:
    """rows: labeled spans with `key` -> (summary text, article key); counts of the outcome."""
    flags_of: dict = {}
    analyses: dict = {}
    for row in rows:
        key = row["key"]
        if key in flags_of:
            continue
        art = texts[key][1]
        if art not in analyses:
            analyses[art] = analyse_article(articles[art])
        result = ground(texts[key][0], analysis=analyses[art])
        flags_of[key] = [f.span for f in result.flags if f.kind in SPECIFIC]
    tp = fp = fn = 0
    matched = set()
    for row in rows:
        if row["label"] == "unclear":
            continue
        hit = [sp for sp in flags_of[row["key"]] if sp[0] < row["end"] and row["start"] < sp[1]]
        matched.update((row["key"], sp) for sp in hit)
        bad = row["label"] == "unsupported"
        tp += bool(hit) and bad
        fp += bool(hit) and not bad
        fn += (not hit) and bad
    unjudged = sum((key, sp) not in matched for key, spans in flags_of.items() for sp in spans)
    return {"flagged": tp + fp, "true": tp, "false": fp, "missed": fn, "unjudged": unjudged}


def refs_sample() -> dict:
    docs = {d["id"]: d for d in _lines(REPO / "data/summeval/dev.jsonl")}
    rows = _lines(REPO / "tests/data/grounding_flags_refs.jsonl")
    texts = {}
    for r in rows:
        r["key"] = (r["article"], r["reference"])
        texts[r["key"]] = (docs[r["article"]]["references"][r["reference"]], r["article"])
    return measure(rows, texts, {k: d["article"] for k, d in docs.items()})


def xsum_sample() -> dict:
    summaries = {(d["id"], d["model"]): d for d in _lines(REPO / "data/xsumfaith/sample.jsonl")}
    rows = _lines(REPO / "tests/data/grounding_numbers_xsum.jsonl")
    texts = {}
    for r in rows:
        r["key"] = (r["id"], r["model"])
        texts[r["key"]] = (summaries[r["key"]]["summary"], r["id"])
    return measure(rows, texts, {d["id"]: d["article"] for d in summaries.values()})


def main() -> int:
    for name, fn in (
        ("references (SummEval dev)", refs_sample),
        ("XSumFaith numbers", xsum_sample),
    ):
        m = fn()
        prec = m["true"] / m["flagged"] if m["flagged"] else float("nan")
        recall = m["true"] / (m["true"] + m["missed"]) if m["true"] + m["missed"] else float("nan")
        print(
            f"{name}: precision {m['true']}/{m['flagged']} = {prec:.1%}; "
            f"recall {m['true']}/{m['true'] + m['missed']} = {recall:.1%}; "
            f"flags on no labeled span: {m['unjudged']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
