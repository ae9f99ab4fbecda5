"""Blind flag precision of grounding on the labeled span samples.

    python bench/flag_precision.py

- tests/data/grounding_flags_refs.jsonl: numbers, dates, names and quotes of the SummEval
  development references (human-written), labeled blind (bench/sample_flags_refs.py);
- tests/data/grounding_numbers_xsum.jsonl: every number, date, quantity and ordinal of 316
  real system summaries of BBC articles (XSumFaith, data/xsumfaith/sample.jsonl), labeled
  before grounding was ever run on them (bench/sample_spans_xsum.py);
- tests/data/grounding_names_cliff.jsonl: every name, number, date, quantity and ordinal of
  132 real cased BART/PEGASUS summaries of BBC articles (CLIFF, data/cliff_xsum/sample.jsonl),
  labeled before grounding was ever run on them (bench/sample_spans_xsum.py --names); its
  names and its numbers are also counted apart.

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


def measure(rows: list[dict], texts: dict, articles: dict, kinds=SPECIFIC) -> dict:
    """rows: labeled spans with `key` -> (summary text, article key); counts of the outcome
    for the flags of `kinds`."""
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
        flags_of[key] = [f.span for f in result.flags if f.kind in kinds]
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


def _xsum_style(data: str, labels: str, kinds=SPECIFIC, ner=None) -> dict:
    """A sample of spans labeled in summaries of data/<data>/sample.jsonl; with `ner`, only
    the spans spaCy tagged as one of those."""
    summaries = {(d["id"], d["model"]): d for d in _lines(REPO / "data" / data / "sample.jsonl")}
    rows = _lines(REPO / "tests/data" / labels)
    if ner is not None:
        rows = [r for r in rows if r["ner"] in ner]
    texts = {}
    for r in rows:
        r["key"] = (r["id"], r["model"])
        texts[r["key"]] = (summaries[r["key"]]["summary"], r["id"])
    return measure(rows, texts, {d["id"]: d["article"] for d in summaries.values()}, kinds)


def xsum_sample() -> dict:
    return _xsum_style("xsumfaith", "grounding_numbers_xsum.jsonl")


NUMERIC = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "NUMBER"}


def cliff_sample() -> dict:
    return _xsum_style("cliff_xsum", "grounding_names_cliff.jsonl")


def cliff_names() -> dict:
    """The CLIFF sample's name spans (every tag but a number's) against name and quote flags."""
    rows = _lines(REPO / "tests/data/grounding_names_cliff.jsonl")
    names = {r["ner"] for r in rows} - NUMERIC
    return _xsum_style("cliff_xsum", "grounding_names_cliff.jsonl", ("entity", "quote"), names)


def cliff_numbers() -> dict:
    """The CLIFF sample's number spans against number and date flags."""
    return _xsum_style("cliff_xsum", "grounding_names_cliff.jsonl", ("number", "date"), NUMERIC)


def main() -> int:
    for name, fn in (
        ("references (SummEval dev)", refs_sample),
        ("XSumFaith numbers", xsum_sample),
        ("CLIFF names and numbers", cliff_sample),
        ("CLIFF names", cliff_names),
        ("CLIFF numbers", cliff_numbers),
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
